/**
 * One config with many modules (issue 20): seconds per evaluation of one facts document through the engine,
 * from 100 to 5,000 modules, how far the cost per module drifts from the 100-module one (linear = 1×), what
 * parsing and building the facts took, and the peak RSS. Two shapes: the light modules of bench/engine.ts
 * (the original curve), and realistic ones as a production config writes them (auth users with a group,
 * hosts allow, a secrets file, a comment), which cost several times more per module. Each shape and size runs
 * in a process of its own: peak RSS is a per-process high-water mark, and a size must not inherit the heap of
 * the one before. A size the engine cannot evaluate (the WASM heap exhausted: `opa_malloc: failed`) is a
 * row, not a crash.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NO_INCLUDES } from '../src/common/index.ts';
import { builtinPolicy, PolicyEngine } from '../src/engine/index.ts';
import { buildFacts } from '../src/facts/index.ts';
import { parseRsyncdConf } from '../src/parse/index.ts';
import { configWithModules } from './engine.ts';
import { fmt, type Measured, repeat, type Row } from './stats.ts';

const SIZES = [100, 500, 1000, 2000, 5000];
/** The size the goal is about. */
const GOAL_SIZE = 5000;
/** The goal for 5,000 modules, and how far the per-module cost may drift before the curve is not called linear. */
const GOAL_SECONDS = 10;
const LINEAR_SLACK = 2;
const ROOT = join(import.meta.dirname, '..');

/** A module as a production rsyncd.conf has it: its own users and group, networks, the shared secrets file. */
function realisticModule(i: number): string {
  return [`[m${i}]`, `path = /srv/m${i}`, 'read only = no', `hosts allow = 10.${(i >> 8) & 255}.${i & 255}.0/24 host${i}.example`, `auth users = u${i}, @g${i}:rw`, 'secrets file = /etc/rsyncd.secrets', `comment = module number ${i}`, ''].join('\n');
}

export const SHAPES = {
  light: { label: '', config: configWithModules },
  realistic: { label: ' realistic', config: (n: number) => `uid = root\nuse chroot = no\n${Array.from({ length: n }, (_, i) => realisticModule(i)).join('')}` },
} as const;
type Shape = keyof typeof SHAPES;

/** What one shape and size gave, measured in its own process. */
interface SizeResult {
  evaluate: Measured | null;
  error: string | null;
  findings: number;
  /** Parsing the bytes and building the facts document, once. */
  factsSeconds: number;
  peakRssMiB: number;
}

/** The child's side: one shape and size, printed as JSON. */
async function measureOne(shape: Shape, n: number): Promise<SizeResult> {
  const source = builtinPolicy();
  if (!source.ok) throw source.error;
  const loaded = await PolicyEngine.load(source.value);
  if (!loaded.ok) throw loaded.error;
  const engine = loaded.value;
  const id = `big-${n}.conf`;
  const started = performance.now();
  const doc = buildFacts({ target: { kind: 'file', id, display: id }, daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-25', config: parseRsyncdConf(id, Buffer.from(SHAPES[shape].config(n)), NO_INCLUDES) });
  const factsSeconds = (performance.now() - started) / 1000;
  let error: string | null = null;
  let findings = 0;
  // Small sizes: one warm-up evaluation, then several timed (a noisy 100-module figure would skew every ratio).
  // Large sizes take seconds each: one evaluation, so the whole curve stays within a few minutes.
  if (n <= 1000) engine.evaluate(doc);
  const m = await repeat(n <= 100 ? 5 : n <= 1000 ? 3 : 1, () => {
    if (error !== null) return Number.NaN;
    const t = performance.now();
    const r = engine.evaluate(doc);
    const seconds = (performance.now() - t) / 1000;
    if (!r.ok) error = r.error.message;
    else findings = r.value.length;
    return seconds;
  });
  return { evaluate: error === null ? m : null, error, findings, factsSeconds, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

function runOne(shape: Shape, n: number): SizeResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), shape, String(n)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as SizeResult;
  } catch {
    const why = r.signal ? `killed by ${r.signal}` : `exit ${r.status}: ${r.stderr.trim().split('\n').pop() ?? ''}`;
    return { evaluate: null, error: `the measuring process failed (${why})`, findings: 0, factsSeconds: Number.NaN, peakRssMiB: Number.NaN };
  }
}

export async function benchBigConfig(rows: Row[], sizes: readonly number[] = SIZES): Promise<void> {
  for (const shape of Object.keys(SHAPES) as Shape[]) {
    const { label } = SHAPES[shape];
    let perModuleAt100: number | null = null;
    for (const n of sizes) {
      const r = runOne(shape, n);
      const name = `one config, ${n}${label} modules: seconds per evaluation`;
      const last = n === GOAL_SIZE;
      const memory = `parse and facts ${r.factsSeconds.toFixed(2)} s; peak RSS ${r.peakRssMiB.toFixed(0)} MiB`;
      if (r.evaluate === null) {
        rows.push({ benchmark: name, figure: 'failed', goal: last ? `≤ ${GOAL_SECONDS} s` : '', met: last ? false : null, note: `${(r.error ?? '').slice(0, 160)}; ${memory}` });
        continue;
      }
      const m = r.evaluate;
      const perModule = m.median / n;
      perModuleAt100 ??= perModule;
      const drift = perModule / perModuleAt100;
      const first = n === sizes[0];
      rows.push({
        benchmark: name,
        figure: `${fmt(m, n <= 500 ? 3 : 2, ' s')}; ${(perModule * 1e3).toFixed(2)} ms per module = ${drift.toFixed(2)}× the ${sizes[0]}-module cost per module`,
        goal: last ? `≤ ${GOAL_SECONDS} s, ≤ ${LINEAR_SLACK}× per module` : first ? '' : `≤ ${LINEAR_SLACK}× per module`,
        met: first ? null : last ? m.median <= GOAL_SECONDS && drift <= LINEAR_SLACK : drift <= LINEAR_SLACK,
        note: `${r.findings} findings; ${memory}`,
      });
    }
  }
}

// `node --import tsx bench/big-config.ts SHAPE N`: one measurement, as benchBigConfig runs it;
// `node --import tsx bench/big-config.ts --sizes 100,500`: a short curve of both shapes, printed.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [first, second] = process.argv.slice(2);
  if (first === '--sizes') {
    const rows: Row[] = [];
    await benchBigConfig(
      rows,
      (second ?? '100').split(',').map((s) => Number.parseInt(s, 10)),
    );
    for (const row of rows) console.log(`${row.benchmark} | ${row.figure} | ${row.goal} | ${row.met ?? ''} | ${row.note}`);
  } else if (first !== undefined && first in SHAPES) console.log(JSON.stringify(await measureOne(first as Shape, Number.parseInt(second ?? '100', 10))));
  else {
    console.error('usage: bench/big-config.ts light|realistic N, or --sizes 100,500');
    process.exit(2);
  }
}
