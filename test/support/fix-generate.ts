/**
 * Generated rsyncd.conf files for the `fix` property test: a seeded PRNG picks from a small grammar of risky
 * settings (anonymous writable modules, root transfers, no chroot, strict modes off, comments inside values,
 * listed restricted modules, allow+deny lists, comma-separated refuse options, CVE-relevant options) and of
 * layouts (indentation by spaces or tabs, CRLF, continuation lines, comments and blank lines between lines).
 */
import { rng as prng } from '../integration/support/generate-configs.ts';

export interface Gen {
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  int(lo: number, hi: number): number;
}

export function gen(seed: number): Gen {
  const next = prng(seed);
  return {
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
    chance: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}

const GLOBAL_CHOICES: readonly (readonly string[])[] = [
  ['uid = root', 'uid = nobody', 'uid = 0'],
  ['gid = root', 'gid = nogroup', 'gid = 0'],
  ['use chroot = no', 'use chroot = yes', 'use chroot = no # legacy layout'],
  ['strict modes = no'],
  ['read only = no', 'read only = false'],
  ['list = yes'],
  ['refuse options = delete', 'refuse options = delete, compress'],
  ['max connections = 10'],
];

function moduleLines(g: Gen, i: number): string[] {
  const lines = [`path = /srv/m${i}`];
  if (g.chance(0.3)) lines.push(g.pick(['comment = mirror', 'comment = uploads # from CI']));
  if (g.chance(0.6)) lines.push(g.pick(['read only = no', 'read only = yes', 'read only = no # writable', 'read only = false', 'read only = 0']));
  if (g.chance(0.4)) lines.push('auth users = admin', 'secrets file = /etc/rsyncd.secrets');
  if (g.chance(0.35)) {
    const allow = g.pick(['10.0.0.0/8', '10.0.0.0/8 192.168.1.0/24', '127.0.0.1 # local only']);
    lines.push(`hosts allow = ${allow}`);
    if (g.chance(0.6)) lines.push(g.pick(['hosts deny = 192.168.0.0/16', 'hosts deny = 172.16.0.0/12 10.9.9.9']));
  }
  if (g.chance(0.25)) lines.push(g.pick(['list = yes', 'list = no', 'list = no # hidden']));
  if (g.chance(0.25)) lines.push(g.pick(['uid = root', 'uid = nobody']));
  if (g.chance(0.2)) lines.push(g.pick(['gid = root', 'gid = 0']));
  if (g.chance(0.25)) lines.push(g.pick(['use chroot = no', 'use chroot = yes']));
  if (g.chance(0.15)) lines.push('munge symlinks = no');
  if (g.chance(0.15)) lines.push('strict modes = no');
  if (g.chance(0.2)) lines.push(g.pick(['refuse options = delete', 'refuse options = delete,compress', 'refuse options = xattrs']));
  if (g.chance(0.1)) lines.push('insecure links = yes');
  return lines;
}

/** Split a long list value over a continuation line now and then. */
function layout(g: Gen, line: string, indent: string): string[] {
  const m = /^([a-z ]+= )(\S+) (\S+.*)$/.exec(line);
  if (m && !line.includes('#') && g.chance(0.3)) return [`${indent}${m[1]}${m[2]} \\`, `${indent}    ${m[3]}`];
  return [`${indent}${line}`];
}

/** One generated config's text. */
export function generateConfig(seed: number): string {
  const g = gen(seed);
  const out: string[] = [];
  if (g.chance(0.5)) out.push(`# generated config ${seed}`);
  for (const choices of GLOBAL_CHOICES) if (g.chance(0.35)) out.push(...layout(g, g.pick(choices), ''));
  const indent = g.pick(['', '    ', '\t', '  ']);
  const modules = g.int(1, 3);
  for (let i = 0; i < modules; i++) {
    if (g.chance(0.5)) out.push('');
    if (g.chance(0.2)) out.push(`# rsyncguard: public m${i} mirror`);
    out.push(`[m${i}]`);
    for (const line of moduleLines(g, i)) {
      if (g.chance(0.1)) out.push(`${indent}# note`);
      out.push(...layout(g, line, indent));
    }
  }
  const eol = g.chance(0.25) ? '\r\n' : '\n';
  return out.join(eol) + (g.chance(0.85) ? eol : '');
}
