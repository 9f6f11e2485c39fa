import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { FactsDocument } from '../facts/index.ts';
import type { Finding } from './finding.ts';
import { globMatch } from './glob.ts';
import { applyWaivers, parseWaiverFile } from './waivers.ts';

const parse = suite('parseWaiverFile');

parse('reads waivers with their selectors and says where each was written', () => {
  const r = parseWaiverFile('waivers:\n  - rule: RSYNC-001\n    reason: public mirror\n    expires: 2027-01-31\n    path: "mirrors/**"\n    module: debian\n', '.rsyncguard.yaml');
  assert.ok(r.ok);
  if (r.ok) assert.equal(r.value, [{ rule: 'RSYNC-001', reason: 'public mirror', expires: '2027-01-31', path: 'mirrors/**', module: 'debian', source: '.rsyncguard.yaml:2' }]);
});

parse('rejects a waiver without a reason or date, naming the line', () => {
  const noReason = parseWaiverFile('waivers:\n  - rule: RSYNC-001\n    expires: 2027-01-31\n', 'w.yaml');
  assert.not.ok(noReason.ok);
  if (!noReason.ok) {
    assert.is(noReason.error.where, 'w.yaml:2');
    assert.match(noReason.error.message, 'reason');
  }
  const noDate = parseWaiverFile('waivers:\n  - rule: RSYNC-001\n    reason: x\n', 'w.yaml');
  assert.not.ok(noDate.ok);
  if (!noDate.ok) assert.match(noDate.error.message, '"expires" is required');
  const badDate = parseWaiverFile('waivers:\n  - rule: RSYNC-001\n    reason: x\n    expires: someday\n', 'w.yaml');
  assert.not.ok(badDate.ok);
  if (!badDate.ok) assert.match(badDate.error.message, '"expires" must be a date (YYYY-MM-DD)');
});

parse('rejects unknown fields and broken YAML instead of ignoring them', () => {
  const typo = parseWaiverFile('waivers:\n  - rule: RSYNC-001\n    reason: x\n    expires: 2027-01-01\n    modul: a\n', 'w.yaml');
  assert.not.ok(typo.ok);
  if (!typo.ok) assert.match(typo.error.message, 'modul');
  const broken = parseWaiverFile('waivers: [\n', 'w.yaml');
  assert.not.ok(broken.ok);
});

parse.run();

const apply = suite('applyWaivers');

const finding = (rule_id: string, module: string | null, line: number): Finding => ({
  rule_id,
  title: 't',
  severity: 'high',
  context: null,
  message: `${rule_id} on ${module}`,
  target: 'etc/rsyncd.conf',
  module,
  path: '',
  location: { file: 'etc/rsyncd.conf', line, column: 1 },
});

function facts(inline: FactsDocument['config']['inline_waivers'] = [], headers: number[] = []): FactsDocument {
  return {
    target: { kind: 'file', id: 'etc/rsyncd.conf', display: 'etc/rsyncd.conf' },
    context: { daemon_user: 'root', rsync_version: '3.5.0', today: '2026-11-25' },
    config: { inline_waivers: inline, modules: headers.map((line) => ({ header: { file: 'etc/rsyncd.conf', line, column: 1 } })) },
  } as unknown as FactsDocument;
}

apply('waives a matching finding, keeps it as waived, and leaves the others', () => {
  const w = parseWaiverFile('waivers:\n  - rule: RSYNC-001\n    reason: mirror\n    expires: 2027-01-01\n    module: pub\n', 'w.yaml');
  if (!w.ok) throw w.error;
  const r = applyWaivers(facts(), [finding('RSYNC-001', 'pub', 3), finding('RSYNC-001', 'priv', 9)], w.value, { inline: true });
  assert.equal(
    r.findings.map((f) => f.module),
    ['priv'],
  );
  assert.equal(
    r.waived.map((x) => [x.finding.module, x.waiver.reason]),
    [['pub', 'mirror']],
  );
});

apply('an expired waiver stops working and is reported', () => {
  const w = parseWaiverFile('waivers:\n  - rule: RSYNC-001\n    reason: was fine\n    expires: 2026-11-24\n', 'w.yaml');
  if (!w.ok) throw w.error;
  const r = applyWaivers(facts(), [finding('RSYNC-001', 'pub', 3)], w.value, { inline: true });
  assert.is(r.findings.length, 1);
  assert.is(r.expired.length, 1);
});

apply('inline waivers apply to their line unless they are turned off', () => {
  const inline = [{ rule: 'RSYNC-002', reason: 'drop box', file: 'etc/rsyncd.conf', line: 4, target_line: 5 }];
  const f = [finding('RSYNC-002', 'up', 5), finding('RSYNC-002', 'other', 12)];
  assert.is(applyWaivers(facts(inline), f, [], { inline: true }).waived.length, 1);
  assert.is(applyWaivers(facts(inline), f, [], { inline: false }).waived.length, 0);
});

