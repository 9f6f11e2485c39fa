/**
 * bench/big-config.ts measures realistic modules too (issue 20, adversary #6): its light modules cost a
 * fraction of a production config's, so the curve said "5,000 modules in 2.06 s" where a config of modules
 * with users, networks and a secrets file took about 10 s and 1.1 GB. Each size is measured in a process of
 * its own, with its peak RSS; here the smallest size of each shape, run as the benchmark runs it.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const BENCH = resolve('bench/big-config.ts');

interface SizeResult {
  evaluate: { median: number } | null;
  error: string | null;
  findings: number;
  factsSeconds: number;
  peakRssMiB: number;
}

function measure(shape: string): SizeResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', BENCH, shape, '100'], { encoding: 'utf8', timeout: 300_000 });
  assert.is(r.status, 0, r.stderr.slice(-2000));
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as SizeResult;
}

test('the big-config curve measures light and realistic modules, each with its time and peak RSS', () => {
  const light = measure('light');
  const realistic = measure('realistic');
  for (const r of [light, realistic]) {
    assert.is(r.error, null);
    assert.ok(r.evaluate !== null && r.evaluate.median > 0);
    assert.ok(r.factsSeconds > 0);
    // Node, the policy and the facts: tens of MiB at least, and a figure, not NaN.
    assert.ok(r.peakRssMiB > 20 && r.peakRssMiB < 4096, String(r.peakRssMiB));
  }
  // Every realistic module is judged on its users, networks and secrets file: more findings per module.
  assert.ok(realistic.findings > light.findings, `${realistic.findings} vs ${light.findings}`);
});

test.run();
