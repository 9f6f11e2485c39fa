/**
 * A test fleet: one real sshd per host on 127.0.0.1, each chrooted into its own small busybox root with its
 * own rsyncd.conf, plus hosts that fail in every way a sweep must name. Everything it starts, stop() stops.
 * Roots live under /srv: sshd refuses a ChrootDirectory with a world-writable parent such as /tmp.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { connects, freePort } from './rsync-daemon.ts';

export interface FleetHost {
  name: string;
  group: string;
  port: number;
  /** What the sweep must say about it. */
  expect: 'ok' | 'unreachable' | 'auth-failed' | 'host-key-mismatch' | 'timeout' | 'malformed-output' | 'output-too-large';
}

export interface Fleet {
  base: string;
  hosts: FleetHost[];
  sshConfig: string;
  clientKey: string;
  knownHosts: string;
  inventory: string;
  stop(): void;
}

const APPLETS = ['sh', 'cat', 'ls', 'awk', 'sed', 'stat', 'id', 'uname', 'head', 'tail', 'tr', 'wc', 'grep', 'readlink', 'printf', 'dd', 'mkdir', 'chmod', 'rm', 'echo', 'sleep', 'env', 'test', '[', 'yes', 'true', 'mktemp', 'cut', 'sort'];

/** rsyncd configs for the healthy hosts: each shows different findings. */
export const HEALTHY_CONFIGS: string[] = [
  '[pub]\n    path = /srv/pub\n    read only = no\n',
  '[backup]\n    path = /srv/backup\n    auth users = backup\n    secrets file = /etc/rsyncd.secrets\n    hosts allow = 10.0.0.0/8\n    hosts deny = *\n',
  'use chroot = no\nuid = root\n[data]\n    path = /\n',
  '[mirror]\n    path = /srv/mirror\n    list = no # hidden\n',
];

function hostRoot(root: string, opts: { shell?: string; config?: string; secrets?: string }): void {
  for (const d of ['bin', 'etc', 'proc', 'dev', 'srv', 'root']) mkdirSync(join(root, d), { recursive: true });
  execFileSync('cp', ['/bin/busybox', join(root, 'bin', 'busybox')]);
  for (const a of APPLETS) if (!existsSync(join(root, 'bin', a))) symlinkSync('busybox', join(root, 'bin', a));
  // root's login shell on this machine is /bin/bash; inside the chroot it must exist too.
  writeFileSync(join(root, 'bin', 'bash'), opts.shell ?? '#!/bin/busybox sh\nexec /bin/sh "$@"\n', { mode: 0o755 });
  writeFileSync(join(root, 'dev', 'null'), '', { mode: 0o666 });
  chmodSync(join(root, 'dev', 'null'), 0o666);
  if (opts.config !== undefined) writeFileSync(join(root, 'etc', 'rsyncd.conf'), opts.config);
  if (opts.secrets !== undefined) writeFileSync(join(root, 'etc', 'rsyncd.secrets'), opts.secrets, { mode: 0o644 });
}

