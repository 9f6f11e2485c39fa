/** The policies a run evaluates with: the engine loads them, reading the user's --policy files through src/sources. */
import type { Result } from '../common/index.ts';
import { loadPolicies, type PolicySource } from '../engine/index.ts';
import { readInputFile } from '../sources/index.ts';

/** The built-in policy, plus the one --policy names; a failure is the user's to fix (exit 2). */
export function policiesFor(extra: string | undefined): Promise<Result<PolicySource[]>> {
  return loadPolicies(extra, readInputFile);
}
