/**
 * Where the policy comes from: the built-in dist/policy.wasm and dist/rules.json beside the bundle (or
 * the repository's dist/ when running from source).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, UserError, type Result } from '../common/index.ts';
import { parseRuleCatalog, type PolicySource } from '../engine/index.ts';
import { customPolicy } from './custom-policy.ts';
import { distDir } from './dist-dir.ts';

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
    return fail(new UserError(`the built-in policy is missing: ${e instanceof Error ? e.message : String(e)}`, dir, 'Reinstall rsyncguard, or run npm run build:policies in a checkout.'));
  }
  const parsed = parseRuleCatalog(catalog, rulesPath);
  if (!parsed.ok) return parsed;
  const { rules, entrypoint, paramNames } = parsed.value;
  return { ok: true, value: { name: 'built-in policy', wasm, rules, entrypoint, paramNames } };
}

/** The built-in policy, plus the one --policy names. */
export async function policiesFor(extra: string | undefined): Promise<PolicySource[]> {
  const builtin = builtinPolicy();
  if (!builtin.ok) throw builtin.error;
  if (extra === undefined) return [builtin.value];
  const custom = await customPolicy(extra);
  if (!custom.ok) throw custom.error;
  return [builtin.value, custom.value];
}
