import { existsSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openDaemonRoot, shownUnder } from './daemon-root.ts';
import { repoConfigSource } from './repo-files.ts';
import { ScanRoot } from './scan-root.ts';

/** Run `fn` with the working directory at `dir` (openDaemonRoot judges links against it). */
function inDir<T>(dir: string, fn: () => T): T {
  const was = process.cwd();
  process.chdir(dir);
  try {
    return fn();
  } finally {
    process.chdir(was);
  }
}

function tree(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'rg-daemon-root-')));
  mkdirSync(join(dir, 'rootfs/etc/rsyncd.d'), { recursive: true });
  writeFileSync(join(dir, 'rootfs/etc/rsyncd.secrets'), 'joe:pw\n');
  writeFileSync(join(dir, 'rootfs/etc/rsyncd.d/a.conf'), '[a]\npath = /a\n');
  return dir;
}

const open = suite('openDaemonRoot');

open('takes a directory and keeps how the user wrote it, without a trailing slash', () => {
  const dir = tree();
  const r = inDir(dir, () => openDaemonRoot('rootfs/'));
  assert.ok(r.ok);
  assert.is(r.value.shown, 'rootfs');
  assert.is(shownUnder(r.value, join(dir, 'rootfs/etc/rsyncd.secrets')), 'rootfs/etc/rsyncd.secrets');
});

open('"/" stays "/", and paths under it read as absolute paths', () => {
  const r = openDaemonRoot('/');
  assert.ok(r.ok);
  assert.is(shownUnder(r.value, '/etc/rsyncd.secrets'), '/etc/rsyncd.secrets');
});

open('refuses a missing path, a file, and a link in the working directory that leads out of it', () => {
  const dir = tree();
  symlinkSync('/', join(dir, 'out'));
  symlinkSync(join(dir, 'rootfs'), join(dir, 'in'));
  inDir(dir, () => {
    assert.not.ok(openDaemonRoot('').ok, 'an empty value is not the working directory');
    const missing = openDaemonRoot('nope');
    assert.ok(!missing.ok && missing.error.message === 'no such directory');
    const file = openDaemonRoot('rootfs/etc/rsyncd.secrets');
    assert.ok(!file.ok && file.error.message === 'not a directory');
    const out = openDaemonRoot('out');
    assert.ok(!out.ok && /leads outside the working directory/.test(out.error.message));
    assert.ok(openDaemonRoot('in').ok, 'a link that stays inside is the directory it names');
  });
});

open.run();

const kernel = suite('ScanRoot: kernel trees');

kernel('a root of "/" never opens /proc, /sys or /dev, even as regular-looking files', () => {
  const root = new ScanRoot('/');
  const present = ['/proc/self/environ', '/sys/kernel', '/dev/null'].filter((p) => existsSync(p));
  assert.ok(present.length >= 2, 'the kernel trees to test exist here');
  for (const path of present) {
    const opened = root.open(path);
    assert.is(opened.kind, 'outside', path);
  }
});

kernel.run();

const includes = suite('repoConfigSource with a daemon root');

includes('absolute targets are looked up under --root, relative ones beside the including file', () => {
  const dir = tree();
  mkdirSync(join(dir, 'conf'));
  writeFileSync(join(dir, 'conf/extra.conf'), '[x]\npath = /x\n');
  const daemon = inDir(dir, () => openDaemonRoot('rootfs'));
  assert.ok(daemon.ok);
  const source = repoConfigSource(dir, { daemonRoot: daemon.value });
  const from = join(dir, 'conf/rsyncd.conf');
  assert.is(source.resolve('/etc/rsyncd.d', from).kind, 'dir');
  assert.is(source.resolve('extra.conf', from).kind, 'file');
  const missing = source.resolve('/etc/nothing.conf', from);
  assert.is(missing.kind, 'missing', 'under --root, what is not there is missing for rsync too');
  assert.ok(missing.kind === 'missing' && missing.reason === 'not under --root rootfs (looked for rootfs/etc/nothing.conf)', JSON.stringify(missing));
  // Without --root the same target is only not in the repository: unknown, not followed.
  assert.is(repoConfigSource(dir).resolve('/etc/nothing.conf', from).kind, 'not-followed');
});

includes('a link under --root that climbs out of it is not followed, and says --root as the user gave it', () => {
  const dir = tree();
  symlinkSync('../../../../../../etc/hostname', join(dir, 'rootfs/etc/link.conf'));
  const daemon = inDir(dir, () => openDaemonRoot('rootfs'));
  assert.ok(daemon.ok);
  const r = repoConfigSource(dir, { daemonRoot: daemon.value }).resolve('/etc/link.conf', join(dir, 'rsyncd.conf'));
  assert.is(r.kind, 'not-followed');
  assert.ok(r.kind === 'not-followed' && r.reason.includes('climbs above --root rootfs') && r.level === 'warning', JSON.stringify(r));
});

