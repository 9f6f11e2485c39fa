/** The bundled CLI as users run it: exit codes, error messages, and that secrets never leave. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

/** `access` resolves host names; tests do it offline so no DNS query leaves the machine. */
const OFFLINE = ['--hosts-map', 'test/fixtures/hosts'];

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const argv = args[0] === 'access' && args.includes('--client') ? [...args, ...OFFLINE] : args;
  const r = spawnSync(process.execPath, ['dist/cli.js', ...argv], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const basics = suite('rsyncguard command line');

basics('prints help with every command and exits 0', () => {
  const r = cli('--help');
  assert.is(r.code, 0);
  for (const c of ['scan', 'facts', 'eval', 'access', 'rules']) assert.match(r.stdout, c);
});

basics('prints its version', () => {
  assert.match(cli('--version').stdout, /^rsyncguard \d+\.\d+\.\d+/);
});

basics('rejects an unknown command with exit 2 and names it', () => {
  const r = cli('frobnicate');
  assert.is(r.code, 2);
  assert.match(r.stderr, 'unknown command "frobnicate"');
});

basics('rejects an unknown option with exit 2', () => {
  const r = cli('facts', 'examples/hardened/rsyncd.conf', '--nope');
  assert.is(r.code, 2);
  assert.match(r.stderr, '--nope');
});

basics('names a missing file and says what to do (exit 2)', () => {
  const r = cli('facts', 'no/such/rsyncd.conf');
  assert.is(r.code, 2);
  assert.match(r.stderr, 'no/such/rsyncd.conf');
  assert.match(r.stderr, 'hint:');
});

basics("facts given an image says where an image's facts are (exit 2)", () => {
  const r = cli('facts', 'oci:no-such-layout:tag');
  assert.is(r.code, 2);
  assert.match(r.stderr, 'names an image');
  assert.match(r.stderr, 'rsyncguard image oci:no-such-layout:tag --format json');
});

basics('requires a valid --client for access', () => {
  assert.is(cli('access', 'examples/hardened/rsyncd.conf').code, 2);
  const r = cli('access', 'examples/hardened/rsyncd.conf', '--client', 'not-an-ip');
  assert.is(r.code, 2);
  assert.match(r.stderr, 'not-an-ip');
});

basics('access says why the daemon would not start (said once), and what a byte-order mark hides from rsync', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-access-notes-'));
  writeFileSync(join(dir, 'inc.conf'), '&include /etc/rsyncd.d/missing.conf\n[m]\npath = /srv\n');
  const r = cli('access', join(dir, 'inc.conf'), '--client', '10.1.2.3');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, 'the daemon refuses to start with this configuration');
  assert.match(r.stdout, /inc\.conf:1:1: .*unable to stat config file "\/etc\/rsyncd\.d\/missing\.conf"/);
  // An address getaddrinfo never resolves: rsync exits before it listens, as the facts document says.
  writeFileSync(join(dir, 'addr.conf'), 'address = 127.0.0.1 # loopback only\n[m]\npath = /srv\n');
  const a = cli('access', join(dir, 'addr.conf'), '--client', '10.1.2.3');
  assert.match(a.stdout, 'the daemon refuses to start with this configuration');
  assert.match(a.stdout, 'can never be resolved');
  assert.match(a.stdout, /\[m\] not listed; no read \(connection-failed\)/);
  assert.match(a.stdout, 'The daemon does not start, so nothing is served.');
  assert.not.match(r.stdout, 'rsync --daemon refuses to start: unable to stat', 'the cause is said once');
  writeFileSync(join(dir, 'bom.conf'), '\ufeff[data]\npath = /srv\nread only = no\n');
  const b = cli('access', join(dir, 'bom.conf'), '--client', '10.1.2.3');
  assert.match(b.stdout, 'note: ');
  assert.match(b.stdout, 'the [module] it names is lost');
  assert.match(b.stdout, 'no modules: the daemon serves nothing');
  const j = JSON.parse(cli('access', join(dir, 'bom.conf'), '--client', '10.1.2.3', '--format', 'json').stdout) as { notes: { code: string }[] };
  assert.equal(
    j.notes.map((n) => n.code),
    ['utf8-bom'],
  );
});

basics('rejects a --format it does not have instead of falling back', () => {
  const r = cli('access', 'examples/hardened/rsyncd.conf', '--client', '127.0.0.1', '--format', 'yaml');
  assert.is(r.code, 2);
  assert.match(r.stderr, 'json, text');
});

