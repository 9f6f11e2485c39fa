/**
 * The checker behind test/architecture.test.ts: walks a tree, reads every import with the TypeScript parser
 * (./imports.ts) and judges each against a table of folders. It takes the tree's root as an argument so the
 * test can run the very same code on a planted copy and see it fail.
 */
import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
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
  /** A symbolic link: never followed (it could lead out of the tree or hide code), a violation in itself. */
  link?: true;
  lines: number;
  imports: { form: ImportForm; specifier: string | null; line: number }[];
  anyLines: number[];
}

export interface Violation {
  file: string;
  line: number;
  specifier: string | null;
  /** How the file reaches the module, or `file` for what is wrong with the file itself. */
  form: ImportForm | 'file';
  rule: string;
}

/** The folders the check reads. */
export const ROOTS = ['src', 'test', 'scripts', 'bench'];
/** The package's name in package.json: a specifier naming it reaches our own code (the test checks it). */
export const PACKAGE_NAME = 'rsyncguard';
/** Every extension Node or a bundler loads as code; src/ holds only `.ts` (see judgeFile). */
const CODE = /\.(?:[cm]?[jt]sx?)$/;
/** Test data, not code: inputs with the answers expected of them. Only this one folder, from the root. */
const SKIP = new Set(['test/fixtures']);

function walk(dir: string, rel: string): { path: string; link: boolean }[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    // A folder the check cannot read is a folder it did not check: fail, never pass on less.
    throw new Error(`cannot read ${rel}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return entries.flatMap((e) => {
    const path = `${rel}/${e.name}`;
    if (SKIP.has(path)) return [];
    if (e.isSymbolicLink()) return [{ path, link: true }];
    if (e.isDirectory()) return walk(join(dir, e.name), path);
    return e.isFile() && CODE.test(e.name) ? [{ path, link: false }] : [];
  });
}

/** Every code file under the roots, parsed, and every symbolic link (unread). */
export function readTree(root: string, roots: readonly string[] = ROOTS): SourceFile[] {
  // A root the tree lacks holds nothing (the real tree's test checks each root was read); a folder inside
  // one that cannot be read fails the walk.
  return roots.flatMap((top) =>
    (existsSync(join(root, top)) ? walk(join(root, top), top) : []).map(({ path, link }): SourceFile => {
      if (link) return { path, link: true, lines: 0, imports: [], anyLines: [] };
      const text = readFileSync(join(root, path), 'utf8');
      return { path, lines: text.split('\n').length, ...readFile(path, text, PACKAGE_NAME) };
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
    const wrong = judgeFile(file);
    if (wrong !== null) out.push({ file: file.path, line: 1, specifier: null, form: 'file', rule: wrong });
    for (const ref of file.imports) {
      const rule = judge(file.path, from, ref.specifier, ref.form, table);
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

/** What is wrong with the file itself: a link, or code in src/ that is not `.ts`. */
function judgeFile(file: SourceFile): string | null {
  if (file.link) return 'a symbolic link: the tree holds files and folders only (a link can hide code or lead out of the tree)';
  if (file.path.startsWith('src/') && !file.path.endsWith('.ts')) return 'src/ is TypeScript only: rename it to .ts';
  return null;
}

/** Why `specifier`, imported by `path` (in folder `from`) as `form`, breaks the table; null when it does not. */
function judge(path: string, from: string | null, specifier: string | null, form: ImportForm, table: Table): string | null {
  if (from === null) return null; // reported once per file by unplaced()
  if (form === 'worker-path') return "a worker named by a path from the working directory cannot be checked: name it with new URL('./w.ts', import.meta.url)";
  if (specifier === null) return 'a computed specifier cannot be checked: write the path as a string literal';
  // package.json defines neither `imports` nor `exports` (the test checks): these would resolve to nothing
  // the table can judge, or, once defined, to our own code by a path the table never sees.
  if (specifier.startsWith('#')) return 'a package import (#…): package.json defines no "imports"; import by a relative path';
  if (packageName(specifier) === PACKAGE_NAME) return `${PACKAGE_NAME} is this package: import it by a relative path`;
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
  if (from.startsWith('src/') && to !== 'src/common' && table.folders[from]?.entry.test(withoutExtension(path.slice(from.length + 1)))) {
    // An entry that re-exported another folder would hand it to every importer, whatever the table says.
    return `${path} is the public entry of ${from}: it refers only to ${from} and src/common (${to} would leak through it)`;
  }
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
