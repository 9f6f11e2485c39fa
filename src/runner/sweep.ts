/**
 * A fleet sweep: the collector over SSH on many hosts at once, every host accounted for. Results are
 * appended to a JSON Lines file as they arrive, so an interrupted sweep loses nothing and --resume skips
 * the hosts already done.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { collectOverSsh, parseHostRaw, type HostRaw, type HostStatus, type InventoryHost, type SshOptions } from '../sources/index.ts';

export interface HostOutcome {
  host: string;
  group: string;
  status: HostStatus;
  reason: string;
  seconds: number;
  raw?: HostRaw;
}

export interface SweepOptions {
  concurrency: number;
  ssh: SshOptions;
  /** JSON Lines file the outcomes are appended to. */
  results?: string;
  resume: boolean;
  progress?: (done: number, failed: number, remaining: number) => void;
}

/** Outcomes already in a results file, by host (the last line for a host wins). */
function previous(file: string | undefined): Map<string, HostOutcome> {
  const done = new Map<string, HostOutcome>();
  if (!file || !existsSync(file)) return done;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const o = JSON.parse(line) as HostOutcome;
      if (typeof o.host === 'string' && typeof o.status === 'string') done.set(o.host, o);
    } catch {
      // A line cut short by an interruption: that host is swept again.
    }
  }
  return done;
}

async function sweepOne(host: InventoryHost, script: string, opts: SweepOptions): Promise<HostOutcome> {
  const started = performance.now();
  let r = await collectOverSsh(host, script, opts.ssh);
  if (r.transient) r = await collectOverSsh(host, script, opts.ssh);
  const seconds = (performance.now() - started) / 1000;
  const base = { host: host.name, group: host.group, seconds };
  if (r.status !== 'ok') return { ...base, status: r.status, reason: r.reason };
  let json: unknown;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    return { ...base, status: 'malformed-output', reason: `the collector's output is not JSON (${r.stdout.length} bytes, starts "${r.stdout.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}")` };
  }
  const raw = parseHostRaw(json, host.name);
  if (!raw.ok) return { ...base, status: 'malformed-output', reason: raw.error.message };
  // Reports name a host as the inventory does, whatever its kernel calls itself.
  return { ...base, status: 'ok', reason: '', raw: { ...raw.value, host: { ...raw.value.host, name: host.name } } };
}

export async function sweep(hosts: InventoryHost[], script: string, opts: SweepOptions): Promise<HostOutcome[]> {
  const earlier = opts.resume ? previous(opts.results) : new Map<string, HostOutcome>();
  const outcomes: HostOutcome[] = [];
  const todo: InventoryHost[] = [];
  for (const h of hosts) {
    const e = earlier.get(h.name);
    if (e?.status === 'ok') outcomes.push(e);
    else todo.push(h);
  }
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < todo.length) {
      const host = todo[next++] as InventoryHost;
      const o = await sweepOne(host, script, opts);
      if (o.status !== 'ok') failed++;
      outcomes.push(o);
      if (opts.results) appendFileSync(opts.results, `${JSON.stringify(o)}\n`);
      opts.progress?.(outcomes.length, failed, hosts.length - outcomes.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, todo.length)) }, worker));
  const order = new Map(hosts.map((h, i) => [h.name, i]));
  return outcomes.sort((a, b) => (order.get(a.host) ?? 0) - (order.get(b.host) ?? 0));
}
