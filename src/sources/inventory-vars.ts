/**
 * group_vars/ and host_vars/ beside an inventory file, found as Ansible's host_group_vars plugin finds them
 * (DataLoader.find_vars_files): for a name, the first of `NAME` (a file, or a directory read whole),
 * `NAME.yml`, `NAME.yaml`, `NAME.json` that exists. A directory is read recursively in sorted order, skipping
 * hidden files, backups (`~`) and files with other extensions; later files override earlier ones, key by key.
 * Each directory is listed once, so only names that have a file cost a read. A name with a "/" (or "." / "..")
 * is not looked up: it would reach outside group_vars/. A file encrypted with ansible-vault is skipped with a
 * note (rsyncguard has no vault password; vaulted files usually hold passwords, which sweep does not use).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage, fail, MiB, ok, type JsonObject, type Result, UserError } from '../common/index.ts';
import type { VarsFiles } from './inventory-model.ts';
import { isVaultFile, loadAnsibleYaml } from './inventory-yaml-load.ts';
import { readInputFile } from './read-input.ts';

const EXTENSIONS = ['.yml', '.yaml', '.json'];
const FILE_SPEC = { what: 'a variables file', maxBytes: 4 * MiB, hint: 'group_vars/ and host_vars/ files are YAML mappings of variables, as Ansible reads them.' };
/** Enough for any real tree; a bound against a symlink loop or a runaway directory. */
const MAX_FILES = 20_000;
const MAX_DEPTH = 16;

const isMapping = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function kindAt(path: string): 'dir' | 'file' | 'other' | null {
  try {
    const st = statSync(path);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
  } catch {
    return null;
  }
}

/** The files Ansible would read for one name under `base` (group_vars or host_vars), in order. */
function filesFor(base: string, entries: Set<string>, name: string, budget: { left: number }): Result<string[]> {
  for (const candidate of [name, ...EXTENSIONS.map((e) => `${name}${e}`)]) {
    if (!entries.has(candidate)) continue;
    const path = join(base, candidate);
    const kind = kindAt(path);
    if (kind === 'file') return ok([path]);
    if (kind === 'dir') return walk(path, 0, budget);
  }
  return ok([]);
}

function walk(dir: string, depth: number, budget: { left: number }): Result<string[]> {
  if (depth > MAX_DEPTH) return fail(new UserError(`variables directories nest more than ${MAX_DEPTH} deep (a symbolic link loop?)`, dir, FILE_SPEC.hint));
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    return fail(new UserError(`cannot list a variables directory: ${errorMessage(e)}`, dir, FILE_SPEC.hint));
  }
  const out: string[] = [];
  for (const n of names) {
    if (n.startsWith('.') || n.endsWith('~')) continue;
    const path = join(dir, n);
    const ext = /(\.[^.]*)$/.exec(n)?.[1] ?? '';
    const kind = kindAt(path);
    if (kind === 'dir' && ext === '') {
      const sub = walk(path, depth + 1, budget);
      if (!sub.ok) return sub;
      out.push(...sub.value);
    } else if (kind === 'file' && (ext === '' || EXTENSIONS.includes(ext))) {
      if (--budget.left < 0) return fail(new UserError(`more than ${MAX_FILES} variables files`, dir, FILE_SPEC.hint));
      out.push(path);
    }
  }
  return ok(out);
}

function loadFile(path: string, notes: string[]): Result<JsonObject | null> {
  const bytes = readInputFile(path, FILE_SPEC);
  if (!bytes.ok) return bytes;
  const text = bytes.value.toString('utf8');
  if (isVaultFile(text)) {
    notes.push(`${path} is encrypted with ansible-vault and was not read; connection variables in it (ansible_user, ansible_port, …) are not applied.`);
    return ok(null);
  }
  const doc = loadAnsibleYaml(text);
  if ('error' in doc) return fail(new UserError(doc.error, doc.line !== undefined ? `${path}:${doc.line}` : path, FILE_SPEC.hint));
  if (doc.value === null || doc.value === undefined) return ok(null);
  if (!isMapping(doc.value)) return fail(new UserError('a variables file is not a mapping of variable names to values', path, FILE_SPEC.hint));
  return ok(doc.value);
}

function loadKind(dir: string, sub: 'group_vars' | 'host_vars', names: Iterable<string>, notes: string[], budget: { left: number }): Result<Map<string, JsonObject>> {
  const base = join(dir, sub);
  const vars = new Map<string, JsonObject>();
  if (kindAt(base) !== 'dir') return ok(vars);
  let entries: Set<string>;
  try {
    entries = new Set(readdirSync(base));
  } catch (e) {
    return fail(new UserError(`cannot list ${sub}: ${errorMessage(e)}`, base, FILE_SPEC.hint));
  }
  for (const name of names) {
    if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\0')) continue;
    const files = filesFor(base, entries, name, budget);
    if (!files.ok) return files;
    let merged: JsonObject | null = null;
    for (const f of files.value) {
      const data = loadFile(f, notes);
      if (!data.ok) return data;
      if (data.value !== null) merged = { ...(merged ?? {}), ...data.value };
    }
    if (merged !== null) vars.set(name, merged);
  }
  return ok(vars);
}

/** The group and host variables files for these names, beside the inventory in `dir`. */
export function loadVarsFiles(dir: string, groups: Iterable<string>, hosts: Iterable<string>): Result<{ files: VarsFiles; notes: string[] }> {
  const notes: string[] = [];
  const budget = { left: MAX_FILES };
  const g = loadKind(dir, 'group_vars', groups, notes, budget);
  if (!g.ok) return g;
  const h = loadKind(dir, 'host_vars', hosts, notes, budget);
  if (!h.ok) return h;
  return ok({ files: { group: (n) => g.value.get(n), host: (n) => h.value.get(n) }, notes });
}
