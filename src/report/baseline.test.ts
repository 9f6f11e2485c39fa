import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo, Waiver } from '../engine/index.ts';
import { compareWithBaseline, type Baseline, type BaselineFinding } from './baseline.ts';
import { reportFingerprints } from './baseline-identity.ts';
import type { Report } from './model.ts';
import { toSarif } from './sarif.ts';
import { toGroupedSarif } from './fleet.ts';
import { toText } from './text.ts';
import { toMarkdown } from './markdown.ts';
import { paint } from './colour.ts';

const rule = (id: string): RuleInfo => ({ id, title: `title ${id}`, description: 'd', severity: 'medium', security_severity: '5.5', cwe: 'CWE-306', tags: [], help: 'h', help_uri: null, package: 'p' });

function finding(rule_id: string, module: string, line: number, over: Partial<Finding> = {}): Finding {
  return { rule_id, title: `title ${rule_id}`, severity: 'medium', context: null, message: `${rule_id} in [${module}]`, target: 'rsyncd.conf', module, path: `config.modules[${line}].x`, location: { file: 'rsyncd.conf', line, column: 1 }, ...over };
}

function report(findings: Finding[], extra: Partial<Report> = {}): Report {
  return {
    tool: { name: 'rsyncguard', version: '0.1.0' },
    rules: [rule('RSYNC-001'), rule('RSYNC-002'), rule('RSYNC-003')],
    targets: [{ target: 'rsyncd.conf', kind: 'file', findings, waived: [], notes: [], facts: {} }],
    errors: [],
    expired_waivers: [],
    ...extra,
  };
}

/** The baseline as a JSON report of `r` would give it: every finding with its fingerprint. */
function baselineOf(r: Report, stored = true): Baseline {
  const prints = reportFingerprints(r);
  const findings: BaselineFinding[] = r.targets.flatMap((t) =>
    t.findings.map((f) => ({
      rule_id: f.rule_id,
      title: f.title,
      severity: f.severity,
      message: f.message,
      target: f.target,
      module: f.module,
      path: f.path,
      location: f.location,
      ...(f.cves ? { cves: f.cves } : {}),
      fingerprint: stored ? (prints.get(f) ?? null) : null,
      reported: true,
    })),
  );
  return { source: 'base.json', findings };
}

const compare = suite('compareWithBaseline');

compare('a finding moved by an edit above it is unchanged: lines are not identity', () => {
  const before = report([finding('RSYNC-001', 'pub', 3)]);
  const after = compareWithBaseline(report([finding('RSYNC-001', 'pub', 9)]), baselineOf(before));
  assert.is(after.targets[0]?.findings[0]?.baseline_state, 'unchanged');
  assert.equal(after.baseline?.counts, { new: 0, unchanged: 1, updated: 0, absent: 0 });
});

compare('new, updated (severity or message) and absent are told apart', () => {
  const before = report([finding('RSYNC-001', 'pub', 3), finding('RSYNC-002', 'pub', 4), finding('RSYNC-003', 'data', 8), finding('RSYNC-001', 'data', 7)]);
  const now = report([finding('RSYNC-001', 'pub', 3), finding('RSYNC-002', 'pub', 4, { severity: 'critical', context: 'any host can write' }), finding('RSYNC-001', 'data', 7, { message: 'another wording' }), finding('RSYNC-003', 'new', 12)]);
  const after = compareWithBaseline(now, baselineOf(before));
  assert.equal(
    after.targets[0]?.findings.map((f) => `${f.rule_id}/${f.module}:${f.baseline_state}`),
    ['RSYNC-001/pub:unchanged', 'RSYNC-002/pub:updated', 'RSYNC-001/data:updated', 'RSYNC-003/new:new'],
  );
  assert.equal(after.baseline?.counts, { new: 1, unchanged: 1, updated: 2, absent: 1 });
  assert.equal(
    after.baseline?.absent.map((a) => `${a.rule_id}/${a.module}`),
    ['RSYNC-003/data'],
  );
  assert.is(after.baseline?.absent[0]?.fingerprint, reportFingerprints(before).get(before.targets[0]?.findings[2] as Finding));
});

