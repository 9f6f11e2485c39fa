/**
 * A fleet sweep: the collector over SSH on many hosts at once, every host accounted for. Results are
 * appended to a JSON Lines file as they arrive, so an interrupted sweep loses nothing and --resume skips
 * the hosts already done. An abort signal (the CLI's SIGINT/SIGTERM) stops every ssh session and hands back
 * what was done; hosts cut off are neither reported nor recorded, so a resume sweeps them again.
 */
import { appendFileSync, existsSync, lstatSync, readFileSync } from 'node:fs';
import { fail, ok, UserError, type Result } from '../common/index.ts';
import { collectOverSsh, readCollectorOutput, type InventoryHost, type SshOptions } from '../sources/index.ts';
import { readOutcomes, repairTornTail, type HostOutcome } from './sweep-results.ts';

export type { HostOutcome } from './sweep-results.ts';

export interface SweepOptions {
  concurrency: number;
  ssh: SshOptions;
  /** JSON Lines file the outcomes are appended to. */
  results?: string;
  resume: boolean;
  progress?: (done: number, failed: number, remaining: number) => void;
  /** Told about repairs and unusable lines in the results file. */
  warn?: (message: string) => void;
  signal?: AbortSignal;
}

async function sweepOne(host: InventoryHost, script: string, opts: SweepOptions): Promise<HostOutcome> {
  const started = performance.now();
  let r = await collectOverSsh(host, script, opts.ssh, opts.signal);
  if (r.transient) r = await collectOverSsh(host, script, opts.ssh, opts.signal);
  const seconds = (performance.now() - started) / 1000;
  const base = { host: host.name, group: host.group, seconds };
  if (r.status !== 'ok') return { ...base, status: r.status, reason: r.reason };
  const raw = readCollectorOutput(r.stdout, host.name);
  if (!raw.ok) return { ...base, status: 'malformed-output', reason: raw.error.message };
  // Reports name a host as the inventory does, whatever its kernel calls itself.
  return { ...base, status: 'ok', reason: '', raw: { ...raw.value, host: { ...raw.value.host, name: host.name } } };
}

/** Every host's outcome, in inventory order; a results file that cannot be one is the error. */
export async function sweep(hosts: InventoryHost[], script: string, opts: SweepOptions): Promise<Result<HostOutcome[]>> {
  const warn = opts.warn ?? (() => {});
  if (opts.results && existsSync(opts.results) && !lstatSync(opts.results).isFile()) {
    // A FIFO would hang the resume, a device (/dev/zero) fill memory, a link send the outcomes elsewhere.
    return fail(new UserError('the results file is not a regular file', opts.results, 'Give --results a plain file of its own (a new path is created).'));
  }
  if (opts.results) {
    // Before anything is appended, resumed or not: a torn tail would swallow the next outcome.
    const repaired = repairTornTail(opts.results);
    if (repaired) warn(repaired);
  }
  const earlier = opts.resume && opts.results && existsSync(opts.results) ? readOutcomes(readFileSync(opts.results, 'utf8'), opts.results, warn) : new Map<string, HostOutcome>();
  const outcomes: HostOutcome[] = [];
  const todo: InventoryHost[] = [];
  for (const h of hosts) {
    const e = earlier.get(h.name);
    // What the file says of a host is taken under the inventory's name and group, as a fresh sweep would:
    // a document naming some other host cannot put findings on it.
    if (e?.status === 'ok' && e.raw) outcomes.push({ ...e, group: h.group, raw: { ...e.raw, host: { ...e.raw.host, name: h.name } } });
    else todo.push(h);
  }
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < todo.length && !opts.signal?.aborted) {
      const host = todo[next++] as InventoryHost;
      const o = await sweepOne(host, script, opts);
      if (o.status === 'interrupted') return;
      if (o.status !== 'ok') failed++;
      outcomes.push(o);
      if (opts.results) appendFileSync(opts.results, `${JSON.stringify(o)}\n`);
      opts.progress?.(outcomes.length, failed, hosts.length - outcomes.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, todo.length)) }, worker));
  const order = new Map(hosts.map((h, i) => [h.name, i]));
  return ok(outcomes.sort((a, b) => (order.get(a.host) ?? 0) - (order.get(b.host) ?? 0)));
}
