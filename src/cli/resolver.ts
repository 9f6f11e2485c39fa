/**
 * Forward resolution for `access`: the system resolver (what the daemon's gethostbyname would ask), or a
 * hosts-format map for offline analysis. Every lookup is bounded in time; a timeout is "unknown", not
 * "unresolvable", so it never turns into a fail-closed deny by accident.
 */
import { lookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { errorMessage, UserError } from '../common/index.ts';
import type { Resolution } from '../facts/index.ts';

const LOOKUP_TIMEOUT_MS = 3000;

export type Resolver = (name: string) => Resolution;

export async function systemResolver(names: string[]): Promise<Resolver> {
  const answers = new Map<string, Resolution>();
  await Promise.all(
    names.map(async (name) => {
      answers.set(name, await resolveOne(name));
    }),
  );
  return (name) => answers.get(name) ?? { kind: 'unknown' };
}

async function resolveOne(name: string): Promise<Resolution> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Resolution>((done) => {
    timer = setTimeout(() => done({ kind: 'unknown' }), LOOKUP_TIMEOUT_MS);
  });
  const query = lookup(name, { family: 4, all: true }).then(
    (addrs): Resolution => ({ kind: 'addrs', addrs: addrs.map((a) => a.address) }),
    (e: unknown): Resolution => {
      const code = e instanceof Error && 'code' in e ? String(e.code) : '';
      // gethostbyname answers NULL for a temporary DNS failure too, and rsync does not tell them apart.
      return ['ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'EAI_AGAIN', 'EAI_FAIL'].includes(code) ? { kind: 'unresolvable' } : { kind: 'unknown' };
    },
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const HOSTS_MAP_HINT = 'Give --hosts-map a readable file in /etc/hosts format: one "ADDRESS NAME [NAME…]" per line, # for comments.';

/** An /etc/hosts-format file: `ADDRESS NAME [NAME…]`; names it does not list are unresolvable. */
export function hostsMapResolver(path: string): Resolver {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`--hosts-map: cannot read the file: ${errorMessage(e)}`, path, HOSTS_MAP_HINT);
  }
  const map = new Map<string, string[]>();
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') continue;
    const [addr, ...names] = line.split(/\s+/);
    if (!addr || names.length === 0) throw new UserError('--hosts-map: a line is not "ADDRESS NAME…"', `${path}:${i + 1}`, HOSTS_MAP_HINT);
    if (addr.includes(':')) continue; // gethostbyname answers IPv4 only
    for (const n of names) map.set(n.toLowerCase(), [...(map.get(n.toLowerCase()) ?? []), addr]);
  }
  return (name) => {
    const addrs = map.get(name.toLowerCase());
    return addrs ? { kind: 'addrs', addrs } : { kind: 'unresolvable' };
  };
}
