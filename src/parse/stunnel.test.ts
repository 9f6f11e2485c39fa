import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { frontsConfig, readStunnel } from './stunnel.ts';

const test = suite('readStunnel');

const read = (text: string) => readStunnel(Buffer.from(text), 'stunnel.conf');

test('a service: where it accepts, where it connects, located at its accept line', () => {
  assert.equal(read('pid = /run/s.pid\n; comment\n[rsync]\naccept = 874\nconnect = 127.0.0.1:8873\ncert = /x.pem\n'), [{ at: 'stunnel.conf:4', accept: '874', connect: ['127.0.0.1:8873'], execsRsync: false, verifiesClients: false }]);
});

test('a service that runs rsync itself (exec/execargs, inetd mode)', () => {
  const [s] = read('[rsync]\naccept = 874\nexec = /usr/bin/rsync\nexecargs = rsync --server --daemon .\n');
  assert.ok(s?.execsRsync);
});

test("an exec service serves only the config its rsync reads: execargs' --config, else /etc/rsyncd.conf", () => {
  const [tls] = read('[rsync-tls]\naccept = 874\nexec = /usr/bin/rsync\nexecargs = rsync --daemon --config=/etc/rsyncd-tls.conf\n');
  const [plain] = read('[rsync]\naccept = 874\nexec = /usr/bin/rsync\nexecargs = rsync --daemon\n');
  assert.is(tls?.execConfig, '/etc/rsyncd-tls.conf');
  assert.is(plain?.execConfig, '/etc/rsyncd.conf');
  if (!tls || !plain) return;
  assert.ok(frontsConfig(tls, 'rsyncd-tls.conf'));
  assert.ok(frontsConfig(tls, 'roles/rsync/etc/rsyncd-tls.conf.j2'));
  assert.not.ok(frontsConfig(tls, 'rsyncd.conf'));
  assert.ok(frontsConfig(plain, 'etc/rsyncd.conf'));
  assert.not.ok(frontsConfig(plain, 'opt/etc/rsyncd.conf.d/x.conf'));
  assert.ok(frontsConfig(read('[r]\naccept = 874\nconnect = 873\n')[0] ?? plain, 'anything.conf'));
});

test('client certificates: verify 2 or more, or verifyChain, here or in the global part', () => {
  assert.ok(read('[r]\naccept = 874\nconnect = 873\nverify = 2\n')[0]?.verifiesClients);
  assert.ok(read('verifyChain = yes\n[r]\naccept = 874\nconnect = 873\n')[0]?.verifiesClients);
  assert.not.ok(read('[r]\naccept = 874\nconnect = 873\nverify = 1\n')[0]?.verifiesClients);
});

test('client services connect out and are no front end; a section without accept is none either', () => {
  assert.equal(read('[out]\nclient = yes\naccept = 127.0.0.1:873\nconnect = mirror.example.org:874\n[x]\nconnect = 873\n'), []);
});

test.run();