compare('an older report without fingerprints matches by the recomputed identity', () => {
  const before = report([finding('RSYNC-001', 'pub', 3), finding('RSYNC-002', 'pub', 4)]);
  const after = compareWithBaseline(report([finding('RSYNC-001', 'pub', 5), finding('RSYNC-002', 'pub', 6)]), baselineOf(before, false));
  assert.equal(after.baseline?.counts, { new: 0, unchanged: 2, updated: 0, absent: 0 });
});

compare('the same rule in another module or file is another finding', () => {
  const before = report([finding('RSYNC-001', 'pub', 3)]);
  const after = compareWithBaseline(report([finding('RSYNC-001', 'pub2', 3), finding('RSYNC-001', 'pub', 3, { location: { file: 'other.conf', line: 3, column: 1 } })]), baselineOf(before));
  assert.equal(after.baseline?.counts, { new: 2, unchanged: 0, updated: 0, absent: 1 });
});

compare('two CVEs at one line are two identities', () => {
  const a = finding('RSYNC-001', 'pub', 1, { cves: ['CVE-2024-12084'] });
  const b = finding('RSYNC-001', 'pub', 1, { cves: ['CVE-2024-12085'] });
  const after = compareWithBaseline(report([a, b]), baselineOf(report([a])));
  assert.equal(
    after.targets[0]?.findings.map((f) => f.baseline_state),
    ['unchanged', 'new'],
  );
});

compare('a finding waived now is neither fixed nor counted', () => {
  const f = finding('RSYNC-001', 'pub', 3);
  const waiver: Waiver = { rule: 'RSYNC-001', reason: 'accepted', source: '.rsyncguard.yaml:2' } as Waiver;
  const now: Report = { ...report([]), targets: [{ target: 'rsyncd.conf', kind: 'file', findings: [], waived: [{ finding: f, waiver } as Report['targets'][number]['waived'][number]], notes: [], facts: {} }] };
  const after = compareWithBaseline(now, baselineOf(report([f])));
  assert.equal(after.baseline?.counts, { new: 0, unchanged: 0, updated: 0, absent: 0 });
  assert.is(after.targets[0]?.waived[0]?.finding.baseline_state, 'unchanged');
});

compare('a host that could not be swept this time has no fixed findings: they are not known', () => {
  const f = finding('RSYNC-001', 'pub', 3, { target: 'web1:/etc/rsyncd.conf' });
  const now = report([], { errors: [{ target: 'web1', message: 'unreachable: connection refused' }] });
  const after = compareWithBaseline(now, baselineOf(report([f])));
  assert.is(after.baseline?.counts.absent, 0);
  assert.is(after.baseline?.not_evaluated, 1);
});

compare('a CVE reached through another module (modules swapped, one removed) is unchanged: it is the daemon’s', () => {
  const cve = (module: string, i: number, more: string) =>
    finding('RSYNC-071', module, 2 + i * 3, {
      severity: 'critical',
      path: `config.modules[${i}].params.read only`,
      cves: ['CVE-2024-12084'],
      message: `CVE-2024-12084 (critical, CVSS 9.8): Heap overflow. Affected here: rsync 3.2.7; reachable because module [${module}] accepts uploads${more}.`,
    });
  const before = report([cve('a', 0, ' (and 1 more module)')]);
  for (const now of [cve('b', 0, ' (and 1 more module)'), cve('b', 1, ''), cve('c', 2, ' (and 2 more modules)')]) {
    for (const stored of [true, false]) {
      const after = compareWithBaseline(report([now]), baselineOf(before, stored));
      assert.equal(after.baseline?.counts, { new: 0, unchanged: 1, updated: 0, absent: 0 }, `${now.module} stored=${stored}`);
    }
  }
  // Its severity or what makes it affected still count as a change.
  const worse = compareWithBaseline(report([{ ...cve('b', 0, ''), message: cve('b', 0, '').message.replace('rsync 3.2.7', 'the Debian package') }]), baselineOf(before));
  assert.is(worse.targets[0]?.findings[0]?.baseline_state, 'updated');
});

