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
    compress: null,
  });
});

release('the compressors the binary lists: zstd or not is what it printed, never assumed', () => {
  const line = 'rsync  version 3.2.7  protocol version 31';
  assert.equal(hostRsyncRelease(host({ version_line: line, binary: '/usr/bin/rsync', compress_line: 'zstd lz4 zlibx zlib none' })).compress, ['zstd', 'lz4', 'zlibx', 'zlib', 'none']);
  assert.equal(hostRsyncRelease(host({ version_line: line, binary: '/usr/bin/rsync', compress_line: 'lz4 zlibx zlib none' })).compress, ['lz4', 'zlibx', 'zlib', 'none']);
  // Before 3.2.0 there is no list; an older collector sends none; junk is not a compressor.
  assert.is(hostRsyncRelease(host({ version_line: line, binary: '/usr/bin/rsync', compress_line: '' })).compress, null);
  assert.is(hostRsyncRelease(host({ version_line: line, binary: '/usr/bin/rsync' })).compress, null);
  assert.is(hostRsyncRelease(host({ version_line: line, binary: '/usr/bin/rsync', compress_line: '\u001b[31m <b>' })).compress, null);
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
  // No daemon command line seen: the greeting bounds the release from below only.
  assert.equal([r.version, r.range?.min, r.range?.max], [null, '3.1.0', null]);
  const seen = hostRsyncRelease(host({ binary: '' }), [{ protocol: '31.0', digests: [] }], [['rsync', '--daemon', '--no-detach']]);
  assert.equal([seen.range?.min, seen.range?.max], ['3.1.0', '3.3.0']);
  const lowered = hostRsyncRelease(host({ binary: '' }), [{ protocol: '30.0', digests: ['sha512', 'md4'] }], [['rsync', '--daemon', '--protocol=30']]);
  assert.equal([lowered.range?.min, lowered.range?.max], ['3.2.7', null]);
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
  assert.equal(at('31.0'), ['3.1.0', null]);
  assert.equal(at('30'), ['3.0.0', null]);
  assert.equal(at('29.0'), ['2.6.4', null]);
  assert.match(String(at('32.1')), 'development build');
  assert.match(String(at('33.0')), 'no rsync release is known');
  assert.match(String(at('x'.repeat(500))), 'not a number');
});

protocol('only a daemon command line seen without --protocol lets the greeting bound the release from above', () => {
  const plain = [['/usr/bin/rsync', '--daemon', '--no-detach']];
  const at = (p: string, seen: Parameters<typeof rangeFromProtocol>[1]) => {
    const r = rangeFromProtocol(p, seen);
    return 'min' in r ? [r.min, r.max] : r.unknown;
  };
  assert.equal(at('31.0', { cmdlines: plain }), ['3.1.0', '3.3.0']);
  assert.equal(at('30', { cmdlines: plain }), ['3.0.0', '3.0.9']);
  // rsync 3.4.1 started with --protocol=31 greets with 31: nothing above the lower bound is known.
  assert.equal(at('31.0', { cmdlines: [['rsync', '--daemon', '--protocol=31']] }), ['3.1.0', null]);
  assert.equal(at('31.0', { cmdlines: [['rsync', '--daemon', '--protocol', '31']] }), ['3.1.0', null]);
  assert.equal(at('31.0', { cmdlines: [] }), ['3.1.0', null]);
  const r = rangeFromProtocol('31.0');
  assert.match('source' in r ? r.source : '', 'a daemon started with --protocol greets with an older protocol');
});

protocol('a digest list in the greeting means 3.2.7 or later (compat.c output_daemon_greeting)', () => {
  const at = (p: string, seen: Parameters<typeof rangeFromProtocol>[1]) => {
    const r = rangeFromProtocol(p, seen);
    return 'min' in r ? [r.min, r.max] : r.unknown;
  };
  // The real 3.5.0 daemon with --protocol=30 greets "@RSYNCD: 30.0 sha512 sha256 sha1 md5 md4".
  assert.equal(at('30.0', { digests: ['sha512', 'sha256', 'sha1', 'md5', 'md4'] }), ['3.2.7', null]);
  assert.equal(at('31.0', { digests: ['md5', 'md4'], cmdlines: [['rsync', '--daemon']] }), ['3.2.7', '3.3.0']);
  // With a plain command line, 30 with digests contradicts itself: the upper bound is dropped, not made up.
  assert.equal(at('30.0', { digests: ['md5'], cmdlines: [['rsync', '--daemon']] }), ['3.2.7', null]);
  assert.equal(at('32.0', { digests: ['sha512'] }), ['3.4.0', null]);
  const r = rangeFromProtocol('30.0', { digests: ['md4'] });
  assert.match('source' in r ? r.source : '', 'its digest list is sent from 3.2.7 on');
});

release.run();
protocol.run();