apply('a waiver comment above the first module waives a daemon-wide finding shown at the top of the file', () => {
  const top = { ...finding('RSYNC-050', null, 1), related: [{ module: 'a', location: { file: 'etc/rsyncd.conf', line: 4, column: 1 } }] };
  const above = [{ rule: 'RSYNC-050', reason: 'logs go to the sidecar', file: 'etc/rsyncd.conf', line: 2, target_line: 3 }];
  assert.is(applyWaivers(facts(above, [4]), [top], [], { inline: true }).waived.length, 1);
  // Inside a module, the comment is about that module's lines only.
  const inside = [{ rule: 'RSYNC-050', reason: 'x', file: 'etc/rsyncd.conf', line: 5, target_line: 6 }];
  assert.is(applyWaivers(facts(inside, [4]), [top], [], { inline: true }).waived.length, 0);
});

apply('module waivers naming every module of an inherited finding waive it; naming some does not', () => {
  const related = ['a', 'b'].map((module, i) => ({ module, location: { file: 'etc/rsyncd.conf', line: 3 + i, column: 1 } }));
  const grouped = { ...finding('RSYNC-011', null, 1), related };
  const waivers = (modules: string[]) => {
    const w = parseWaiverFile(`waivers:\n${modules.map((m) => `  - rule: RSYNC-011\n    reason: firewall\n    expires: 2027-01-01\n    module: ${m}\n`).join('')}`, 'w.yaml');
    if (!w.ok) throw w.error;
    return w.value;
  };
  assert.is(applyWaivers(facts(), [grouped], waivers(['a', 'b']), { inline: true }).waived.length, 1);
  assert.is(applyWaivers(facts(), [grouped], waivers(['a']), { inline: true }).waived.length, 0);
});

apply('host: and image: name the machine, as a host or image target id also carries the config path', () => {
  const w = parseWaiverFile('waivers:\n  - rule: RSYNC-001\n    reason: mirror host\n    expires: 2027-01-01\n    host: web*\n', 'w.yaml');
  if (!w.ok) throw w.error;
  const on = (id: string) => ({ ...facts(), target: { kind: 'host', id, display: id } }) as FactsDocument;
  assert.is(applyWaivers(on('web1:/etc/rsyncd.conf'), [finding('RSYNC-001', 'pub', 3)], w.value, { inline: true }).waived.length, 1);
  assert.is(applyWaivers(on('db1:/etc/rsyncd.conf'), [finding('RSYNC-001', 'pub', 3)], w.value, { inline: true }).waived.length, 0);
});

apply('a cve: waiver waives the findings about that CVE only; a finding naming several needs each', () => {
  const w = parseWaiverFile(
    'waivers:\n  - rule: RSYNC-071\n    reason: resolver files in the chroot\n    expires: 2027-01-01\n    cve: CVE-2026-43617\n  - rule: RSYNC-070\n    reason: patched kernel limits\n    expires: 2027-01-01\n    cve: CVE-2026-70464\n',
    'w.yaml',
  );
  if (!w.ok) throw w.error;
  const about = (rule: string, cves: string[]) => ({ ...finding(rule, null, 1), cves });
  const r = applyWaivers(facts(), [about('RSYNC-071', ['CVE-2026-43617']), about('RSYNC-071', ['CVE-2026-53791']), about('RSYNC-070', ['CVE-2026-70456', 'CVE-2026-70464'])], w.value, { inline: true });
  assert.equal(
    r.waived.map((x) => x.finding.cves),
    [['CVE-2026-43617']],
  );
  assert.is(r.findings.length, 2);
});

apply('a module-scoped cve: waiver covers a finding only when it names every module the CVE is reported for', () => {
  const related = [{ module: 'b', location: { file: 'etc/rsyncd.conf', line: 9, column: 1 } }];
  const f = { ...finding('RSYNC-071', 'a', 3), cves: ['CVE-2024-12084'], related };
  const waivers = (modules: string[]) => {
    const w = parseWaiverFile(`waivers:\n${modules.map((m) => `  - rule: RSYNC-071\n    reason: internal\n    expires: 2027-01-01\n    cve: CVE-2024-12084\n    module: ${m}\n`).join('')}`, 'w.yaml');
    if (!w.ok) throw w.error;
    return w.value;
  };
  assert.is(applyWaivers(facts(), [f], waivers(['a']), { inline: true }).waived.length, 0);
  assert.is(applyWaivers(facts(), [f], waivers(['a', 'b']), { inline: true }).waived.length, 1);
});

apply('a cve: must be one CVE id', () => {
  const bad = parseWaiverFile('waivers:\n  - rule: RSYNC-071\n    reason: x\n    expires: 2027-01-01\n    cve: 43617\n', 'w.yaml');
  assert.not.ok(bad.ok);
  if (!bad.ok) assert.match(bad.error.message, 'CVE-2026-43617');
});

apply.run();

const glob = suite('globMatch');

glob('matches * within a segment and ** across them', () => {
  assert.ok(globMatch('roles/*/templates/rsyncd.conf.j2', 'roles/mirror/templates/rsyncd.conf.j2'));
  assert.not.ok(globMatch('roles/*/rsyncd.conf', 'roles/a/b/rsyncd.conf'));
  assert.ok(globMatch('**/rsyncd.conf', 'rsyncd.conf'));
  assert.ok(globMatch('**/rsyncd.conf', 'a/b/rsyncd.conf'));
  assert.ok(globMatch('web-??', 'web-01'));
});

glob.run();
