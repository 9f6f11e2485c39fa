/**
 * A live host: the collector's document (src/sources), then targets → facts: each rsyncd
 * config in use, parsed as the daemon sees it (src/parse), joined with the host's processes, sockets,
 * units and, with --probe, what the network sees (src/facts), one facts document per config.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../common/index.ts';
import { distDir } from '../engine/index.ts';
import { daemonFacts, hostDocument, type FactsDocument } from '../facts/index.ts';
import { parseHostConfigs } from '../parse/index.ts';
import { probeDaemon, runCollector, type HostRaw } from '../sources/index.ts';

export { hostErrors } from '../parse/index.ts';

export function collectorPath(): string {
  const shipped = join(distDir(), 'rsync-facts.sh');
  return existsSync(shipped) ? shipped : join(distDir(), '..', 'collectors', 'rsync-facts.sh');
}

/** Run the shipped collector on this machine. */
export function collectLocal(): Result<HostRaw> {
  return runCollector(collectorPath());
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
