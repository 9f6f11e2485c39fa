/**
 * What a connection costs and how its failures are named (issue 21's two costs, issue 17 §5's host-key
 * outcomes), against the real sshd fleet: a silent listener costs one connect timeout, not two; the inventory's
 * key, ssh args and become user reach ssh; an unknown host key is not a changed one, and a changed one is never
 * accepted; a reset is retried and a timeout is not; no ssh process outlives a sweep even where the user's config keeps masters; the collector's file
 * sizes arrive over ssh from busybox sh.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, connect, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { sweep, type HostOutcome } from '../../src/runner/index.ts';
import type { InventoryHost, SshOptions } from '../../src/sources/index.ts';
import { startFleet, type Fleet, type FleetHost } from './support/ssh-fleet.ts';

const SCRIPT = readFileSync(resolve('collectors/rsync-facts.sh'), 'utf8');
const CONNECT_TIMEOUT = 2;
let fleet: Fleet;

const costs = suite('sweep: connection costs and host-key outcomes against real sshd');

costs.before(async () => {
  fleet = await startFleet();
});
costs.after(() => fleet?.stop());

const fleetHost = (name: string): FleetHost => {
  const h = fleet.hosts.find((x) => x.name === name);
  if (!h) throw new Error(`no fleet host ${name}`);
  return h;
};

const inventoryHost = (name: string, extra: Partial<InventoryHost> = {}): InventoryHost => ({ name, group: fleetHost(name).group, address: '127.0.0.1', port: fleetHost(name).port, user: null, jump: null, sudo: false, ...extra });

const sshOptions = (extra: Partial<SshOptions> = {}): SshOptions => ({ sshConfig: fleet.sshConfig, connectTimeoutSeconds: CONNECT_TIMEOUT, totalTimeoutMs: 20_000, maxOutputBytes: 1_000_000, acceptNewHostKeys: false, ...extra });

async function sweepHosts(hosts: InventoryHost[], ssh: Partial<SshOptions> = {}): Promise<{ outcomes: HostOutcome[]; seconds: number }> {
  const started = performance.now();
  const r = await sweep(hosts, SCRIPT, { concurrency: 4, ssh: sshOptions(ssh), resume: false });
  if (!r.ok) throw r.error;
  return { outcomes: r.value, seconds: (performance.now() - started) / 1000 };
}

const outcomeOf = (outcomes: HostOutcome[], name: string): HostOutcome => {
  const o = outcomes.find((x) => x.host === name);
  if (!o) throw new Error(`${name} has no outcome`);
  return o;
};

/** A copy of the fleet's ssh_config with LINES added (ssh_config: the first value obtained wins, so they go first). */
function sshConfigWith(name: string, lines: string[]): string {
  const path = join(fleet.base, name);
  writeFileSync(path, `${lines.join('\n')}\n${readFileSync(fleet.sshConfig, 'utf8')}`);
  return path;
}

costs('a listener that never speaks costs one connect timeout, not two', async () => {
  const { outcomes, seconds } = await sweepHosts([inventoryHost('silent')]);
  const o = outcomeOf(outcomes, 'silent');
  assert.is(o.status, 'timeout', o.reason);
  assert.match(o.reason, /banner exchange/);
  assert.ok(seconds >= CONNECT_TIMEOUT - 0.2, `${seconds.toFixed(2)} s: shorter than the connect timeout itself?`);
  assert.ok(seconds < CONNECT_TIMEOUT * 1.6, `${seconds.toFixed(2)} s for a connect timeout of ${CONNECT_TIMEOUT} s: retried`);
});

costs('a refused connection is retried once, and still costs well under a connect timeout', async () => {
  const { outcomes, seconds } = await sweepHosts([inventoryHost('gone')]);
  assert.is(outcomeOf(outcomes, 'gone').status, 'unreachable');
  assert.ok(seconds < CONNECT_TIMEOUT, `${seconds.toFixed(2)} s`);
});

