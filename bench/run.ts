/**
 * `npm run bench`: every hot path against its goal, each figure the median of several runs with its spread,
 * written to bench/results.md with the machine it ran on. Benchmarks measure; they never fail a build.
 */
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_INCLUDES } from '../src/common/index.ts';
import { parseRsyncdConf } from '../src/parse/index.ts';
import { benchAdmission } from './admission.ts';
import { benchColdStart } from './cold-start.ts';
import { benchEngine } from './engine.ts';
import { benchFleet } from './fleet.ts';
import { benchFleetScale } from './fleet-scale.ts';
import { benchImage } from './image.ts';
import { benchScan } from './scan.ts';
import { fmt, rate, repeat, type Row } from './stats.ts';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

async function benchParse(rows: Row[]): Promise<void> {
  if (!existsSync(CORPUS)) return;
  const inputs = readdirSync(CORPUS)
    .filter((f) => f !== 'SOURCES.tsv')
    .map((f) => ({ name: f, bytes: readFileSync(join(CORPUS, f)) }));
  const bytes = inputs.reduce((n, i) => n + i.bytes.length, 0);
  const m = await repeat(5, () => rate(inputs, (i) => parseRsyncdConf(i.name, i.bytes, NO_INCLUDES), 0.5));
  rows.push({ benchmark: `parse, shared corpus (${inputs.length} files)`, figure: `${fmt(m)} files/s = ${((m.median * bytes) / inputs.length / 1e6).toFixed(1)} MB/s`, goal: '', met: null, note: '' });
}

const rows: Row[] = [];
for (const [name, bench] of [
  ['parse', benchParse],
  ['engine', benchEngine],
  ['scan', benchScan],
  ['cold start', benchColdStart],
  ['fleet', benchFleet],
  ['fleet scale', benchFleetScale],
  ['image', benchImage],
  ['admission', benchAdmission],
] as const) {
  const t = performance.now();
  await bench(rows);
  console.error(`bench: ${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const table = ['| benchmark | figure: median (min–max) | goal | met | note |', '|---|---|---|---|---|', ...rows.map((r) => `| ${r.benchmark} | ${r.figure} | ${r.goal} | ${r.met === null ? '' : r.met ? 'yes' : '**no**'} | ${r.note} |`)];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
const previous = existsSync('bench/results.md') ? readFileSync('bench/results.md', 'utf8') : '';
const notes = /<!-- notes -->[\s\S]*$/.exec(previous)?.[0] ?? '<!-- notes -->\n';
writeFileSync('bench/results.md', `# rsyncguard benchmarks\n\nMachine: ${machine}. Written by \`npm run bench\`; the notes below the table are kept between runs.\n\n${table.join('\n')}\n\n${notes}`);
console.log(table.join('\n'));