basics('colours text only when asked or on a terminal, and never with NO_COLOR', () => {
  const run = (env: Record<string, string>) => spawnSync(process.execPath, ['dist/cli.js', 'scan', 'examples/public-mirror'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env } }).stdout;
  assert.not.match(run({}), '\u001b[', 'piped output has no colour');
  assert.match(run({ FORCE_COLOR: '1' }), '\u001b[');
  assert.not.match(run({ FORCE_COLOR: '1', NO_COLOR: '1' }), '\u001b[');
});

basics('writes a Markdown summary fit for a pull request', () => {
  const r = spawnSync(process.execPath, ['dist/cli.js', 'scan', 'examples/public-mirror', '--format', 'markdown'], { encoding: 'utf8' });
  assert.match(r.stdout, /^## rsyncguard/);
  assert.match(r.stdout, '| severity | rule | where | finding |');
  assert.match(r.stdout, '`examples/public-mirror/rsyncd.conf:17`');
});

const examples = suite('the bundled examples');

examples('public mirror: the inline comment keeps "debian" read-only, and "incoming" is world-writable', () => {
  const r = cli('access', 'examples/public-mirror/rsyncd.conf', '--client', '203.0.113.7', '--format', 'json');
  assert.is(r.code, 0);
  const report = JSON.parse(r.stdout) as { modules: { name: string; anonymous_write: boolean; read: string; write: string; listed: boolean }[] };
  const by = new Map(report.modules.map((m) => [m.name, m]));
  assert.is(by.get('debian')?.write, 'read-only');
  assert.is(by.get('debian')?.read, 'ok');
  // "10.0.0.0/8 # admin only": the comment's words are extra host names, not a restriction that holds.
  assert.is(by.get('incoming')?.read, 'access-denied');
  assert.is(by.get('private')?.listed, true, 'list = no # hidden is a badly formed boolean: still listed');
  assert.is(by.get('private')?.read, 'auth-failed');
});

examples('backup target: a later [global] "hosts deny = *" reaches the modules above it', () => {
  const r = cli('access', 'examples/backup-target/rsyncd.conf', '--client', '192.168.10.5', '--format', 'json');
  const report = JSON.parse(r.stdout) as { modules: { name: string; host_allowed: boolean }[] };
  const by = new Map(report.modules.map((m) => [m.name, m]));
  assert.is(by.get('hosts')?.host_allowed, true, 'in hosts allow');
  assert.is(by.get('db')?.host_allowed, false, 'db has no hosts allow, and the final global deny = * applies');
});

const secrets = suite('secrets never leave');

secrets('no password from a secrets file appears in facts, access output or errors', () => {
  const passwords = ['backup', 'password', 'S3cure-but-reused', 'second-line-is-dead', 'never-matches'];
  const outputs = [
    cli('facts', 'examples/backup-target/rsyncd.conf'),
    cli('access', 'examples/backup-target/rsyncd.conf', '--client', '192.168.10.5', '--user', 'joe'),
    cli('access', 'examples/backup-target/rsyncd.conf', '--client', '192.168.10.5', '--user', 'guest', '--format', 'json'),
  ];
  const facts = JSON.parse(outputs[0]?.stdout ?? '{}') as { secrets: { entries: unknown[] }[] };
  assert.ok((facts.secrets[0]?.entries.length ?? 0) >= 5, 'the secrets file was read (else this test proves nothing)');
  // "backup" is also a user name and a module path word; check values only where a password could hide.
  for (const out of outputs) {
    const text = out.stdout + out.stderr;
    for (const p of passwords.filter((p) => p !== 'backup' && p !== 'password')) assert.not.match(text, p);
  }
});

secrets('a diagnostic about a malformed secrets line shows no part of it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-secrets-'));
  writeFileSync(join(dir, 'rsyncd.conf'), '[m]\npath = /srv\nauth users = joe\nsecrets file = s.secrets\n');
  writeFileSync(join(dir, 's.secrets'), 'joe:Tr0ub4dor&3xyz\nno-colon-line-Zebra9\n joe2:Quux-Secret-77\n', { mode: 0o600 });
  const r = cli('facts', join(dir, 'rsyncd.conf'));
  assert.is(r.code, 0);
  for (const leaked of ['Tr0ub4dor', 'Zebra9', 'no-colon-line', 'Quux-Secret']) assert.not.match(r.stdout + r.stderr, leaked);
});

basics.run();
examples.run();
secrets.run();
