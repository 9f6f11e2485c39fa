/**
 * Every real-world file in ../shared/corpus parses without an exception, and the bundled CLI prints
 * schema-valid facts for it. Prints how much it saw and the parse throughput.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_INCLUDES } from '../src/common/index.ts';
import { validateFacts } from '../src/facts/index.ts';
import { parseRsyncdConf } from '../src/parse/index.ts';
import { CORPUS, corpusTest } from './support/corpus.ts';
const files = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f !== 'SOURCES.tsv')
      .sort()
  : [];

const corpus = suite('the shared corpus');

corpusTest(corpus, 'is present next to the project', () => {
  assert.ok(files.length > 0, `no corpus at ${CORPUS}`);
});

corpusTest(corpus, 'parses every file without an exception, and reports throughput', () => {
  const inputs = files.map((f) => ({ name: f, bytes: readFileSync(join(CORPUS, f)) }));
  let modules = 0;
  let diagnostics = 0;
  const rounds = 20;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const { name, bytes } of inputs) {
      const config = parseRsyncdConf(name, bytes, NO_INCLUDES);
      if (round === 0) {
        modules += config.modules.length;
        diagnostics += config.diagnostics.length;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const totalBytes = inputs.reduce((n, i) => n + i.bytes.length, 0) * rounds;
  console.log(`  corpus: ${inputs.length} files, ${modules} modules, ${diagnostics} diagnostics; ` + `parse throughput ${Math.round((inputs.length * rounds) / seconds)} files/s, ${(totalBytes / seconds / 1e6).toFixed(1)} MB/s`);
  assert.ok(modules > 50, `only ${modules} modules found: the parser is missing sections`);
});

corpusTest(corpus, 'gets schema-valid facts for every file from the bundled CLI', () => {
  const failures: string[] = [];
  for (const f of files) {
    const out = execFileSync(process.execPath, ['dist/cli.js', 'facts', join(CORPUS, f)], { encoding: 'utf8', timeout: 30_000 });
    const parsed: unknown = JSON.parse(out);
    const result = validateFacts(parsed);
    if (!result.ok) failures.push(`${f}: ${result.errors.slice(0, 3).join('; ')}`);
  }
  assert.equal(failures, []);
});

corpus.run();