costs('a connection reset before the banner is retried once, and the retry reaches the host', async () => {
  const h1 = fleetHost('h1');
  let connections = 0;
  // The first connection is reset (a daemon restarting, MaxStartups shedding load); later ones reach h1's sshd.
  const proxy = createServer((client) => {
    client.on('error', () => {});
    if (connections++ === 0) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(h1.port, '127.0.0.1');
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', () => done()));
  try {
    const port = (proxy.address() as AddressInfo).port;
    // h1's known key is filed under its own port: the inventory's ssh args say so.
    const { outcomes } = await sweepHosts([inventoryHost('h1', { port, sshArgs: ['-o', `HostKeyAlias=[127.0.0.1]:${h1.port}`] })]);
    const o = outcomeOf(outcomes, 'h1');
    assert.is(o.status, 'ok', o.reason);
    assert.is(connections, 2, 'one reset, one retry');
  } finally {
    proxy.close();
  }
});

costs("the inventory's identity file reaches ssh: a host that refuses the config's key lets the inventory's in", async () => {
  const without = await sweepHosts([inventoryHost('refused')]);
  assert.is(outcomeOf(without.outcomes, 'refused').status, 'auth-failed', 'the fleet config’s key alone is refused');
  const withKey = await sweepHosts([inventoryHost('refused', { identityFile: join(fleet.base, 'stranger') })]);
  const o = outcomeOf(withKey.outcomes, 'refused');
  assert.is(o.status, 'ok', o.reason);
});

costs('sweep --inventory: ansible_ssh_private_key_file from an INI inventory is used (issue 21 §2)', () => {
  const h = fleetHost('refused');
  const inventory = join(fleet.base, 'keyed.ini');
  writeFileSync(inventory, `[broken]\nrefused ansible_host=127.0.0.1 ansible_port=${h.port} ansible_ssh_private_key_file=${join(fleet.base, 'stranger')}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve('src/cli/main.ts'), 'sweep', '--inventory', inventory, '--ssh-config', fleet.sshConfig, '--connect-timeout', String(CONNECT_TIMEOUT), '--format', 'json', '--fail-on', 'none'], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 << 20,
  });
  const report = JSON.parse(r.stdout || '{}') as { targets?: { target: string }[]; errors?: { target: string; message: string }[] };
  assert.equal(report.errors ?? [], [], r.stderr);
  assert.ok(
    report.targets?.some((t) => t.target === 'refused:/etc/rsyncd.conf'),
    r.stderr,
  );
  assert.is(r.status, 0, r.stderr);
});

costs('an unknown host key is host-key-unknown with the hint; --accept-new-host-keys trusts it and records it', async () => {
  // known_hosts without h2's entry: h2 is unknown, badkey's entry is some other key.
  const known = join(fleet.base, 'known_hosts.partial');
  const h2 = fleetHost('h2');
  writeFileSync(
    known,
    `${readFileSync(fleet.knownHosts, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith(`[127.0.0.1]:${h2.port} `))
      .join('\n')}`,
  );
  const sshConfig = sshConfigWith('ssh_config.partial', [`UserKnownHostsFile ${known}`]);
  const first = await sweepHosts([inventoryHost('h2'), inventoryHost('badkey')], { sshConfig });
  const unknown = outcomeOf(first.outcomes, 'h2');
  assert.is(unknown.status, 'host-key-unknown', unknown.reason);
  assert.match(unknown.reason, '--accept-new-host-keys');
  const changed = outcomeOf(first.outcomes, 'badkey');
  assert.is(changed.status, 'host-key-mismatch', changed.reason);
  assert.not.match(changed.reason, '--accept-new-host-keys', 'a changed key is never offered for trust on first use');
  const accepted = await sweepHosts([inventoryHost('h2'), inventoryHost('badkey')], { sshConfig, acceptNewHostKeys: true });
  assert.is(outcomeOf(accepted.outcomes, 'h2').status, 'ok', outcomeOf(accepted.outcomes, 'h2').reason);
  assert.is(outcomeOf(accepted.outcomes, 'badkey').status, 'host-key-mismatch', 'accept-new never accepts a changed key');
  assert.match(readFileSync(known, 'utf8'), `[127.0.0.1]:${h2.port} `, 'the accepted key is recorded');
  const again = await sweepHosts([inventoryHost('h2')], { sshConfig });
  assert.is(outcomeOf(again.outcomes, 'h2').status, 'ok', 'known from now on without the flag');
});

costs('a changed host key stays refused whatever the ssh config or the inventory says', async () => {
  const sshConfig = sshConfigWith('ssh_config.lax', ['StrictHostKeyChecking no', 'LogLevel QUIET']);
  const { outcomes } = await sweepHosts([inventoryHost('badkey', { sshArgs: ['-o', 'StrictHostKeyChecking=no'] })], { sshConfig });
  const o = outcomeOf(outcomes, 'badkey');
  assert.is(o.status, 'host-key-mismatch', `${o.status}: ${o.reason}`);
});

costs('no ssh outlives the sweep, even where the user’s config keeps connection masters', async () => {
  const sockets = join(fleet.base, 'mux');
  spawnSync('mkdir', ['-m', '0700', sockets]);
  const sshConfig = sshConfigWith('ssh_config.mux', ['ControlMaster auto', `ControlPath ${sockets}/%C`, 'ControlPersist 10m']);
  try {
    const { outcomes } = await sweepHosts([inventoryHost('h1'), inventoryHost('h2'), inventoryHost('h5')], { sshConfig });
    assert.ok(
      outcomes.every((o) => o.status === 'ok'),
      JSON.stringify(outcomes.map((o) => [o.host, o.status, o.reason])),
    );
    assert.equal(readdirSync(sockets), [], 'a master was left listening');
  } finally {
    // Whatever a failing run left behind: closed through its own socket, never by process name.
    for (const s of existsSync(sockets) ? readdirSync(sockets) : []) spawnSync('ssh', ['-S', join(sockets, s), '-O', 'exit', 'x'], { timeout: 5000 });
  }
});

costs('an open master of the user’s own is used, not a new connection', async () => {
  const sockets = join(fleet.base, 'mux-own');
  spawnSync('mkdir', ['-m', '0700', sockets]);
  const h1 = fleetHost('h1');
  const socket = join(sockets, 'h1');
  const master = spawnSync('ssh', ['-F', fleet.sshConfig, '-o', 'BatchMode=yes', '-M', '-S', socket, '-f', '-N', '-p', String(h1.port), '127.0.0.1'], { encoding: 'utf8', timeout: 10_000 });
  assert.is(master.status, 0, master.stderr);
  try {
    // Only the master can reach h1 now: the config's key is gone, so a fresh connection would fail to log in.
    const sshConfig = join(fleet.base, 'ssh_config.master');
    writeFileSync(sshConfig, ['Host *', '  User root', `  ControlPath ${socket}`, '  IdentityFile /dev/null', '  IdentitiesOnly yes', `  UserKnownHostsFile ${fleet.knownHosts}`, ''].join('\n'));
    const { outcomes } = await sweepHosts([inventoryHost('h1')], { sshConfig });
    assert.is(outcomeOf(outcomes, 'h1').status, 'ok', outcomeOf(outcomes, 'h1').reason);
  } finally {
    spawnSync('ssh', ['-S', socket, '-O', 'exit', 'x'], { timeout: 5000 });
  }
});

costs('become_user reaches sudo as one word: sudo -n -u USER sh -s', async () => {
  const h1Root = join(fleet.base, 'h1');
  // A stand-in sudo (the busybox root has none): records its argv, then runs the command after the options.
  writeFileSync(join(h1Root, 'bin', 'sudo'), '#!/bin/busybox sh\nprintf "%s\\n" "$@" > /root/sudo-argv\nwhile [ "$#" -gt 0 ] && [ "$1" != sh ]; do shift; done\nexec "$@"\n', { mode: 0o755 });
  const { outcomes } = await sweepHosts([inventoryHost('h1', { sudo: true, becomeUser: "rsync user's" })]);
  assert.is(outcomeOf(outcomes, 'h1').status, 'ok', outcomeOf(outcomes, 'h1').reason);
  assert.equal(
    readFileSync(join(h1Root, 'root', 'sudo-argv'), 'utf8')
      .split('\n')
      .slice(0, -1),
    ['-n', '-u', "rsync user's", 'sh', '-s'],
  );
});

costs('the collector’s file sizes arrive over ssh from busybox sh (issue 21 §6)', async () => {
  const { outcomes } = await sweepHosts([inventoryHost('h1'), inventoryHost('h2')]);
  for (const name of ['h1', 'h2']) {
    const raw = outcomeOf(outcomes, name).raw;
    const conf = raw?.files.find((f) => f.path === '/etc/rsyncd.conf');
    assert.ok(conf && typeof conf.text === 'string', `${name}: no rsyncd.conf collected`);
    const onDisk = readFileSync(join(fleet.base, name, 'etc', 'rsyncd.conf'));
    assert.is(conf?.size, onDisk.length, `${name}: size`);
  }
});

costs.run();
