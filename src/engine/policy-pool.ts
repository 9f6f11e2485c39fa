/**
 * The built-in policy in a pool of worker threads, each with its own WASM instance, for scans, sweeps and
 * admission: documents are evaluated side by side on every core. The main thread serializes each document's
 * policy input once (the view as JSON text, which a worker writes straight into WASM memory) and completes
 * the findings with what only the facts tell (withSecretsEntries); a worker does the rest.
 *
 * Each document's promise settles with its own findings or an error naming its target; a document the policy
 * cannot evaluate, or one whose thread dies under it, affects no other. Documents wait in the main thread,
 * unserialized, until a thread has room (`depth` each): evaluateMany keeps at most a window of them in flight
 * and yields results in the order the documents came.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { errorMessage, fail, ok, type Result, startWorker, UserError } from '../common/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import type { Finding, RuleInfo } from './finding.ts';
import { PEAK_HEAP_PER_BYTE } from './input-budget.ts';
import { policyInput, type PolicySource, policyMemory, refuseOversized } from './policy-engine.ts';
import { type ErrorValue, type FromWorker, isFromWorker, type ToWorker } from './policy-worker-protocol.ts';
import { withSecretsEntries } from './secrets-entry-finding.ts';

export interface PoolOptions {
  /** Worker threads, each with its own policy instance; default: the cores, at least 2 and at most 4. */
  threads?: number;
  /** Documents handed to one thread at a time, so that it has the next one when it finishes (default 2). */
  depth?: number;
  /**
   * Inputs over this many bytes are evaluated one at a time across the pool (default: those that may need more than
   * a quarter of the policy memory, 16 MiB of input for the built-in policy, about 4,500 modules).
   */
  heavyInputBytes?: number;
}

interface Job {
  id: number;
  facts: FactsDocument;
  done: (r: Result<Finding[]>) => void;
}

interface Slot {
  worker: Worker;
  loaded: boolean;
  /** Jobs sent to the thread, oldest first: it answers them in that order. */
  jobs: Map<number, Job>;
}

/** Threads that die before answering anything, in a row, after which no new one is started. */
const RESTARTS = 3;
const HINT = 'The built-in policy could not evaluate this target; its other targets are unaffected.';

export function defaultThreads(): number {
  return Math.min(4, Math.max(2, availableParallelism()));
}

