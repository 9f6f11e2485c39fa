/**
 * `effective.writable` (what RSYNC-015 reads, and what decides whether a public declaration silences
 * anything) against a real rsync 3.5.0 daemon: an `auth users` rule with `:rw` lets its user upload to a
 * `read only = yes` module; the same rule behind an earlier rule that matches the user grants nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { moduleDir, scratchDir, startDaemon } from './support/rsync-daemon.ts';

interface WritableFacts {
  config: { modules: { name: string; effective: { writable: { value: boolean } } }[] };
}

/** Upload one file as `user` with the right password: exit 0, or the daemon's error line. */
function upload(port: number, module: string, file: string, user: string): Promise<string> {
  return new Promise((done) => {
    const child = spawn('rsync', ['--no-motd', file, `rsync://${user}@127.0.0.1:${port}/${module}/`], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, RSYNC_PASSWORD: 'mirror-admin-pw' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done(code === 0 ? 'ok' : (/ERROR: [^\n]*/.exec(stderr)?.[0] ?? `exit ${code}`));
    });
  });
}

const test = suite('effective.writable against the real daemon');

test('":rw" overrides "read only = yes" for its user; behind a matching ":ro" rule it grants nothing', async () => {
  const base = scratchDir('rg-writable-');
  const secrets = join(base, 'rsyncd.secrets');
  writeFileSync(secrets, 'admin:mirror-admin-pw\n');
  chmodSync(secrets, 0o600);
  const module = (name: string, users: string) => [`# rsyncguard: public ${name} mirror`, `[${name}]`, `    path = ${moduleDir(base, name)}`, '    read only = yes', `    auth users = ${users}`, `    secrets file = ${secrets}`].join('\n');
  const conf = join(base, 'rsyncd.conf');
  writeFileSync(conf, ['use chroot = no', 'uid = root', 'gid = root', module('granted', 'admin:rw'), module('shadowed', '*:ro, admin:rw'), ''].join('\n'));
  const file = join(base, 'payload.txt');
  writeFileSync(file, 'x\n');
  const facts = spawnSync(process.execPath, ['dist/cli.js', 'facts', conf], { encoding: 'utf8' });
  assert.is(facts.status, 0, facts.stderr);
  const writable = Object.fromEntries((JSON.parse(facts.stdout) as WritableFacts).config.modules.map((m) => [m.name, m.effective.writable.value]));
  assert.equal(writable, { granted: true, shadowed: false });
  const daemon = await startDaemon(conf, join(base, 'rsyncd.log'));
  try {
    assert.is(await upload(daemon.port, 'granted', file, 'admin'), 'ok');
    assert.match(await upload(daemon.port, 'shadowed', file, 'admin'), 'module is read only');
  } finally {
    daemon.stop();
  }
  // What rsyncguard makes of it: the writable public module is RSYNC-015, the read-only one is not.
  const scan = spawnSync(process.execPath, ['dist/cli.js', 'scan', conf, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
  const findings = (JSON.parse(scan.stdout) as { targets: { findings: { rule_id: string; module: string | null }[] }[] }).targets[0]?.findings ?? [];
  assert.equal(
    findings.filter((f) => f.rule_id === 'RSYNC-015').map((f) => f.module),
    ['granted'],
  );
});

test('a ":rw" rule no user name can match, and ":deny" on its own, let no one upload (the comma trap)', async () => {
  const base = scratchDir('rg-writable-trap-');
  const secrets = join(base, 'rsyncd.secrets');
  writeFileSync(secrets, 'admin:mirror-admin-pw\n');
  chmodSync(secrets, 0o600);
  // ", admin :rw" splits on commas only and trims each token: the pattern is "admin " (§3.4 whitespace traps).
  const module = (name: string, lines: string[]) => [`# rsyncguard: public ${name} mirror`, `[${name}]`, `    path = ${moduleDir(base, name)}`, ...lines.map((l) => `    ${l}`), `    secrets file = ${secrets}`].join('\n');
  const conf = join(base, 'rsyncd.conf');
  writeFileSync(conf, ['use chroot = no', 'uid = root', 'gid = root', module('trap', ['read only = yes', 'auth users = , admin :rw']), module('denied', ['read only = no', 'auth users = admin:deny']), ''].join('\n'));
  const file = join(base, 'payload.txt');
  writeFileSync(file, 'x\n');
  const facts = spawnSync(process.execPath, ['dist/cli.js', 'facts', conf], { encoding: 'utf8' });
  assert.is(facts.status, 0, facts.stderr);
  const writable = Object.fromEntries((JSON.parse(facts.stdout) as WritableFacts).config.modules.map((m) => [m.name, m.effective.writable.value]));
  assert.equal(writable, { trap: false, denied: false });
  const daemon = await startDaemon(conf, join(base, 'rsyncd.log'));
  try {
    assert.match(await upload(daemon.port, 'trap', file, 'admin'), 'auth failed on module trap');
    assert.match(await upload(daemon.port, 'denied', file, 'admin'), 'auth failed on module denied');
  } finally {
    daemon.stop();
  }
  const scan = spawnSync(process.execPath, ['dist/cli.js', 'scan', conf, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
  const findings = (JSON.parse(scan.stdout) as { targets: { findings: { rule_id: string }[] }[] }).targets[0]?.findings ?? [];
  assert.not.ok(
    findings.some((f) => f.rule_id === 'RSYNC-015'),
    'RSYNC-015 for a module no one can upload to',
  );
});

test.run();