includes('an absolute link under --root leads to DIR/…, as in the image: never to the host file of that name', () => {
  const dir = tree();
  mkdirSync(join(dir, 'rootfs/etc/conf.real'));
  writeFileSync(join(dir, 'rootfs/etc/conf.real/x.conf'), '[inc]\npath = /y\n');
  symlinkSync('/etc/conf.real', join(dir, 'rootfs/etc/conf.d'));
  // /etc/hostname exists on the host; DIR/etc/hostname does not: the daemon in DIR finds nothing.
  symlinkSync('/etc/hostname', join(dir, 'rootfs/etc/link.conf'));
  const daemon = inDir(dir, () => openDaemonRoot('rootfs'));
  assert.ok(daemon.ok);
  const source = repoConfigSource(dir, { daemonRoot: daemon.value });
  const from = join(dir, 'rsyncd.conf');
  const d = source.resolve('/etc/conf.d', from);
  assert.ok(d.kind === 'dir' && d.entries.includes('x.conf') && d.path === join(dir, 'rootfs/etc/conf.real'), JSON.stringify(d));
  const child = source.resolve('x.conf', `${d.kind === 'dir' ? d.path : ''}/.`);
  assert.is(child.kind, 'file', 'an entry of the linked directory is read under DIR');
  const host = source.resolve('/etc/link.conf', from);
  assert.ok(host.kind === 'missing' && host.reason.includes('etc/link.conf → /etc/hostname'), JSON.stringify(host));
});

const chroot = suite('ScanRoot as a filesystem root (chroot)');

chroot('absolute link targets start again at the root, component by component', () => {
  const dir = tree();
  mkdirSync(join(dir, 'rootfs/run/secrets'), { recursive: true });
  writeFileSync(join(dir, 'rootfs/run/secrets/rsync'), 'joe:pw\n');
  symlinkSync('/run/secrets/rsync', join(dir, 'rootfs/etc/rsyncd.pw'));
  symlinkSync('/run', join(dir, 'rootfs/var-run'));
  const root = new ScanRoot(join(dir, 'rootfs'), undefined, true);
  const a = root.open(join(dir, 'rootfs/etc/rsyncd.pw'));
  assert.ok(a.kind === 'file' && a.real === join(dir, 'rootfs/run/secrets/rsync') && a.viaLink, JSON.stringify(a));
  const b = root.open(join(dir, 'rootfs/var-run/secrets/rsync'));
  assert.ok(b.kind === 'file' && b.real === join(dir, 'rootfs/run/secrets/rsync'), 'a link in the middle of the path');
  // A link to a file the host has (/etc/passwd): in the chroot it is DIR/etc/passwd, not there; read as a
  // checkout (no chroot) it is the host's file, outside the root. Neither reads the host's file.
  symlinkSync('/etc/passwd', join(dir, 'rootfs/etc/pw'));
  assert.is(root.open(join(dir, 'rootfs/etc/pw')).kind, 'missing');
  assert.is(new ScanRoot(join(dir, 'rootfs')).open(join(dir, 'rootfs/etc/pw')).kind, 'outside');
});

chroot('a relative link that climbs above the root is refused; a loop ends as missing, bounded', () => {
  const dir = tree();
  symlinkSync('../../../../../../../etc/passwd', join(dir, 'rootfs/etc/up'));
  symlinkSync('/etc/loop2', join(dir, 'rootfs/etc/loop1'));
  symlinkSync('loop1', join(dir, 'rootfs/etc/loop2'));
  symlinkSync('../rsyncd.secrets', join(dir, 'rootfs/etc/rsyncd.d/inside'));
  const root = new ScanRoot(join(dir, 'rootfs'), undefined, true);
  const up = root.open(join(dir, 'rootfs/etc/up'));
  assert.ok(up.kind === 'outside' && up.viaLink && up.reason.includes('climbs above'), JSON.stringify(up));
  const loop = root.open(join(dir, 'rootfs/etc/loop1'));
  assert.ok(loop.kind === 'missing' && loop.detail?.includes('a loop'), JSON.stringify(loop));
  const inside = root.open(join(dir, 'rootfs/etc/rsyncd.d/inside'));
  assert.ok(inside.kind === 'file' && inside.real === join(dir, 'rootfs/etc/rsyncd.secrets'), 'a relative link that stays inside is followed');
});

chroot('"/.." is "/": an absolute path is located under the root whatever its dot-dots', () => {
  const dir = tree();
  const root = new ScanRoot(join(dir, 'rootfs'), undefined, true);
  assert.is(root.locate('/../../etc/rsyncd.secrets', '/'), join(dir, 'rootfs/etc/rsyncd.secrets'));
  assert.is(root.open(root.locate('/../../etc/rsyncd.secrets', '/')).kind, 'file');
});

chroot.run();

includes.run();