export class PolicyPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly keep: ReadonlySet<string> | null;
  /**
   * Heavy documents (heavyInputBytes) that came while another was being evaluated, in order: each may grow its
   * thread's memory towards the 1 GiB maximum, and a few of them side by side took every thread there at once
   * (issue 20). They wait unserialized, so a waiting one holds no copy of its input.
   */
  private readonly held: Job[] = [];
  /** The heavy document being evaluated, if any. */
  private heavy: number | null = null;
  private nextId = 1;
  private closed = false;
  private deaths = 0;

  private constructor(
    private readonly source: PolicySource,
    readonly threads: number,
    private readonly depth: number,
    private readonly heavyInputBytes: number,
  ) {
    this.keep = source.paramNames ? new Set(source.paramNames) : null;
  }

  /** Starts every thread and waits until each has loaded the policy; the first load error is the pool's. */
  static async load(source: PolicySource, options: PoolOptions = {}): Promise<Result<PolicyPool>> {
    if (source.limits) return fail(new UserError(`${source.name} runs under limits, in a sandbox of its own, not in the pool`, source.name));
    const heavy = options.heavyInputBytes ?? (policyMemory(source).maximum * 65536) / PEAK_HEAP_PER_BYTE / 4;
    const pool = new PolicyPool(source, Math.max(1, options.threads ?? defaultThreads()), Math.max(1, options.depth ?? 2), heavy);
    const started = await Promise.all(Array.from({ length: pool.threads }, () => pool.spawn()));
    const failed = started.find((e) => e !== null);
    if (failed) {
      pool.close();
      return fail(failed);
    }
    return ok(pool);
  }

  get rules(): RuleInfo[] {
    return this.source.rules;
  }

  /** Documents handed to a thread, and documents waiting for one (a heavy one waiting for another included). */
  get pending(): { inFlight: number; waiting: number } {
    return { inFlight: this.slots.reduce((n, s) => n + s.jobs.size, 0), waiting: this.queue.length + this.held.length };
  }

  /** All findings for one facts document, in report order, as PolicyEngine.evaluate gives them. */
  evaluate(facts: FactsDocument): Promise<Result<Finding[]>> {
    if (this.closed) return Promise.resolve(fail(new UserError('policy evaluation failed: the policy pool is closed', facts.target.id)));
    return new Promise((done) => {
      this.queue.push({ id: this.nextId++, facts, done });
      this.pump();
    });
  }

  /**
   * Each document with its findings, in the order the documents came. Documents are read from `docs` only
   * while fewer than `window` (default: twice what the threads hold) are in flight: a slow consumer or a long
   * document stops the reading.
   */
  async *evaluateMany<T extends FactsDocument>(docs: Iterable<T> | AsyncIterable<T>, window = this.threads * this.depth * 2): AsyncGenerator<[T, Result<Finding[]>]> {
    const inFlight: [T, Promise<Result<Finding[]>>][] = [];
    for await (const doc of docs) {
      inFlight.push([doc, this.evaluate(doc)]);
      if (inFlight.length >= window) yield await settle(inFlight);
    }
    while (inFlight.length > 0) yield await settle(inFlight);
  }

  close(): void {
    this.closed = true;
    const stopped = (j: Job) => j.done(fail(new UserError('policy evaluation failed: the policy pool was closed before this target was evaluated', j.facts.target.id)));
    for (const j of [...this.held.splice(0), ...this.queue.splice(0)]) stopped(j);
    for (const s of this.slots.splice(0)) {
      for (const j of s.jobs.values()) stopped(j);
      s.jobs.clear();
      void s.worker.terminate();
    }
  }

  /**
   * Hands waiting documents to the loaded thread with the fewest, up to `depth` each; a held heavy document goes
   * first once no other heavy one is being evaluated.
   */
  private pump(): void {
    for (;;) {
      const fromHeld = this.heavy === null && this.held.length > 0;
      if (!fromHeld && this.queue.length === 0) return;
      let slot: Slot | undefined;
      for (const s of this.slots) if (s.loaded && s.jobs.size < this.depth && (slot === undefined || s.jobs.size < slot.jobs.size)) slot = s;
      if (slot === undefined) {
        if (this.slots.length === 0) this.failQueue('no policy thread is running');
        return;
      }
      const job = (fromHeld ? this.held.shift() : this.queue.shift()) as Job;
      let input: string;
      try {
        input = policyInput(job.facts, this.keep);
      } catch (e) {
        // A document JSON cannot represent (a cycle, a BigInt) is that document's error.
        job.done(fail(new UserError(`policy evaluation failed: the facts cannot be serialized (${errorMessage(e)})`, job.facts.target.id, HINT)));
        continue;
      }
      // Refused here, not in the thread: an input too large to evaluate is not copied to it only to be refused.
      const modules = job.facts.config.modules.length;
      const refused = refuseOversized(this.source, input, job.facts.target.id, modules);
      if (refused !== null) {
        job.done(fail(refused));
        continue;
      }
      if (input.length * 3 > this.heavyInputBytes && Buffer.byteLength(input) > this.heavyInputBytes) {
        if (this.heavy !== null) {
          this.held.push(job);
          continue;
        }
        this.heavy = job.id;
      }
      if (slot.jobs.size === 0) slot.worker.ref();
      slot.jobs.set(job.id, job);
      const m: ToWorker = { type: 'evaluate-input', id: job.id, input, target: job.facts.target.id, modules };
      slot.worker.postMessage(m);
    }
  }

  /** A thread that loads the policy; settles with null once it has, or with why it could not. */
  private spawn(): Promise<UserError | null> {
    const worker = startWorker(import.meta.url, 'policy-worker', { workerData: this.source, stdout: true, stderr: true });
    // The policy's print() output must not mix into a report on standard output.
    worker.stdout.resume();
    worker.stderr.resume();
    // An idle thread never keeps the process alive; one with documents does (pump refs it).
    worker.unref();
    const slot: Slot = { worker, loaded: false, jobs: new Map() };
    this.slots.push(slot);
    return new Promise((started) => {
      worker.on('message', (m: unknown) => {
        if (!isFromWorker(m)) return this.lose(slot, 'it sent a message that is not part of the protocol', started);
        if (m.type === 'loaded') {
          slot.loaded = true;
          started(null);
          return this.pump();
        }
        if (m.type === 'load-failed') return this.lose(slot, m.error.message, started, toUserError(m.error, this.source.name));
        this.answer(slot, m);
      });
      worker.on('error', (e: unknown) => this.lose(slot, `it failed: ${errorMessage(e)}`, started));
      worker.on('exit', (code) => this.lose(slot, `it exited with code ${code}`, started));
    });
  }

  private answer(slot: Slot, m: Extract<FromWorker, { type: 'result' | 'failed' }>): void {
    const job = m.id === undefined ? undefined : slot.jobs.get(m.id);
    if (job === undefined) {
      this.lose(slot, 'it answered a document it was not given');
      return;
    }
    slot.jobs.delete(job.id);
    if (job.id === this.heavy) this.heavy = null;
    if (slot.jobs.size === 0) slot.worker.unref();
    this.deaths = 0;
    job.done(m.type === 'result' ? ok(withSecretsEntries(m.findings, job.facts)) : fail(toUserError(m.error, job.facts.target.id)));
    this.pump();
  }

  /**
   * A thread is gone. The document it was evaluating (its oldest) fails, naming the target; the ones it had
   * not started go back to the front of the queue. A new thread replaces it, unless threads keep dying
   * without answering anything.
   */
  private lose(slot: Slot, why: string, started?: (e: UserError | null) => void, loadError?: UserError): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    void slot.worker.terminate();
    const jobs = [...slot.jobs.values()];
    slot.jobs.clear();
    // The heavy document failed with its thread, or goes back to the queue and is heavy again when handed on.
    if (jobs.some((j) => j.id === this.heavy)) this.heavy = null;
    const current = jobs.shift();
    current?.done(fail(new UserError(`policy evaluation failed: its policy thread stopped (${why})`, current.facts.target.id, HINT)));
    this.queue.unshift(...jobs);
    started?.(loadError ?? new UserError(`the policy thread stopped while loading ${this.source.name} (${why})`, this.source.name));
    if (!this.closed && slot.loaded && ++this.deaths <= RESTARTS) void this.spawn();
    this.pump();
  }

  private failQueue(why: string): void {
    for (const j of [...this.held.splice(0), ...this.queue.splice(0)]) j.done(fail(new UserError(`policy evaluation failed: ${why}`, j.facts.target.id, HINT)));
  }
}

async function settle<T>(inFlight: [T, Promise<Result<Finding[]>>][]): Promise<[T, Result<Finding[]>]> {
  const [doc, result] = inFlight.shift() as [T, Promise<Result<Finding[]>>];
  return [doc, await result];
}

function toUserError(e: ErrorValue, target: string): UserError {
  return new UserError(e.message, e.where ?? target, e.hint);
}
