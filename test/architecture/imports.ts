/**
 * Every way a file can reach another module, read with the TypeScript parser rather than a regex: a regex
 * misses double quotes, multi-line `import type`, side-effect imports, `export … from`, dynamic `import()`
 * and `require`, and is fooled by the same text inside a string or a comment.
 *
 * Parsing only (ts.createSourceFile, no program, no type checker): the whole tree (~240 files) parses in
 * about a second and a half of CPU, and nothing needs to compile for the check to run. Not followed:
 * `require.resolve`, `import.meta.resolve`, JSDoc `@import` tags (JSDoc is not parsed) and specifiers
 * built at run time inside strings handed to `new Worker(…, { eval: true })` — none of which this project
 * uses to reach another folder's code.
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
  | 'require' // require('…'), or a function made by createRequire(…)
  | 'import-equals' // import x = require('…')
  | 'worker-url' // new URL('./x.ts', import.meta.url): a file started as a worker thread
  | 'reference'; // /// <reference path="…" />

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

/**
 * Names that act as `require` in this file: `require` itself, and every `const x = createRequire(…)` (also
 * `module.createRequire(…)`). Deliberately simple: a require handed around through other variables is not
 * followed — that is not code this project writes, and a reviewer would see it.
 */
function requireNames(file: TS.SourceFile): Set<string> {
  const names = new Set(['require']);
  const visit = (node: TS.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined && ts.isCallExpression(node.initializer)) {
      const callee = node.initializer.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      if (name === 'createRequire') names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
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

export interface FileFacts {
  imports: ImportRef[];
  /** Lines with an `any` in a type position: `: any`, `as any`, `<any>`, `any[]` — never one in a comment or a string. */
  anyLines: number[];
}

/** Every import of `text` (the contents of `fileName`), in source order, and where it writes `any`. */
export function readFile(fileName: string, text: string): FileFacts {
  const file = parse(fileName, text);
  const anys: number[] = [];
  const refs: ImportRef[] = [];
  const add = (form: ImportForm, specifier: string | null, node: TS.Node): void => {
    refs.push({ form, specifier, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
  };
  // Two extra walks, only in the few files that need them.
  const requires = text.includes('createRequire') ? requireNames(file) : new Set(['require']);
  const metaUrls = text.includes('import.meta.url') ? metaUrlNames(file) : new Set<string>();

  for (const ref of file.referencedFiles) {
    // `path="x.ts"` is relative to this file, as `./x.ts` is in an import.
    const specifier = /^\.{1,2}\//.test(ref.fileName) ? ref.fileName : `./${ref.fileName}`;
    refs.push({ form: 'reference', specifier, line: file.getLineAndCharacterOfPosition(ref.pos).line + 1 });
  }

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
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) add('dynamic-import', literal(node.arguments[0]), node);
      else if (ts.isIdentifier(callee) && requires.has(callee.text)) add('require', literal(node.arguments[0]), node);
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
      // A worker file is code this file runs, as surely as an import: `new URL('./w.ts', import.meta.url)`
      // counts as importing it, so a stage cannot start another stage's internals as a thread. Both
      // worker loaders (src/engine/sandboxed-policy.ts, src/runner/image-pool.ts) name their worker this
      // way, and scripts/build.mjs bundles each worker as an entry of its own, so no import shows the
      // dependency. Only script paths relative to this module count; any other URL is data, not code.
      const [first, base] = node.arguments ?? [];
      const baseIsHere = base !== undefined && (isImportMetaUrl(base) || (ts.isIdentifier(base) && metaUrls.has(base.text)));
      const paths = first !== undefined && baseIsHere ? urlLiterals(first) : null;
      for (const path of paths ?? []) {
        if (path.startsWith('.') && /\.[cm]?[jt]s$/.test(path)) add('worker-url', path, node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { imports: refs, anyLines: anys };
}
