/**
 * A fleet sweep: the collector over SSH on many hosts at once, every host accounted for. Results are
 * appended to a JSON Lines file as they arrive, so an interrupted sweep loses nothing and --resume skips
 * the hosts already done. An abort signal (the CLI's SIGINT/SIGTERM) stops every ssh session and hands back
 * what was done; hosts cut off are neither reported nor recorded, so a resume sweeps them again.
 */
import { appendFileSync, existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage, fail, ok, UserError, type Result } from '../common/index.ts';
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

/**
 * Before the one retry: a refusal or a reset is usually a daemon restarting or MaxStartups shedding load, and
 * an immediate retry would land in the same moment.
 */
const RETRY_PAUSE_MS = 500;

/** Waits MS, or less when the sweep is interrupted (the retry then sees the abort and says so). */
const pause = (ms: number, signal?: AbortSignal) => sleep(ms, undefined, signal ? { signal } : {}).catch(() => {});

async function sweepOne(host: InventoryHost, script: string, opts: SweepOptions): Promise<HostOutcome> {
  const started = performance.now();
  let r = await collectOverSsh(host, script, opts.ssh, opts.signal);
  // Retried only when ssh says the connection was reset or refused (ssh-collect.ts `transient`): a timeout,
  // a silent listener included, is not retried, so a dead host costs one --connect-timeout, not two.
  if (r.transient) {
    await pause(RETRY_PAUSE_MS, opts.signal);
    r = await collectOverSsh(host, script, opts.ssh, opts.signal);
  }
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
    const dir = dirname(opts.results);
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {}
    if (!isDir) return fail(new UserError(`--results: the directory ${dir} does not exist`, opts.results, 'Give --results a file in a directory that exists (the file itself is created), or create the directory first.'));
    // Before the first ssh session: a file that cannot be written would lose every outcome.
    try {
      appendFileSync(opts.results, '');
    } catch (e) {
      return fail(new UserError(`--results: the file cannot be written: ${errorMessage(e)}`, opts.results, 'Give --results a file you can write in a directory that exists, or leave --results out.'));
    }
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
  let lost: UserError | undefined;
  // One listener on the caller's signal, fanned out to a signal per host in flight: an ssh (and its retry
  // pause) listening on the shared signal itself would add one listener per host at once, and past ten Node
  // warns of a leak ("MaxListenersExceededWarning") in every sweep of more than ten hosts.
  const inFlight = new Set<AbortController>();
  const abortAll = () => {
    for (const c of inFlight) c.abort();
  };
  opts.signal?.addEventListener('abort', abortAll, { once: true });
  const worker = async () => {
    while (next < todo.length && !opts.signal?.aborted && lost === undefined) {
      const host = todo[next++] as InventoryHost;
      const own = new AbortController();
      inFlight.add(own);
      const o = await sweepOne(host, script, { ...opts, signal: own.signal }).finally(() => inFlight.delete(own));
      if (o.status === 'interrupted') return;
      if (o.status !== 'ok') failed++;
      outcomes.push(o);
      try {
        if (opts.results) appendFileSync(opts.results, `${JSON.stringify(o)}\n`);
      } catch (e) {
        lost = new UserError(`--results: an outcome could not be written: ${errorMessage(e)}; the sweep stopped`, opts.results, 'Free space or fix the file, then run the same command with --resume to sweep the hosts not recorded.');
        return;
      }
      opts.progress?.(outcomes.length, failed, hosts.length - outcomes.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, todo.length)) }, worker));
  opts.signal?.removeEventListener('abort', abortAll);
  if (lost !== undefined) return fail(lost);
  const order = new Map(hosts.map((h, i) => [h.name, i]));
  return ok(outcomes.sort((a, b) => (order.get(a.host) ?? 0) - (order.get(b.host) ?? 0)));
}
