import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo } from '../engine/index.ts';
import { paint } from './colour.ts';
import { complianceMarkdownLines, complianceTextLines } from './compliance-render.ts';
import { complianceSection } from './compliance.ts';
import { toFleetMarkdown } from './fleet.ts';
import type { Report, TargetReport } from './model.ts';

const rule = (id: string, compliance: RuleInfo['compliance']): RuleInfo => ({
  id,
  title: id,
  description: '',
  severity: 'medium',
  security_severity: '5.0',
  cwe: 'CWE-1',
  tags: [],
  help: '',
  help_uri: null,
  package: 'p',
  ...(compliance ? { compliance } : {}),
});
const RULES = [
  rule('RSYNC-001', { nist: ['AC-3', 'IA-2'], pci: ['8.3.1'], cis: [] }),
  rule('RSYNC-050', { nist: ['AU-2'], pci: ['10.2.1'], cis: [] }),
  rule('RSYNC-083', { nist: ['CM-7'], pci: ['2.2.4'], cis: ['RHEL9-2.2.18', 'DEBIAN12-v1.1.0-2.1.13'] }),
  rule('CUSTOM-1', undefined),
];

const finding = (rule_id: string, target: string): Finding => ({ rule_id, title: rule_id, severity: 'medium', context: null, message: `${rule_id} fired`, target, module: null, path: 'x', location: { file: 'etc/rsyncd.conf', line: 3, column: 1 } });
const NO_DAEMON = { processes: [], listeners: [], units: [], probes: [] };

function target(kind: TargetReport['kind'], name: string, over: Partial<TargetReport> = {}, facts: object = {}): TargetReport {
  return { target: name, kind, findings: [], waived: [], notes: [], facts: { daemon: NO_DAEMON, image: null, ...facts }, ...over };
}

function report(targets: TargetReport[], errors: Report['errors'] = []): Report {
  return { tool: { name: 'rsyncguard', version: '0' }, rules: RULES, targets, errors, expired_waivers: [] };
}

const section = suite('compliance section');

section('NIST: every control a rule maps to, in the table order; a target fails by an unwaived finding of its rules', () => {
  const waived = { finding: finding('RSYNC-050', 'b.conf'), waiver: { rule: 'RSYNC-050', reason: 'logs go to journald', expires: '2099-01-01', source: '.rsyncguard.yaml:2' } };
  const s = complianceSection(report([target('file', 'a.conf', { findings: [finding('RSYNC-001', 'a.conf')] }), target('file', 'b.conf', { waived: [waived] })]), 'nist');
  assert.equal(
    s.controls.map((c) => c.id),
    ['AC-3', 'AU-2', 'CM-7', 'IA-2'],
  );
  const ac3 = s.controls[0];
  assert.equal(ac3?.rules, ['RSYNC-001']);
  assert.equal(
    ac3?.targets.map((t) => [t.target, t.state, t.findings.map((f) => f.rule_id)]),
    [
      ['a.conf', 'fail', ['RSYNC-001']],
      ['b.conf', 'pass', []],
    ],
  );
  const au2 = s.controls.find((c) => c.id === 'AU-2');
  assert.is(au2?.targets[1]?.state, 'pass', 'a waived finding does not fail the control');
  assert.is(au2?.targets[1]?.waived[0]?.reason, 'logs go to journald');
  assert.equal(s.summary, { controls: 4, failing: 2 });
  assert.is(s.name, 'NIST SP 800-53 Rev. 5');
});

section('a finding left out because its module is declared public does not fail the control, and says why', () => {
  const silenced = { finding: finding('RSYNC-001', 'm.conf'), declared_public: { reason: 'distribution mirror', source: 'comment' as const, file: 'm.conf', line: 1 } };
  const s = complianceSection(report([target('file', 'm.conf', { declared_public: [silenced] })]), 'pci');
  const t = s.controls.find((c) => c.id === '8.3.1')?.targets[0];
  assert.is(t?.state, 'pass');
  assert.equal(
    t?.waived.map((w) => [w.rule_id, w.reason, w.source]),
    [['RSYNC-001', 'declared public: distribution mirror', 'm.conf:1']],
  );
});

section('PCI: a target no policy could evaluate is "not evaluated", never pass', () => {
  const s = complianceSection(report([target('file', 'a.conf')], [{ target: 'broken.conf', message: 'policy failed' }]), 'pci');
  assert.equal(
    s.controls.find((c) => c.id === '8.3.1')?.targets.map((t) => t.state),
    ['pass', 'not-evaluated'],
  );
});

