import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { HostRaw } from '../sources/index.ts';
import { configOf, hostErrors, isVerifiedDaemon, parseHostConfigs } from './host-configs.ts';
import { parseSecrets } from './secrets.ts';

type Process = HostRaw['processes'][number];

function process(p: Partial<Process>): Process {
  return { pid: 10, uid: 0, gid: 0, cmdline: ['rsync', '--daemon'], config: null, root: '/', cwd: '/', exe: '/usr/bin/rsync', socket_inodes: [], trust: 'rsync', ...p };
}

function host(over: Partial<HostRaw>): HostRaw {
  return {
    schema: 'rsyncguard/host-raw@1',
    collector_uid: 0,
    host: { name: 'h1', os: 'linux', kernel: '6' },
    rsync: { version_line: 'rsync  version 3.2.7  protocol version 31', package: 'rsync' },
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

const daemons = suite('isVerifiedDaemon and configOf');

daemons('a process is followed only when it ran a root-controlled rsync (or an older collector could not say)', () => {
  assert.ok(isVerifiedDaemon(process({})));
  const older: Process = { pid: 10, uid: 0, gid: 0, cmdline: ['rsync', '--daemon'], config: null, root: '/', cwd: '/', exe: '/usr/bin/rsync', socket_inodes: [] };
  assert.ok(isVerifiedDaemon(older));
  assert.not.ok(isVerifiedDaemon(process({ trust: 'not-rsync' })));
});

daemons('a daemon without --config reads /etc/rsyncd.conf', () => {
  assert.is(configOf(process({})), '/etc/rsyncd.conf');
  assert.is(configOf(process({ config: '/srv/r.conf' })), '/srv/r.conf');
});

daemons.run();

const configs = suite('parseHostConfigs');

configs('parses the configs verified daemons read and those in the usual places, in path order, not those of unverified ones', () => {
  const raw = host({
    processes: [process({ config: '/srv/r.conf' }), process({ pid: 11, config: '/srv/fake.conf', trust: 'unverified' })],
    files: [
      { path: '/srv/r.conf', exists: true, mode: '644', uid: 0, text: '[a]\npath = /a\nsecrets file = /etc/s\n' },
      { path: '/srv/fake.conf', exists: true, text: '[b]\npath = /b\n' },
      { path: '/etc/rsyncd.conf', exists: true, text: '[c]\npath = /c\n' },
    ],
    secrets: [{ path: '/etc/s', exists: true, mode: '600', uid: 0, gid: 0, entries: [] }],
  });
  const parsed = [...parseHostConfigs(raw)];
  assert.equal(
    parsed.map((p) => p.path),
    ['/etc/rsyncd.conf', '/srv/r.conf'],
  );
  assert.equal(parsed[1]?.secrets, [{ path: '/etc/s', file: '/etc/s', stat: { mode: 0o600, uid: 0, gid: 0 }, entries: [] }]);
  assert.equal(parsed[1]?.fileStats.get('/srv/r.conf'), { mode: 0o644, uid: 0 });
});

configs("a host's entry whose password is its name is withheld as the parser withholds it, leaving nothing of it", () => {
  const entry = (name: string, equals: boolean) => ({ kind: 'user' as const, name, line: 1, length: 5, equals_name: equals, weak: true, common: false, reused: false, dead: false, unmatchable: false, trailing_whitespace: false });
  const raw = host({
    files: [{ path: '/etc/rsyncd.conf', exists: true, mode: '644', uid: 0, text: '[a]\npath = /a\nsecrets file = /etc/s\n' }],
    secrets: [{ path: '/etc/s', exists: true, mode: '600', uid: 0, gid: 0, entries: [entry('carol', true), { ...entry('alice', false), line: 2 }] }],
  });
  const entries = [...parseHostConfigs(raw)][0]?.secrets[0]?.entries ?? [];
  assert.equal(
    entries.map((e) => e.name),
    ['********', 'alice'],
  );
  assert.equal(entries[0], { ...entry('carol', true), name: parseSecrets(Buffer.from('carol:carol\n'), 's').entries[0]?.name ?? '' });
  assert.not.match(JSON.stringify(entries), 'carol');
});

configs('a secrets file is never followed as an include', () => {
  const raw = host({
    files: [{ path: '/etc/rsyncd.conf', exists: true, text: '&include /etc/s\n[a]\npath = /a\nsecrets file = /etc/s\n' }],
    secrets: [{ path: '/etc/s', exists: true, mode: '600', uid: 0, gid: 0 }],
  });
  const [only] = [...parseHostConfigs(raw)];
  assert.ok(only?.config.diagnostics.some((d) => d.message.includes('it is a secrets file')));
});

configs.run();

const errors = suite('hostErrors');

errors('names a process it did not follow and a config in use it could not read', () => {
  const raw = host({
    processes: [process({ pid: 7, uid: 1000, trust: 'not-rsync', trust_reason: '/proc/7/exe is /tmp/x' })],
    files: [{ path: '/etc/rsyncd.conf', exists: true, unreadable: 'permission denied' }],
    errors: [{ path: '/proc/9/root', reason: 'permission denied' }],
  });
  const e = hostErrors(raw);
  assert.equal(e.unread, ['/proc/9/root: permission denied']);
  assert.is(e.notFollowed.length, 2);
  assert.match(e.notFollowed[0] ?? '', /^process 7 \(uid 1000\) looks like an rsync daemon but was not followed: \/proc\/7\/exe is \/tmp\/x/);
  assert.is(e.notFollowed[1], '/etc/rsyncd.conf was not read: permission denied.');
});

errors.run();
