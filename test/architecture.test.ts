/**
 * The tree reads as the data flow: sources → parse → facts → engine → report, src/runner wires them, src/cli
 * and src/action are the front ends. Every import — static, side-effect, type-only, dynamic, `export … from`,
 * `require`, `import x = require`, `import('…')` types, worker files — is read with the TypeScript parser
 * (test/architecture/imports.ts) and judged against the one table below; so is any string naming a module
 * that is handed to a call mentioning require, createRequire, import, Worker or URL, under any alias. The
 * tree itself is checked too: no symbolic links, only `.ts` in src/, a stage's index.ts re-exports only its
 * own folder and src/common, and `#x` or `rsyncguard/x` names are refused (package.json maps neither). The
 * last suite plants a violation of each form in a temporary tree and checks the same code catches it, so
 * this test can fail.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { describe, PACKAGE_NAME, readTree, unplaced, unusedExceptions, violations, type Table } from './architecture/check.ts';

/** What a folder of src/ lets others import: its index.ts and nothing else. */
const INDEX = /^index$/;
/** What test/ lets scripts/ and bench/ import: its helpers (test/support, test/*\/support), never a test. */
const SUPPORT = /(^|\/)support\//;
/** Nothing: no other folder imports from scripts/ or bench/. */
const NONE = /(?!)/;
/** A data file that is a folder of its own in the table: the file itself. */
const ITSELF = /^$/;

const STAGES = ['src/sources', 'src/parse', 'src/facts', 'src/engine', 'src/fix', 'src/report'];
const WIRING = ['src/common', ...STAGES, 'src/runner'];
const ALL_SRC = [...WIRING, 'src/cli', 'src/action'];
/** Data outside the code folders that code imports (JSON, `with { type: 'json' }`). */
const DATA = ['package.json', 'collectors'];

/**
 * Who may import whom. Within a folder anything goes; across folders only the target's public entry, unless
 * an exception below names the pair. Node builtins and npm packages are free, except the confined ones.
 * Unit tests beside the code (src/X/*.test.ts) belong to their folder and follow its rule.
 */
export const TABLE: Table = {
  folders: {
    'src/common': { uses: [], entry: INDEX, why: 'the shared vocabulary (Result, diagnostics, locations) depends on nothing of ours' },
    'src/sources': { uses: ['src/common', 'collectors'], entry: INDEX, why: 'sources read bytes; they know no parser' },
    'src/parse': { uses: ['src/common', 'src/sources'], entry: INDEX, why: 'parsers read what a source gives them' },
    'src/facts': { uses: ['src/common', 'src/parse'], entry: INDEX, why: 'facts are built from parsed configuration' },
    'src/engine': { uses: ['src/common', 'src/facts'], entry: INDEX, why: 'the policies see the facts document and nothing before it' },
    'src/fix': { uses: ['src/common', 'src/facts', 'src/engine'], entry: INDEX, why: 'a fix is planned from a finding and the facts that say where its effective value is written' },
    'src/report': { uses: ['src/common', 'src/engine', 'src/fix'], entry: INDEX, why: 'reports render findings and their verified fixes' },
    'src/runner': { uses: ['src/common', ...STAGES, 'package.json'], entry: INDEX, why: 'the runner wires the stages; no stage knows it' },
    'src/cli': { uses: [...WIRING, 'package.json'], entry: INDEX, why: 'a front end: runner and stages, never the other front end' },
    'src/action': { uses: [...WIRING, 'package.json'], entry: INDEX, why: 'a front end: runner and stages, never the other front end' },
    test: { uses: [...ALL_SRC, ...DATA], entry: SUPPORT, why: 'tests drive the public entries, as a caller would' },
    scripts: { uses: [...ALL_SRC, ...DATA, 'test'], entry: NONE, why: 'build scripts use public entries and test helpers' },
    bench: { uses: [...ALL_SRC, ...DATA, 'test'], entry: NONE, why: 'benchmarks use public entries and test helpers' },
    'package.json': { uses: [], entry: ITSELF, why: 'the product version: the wiring and the front ends stamp it on reports and --version' },
    collectors: { uses: [], entry: /^rsync-facts\.schema\.json$/, why: 'the host collector’s output schema, which the host source validates against' },
  },
  exceptions: [
    {
      from: 'test/action.test.ts',
      to: 'src/action/inputs.ts',
      why: 'src/action/index.ts runs the Action when imported; the test checks action.yml against the input and output names the code reads',
    },
  ],
  packages: [
    { name: '@open-policy-agent/opa-wasm', only: ['src/engine'], why: 'the engine is the one wrapper round the WASM policy' },
    { name: 'tar-stream', only: ['src/engine'], why: 'policy bundles are the only tar archives src/ writes or reads this way (image layers have their own reader)' },
    { name: 'fzstd', only: ['src/sources'], why: 'decompressing image layers is the image source’s job' },
    { name: '@actions/core', only: ['src/action'], why: 'only the Action talks to the runner of a GitHub workflow' },
  ],
};