section('CIS "rsync service not enabled": a host with a daemon fails, one without passes, a file does not apply', () => {
  const running = target('host', 'web1:/etc/rsyncd.conf', {}, { daemon: { ...NO_DAEMON, processes: [{ pid: 812, uid: 0, cmdline: ['rsync', '--daemon'] }] } });
  const enabled = target('host', 'web2:/etc/rsyncd.conf', {}, { daemon: { ...NO_DAEMON, units: [{ kind: 'systemd', path: '/lib/systemd/system/rsync.service', enabled: true }] } });
  const disabled = target('host', 'web3:/etc/rsyncd.conf', {}, { daemon: { ...NO_DAEMON, units: [{ kind: 'systemd', path: '/lib/systemd/system/rsync.service', enabled: false }] } });
  const s = complianceSection(report([running, enabled, disabled, target('file', 'conf/rsyncd.conf')]), 'cis');
  assert.is(s.controls.length, 1);
  const c = s.controls[0];
  assert.is(c?.id, 'cis:rsync-service');
  assert.equal(c?.rules, ['RSYNC-083']);
  assert.ok(c?.items?.some((i) => i.id === 'RHEL9-2.2.18' && i.item === '2.2.18' && i.cce.includes('CCE-84140-3')));
  assert.equal(
    c?.targets.map((t) => t.state),
    ['fail', 'fail', 'pass', 'not-applicable'],
  );
  assert.equal(c?.targets[0]?.evidence, ['process 812 runs rsync --daemon']);
  assert.equal(c?.targets[1]?.evidence, ['systemd /lib/systemd/system/rsync.service is enabled']);
  assert.match(c?.targets[3]?.evidence[0] ?? '', /CIS benchmarks judge hosts/);
  assert.equal(s.summary, { controls: 1, failing: 1 });
});

section('CIS: a cis:rsync-service waiver marks a serving host waived, and the section then has no failing control', () => {
  const waiver = { control: 'cis:rsync-service', reason: 'the public mirror', expires: '2099-01-01', source: '.rsyncguard.yaml:3' };
  const mirror = target('host', 'mirror:/etc/rsyncd.conf', { waived_controls: [waiver], findings: [finding('RSYNC-083', 'mirror:/etc/rsyncd.conf')] }, { daemon: { ...NO_DAEMON, processes: [{ pid: 1, uid: 0, cmdline: ['rsync', '--daemon'] }] } });
  const s = complianceSection(report([mirror]), 'cis');
  const t = s.controls[0]?.targets[0];
  assert.is(t?.state, 'waived');
  assert.equal(t?.waiver, waiver);
  assert.equal(
    t?.findings.map((f) => f.rule_id),
    ['RSYNC-083'],
    'the findings behind it are still listed',
  );
  assert.equal(s.summary, { controls: 1, failing: 0 });
});

section('CIS: an image fails when its entrypoint starts the daemon, and passes when it does not', () => {
  const starts = target('image', 'registry.example/rsyncd:1', {}, { image: { starts_daemon: true, entrypoint: ['rsync', '--daemon', '--no-detach'], cmd: [] } });
  const client = target('image', 'registry.example/backup:1', {}, { image: { starts_daemon: false, entrypoint: ['rsync'], cmd: ['-a'] } });
  const s = complianceSection(report([starts, client]), 'cis');
  assert.equal(
    s.controls[0]?.targets.map((t) => [t.state, t.evidence]),
    [
      ['fail', ['the image starts the rsync daemon: rsync --daemon --no-detach']],
      ['pass', ['the entrypoint does not start rsync --daemon']],
    ],
  );
});

section("CIS: the benchmark items written for the target's OS are named, from its os-release", () => {
  const daemon = { daemon: { ...NO_DAEMON, processes: [{ pid: 1, uid: 0, cmdline: ['rsync', '--daemon'] }] } };
  const os = (id: string, version_id: string, id_like: string[] = []) => ({ ...daemon, rsync: { distro: { id, version_id, id_like, source: 'os-release' } } });
  const s = complianceSection(report([target('host', 'deb', {}, os('debian', '12')), target('host', 'rocky', {}, os('rocky', '9.5', ['rhel', 'centos', 'fedora'])), target('host', 'arch', {}, os('arch', '')), target('host', 'none')]), 'cis');
  assert.equal(
    s.controls[0]?.targets.map((t) => t.os_items ?? []),
    [['DEBIAN12-v1.1.0-2.1.13'], ['RHEL9-2.2.18', 'RHEL9-v2.0.0-2.1.13'], [], []],
  );
  assert.match(complianceTextLines(s, paint(false)).join('\n'), /deb: FAIL — process 1 runs rsync --daemon; items for its OS: DEBIAN12-v1\.1\.0-2\.1\.13/);
});

