/**
 * `npm run bench`: throughput of the hot paths on this machine, printed as one line each. Benchmarks
 * measure; they never fail a build (tests do not time anything).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_INCLUDES } from '../src/common/index.ts';
import { buildFacts } from '../src/facts/index.ts';
import { parseRsyncdConf } from '../src/parse/index.ts';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const MIN_SECONDS = 2;

/** Runs `work` over `inputs` repeatedly for at least MIN_SECONDS after a warm-up; returns rounds and seconds. */
function measure<T>(inputs: T[], work: (input: T) => void): { items: number; seconds: number } {
  for (const input of inputs) work(input);
  let items = 0;
  const started = performance.now();
  while (performance.now() - started < MIN_SECONDS * 1000) {
    for (const input of inputs) work(input);
    items += inputs.length;
  }
  return { items, seconds: (performance.now() - started) / 1000 };
}

function corpusInputs(): { name: string; bytes: Buffer }[] {
  if (!existsSync(CORPUS)) {
    console.error(`no corpus at ${CORPUS}: run next to ../shared`);
    process.exit(2);
  }
  return readdirSync(CORPUS)
    .filter((f) => f !== 'SOURCES.tsv')
    .map((f) => ({ name: f, bytes: readFileSync(join(CORPUS, f)) }));
}

const inputs = corpusInputs();
const bytes = inputs.reduce((n, i) => n + i.bytes.length, 0);

const parse = measure(inputs, (i) => parseRsyncdConf(i.name, i.bytes, NO_INCLUDES));
console.log(
  `parse (corpus, ${inputs.length} files, ${bytes} bytes): ${Math.round(parse.items / parse.seconds)} files/s, ` +
    `${((parse.items / inputs.length) * bytes / parse.seconds / 1e6).toFixed(2)} MB/s`,
);

const facts = measure(inputs, (i) =>
  buildFacts({
    target: { kind: 'file', id: i.name, display: i.name },
    daemonUser: 'root',
    rsyncVersion: [3, 5, 0],
    today: '2026-11-25',
    config: parseRsyncdConf(i.name, i.bytes, NO_INCLUDES),
  }),
);
console.log(`parse + facts (corpus): ${Math.round(facts.items / facts.seconds)} documents/s`);
