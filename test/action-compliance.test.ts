/** The Action's `compliance` input: the section in the log, the job summary and the SARIF run's properties. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type * as Sarif from 'sarif';
import { sarifProblems } from './support/sarif-check.ts';

const ACTION = resolve('dist/action.js');

function runAction(inputs: Record<string, string>): { code: number | null; stdout: string; summary: string; sarif: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rg-action-compliance-'));
  cpSync('examples/public-mirror', join(dir, 'examples'), { recursive: true });
  const summary = join(dir, 'summary.md');
  const output = join(dir, 'outputs');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1' };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, [ACTION], { cwd: tmpdir(), env, encoding: 'utf8', timeout: 180_000, maxBuffer: 64 << 20 });
  let sarif = '';
  try {
    sarif = readFileSync(join(dir, 'rsyncguard.sarif'), 'utf8');
  } catch {
    // Not written when the inputs are refused; the test says so.
  }
  return { code: r.status, stdout: r.stdout + r.stderr, summary: readFileSync(summary, 'utf8'), sarif };
}

const action = suite('the Action with compliance');

action('compliance: pci adds the section to the log and the job summary, and the SARIF run carries it', () => {
  const run = runAction({ paths: 'examples', 'fail-on': 'none', compliance: 'pci' });
  assert.is(run.code, 0, run.stdout.slice(-2000));
  assert.match(run.stdout, /^Compliance — PCI DSS v4\.0\.1: \d+ of \d+ controls fail$/m);
  assert.match(run.summary, /^### Compliance: PCI DSS v4\.0\.1: \d+ of \d+ controls fail$/m);
  assert.equal(sarifProblems(run.sarif), []);
  const log = JSON.parse(run.sarif) as Sarif.Log;
  assert.is((log.runs[0]?.properties?.['compliance'] as { framework?: string } | undefined)?.framework, 'pci');
});

action('without the input there is no section', () => {
  const plain = runAction({ paths: 'examples', 'fail-on': 'none' });
  assert.not.match(plain.summary, /Compliance/);
});

action.run();
