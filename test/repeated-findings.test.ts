/**
 * One cause, one finding: a hygiene setting twelve modules inherit is reported once, at the global line,
 * naming them (SARIF: related locations); a rule that fires in many modules is one line of text and one
 * Markdown row with a count, while JSON and SARIF still hold every finding.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const CLI = resolve('dist/cli.js');
const MODULES = 12;

function mirror(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-repeat-'));
  const modules = Array.from({ length: MODULES }, (_, i) => `[m${i}]\n    path = /srv/m${i}\n`).join('');
  // m0 turns logging off itself: that one is its own finding.
  writeFileSync(join(dir, 'rsyncd.conf'), `max connections = 0\n${modules.replace('path = /srv/m0\n', 'path = /srv/m0\n    transfer logging = no\n')}`);
  return dir;
}

function run(dir: string, format: string): string {
  const r = spawnSync(process.execPath, [CLI, 'scan', 'rsyncd.conf', '--format', format], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.is(r.status, 1, r.stderr);
  return r.stdout;
}

interface JsonFinding {
  rule_id: string;
  module: string | null;
  location: { line: number };
  related?: { module: string; location: { line: number } }[];
}

const repeated = suite('repeated findings');

repeated('JSON: an inherited setting is one daemon finding naming every module that inherits it', () => {
  const report = JSON.parse(run(mirror(), 'json')) as { targets: { findings: JsonFinding[] }[] };
  const findings = report.targets[0]?.findings ?? [];
  const logging = findings.filter((f) => f.rule_id === 'RSYNC-050');
  assert.equal(
    logging.map((f) => f.module),
    [null, 'm0'],
  );
  assert.equal(
    logging[0]?.related?.map((r) => r.module),
    Array.from({ length: MODULES - 1 }, (_, i) => `m${i + 1}`),
  );
  const limits = findings.filter((f) => f.rule_id === 'RSYNC-011');
  assert.is(limits.length, 1);
  assert.is(limits[0]?.location.line, 1, 'at the global "max connections" line');
  assert.is(limits[0]?.related?.length, MODULES);
  // Each module's anonymous-access finding is still its own: JSON loses nothing.
  assert.is(findings.filter((f) => f.rule_id === 'RSYNC-001').length, MODULES);
});

repeated('SARIF: the related locations point at each module header', () => {
  const log = JSON.parse(run(mirror(), 'sarif')) as { runs: { results: { ruleId: string; message: { text: string }; relatedLocations?: { id: number; message: { text: string }; physicalLocation: { region: { startLine: number } } }[] }[] }[] };
  const results = log.runs[0]?.results ?? [];
  const limit = results.find((r) => r.ruleId.startsWith('RSYNC-011'));
  // GitHub shows a related location only where the message links it.
  assert.match(limit?.message.text ?? '', 'Modules: [m0](0), [m1](1), [m2](2)');
  assert.equal(limit?.relatedLocations?.map((r) => [r.id, r.message.text, r.physicalLocation.region.startLine]).slice(0, 2), [
    [0, '[m0]', 2],
    [1, '[m1]', 5],
  ]);
  assert.is(results.filter((r) => r.ruleId.startsWith('RSYNC-001')).length, MODULES);
});

repeated('text and Markdown fold a rule repeated across modules into one line with a count', () => {
  const dir = mirror();
  const text = run(dir, 'text');
  const folded = text.split('\n').filter((l) => / RSYNC-001 /.test(l));
  assert.is(folded.length, 1, text);
  assert.match(folded[0] ?? '', /RSYNC-001 ×12 Module without authentication.*\[m0\] rsyncd\.conf:2:1, \[m1\] 5:1, .* and 4 more$/);
  const md = run(dir, 'markdown');
  const rows = md.split('\n').filter((l) => l.includes('| RSYNC-001'));
  assert.is(rows.length, 1, md);
  assert.match(rows[0] ?? '', /RSYNC-001 ×12 .* in 12 modules: \[m0\], \[m1\]/);
});

repeated.run();
