import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo } from '../engine/index.ts';
import { compareWithBaseline, REPORT_FORMATS, type Report } from '../report/index.ts';
import { parseBaseline, readBaseline } from './baseline.ts';

const rule: RuleInfo = { id: 'RSYNC-001', title: 'Module without authentication', description: 'd', severity: 'medium', security_severity: '5.5', cwe: 'CWE-306', tags: [], help: 'h', help_uri: null, package: 'p' };
const f = (module: string, line: number, over: Partial<Finding> = {}): Finding => ({
  rule_id: 'RSYNC-001',
  title: rule.title,
  severity: 'medium',
  context: null,
  message: `[${module}] has no auth users`,
  target: 'rsyncd.conf',
  module,
  path: `config.modules[${line}]`,
  location: { file: 'rsyncd.conf', line, column: 1 },
  ...over,
});
const report = (findings: Finding[]): Report => ({ tool: { name: 'rsyncguard', version: '0.1.0' }, rules: [rule], targets: [{ target: 'rsyncd.conf', kind: 'file', findings, waived: [], notes: [], facts: {} }], errors: [], expired_waivers: [] });
const ctx = { colour: false, texts: new Map<string, string>(), category: 'rsyncguard/', suppressions: false, warn: () => {} };

const parse = suite('parseBaseline');

for (const format of ['json', 'sarif'] as const) {
  parse(`reads back a ${format} report: the same findings, their fingerprints, nothing new`, () => {
    const before = report([f('pub', 2), f('data', 6)]);
    const parsed = parseBaseline(JSON.parse(REPORT_FORMATS[format].render(before, ctx)), `base.${format}`);
    assert.ok(parsed.ok);
    assert.equal(
      parsed.value.findings.map((b) => [b.rule_id, b.module, b.severity, b.message, b.reported]),
      [
        ['RSYNC-001', 'pub', 'medium', '[pub] has no auth users', true],
        ['RSYNC-001', 'data', 'medium', '[data] has no auth users', true],
      ],
    );
    assert.ok(parsed.value.findings.every((b) => b.fingerprint !== null && /^[0-9a-f]{16}:\d+$/.test(b.fingerprint)));
    const after = compareWithBaseline(report([f('pub', 3), f('data', 7, { severity: 'high' })]), parsed.value);
    assert.equal(after.baseline?.counts, { new: 0, unchanged: 1, updated: 1, absent: 0 });
  });
}

parse("a SARIF log written with a baseline: its absent results are not that run's findings", () => {
  const first = report([f('pub', 2), f('data', 6)]);
  const base = parseBaseline(JSON.parse(REPORT_FORMATS.json.render(first)), 'first.json');
  assert.ok(base.ok);
  const second = compareWithBaseline(report([f('pub', 2)]), base.value);
  assert.is(second.baseline?.counts.absent, 1);
  const parsed = parseBaseline(JSON.parse(REPORT_FORMATS.sarif.render(second, ctx)), 'second.sarif');
  assert.ok(parsed.ok);
  assert.equal(
    parsed.value.findings.map((b) => b.module),
    ['pub'],
  );
});

parse('says where a document is not a report, without quoting it', () => {
  const secret = 'hunter2-very-secret';
  const cases: [unknown, RegExp][] = [
    [{ password: secret }, /neither an rsyncguard JSON report .* nor a SARIF 2\.1\.0 log/],
    [{ schema: 'rsyncguard/report@1', targets: [{ findings: [{ rule_id: 'RSYNC-001', severity: secret }] }] }, /targets\[0\]\.findings\[0\]\.severity is not one of critical, high, medium, low/],
    [{ version: '2.1.0', runs: [{ tool: { driver: { name: secret } }, results: [] }] }, /runs\[0\]\.tool\.driver\.name is not rsyncguard/],
    [{ version: '2.1.0', runs: [{ tool: { driver: { name: 'rsyncguard' } }, results: [{ message: { text: secret } }] }] }, /runs\[0\]\.results\[0\]\.properties is missing/],
  ];
  for (const [doc, expected] of cases) {
    const r = parseBaseline(doc, 'base.json');
    if (r.ok) throw new Error('accepted a document that is no report');
    assert.match(r.error.message, expected);
    assert.is(r.error.where, 'base.json');
    assert.not.match(`${r.error.message} ${r.error.hint ?? ''}`, secret);
  }
});

const read = suite('readBaseline');

read('a file that is not JSON is a located error that quotes none of it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-baseline-'));
  const file = join(dir, 'rsyncd.secrets');
  writeFileSync(file, 'backup:hunter2-very-secret\n');
  const r = readBaseline(file);
  if (r.ok) throw new Error('accepted a file that is not JSON');
  assert.match(r.error.message, 'cannot read the baseline: it is not valid JSON');
  assert.is(r.error.where, file);
  assert.not.match(r.error.message, 'hunter2');
});

read('a directory or a missing file is refused before any read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-baseline-'));
  const r = readBaseline(dir);
  if (r.ok) throw new Error('accepted a directory');
  assert.match(r.error.message, 'not a regular file');
  const missing = readBaseline(join(dir, 'nope.json'));
  if (missing.ok) throw new Error('accepted a missing file');
  assert.match(missing.error.message, 'cannot read the baseline');
});

parse.run();
read.run();
