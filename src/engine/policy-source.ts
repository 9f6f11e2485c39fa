/**
 * Where the policy comes from: the built-in dist/policy.wasm and dist/rules.json beside the bundle (or
 * the repository's dist/ when running from source).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage, fail, ok, UserError, type ReadInput, type Result } from '../common/index.ts';
import { parseRuleCatalog } from './catalog.ts';
import { customPolicy } from './custom-policy.ts';
import { distDir } from './dist-dir.ts';
import type { PolicySource } from './policy-engine.ts';

export function builtinPolicy(): Result<PolicySource> {
  const dir = distDir();
  const wasmPath = join(dir, 'policy.wasm');
  const rulesPath = join(dir, 'rules.json');
  let wasm: Uint8Array;
  let catalog: unknown;
  try {
    wasm = readFileSync(wasmPath);
    catalog = JSON.parse(readFileSync(rulesPath, 'utf8'));
  } catch (e) {
    return fail(new UserError(`the built-in policy is missing: ${errorMessage(e)}`, dir, 'Reinstall rsyncguard, or run npm run build:policies in a checkout.'));
  }
  const parsed = parseRuleCatalog(catalog, rulesPath);
  if (!parsed.ok) return parsed;
  const { rules, entrypoint, paramNames } = parsed.value;
  return { ok: true, value: { name: 'built-in policy', wasm, rules, entrypoint, paramNames } };
}

/**
 * The built-in policy, plus the one --policy names. `read` reads the user's policy files (src/sources'
 * readInputFile, handed in by the runner: the engine reads no user files by itself).
 */
export async function loadPolicies(extra: string | undefined, read: ReadInput): Promise<Result<PolicySource[]>> {
  const builtin = builtinPolicy();
  if (!builtin.ok) return builtin;
  if (extra === undefined) return ok([builtin.value]);
  const custom = await customPolicy(extra, read);
  return custom.ok ? ok([builtin.value, custom.value]) : custom;
}
