import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo } from '../engine/index.ts';
import type { Report } from './model.ts';
import { LIMITS, textKey, toSarif } from './sarif.ts';

const rule: RuleInfo = { id: 'RSYNC-001', title: 'Module without authentication', description: 'd', severity: 'medium', security_severity: '5.3', cwe: 'CWE-306', tags: ['access'], help: 'h', help_uri: null, package: 'p' };

function report(findings: number): Report {
  const f = (i: number): Finding => ({ rule_id: 'RSYNC-001', title: 't', severity: i % 2 ? 'high' : 'low', context: null, message: `m${i}`, target: 'rsyncd.conf', module: 'm', path: '', location: { file: 'rsyncd.conf', line: 1, column: 1 } });
  return {
    tool: { name: 'rsyncguard', version: '0.1.0' },
    rules: [rule],
    targets: [{ target: 'rsyncd.conf', kind: 'file', findings: Array.from({ length: findings }, (_, i) => f(i)), waived: [], notes: [], facts: {} }],
    errors: [],
    expired_waivers: [],
  };
}

const sarif = suite('toSarif');

sarif("keeps to GitHub's result limit, most severe first, and says so", () => {
  const warnings: string[] = [];
  const log = JSON.parse(toSarif(report(LIMITS.results + 10), { category: 'rsyncguard/', suppressions: false, texts: new Map(), warn: (m) => warnings.push(m) })) as { runs: { results: { level: string }[] }[] };
  assert.is(log.runs[0]?.results.length, LIMITS.results);
  assert.ok(
    log.runs[0]?.results.slice(0, 100).every((r) => r.level === 'error'),
    'high findings come first',
  );
  assert.match(warnings.join(' '), '25000');
});

sarif('names the rule in PascalCase and tags its CWE the way CodeQL does', () => {
  const log = JSON.parse(toSarif(report(1), { category: 'x/', suppressions: false, texts: new Map(), warn: () => {} })) as { runs: { tool: { driver: { rules: { name: string; properties: { tags: string[] } }[] } } }[] };
  const r = log.runs[0]?.tool.driver.rules[0];
  assert.is(r?.name, 'ModuleWithoutAuthentication');
  assert.equal(r?.properties.tags, ['security', 'access', 'external/cwe/cwe-306']);
});

sarif("takes each host's regions and fingerprints from its own copy of a shared path", () => {
  const finding = (target: string): Finding => ({ rule_id: 'RSYNC-001', title: 't', severity: 'high', context: null, message: 'm', target, module: 'm', path: '', location: { file: 'etc/rsyncd.conf', line: 1, column: 1 } });
  const target = (id: string) => ({ target: id, kind: 'host' as const, findings: [finding(id)], waived: [], notes: [], facts: {} });
  const r: Report = { tool: { name: 'rsyncguard', version: '0.1.0' }, rules: [rule], targets: [target('web1'), target('web2')], errors: [], expired_waivers: [] };
  const texts = new Map([
    [textKey('web1', 'etc/rsyncd.conf'), '[short]\n'],
    [textKey('web2', 'etc/rsyncd.conf'), '[a-much-longer-module-name]\n'],
  ]);
  const log = JSON.parse(toSarif(r, { category: 'x/', suppressions: false, texts, warn: () => {} })) as { runs: { results: { locations: { physicalLocation: { region: { endColumn: number } } }[]; partialFingerprints: Record<string, string> }[] }[] };
  const [a, b] = log.runs[0]?.results ?? [];
  assert.is(a?.locations[0]?.physicalLocation.region.endColumn, 8);
  assert.is(b?.locations[0]?.physicalLocation.region.endColumn, 28);
  assert.is.not(a?.partialFingerprints['primaryLocationLineHash'], b?.partialFingerprints['primaryLocationLineHash']);
});

sarif('a finding raised above its rule points at a descriptor with the raised severity; fingerprints stay', () => {
  const base = report(2);
  const raised = report(2);
  const findings = raised.targets[0]?.findings ?? [];
  findings[0] = { ...(findings[0] as Finding), severity: 'critical', context: 'any host can read it' };
  const opts = { category: 'x/', suppressions: false, texts: new Map([['rsyncd.conf', '[m]\n']]), warn: () => {} };
  type Log = {
    runs: {
      tool: { driver: { rules: { id: string; help: { text: string }; defaultConfiguration: { level: string }; properties: Record<string, unknown> }[] } };
      results: { ruleId: string; ruleIndex: number; partialFingerprints: Record<string, string> }[];
    }[];
  };
  const a = JSON.parse(toSarif(base, opts)) as Log;
  const b = JSON.parse(toSarif(raised, opts)) as Log;
  const rules = b.runs[0]?.tool.driver.rules ?? [];
  assert.equal(
    rules.map((r) => [r.id, r.properties['security-severity'], r.defaultConfiguration.level]),
    [
      ['RSYNC-001', '5.3', 'warning'],
      ['RSYNC-001/critical', '9.5', 'error'],
      ['RSYNC-001/high', '8.0', 'error'],
    ],
  );
  assert.match(rules[1]?.help.text ?? '', "Reported as critical (the rule's base severity is medium) when: any host can read it.");
  const res = b.runs[0]?.results ?? [];
  assert.equal(
    res.map((r) => [r.ruleId, rules[r.ruleIndex]?.id]),
    [
      ['RSYNC-001/critical', 'RSYNC-001/critical'],
      ['RSYNC-001/high', 'RSYNC-001/high'],
    ],
  );
  assert.equal(
    res.map((r) => r.partialFingerprints),
    a.runs[0]?.results.map((r) => r.partialFingerprints),
  );
});

sarif.run();
