import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo } from '../engine/index.ts';
import { compareWithBaseline, REPORT_FORMATS, type Report } from '../report/index.ts';
import { countJsonValues, MAX_BASELINE_VALUES, parseBaseline, readBaseline } from './baseline.ts';

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

for (const format of ['json', 'sarif'] as const) {
  parse(`a ${format} baseline's secrets entry is read when it names a shown name; a tag of a withheld one is dropped`, () => {
    const entryFinding = (line: number, entry: string): Finding => f('m', line, { path: 'secrets[0].entries', module: null, entry, location: { file: 's', line, column: 1 } });
    const parsed = parseBaseline(JSON.parse(REPORT_FORMATS[format].render(report([entryFinding(1, 'user "joe"'), entryFinding(2, 'user #3fa2')]), ctx)), `base.${format}`);
    assert.ok(parsed.ok);
    assert.equal(
      parsed.value.findings.map((b) => b.entry),
      ['user "joe"', undefined],
    );
  });
}

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

read('a UTF-8 byte order mark (Windows PowerShell) is skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-baseline-'));
  const file = join(dir, 'bom.json');
  writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"schema":"rsyncguard/report@1","targets":[]}')]));
  const r = readBaseline(file);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
});

read('an empty SARIF log (any tool) is refused: nothing says rsyncguard wrote it', () => {
  const r = parseBaseline({ version: '2.1.0', runs: [] }, 'x.sarif');
  if (r.ok) throw new Error('accepted an empty log of any tool');
  assert.match(r.error.message, 'runs is empty');
});

read('a dense file far under the byte cap is refused by its number of values, before JSON.parse can exhaust the heap', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-baseline-'));
  const file = join(dir, 'dense.json');
  const n = MAX_BASELINE_VALUES + 10;
  writeFileSync(file, `{"schema":"rsyncguard/report@1","targets":[],"x":[${'[],'.repeat(n)}[]]}`);
  const started = Date.now();
  const r = readBaseline(file);
  if (r.ok) throw new Error('accepted a file JSON.parse cannot hold');
  assert.match(r.error.message, 'JSON values');
  assert.ok(Date.now() - started < 20_000, 'refused before parsing');
  assert.is(countJsonValues(Buffer.from('{"a":"[,{,\\"","x":[1,2]}'), 100), 4, 'brackets and commas inside strings are not values');
});

read("the baseline's own errors are read: a JSON report's errors, a SARIF log's target-error notifications", () => {
  const j = parseBaseline({ schema: 'rsyncguard/report@1', targets: [], errors: [{ target: 'web1', message: 'unreachable' }] }, 'b.json');
  assert.equal(j.ok && j.value.errors, ['web1']);
  const notification = { level: 'error', message: { text: 'web2: unreachable: connection refused' }, descriptor: { id: 'target-error' } };
  const s = parseBaseline({ version: '2.1.0', runs: [{ tool: { driver: { name: 'rsyncguard' } }, results: [], invocations: [{ executionSuccessful: false, toolExecutionNotifications: [notification] }] }] }, 'b.sarif');
  assert.equal(s.ok && s.value.errors, ['web2']);
});

parse.run();
read.run();
