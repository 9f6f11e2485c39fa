/**
 * One interface for every policy the runner evaluates: the built-in policy runs in this thread (it is
 * ours and fast), a user-supplied one (a PolicySource with limits) in a worker under those limits.
 */
import { ok, type Result } from '../common/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import type { Finding, RuleInfo } from './finding.ts';
import { PolicyEngine, type PolicySource } from './policy-engine.ts';
import { SandboxedPolicy } from './sandboxed-policy.ts';

export interface PolicyEvaluator {
  readonly rules: RuleInfo[];
  evaluate(facts: FactsDocument): Promise<Result<Finding[]>>;
  /** Releases the worker, if any. */
  close(): void;
}

export async function loadEvaluator(source: PolicySource): Promise<Result<PolicyEvaluator>> {
  if (source.limits) return SandboxedPolicy.load(source, source.limits);
  const engine = await PolicyEngine.load(source);
  if (!engine.ok) return engine;
  const e = engine.value;
  return ok({ rules: e.rules, evaluate: (facts) => Promise.resolve(e.evaluate(facts)), close: () => undefined });
}
