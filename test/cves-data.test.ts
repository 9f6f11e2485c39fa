/**
 * The reviewed CVE table (policies/rsyncguard/cves/data.yaml, as src/common/cves.ts reads it): every entry
 * has a source URL, a rule or a client-side mark, a severity that is its score's CVSS v3.1 band, and only
 * predicates the policy implements; nothing unverified is reported.
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cveEntries, cveEntry, cvesLeftOut } from '../src/common/index.ts';

const table = suite('the CVE table');
const entries = cveEntries();
const band = (s: number): string => (s >= 9 ? 'critical' : s >= 7 ? 'high' : s >= 4 ? 'medium' : 'low');

table('covers the 2024 batch, 3.4.2, 3.4.3 and the 33 CVEs of 3.5.0', () => {
  const byFix = (v: string) => entries.filter((e) => e.fixed === v && e.id.startsWith('CVE-')).length;
  assert.equal([byFix('3.4.0'), byFix('3.4.3'), byFix('3.5.0')], [6, 6, 33]);
  for (const id of ['CVE-2025-10158', 'CVE-2026-41035', 'NO-CVE-3.4.2-PROXYv2']) assert.ok(cveEntry(id), id);
});

table('every id has a source URL, and a rule or a client-side mark', () => {
  for (const e of entries) {
    assert.ok(
      e.sources.some((s) => /^https:\/\//.test(s)),
      `${e.id} has no https source`,
    );
    if (e.applies === 'not-daemon') assert.is(e.rule, null, e.id);
    else assert.match(String(e.rule), /^RSYNC-07[012]$/, e.id);
    if (e.applies === 'any-daemon') assert.is(e.rule, 'RSYNC-070', e.id);
  }
  const { unverified, not_covered } = cvesLeftOut();
  for (const e of [...unverified, ...not_covered]) assert.ok(e.why && e.sources.some((s) => /^https:\/\//.test(s)), e.id);
});

table('severity is the CVSS v3.1 band of the score', () => {
  for (const e of entries) {
    if (e.score === null) assert.ok(e.id.startsWith('NO-CVE-'), `${e.id} has no score`);
    else assert.is(e.severity, band(e.score), e.id);
  }
  // The examples.
  assert.equal(
    ['CVE-2026-53791', 'CVE-2026-29518', 'CVE-2024-12084'].map((id) => cveEntry(id)?.severity),
    ['critical', 'high', 'critical'],
  );
});

table('the unverified Debian-only id is reported by no rule', () => {
  assert.is(cveEntry('CVE-2026-119741'), undefined);
  assert.ok(cvesLeftOut().unverified.some((e) => e.id === 'CVE-2026-119741'));
});

table('every predicate a condition names is implemented in the policy', () => {
  const rego = readFileSync('policies/rsyncguard/rules/versions/conditions.rego', 'utf8');
  const implemented = new Set([...rego.matchAll(/^_w\("([a-z_]+)"/gm)].map((m) => m[1]));
  for (const e of entries) {
    for (const p of e.all_of) {
      const name = p.startsWith('refuse_lacks(') ? 'refuse_lacks' : p;
      assert.ok(name === 'refuse_lacks' || implemented.has(name), `${e.id}: ${p} is not implemented`);
    }
  }
});

table('rules 071 and 072 split on whether a local user is needed', () => {
  for (const e of entries.filter((x) => x.applies === 'condition')) {
    const local = e.all_of.some((p) => p === 'local_user_can_plant_symlinks' || /^daemon_(input|output)_file_in_untrusted_dir$/.test(p));
    assert.is(e.rule, local ? 'RSYNC-072' : 'RSYNC-071', e.id);
  }
});

table.run();
