/**
 * A user-supplied policy, loaded and evaluated in a worker thread with a JavaScript heap limit, a
 * WebAssembly memory maximum and a deadline for each step. A policy that exceeds a limit is stopped; from
 * then on every target it should have judged is "could not be evaluated" with the policy and the limit
 * named, while the other policies' results are still reported.
 */
import type { Worker } from 'node:worker_threads';
import { errorMessage, fail, ok, startWorker, type Result, UserError } from '../common/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import type { Finding, RuleInfo } from './finding.ts';
import type { PolicyLimits, PolicySource } from './policy-engine.ts';
import { isFromWorker, type ErrorValue, type FromWorker } from './policy-worker-protocol.ts';
import { ownMemoryProblem } from './wasm-memory.ts';

type Reply = FromWorker | { type: 'stopped' };

export class SandboxedPolicy {
  /** Why the policy was stopped, once it has been. */
  private stopped: string | null = null;
  private waiting: ((r: Reply) => void) | null = null;
  /** The evaluation in progress, or the last one (evaluateNow never rejects). */
  private turn: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly source: PolicySource,
    private readonly limits: PolicyLimits,
    private readonly worker: Worker | null,
  ) {
    if (worker === null) return;
    worker.on('message', (m: unknown) => (isFromWorker(m) ? this.settle(m) : this.stop('its worker sent a message that is not part of the protocol')));
    worker.on('error', (e: unknown) => this.stop(isOutOfMemory(e) ? `it exceeded its memory limit of ${limits.memoryMiB} MiB` : `its worker failed (${errorMessage(e)})`));
    worker.on('exit', (code) => this.stop(`its worker exited (code ${code})`));
    // The worker never keeps the process alive by itself: a pending step holds a timer until it settles.
    worker.unref();
  }

  /** A policy that cannot be loaded as such (no entrypoint, unknown builtins …) is an error for the run. */
  static async load(source: PolicySource, limits: PolicyLimits): Promise<Result<SandboxedPolicy>> {
    const memory = ownMemoryProblem(source.wasm, limits.memoryMiB * 16);
    if (memory !== null) return ok(new SandboxedPolicy(source, limits, null).refuse(`it was not run: ${memory}, over its memory limit of ${limits.memoryMiB} MiB`));
    const worker = startWorker(import.meta.url, 'policy-worker', {
      workerData: source,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMiB, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    // What a policy prints (opa's print()) must not mix into a report on standard output.
    worker.stdout.resume();
    worker.stderr.resume();
    const policy = new SandboxedPolicy(source, limits, worker);
    const reply = await policy.next('loading');
    if (reply.type === 'load-failed') {
      policy.close();
      return fail(new UserError(reply.error.message, reply.error.where ?? source.name, reply.error.hint));
    }
    return ok(policy);
  }

  get rules(): RuleInfo[] {
    return this.source.rules;
  }

  /**
   * One target at a time, whoever calls: the worker answers in the order it was asked, with no id to match an
   * answer to its question, and each step's deadline must start when the worker starts on it. A scan keeps several
   * targets in flight (src/runner), so calls queue here.
   */
  evaluate(facts: FactsDocument): Promise<Result<Finding[]>> {
    const run = this.turn.then(() => this.evaluateNow(facts));
    this.turn = run;
    return run;
  }

  private async evaluateNow(facts: FactsDocument): Promise<Result<Finding[]>> {
    const target = facts.target.id;
    if (this.stopped === null) this.worker?.postMessage({ type: 'evaluate', facts });
    const reply = await this.next(`evaluating ${target}`);
    if (reply.type === 'result') return ok(reply.findings);
    if (reply.type === 'failed') return fail(toUserError(reply.error, target));
    return fail(
      new UserError(
        `the policy ${this.source.name} was stopped: ${this.stopped ?? 'no answer'}; its rules were not evaluated for this target`,
        target,
        'Fix the policy (an endless loop, or memory that keeps growing) or leave --policy out; the other rules were evaluated.',
      ),
    );
  }

  close(): void {
    if (this.worker !== null) void this.worker.terminate();
  }

  private refuse(why: string): this {
    this.stopped = why;
    return this;
  }

  private next(step: string): Promise<Reply> {
    if (this.stopped !== null) return Promise.resolve({ type: 'stopped' });
    return new Promise((done) => {
      const timer = setTimeout(() => this.stop(`it ran past its time limit of ${this.limits.timeoutMs} ms while ${step}`), this.limits.timeoutMs);
      this.waiting = (r) => {
        clearTimeout(timer);
        done(r);
      };
    });
  }

  private settle(r: Reply): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.(r);
  }

  private stop(why: string): void {
    this.stopped ??= why;
    this.close();
    this.settle({ type: 'stopped' });
  }
}

function isOutOfMemory(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && e.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

function toUserError(e: ErrorValue, target: string): UserError {
  return new UserError(e.message, e.where ?? target, e.hint);
}
