import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkInsecureRegistry, loopback, plainHttp } from './insecure-registries.ts';

const plain = suite('plainHttp');

plain('speaks plain HTTP only to a named registry on loopback, whatever the case of its host', () => {
  assert.ok(plainHttp('127.0.0.1:5000', ['127.0.0.1:5000']));
  assert.ok(plainHttp('LocalHost:5000', ['localhost:5000']));
  assert.not.ok(plainHttp('127.0.0.1:5001', ['127.0.0.1:5000']), 'another port is another registry');
  assert.not.ok(plainHttp('localhost:5000', ['127.0.0.1:5000']), 'names are compared as written, as Docker does');
  assert.not.ok(plainHttp('127.0.0.1:5000', []));
  assert.not.ok(plainHttp('127.0.0.1:5000', false));
});

plain('the bare flag (true) is every registry on loopback and never one off it', () => {
  for (const r of ['127.0.0.1:5000', '127.8.9.10', 'localhost', '[::1]:5000']) assert.ok(plainHttp(r, true), r);
  for (const r of ['registry-1.docker.io', 'ghcr.io', '10.0.0.1:5000', '128.0.0.1:5000', 'localhost.example.com:5000']) assert.not.ok(plainHttp(r, true), r);
});

plain('a list can never widen plain HTTP off loopback, even if it names such a registry', () => {
  assert.not.ok(plainHttp('ghcr.io', ['ghcr.io']));
});

const check = suite('checkInsecureRegistry');

check('takes HOST[:PORT] on loopback', () => {
  for (const v of ['127.0.0.1:5000', 'localhost:5000', 'localhost', '[::1]:5000']) assert.equal(checkInsecureRegistry(v), { ok: true, value: v }, v);
});

check('refuses a registry off loopback, saying where plain HTTP is allowed', () => {
  const r = checkInsecureRegistry('registry.example.com:5000');
  assert.ok(!r.ok && r.error.startsWith('--insecure-registry registry.example.com:5000: plain HTTP is allowed only to a registry on loopback'));
});

check('refuses what is not a registry: a reference, a URL, an empty value', () => {
  for (const v of ['127.0.0.1:5000/test/rsyncd:1', '', 'user@127.0.0.1:5000']) {
    const r = checkInsecureRegistry(v);
    assert.ok(!r.ok && r.error.includes('is not a registry'), v);
  }
});

check('a URL is refused with what to write instead', () => {
  for (const v of ['http://127.0.0.1:5000', 'https://localhost:5000/v2/']) {
    const r = checkInsecureRegistry(v);
    assert.ok(!r.ok && r.error.includes('write HOST:PORT, not a URL'), v);
  }
});

const lo = suite('loopback');

lo('an IPv6 loopback address in any spelling; named in one spelling, it matches the reference in another', () => {
  for (const h of ['[0:0:0:0:0:0:0:1]:5001', '0:0:0:0:0:0:0:1', '[::0001]']) assert.ok(loopback(h), h);
  assert.ok(checkInsecureRegistry('[0:0:0:0:0:0:0:1]:5001').ok);
  assert.ok(plainHttp('[::1]:5001', ['[0:0:0:0:0:0:0:1]:5001']));
  assert.not.ok(plainHttp('[::1]:5002', ['[0:0:0:0:0:0:0:1]:5001']));
});

lo('is 127.0.0.0/8, ::1 and localhost, with or without a port', () => {
  for (const h of ['127.0.0.1', '127.255.0.3:80', '[::1]:5000', '::1', 'localhost:1']) assert.ok(loopback(h), h);
  for (const h of ['0.0.0.0', '10.0.0.1', 'example.com', '[::2]:5000']) assert.not.ok(loopback(h), h);
});

plain.run();
check.run();
lo.run();
