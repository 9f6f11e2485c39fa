/** Cold start: `scan` of one file in a new process, and where the time goes. */
import { spawnSync } from 'node:child_process';
import { fmt, repeat, type Row } from './stats.ts';

function wall(args: string[]): number {
  const t = performance.now();
  spawnSync(process.execPath, args, { encoding: 'utf8' });
  return performance.now() - t;
}

export async function benchColdStart(rows: Row[]): Promise<void> {
  const node = await repeat(5, () => wall(['-e', '']));
  const load = await repeat(5, () => wall(['dist/cli.js', '--version']));
  const scan = await repeat(5, () => wall(['dist/cli.js', 'scan', 'examples/public-mirror/rsyncd.conf', '--fail-on', 'none']));
  const stages = spawnSync(process.execPath, ['dist/cli.js', 'scan', 'examples/public-mirror/rsyncd.conf', '--fail-on', 'none', '--timings'], { encoding: 'utf8' }).stderr.trim();
  rows.push({
    benchmark: 'cold start: scan of one file',
    figure: `${fmt(scan, 0, ' ms')}`,
    goal: '≤ 250 ms',
    met: scan.median <= 250,
    note: `node start ${node.median.toFixed(0)} ms, bundle load ${(load.median - node.median).toFixed(0)} ms; ${stages.replace(/^timings: /, '')}`,
  });
}
