/**
 * A live host: run the collector (POSIX sh), validate what it printed, then targets → facts: each rsyncd
 * config in use, parsed as the daemon sees it (src/parse), joined with the host's processes, sockets,
 * units and, with --probe, what the network sees (src/facts), one facts document per config.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeJsonError, fail, UserError, type Result } from '../common/index.ts';
import { distDir } from '../engine/index.ts';
import { daemonFacts, hostDocument, type FactsDocument } from '../facts/index.ts';
import { parseHostConfigs } from '../parse/index.ts';
import { parseHostRaw, probeDaemon, type HostRaw } from '../sources/index.ts';

export { hostErrors } from '../parse/index.ts';

const COLLECTOR_TIMEOUT_MS = 60_000;

export function collectorPath(): string {
  const shipped = join(distDir(), 'rsync-facts.sh');
  return existsSync(shipped) ? shipped : join(distDir(), '..', 'collectors', 'rsync-facts.sh');
}

/** Run the collector on this machine with `sh`. */
export function collectLocal(): Result<HostRaw> {
  const r = spawnSync('sh', [collectorPath()], { encoding: 'utf8', timeout: COLLECTOR_TIMEOUT_MS, maxBuffer: 64 << 20 });
  if (r.error || r.status !== 0) return fail(new UserError(`the collector failed: ${r.error?.message ?? r.stderr.trim().split('\n').slice(-1)[0] ?? `exit ${r.status}`}`, 'localhost', 'Run collectors/rsync-facts.sh by hand to see why.'));
  let json: unknown;
  try {
    json = JSON.parse(r.stdout);
  } catch (e) {
    return fail(new UserError(`the collector printed something that is not JSON: ${describeJsonError(e)}`, 'localhost', 'Run collectors/rsync-facts.sh by hand to see what it prints.'));
  }
  return parseHostRaw(json, 'localhost');
}

export interface HostOptions {
  probe: boolean;
  /** The run's date (YYYY-MM-DD), from the front end's clock. */
  today: string;
}

/** One facts document per config in use, as each is parsed: targets → facts. */
export async function* hostTargets(raw: HostRaw, opts: HostOptions): AsyncGenerator<FactsDocument> {
  for (const target of parseHostConfigs(raw)) {
    const daemon = daemonFacts(raw, target.path);
    const probes = opts.probe ? await Promise.all(daemon.listeners.map((l) => probeDaemon(l.address, l.port))) : [];
    yield hostDocument(raw, target, { ...daemon, probes }, opts.today);
  }
}

/** Every facts document of the host at once (a report needs them all). */
export async function hostFacts(raw: HostRaw, opts: HostOptions): Promise<FactsDocument[]> {
  return collect(hostTargets(raw, opts));
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
