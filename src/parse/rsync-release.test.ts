import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { releaseFromApkInstalled, releaseFromDpkgStatus, releaseFromPackages, releaseFromVersionLine } from './rsync-release.ts';

const dpkg = suite('releaseFromDpkgStatus');

dpkg('reads the upstream version of the rsync stanza, epoch and revision dropped', () => {
  const status = 'Package: rsync-doc\nVersion: 9.9.9\n\nPackage: rsync\nStatus: install ok installed\nVersion: 1:3.2.7-1+deb12u1\n';
  assert.is(releaseFromDpkgStatus(status), '3.2.7');
});

dpkg('an image without the rsync package has no version', () => {
  assert.is(releaseFromDpkgStatus('Package: rsync-doc\nVersion: 3.2.7-1\n'), null);
});

dpkg.run();

const apk = suite('releaseFromApkInstalled');

apk('reads the V: line that follows P:rsync', () => {
  assert.is(releaseFromApkInstalled('P:musl\nV:1.2.4-r2\n\nP:rsync\nV:3.3.0-r0\n'), '3.3.0');
});

apk.run();

const packages = suite('releaseFromPackages');

packages('dpkg is asked first, then apk, and each says where the version came from', () => {
  assert.equal(releaseFromPackages(undefined, 'P:rsync\nV:3.3.0-r0\n'), { version: '3.3.0', source: 'apk database' });
  assert.equal(releaseFromPackages('Package: rsync\nVersion: 3.2.7-1\n', 'P:rsync\nV:3.3.0-r0\n'), { version: '3.2.7', source: 'dpkg status' });
  assert.is(releaseFromPackages(undefined, undefined), null);
});

packages.run();

const banner = suite('releaseFromVersionLine');

banner('reads the release from rsync --version', () => {
  assert.is(releaseFromVersionLine('rsync  version 3.5.0  protocol version 32'), '3.5.0');
  assert.is(releaseFromVersionLine('rsync: command not found'), null);
});

banner.run();
