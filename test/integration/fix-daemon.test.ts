/**
 * `rsyncguard fix --write` against a real rsync daemon (issue 16, "each fix against the real rsync daemon"):
 * for every fix that changes access or the daemon's identity, the anonymous client (or the host in neither
 * host list, or the process serving a connection) is shown to get what the finding says before the fix, the
 * fix is written by the command line, the daemon is restarted, and the same client is refused; the user who
 * logs in (auth users + a secrets file of mode 600) still reads and writes what they could. A second
 * `--write` changes nothing, and an independent `scan` no longer reports what was fixed.
 */
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { listing, type RealDaemon, servingIdentity, startRealDaemon, transfer } from '../support/fix-daemon.ts';
import { cli, type ScannedFinding, scan } from '../support/fix-run.ts';
import { moduleDir, scratchDir } from './support/rsync-daemon.ts';

const ROOT = process.getuid?.() === 0;
const PASSWORD = 'fix-admin-pw-4711';

interface Bed {
  base: string;
  /** The repository `fix` runs on: only the config lives here. */
  repo: string;
  conf: string;
  secrets: string;
  payload: string;
  dir(name: string): string;
}

/** A scratch bed: module folders under `srv/`, the secrets file (mode 600) beside them, the config in `repo/`. */
function bed(prefix: string): Bed {
  const base = scratchDir(prefix);
  const repo = join(base, 'repo');
  mkdirSync(repo);
  mkdirSync(join(base, 'srv'), { mode: 0o755 });
  const secrets = join(base, 'rsyncd.secrets');
  writeFileSync(secrets, `admin:${PASSWORD}\n`);
  chmodSync(secrets, 0o600);
  const payload = join(base, 'payload.txt');
  writeFileSync(payload, 'payload\n');
  return { base, repo, conf: join(repo, 'rsyncd.conf'), secrets, payload, dir: (name) => moduleDir(join(base, 'srv'), name) };
}

async function withDaemon<T>(b: Bed, fn: (d: RealDaemon) => Promise<T>): Promise<T> {
  const d = await startRealDaemon(b.conf, join(b.base, 'daemon.log'));
  try {
    return await fn(d);
  } finally {
    await d.stop();
  }
}

/**
 * `fix . --write --rules RULES` in the repository: it must say it fixed something (exit 1) and change the
 * config; a second run must find nothing more to do (exit 0) and leave the bytes alone; an independent scan
 * must no longer report the rules. Returns the config's text after the fix.
 */
function fixWrite(b: Bed, rules: string[], opts: { extra?: string[]; mustGo?: (f: ScannedFinding) => boolean } = {}): string {
  const extra = opts.extra ?? [];
  const targeted = (f: ScannedFinding) => rules.includes(f.rule_id) && (opts.mustGo?.(f) ?? true);
  const before = readFileSync(b.conf, 'utf8');
  const findingsBefore = scan(b.repo, ['.'], extra).findings.filter(targeted);
  assert.ok(findingsBefore.length > 0, `the bed raises none of ${rules.join(', ')}: the test would prove nothing`);
  const run = cli(b.repo, ['fix', '.', '--write', '--rules', rules.join(','), ...extra]);
  assert.is(run.status, 1, `fix --write exit status (1 = fixes applied)\n${run.stdout}\n${run.stderr}`);
  const after = readFileSync(b.conf, 'utf8');
  assert.is.not(after, before, `fix --write did not change ${b.conf}\n${run.stdout}`);
  const again = cli(b.repo, ['fix', '.', '--write', '--rules', rules.join(','), ...extra]);
  assert.is(again.status, 0, `a second fix --write still finds something to fix\n${again.stdout}\n${again.stderr}`);
  assert.is(readFileSync(b.conf, 'utf8'), after, 'a second fix --write changed the config again');
  const left = scan(b.repo, ['.'], extra).findings.filter(targeted);
  assert.equal(
    left.map((f) => `${f.rule_id} [${f.module}] ${f.path}`),
    [],
    `still reported after the fix:\n${after}`,
  );
  return after;
}

const test = suite('fix --write against a real rsync daemon');

