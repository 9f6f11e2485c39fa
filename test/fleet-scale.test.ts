/**
 * A fleet's JSON report does not hold the fleet (issue 21 "Figures": `eval --format json` of 10,000 host
 * documents grew to 1.86 GB and failed). Here 1,500 host documents are evaluated with V8's heap capped at
 * 80 MB: before the streaming report that run aborted at a 96 MB cap; now the facts are kept deflated and
 * the JSON is written one target at a time. bench/fleet-scale.ts measures the 10,000-host figures. Runs
 * src through tsx, so it tests this tree, not dist/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFleetDocs } from './support/fleet-docs.ts';

const MAIN = resolve('src/cli/main.ts');
const HOSTS = 1500;

type Report = { summary: { targets: number; errors: number }; targets: { target: string; findings: unknown[]; facts: { schema?: string; config?: { modules?: unknown[] } } }[] };

test(`eval --format json of ${HOSTS} host documents fits in an 80 MB heap, every host with its facts`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-fleet-scale-'));
  try {
    const docs = join(dir, 'hosts.json');
    writeFleetDocs(HOSTS, docs);
    const out = join(dir, 'report.json');
    const r = spawnSync(process.execPath, ['--max-old-space-size=80', '--import', 'tsx', MAIN, 'eval', docs, '--format', 'json', '--output', out, '--fail-on', 'none'], { encoding: 'utf8', timeout: 300_000 });
    assert.is(r.status, 0, r.stderr.slice(-2000));
    const text = readFileSync(out, 'utf8');
    const report = JSON.parse(text) as Report;
    assert.is(report.summary.targets, HOSTS);
    assert.is(report.summary.errors, 0);
    assert.is(report.targets.length, HOSTS);
    assert.is(new Set(report.targets.map((t) => t.target)).size, HOSTS);
    for (const t of report.targets) {
      assert.is(t.facts.schema, 'rsyncguard/facts@1', t.target);
      assert.ok((t.facts.config?.modules?.length ?? 0) > 0, t.target);
    }
    assert.ok(
      report.targets.every((t) => t.findings.length > 0),
      'every simulated host has findings',
    );
    // Written in pieces, laid out as one JSON.stringify of the whole document.
    assert.is(`${JSON.stringify(report, null, 2)}\n`, text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an --output that cannot be written is the command error (exit 2), for the streamed JSON too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-fleet-scale-'));
  try {
    const docs = join(dir, 'hosts.json');
    writeFleetDocs(3, docs);
    const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'eval', docs, '--format', 'json', '--output', join(dir, 'missing', 'report.json'), '--fail-on', 'none'], { encoding: 'utf8', timeout: 120_000 });
    assert.is(r.status, 2, r.stderr);
    assert.match(r.stderr, /cannot write the output/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
