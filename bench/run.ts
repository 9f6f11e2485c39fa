/**
 * `npm run bench [NAME…]`: every hot path (or only the named benchmarks) against its goal, each figure the median of several runs with its spread,
 * written to bench/results.md with the machine it ran on. Benchmarks measure; they never fail a build.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_INCLUDES } from '../src/common/index.ts';
import { parseRsyncdConf } from '../src/parse/index.ts';
import { benchAdmission } from './admission.ts';
import { benchBigConfig } from './big-config.ts';
import { benchColdStart } from './cold-start.ts';
import { benchCompare } from './compare.ts';
import { benchEngine } from './engine.ts';
import { benchFleet } from './fleet.ts';
import { benchFleetScale } from './fleet-scale.ts';
import { benchImage } from './image.ts';
import { benchScan, benchScanMemory } from './scan.ts';
import { benchFixSarif } from './fix-sarif.ts';
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

const BENCHMARKS = [
  ['parse', benchParse],
  ['engine', benchEngine],
  ['compare', benchCompare],
  ['big-config', benchBigConfig],
  ['fix-sarif', benchFixSarif],
  ['scan', benchScan],
  ['scan-memory', benchScanMemory],
  ['cold-start', benchColdStart],
  ['fleet', benchFleet],
  ['fleet-scale', benchFleetScale],
  ['image', benchImage],
  ['admission', benchAdmission],
] as const;

// `npm run bench -- engine compare`: only those; the other rows of bench/results.md stay as they were.
const chosen = process.argv.slice(2);
const unknown = chosen.filter((c) => !BENCHMARKS.some(([name]) => name === c));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')} (known: ${BENCHMARKS.map(([n]) => n).join(', ')})`);
  process.exit(2);
}
const rows: Row[] = [];
for (const [name, bench] of BENCHMARKS) {
  if (chosen.length > 0 && !chosen.includes(name)) continue;
  const t = performance.now();
  await bench(rows);
  console.error(`bench: ${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const line = (r: Row) => `| ${r.benchmark} | ${r.figure} | ${r.goal} | ${r.met === null ? '' : r.met ? 'yes' : '**no**'} | ${r.note} |`;
const previous = existsSync('bench/results.md') ? readFileSync('bench/results.md', 'utf8') : '';
const body = chosen.length === 0 ? rows.map(line) : merged(previous, rows);
const table = ['| benchmark | figure: median (min–max) | goal | met | note |', '|---|---|---|---|---|', ...body];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load ${loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')} at the end`;
const notes = /<!-- notes -->[\s\S]*$/.exec(previous)?.[0] ?? '<!-- notes -->\n';
const partial = chosen.length === 0 ? '' : ` Last run: only ${chosen.join(', ')}; the other rows are from an earlier run.`;
writeFileSync('bench/results.md', `# rsyncguard benchmarks\n\nMachine: ${machine}. Written by \`npm run bench\`; the notes below the table are kept between runs.${partial}\n\n${table.join('\n')}\n\n${notes}`);
console.log(table.join('\n'));

/** The previous table with rows of the same benchmark replaced by the new ones, and rows never seen before appended. */
function merged(previousFile: string, fresh: Row[]): string[] {
  // Only the table's rows: tables among the notes below it are the notes' own.
  const tablePart = previousFile.split('<!-- notes -->')[0] ?? '';
  const old = tablePart.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| benchmark |'));
  const name = (l: string) => l.slice(2, l.indexOf(' |', 2));
  const byName = new Map(fresh.map((r) => [r.benchmark, r]));
  const out = old.map((l) => {
    const r = byName.get(name(l));
    if (!r) return l;
    byName.delete(r.benchmark);
    return line(r);
  });
  return [...out, ...[...byName.values()].map(line)];
}