test('RSYNC-002/015: anonymous uploads refused after `read only = yes`; reads and the login user unchanged', async () => {
  if (!ROOT) return console.log('  skipped: the daemon tests run as root');
  const b = bed('rg-fix-ro-');
  writeFileSync(
    b.conf,
    [
      'uid = nobody',
      'gid = nogroup',
      'use chroot = yes',
      '',
      '# rsyncguard: public pubdrop mirror that also takes uploads',
      '[pubdrop]',
      `    path = ${b.dir('pubdrop')}`,
      '    read only = no',
      '',
      '[incoming]',
      `    path = ${b.dir('incoming')}`,
      '    read only = no',
      '',
      '[private]',
      `    path = ${b.dir('private')}`,
      '    read only = no',
      '    auth users = admin',
      `    secrets file = ${b.secrets}`,
      '',
    ].join('\n'),
  );
  const anonWrite = (d: RealDaemon, module: string) => transfer({ port: d.port, module, upload: b.payload });
  const anonRead = (d: RealDaemon, module: string) => transfer({ port: d.port, module });
  const admin = (d: RealDaemon, upload: boolean) => transfer({ port: d.port, module: 'private', user: 'admin', password: PASSWORD, ...(upload ? { upload: b.payload } : {}) });
  await withDaemon(b, async (d) => {
    assert.is(await anonWrite(d, 'pubdrop'), 'ok', 'before: anonymous upload to [pubdrop]');
    assert.is(await anonWrite(d, 'incoming'), 'ok', 'before: anonymous upload to [incoming]');
    assert.is(await anonRead(d, 'incoming'), 'ok');
    assert.is(await anonWrite(d, 'private'), 'auth-failed');
    assert.is(await admin(d, true), 'ok');
  });
  const text = fixWrite(b, ['RSYNC-002', 'RSYNC-015']);
  await withDaemon(b, async (d) => {
    assert.is(await anonWrite(d, 'pubdrop'), 'read-only', `after: anonymous upload to [pubdrop]\n${text}`);
    assert.is(await anonWrite(d, 'incoming'), 'read-only', `after: anonymous upload to [incoming]\n${text}`);
    assert.is(await anonRead(d, 'pubdrop'), 'ok', 'after: anonymous read of [pubdrop] must stay');
    assert.is(await anonRead(d, 'incoming'), 'ok', 'after: anonymous read of [incoming] must stay');
    assert.is(await anonWrite(d, 'private'), 'auth-failed');
    assert.is(await admin(d, true), 'ok', 'after: the login user still uploads to [private]');
    assert.is(await admin(d, false), 'ok', 'after: the login user still reads [private]');
    assert.equal((await listing(d.port))?.sort(), ['incoming', 'private', 'pubdrop']);
  });
});

test('RSYNC-002 with `read only = no` in a file [a] and [b] (login) both `&merge`: only [a] turns read-only', async () => {
  if (!ROOT) return console.log('  skipped: the daemon tests run as root');
  const b = bed('rg-fix-merge-');
  // The daemon reads the absolute path; the scan looks absolute paths up under its root (the repository).
  const common = join(b.base, 'conf', 'common.inc');
  for (const at of [common, join(b.repo, common)]) {
    mkdirSync(join(at, '..'), { recursive: true });
    writeFileSync(at, 'read only = no\n');
  }
  writeFileSync(b.conf, ['uid = nobody', 'gid = nogroup', 'use chroot = yes', '[a]', `path = ${b.dir('a')}`, `&merge ${common}`, '[b]', `path = ${b.dir('b')}`, 'auth users = admin', `secrets file = ${b.secrets}`, `&merge ${common}`, ''].join('\n'));
  const anonWrite = (d: RealDaemon) => transfer({ port: d.port, module: 'a', upload: b.payload });
  const admin = (d: RealDaemon) => transfer({ port: d.port, module: 'b', user: 'admin', password: PASSWORD, upload: b.payload });
  await withDaemon(b, async (d) => {
    assert.is(await anonWrite(d), 'ok', 'before: anonymous upload to [a]');
    assert.is(await admin(d), 'ok', 'before: the login user uploads to [b]');
  });
  const text = fixWrite(b, ['RSYNC-002'], { mustGo: (f) => f.module === 'a' });
  assert.is(readFileSync(join(b.repo, common), 'utf8'), 'read only = no\n', 'the shared file is not edited');
  await withDaemon(b, async (d) => {
    assert.is(await anonWrite(d), 'read-only', `after: anonymous upload to [a]\n${text}`);
    assert.is(await admin(d), 'ok', `after: the login user still uploads to [b]\n${text}`);
  });
});

