/**
 * Every way a file can reach another module, read with the TypeScript parser rather than a regex: a regex
 * misses double quotes, multi-line `import type`, side-effect imports, `export … from`, dynamic `import()`
 * and `require`, and is fooled by the same text inside a string or a comment.
 *
 * Parsing only (ts.createSourceFile, no program, no type checker): the whole tree (~240 files) parses in
 * about a second and a half of CPU, and nothing needs to compile for the check to run. A rule that aliases
 * cannot dodge: any call whose callee mentions a loader (`require`, `createRequire`, `import`, `Worker`,
 * `URL`, or a name bound to one) hands it code when it is given a string that names a module — a relative
 * path, `#x` or this package's name. Not followed: JSDoc `@import` tags (JSDoc is not parsed) and code
 * handed to `new Worker(…, { eval: true })` as a template, which this project builds only to load a
 * worker it has already named with a checked `new URL(…)`.
 */
import { createRequire } from 'node:module';
import type TS from 'typescript';

// require, not import: importing this 9 MB CommonJS file as ESM makes Node scan it for export names,
// which costs more than a second — most of this test's time budget.
const ts = createRequire(import.meta.url)('typescript') as typeof TS;

/** How the file reaches the module; the self-test plants one violation per form. */
export type ImportForm =
  | 'import' // import x from '…', import { x } from '…', import * as x from '…'
  | 'side-effect' // import '…'
  | 'import-type' // import type { x } from '…' (also `import { type x }` when every name is a type)
  | 'export-from' // export { x } from '…', export type { x } from '…'
  | 'export-star' // export * from '…', export * as x from '…'
  | 'dynamic-import' // import('…')
  | 'type-import' // a type written as import('…').X
  | 'require' // require('…'), or a function made by createRequire(…), under any alias; createRequire from another base
  | 'import-equals' // import x = require('…')
  | 'worker-url' // new URL('./x.ts', import.meta.url): a file started as a worker thread (any URL named by a relative path)
  | 'worker-path' // new Worker('./x.ts'): a path from the working directory, never checkable, always a violation
  | 'loader-call' // any other call that mentions a loader: require.resolve('…'), import.meta.resolve('…'), f(require)('./x')
  | 'reference'; // /// <reference path="…" />, /// <reference types="./…" />

export interface ImportRef {
  form: ImportForm;
  /** The module specifier as written; null when it is computed and so cannot be checked. */
  specifier: string | null;
  /** 1-based line of the import. */
  line: number;
}

/**
 * Parses without JSDoc (much faster here, where comments are long) and without parent links: nothing
 * below needs either.
 */
function parse(fileName: string, text: string): TS.SourceFile {
  const kind = /\.[cm]?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
}

/** A literal string (either quote style, or a template without substitutions), else null. */
function literal(node: TS.Node | undefined): string | null {
  return node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;
}

/** `import.meta.url` */
function isImportMetaUrl(node: TS.Node): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === 'url' && ts.isMetaProperty(node.expression) && node.expression.keywordToken === ts.SyntaxKind.ImportKeyword;
}

/** The literal strings a worker URL can take: `'./w.ts'`, or both branches of `cond ? './w.ts' : './w.js'`. */
function urlLiterals(node: TS.Expression): string[] | null {
  const text = literal(node);
  if (text !== null) return [text];
  if (ts.isParenthesizedExpression(node)) return urlLiterals(node.expression);
  if (ts.isConditionalExpression(node)) {
    const a = urlLiterals(node.whenTrue);
    const b = urlLiterals(node.whenFalse);
    return a !== null && b !== null ? [...a, ...b] : null;
  }
  return null;
}

/** `import { type A, type B } from` imports only types, as `import type` does. */
function onlyTypes(clause: TS.ImportClause | undefined): boolean {
  if (clause === undefined) return false;
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return clause.name === undefined && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** The names that load code, each a loader itself; the file's own aliases are added by loaderNames. */
const LOADERS: Record<string, string> = { require: 'require', createRequire: 'createRequire', Worker: 'Worker', URL: 'URL' };

/** The identifiers written in `node` (`import` for `import(…)` and `import.meta`), never text in a string. */
function wordsOf(node: TS.Node): string[] {
  const words: string[] = [];
  const visit = (n: TS.Node): void => {
    if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) words.push(n.text);
    else if (n.kind === ts.SyntaxKind.ImportKeyword || (ts.isMetaProperty(n) && n.keywordToken === ts.SyntaxKind.ImportKeyword)) words.push('import');
    ts.forEachChild(n, visit);
  };
  visit(node);
  return words;
}

