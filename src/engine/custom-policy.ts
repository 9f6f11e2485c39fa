/**
 * `--policy DIR|FILE.wasm|BUNDLE.tar.gz`: extra rules from the user. A directory of Rego is compiled with
 * the `opa` CLI on PATH (together with rsyncguard's policy library); a bundle or a .wasm with a rules.json
 * beside it loads without OPA. Custom rules live in `package rsyncguard.custom.<family>`, as
 * `findings contains f if { ... }` with the same METADATA as the built-in rules.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { describeJsonError, errorMessage, fail, MiB, ok, UserError, type ReadInput, type Result } from '../common/index.ts';
import { parseRuleCatalog } from './catalog.ts';
import type { PolicyLimits, PolicySource } from './policy-engine.ts';
import { buildPolicyDirectory, CUSTOM_ENTRYPOINT } from './policy-directory.ts';
import { catalogFromRego } from './rego-metadata.ts';

export { CUSTOM_ENTRYPOINT };

/**
 * A user's policy runs in a worker stopped at these limits (per step: loading, then each target). Real
 * policies load in tens of milliseconds and evaluate a facts document in a few.
 */
export const CUSTOM_POLICY_LIMITS: PolicyLimits = { timeoutMs: 5000, memoryMiB: 128 };

/** opa build writes a policy.wasm of well under a few MiB; these caps leave ample room and stop a bomb. */
export const BUNDLE_LIMITS = { fileBytes: 32 * MiB, entryBytes: 16 * MiB, totalBytes: 64 * MiB, entries: 10_000 } as const;
const CATALOG_BYTES = 4 * MiB;

const BUNDLE_HINT = 'Pass the bundle.tar.gz that opa build -t wasm wrote.';
const POLICY_HINT = 'Pass a directory of Rego, a bundle.tar.gz, or a policy.wasm with rules.json beside it.';

export async function customPolicy(path: string, read: ReadInput): Promise<Result<PolicySource>> {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return fail(new UserError(`--policy ${path} does not exist`, path, POLICY_HINT));
  }
  if (isDir) return compileDirectory(path, read);
  if (/\.(tar\.gz|tgz)$/.test(path)) {
    const bytes = read(path, { what: 'the policy bundle', maxBytes: BUNDLE_LIMITS.fileBytes, hint: BUNDLE_HINT });
    return bytes.ok ? loadBundle(path, bytes.value) : bytes;
  }
  if (path.endsWith('.wasm')) return loadWasm(path, read);
  return fail(new UserError(`--policy ${path}: not a directory, .wasm or .tar.gz`, path, POLICY_HINT));
}

async function compileDirectory(dir: string, read: ReadInput): Promise<Result<PolicySource>> {
  const built = buildPolicyDirectory(dir, read);
  if (!built.ok) return built;
  const loaded = await loadBundle(dir, built.value.bundle, built.value.rules);
  return loaded.ok ? ok({ ...loaded.value, renames: built.value.renames }) : loaded;
}

async function loadBundle(name: string, bytes: Buffer, known?: PolicySource['rules']): Promise<Result<PolicySource>> {
  let entries: Map<string, Buffer>;
  try {
    entries = await untar(bytes);
  } catch (e) {
    return fail(new UserError(`not a readable policy bundle: ${errorMessage(e)}`, name, BUNDLE_HINT));
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
  return ok({ name, wasm, rules, entrypoint: manifestEntrypoint(entries.get('.manifest')) ?? CUSTOM_ENTRYPOINT, paramNames: null, limits: CUSTOM_POLICY_LIMITS });
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

function loadWasm(path: string, read: ReadInput): Result<PolicySource> {
  const catalogPath = join(path, '..', 'rules.json');
  if (!existsSync(catalogPath)) return fail(new UserError('a .wasm policy needs its rule catalog as rules.json beside it', path, 'Or pass the bundle.tar.gz that opa build wrote.'));
  const text = read(catalogPath, { what: 'the rule catalog', maxBytes: CATALOG_BYTES, hint: 'rules.json lists the rules of the policy beside it.' });
  if (!text.ok) return text;
  const wasm = read(path, { what: 'the policy module', maxBytes: BUNDLE_LIMITS.entryBytes, hint: 'Pass a policy.wasm built with opa build -t wasm.' });
  if (!wasm.ok) return wasm;
  let json: unknown;
  try {
    json = JSON.parse(text.value.toString('utf8'));
  } catch (e) {
    return fail(new UserError(`cannot read the rule catalog: ${describeJsonError(e)}`, catalogPath, 'rules.json lists the rules of the policy beside it.'));
  }
  const catalog = parseRuleCatalog(json, catalogPath);
  if (!catalog.ok) return catalog;
  return ok({ name: path, wasm: wasm.value, rules: catalog.value.rules, entrypoint: catalog.value.entrypoint, paramNames: catalog.value.paramNames, limits: CUSTOM_POLICY_LIMITS });
}

/** The entries a policy bundle is read for; anything else (data, signatures) is skipped unbuffered. */
const wanted = (name: string): boolean => name === 'policy.wasm' || name === '.manifest' || name.endsWith('.rego');

/**
 * The wanted regular files of a .tar.gz, by path without a leading "/" (opa writes "/policy.wasm"). Each
 * entry, the unpacked total and the number of entries are capped, so a gzip bomb ends with an error. The
 * compressed bytes go in 1 KiB at a time: zlib inflates a whole input chunk before it heeds backpressure,
 * and deflate reaches about 1000:1.
 */
function untar(bytes: Buffer): Promise<Map<string, Buffer>> {
  const { entryBytes, totalBytes, entries } = BUNDLE_LIMITS;
  const files = new Map<string, Buffer>();
  const tar = extract();
  let total = 0;
  let count = 0;
  tar.on('entry', (header, stream, next) => {
    const name = header.name.replace(/^\/+/, '');
    const keep = header.type === 'file' && wanted(name);
    const chunks: Buffer[] = [];
    let size = 0;
    if (++count > entries) return tar.destroy(new Error(`it has more than ${entries} entries`));
    stream.on('data', (data: unknown) => {
      const c = Buffer.isBuffer(data) ? data : Buffer.from(String(data));
      size += c.length;
      total += c.length;
      if (size > entryBytes) tar.destroy(new Error(`${name} unpacks to more than ${entryBytes / MiB} MiB, the limit for one entry`));
      else if (total > totalBytes) tar.destroy(new Error(`it unpacks to more than ${totalBytes / MiB} MiB, the limit for a bundle`));
      else if (keep) chunks.push(c);
    });
    stream.on('end', () => {
      if (keep) files.set(name, Buffer.concat(chunks));
      next();
    });
    // The same error ends the pipeline, which reports it.
    stream.on('error', () => undefined);
  });
  return pipeline(Readable.from(slices(bytes, 1024)), createGunzip(), tar).then(() => files);
}

function* slices(bytes: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