test('RSYNC-005: a restricted module leaves the listing after `list = no`; its user still reads and writes it', async () => {
  if (!ROOT) return console.log('  skipped: the daemon tests run as root');
  const b = bed('rg-fix-list-');
  writeFileSync(
    b.conf,
    [
      'uid = nobody',
      'gid = nogroup',
      'use chroot = yes',
      '[pub]',
      `\tpath = ${b.dir('pub')}`,
      '[private]',
      `\tpath = ${b.dir('private')}`,
      '\tread only = no',
      '\tauth users = admin',
      `\tsecrets file = ${b.secrets}`,
      '\tauth digest = sha256',
      '',
    ].join('\n'),
  );
  const admin = (d: RealDaemon, upload: boolean) => transfer({ port: d.port, module: 'private', user: 'admin', password: PASSWORD, ...(upload ? { upload: b.payload } : {}) });
  await withDaemon(b, async (d) => {
    assert.equal((await listing(d.port))?.sort(), ['private', 'pub'], 'before: [private] is listed');
    assert.is(await admin(d, true), 'ok');
  });
  const text = fixWrite(b, ['RSYNC-005']);
  await withDaemon(b, async (d) => {
    assert.equal(await listing(d.port), ['pub'], `after: [private] must not be listed\n${text}`);
    assert.is(await admin(d, true), 'ok', 'after: the login user still uploads');
    assert.is(await admin(d, false), 'ok', 'after: the login user still reads');
    assert.is(await transfer({ port: d.port, module: 'pub' }), 'ok', 'after: [pub] is still readable');
  });
});

test('RSYNC-004: a host in neither host list is refused after `hosts deny = *`; listed hosts and users keep access', async () => {
  if (!ROOT) return console.log('  skipped: the daemon tests run as root');
  const b = bed('rg-fix-hosts-');
  // 127.0.0.2 is in the allow lists; 127.0.0.1 (localhost) is in neither list: admitted today.
  writeFileSync(
    b.conf,
    [
      'uid = nobody',
      'gid = nogroup',
      'use chroot = yes',
      '[lan]',
      `    path = ${b.dir('lan')}`,
      '    hosts allow = 127.0.0.2',
      '    hosts deny = 10.0.0.0/8',
      '[lanadmin]',
      `    path = ${b.dir('lanadmin')}`,
      '    read only = no',
      '    auth users = admin',
      `    secrets file = ${b.secrets}`,
      '    hosts allow = 127.0.0.2 192.168.1.0/24',
      '',
    ].join('\n'),
  );
  // [lanadmin] has no deny list: a host outside the allow list is refused already (no RSYNC-004 there).
  const read = (d: RealDaemon, from: string) => transfer({ port: d.port, module: 'lan', from });
  const adminWrite = (d: RealDaemon, from: string) => transfer({ port: d.port, module: 'lanadmin', from, user: 'admin', password: PASSWORD, upload: b.payload });
  await withDaemon(b, async (d) => {
    assert.is(await read(d, '127.0.0.1'), 'ok', 'before: a host in neither list reads [lan]');
    assert.is(await read(d, '127.0.0.2'), 'ok');
    assert.is(await adminWrite(d, '127.0.0.2'), 'ok');
    assert.is(await adminWrite(d, '127.0.0.1'), 'access-denied');
  });
  const text = fixWrite(b, ['RSYNC-004']);
  await withDaemon(b, async (d) => {
    assert.is(await read(d, '127.0.0.1'), 'access-denied', `after: the host in neither list must be refused\n${text}`);
    assert.is(await read(d, '127.0.0.2'), 'ok', 'after: the allowed host still reads');
    assert.is(await adminWrite(d, '127.0.0.2'), 'ok', 'after: the login user on the allowed host still uploads');
    assert.is(await adminWrite(d, '127.0.0.1'), 'access-denied');
  });
});

