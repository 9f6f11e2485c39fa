import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { StunnelService } from '../parse/index.ts';
import { classify, listenerFailure, type ReachInput, reachOf } from './reach.ts';

const file = (address?: string, port?: number): ReachInput => ({
  listener: { ...(address === undefined ? {} : { address: { value: address } }), ...(port === undefined ? {} : { port: { value: port } }) },
  processes: [],
  listeners: [],
  units: [],
  image: null,
});

const classes = suite('classify');

classes('each address class', () => {
  const cases: [string, string, string?][] = [
    ['0.0.0.0', 'any'],
    ['::', 'any'],
    ['203.0.113.5', 'any'],
    ['2001:db8::5', 'any'],
    ['127.0.0.1', 'local'],
    ['127.3.4.5', 'local'],
    ['::1', 'local'],
    ['localhost', 'local'],
    ['00000000000000000000000000000001', 'local'],
    ['::ffff:127.0.0.1', 'local'],
    ['10.1.2.3', 'private', '10.0.0.0/8'],
    ['172.16.0.1', 'private', '172.16.0.0/12'],
    ['172.31.255.1', 'private', '172.16.0.0/12'],
    ['172.32.0.1', 'any'],
    ['192.168.1.1', 'private', '192.168.0.0/16'],
    ['100.64.0.1', 'private', '100.64.0.0/10'],
    ['100.128.0.1', 'any'],
    ['169.254.1.1', 'private', '169.254.0.0/16'],
    ['fd00::1', 'private', 'fc00::/7'],
    ['fe80::1', 'private', 'fe80::/10'],
    ['::ffff:10.0.0.1', 'private', '10.0.0.0/8'],
    ['00000000000000000000000000000000', 'any'],
    ['rsync.example.com', 'any'],
    ['256.1.1.1', 'any'],
  ];
  for (const [address, value, network] of cases) {
    const c = classify(address);
    assert.is(c.value, value, address);
    if (network) assert.is(c.network, network, address);
  }
});

const files = suite('reachOf: file targets');

files('no address: any, with the reason', () => {
  const r = reachOf(file());
  assert.is(r.value, 'any');
  assert.equal(r.addresses, []);
  assert.match(r.reason, /every interface/);
});

files('loopback: local, and the reason says who can connect', () => {
  const r = reachOf(file('127.0.0.1'));
  assert.is(r.value, 'local');
  assert.equal(r.addresses, ['127.0.0.1']);
  assert.is(r.who, 'processes on this machine');
  assert.match(r.reason, /binds 127\.0\.0\.1 only .*only processes on this machine can connect/);
});

files('a private address names its network', () => {
  const r = reachOf(file('10.1.2.3'));
  assert.is(r.value, 'private');
  assert.is(r.who, 'hosts on the private network 10.0.0.0/8');
});

files('a public address and an unjudged name are any, and the reason says which', () => {
  assert.match(reachOf(file('198.51.100.4')).reason, /public address/);
  const named = reachOf(file('rsync.example.com'));
  assert.is(named.value, 'any');
  assert.match(named.reason, /not an address rsyncguard can judge/);
});

files('an empty address is unset', () => {
  assert.is(reachOf(file('')).value, 'any');
});

const hosts = suite('reachOf: host targets');

hosts('the sockets the daemon holds beat --address and the file', () => {
  const r = reachOf({ ...file('127.0.0.1'), processes: [{ cmdline: ['rsync', '--daemon', '--address=127.0.0.1'] }], listeners: [{ address: '0.0.0.0', port: 873, pid: 7 }] });
  assert.is(r.value, 'any');
  assert.equal(r.addresses, ['0.0.0.0']);
  assert.match(r.reason, /listens on 0\.0\.0\.0/);
});

hosts('several listeners: the widest', () => {
  const r = reachOf({
    ...file(),
    listeners: [
      { address: '127.0.0.1', port: 873, pid: 7 },
      { address: '10.0.0.5', port: 873, pid: 7 },
    ],
  });
  assert.is(r.value, 'private');
  assert.equal(r.addresses, ['127.0.0.1', '10.0.0.5']);
});

hosts("loopback listeners in the collector's IPv6 form are local", () => {
  const r = reachOf({
    ...file(),
    listeners: [
      { address: '127.0.0.1', port: 873, pid: 7 },
      { address: '00000000000000000000000000000001', port: 873, pid: 7 },
    ],
  });
  assert.is(r.value, 'local');
  assert.equal(r.addresses, ['127.0.0.1', '::1']);
});

