/**
 * Verifying a fix parses and evaluates the whole configuration again: a config of many modules gets a
 * bounded number of verifications (VERIFY_BUDGET module-evaluations), and the candidates past it are
 * rejected as not verified — never proposed unverified, and the run's time stays linear in modules.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_RSYNC_VERSION, today } from '../src/common/index.ts';
import { fixRepository, parseVersion, policiesFor, verificationsFor } from '../src/runner/index.ts';

const budget = suite('fix verification budget');

budget('a 250-module config: at most the budget of verifications, the rest rejected as not verified', async () => {
  const modules = 250;
  const dir = mkdtempSync(join(tmpdir(), 'rg-fix-budget-'));
  let text = 'use chroot = no\n';
  for (let i = 0; i < modules; i++) text += `[m${i}]\npath = /srv/m${i}\nread only = no\nhosts allow = 10.${i >> 8}.${i & 255}.0/24\n`;
  writeFileSync(join(dir, 'rsyncd.conf'), text);
  const version = parseVersion(DEFAULT_RSYNC_VERSION);
  const policies = await policiesFor(undefined);
  if (!version.ok || !policies.ok) throw new Error('setup');
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const r = await fixRepository(['.'], { exclude: [], daemonUser: 'root', rsyncVersion: version.value, rsyncVersionGiven: false, today: today(), policies: policies.value, waiverFile: undefined, inlineWaivers: true });
    if (!r.ok) throw r.error;
    const allowed = verificationsFor(modules);
    // The narrowing probe is one more re-parse than the candidates' verifications.
    assert.ok(r.value.verifications <= allowed + 1, `${r.value.verifications} verifications for ${modules} modules`);
    const fixes = r.value.report.targets.flatMap((t) => (t.fixes ? [t.fixes] : []));
    const verified = fixes.flatMap((f) => f.verified);
    const unverified = fixes.flatMap((f) => f.rejected).filter((x) => x.reason.startsWith('not verified'));
    assert.ok(verified.length > 0 && verified.length <= allowed, `${verified.length} verified`);
    assert.ok(unverified.length >= modules, `${unverified.length} rejected as not verified`);
    assert.match(unverified[0]?.reason ?? '', `250 modules allow ${allowed} verifications`);
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
});

budget('the budget as documented: 200 verifications for 100 modules, 80 for 250, 50 for 400, never under 20', () => {
  assert.equal([100, 250, 400, 5000, 0].map(verificationsFor), [200, 80, 50, 20, 20_000]);
});

budget.run();
