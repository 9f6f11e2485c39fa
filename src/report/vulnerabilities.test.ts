import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../engine/index.ts';
import type { CveInfo } from './cve-catalog.ts';
import { vulnerabilitiesOf } from './vulnerabilities.ts';

const cve = (over: Partial<CveInfo> & Pick<CveInfo, 'id'>): CveInfo => ({
  fixed: '3.5.0',
  introduced: null,
  severity: 'high',
  score: 7.5,
  summary: 's',
  component: ['daemon'],
  applies: 'any-daemon',
  condition: null,
  rule: 'RSYNC-070',
  sources: ['https://example.org/adv'],
  ...over,
});
const CATALOG: CveInfo[] = [
  cve({ id: 'CVE-2024-12084', fixed: '3.4.0', severity: 'critical', score: 9.8, applies: 'condition', condition: 'a module the attacker can read', rule: 'RSYNC-071' }),
  cve({ id: 'CVE-2026-53791', severity: 'critical', score: 9.1, applies: 'condition', condition: 'proxy protocol = yes', rule: 'RSYNC-071' }),
  cve({ id: 'CVE-2026-29518', fixed: '3.4.3', applies: 'condition', condition: 'use chroot = no and a local user who can plant symlinks', rule: 'RSYNC-072' }),
  cve({ id: 'CVE-2026-43620', fixed: '3.4.3', severity: 'medium', applies: 'not-daemon', component: ['client'], rule: null }),
  cve({ id: 'CVE-2026-70464', applies: 'any-daemon' }),
  cve({ id: 'NO-CVE-3.4.2-PROXYv2', fixed: '3.4.2', applies: 'condition', condition: 'proxy protocol = yes', sources: ['https://github.com/RsyncProject/rsync/blob/v3.4.2/NEWS.md'], rule: 'RSYNC-071' }),
];

const finding = (over: Partial<Finding>): Finding => ({
  rule_id: 'RSYNC-071',
  title: 't',
  severity: 'critical',
  context: null,
  message: 'm',
  target: 'rsyncd.conf',
  module: null,
  path: 'config.global.proxy_protocol',
  location: { file: 'rsyncd.conf', line: 2, column: 1 },
  ...over,
});
const facts = (rsync: object) => ({ rsync });
const judged = (id: string, state: string, basis: string) => ({ id, state, basis });

const t = suite('vulnerabilitiesOf');

t('what a finding reports is reported; every other CVE judged is considered, with why', () => {
  const v = vulnerabilitiesOf(
    facts({
      version: '3.4.1',
      unknown: null,
      range: null,
      cves: [
        judged('CVE-2024-12084', 'fixed', 'upstream 3.4.1 is not older than 3.4.0'),
        judged('CVE-2026-53791', 'affected', 'upstream 3.4.1 is older than 3.5.0'),
        judged('CVE-2026-29518', 'affected', 'upstream 3.4.1 is older than 3.4.3'),
        judged('CVE-2026-43620', 'affected', 'upstream 3.4.1 is older than 3.4.3'),
        judged('CVE-2026-70464', 'affected', 'upstream 3.4.1 is older than 3.5.0'),
      ],
    }),
    { findings: [finding({ cves: ['CVE-2026-53791'] }), finding({ rule_id: 'RSYNC-070', severity: 'high', path: 'rsync.version', location: null, cves: ['CVE-2026-70464'] })], waived: [], declaredPublic: [] },
    CATALOG,
  );
  assert.equal(v, {
    version: '3.4.1',
    version_unknown: null,
    reported: [
      { id: 'CVE-2026-53791', rule_id: 'RSYNC-071', severity: 'critical', module: null, location: { file: 'rsyncd.conf', line: 2, column: 1 }, status: 'reported' },
      { id: 'CVE-2026-70464', rule_id: 'RSYNC-070', severity: 'high', module: null, location: null, status: 'reported' },
    ],
    considered: [
      { id: 'CVE-2024-12084', state: 'fixed', why: 'fixed in this version (upstream 3.4.1 is not older than 3.4.0)' },
      { id: 'CVE-2026-29518', state: 'affected', why: 'its condition does not hold: use chroot = no and a local user who can plant symlinks' },
      { id: 'CVE-2026-43620', state: 'affected', why: 'client side: not applicable to a daemon' },
    ],
  });
});