/** The name a callee calls: `f` in `f(…)`, `g` in `a.b.g(…)`; null for anything else. */
function calledName(callee: TS.Expression): string | null {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isParenthesizedExpression(callee)) return calledName(callee.expression);
  return null;
}

/**
 * Every name that stands for a loader in this file → the loader it is: the loaders themselves, the aliases
 * an import gives one (`import { createRequire as cr }`, `import { Worker as W }`), a name bound to one
 * (`const W = Worker`, `const cr = module.createRequire`), and every name bound to what a require factory
 * returns (`const r = cr(import.meta.url)`, `const { resolve } = createRequire(…)`), followed until nothing
 * new is bound. A loader handed through a parameter or a property is not followed: the callee rule in
 * readFile still sees its words.
 */
function loaderNames(file: TS.SourceFile): Map<string, string> {
  const names = new Map(Object.entries(LOADERS));
  const bindings: { names: string[]; init: TS.Expression }[] = [];
  const bound = (name: TS.BindingName): string[] => (ts.isIdentifier(name) ? [name.text] : name.elements.flatMap((e) => (ts.isBindingElement(e) ? bound(e.name) : [])));
  const visit = (node: TS.Node): void => {
    if (ts.isImportSpecifier(node)) {
      const origin = LOADERS[(node.propertyName ?? node.name).text];
      if (origin !== undefined) names.set(node.name.text, origin);
    } else if (ts.isVariableDeclaration(node) && node.initializer !== undefined) {
      bindings.push({ names: bound(node.name), init: node.initializer });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  const originOf = (init: TS.Expression): string | undefined => {
    const name = calledName(init);
    if (name !== null) return names.get(name);
    if (ts.isCallExpression(init)) {
      const factory = calledName(init.expression);
      const made = factory === null ? undefined : names.get(factory);
      return made === 'createRequire' ? 'require' : undefined;
    }
    return undefined;
  };
  for (let grew = true; grew; ) {
    grew = false;
    for (const b of bindings) {
      const origin = originOf(b.init);
      if (origin === undefined) continue;
      for (const n of b.names) {
        if (names.get(n) !== origin) {
          names.set(n, origin);
          grew = true;
        }
      }
    }
  }
  return names;
}

/** Identifiers bound to `import.meta.url` (`const here = import.meta.url`), accepted as a URL base. */
function metaUrlNames(file: TS.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: TS.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined && isImportMetaUrl(node.initializer)) {
      names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

/**
 * A string that names a module whichever call it is handed to: a relative path (`./x`, `../x`, `.`, `..`),
 * a package import (`#x`) or this package by its own name (`rsyncguard`, `rsyncguard/x`).
 */
export function looksLikeSpecifier(text: string, self: string): boolean {
  return /^(?:\.{1,2}(?:\/|$)|#)/.test(text) || text === self || text.startsWith(`${self}/`);
}

export interface FileFacts {
  imports: ImportRef[];
  /** Lines with an `any` in a type position: `: any`, `as any`, `<any>`, `any[]` — never one in a comment or a string. */
  anyLines: number[];
}

/**
 * Every import of `text` (the contents of `fileName`), in source order, and where it writes `any`. `self`
 * is the package's own name: a string naming it is a specifier wherever it is handed to a loader.
 */
export function readFile(fileName: string, text: string, self = 'rsyncguard'): FileFacts {
  const file = parse(fileName, text);
  const anys: number[] = [];
  const refs: ImportRef[] = [];
  const add = (form: ImportForm, specifier: string | null, node: TS.Node): void => {
    refs.push({ form, specifier, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
  };
  // Two extra walks, only in the few files that could need them.
  const loaders = /require|worker|url/i.test(text) ? loaderNames(file) : new Map(Object.entries(LOADERS));
  const metaUrls = text.includes('import.meta.url') ? metaUrlNames(file) : new Set<string>();
  const isHere = (node: TS.Node | undefined): boolean => node !== undefined && (isImportMetaUrl(node) || (ts.isIdentifier(node) && metaUrls.has(node.text)));

  for (const ref of file.referencedFiles) {
    // `path="x.ts"` is relative to this file, as `./x.ts` is in an import.
    const specifier = /^\.{1,2}\//.test(ref.fileName) ? ref.fileName : `./${ref.fileName}`;
    refs.push({ form: 'reference', specifier, line: file.getLineAndCharacterOfPosition(ref.pos).line + 1 });
  }
  for (const ref of file.typeReferenceDirectives) {
    // `types="node"` names a package's types; a path or this package's name reaches our own code.
    if (looksLikeSpecifier(ref.fileName, self)) refs.push({ form: 'reference', specifier: ref.fileName, line: file.getLineAndCharacterOfPosition(ref.pos).line + 1 });
  }

  /** A call or `new` that may load code: see ImportForm for what each kind counts. */
  const loaderCall = (node: TS.CallExpression | TS.NewExpression): void => {
    const callee = node.expression;
    const args = node.arguments ?? [];
    if (callee.kind === ts.SyntaxKind.ImportKeyword) {
      add('dynamic-import', literal(args[0]), node);
      return;
    }
    const name = calledName(callee);
    const origin = name === null ? undefined : loaders.get(name);
    if (origin === 'URL') {
      // A worker file is code this file runs, as surely as an import: `new URL('./w.ts', import.meta.url)`
      // counts as importing it, so a stage cannot start another stage's internals as a thread. Both
      // worker loaders (src/engine/sandboxed-policy.ts, src/runner/image-pool.ts) name their worker this
      // way, and scripts/build.mjs bundles each worker as an entry of its own, so no import shows the
      // dependency. A URL relative to this module with a computed path cannot be checked.
      const [first, base] = args;
      if (first === undefined) return;
      const paths = urlLiterals(first);
      if (paths === null && isHere(base)) add('worker-url', null, node);
      for (const path of paths ?? []) if (looksLikeSpecifier(path, self)) add('worker-url', path, node);
      return;
    }
    if (origin === 'Worker') {
      // A string is a path from the working directory, not from this file: only a URL can be checked.
      const path = literal(args[0]);
      if (path !== null) add('worker-path', path, node);
      return;
    }
    if (origin === 'createRequire') {
      // The base of every path the made require reads: anything but this module's own URL moves them.
      if (!isHere(args[0])) add('require', null, node);
      return;
    }
    const factory = ts.isCallExpression(callee) ? calledName(callee.expression) : null;
    const madeHere = factory !== null && loaders.get(factory) === 'createRequire'; // createRequire(…)('…')
    const onLoader = ts.isPropertyAccessExpression(callee) && wordsOf(callee.expression).some((w) => w === 'import' || loaders.get(w) === 'require');
    if ((origin === 'require' && ts.isIdentifier(callee)) || madeHere) add('require', literal(args[0]), node);
    else if (onLoader)
      add('loader-call', literal(args[0]), node); // require.resolve(…), import.meta.resolve(…)
    else if (wordsOf(callee).some((w) => w === 'import' || loaders.has(w))) {
      // Any other call that mentions a loader: every string that names a module is one it may load.
      for (const arg of args) {
        const text = literal(arg);
        if (text !== null && looksLikeSpecifier(text, self)) add('loader-call', text, node);
      }
    }
  };

  const visit = (node: TS.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) anys.push(file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1);
    if (ts.isImportDeclaration(node)) {
      const form = node.importClause === undefined ? 'side-effect' : onlyTypes(node.importClause) ? 'import-type' : 'import';
      add(form, literal(node.moduleSpecifier), node);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) {
      const star = node.exportClause === undefined || ts.isNamespaceExport(node.exportClause);
      add(star ? 'export-star' : 'export-from', literal(node.moduleSpecifier), node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add('import-equals', literal(node.moduleReference.expression), node);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      add('type-import', ts.isLiteralTypeNode(arg) ? literal(arg.literal) : null, node);
    } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      loaderCall(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { imports: refs, anyLines: anys };
}
