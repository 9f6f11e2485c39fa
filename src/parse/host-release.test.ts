import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { HostRaw } from '../common/index.ts';
import { hostRsyncRelease, rangeFromProtocol } from './host-release.ts';

const DEBIAN = { path: '/etc/os-release', text: 'VERSION_ID="12"\nID=debian' };
const deb = (version: string) => ({ manager: 'dpkg' as const, name: 'rsync', version, source: 'dpkg-query -W rsync' });

function host(rsync: Partial<HostRaw['rsync']>, over: Partial<HostRaw> = {}): HostRaw {
  return {
    schema: 'rsyncguard/host-raw@1',
    collector_uid: 0,
    host: { name: 'h1', os: 'linux', kernel: '6', os_release: DEBIAN },
    rsync: { version_line: '', package: '', ...rsync },
    processes: [],
    listeners: [],
    units: [],
    defaults: [],
    files: [],
    secrets: [],
    errors: [],
    ...over,
  };
}

const release = suite('hostRsyncRelease');

release('the daemon binary’s --version, with the package that built it and the distro', () => {
  const r = hostRsyncRelease(host({ version_line: 'rsync  version 3.2.7  protocol version 31', binary: '/usr/bin/rsync', pid: 42, package_db: deb('3.2.7-1+deb12u1') }));
  assert.equal(r, {
    range: null,
    distro: { id: 'debian', version_id: '12', id_like: [], source: '/etc/os-release' },
    version: '3.2.7',
    source: 'rsync --version',
    package: deb('3.2.7-1+deb12u1'),
    unknown: null,
  });
});

release('a binary of another release than the package: the package does not describe what runs', () => {
  const r = hostRsyncRelease(host({ version_line: 'rsync  version 3.5.0  protocol version 32', binary: '/usr/local/bin/rsync', pid: 42, package_db: deb('3.2.7-1') }));
  assert.equal([r.version, r.package], ['3.5.0', null]);
});

release('no binary: the package database says it; a hostile package version is dropped', () => {
  const r = hostRsyncRelease(host({ binary: '', package_db: deb('1:3.2.7-1+deb12u1') }));
  assert.equal([r.version, r.source, r.package?.version], ['3.2.7', 'dpkg status', '1:3.2.7-1+deb12u1']);
  const bad = hostRsyncRelease(host({ binary: '', package_db: deb('3.2.7\n\u001b[2J') }));
  assert.equal([bad.version, bad.package], [null, null]);
});

release('a daemon running a replaced binary: rsync on PATH does not speak for it', () => {
  const proc = { pid: 7, uid: 0, gid: 0, cmdline: [], config: null, root: '/', cwd: '/', exe: '/usr/bin/rsync (deleted)', socket_inodes: [], trust: 'not-rsync' as const };
  const r = hostRsyncRelease(host({ version_line: 'rsync  version 3.5.0  protocol version 32', binary: '/usr/bin/rsync', pid: null, package_db: deb('3.5.0+ds1-0+deb12u1') }, { processes: [proc] }));
  assert.equal([r.version, r.package], [null, null]);
  assert.match(r.unknown ?? '', 'the daemon (pid 7) runs a binary that was replaced');
});

release('nothing on the host: the probe greeting gives a range; an old collector document still reads', () => {
  const r = hostRsyncRelease(host({ binary: '' }), [{ protocol: null }, { protocol: '31.0' }]);
  assert.equal([r.version, r.range?.min, r.range?.max], [null, '3.1.0', '3.3.0']);
  assert.match(r.unknown ?? '', 'no rsync binary on PATH');
  const old = hostRsyncRelease({ ...host({}), host: { name: 'h', os: 'linux', kernel: '6' }, rsync: { version_line: '', package: '' } });
  assert.equal([old.version, old.distro, old.range], [null, null, null]);
  assert.match(old.unknown ?? '', 'no rsync --version');
});

const protocol = suite('rangeFromProtocol');

protocol('protocols to releases, as rsync.h of each release tag says', () => {
  const at = (p: string) => {
    const r = rangeFromProtocol(p);
    return 'min' in r ? [r.min, r.max] : r.unknown;
  };
  assert.equal(at('32.0'), ['3.4.0', null]);
  assert.equal(at('31.0'), ['3.1.0', '3.3.0']);
  assert.equal(at('30'), ['3.0.0', '3.0.9']);
  assert.equal(at('29.0'), ['2.6.4', '2.6.9']);
  assert.match(String(at('32.1')), 'development build');
  assert.match(String(at('33.0')), 'no rsync release is known');
  assert.match(String(at('x'.repeat(500))), 'not a number');
});

release.run();
protocol.run();