const ROOT = join(import.meta.dirname, '..');
const MAX_LINES = 400;
const tree = readTree(ROOT);

const real = suite('the real tree');

real('every import follows the table', () => {
  const found = violations(tree, TABLE).map(describe);
  assert.equal(found, [], `\n${found.join('\n')}\n`);
});

real('every file sits in a folder of the table', () => {
  assert.equal(unplaced(tree, TABLE), []);
});

real('every exception in the table is still needed', () => {
  assert.equal(unusedExceptions(tree, TABLE), []);
});

real('the check read the whole tree', () => {
  // A walk that silently read nothing would pass everything above.
  for (const top of ['src/common', 'src/engine', 'src/runner', 'test', 'scripts', 'bench']) {
    assert.ok(
      tree.some((f) => f.path.startsWith(`${top}/`)),
      `no file read under ${top}`,
    );
  }
  assert.ok(tree.some((f) => f.path === 'test/architecture.test.ts'));
});

real('package.json names the package the check knows and defines no `imports` or `exports`', () => {
  // The check treats `#x` and `rsyncguard/x` as violations because neither resolves to anything today; a
  // package.json that defined them would give our code a second name the table must learn first.
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.is(pkg['name'], PACKAGE_NAME);
  assert.is(pkg['imports'], undefined);
  assert.is(pkg['exports'], undefined);
});

real(`no file in src/ is longer than ${MAX_LINES} lines`, () => {
  const long = tree.filter((f) => f.path.startsWith('src/') && f.lines > MAX_LINES).map((f) => `${f.path} (${f.lines})`);
  assert.equal(long, []);
});

real('no `any` in src/, test/, scripts/ or bench/', () => {
  const withAny = tree.flatMap((f) => f.anyLines.map((line) => `${f.path}:${line}`));
  assert.equal(withAny, []);
});

real.run();

/**
 * A small fake tree that uses every import form legally, and files that each plant one violation. The fake
 * tree's paths are not the real ones, so the table's exceptions never excuse a planted file.
 */
const CLEAN: Record<string, string> = {
  'src/common/index.ts': 'export type Result<T> = { ok: true; value: T } | { ok: false };\n',
  'src/sources/index.ts': 'export * from \'./files.ts\';\nexport { type Result } from "../common/index.ts";\n',
  'src/sources/files.ts': "import { readFileSync } from 'node:fs';\nexport const read = (p: string): string => readFileSync(p, 'utf8');\n",
  'src/parse/index.ts': '/// <reference types="node" />\nexport { lex } from \'./lexer.ts\';\nexport type Token = string;\n',
  'src/parse/lexer.ts': "import '../sources/index.ts';\nimport type { Result } from '../common/index.ts';\nexport const lex = (s: string): Result<string> => ({ ok: true, value: s });\n",
  'src/facts/index.ts': "export type { Facts } from './build.ts';\n",
  'src/facts/build.ts': 'import type {\n  Token,\n} from "../parse/index.ts";\nexport type Facts = { tokens: Token[] };\n',
  'src/engine/index.ts': "export { run } from './run.ts';\nexport { url } from './pool.ts';\n",
  'src/engine/run.ts': "import type { Facts } from '../facts/index.ts';\nimport { loadPolicy } from '@open-policy-agent/opa-wasm';\nexport const run = (f: Facts): unknown => [f, loadPolicy];\n",
  'src/engine/worker.ts': 'export {};\n',
  'src/engine/pool.ts':
    "import { Worker } from 'node:worker_threads';\nconst here = import.meta.url;\nexport const url = new URL(here.endsWith('.ts') ? './worker.ts' : './worker.js', here);\nexport const w = new Worker(url);\nexport const dir = new URL('.', import.meta.url);\nexport const at = (u: URL): URL => new URL(u.pathname, 'http://x');\n",
  'src/report/index.ts': "export type { Run } from './render.ts';\n",
  'src/report/render.ts': "export type Run = typeof import('../engine/index.ts').run;\n",
  'src/runner/index.ts': "export * from './wire.ts';\n",
  'src/runner/wire.ts':
    "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const parse = load('../parse/index.ts');\nexport const engine = await import('../engine/index.ts');\nexport const where = import.meta.resolve('../report/index.ts');\n",
  'src/cli/main.ts': "import runner = require('../runner/index.ts');\nexport * as report from '../report/index.ts';\nexport { runner };\n",
  'test/support/helper.ts': "export { lex } from '../../src/parse/index.ts';\n",
  'test/parse.test.ts': "import { lex } from './support/helper.ts';\nimport '../src/common/index.ts';\nexport { lex };\n",
  'test/fixtures/data.ts': "import '../../src/parse/lexer.ts';\n",
  'scripts/build.mjs': "import { lex } from '../test/support/helper.ts';\nconst fs = require('node:fs');\nexport { lex, fs };\n",
  'bench/run.ts': "import { run } from '../src/engine/index.ts';\nexport { run };\n",
};

