import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { apkPackage, apkPackages, dpkgPackage, dpkgPackages, parseOsRelease, upstreamOf } from './package-db.ts';
import { releaseFromPackage, releaseFromVersionLine } from './rsync-release.ts';

const dpkg = suite('dpkgPackage');

dpkg('reads the full version of the installed rsync stanza, epoch and revision kept', () => {
  const status = 'Package: rsync-doc\nStatus: install ok installed\nVersion: 9.9.9\n\nPackage: rsync\nStatus: install ok installed\nPriority: optional\nVersion: 1:3.2.7-1+deb12u1\n';
  assert.equal(dpkgPackage(status, '/var/lib/dpkg/status'), { manager: 'dpkg', name: 'rsync', version: '1:3.2.7-1+deb12u1', source: '/var/lib/dpkg/status' });
});

dpkg('fields in any order; a removed package (config-files) is not installed', () => {
  assert.is(dpkgPackage('Version: 3.2.7-1\nPackage: rsync\nStatus: install ok installed\n', 's')?.version, '3.2.7-1');
  assert.is(dpkgPackage('Package: rsync\nStatus: deinstall ok config-files\nVersion: 3.2.7-1\n', 's'), null);
  assert.is(dpkgPackage('Package: rsync-doc\nStatus: install ok installed\nVersion: 3.2.7-1\n', 's'), null);
});

dpkg('hostile text: a version that is not a version word, a huge file with no rsync', () => {
  assert.is(dpkgPackage('Package: rsync\nStatus: install ok installed\nVersion: 3.2.7 \u001b[31mred\n', 's'), null);
  assert.is(dpkgPackage(`Package: rsync\nStatus: install ok installed\nVersion: ${'9'.repeat(5000)}\n`, 's'), null);
  const big = 'Package: x\nStatus: install ok installed\nVersion: 1\n\n'.repeat(50_000);
  const started = Date.now();
  assert.is(dpkgPackage(big, 's'), null);
  assert.ok(Date.now() - started < 2000);
});

dpkg('every installed rsync stanza is listed, and a refused Version counted, so the caller can say what it saw', () => {
  const two = 'Package: rsync\nStatus: install ok installed\nVersion: 3.2.7-1+deb12u1\n\nPackage: rsync\nStatus: install ok installed\nVersion: 3.2.7-1\n';
  assert.equal(
    dpkgPackages(two, 's').found.map((p) => p.version),
    ['3.2.7-1+deb12u1', '3.2.7-1'],
  );
  assert.equal(dpkgPackages('Package: rsync\nStatus: install ok installed\nVersion: 3.2.7 \u001b[31mred\n', 's'), { found: [], refusedVersions: 1 });
  assert.equal(
    apkPackages('P:rsync\nV:3.4.0-r0\n\nP:rsync\nV:3.3.0-r1\n', 's').found.map((p) => p.version),
    ['3.4.0-r0', '3.3.0-r1'],
  );
});

const apk = suite('apkPackage');

apk('reads the rsync record of lib/apk/db/installed, release kept', () => {
  assert.equal(apkPackage('C:Q1abc\nP:musl\nV:1.2.4-r2\n\nC:Q1def\nP:rsync\nV:3.4.1-r0\nA:x86_64\n', '/lib/apk/db/installed'), { manager: 'apk', name: 'rsync', version: '3.4.1-r0', source: '/lib/apk/db/installed' });
  assert.is(apkPackage('P:rsync-openrc\nV:3.4.1-r0\n', 's'), null);
  assert.is(apkPackage('P:rsync\n', 's'), null);
});

const upstream = suite('upstreamOf');

upstream('the upstream X.Y.Z inside distro versions', () => {
  assert.is(upstreamOf('1:3.2.7-1+deb12u1'), '3.2.7');
  assert.is(upstreamOf('3.5.0+ds1-0+deb12u1'), '3.5.0');
  assert.is(upstreamOf('3.2.7-1ubuntu1.2'), '3.2.7');
  assert.is(upstreamOf('3.4.1-2.el9_5.1'), '3.4.1');
  assert.is(upstreamOf('0:3.4.1-2.el9_5.1'), '3.4.1');
  assert.is(upstreamOf('3.4.1-r0'), '3.4.1');
  assert.is(upstreamOf('3.2.7'), '3.2.7');
  assert.is(upstreamOf('3.4'), null);
  assert.is(upstreamOf('3.4.10-1'), '3.4.10');
  assert.is(upstreamOf('garbage'), null);
  // A pre-release is older than its release: no release number at all, so nothing calls it fixed.
  assert.is(upstreamOf('3.5.0~rc1+ds1-0+deb12u1'), null);
  assert.is(upstreamOf('3.5.0_rc1-r0'), null);
  assert.is(upstreamOf('3.5.0pre1-1'), null);
  assert.is(upstreamOf('3.4.1_p1-r0'), '3.4.1');
});

const os = suite('parseOsRelease');

os('ID, VERSION_ID, ID_LIKE, quoted or not', () => {
  assert.equal(parseOsRelease('PRETTY_NAME="Rocky Linux 9.5 (Blue Onyx)"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.5"\n'), { id: 'rocky', version_id: '9.5', id_like: ['rhel', 'centos', 'fedora'] });
  assert.equal(parseOsRelease('ID=alpine\nVERSION_ID=3.21.2\n'), { id: 'alpine', version_id: '3.21.2', id_like: [] });
  assert.equal(parseOsRelease('NAME=x\n'), { id: 'linux', version_id: '', id_like: [] });
});

os('hostile values are dropped, not copied', () => {
  assert.is(parseOsRelease('ID="debian; rm -rf /"\n'), null);
  assert.equal(parseOsRelease('ID=debian\nVERSION_ID="12\u001b[2J"\nID_LIKE="ok BAD\u0007 fine"\n'), { id: 'debian', version_id: '', id_like: ['ok', 'fine'] });
});

const release = suite('releaseFromPackage / releaseFromVersionLine');

release('the upstream part is the version; the package keeps its full string', () => {
  const pkg = { manager: 'dpkg' as const, name: 'rsync', version: '3.2.7-1+deb12u1', source: '/var/lib/dpkg/status' };
  assert.equal(releaseFromPackage(pkg, null), { version: '3.2.7', source: 'dpkg status', package: pkg, distro: null, unknown: null });
  const odd = { ...pkg, version: '20240101-1' };
  assert.equal(releaseFromPackage(odd, null).version, null);
  assert.match(releaseFromPackage(odd, null).unknown ?? '', /no upstream X\.Y\.Z/);
});

release('reads rsync --version', () => {
  assert.is(releaseFromVersionLine('rsync  version 3.5.0  protocol version 32'), '3.5.0');
  assert.is(releaseFromVersionLine('rsync  version v3.2.7  protocol version 31'), null);
  assert.is(releaseFromVersionLine(''), null);
});

dpkg.run();
apk.run();
upstream.run();
os.run();
release.run();