t('a version before the first affected release is not affected, not fixed', () => {
  const v = vulnerabilitiesOf(facts({ version: '3.2.3', unknown: null, range: null, cves: [judged('CVE-2024-12084', 'fixed', 'upstream 3.2.3 predates 3.2.7, the first affected release')] }), { findings: [], waived: [], declaredPublic: [] }, [
    cve({ id: 'CVE-2024-12084', fixed: '3.4.0', introduced: '3.2.7' }),
  ]);
  assert.equal(v?.considered[0]?.why, 'not affected: this version predates the flaw (upstream 3.2.3 predates 3.2.7, the first affected release)');
});

t('a waived or declared-public finding still names its CVE, as such', () => {
  const v = vulnerabilitiesOf(
    facts({ version: '3.4.1', unknown: null, range: null, cves: [judged('CVE-2026-53791', 'affected', 'b'), judged('CVE-2024-12084', 'affected', 'b')] }),
    { findings: [], waived: [finding({ cves: ['CVE-2026-53791'] })], declaredPublic: [finding({ module: 'pub', cves: ['CVE-2024-12084'] })] },
    CATALOG,
  );
  assert.equal(
    v?.reported.map((r) => [r.id, r.status, r.module]),
    [
      ['CVE-2026-53791', 'waived', null],
      ['CVE-2024-12084', 'declared public', 'pub'],
    ],
  );
  assert.equal(v?.considered, []);
});

t('no version: says why, and a protocol range bounds what is unknown', () => {
  const v = vulnerabilitiesOf(
    facts({ version: null, unknown: 'only a protocol greeting (31.0) was seen', range: { min: '3.1.0', max: '3.4.1' }, cves: [judged('CVE-2026-53791', 'unknown', 'protocol 31 spans 3.1.0–3.4.1')] }),
    { findings: [], waived: [], declaredPublic: [] },
    CATALOG,
  );
  assert.is(v?.version_unknown, 'version unknown: only a protocol greeting (31.0) was seen');
  assert.equal(v?.considered, [{ id: 'CVE-2026-53791', state: 'unknown', why: 'version unknown within range 3.1.0–3.4.1 (protocol 31 spans 3.1.0–3.4.1)' }]);
  assert.equal(vulnerabilitiesOf(facts({ version: null, unknown: null, range: null, cves: [] }), { findings: [], waived: [], declaredPublic: [] }, CATALOG)?.version_unknown, 'version unknown: the target shows no rsync version');
});

t('an affected any-daemon CVE with no finding, and one the data does not know, say so', () => {
  const v = vulnerabilitiesOf(facts({ version: '3.4.1', unknown: null, range: null, cves: [judged('CVE-2026-70464', 'affected', 'b'), judged('CVE-2030-0001', 'affected', 'b')] }), { findings: [], waived: [], declaredPublic: [] }, CATALOG);
  assert.equal(
    v?.considered.map((c) => c.why),
    ['affected, but not reported: RSYNC-070 found no daemon to report it on (b)', "affected, but not in this build's vulnerability data (b)"],
  );
});

t('facts without an rsync block (an older document): nothing to say', () => {
  assert.is(vulnerabilitiesOf({}, { findings: [], waived: [], declaredPublic: [] }, CATALOG), undefined);
  // Malformed judgements are skipped, not trusted.
  assert.equal(
    vulnerabilitiesOf(facts({ version: '3.4.1', cves: [{ id: 'CVE-2026-70464', state: 'maybe' }, 'x', { id: '](https://evil.example)', state: 'fixed', basis: '' }] }), { findings: [], waived: [], declaredPublic: [] }, CATALOG)?.considered,
    [],
  );
});

t.run();