/** One planted violation per form and per rule: [file, its text, the specifier that must be reported, its form]. */
const PLANTED: [string, string, string | null, string][] = [
  ['src/report/static.ts', "import { lex } from '../parse/index.ts';\n", '../parse/index.ts', 'import'],
  ['src/facts/side-effect.ts', "import '../engine/index.ts';\n", '../engine/index.ts', 'side-effect'],
  ['src/parse/type-only.ts', "import type { Facts } from '../facts/index.ts';\n", '../facts/index.ts', 'import-type'],
  ['src/sources/multi-line.ts', "import type {\n  Token,\n  Other,\n} from '../parse/index.ts';\n", '../parse/index.ts', 'import-type'],
  ['src/sources/inline-type.ts', "import { type Token } from '../parse/index.ts';\n", '../parse/index.ts', 'import-type'],
  ['src/engine/dynamic.ts', "export const m = await import('../sources/index.ts');\n", '../sources/index.ts', 'dynamic-import'],
  ['src/common/export-from.ts', "export { read } from '../sources/index.ts';\n", '../sources/index.ts', 'export-from'],
  ['src/parse/export-star.ts', "export * from '../facts/index.ts';\n", '../facts/index.ts', 'export-star'],
  ['src/facts/require.ts', "export const r = require('../engine/index.ts');\n", '../engine/index.ts', 'require'],
  ['src/facts/create-require.ts', "import { createRequire } from 'node:module';\nconst req = createRequire(import.meta.url);\nexport const r = req('../report/index.ts');\n", '../report/index.ts', 'require'],
  ['src/engine/import-equals.ts', "import report = require('../report/index.ts');\nexport { report };\n", '../report/index.ts', 'import-equals'],
  ['src/sources/type-import.ts', "export type T = import('../parse/index.ts').Token;\n", '../parse/index.ts', 'type-import'],
  ['src/report/double-quoted.ts', 'import { x } from "../facts/index.ts";\nexport { x };\n', '../facts/index.ts', 'import'],
  ['src/facts/deep.ts', "import { lex } from '../parse/lexer.ts';\nexport { lex };\n", '../parse/lexer.ts', 'import'],
  ['src/engine/skips-neighbour.ts', "import { lex } from '../parse/index.ts';\nexport { lex };\n", '../parse/index.ts', 'import'],
  ['src/report/to-runner.ts', "import { engine } from '../runner/index.ts';\nexport { engine };\n", '../runner/index.ts', 'import'],
  ['src/runner/to-front-end.ts', "import '../cli/main.ts';\n", '../cli/main.ts', 'side-effect'],
  ['src/cli/to-action.ts', "import '../action/index.ts';\n", '../action/index.ts', 'side-effect'],
  ['src/runner/worker-url.ts', "export const u = new URL('../engine/worker.ts', import.meta.url);\n", '../engine/worker.ts', 'worker-url'],
  ['src/parse/reference.ts', '/// <reference path="../engine/index.ts" />\nexport {};\n', '../engine/index.ts', 'reference'],
  ['src/common/to-test.ts', "import '../../test/support/helper.ts';\n", '../../test/support/helper.ts', 'side-effect'],
  ['src/runner/computed.ts', "const name = '../engine/index.ts';\nexport const m = await import(name);\n", null, 'dynamic-import'],
  ['src/parse/opa.ts', "import { loadPolicy } from '@open-policy-agent/opa-wasm';\nexport { loadPolicy };\n", '@open-policy-agent/opa-wasm', 'import'],
  ['test/deep.test.ts', "import { lex } from '../src/parse/lexer.ts';\nexport { lex };\n", '../src/parse/lexer.ts', 'import'],
  ['test/to-bench.test.ts', "import { run } from '../bench/run.ts';\nexport { run };\n", '../bench/run.ts', 'import'],
  ['scripts/to-a-test.mjs', "import '../test/parse.test.ts';\n", '../test/parse.test.ts', 'side-effect'],
  ['bench/deep.ts', "const m = require('../src/engine/pool.ts');\nexport { m };\n", '../src/engine/pool.ts', 'require'],
  // Loaders under other names, curried, destructured or reached through a property.
  ['src/facts/cr-alias.ts', "import { createRequire as cr } from 'node:module';\nexport const m = cr(import.meta.url)('../engine/index.ts');\n", '../engine/index.ts', 'require'],
  ['src/facts/cr-curried.ts', "import { createRequire } from 'node:module';\nexport const m = createRequire(import.meta.url)('../report/index.ts');\n", '../report/index.ts', 'require'],
  ['src/facts/cr-module.ts', "import module from 'node:module';\nexport const m = module.createRequire(import.meta.url)('../report/index.ts');\n", '../report/index.ts', 'require'],
  ['src/facts/cr-alias-var.ts', "import { createRequire as cr } from 'node:module';\nconst r = cr(import.meta.url);\nexport const m = r('../report/index.ts');\n", '../report/index.ts', 'require'],
  ['src/facts/cr-destructured.ts', "import { createRequire } from 'node:module';\nconst { resolve } = createRequire(import.meta.url);\nexport const p = resolve('../engine/index.ts');\n", '../engine/index.ts', 'require'],
  ['src/facts/cr-base.ts', "import { createRequire } from 'node:module';\nexport const r = createRequire('/srv/elsewhere/x.js');\n", null, 'require'],
  ['src/facts/require-resolve.ts', "export const p = require.resolve('../engine/worker.ts');\n", '../engine/worker.ts', 'loader-call'],
  ['src/facts/meta-resolve.ts', "export const p = import.meta.resolve('../engine/worker.ts');\n", '../engine/worker.ts', 'loader-call'],
  ['src/facts/comma-require.ts', "export const m = (0, require)('../report/index.ts');\n", '../report/index.ts', 'loader-call'],
  ['src/facts/worker-path.ts', "import { Worker } from 'node:worker_threads';\nexport const w = new Worker('./src/engine/worker.ts');\n", './src/engine/worker.ts', 'worker-path'],
  ['src/facts/worker-alias.ts', "import { Worker as W } from 'node:worker_threads';\nexport const w = new W('./worker.ts');\n", './worker.ts', 'worker-path'],
  ['src/facts/worker-new-url.ts', "import { Worker } from 'node:worker_threads';\nexport const w = new Worker(new URL('../engine/worker.ts', import.meta.url));\n", '../engine/worker.ts', 'worker-url'],
  ['src/facts/global-url.ts', "export const u = new globalThis.URL('../engine/worker.ts', import.meta.url);\n", '../engine/worker.ts', 'worker-url'],
  ['src/facts/computed-url.ts', "const name = 'worker';\nexport const u = new URL(`../engine/${name}.ts`, import.meta.url);\n", null, 'worker-url'],
  ['src/facts/reference-types.ts', '/// <reference types="../engine/index.ts" />\nexport {};\n', '../engine/index.ts', 'reference'],
  // Names that resolve to nothing the table sees: package imports and this package by its own name.
  ['src/facts/package-import.ts', "import { x } from '#engine/index.ts';\nexport { x };\n", '#engine/index.ts', 'import'],
  ['src/facts/self-name.ts', "import { x } from 'rsyncguard/src/engine/index.ts';\nexport { x };\n", 'rsyncguard/src/engine/index.ts', 'import'],
  ['test/self-name.test.ts', "import 'rsyncguard';\n", 'rsyncguard', 'side-effect'],
  // A stage's index hands on only its own folder and src/common: a re-export of another stage leaks it.
  ['src/parse/index.ts', `${CLEAN['src/parse/index.ts']}export * from '../sources/index.ts';\n`, '../sources/index.ts', 'export-star'],
  ['src/facts/index.ts', `${CLEAN['src/facts/index.ts']}export type { Token } from '../parse/index.ts';\n`, '../parse/index.ts', 'export-from'],
];

