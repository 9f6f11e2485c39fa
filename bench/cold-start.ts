/**
 * Cold start: `scan` of one file in a new process, and where the time goes. Node alone and the scan run
 * alternately in the same rounds, so a busy moment on the shared CPU falls on both. COLD_BASELINE=<cli.js>
 * (an older dist/cli.js, with its dist/ beside it) joins the same rounds: before and after, side by side.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import type { Measured } from './stats.ts';
import { fmt, type Row } from './stats.ts';

const RUNS = 9;
const FILE = 'examples/public-mirror/rsyncd.conf';

interface Run {
  wall: number;
  /** Stage name → ms, from --timings. */
  stages: Map<string, number>;
}

function once(args: string[]): Run {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const wall = performance.now() - t;
  const line = r.stderr.split('\n').find((l) => l.startsWith('timings: ')) ?? '';
  const stages = new Map([...line.matchAll(/([a-z ]+?) ([\d.]+) ms/g)].map((m) => [(m[1] ?? '').trim(), Number(m[2])] as [string, number]));
  return { wall, stages };
}

function measured(values: number[]): Measured {
  const s = [...values].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? 0, min: s[0] ?? 0, max: s[s.length - 1] ?? 0 };
}

/** Median of each stage, and what remains of the median wall time once node's start and the stages are taken off. */
function breakdown(runs: Run[], node: number): string {
  const names = [...new Set(runs.flatMap((r) => [...r.stages.keys()]))];
  const stages = names.map((n) => [n, measured(runs.map((r) => r.stages.get(n) ?? 0)).median] as const);
  const wall = measured(runs.map((r) => r.wall)).median;
  const load = wall - node - stages.reduce((a, [, v]) => a + v, 0);
  return [`node start ${node.toFixed(0)} ms`, `loading the code ${load.toFixed(0)} ms`, ...stages.map(([n, v]) => `${n} ${v.toFixed(0)} ms`)].join(' + ');
}

export async function benchColdStart(rows: Row[]): Promise<void> {
  const scan = (cli: string) => [cli, 'scan', FILE, '--fail-on', 'none', '--timings'];
  const baseline = process.env['COLD_BASELINE'];
  const node: number[] = [];
  const now: Run[] = [];
  const before: Run[] = [];
  const loadBefore = loadavg()[0] ?? 0;
  for (let i = 0; i < RUNS; i++) {
    // The order turns each round, so no variant always runs right after another.
    const steps = [() => node.push(once(['-e', '']).wall), () => now.push(once(scan('dist/cli.js'))), ...(baseline ? [() => before.push(once(scan(baseline)))] : [])];
    for (let k = 0; k < steps.length; k++) steps[(k + i) % steps.length]?.();
  }
  const load = `load average ${loadBefore.toFixed(2)} → ${(loadavg()[0] ?? 0).toFixed(2)} on 2 cores`;
  const nodeMs = measured(node).median;
  const m = measured(now.map((r) => r.wall));
  rows.push({
    benchmark: 'cold start: scan of one file',
    figure: fmt(m, 0, ' ms'),
    goal: '≤ 250 ms',
    met: m.median <= 250,
    note: `${RUNS} runs, alternated with node -e '' (${fmt(measured(node), 0, ' ms')}); ${breakdown(now, nodeMs)}; ${load}`,
  });
  if (baseline) {
    const b = measured(before.map((r) => r.wall));
    rows.push({
      benchmark: `cold start: the same with ${baseline}`,
      figure: fmt(b, 0, ' ms'),
      goal: 'before, side by side',
      met: null,
      note: `same rounds; ${breakdown(before, nodeMs)}; now ÷ before ${(m.median / b.median).toFixed(2)}`,
    });
  }
}