hosts("an unowned socket on 874 is not the daemon's, but a TLS front end that lets any host in", () => {
  const r = reachOf({ ...file('127.0.0.1'), listeners: [{ address: '0.0.0.0', port: 874, pid: null }] });
  assert.is(r.value, 'any');
  assert.equal(r.addresses, ['127.0.0.1'], "the daemon's own address is still the file's");
  assert.match(r.reason, /^stunnel or another TLS front end listening on 0\.0\.0\.0 port 874 relays its clients to it/);
  assert.not.match(r.reason, /only processes on this machine/);
  assert.match(r.front_end ?? '', /port 874/);
  // A front end on loopback lets no one else in; an unowned socket on another port is nobody's front end.
  assert.is(reachOf({ ...file('127.0.0.1'), listeners: [{ address: '127.0.0.1', port: 874, pid: null }] }).value, 'local');
  assert.is(reachOf({ ...file('127.0.0.1'), listeners: [{ address: '0.0.0.0', port: 8080, pid: null }] }).value, 'local');
});

hosts('a stunnel process in front of a loopback daemon: any', () => {
  const r = reachOf({ ...file('127.0.0.1'), processes: [{ cmdline: ['rsync', '--daemon'] }, { cmdline: ['/usr/bin/stunnel4', '/etc/stunnel/rsync.conf'] }] });
  assert.is(r.value, 'any');
  assert.match(r.reason, /stunnel process/);
});

hosts('-M address= and --dparam=address= beat the file, --address beats them', () => {
  for (const cmdline of [
    ['rsync', '--daemon', '-M', 'address=0.0.0.0'],
    ['rsync', '--daemon', '-Maddress=0.0.0.0'],
    ['rsync', '--daemon', '--dparam=address=0.0.0.0'],
    ['rsync', '--daemon', '--dparam', 'Address = 0.0.0.0'],
  ]) {
    const r = reachOf({ ...file('127.0.0.1'), processes: [{ cmdline }] });
    assert.is(r.value, 'any', cmdline.join(' '));
    assert.ok(r.every_interface, cmdline.join(' '));
  }
  assert.is(reachOf({ ...file('0.0.0.0'), processes: [{ cmdline: ['rsync', '--daemon', '-M', 'address=0.0.0.0', '--address=127.0.0.1'] }] }).value, 'local');
  // An empty -M value clears the file's address: every interface.
  assert.is(reachOf({ ...file('127.0.0.1'), processes: [{ cmdline: ['rsync', '--daemon', '-M', 'address='] }] }).value, 'any');
});

hosts('the port: --port, then -M port=, then the file', () => {
  assert.is(reachOf(file(undefined, 8873)).port, 8873);
  assert.is(reachOf(file()).port, 873);
  assert.is(reachOf({ ...file(undefined, 8873), processes: [{ cmdline: ['rsync', '--daemon', '-M', 'port=9000'] }] }).port, 9000);
  assert.is(reachOf({ ...file(undefined, 8873), processes: [{ cmdline: ['rsync', '--daemon', '-M', 'port=9000', '--port=8730'] }] }).port, 8730);
});

hosts('--address on the command line beats the file', () => {
  for (const cmdline of [
    ['rsync', '--daemon', '--address=127.0.0.1'],
    ['rsync', '--daemon', '--address', '127.0.0.1'],
  ]) {
    const r = reachOf({ ...file('0.0.0.0'), processes: [{ cmdline }] });
    assert.is(r.value, 'local', cmdline.join(' '));
    assert.match(r.reason, /--address=127\.0\.0\.1/);
  }
  assert.is(reachOf({ ...file('127.0.0.1'), processes: [{ cmdline: ['rsync', '--daemon', '--address=10.9.9.9'] }] }).value, 'private');
});

hosts("a superserver that starts rsync per connection: the file's address does not apply", () => {
  const socket = reachOf({ ...file('127.0.0.1'), units: [{ kind: 'systemd', path: '/lib/systemd/system/rsync.socket', enabled: true }] });
  assert.is(socket.value, 'any');
  assert.match(socket.reason, /rsync\.socket starts rsync for each connection/);
  assert.is(reachOf({ ...file('127.0.0.1'), units: [{ kind: 'xinetd', path: '/etc/xinetd.d/rsync', enabled: true }] }).value, 'any');
  // Disabled, or a service unit that runs the daemon itself: the address applies.
  assert.is(reachOf({ ...file('127.0.0.1'), units: [{ kind: 'xinetd', path: '/etc/xinetd.d/rsync', enabled: false }] }).value, 'local');
  assert.is(reachOf({ ...file('127.0.0.1'), units: [{ kind: 'systemd', path: '/lib/systemd/system/rsync.service', enabled: true }] }).value, 'local');
  // A daemon process runs: it is standalone, and its sockets or address decide.
  assert.is(reachOf({ ...file('127.0.0.1'), processes: [{ cmdline: ['rsync', '--daemon'] }], units: [{ kind: 'systemd', path: '/lib/systemd/system/rsync.socket', enabled: true }] }).value, 'local');
});