function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rsyncguard-architecture-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const self = suite('the check catches what it is for');

self('a clean tree that uses every import form legally reports nothing', () => {
  const dir = writeTree(CLEAN);
  try {
    const files = readTree(dir);
    assert.is(files.length, Object.keys(CLEAN).length - 1, 'every file but the test data in test/fixtures');
    assert.equal(violations(files, TABLE).map(describe), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

self('each planted violation is reported by file, specifier and form, and nothing else is', () => {
  const dir = writeTree({ ...CLEAN, ...Object.fromEntries(PLANTED.map(([path, text]) => [path, text])) });
  try {
    const found = violations(readTree(dir), TABLE);
    const got = found.map((v) => `${v.file} → ${v.specifier ?? '(computed)'} [${v.form}]`).sort();
    const want = PLANTED.map(([path, , specifier, form]) => `${path} → ${specifier ?? '(computed)'} [${form}]`).sort();
    assert.equal(got, want, `\n${found.map(describe).join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

self('every import form is exercised by the planted files', () => {
  const forms = new Set(PLANTED.map(([, , , form]) => form));
  for (const form of ['import', 'side-effect', 'import-type', 'export-from', 'export-star', 'dynamic-import', 'type-import', 'require', 'import-equals', 'worker-url', 'worker-path', 'loader-call', 'reference']) {
    assert.ok(forms.has(form), `no planted ${form}`);
  }
});

self('the tree holds .ts files only: links, other code extensions and a src folder named fixtures are reported', () => {
  const dir = writeTree({
    ...CLEAN,
    'src/engine/fixtures/hidden.ts': "import '../../parse/lexer.ts';\n",
    'src/engine/view.tsx': "import '../parse/index.ts';\nexport {};\n",
    ...Object.fromEntries(['mts', 'cts', 'js', 'mjs', 'cjs', 'jsx'].map((ext) => [`src/engine/other.${ext}`, 'export {};\n'])),
  });
  symlinkSync('../parse/lexer.ts', join(dir, 'src/engine/linked.ts'));
  symlinkSync('../parse', join(dir, 'src/engine/linked-dir'));
  symlinkSync('../src/parse/lexer.ts', join(dir, 'test/linked.ts'));
  try {
    const got = violations(readTree(dir), TABLE).map((v) => `${v.file} [${v.form}] ${v.specifier ?? ''}`.trim());
    assert.equal(got.sort(), [
      'src/engine/fixtures/hidden.ts [side-effect] ../../parse/lexer.ts',
      'src/engine/linked-dir [file]',
      'src/engine/linked.ts [file]',
      'src/engine/other.cjs [file]',
      'src/engine/other.cts [file]',
      'src/engine/other.js [file]',
      'src/engine/other.jsx [file]',
      'src/engine/other.mjs [file]',
      'src/engine/other.mts [file]',
      'src/engine/view.tsx [file]',
      'src/engine/view.tsx [side-effect] ../parse/index.ts',
      'test/linked.ts [file]',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

self('a folder the walk cannot read fails the check instead of reading as empty', () => {
  const dir = writeTree({ 'src/common/index.ts': 'export {};\n', 'src/parse/x.ts': 'export {};\n' });
  try {
    // A file where a folder should be is the readdir error root cannot escape (a 000 folder reads fine as root).
    rmSync(join(dir, 'src/parse'), { recursive: true });
    writeFileSync(join(dir, 'src/parse'), '');
    symlinkSync('/nonexistent', join(dir, 'src/common/gone.ts'));
    assert.throws(() => readTree(dir, ['src/parse']), /cannot read src\/parse: ENOTDIR/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

self('`any` is found in type positions only, never in a comment or a string', () => {
  const text = [
    '// any comment saying : any is fine',
    "const s = 'as any';",
    'export const a: any = 1;',
    'export const b = s as any;',
    'export const c: Array<any> = [];',
    'export function f(x: unknown): x is any[] { return Array.isArray(x); }',
  ].join('\n');
  const dir = writeTree({ 'src/common/index.ts': text });
  try {
    const [file] = readTree(dir);
    assert.equal(file?.anyLines, [3, 4, 5, 6]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

self('a file in no folder of the table is reported', () => {
  const dir = writeTree({ ...CLEAN, 'src/stray.ts': 'export const x = 1;\n', 'src/newstage/index.ts': 'export {};\n' });
  try {
    assert.equal(unplaced(readTree(dir), TABLE).sort(), ['src/newstage/index.ts', 'src/stray.ts']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

self('an exception no import uses is reported as stale', () => {
  const stale: Table = { ...TABLE, exceptions: [{ from: 'test/x.test.ts', to: 'src/parse/lexer.ts', why: 'gone' }] };
  assert.equal(unusedExceptions([], stale), ['test/x.test.ts → src/parse/lexer']);
});

self.run();
