/**
 * The two figures of issue 19, against the webhook run from the source tree (a child process):
 * - rate: reviews of cached images sent at a fixed 1,000/s (open loop: each request leaves at its
 *   scheduled time, whether or not earlier answers came) over a handful of kept-alive connections, as the
 *   API server keeps them; achieved rate, p50 and p99 of the answer time, counted from the scheduled send
 *   time so that a server falling behind shows in the figure.
 * - cold: eight concurrent reviews of eight large images nobody has reviewed yet: every answer within
 *   --budget-ms, while /healthz and /metrics are polled every 100 ms (their worst answer time).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startSourceWebhook } from '../test/integration/support/source-webhook.ts';
import {
  get,
  imagesReview,
  leanClient,
  makeCertificate,
  memoryImage,
  post,
  startTinyRegistry,
  verdictOf,
  WRITABLE_CONF,
  whiteoutHeavyImage,
  withTrivialServer,
  type Certificate,
  type LeanClient,
  type MemoryImage,
  type Webhook,
} from '../test/hostile/support/webhook.ts';
import type { Row } from './stats.ts';

const RATE = 1000;
const RATE_SECONDS = 10;
const SOCKETS = 8;
const COLD = 8;
const COLD_BUDGET_MS = 5000;
const POLL_MS = 100;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** POST over `agent`; resolves with the status and the body, never rejects (status 0 on failure). */
function postOn(agent: Agent, hook: Webhook, body: string): Promise<{ status: number; text: string }> {
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port: hook.port, path: '/validate', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, text }));
      res.on('error', () => done({ status: 0, text: '' }));
    });
    req.on('error', () => done({ status: 0, text: '' }));
    req.setTimeout(10_000, () => req.destroy());
    req.end(body);
  });
}

/** Sends `rate`/s for `seconds`, each request at its own scheduled time; the answer times from those times. */
type Send = (body: string) => Promise<{ status: number; text: string }>;

/**
 * A queue over the lean client's kept-alive connections (one request at a time on each, as HTTP/1.1
 * without pipelining): the cheapest client there is, so that the client's own CPU disturbs the figure least.
 * Connections are taken in turn, the one free longest first: the lean client does not reconnect, and a
 * connection left idle past the webhook's keep-alive timeout would be closed under it.
 */
function leanPool(lean: LeanClient, sockets: number): Send {
  const free = Array.from({ length: sockets }, (_, i) => i);
  const waiting: (() => void)[] = [];
  return async (body) => {
    let i = free.shift();
    while (i === undefined) {
      await new Promise<void>((r) => waiting.push(r));
      i = free.shift();
    }
    try {
      return await lean.post(i, body, 10_000);
    } catch {
      return { status: 0, text: '' };
    } finally {
      free.push(i);
      waiting.shift()?.();
    }
  };
}

/**
 * `clientStallMs`: the longest the client's own event loop was held up meanwhile. A late answer counts
 * against the server only when the client was not itself stalled (it shares the machine's cores).
 */
