/**
 * Where the policy comes from: the built-in dist/policy.wasm and dist/rules.json beside the bundle (or
 * the repository's dist/ when running from source).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, UserError, type Result } from '../common/index.ts';
import { parseRuleCatalog, type PolicySource } from '../engine/index.ts';

function distDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [here, join(here, '..', '..', 'dist')];
  return candidates.find((d) => existsSync(join(d, 'policy.wasm'))) ?? here;
}

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
