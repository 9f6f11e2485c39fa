/**
 * The tree reads as the data flow. A stage imports only its own files, src/common, and the public
 * index.ts of the stage just upstream; only the wiring (cli, action) may import several stages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const SRC = join(import.meta.dirname, '..', 'src');
const UPSTREAM: Record<string, string[]> = {
  common: [],
  sources: [],
  parse: ['sources'],
  facts: ['parse'],
  engine: ['facts'],
  report: ['engine'],
};
/** Front ends and the orchestrators they share: they may import every stage; front ends also src/runner. */
const WIRING = new Set(['cli', 'action', 'runner']);
const FRONT_ENDS = new Set(['cli', 'action']);
const MAX_LINES = 400;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const files = walk(SRC);
const stageOf = (file: string): string => relative(SRC, file).split('/')[0] ?? '';

/** Every relative import violating the stage rules, as "file → import". */
export function layeringViolations(sources: { file: string; text: string }[]): string[] {
  const bad: string[] = [];
  for (const { file, text } of sources) {
    const from = stageOf(file);
    for (const m of text.matchAll(/from '(\.[^']+)'/g)) {
      const target = resolve(dirname(file), m[1] ?? '');
      const to = stageOf(target);
      if (relative(SRC, target).startsWith('..') || to === from || to === 'common') continue;
      const isIndex = target === join(SRC, to, 'index.ts');
      const allowed = WIRING.has(from) ? !WIRING.has(to) || to === from || (FRONT_ENDS.has(from) && to === 'runner') : (UPSTREAM[from] ?? []).includes(to);
      if (!allowed || !isIndex) bad.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
    }
  }
  return bad;
}

const layers = suite('stage boundaries');

layers('no stage reaches past its neighbour or into another stage’s internals', () => {
  const sources = files.filter((f) => !f.endsWith('.test.ts')).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  assert.equal(layeringViolations(sources), []);
});

layers('the checker itself rejects a deep import and a skipped stage', () => {
  const fake = [
    { file: join(SRC, 'facts', 'x.ts'), text: "import { a } from '../parse/rsyncd-lexer.ts';" },
    { file: join(SRC, 'engine', 'y.ts'), text: "import { b } from '../parse/index.ts';" },
    { file: join(SRC, 'runner', 'z.ts'), text: "import { c } from '../cli/run.ts';" },
    { file: join(SRC, 'action', 'w.ts'), text: "import { d } from '../cli/command.ts';" },
  ];
  assert.is(layeringViolations(fake).length, 4);
});

layers(`no source file is longer than ${MAX_LINES} lines`, () => {
  const long = files.filter((f) => readFileSync(f, 'utf8').split('\n').length > MAX_LINES).map((f) => relative(SRC, f));
  assert.equal(long, []);
});

layers('no `any` in the sources', () => {
  const withAny = files.filter((f) => /[:<,]\s*any\b|\bas any\b/.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
  assert.equal(withAny, []);
});

layers.run();