test('RSYNC-042: root-only files are out of reach after `uid = nobody`/`gid`; the serving process is no longer root', async () => {
  if (!ROOT) return console.log('  skipped: the daemon tests run as root');
  const b = bed('rg-fix-uid-');
  const pub = b.dir('pub');
  writeFileSync(join(pub, 'rootonly.txt'), 'root only\n', { mode: 0o600 });
  writeFileSync(join(pub, 'shared.txt'), 'shared\n', { mode: 0o644 });
  writeFileSync(join(pub, 'slow.bin'), Buffer.alloc(2 * 1024 * 1024, 7), { mode: 0o644 });
  const data = b.dir('data');
  mkdirSync(join(data, 'locked'), { mode: 0o755 });
  writeFileSync(
    b.conf,
    [
      '# the daemon-wide identity (the fix belongs on these global lines: every module inherits them)',
      'uid = root',
      'gid = root',
      'use chroot = yes',
      '',
      '[pub]',
      `    path = ${pub}`,
      '[data]',
      `    path = ${data}`,
      '    read only = no',
      '    auth users = admin',
      `    secrets file = ${b.secrets}`,
      '',
    ].join('\n'),
  );
  const into = join(b.base, 'got');
  mkdirSync(into);
  const anonRead = (d: RealDaemon, path: string) => transfer({ port: d.port, module: 'pub', path });
  const adminWrite = (d: RealDaemon, path: string) => transfer({ port: d.port, module: 'data', path, user: 'admin', password: PASSWORD, upload: b.payload });
  await withDaemon(b, async (d) => {
    assert.is(await anonRead(d, 'rootonly.txt'), 'ok', 'before: an anonymous client reads a root-only file');
    assert.is(await adminWrite(d, 'locked/'), 'ok', 'before: the login user writes into a root-owned folder');
    assert.is(await adminWrite(d, 'before.txt'), 'ok');
    assert.is(statSync(join(data, 'before.txt')).uid, 0, 'before: uploads are owned by root');
    const who = await servingIdentity(d, { port: d.port, module: 'pub', path: 'slow.bin', into });
    assert.is(who.uid, 0, 'before: the process serving a connection is root');
  });
  const text = fixWrite(b, ['RSYNC-042']);
  await withDaemon(b, async (d) => {
    assert.is(await anonRead(d, 'rootonly.txt'), 'permission-denied', `after: the root-only file must be refused\n${text}`);
    assert.is(await anonRead(d, 'shared.txt'), 'ok', 'after: world-readable files still read');
    assert.is(await adminWrite(d, 'locked/'), 'permission-denied', 'after: the root-owned folder must be refused');
    assert.is(await adminWrite(d, 'after.txt'), 'ok', 'after: the login user still uploads where anyone may');
    const st = statSync(join(data, 'after.txt'));
    assert.ok(st.uid !== 0 && st.gid !== 0, `after: uploads owned by ${st.uid}:${st.gid}, not root`);
    const who = await servingIdentity(d, { port: d.port, module: 'pub', path: 'slow.bin', into });
    assert.ok(who.uid !== 0 && who.gid !== 0, `after: the serving process runs as ${who.uid}:${who.gid}`);
  });
});