const images = suite('reachOf: image targets');

const image = (exposed: string[], cmd: string[] = ['rsync', '--daemon', '--no-detach']) => ({ exposed_ports: exposed, entrypoint: [], cmd });

images('"$@" in a sh -c Entrypoint takes the Cmd words: their --address decides', () => {
  const r = reachOf({ ...file('127.0.0.1'), image: { exposed_ports: ['873/tcp'], entrypoint: ['sh', '-c', 'exec rsync --daemon --no-detach "$@"', '--'], cmd: ['--address=0.0.0.0'] } });
  assert.is(r.value, 'any');
  assert.ok(r.every_interface);
});

images('the daemon port not exposed: container', () => {
  const r = reachOf({ ...file(), image: image([]) });
  assert.is(r.value, 'container');
  assert.is(r.who, 'peers on the container network');
  assert.match(r.reason, /does not expose port 873/);
});

images('the daemon port exposed: the address rule decides', () => {
  assert.is(reachOf({ ...file(), image: image(['873/tcp']) }).value, 'any');
  assert.is(reachOf({ ...file(undefined, 8873), image: image(['873/tcp']) }).value, 'container');
  assert.is(reachOf({ ...file(undefined, 8873), image: image(['8873/tcp']) }).value, 'any');
  assert.is(reachOf({ ...file(), image: image(['800-900/tcp']) }).value, 'any');
  assert.is(reachOf({ ...file(), image: image(['873/udp']) }).value, 'container');
  assert.is(reachOf({ ...file(), image: image(['8873/tcp'], ['rsync', '--daemon', '--port=8873']) }).value, 'any');
});

images('loopback inside the container is local, exposed or not', () => {
  assert.is(reachOf({ ...file('127.0.0.1'), image: image([]) }).value, 'local');
  assert.is(reachOf({ ...file('127.0.0.1'), image: image(['873/tcp']) }).value, 'local');
  assert.is(reachOf({ ...file(), image: image(['873/tcp'], ['rsync', '--daemon', '--address=127.0.0.1']) }).value, 'local');
});

images('-M address= and --address inside a sh -c string are read', () => {
  const bound = (entrypoint: string[], cmd: string[]) => reachOf({ ...file('127.0.0.1'), image: { exposed_ports: ['873/tcp'], entrypoint, cmd, starts_daemon: true } });
  assert.is(bound(['rsync', '--daemon'], ['--no-detach', '-M', 'address=0.0.0.0']).value, 'any');
  assert.is(bound(['sh', '-c'], ['exec rsync --daemon --no-detach --address=0.0.0.0']).value, 'any');
  assert.match(bound(['sh', '-c'], ['exec rsync --daemon --no-detach --address=0.0.0.0']).reason, /--address=0\.0\.0\.0/);
  assert.is(bound(['/bin/sh', '-c', 'exec rsync --daemon --no-detach'], []).value, 'local');
  const port = reachOf({ ...file(), image: { exposed_ports: [], entrypoint: ['rsync', '--daemon'], cmd: ['--no-detach', '--port=8730'], starts_daemon: true } });
  assert.is(port.port, 8730);
  assert.match(port.reason, /port 8730/);
});

images('a daemon started by a script in the image: its options are unknown, so the file does not make it local', () => {
  const r = reachOf({ ...file('127.0.0.1'), image: { exposed_ports: ['873/tcp'], entrypoint: ['/entrypoint.sh'], cmd: [], starts_daemon: true } });
  assert.is(r.value, 'any');
  assert.match(r.reason, /script whose options rsyncguard does not read/);
  assert.not.ok(r.every_interface);
});

