/**
 * A bounded pool of worker threads that read and evaluate images (image-worker.ts), so a heavy image costs
 * a thread its time, never the webhook's event loop: /healthz and other reviews keep answering. Jobs wait
 * in a bounded queue; a job that runs too long or exhausts its thread's heap ends that thread (a new one
 * takes its place) and is answered with the reason. `analyse` never rejects.
 *
 * A job goes on after the review that asked for it has been answered (it fills the cache), but only while
 * no waiting review needs its thread: images some review is waiting for (`want`) run first, and one that
 * waits for a thread stops a job nobody waits for (and takes its place in a full queue). So images a
 * requester made slow on purpose — a registry that trickles, a heavy image — hold the pool only while their
 * own reviews wait, never for the whole analysis timeout while every other review is denied. The one
 * exception is a job whose image was let through unevaluated (keep) while its thread is working: it runs
 * on, so the image's next review is judged by its verdict rather than let through again.
 *
 * At a review's budget the controller asks how the job has gone (progress): a thread working on the image
 * most of the time is the image's cost even before the analysis timeout (admission.ts).
 *
 * Whose fault a stopped job is decides whether --fail-open may let the image through (see costOf): an
 * analysis that exhausts its thread's heap, or runs past the timeout with its thread busy working, failed
 * because of what the image holds — `costly`, denied whatever the failure policy, and cached like any
 * verdict, or an author could make an image too costly to analyse and always be let in. One that ran out
 * of time while its thread mostly waited (for a registry that trickles or stalls) is the environment's.
 */
import { readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { isObject, startWorker } from '../common/index.ts';
import type { Finding, PolicySource } from '../engine/index.ts';
import { clearScratchSlot, scratchAccount, type FailureKind, type RegistryOptions } from '../sources/index.ts';

export interface AnalysisJob {
  id: number;
  ref: string;
  today: string;
  /** Only what crosses a thread boundary: no layer cache object. */
  registry: Pick<RegistryOptions, 'platform' | 'insecure' | 'dockerConfig'>;
  /** Every platform of an index, not only `registry.platform` (admission: a Pod may land on any node). */
  allPlatforms?: boolean;
}

/** A finding, with the platform it was found on when an index was analysed platform by platform. */
export type PlatformFinding = Finding & { platform?: string };

/**
 * `errors` are the image's own (a config the daemon needs that is missing, a platform the reader refused);
 * `unavailable` is set when some platform could not be read for a reason of the environment's. A failure
 * (`ok: false`) carries its kind, decided where it happened (see FailureKind).
 */
export type Analysis = { ok: true; findings: PlatformFinding[]; errors: string[]; unavailable?: string; costly?: true } | { ok: false; error: string; kind: FailureKind; costly?: true };

export type AnalysisReply = Analysis & { id: number };

export interface PoolOptions {
  policies: PolicySource[];
  threads: number;
  /** Jobs that may wait for a thread; beyond this an image is answered "not evaluated" at once. */
  queueLimit: number;
  /** A job still running after this long is stopped with its thread. */
  jobTimeoutMs: number;
  /** Heap limit of each thread (V8 old generation), in MiB. */
  heapMiB: number;
}

interface Pending {
  job: AnalysisJob;
  done: (a: Analysis) => void;
}

interface Slot {
  worker: Worker;
  /** The thread has loaded its code and listens: only then is a job posted, so its timeout is all analysis. */
  ready?: boolean;
  /** Its slot in the scratch-space account, freed (with its folders) once the thread has exited. */
  scratch?: number;
  /** The thread's id in the kernel (Linux), which it says when ready: its scheduler statistics tell working from waiting. */
  tid?: number;
  running?: (Pending & Started) | undefined;
}

/** When a job started, and its thread's CPU figures then (busyShare). */
interface Started {
  timer: NodeJS.Timeout;
  started: number;
  cpu: number | undefined;
  elu: ReturnType<Worker['performance']['eventLoopUtilization']>;
}

/**
 * Nanoseconds a thread of this process has spent on a CPU or waiting in the run queue for one (Linux
 * schedstat), or undefined where there is no such file. Waiting for a CPU counts as working: a node under
 * load slows the analysis, but must not turn an image's cost into the environment's.
 */
function cpuWanted(tid: number | undefined): number | undefined {
  if (tid === undefined) return undefined;
  try {
    const [run = Number.NaN, queued = Number.NaN] = readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
    return Number.isFinite(run + queued) ? run + queued : undefined;
  } catch {
    return undefined;
  }
}

/** Why a thread ended: the answer its job gets. */
interface Stop {
  why: string;
  kind: FailureKind;
  costly?: true;
}

/**
 * Share of a timed-out job's time its thread wanted a CPU (on one, or queued for one: cpuWanted; where
 * the kernel does not say, its event-loop utilisation) from which the time limit is the image's fault.
 * Reading a registry layer alternates waiting for bytes (asleep) with hashing, inflating and walking them;
 * a registry that trickles leaves the thread asleep almost all the time, an image too heavy to read keeps
 * it working most of it.
 */
export const BUSY = 0.5;

/** A stopped job's answer: out of heap, or out of time while busy, is the image's cost; out of time while waiting is the environment's. */
export function costOf(reason: 'heap' | 'timeout', busy: number, o: { heapMiB: number; jobTimeoutMs: number }): Stop {
  const seconds = Math.round(o.jobTimeoutMs / 1000);
  if (reason === 'heap') return { why: `too costly to analyse: the analysis needed more than ${o.heapMiB} MiB of heap and was stopped`, kind: 'image', costly: true };
  const pct = Math.round(busy * 100);
  if (busy >= BUSY) return { why: `too costly to analyse: the analysis did not finish within ${seconds} s and was stopped (--analysis-timeout), its thread busy ${pct}% of that time`, kind: 'image', costly: true };
  return { why: `the analysis did not finish within ${seconds} s and was stopped, its thread waiting ${100 - pct}% of that time (a slow registry)`, kind: 'environment' };
}

const UNWANTED = 'the analysis was stopped to make room for an image a review was waiting for; the next review of this image starts it again';

/** Share of a running job's time its thread wanted a CPU (cpuWanted), or its event-loop utilisation where the kernel does not say. */
function busyShare(slot: Slot, run: Started): number {
  const now = cpuWanted(slot.tid);
  const ms = performance.now() - run.started;
  return now !== undefined && run.cpu !== undefined ? (now - run.cpu) / 1e6 / Math.max(ms, 1) : slot.worker.performance.eventLoopUtilization(run.elu).utilization;
}

export class ImagePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Reviews waiting for each ref's analysis. */
  private readonly wants = new Map<string, number>();
  /** Images admitted unevaluated (keep): their jobs finish, to cache a verdict, whoever else waits. */
  private readonly kept = new Set<string>();
  /**
   * Scratch bytes (layers copied under TMPDIR) of every thread, one slot each, so the cap holds for the
   * process (scratch-space.ts). Twice the threads: a stopped thread keeps its slot until it has exited.
   */
  private readonly scratch: SharedArrayBuffer;
  private readonly scratchFree: number[];

  constructor(private readonly opts: PoolOptions) {
    const slots = opts.threads * 2 + 2;
    this.scratch = scratchAccount(slots);
    this.scratchFree = Array.from({ length: slots }, (_, i) => i);
  }

  /** A review starts (+1) or stops (-1) waiting for the analysis of `ref`. */
  want(ref: string, delta: 1 | -1): void {
    const n = (this.wants.get(ref) ?? 0) + delta;
    if (n > 0) this.wants.set(ref, n);
    else this.wants.delete(ref);
    if (delta > 0) this.pump();
  }

  private wanted(p: Pending): boolean {
    return this.wants.has(p.job.ref);
  }

  /**
   * Whether a running job nobody waits for may be stopped for one a review waits for: not when its image
   * was let through unevaluated and its thread is working on it (keep) — stopped, it would be let through
   * again at its next review, and again. One mostly waiting (a registry that trickles) may be: holding a
   * thread for a registry would let a requester fill the pool with such images until every other review
   * is let through unevaluated, and what a registry will not serve --fail-open admits anyway.
   */
  private stoppable(slot: Slot): boolean {
    const run = slot.running;
    if (!run || this.wanted(run)) return false;
    return !this.kept.has(run.job.ref) || busyShare(slot, run) < BUSY;
  }

  /**
   * The image was admitted without its verdict (--fail-open, over budget): while its thread works on it,
   * its job is not stopped to make room (stoppable) — it runs to its end (or --analysis-timeout) and
   * caches what it finds, so the next review of the image judges it rather than letting it through again.
   */
  private keep(ref: string): void {
    if (this.queue.some((p) => p.job.ref === ref) || this.slots.some((s) => s.running?.job.ref === ref)) this.kept.add(ref);
  }

  /**
   * How the analysis of `ref` has gone so far: how long its thread has run it and the share of that time
   * the thread was busy (costOf's measure); undefined while it waits for a thread, or when there is none.
   */
  private progress(ref: string): { ms: number; busy: number } | undefined {
    for (const slot of this.slots) {
      const run = slot.running;
      if (run?.job.ref === ref) return { ms: performance.now() - run.started, busy: busyShare(slot, run) };
    }
    return undefined;
  }

  /**
   * At a review's budget, its image not settled (`over` says so): why the image is too costly to evaluate
   * within the budget when its job has run at least half of it with its thread busy at least BUSY of that
   * time; otherwise undefined, and the job is kept, since --fail-open lets the image through unevaluated.
   */
  atBudget(ref: string, budgetMs: number, over: string): string | undefined {
    const p = this.progress(ref);
    if (p !== undefined && p.ms >= budgetMs / 2 && p.busy >= BUSY)
      return `too costly to evaluate within the budget: ${over}, its analysis thread busy ${Math.round(Math.min(p.busy, 1) * 100)}% of the ${Math.round(p.ms)} ms it ran (the analysis goes on; a later review uses its result)`;
    this.keep(ref);
    return undefined;
  }

  /** A job got its answer: it is no longer kept. */
  private settled(p: Pending, a: Analysis): void {
    this.kept.delete(p.job.ref);
    p.done(a);
  }

  analyse(ref: string, registry: AnalysisJob['registry'], today: string, allPlatforms = false): Promise<Analysis> {
    if (this.closed) return Promise.resolve({ ok: false, error: 'the webhook is shutting down', kind: 'environment' });
    if (this.queue.length >= this.opts.queueLimit) {
      // A job nobody waits for gives its place to one a review waits for.
      const i = this.wants.has(ref) ? this.queue.findIndex((p) => !this.wanted(p)) : -1;
      const dropped = i >= 0 ? this.queue.splice(i, 1)[0] : undefined;
      if (dropped) this.settled(dropped, { ok: false, error: UNWANTED, kind: 'environment' });
    }
    if (this.queue.length >= this.opts.queueLimit) {
      return Promise.resolve({ ok: false, error: `${this.queue.length} images are already waiting for analysis; retry later, or raise --workers`, kind: 'environment' });
    }
    return new Promise((done) => {
      this.queue.push({ job: { id: this.nextId++, ref, today, registry, allPlatforms }, done });
      this.pump();
    });
  }

  /**
   * Starts every thread now rather than at the first job, settling once each has loaded its code and
   * listens (its `{ ready: true }` message; 'online' comes before the code is loaded) or rejecting with
   * why one could not start: the webhook reports itself ready only then.
   */
  start(): Promise<void> {
    const starting: Promise<void>[] = [];
    while (this.slots.length < this.opts.threads) {
      const { worker } = this.spawn();
      starting.push(
        new Promise((up, down) => {
          const listening = (m: unknown) => {
            if (!isObject(m) || m['ready'] !== true) return;
            worker.off('message', listening);
            up();
          };
          worker
            .on('message', listening)
            .once('error', down)
            .once('exit', (code) => down(new Error(`the thread exited with status ${code}`)));
        }),
      );
    }
    return Promise.all(starting).then(() => {});
  }

  /** Images being analysed or waiting. */
  get load(): number {
    return this.queue.length + this.slots.filter((s) => s.running).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.done({ ok: false, error: 'the webhook is shutting down', kind: 'environment' });
    await Promise.all(this.slots.splice(0).map((s) => this.stop(s, 'the webhook is shutting down')));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      // Wanted jobs first, in arrival order; then the others.
      const w = this.queue.findIndex((p) => this.wanted(p));
      const at = Math.max(w, 0);
      const slot = this.slots.find((s) => s.ready && !s.running);
      if (!slot) {
        // A thread that is loading takes the next job once it says it is ready (see spawn).
        if (this.slots.some((s) => !s.ready)) return;
        if (this.slots.length < this.opts.threads) return void this.spawn();
        // Every thread is busy: a wanted job stops a job nobody waits for (its thread ends; a new one starts).
        const idle = w >= 0 ? this.slots.find((s) => this.stoppable(s)) : undefined;
        if (idle) void this.stop(idle, UNWANTED);
        return;
      }
      const next = this.queue.splice(at, 1)[0];
      if (!next) return;
      const run: Started = {
        started: performance.now(),
        cpu: cpuWanted(slot.tid),
        elu: slot.worker.performance.eventLoopUtilization(),
        timer: setTimeout(() => void this.stop(slot, costOf('timeout', busyShare(slot, run), this.opts)), this.opts.jobTimeoutMs),
      };
      slot.running = { ...next, ...run };
      slot.worker.postMessage(next.job);
    }
  }

  private spawn(): Slot {
    // Every slot held by threads still exiting (many stopped at once): this one counts its bytes alone.
    const scratch = this.scratchFree.shift();
    const worker = startWorker(import.meta.url, 'image-worker', {
      workerData: { policies: this.opts.policies, ...(scratch !== undefined ? { scratch: { buffer: this.scratch, slot: scratch } } : {}) },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMiB },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ...(scratch !== undefined ? { scratch } : {}) };
    worker.on('message', (reply: AnalysisReply | { ready: true; tid?: unknown }) => {
      if ('ready' in reply) {
        slot.ready = true;
        if (typeof reply.tid === 'number') slot.tid = reply.tid;
        return this.pump();
      }
      const running = slot.running;
      if (!running || running.job.id !== reply.id) return;
      clearTimeout(running.timer);
      slot.running = undefined;
      this.settled(
        running,
        reply.ok
          ? { ok: true, findings: reply.findings, errors: reply.errors, ...(reply.unavailable !== undefined ? { unavailable: reply.unavailable } : {}), ...(reply.costly === true ? { costly: true as const } : {}) }
          : { ok: false, error: reply.error, ...(reply.kind === 'environment' ? { kind: 'environment' as const } : { kind: 'image' as const, ...(reply.costly === true ? { costly: true as const } : {}) }) },
      );
      this.pump();
    });
    worker.on('error', (e: Error) => this.finish(slot, 'code' in e && e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? costOf('heap', 1, this.opts) : { why: `the analysis thread failed: ${e.message}`, kind: 'environment' }));
    worker.on('exit', () => {
      if (scratch !== undefined) {
        clearScratchSlot(this.scratch, scratch);
        this.scratchFree.push(scratch);
      }
      this.finish(slot, { why: 'the analysis thread ended unexpectedly', kind: 'environment' });
    });
    this.slots.push(slot);
    return slot;
  }

  /** Ends a thread; its job (if any) is answered with `why`, and the slot is freed for a new thread. */
  private async stop(slot: Slot, why: string | Stop): Promise<void> {
    this.finish(slot, why);
    await slot.worker.terminate();
  }

  private finish(slot: Slot, stop: string | Stop): void {
    const { why, kind, costly } = typeof stop === 'string' ? { why: stop, kind: 'environment' as const, costly: undefined } : stop;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    const running = slot.running;
    slot.running = undefined;
    if (running) {
      clearTimeout(running.timer);
      // Heap, or time spent working, is the image's cost (costOf); a crash, a stall or making room is the pool's.
      this.settled(running, { ok: false, error: why, kind, ...(costly ? { costly } : {}) });
    } else if (!slot.ready && !this.closed) {
      // A thread that died loading had no job; the oldest waiting one gets its failure, so a thread that
      // cannot load fails the queue one job per attempt instead of being started again for ever.
      const w = this.queue.findIndex((p) => this.wanted(p));
      const first = this.queue.splice(Math.max(w, 0), 1)[0];
      if (first) this.settled(first, { ok: false, error: why, kind: 'environment' });
    }
    if (!this.closed) this.pump();
  }
}