const render = suite('compliance section rendered');

render('text: a headline, each control with its state, each target with the findings behind it', () => {
  const s = complianceSection(report([target('file', 'a.conf', { findings: [finding('RSYNC-001', 'a.conf')] })]), 'pci');
  const text = complianceTextLines(s, paint(false)).join('\n');
  assert.match(text, /^Compliance — PCI DSS v4\.0\.1: 1 of 3 controls fail$/m);
  assert.match(text, /^ {2}FAIL {3}8\.3\.1 Access is authenticated with an authentication factor \(RSYNC-001\)$/m);
  assert.match(text, /^ {4}a\.conf: FAIL$/m);
  assert.match(text, /^ {6}RSYNC-001 etc\/rsyncd\.conf:3:1 RSYNC-001 fired$/m);
  assert.match(text, /^ {2}pass {3}10\.2\.1 /m);
});

render('Markdown: one row per control and target; a waiver and the facts behind a CIS state', () => {
  const waiver = { control: 'cis:rsync-service', reason: 'mirror', expires: null, source: 'w.yaml:2' };
  const s = complianceSection(report([target('host', 'm:/etc/rsyncd.conf', { waived_controls: [waiver] }, { daemon: { ...NO_DAEMON, processes: [{ pid: 7, uid: 0, cmdline: ['rsync', '--daemon'] }] } })]), 'cis');
  const md = complianceMarkdownLines(s).join('\n');
  assert.match(md, /^### Compliance: CIS Benchmarks: 0 of 1 control fail$/m);
  assert.match(md, /\| `m:\/etc\/rsyncd\.conf` \| ☑️ waived \| waiver: mirror \(`w\.yaml:2`\)<br>process 7 runs rsync --daemon \|$/m);
});

section.run();
render.run();

const many = suite('compliance section over many targets');

many('targets with nothing to say share one line per state; those that fail come first in Markdown', () => {
  const targets = ['a.conf', 'b.conf', 'c.conf'].map((name) => target('file', name, name === 'c.conf' ? { findings: [finding('RSYNC-001', name)] } : {}));
  const s = complianceSection(report(targets), 'nist');
  const text = complianceTextLines(s, paint(false)).join('\n');
  assert.match(text, /^ {2}FAIL {3}AC-3 Access Enforcement \(RSYNC-001\)\n {4}pass: a\.conf, b\.conf\n {4}c\.conf: FAIL\n/m);
  const md = complianceMarkdownLines(s).join('\n');
  assert.match(md, /^\| AC-3 Access Enforcement \| `c\.conf` \| ❌ fail \| RSYNC-001 .*\n\| {2}\| `a\.conf`, `b\.conf` \| ✅ pass \| \|$/m);
});

many("a sweep's Markdown overview carries the section too", () => {
  const r = report([target('host', 'h1:/etc/rsyncd.conf', {}, { daemon: { ...NO_DAEMON, processes: [{ pid: 3, uid: 0, cmdline: ['rsync', '--daemon'] }] } })]);
  const md = toFleetMarkdown({ ...r, compliance: complianceSection(r, 'cis') }, (t) => t.split(':')[0] ?? t);
  assert.match(md, /^### Compliance: CIS Benchmarks: 1 of 1 control fail$/m);
  assert.match(md, /\| `h1:\/etc\/rsyncd\.conf` \| ❌ fail \| process 3 runs rsync --daemon \|/);
});

many('CIS over a repository: every file is not applicable, said once for all', () => {
  const s = complianceSection(report([target('file', 'a.conf'), target('file', 'b.conf')]), 'cis');
  assert.match(complianceTextLines(s, paint(false)).join('\n'), /^ {4}not applicable \(a configuration file in a repository: the CIS benchmarks judge hosts\): a\.conf, b\.conf$/m);
});

many('a target one policy failed on claims no pass, but its findings still fail a control', () => {
  const s = complianceSection(report([target('file', 'p.conf', { findings: [finding('RSYNC-050', 'p.conf')] })], [{ target: 'p.conf', message: 'custom policy failed' }]), 'nist');
  assert.equal(
    s.controls.filter((c) => c.id === 'AC-3' || c.id === 'AU-2').map((c) => [c.id, c.targets.map((t) => t.state)]),
    [
      ['AC-3', ['not-evaluated']],
      ['AU-2', ['fail']],
    ],
  );
});

many.run();
