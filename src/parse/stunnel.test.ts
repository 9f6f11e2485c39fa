import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readStunnel } from './stunnel.ts';

const test = suite('readStunnel');

const read = (text: string) => readStunnel(Buffer.from(text), 'stunnel.conf');

test('a service: where it accepts, where it connects, located at its accept line', () => {
  assert.equal(read('pid = /run/s.pid\n; comment\n[rsync]\naccept = 874\nconnect = 127.0.0.1:8873\ncert = /x.pem\n'), [{ at: 'stunnel.conf:4', accept: '874', connect: ['127.0.0.1:8873'], execsRsync: false, verifiesClients: false }]);
});

test('a service that runs rsync itself (exec/execargs, inetd mode)', () => {
  const [s] = read('[rsync]\naccept = 874\nexec = /usr/bin/rsync\nexecargs = rsync --server --daemon .\n');
  assert.ok(s?.execsRsync);
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
