import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compareFindings, type Finding, type RuleInfo, toFinding, VULNERABILITY_ID } from './finding.ts';

const rule: RuleInfo = { id: 'RSYNC-071', title: 'A CVE this configuration reaches', description: 'd', severity: 'high', security_severity: '8.1', cwe: 'CWE-1395', tags: [], help: 'h', help_uri: null, package: 'p' };
const rules = new Map([[rule.id, rule]]);
const raw = (over: Record<string, unknown>) => ({ rule_id: 'RSYNC-071', severity: null, context: null, message: 'm', module: null, path: 'config.global.proxy_protocol', location: { file: 'rsyncd.conf', line: 3, column: 1 }, ...over });

const t = suite('toFinding: cves');

t('a finding carries its CVE ids, sorted and once each', () => {
  const f = toFinding(raw({ cves: ['CVE-2026-70452', 'CVE-2026-53791', 'CVE-2026-70452'] }), 'rsyncd.conf', rules);
  assert.ok(typeof f !== 'string');
  if (typeof f !== 'string') assert.equal(f.cves, ['CVE-2026-53791', 'CVE-2026-70452']);
});

t('no cves, null or an empty list: the field is absent', () => {
  for (const cves of [undefined, null, []]) {
    const f = toFinding(raw({ cves }), 'rsyncd.conf', rules);
    assert.ok(typeof f !== 'string' && !('cves' in f), JSON.stringify(cves));
  }
});

t('anything but a list of vulnerability ids is refused, naming the bad one', () => {
  assert.is(toFinding(raw({ cves: 'CVE-2024-12084' }), 'x', rules), 'RSYNC-071: cves must be a list of CVE ids');
  assert.is(toFinding(raw({ cves: ['CVE-24-1'] }), 'x', rules), 'RSYNC-071: cves: "CVE-24-1" is not a CVE id (CVE-YYYY-NNNN)');
  assert.match(String(toFinding(raw({ cves: [7] }), 'x', rules)), 'is not a CVE id');
});

t("the id forms: CVE-YYYY-NNNN… and the data file's NO-CVE-<release>-<what>", () => {
  for (const ok of ['CVE-2024-12084', 'CVE-2026-1234', 'CVE-2026-1234567', 'NO-CVE-3.4.2-PROXYv2']) assert.ok(VULNERABILITY_ID.test(ok), ok);
  for (const bad of ['cve-2024-12084', 'CVE-2024-123', 'CVE-2024-12084 ', 'NO-CVE-', 'NO-CVE-x-y', 'GHSA-p5pg-x43v-mvqj']) assert.not.ok(VULNERABILITY_ID.test(bad), bad);
});

t('two findings that differ only in their CVE have a fixed order', () => {
  const base = toFinding(raw({}), 'x', rules);
  if (typeof base === 'string') throw new Error(base);
  const a: Finding = { ...base, cves: ['CVE-2026-53791'] };
  const b: Finding = { ...base, cves: ['CVE-2026-70452'] };
  assert.equal([b, a].sort(compareFindings), [a, b]);
});

t.run();