const entry = (line: number, message: string, rule_id = 'RSYNC-032'): Finding =>
  finding(rule_id, 'x', line, { module: null, severity: 'high', path: 'secrets[0].entries', location: { file: 'weak.secrets', line, column: 1 }, message: `weak.secrets: ${message}` });

compare('fixing one entry of a secrets file leaves the others unchanged and lists that one as fixed', () => {
  const joe = entry(1, 'the password of user "joe" is weak (3 characters).');
  const ann = entry(2, 'the password of user "ann" is weak (it is a commonly used password).');
  const bob = entry(3, 'the password of user "bob" is weak (5 characters).');
  for (const stored of [true, false]) {
    const after = compareWithBaseline(report([ann, bob]), baselineOf(report([joe, ann, bob]), stored));
    assert.equal(after.baseline?.counts, { new: 0, unchanged: 2, updated: 0, absent: 1 });
    assert.match(after.baseline?.absent[0]?.message ?? '', '"joe"');
  }
});

compare('a comment above secrets entries keeps their findings unchanged: the line in a message is not a change', () => {
  const dead = (line: number) => ({ ...entry(line, '', 'RSYNC-034'), message: `weak.secrets line ${line}: the entry for user "backup" is never used (an earlier line has the same name).` });
  const before = report([entry(1, 'the user on line 1 has its own name as password.'), dead(5)]);
  const after = compareWithBaseline(report([entry(2, 'the user on line 2 has its own name as password.'), dead(6)]), baselineOf(before));
  assert.equal(after.baseline?.counts, { new: 0, unchanged: 2, updated: 0, absent: 0 });
  // Another change in the message still is one.
  const other = compareWithBaseline(report([entry(2, 'the user on line 2 has its own name as password, twice.')]), baselineOf(report([entry(1, 'the user on line 1 has its own name as password.')])));
  assert.is(other.targets[0]?.findings[0]?.baseline_state, 'updated');
});

const render = suite('baseline in the formats');

render('SARIF: baselineState on every result, the gone finding as an absent pass result', () => {
  const before = report([finding('RSYNC-001', 'pub', 3), finding('RSYNC-003', 'data', 8)]);
  const after = compareWithBaseline(report([finding('RSYNC-001', 'pub', 4), finding('RSYNC-002', 'pub', 5)]), baselineOf(before));
  const log = JSON.parse(toSarif(after, { category: 'rsyncguard/', suppressions: false, texts: new Map(), warn: () => {} })) as {
    runs: { results: { ruleId: string; baselineState?: string; kind?: string; level: string; partialFingerprints: { primaryLocationLineHash: string }; ruleIndex: number }[]; tool: { driver: { rules: { id: string }[] } } }[];
  };
  const run = log.runs[0];
  assert.equal(
    run?.results.map((r) => `${r.ruleId}:${r.baselineState}`),
    ['RSYNC-001:unchanged', 'RSYNC-002:new', 'RSYNC-003:absent'],
  );
  const gone = run?.results[2];
  assert.is(gone?.kind, 'pass');
  assert.is(gone?.level, 'none');
  assert.is(gone?.partialFingerprints.primaryLocationLineHash, after.baseline?.absent[0]?.fingerprint);
  assert.is(run?.tool.driver.rules[gone?.ruleIndex ?? -1]?.id, 'RSYNC-003');
});