async function openLoop(send: Send, bodies: string[], rate: number, seconds: number): Promise<{ times: number[]; failed: number; wallS: number; clientStallMs: number }> {
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  const total = rate * seconds;
  const times: number[] = [];
  let failed = 0;
  const inflight: Promise<void>[] = [];
  const t0 = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) * rate) / 1000) + 1);
    for (; sent < due; sent++) {
      const scheduled = t0 + (sent * 1000) / rate;
      const i = sent;
      inflight.push(
        send(bodies[i % bodies.length] ?? '').then((a) => {
          if (a.status === 200 && a.text.includes('"allowed":true')) times.push(performance.now() - scheduled);
          else failed++;
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inflight);
  stalls.disable();
  return { times: times.sort((a, b) => a - b), failed, wallS: (performance.now() - t0) / 1000, clientStallMs: stalls.max / 1e6 };
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * The share of this machine's CPU time its hypervisor gave to others (steal, from /proc/stat) from now
 * until the returned function is called, in percent: on a shared virtual machine the same code's tail
 * latency follows it, so every rate row says it.
 */
function stealMeter(): () => string {
  const read = () => {
    // user nice system idle iowait irq softirq steal; the guest columns after them are already in user and nice.
    const fields = /^cpu +(.*)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]?.split(' ').map(Number).slice(0, 8) ?? [];
    return { steal: fields[7] ?? 0, total: fields.reduce((a, b) => a + b, 0) };
  };
  const start = read();
  return () => {
    const end = read();
    return `CPU stolen by the hypervisor meanwhile ${((100 * (end.steal - start.steal)) / Math.max(1, end.total - start.total)).toFixed(1)}%`;
  };
}

/** The goal of issue 19, as every rate row states and judges it. */
const GOAL = '1,000/s with p99 ≤ 10 ms';
const GOAL_P99_MS = 10;
const rateTitle = (client: string) => `admission: ${RATE} reviews/s of cached images for ${RATE_SECONDS} s, open loop, ${SOCKETS} kept-alive connections (${client})`;
const rateMet = (failed: number, achieved: number, p99: number) => failed === 0 && achieved >= RATE * 0.98 && p99 <= GOAL_P99_MS;

type ReviewCounts = { count: number; within: number };

/** The server's own view between two scrapes: the share of reviews answered within 10 ms of arriving. */
function serverSide(h0: ReviewCounts | undefined, h1: ReviewCounts | undefined): string {
  if (!h0 || !h1) return 'no /metrics to read the server side from';
  return `server side (review_duration_seconds): ${((100 * (h1.within - h0.within)) / Math.max(1, h1.count - h0.count)).toFixed(1)}% within 10 ms of arrival`;
}

/** From a /metrics scrape: reviews counted, and those answered within `le` seconds of arriving (server side). */
async function reviewHistogram(hook: Webhook, le: string): Promise<ReviewCounts | undefined> {
  const a = await get(hook, '/metrics').catch(() => undefined);
  if (a?.status !== 200) return undefined;
  const sum = (re: RegExp) => [...a.text.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
  return { count: sum(/^rsyncguard_admission_review_duration_seconds_count(?:\{[^}]*\})? (\d+)/gm), within: sum(new RegExp(`^rsyncguard_admission_review_duration_seconds_bucket\\{[^}]*le="${le}"[^}]*\\} (\\d+)`, 'gm')) };
}

/** One open-loop run over `send`, as a row: the figure, and the server side and CPU costs in the note. */
async function rateRow(hook: Webhook, send: Send, bodies: string[], client: string): Promise<Row> {
  await openLoop(send, bodies, RATE, 2);
  const [cpu0, h0, mine0, stolen] = [cpuSeconds(hook.child.pid), await reviewHistogram(hook, '0.01'), process.cpuUsage(), stealMeter()];
  const r = await openLoop(send, bodies, RATE, RATE_SECONDS);
  const mine = process.cpuUsage(mine0);
  const [cpu1, h1] = [cpuSeconds(hook.child.pid), await reviewHistogram(hook, '0.01')];
  const server = serverSide(h0, h1);
  const perReview = (cpuS: number) => ((cpuS * 1000) / Math.max(1, r.times.length)).toFixed(2);
  const achieved = r.times.length / r.wallS;
  const p99 = percentile(r.times, 99);
  return {
    benchmark: rateTitle(client),
    figure: `${achieved.toFixed(0)} answered/s; p50 ${percentile(r.times, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
    goal: GOAL,
    met: rateMet(r.failed, achieved, p99),
    note: `${r.times.length} answered, ${r.failed} failed; p90 ${percentile(r.times, 90).toFixed(1)} ms, max ${(r.times.at(-1) ?? Number.NaN).toFixed(1)} ms; ${server}; CPU per review: webhook ${perReview(cpu1 - cpu0)} ms, client ${perReview((mine.user + mine.system) / 1e6)} ms; the client's longest event-loop stall ${r.clientStallMs.toFixed(0)} ms; load ${loadavg()[0]?.toFixed(1)}; ${stolen()}`,
  };
}

/** What tools/admission-load prints. */
interface GoLoad {
  answered: number;
  failed: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  max_ms: number;
  wall_s: number;
  client_cpu_ms_per_request: number;
}

/** tools/admission-load, built once by scripts/go-tool.sh; undefined without Go. */
function goLoadBinary(): string | undefined {
  // `-h` exits 0 once the tool is built and current; a failed rebuild must not run a stale binary.
  const built = spawnSync('scripts/go-tool.sh', ['admission-load', '-h'], { encoding: 'utf8', timeout: 300_000 });
  const bin = resolve('.cache/bin/admission-load');
  return built.status === 0 && existsSync(bin) ? bin : undefined;
}

/** One open-loop run of tools/admission-load against `port` (a child: this process keeps serving the registry). */
function goLoad(bin: string, port: number, ca: string, bodiesFile: string, seconds: number): Promise<GoLoad | string> {
  return new Promise((done) => {
    const args = ['-url', `https://127.0.0.1:${port}/validate`, '-ca', ca, '-bodies', bodiesFile, '-rate', String(RATE), '-seconds', String(seconds), '-warmup', '2', '-conns', String(SOCKETS)];
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (e) => done(`tools/admission-load did not run: ${e.message}`));
    child.on('close', () => {
      try {
        done(JSON.parse(out) as GoLoad);
      } catch {
        done(out.trim() || 'no output');
      }
    });
  });
}

/**
 * The same figure with the client the API server has: Go's net/http, kept-alive connections
 * (tools/admission-load), in its own process so that neither client shares an event loop with the other.
 */
async function goRateRow(hook: Webhook, cert: Certificate, bodies: string[], dir: string): Promise<Row> {
  const benchmark = rateTitle("Go net/http, as the API server's client");
  const bin = goLoadBinary();
  if (bin === undefined) return { benchmark, figure: 'not run', goal: GOAL, met: null, note: 'Go is needed to build tools/admission-load (scripts/go-tool.sh)' };
  const bodiesFile = join(dir, 'bodies.json');
  const caFile = join(dir, 'ca.pem');
  writeFileSync(bodiesFile, JSON.stringify(bodies));
  writeFileSync(caFile, cert.ca);
  const [cpu0, h0, stolen] = [cpuSeconds(hook.child.pid), await reviewHistogram(hook, '0.01'), stealMeter()];
  const r = await goLoad(bin, hook.port, caFile, bodiesFile, RATE_SECONDS);
  const [cpu1, h1, steal] = [cpuSeconds(hook.child.pid), await reviewHistogram(hook, '0.01'), stolen()];
  if (typeof r === 'string') return { benchmark, figure: 'failed', goal: GOAL, met: false, note: r.slice(0, 300) };
  // The webhook's CPU and histogram span the client's warm-up too: per review over both runs.
  const served = h0 && h1 ? h1.count - h0.count : 0;
  const server = serverSide(h0, h1);
  const achieved = r.answered / r.wall_s;
  const trivial = await withTrivialServer(cert, (port) => goLoad(bin, port, caFile, bodiesFile, RATE_SECONDS));
  const floor =
    typeof trivial === 'string'
      ? `the trivial server could not be measured: ${trivial.slice(0, 200)}`
      : `a trivial Node HTTPS server, same client and rate: p50 ${trivial.p50_ms.toFixed(1)} ms, p99 ${trivial.p99_ms.toFixed(1)} ms${overFloor(trivial.p99_ms)}`;
  return {
    benchmark,
    figure: `${achieved.toFixed(0)} answered/s; p50 ${r.p50_ms.toFixed(1)} ms, p99 ${r.p99_ms.toFixed(1)} ms`,
    goal: GOAL,
    met: rateMet(r.failed, achieved, r.p99_ms),
    note: `${r.answered} answered, ${r.failed} failed; p90 ${r.p90_ms.toFixed(1)} ms, max ${r.max_ms.toFixed(1)} ms; ${server}; CPU per review: webhook ${(((cpu1 - cpu0) * 1000) / Math.max(1, served)).toFixed(2)} ms, client ${r.client_cpu_ms_per_request.toFixed(2)} ms; load ${loadavg()[0]?.toFixed(1)}; ${steal}; ${floor} (load ${loadavg()[0]?.toFixed(1)})`,
  };
}

/**
 * Said when a server that does nothing misses the goal too: the run then measured the machine (a virtual
 * one slowed by its neighbours), not the webhook.
 */
const overFloor = (p99: number) => (p99 > GOAL_P99_MS ? ' — over the goal itself, so this run cannot tell whether the webhook meets it' : '');

/**
 * The same open loop and lean client against a Node HTTPS server that only reads the body and answers a
 * constant: what this machine allows at this rate, whatever the webhook does.
 */
async function rateFloor(cert: Certificate, bodies: string[]): Promise<string> {
  return withTrivialServer(cert, async (port) => {
    const lean = await leanClient({ port, ca: cert.ca }, SOCKETS);
    const send = leanPool(lean, SOCKETS);
    await openLoop(send, bodies, RATE, 2);
    const r = await openLoop(send, bodies, RATE, RATE_SECONDS);
    lean.close();
    const p99 = percentile(r.times, 99);
    return `a trivial Node HTTPS server, same client and rate: p50 ${percentile(r.times, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms${overFloor(p99)}, the client's longest stall ${r.clientStallMs.toFixed(0)} ms (load ${loadavg()[0]?.toFixed(1)})`;
  });
}

async function rateFigure(cert: Certificate, logs: string, rows: Row[]): Promise<void> {
  const images: Record<string, MemoryImage> = {};
  for (let i = 0; i < 4; i++) images[`rate/img${i}`] = await memoryImage([[{ name: 'etc/image-id', body: String(i) }]], ['/bin/sh']);
  const registry = await startTinyRegistry(images);
  const hook = await startSourceWebhook(cert, [], {}, join(logs, 'rate.log'));
  const agent = new Agent({ keepAlive: true, maxSockets: SOCKETS, ca: cert.ca });
  let lean: LeanClient | undefined;
  try {
    const refs = Object.keys(images).map((r) => registry.ref(r));
    // Pods of one to three containers, all their images cached before the clock starts.
    const bodies = Array.from({ length: 64 }, (_, i) => imagesReview(`rate-${i}`, refs.slice(i % 4, (i % 4) + 1 + (i % 3))));
    for (const b of bodies.slice(0, 8)) await post(hook, b);
    rows.push(await rateRow(hook, (body) => postOn(agent, hook, body), bodies, 'https.Agent'));
    // Opened only now: the server closes connections left idle meanwhile.
    lean = await leanClient(hook, SOCKETS);
    const row = await rateRow(hook, leanPool(lean, SOCKETS), bodies, 'raw TLS sockets, prebuilt requests');
    lean.close();
    rows.push({ ...row, note: `${row.note}; ${await rateFloor(cert, bodies)}` });
    rows.push(await goRateRow(hook, cert, bodies, logs));
  } finally {
    agent.destroy();
    lean?.close();
    hook.stop();
    registry.close();
  }
}

/** GET `path` every POLL_MS until `stop` settles; the worst answer time and the statuses seen. */
async function poll(hook: Webhook, path: string, stop: Promise<unknown>): Promise<{ worstMs: number; polls: number; statuses: Set<number> }> {
  let done = false;
  void stop.then(() => (done = true));
  let worstMs = 0;
  let polls = 0;
  const statuses = new Set<number>();
  while (!done) {
    const a = await get(hook, path, 30_000).catch(() => ({ status: 0, ms: 30_000 }));
    worstMs = Math.max(worstMs, a.ms);
    statuses.add(a.status);
    polls++;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return { worstMs, polls, statuses };
}

async function coldFigure(cert: Certificate, logs: string, rows: Row[]): Promise<void> {
  const images: Record<string, MemoryImage> = {};
  // Eight distinct images (a distinct last layer each) of 30,000 files and 10,000 whiteouts.
  for (let i = 0; i < COLD; i++) images[`cold/big${i}`] = await whiteoutHeavyImage(30_000, 10_000, [{ name: `etc/rsyncd.conf`, body: `${WRITABLE_CONF}# image ${i}\n` }]);
  const registry = await startTinyRegistry(images);
  const hook = await startSourceWebhook(cert, ['--budget-ms', String(COLD_BUDGET_MS)], {}, join(logs, 'cold.log'));
  try {
    // Connections opened (TLS handshakes done) before the clock starts, as the API server keeps them.
    const lean = await leanClient(hook, COLD);
    const started = performance.now();
    const answers = Promise.all(Object.keys(images).map((repo, i) => lean.post(i, imagesReview(`cold-${i}`, [registry.ref(repo)]), 60_000).catch(() => ({ status: 0, text: '', ms: Number.POSITIVE_INFINITY }))));
    void answers.then(() => lean.close());
    // Polled until every analysis has finished (the webhook goes on after answering), not only the answers.
    const finished = (async () => {
      await answers;
      for (let k = 0; k < 300; k++) {
        const again = await Promise.all(Object.keys(images).map((repo, i) => post(hook, imagesReview(`again-${i}-${k}`, [registry.ref(repo)]), 60_000).catch(() => undefined)));
        if (again.every((a) => a?.status === 200 && verdictOf(a).message.includes('RSYNC-'))) return performance.now() - started;
        await new Promise((r) => setTimeout(r, 200));
      }
      return Number.POSITIVE_INFINITY;
    })();
    const [health, metrics] = await Promise.all([poll(hook, '/healthz', finished), poll(hook, '/metrics', finished)]);
    const got = await answers;
    const allMs = await finished;
    const worst = Math.max(...got.map((a) => a.ms));
    const outcomes = got.map((a) => (a.status !== 200 ? 'no answer' : verdictOf(a).message.includes('RSYNC-') ? 'denied (findings)' : verdictOf(a).message.includes('budget') ? 'over budget' : verdictOf(a).allowed ? 'allowed' : 'denied (other)'));
    const tally = [...new Set(outcomes)].map((o) => `${outcomes.filter((x) => x === o).length} ${o}`).join(', ');
    const metricsSeen = metrics.statuses.has(200) ? `/metrics worst ${metrics.worstMs.toFixed(0)} ms over ${metrics.polls} polls` : `/metrics not served (statuses ${[...metrics.statuses].join(', ')})`;
    rows.push({
      benchmark: `admission: ${COLD} concurrent reviews of ${COLD} cold large images (30k files, 10k whiteouts each), --budget-ms ${COLD_BUDGET_MS}`,
      figure: `slowest answer ${worst.toFixed(0)} ms; /healthz worst ${health.worstMs.toFixed(0)} ms`,
      goal: `every answer ≤ ${COLD_BUDGET_MS} ms; health and metrics answering`,
      met: worst <= COLD_BUDGET_MS && health.statuses.size === 1 && health.statuses.has(200) && metrics.statuses.size === 1 && metrics.statuses.has(200),
      note: `${tally}; ${metricsSeen}; /healthz ${health.polls} polls; all eight analysed ${Number.isFinite(allMs) ? `after ${(allMs / 1000).toFixed(1)} s` : 'not within 60 s'}`,
    });
  } finally {
    hook.stop();
    registry.close();
  }
}

/** Both figures; `only` picks one ("rate" or "cold"). */
export async function benchAdmissionFigures(rows: Row[], only?: 'rate' | 'cold'): Promise<void> {
  const cert = makeCertificate();
  // The webhook's logs go beside the certificate's directory, never into it: the webhook watches that
  // directory for renewals, and a log written there wakes the watch once per review.
  const logs = mkdtempSync(join(tmpdir(), 'rg-admission-logs-'));
  try {
    if (only !== 'cold') await rateFigure(cert, logs, rows);
    if (only !== 'rate') await coldFigure(cert, logs, rows);
  } finally {
    rmSync(cert.dir, { recursive: true, force: true });
    rmSync(logs, { recursive: true, force: true });
  }
}