images('the launch followed into its scripts decides, when the runner read it', () => {
  const base = { exposed_ports: ['873/tcp'], entrypoint: ['/entrypoint.sh'], cmd: [], starts_daemon: true };
  assert.is(reachOf({ ...file('127.0.0.1'), image: { ...base, daemon_args: [['--daemon', '--no-detach']] } }).value, 'local');
  const wide = reachOf({ ...file('127.0.0.1'), image: { ...base, daemon_args: [['--daemon', '--address=0.0.0.0']] } });
  assert.is(wide.value, 'any');
  assert.match(wide.reason, /--address=0\.0\.0\.0/);
  assert.is(reachOf({ ...file(), image: { ...base, exposed_ports: [], daemon_args: [['--daemon', '-M', 'port=8730']] } }).port, 8730);
});

const failing = suite('listenerFailure');

failing('an address getaddrinfo can never resolve stops the daemon', () => {
  for (const address of ['127.0.0.1 # loopback', '0.0.0.0 127.0.0.1', '[::1]']) assert.match(listenerFailure(file(address)) ?? '', /can never be resolved/, address);
  for (const address of ['127.0.0.1', 'rsync.example.com', '127.1', 'fe80::1%lo']) assert.is(listenerFailure(file(address)), null, address);
  assert.is(listenerFailure(file()), null);
});

failing('not when something else decides what is bound', () => {
  const bad = file('127.0.0.1 # loopback');
  assert.is(listenerFailure({ ...bad, processes: [{ cmdline: ['rsync', '--daemon', '--address=127.0.0.1'] }] }), null);
  assert.is(listenerFailure({ ...bad, image: { exposed_ports: [], entrypoint: ['rsync', '--daemon', '--address=127.0.0.1'], cmd: [], starts_daemon: true } }), null);
  assert.is(listenerFailure({ ...bad, units: [{ kind: 'xinetd', path: '/etc/xinetd.d/rsync', enabled: true }] }), null);
});

const fronts = suite('reachOf: stunnel beside the config');

const stunnel = (accept: string, connect: string[], more: Partial<StunnelService> = {}): StunnelService => ({ at: 'stunnel.conf:3', accept, connect, execsRsync: false, verifiesClients: false, ...more });

fronts("a service that connects to the daemon's loopback port lets any host in", () => {
  const r = reachOf({ ...file('127.0.0.1', 8873), frontEnds: [stunnel('874', ['127.0.0.1:8873'])] });
  assert.is(r.value, 'any');
  assert.match(r.reason, /^stunnel on port 874 in stunnel\.conf:3 relays any client to it/);
  assert.not.match(r.reason, /only processes on this machine/);
  assert.is(r.front_end, 'stunnel on port 874 in stunnel.conf:3');
  assert.is(reachOf({ ...file('127.0.0.1', 8873), frontEnds: [stunnel(':::874', ['localhost:8873'])] }).value, 'any');
  assert.is(reachOf({ ...file('127.0.0.1'), frontEnds: [stunnel('874', [], { execsRsync: true })] }).value, 'any');
});

fronts('a service for another port, or one accepting on loopback only, changes nothing', () => {
  assert.is(reachOf({ ...file('127.0.0.1', 8873), frontEnds: [stunnel('874', ['127.0.0.1:873'])] }).value, 'local');
  assert.is(reachOf({ ...file('127.0.0.1', 8873), frontEnds: [stunnel('127.0.0.1:874', ['127.0.0.1:8873'])] }).value, 'local');
  assert.is(reachOf({ ...file('10.0.0.5', 8873), frontEnds: [stunnel('874', ['127.0.0.1:8873'])] }).value, 'private');
});

fronts('a service accepting on a private address reaches that network, not any host', () => {
  const r = reachOf({ ...file('10.0.0.5'), frontEnds: [stunnel('10.0.0.5:874', ['10.0.0.5:873'])] });
  assert.is(r.value, 'private');
  assert.is(r.front_end, null);
  const wider = reachOf({ ...file('127.0.0.1'), frontEnds: [stunnel('192.168.1.10:874', ['127.0.0.1:873'])] });
  assert.is(wider.value, 'private');
  assert.is(wider.who, 'hosts on the private network 192.168.0.0/16');
  assert.is(wider.front_end, 'stunnel on port 874 in stunnel.conf:3');
  assert.match(wider.reason, /but hosts on the private network 192\.168\.0\.0\/16 that can reach port 874 connect through it\.$/);
  assert.is(reachOf({ ...file('127.0.0.1'), frontEnds: [stunnel('192.168.1.10:874', ['127.0.0.1:873']), stunnel('0.0.0.0:8874', ['127.0.0.1:873'])] }).value, 'any');
});

classes.run();
failing.run();
fronts.run();
files.run();
hosts.run();
images.run();
