/**
 * `--policy DIR`: a directory of Rego compiled with the `opa` CLI together with rsyncguard's policy
 * library. opa is given copies of the directory's regular files, never the directory: a symbolic link in a
 * checked-out policy directory (to /proc/self/environ, to a secrets file) would otherwise be read by opa,
 * and its parse errors quote the text they stumble on.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fail, MiB, ok, UserError, type ReadInput, type Result } from '../common/index.ts';
import { distDir } from './dist-dir.ts';
import type { RuleInfo } from './finding.ts';
import { catalogFromRego } from './rego-metadata.ts';

export const CUSTOM_ENTRYPOINT = 'rsyncguard/custom_main/findings';

const CUSTOM_MAIN = `package rsyncguard.custom_main

findings := [f | some family; some f in data.rsyncguard.custom[family].findings]
`;

/** What opa build reads from a directory: policies and data documents. */
const POLICY_FILE = /\.(rego|json|ya?ml)$/;
const LIMITS = { fileBytes: 16 * MiB, totalBytes: 64 * MiB, files: 10_000 } as const;

interface PolicyFile {
  rel: string;
  bytes: Buffer;
}

/** The directory's policy files, each a regular file inside it; a link or a device is an error. */
function policyFiles(dir: string, read: ReadInput): Result<PolicyFile[]> {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => POLICY_FILE.test(f))
    .sort();
  if (names.length > LIMITS.files) return fail(new UserError(`the policy directory has more than ${LIMITS.files} policy files`, dir));
  const files: PolicyFile[] = [];
  let total = 0;
  for (const rel of names) {
    const path = join(dir, rel);
    const st = lstatSync(path);
    if (st.isDirectory()) continue;
    if (st.isSymbolicLink()) return fail(new UserError(`${rel} is a symbolic link; it was not followed`, path, 'Policy files are read only as regular files inside the policy directory: copy the file in.'));
    const bytes = read(path, { what: 'the policy file', maxBytes: LIMITS.fileBytes, hint: 'A policy directory holds Rego and small data files.' });
    if (!bytes.ok) return bytes;
    total += bytes.value.length;
    if (total > LIMITS.totalBytes) return fail(new UserError(`the policy files add up to more than ${LIMITS.totalBytes / MiB} MiB`, dir));
    files.push({ rel, bytes: bytes.value });
  }
  return ok(files);
}

/**
 * Compiles the directory to a wasm bundle; its rules come from the Rego METADATA. `renames`: the temporary
 * paths the module's runtime errors name (opa compiled the copies), each with the path the user knows.
 */
export function buildPolicyDirectory(dir: string, read: ReadInput): Result<{ bundle: Buffer; rules: RuleInfo[]; renames: [string, string][] }> {
  const files = policyFiles(dir, read);
  if (!files.ok) return files;
  const rego = files.value.filter((f) => f.rel.endsWith('.rego') && !f.rel.endsWith('_test.rego'));
  const catalog = catalogFromRego(rego.map((f) => ({ path: join(dir, f.rel), text: f.bytes.toString('utf8') })));
  if (!catalog.ok) return catalog;
  if (catalog.value.length === 0) return fail(new UserError('no findings rules with METADATA in this policy directory', dir, 'Rules live in package rsyncguard.custom.<family> as "findings contains f if { ... }".'));
  const opa = process.env['RSYNCGUARD_OPA'] ?? 'opa';
  const work = mkdtempSync(join(tmpdir(), 'rsyncguard-policy-'));
  const copy = join(work, 'policy');
  try {
    for (const f of files.value) {
      mkdirSync(dirname(join(copy, f.rel)), { recursive: true });
      writeFileSync(join(copy, f.rel), f.bytes);
    }
    writeFileSync(join(work, 'custom_main.rego'), CUSTOM_MAIN);
    writeFileSync(join(work, 'lib.rego'), readFileSync(join(distDir(), 'policy-lib.rego')));
    const out = join(work, 'bundle.tar.gz');
    const r = spawnSync(opa, ['build', '-t', 'wasm', '--ignore', '*_test.rego', '-e', CUSTOM_ENTRYPOINT, '-o', out, join(work, 'custom_main.rego'), join(work, 'lib.rego'), copy], { encoding: 'utf8' });
    if (r.error) {
      return fail(new UserError(`compiling a Rego directory needs the opa CLI, which is not on PATH (${r.error.message})`, dir, `Install OPA, set RSYNCGUARD_OPA, or pass a bundle built with: opa build -t wasm -e ${CUSTOM_ENTRYPOINT} …`));
    }
    // opa names the copies; the user knows the originals.
    const said = (r.stderr || r.stdout).replaceAll(copy, dir).trim().split('\n').slice(0, 5).join(' | ');
    if (r.status !== 0) return fail(new UserError(`opa build failed: ${said}`, dir, 'Fix the Rego; opa check shows every error.'));
    const renames: [string, string][] = [
      [copy, dir],
      [join(work, 'custom_main.rego'), 'rsyncguard:custom_main.rego'],
      [join(work, 'lib.rego'), 'rsyncguard:policy-lib.rego'],
    ];
    return ok({ bundle: readFileSync(out), rules: catalog.value, renames });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
