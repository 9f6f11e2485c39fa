/**
 * One interface for every policy the runner evaluates: the built-in policy runs in this thread (it is
 * ours and fast) or, asked for threads, in a pool of worker threads; a user-supplied one (a PolicySource
 * with limits) in a worker under those limits.
 */
import { ok, type Result } from '../common/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import type { Finding, RuleInfo } from './finding.ts';
import { PolicyEngine, type PolicySource } from './policy-engine.ts';
import { PolicyPool } from './policy-pool.ts';
import { SandboxedPolicy } from './sandboxed-policy.ts';

export interface PolicyEvaluator {
  readonly rules: RuleInfo[];
  /** Calls may overlap: with a pool, documents evaluated side by side each settle with their own findings. */
  evaluate(facts: FactsDocument): Promise<Result<Finding[]>>;
  /** Releases the worker, if any. */
  close(): void;
}

export interface EvaluatorOptions {
  /** Worker threads for a policy without limits (the built-in one); 0 or absent: this thread. */
  threads?: number;
}

export async function loadEvaluator(source: PolicySource, options: EvaluatorOptions = {}): Promise<Result<PolicyEvaluator>> {
  if (source.limits) return SandboxedPolicy.load(source, source.limits);
  if (options.threads !== undefined && options.threads > 0) return PolicyPool.load(source, { threads: options.threads });
  const engine = await PolicyEngine.load(source);
  if (!engine.ok) return engine;
  const e = engine.value;
  return ok({ rules: e.rules, evaluate: (facts) => Promise.resolve(e.evaluate(facts)), close: () => undefined });
}
