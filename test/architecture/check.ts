/**
 * The checker behind test/architecture.test.ts: walks a tree, reads every import with the TypeScript parser
 * (./imports.ts) and judges each against a table of folders. It takes the tree's root as an argument so the
 * test can run the very same code on a planted copy and see it fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, posix } from 'node:path';
import { readFile, type ImportForm } from './imports.ts';

export interface FolderRule {
  /** Folders this one may import besides itself (inside a folder anything may import anything). */
  uses: readonly string[];
  /** Which of its files other folders may import (a path relative to the folder, without extension). */
  entry: RegExp;
  /** Why the folder sits where it does: shown with a violation. */
  why: string;
}

export interface Table {
  /** Folder (a path from the root, `/`-separated) → its rule. A file belongs to the longest folder that holds it. */
  folders: Readonly<Record<string, FolderRule>>;
  /** A named import that breaks the rules on purpose: `from` and `to` are files from the root. */
  exceptions: readonly { from: string; to: string; why: string }[];
  /** npm packages that belong to one folder of src/: no other src folder may import them. */
  packages: readonly { name: string; only: readonly string[]; why: string }[];
}

export interface SourceFile {
  /** From the root, `/`-separated. */
  path: string;
  lines: number;
  imports: { form: ImportForm; specifier: string | null; line: number }[];
  anyLines: number[];
}

export interface Violation {
  file: string;
  line: number;
  specifier: string | null;
  form: ImportForm;
  rule: string;
}

/** The folders the check reads. */
export const ROOTS = ['src', 'test', 'scripts', 'bench'];
const CODE = /\.(?:[cm]?ts|[cm]?js)$/;
/** Test data (test/fixtures) and installed packages are not our code, whatever their names end in. */
const SKIP = new Set(['node_modules', 'fixtures']);

function walk(dir: string, rel: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const path = `${rel}/${e.name}`;
    if (e.isDirectory()) return walk(join(dir, e.name), path);
    return e.isFile() && CODE.test(e.name) ? [path] : [];
  });
}

/** Every code file under the roots, parsed. */
export function readTree(root: string, roots: readonly string[] = ROOTS): SourceFile[] {
  return roots.flatMap((top) =>
    walk(join(root, top), top).map((path) => {
      const text = readFileSync(join(root, path), 'utf8');
      return { path, lines: text.split('\n').length, ...readFile(path, text) };
    }),
  );
}

const withoutExtension = (path: string): string => path.replace(CODE, '');

/** The folder of the table that holds `path`, or null. */
export function folderOf(path: string, table: Table): string | null {
  let best: string | null = null;
  for (const folder of Object.keys(table.folders)) {
    if ((path === folder || path.startsWith(`${folder}/`)) && (best === null || folder.length > best.length)) best = folder;
  }
  return best;
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Every import in `files` that the table forbids. */
export function violations(files: readonly SourceFile[], table: Table): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    const from = folderOf(file.path, table);
    for (const ref of file.imports) {
      const rule = judge(file.path, from, ref.specifier, table);
      if (rule !== null) out.push({ file: file.path, line: ref.line, specifier: ref.specifier, form: ref.form, rule });
    }
  }
  return out;
}

/** Files that sit in no folder of the table (a new folder must be placed in it before it holds code). */
export function unplaced(files: readonly SourceFile[], table: Table): string[] {
  return files.filter((f) => folderOf(f.path, table) === null).map((f) => f.path);
}

/** Exceptions that no import uses any more: each one should go. */
export function unusedExceptions(files: readonly SourceFile[], table: Table): string[] {
  const used = new Set<string>();
  for (const file of files) {
    for (const ref of file.imports) {
      if (ref.specifier === null || !ref.specifier.startsWith('.')) continue;
      const target = withoutExtension(posix.join(posix.dirname(file.path), ref.specifier));
      used.add(`${file.path} → ${target}`);
    }
  }
  return table.exceptions.map((e) => `${e.from} → ${withoutExtension(e.to)}`).filter((key) => !used.has(key));
}

/** Why `specifier`, imported by `path` (in folder `from`), breaks the table; null when it does not. */
function judge(path: string, from: string | null, specifier: string | null, table: Table): string | null {
  if (from === null) return null; // reported once per file by unplaced()
  if (specifier === null) return 'a computed specifier cannot be checked: write the path as a string literal';
  if (specifier.startsWith('/') || /^[a-z]+:/i.test(specifier)) {
    return specifier.startsWith('node:') ? null : 'an absolute path or URL: import by a relative path or a package name';
  }
  if (!specifier.startsWith('.')) {
    if (isBuiltin(specifier) || !from.startsWith('src/')) return null;
    const confined = table.packages.find((p) => p.name === packageName(specifier));
    return confined === undefined || confined.only.includes(from) ? null : `${confined.name} belongs to ${confined.only.join(', ')} (${confined.why})`;
  }
  const target = posix.join(posix.dirname(path), specifier);
  if (target.startsWith('../')) return 'reaches outside the project';
  const to = folderOf(target, table);
  if (to === from) return null;
  if (table.exceptions.some((e) => e.from === path && withoutExtension(e.to) === withoutExtension(target))) return null;
  if (to === null) return `${target} is in no folder of the table`;
  const rule = table.folders[from];
  if (rule === undefined || !rule.uses.includes(to)) {
    return `${from} may not use ${to} (${from} uses ${rule?.uses.length ? rule.uses.join(', ') : 'nothing of ours'}: ${rule?.why ?? ''})`;
  }
  const entry = table.folders[to]?.entry;
  const inside = withoutExtension(target.slice(to.length + 1));
  if (entry === undefined || !entry.test(inside)) return `${target} is internal to ${to}: import its public entry`;
  return null;
}

/** One line per violation, for assertion messages and the report. */
export function describe(v: Violation): string {
  return `${v.file}:${v.line} → ${v.specifier ?? '(computed)'} [${v.form}]: ${v.rule}`;
}