test('RSYNC-040: the serving process is jailed in the module after `use chroot = yes`; transfers still work', async () => {
  if (!ROOT) return console.log('  skipped: the daemon tests run as root');
  const b = bed('rg-fix-chroot-');
  const pub = b.dir('pub');
  writeFileSync(join(pub, 'slow.bin'), Buffer.alloc(2 * 1024 * 1024, 7), { mode: 0o644 });
  writeFileSync(join(pub, 'plain.txt'), 'plain\n', { mode: 0o644 });
  writeFileSync(
    b.conf,
    ['uid = nobody', 'gid = nogroup', 'use chroot = no', '', '[pub]', `    path = ${pub}`, '[data]', `    path = ${b.dir('data')}`, '    read only = no', '    auth users = admin', `    secrets file = ${b.secrets}`, ''].join('\n'),
  );
  const into = join(b.base, 'got');
  mkdirSync(into);
  await withDaemon(b, async (d) => {
    const who = await servingIdentity(d, { port: d.port, module: 'pub', path: 'slow.bin', into });
    assert.is(who.root, '/', 'before: the serving process sees the whole filesystem');
  });
  const text = fixWrite(b, ['RSYNC-040']);
  await withDaemon(b, async (d) => {
    const who = await servingIdentity(d, { port: d.port, module: 'pub', path: 'slow.bin', into });
    assert.is(who.root, pub, `after: the serving process must be jailed in the module\n${text}`);
    assert.is(await transfer({ port: d.port, module: 'pub', path: 'plain.txt' }), 'ok', 'after: anonymous read of [pub] still works');
    assert.is(await transfer({ port: d.port, module: 'data', user: 'admin', password: PASSWORD, upload: b.payload }), 'ok', 'after: the login user still uploads');
  });
});

test('RSYNC-009: moving a comment out of a value changes nothing the daemon does (it keeps what rsync reads today)', async () => {
  if (!ROOT) return console.log('  skipped: the daemon tests run as root');
  const b = bed('rg-fix-comment-');
  writeFileSync(b.conf, ['uid = nobody', 'gid = nogroup', 'use chroot = yes', '[drop]', `    path = ${b.dir('drop')}`, '    read only = no # uploads welcome', '    list = no # hidden', ''].join('\n'));
  const observe = async (d: RealDaemon) => ({
    write: await transfer({ port: d.port, module: 'drop', upload: b.payload }),
    read: await transfer({ port: d.port, module: 'drop' }),
    listed: await listing(d.port),
  });
  const before = await withDaemon(b, observe);
  assert.equal(before, { write: 'read-only', read: 'ok', listed: ['drop'] }, 'before: the commented values were never in effect');
  const text = fixWrite(b, ['RSYNC-009']);
  for (const comment of ['# uploads welcome', '# hidden']) {
    const line = text.split('\n').find((l) => l.includes(comment));
    assert.ok(line?.trimStart().startsWith('#'), `the comment "${comment}" must be kept on a line of its own:\n${text}`);
  }
  assert.equal(await withDaemon(b, observe), before, `after: the daemon must do exactly what it did\n${text}`);
});

test('RSYNC-071: the CVE mitigation in `refuse options` refuses -z; plain transfers of the login user still work', async () => {
  if (!ROOT) return console.log('  skipped: the daemon tests run as root');
  const b = bed('rg-fix-cve-');
  writeFileSync(b.conf, ['uid = nobody', 'gid = nogroup', 'use chroot = yes', '[data]', `    path = ${b.dir('data')}`, '    read only = no', '    auth users = admin', `    secrets file = ${b.secrets}`, '    refuse options = delete', ''].join('\n'));
  // rsync 3.4.2 as the modelled release: CVE-2026-43618 (compression on a writable module) is open there.
  const version = ['--rsync-version', '3.4.2'];
  const admin = (d: RealDaemon, extra: string[]) => transfer({ port: d.port, module: 'data', user: 'admin', password: PASSWORD, upload: b.payload, extra });
  await withDaemon(b, async (d) => {
    assert.is(await admin(d, ['-z']), 'ok', 'before: a compressed upload works');
    assert.is(await admin(d, ['--delete', '-r']), 'option-refused');
  });
  const text = fixWrite(b, ['RSYNC-071'], { extra: version, mustGo: (f) => f.cves?.includes('CVE-2026-43618') === true });
  assert.match(text, /refuse options\s*=.*\bcompress\b/, 'the mitigation names compress');
  await withDaemon(b, async (d) => {
    assert.is(await admin(d, ['-z']), 'option-refused', `after: -z must be refused\n${text}`);
    assert.is(await admin(d, ['--delete', '-r']), 'option-refused', 'after: what was refused stays refused (merged, not replaced)');
    assert.is(await admin(d, []), 'ok', 'after: a plain upload still works');
  });
});

test.run();