render("fleet SARIF: a host's gone finding is in that host's run, with its old fingerprint", () => {
  const on = (host: string, module: string) => finding('RSYNC-001', module, 3, { target: `${host}:/etc/rsyncd.conf`, location: { file: 'etc/rsyncd.conf', line: 3, column: 1 } });
  const hostReport = (findings: Finding[]): Report => ({
    ...report([]),
    targets: ['web1', 'db1'].map((h) => ({ target: `${h}:/etc/rsyncd.conf`, kind: 'host' as const, findings: findings.filter((f) => f.target.startsWith(`${h}:`)), waived: [], notes: [], facts: {} })),
  });
  const before = hostReport([on('web1', 'pub'), on('db1', 'pub'), on('db1', 'data')]);
  const after = compareWithBaseline(hostReport([on('web1', 'pub'), on('db1', 'pub')]), baselineOf(before));
  assert.equal(
    after.baseline?.absent.map((a) => `${a.target} ${a.module}`),
    ['db1:/etc/rsyncd.conf data'],
  );
  const group = (t: string) => (t.startsWith('web1') ? 'web' : 'db');
  const log = JSON.parse(toGroupedSarif(after, group, 'rsyncguard/fleet/', { suppressions: false, texts: new Map(), warn: () => {} })) as {
    runs: { automationDetails: { id: string }; results: { baselineState?: string; properties: { target: string }; partialFingerprints: { primaryLocationLineHash: string } }[] }[];
  };
  const states = Object.fromEntries(log.runs.map((r) => [r.automationDetails.id, r.results.map((x) => `${x.properties.target.split(':')[0]} ${x.baselineState}`)]));
  assert.equal(states, { 'rsyncguard/fleet/db/': ['db1 unchanged', 'db1 absent'], 'rsyncguard/fleet/web/': ['web1 unchanged'] });
  const gone = log.runs.find((r) => r.automationDetails.id === 'rsyncguard/fleet/db/')?.results[1];
  assert.is(gone?.partialFingerprints.primaryLocationLineHash, after.baseline?.absent[0]?.fingerprint);
  // Two hosts, same file, same module: two identities (the host is in the target), so web1's stays unchanged.
  assert.is.not(reportFingerprints(before).get(before.targets[0]?.findings[0] as Finding), reportFingerprints(before).get(before.targets[1]?.findings[0] as Finding));
});

render('text and Markdown count new, updated, unchanged and fixed, and tag what changed', () => {
  const before = report([finding('RSYNC-001', 'pub', 3), finding('RSYNC-003', 'data', 8)]);
  const after = compareWithBaseline(report([finding('RSYNC-001', 'pub', 4), finding('RSYNC-002', 'pub', 5)]), baselineOf(before));
  const text = toText(after, paint(false));
  assert.match(text, 'Since the baseline base.json: 1 new, 0 updated, 1 unchanged, 1 fixed.');
  assert.match(text, /RSYNC-002 .*\[new\]/);
  assert.not.match(text, /RSYNC-001 .*\[new\]/);
  assert.match(text, /fixed\s+RSYNC-003 rsyncd.conf:8:1/);
  const md = toMarkdown(after);
  assert.match(md, '**1 new**, 0 updated, 1 unchanged, **1 fixed**');
  assert.match(md, '| ✅ medium | RSYNC-003 |');
});

render('a hostile baseline name and message stay text', () => {
  const evil = finding('RSYNC-003', 'data', 8, { message: 'gone \u001b[2J <img src=x> [x](https://evil.example)' });
  const after = compareWithBaseline(report([]), { ...baselineOf(report([evil])), source: 'b\u001b]0;x\u0007.json' });
  const text = toText(after, paint(false));
  assert.not.match(text, '\u001b');
  const md = toMarkdown(after);
  assert.not.match(md, '\u001b');
  assert.not.match(md, /(^|[^\\])<img/);
  assert.not.match(md, '](https://');
});

compare.run();
render.run();
