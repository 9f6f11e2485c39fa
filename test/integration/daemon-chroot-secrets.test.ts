/**
 * `daemon chroot` and the secrets file, against a real rsync 3.5.0 daemon: the daemon chroots per
 * connection before it authenticates, so it opens `secrets file` inside the jail. A host whose own
 * /etc holds no such file (what the collector reports) still lets the login through; rsyncguard must
 * not say "every login fails" (RSYNC-020), and keeps RSYNC-025 for the login that works.
 * Reference: shared/reference/rsyncd.md §3.1 step 3, §6.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hostRawDoc } from '../support/host-doc.ts';
import { loginAs, moduleDir, scratchDir, startDaemon } from './support/rsync-daemon.ts';

const ROOT = process.getuid?.() === 0;
const SECRETS = '/etc/rsyncguard-jail-only.secrets';

const test = suite('daemon chroot: the secrets file inside the jail');

test('the login works with only the jail copy, and rsyncguard does not call it impossible', async () => {
  if (!ROOT) {
    console.log('  skipped: daemon chroot needs a root daemon');
    return;
  }
  const base = scratchDir('rg-jail-');
  const jail = join(base, 'jail');
  mkdirSync(join(jail, 'etc'), { recursive: true });
  moduleDir(jail, 'srv');
  writeFileSync(join(jail, SECRETS), 'joe:jail-pw-12345\n');
  chmodSync(join(jail, SECRETS), 0o600);
  // Numeric ids: the jail has no passwd for names.
  const text = `daemon chroot = ${jail}\nuse chroot = no\nuid = 0\ngid = 0\n[m]\npath = /srv\nauth users = joe\nsecrets file = ${SECRETS}\n`;
  const conf = join(base, 'rsyncd.conf');
  writeFileSync(conf, text);
  const daemon = await startDaemon(conf, join(base, 'rsyncd.log'));
  try {
    assert.is(daemon.exited, null, 'the daemon refused the configuration');
    assert.is(await loginAs(daemon.port, 'm', 'joe', 'jail-pw-12345'), 'ok', 'the real daemon authenticates against the jail copy');
  } finally {
    daemon.stop();
  }
  // What the collector reports for that host: the path looked up outside the jail, where it does not exist.
  const doc = hostRawDoc('jailed', text, { secrets: [{ path: SECRETS, exists: false }] });
  const file = join(base, 'host.json');
  writeFileSync(file, JSON.stringify(doc));
  const r = spawnSync(process.execPath, ['dist/cli.js', 'eval', file, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  const ids = (JSON.parse(r.stdout) as { targets: { findings: { rule_id: string }[] }[] }).targets.flatMap((t) => t.findings.map((f) => f.rule_id));
  assert.not.ok(ids.includes('RSYNC-020'), 'RSYNC-020 says every login fails');
  assert.ok(ids.includes('RSYNC-025'), 'RSYNC-025 for the login that works');
});

test.run();