function keygen(path: string): string {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path]);
  return readFileSync(`${path}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
}

/**
 * Poll until sshd accepts a connection. sshd forks into the background before it binds, so the port may still
 * be free when the starting command returns; probing by binding the port ourselves could take it from sshd
 * at that moment (it then exits: "Cannot bind any address"). A connection only ever meets a bound socket.
 */
async function waitFor(port: number, log: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await connects('127.0.0.1', port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  const said = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-5).join(' | ') : 'no log';
  throw new Error(`sshd did not listen on ${port} within 15 s (its log: ${said})`);
}

/** Optional extra hosts; without them the fleet is the one every test knows. */
export interface FleetOptions {
  /** A host `slow` (group broken) that takes the script and then answers nothing for 30 s: a total timeout after the connection. */
  slow?: boolean;
  /** How many healthy hosts (h1…hN, configs in turn); 8 unless a benchmark asks for more (bench/fleet-scale.ts starts 100). */
  healthy?: number;
}

export async function startFleet(opts: FleetOptions = {}): Promise<Fleet> {
  mkdirSync('/srv', { recursive: true });
  const base = join('/srv', `rgtest.${process.pid}.${Date.now()}`);
  mkdirSync(join(base, 'keys'), { recursive: true });
  chmodSync(base, 0o755);
  mkdirSync('/run/sshd', { recursive: true });
  const clientKey = join(base, 'client');
  const clientPub = keygen(clientKey);
  writeFileSync(join(base, 'keys', 'authorized_keys'), `${clientPub}\n`);
  writeFileSync(join(base, 'keys', 'other_keys'), `${keygen(join(base, 'stranger'))}\n`);
  const hosts: FleetHost[] = [];
  const pidFiles: string[] = [];
  const known: string[] = [];
  const servers: Server[] = [];

  const sshHost = async (name: string, group: string, expect: FleetHost['expect'], root: { shell?: string; config?: string; secrets?: string }, keys = 'authorized_keys') => {
    const port = await freePort();
    const dir = join(base, name);
    hostRoot(dir, root);
    const hostPub = keygen(join(base, `${name}.hostkey`));
    // The mismatched host's known_hosts entry is some other key.
    known.push(`[127.0.0.1]:${port} ${expect === 'host-key-mismatch' ? keygen(join(base, `${name}.wrongkey`)) : hostPub}`);
    const conf = join(base, `${name}.sshd_config`);
    const pid = join(base, `${name}.pid`);
    writeFileSync(
      conf,
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${join(base, `${name}.hostkey`)}`,
        `PidFile ${pid}`,
        `AuthorizedKeysFile ${join(base, 'keys', keys)}`,
        'PermitRootLogin prohibit-password',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'UsePAM no',
        'StrictModes no',
        `ChrootDirectory ${dir}`,
        '',
      ].join('\n'),
    );
    execFileSync('/usr/sbin/sshd', ['-f', conf, '-E', join(base, `${name}.log`)]);
    pidFiles.push(pid);
    await waitFor(port, join(base, `${name}.log`));
    hosts.push({ name, group, port, expect });
  };

  for (let i = 0; i < (opts.healthy ?? 8); i++) {
    const config = HEALTHY_CONFIGS[i % HEALTHY_CONFIGS.length] ?? '';
    await sshHost(`h${i + 1}`, i < 4 ? 'mirrors' : 'backups', 'ok', { config, secrets: 'backup:backup\n' });
  }
  await sshHost('badkey', 'broken', 'host-key-mismatch', { config: HEALTHY_CONFIGS[0] ?? '' });
  await sshHost('refused', 'broken', 'auth-failed', { config: HEALTHY_CONFIGS[0] ?? '' }, 'other_keys');
  await sshHost('garbage', 'broken', 'malformed-output', { shell: '#!/bin/busybox sh\ncat >/dev/null\necho "this is not { json"\n' });
  await sshHost('flood', 'broken', 'output-too-large', { shell: '#!/bin/busybox sh\ncat >/dev/null\nyes rsyncguard-flood-line | head -c 8000000\n' });
  if (opts.slow) await sshHost('slow', 'broken', 'timeout', { shell: '#!/bin/busybox sh\ncat >/dev/null\nsleep 30\n' });
  // Nobody listens here.
  hosts.push({ name: 'gone', group: 'broken', port: await freePort(), expect: 'unreachable' });
  // Accepts and never speaks.
  const silent = createServer((socket) => socket.on('error', () => {}));
  const silentPort = await freePort();
  await new Promise<void>((done) => silent.listen(silentPort, '127.0.0.1', () => done()));
  servers.push(silent);
  hosts.push({ name: 'silent', group: 'broken', port: silentPort, expect: 'timeout' });

  const knownHosts = join(base, 'known_hosts');
  writeFileSync(knownHosts, `${known.join('\n')}\n`);
  const sshConfig = join(base, 'ssh_config');
  writeFileSync(sshConfig, ['Host *', '  User root', `  IdentityFile ${clientKey}`, '  IdentitiesOnly yes', `  UserKnownHostsFile ${knownHosts}`, '  GlobalKnownHostsFile /dev/null', '  LogLevel ERROR', ''].join('\n'));
  const inventory = join(base, 'inventory.yml');
  const groups = new Map<string, FleetHost[]>();
  for (const h of hosts) groups.set(h.group, [...(groups.get(h.group) ?? []), h]);
  writeFileSync(inventory, ['groups:', ...[...groups].flatMap(([g, hs]) => [`  ${g}:`, '    hosts:', ...hs.map((h) => `      ${h.name}: { address: 127.0.0.1, port: ${h.port} }`)]), ''].join('\n'));

  return {
    base,
    hosts,
    sshConfig,
    clientKey,
    knownHosts,
    inventory,
    stop() {
      for (const p of pidFiles) {
        try {
          process.kill(Number(readFileSync(p, 'utf8').trim()), 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      for (const s of servers) s.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
