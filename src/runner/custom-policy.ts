/**
 * `--policy DIR|FILE.wasm|BUNDLE.tar.gz`: extra rules from the user. A directory of Rego is compiled with
 * the `opa` CLI on PATH (together with rsyncguard's policy library); a bundle or a .wasm with a rules.json
 * beside it loads without OPA. Custom rules live in `package rsyncguard.custom.<family>`, as
 * `findings contains f if { ... }` with the same METADATA as the built-in rules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { fail, ok, UserError, type Result } from '../common/index.ts';
import { catalogFromRego, parseRuleCatalog, type PolicySource } from '../engine/index.ts';
import { distDir } from './dist-dir.ts';

export const CUSTOM_ENTRYPOINT = 'rsyncguard/custom_main/findings';

const CUSTOM_MAIN = `package rsyncguard.custom_main

findings := [f | some family; some f in data.rsyncguard.custom[family].findings]
`;

const MAX_BUNDLE_ENTRY = 64 * 1024 * 1024;

export async function customPolicy(path: string): Promise<Result<PolicySource>> {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return fail(new UserError(`--policy ${path} does not exist`, path, 'Pass a directory of Rego, a bundle.tar.gz, or a policy.wasm with rules.json beside it.'));
  }
  if (isDir) return compileDirectory(path);
  if (/\.(tar\.gz|tgz)$/.test(path)) return loadBundle(path, readFileSync(path));
  if (path.endsWith('.wasm')) return loadWasm(path);
  return fail(new UserError(`--policy ${path}: not a directory, .wasm or .tar.gz`, path));
}

function regoFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.rego') && !f.endsWith('_test.rego'))
    .sort()
    .map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

function compileDirectory(dir: string): Promise<Result<PolicySource>> {
  const files = regoFiles(dir);
  const catalog = catalogFromRego(files);
  if (!catalog.ok) return Promise.resolve(catalog);
  if (catalog.value.length === 0) return Promise.resolve(fail(new UserError('no findings rules with METADATA in this policy directory', dir, 'Rules live in package rsyncguard.custom.<family> as "findings contains f if { ... }".')));
  const opa = process.env['RSYNCGUARD_OPA'] ?? 'opa';
  const work = mkdtempSync(join(tmpdir(), 'rsyncguard-policy-'));
  try {
    writeFileSync(join(work, 'custom_main.rego'), CUSTOM_MAIN);
    writeFileSync(join(work, 'lib.rego'), readFileSync(join(distDir(), 'policy-lib.rego')));
    const out = join(work, 'bundle.tar.gz');
    const r = spawnSync(opa, ['build', '-t', 'wasm', '--ignore', '*_test.rego', '-e', CUSTOM_ENTRYPOINT, '-o', out, join(work, 'custom_main.rego'), join(work, 'lib.rego'), dir], { encoding: 'utf8' });
    if (r.error) {
      return Promise.resolve(fail(new UserError(`compiling a Rego directory needs the opa CLI, which is not on PATH (${r.error.message})`, dir, `Install OPA, set RSYNCGUARD_OPA, or pass a bundle built with: opa build -t wasm -e ${CUSTOM_ENTRYPOINT} …`)));
    }
    if (r.status !== 0) return Promise.resolve(fail(new UserError(`opa build failed: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 5).join(' | ')}`, dir, 'Fix the Rego; opa check shows every error.')));
    return loadBundle(dir, readFileSync(out), catalog.value);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function loadBundle(name: string, bytes: Buffer, known?: PolicySource['rules']): Promise<Result<PolicySource>> {
  let entries: Map<string, Buffer>;
  try {
    entries = await untar(bytes);
  } catch (e) {
    return fail(new UserError(`not a readable policy bundle: ${e instanceof Error ? e.message : String(e)}`, name, 'Build it with opa build -t wasm.'));
  }
  const wasm = entries.get('policy.wasm');
  if (!wasm) return fail(new UserError('the bundle has no policy.wasm: it was not built with -t wasm', name));
  let rules = known;
  if (!rules) {
    const rego = [...entries].filter(([p]) => p.endsWith('.rego')).map(([path, b]) => ({ path, text: b.toString('utf8') }));
    const catalog = catalogFromRego(rego);
    if (!catalog.ok) return catalog;
    rules = catalog.value;
  }
  return ok({ name, wasm, rules, entrypoint: manifestEntrypoint(entries.get('.manifest')) ?? CUSTOM_ENTRYPOINT, paramNames: null });
}

function manifestEntrypoint(manifest: Buffer | undefined): string | undefined {
  if (!manifest) return undefined;
  try {
    const m: unknown = JSON.parse(manifest.toString('utf8'));
    const wasm = typeof m === 'object' && m !== null && 'wasm' in m && Array.isArray(m.wasm) ? (m.wasm as unknown[]) : [];
    const first = wasm[0];
    return typeof first === 'object' && first !== null && 'entrypoint' in first && typeof first.entrypoint === 'string' ? first.entrypoint : undefined;
  } catch {
    return undefined;
  }
}

function loadWasm(path: string): Result<PolicySource> {
  const catalogPath = join(path, '..', 'rules.json');
  if (!existsSync(catalogPath)) return fail(new UserError('a .wasm policy needs its rule catalog as rules.json beside it', path, 'Or pass the bundle.tar.gz that opa build wrote.'));
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(catalogPath, 'utf8'));
  } catch (e) {
    return fail(new UserError(`cannot read the rule catalog: ${e instanceof Error ? e.message : String(e)}`, catalogPath));
  }
  const catalog = parseRuleCatalog(json, catalogPath);
  if (!catalog.ok) return catalog;
  return ok({ name: path, wasm: readFileSync(path), rules: catalog.value.rules, entrypoint: catalog.value.entrypoint, paramNames: catalog.value.paramNames });
}

/** The regular files of a .tar.gz, by path without a leading "/" (opa writes "/policy.wasm"). */
function untar(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((done, reject) => {
    const files = new Map<string, Buffer>();
    const tar = extract();
    tar.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (data: unknown) => {
        const c = Buffer.isBuffer(data) ? data : Buffer.from(String(data));
        size += c.length;
        if (size > MAX_BUNDLE_ENTRY) stream.destroy(new Error(`${header.name} is larger than ${MAX_BUNDLE_ENTRY} bytes`));
        else chunks.push(c);
      });
      stream.on('end', () => {
        if (header.type === 'file') files.set(header.name.replace(/^\/+/, ''), Buffer.concat(chunks));
        next();
      });
      stream.on('error', reject);
    });
    tar.on('finish', () => done(files));
    tar.on('error', reject);
    const gunzip = createGunzip();
    gunzip.on('error', reject);
    gunzip.pipe(tar);
    gunzip.end(bytes);
  });
}
