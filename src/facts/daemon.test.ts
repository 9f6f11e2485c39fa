import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { HostRaw } from '../common/index.ts';
import { parseHostConfigs } from '../parse/index.ts';
import { daemonFacts, hostDocument, modelledVersion } from './daemon.ts';

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
    files: [{ path: '/etc/rsyncd.conf', exists: true, mode: '644', uid: 0, text: '[a]\npath = /a\n' }],
    secrets: [],
    errors: [],
    ...over,
  };
}

const daemon = suite('daemonFacts');

daemon('keeps the processes that read this config and their sockets, and reads every unit', () => {
  const raw = host({
    processes: [process({ pid: 5, root: '/srv' }), process({ pid: 6, config: '/other.conf' })],
    listeners: [
      { family: 'ipv4', address: '0.0.0.0', port: 873, inode: 1, pid: 5 },
      { family: 'ipv4', address: '0.0.0.0', port: 8873, inode: 2, pid: 6 },
      { family: 'ipv6', address: '::', port: 873, inode: 3, pid: null },
    ],
    units: [{ kind: 'systemd', enabled: true, file: { path: '/lib/systemd/system/rsync.service', exists: true, text: '[Service]\nUser=rsync\nPrivateTmp=yes\n' } }],
  });
  const d = daemonFacts(raw, '/etc/rsyncd.conf');
  assert.equal(
    d.processes.map((p) => [p.pid, p.chrooted]),
    [[5, true]],
  );
  assert.equal(
    d.listeners.map((l) => l.port),
    [873, 873],
  );
  assert.equal(d.units, [{ kind: 'systemd', path: '/lib/systemd/system/rsync.service', enabled: true, user: 'rsync', hardening: ['PrivateTmp', 'User'] }]);
});

daemon.run();

const document = suite('hostDocument');

document('models the host’s own release, a non-root daemon, and reports paths repository-like', () => {
  const raw = host({ processes: [process({ uid: 1000 })] });
  const [parsed] = [...parseHostConfigs(raw)];
  if (!parsed) throw new Error('no config parsed');
  const doc = hostDocument(raw, parsed, { ...daemonFacts(raw, parsed.path), probes: [] }, '2026-01-02');
  assert.equal(doc.target, { kind: 'host', id: 'h1:/etc/rsyncd.conf', display: 'h1 /etc/rsyncd.conf' });
  assert.equal(doc.context, { ...doc.context, daemon_user: 'nonroot', rsync_version: '3.2.7', today: '2026-01-02' });
  assert.equal([doc.rsync.version, doc.rsync.source, doc.rsync.unknown], ['3.2.7', 'rsync --version', null]);
  assert.is(doc.config.files[0]?.path, 'etc/rsyncd.conf');
});

document('without a version line the default release is modelled', () => {
  assert.equal(modelledVersion(null), [3, 5, 0]);
  const raw = host({ rsync: { version_line: '', package: '' } });
  const [parsed] = [...parseHostConfigs(raw)];
  if (!parsed) throw new Error('no config parsed');
  const doc = hostDocument(raw, parsed, { ...daemonFacts(raw, parsed.path), probes: [] }, '2026-01-02');
  assert.is(doc.context.rsync_version, '3.5.0');
  assert.equal([doc.rsync.version, doc.rsync.source], [null, null]);
  assert.type(doc.rsync.unknown, 'string');
  assert.is(doc.context.daemon_user, 'root');
});

document.run();
