import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isLocalTransport, localTransport } from './open-image.ts';
import { defaultDockerConfig, EnvironmentFailure, isReadFailure, readDockerConfig } from './registry.ts';
import { TarError } from './tar-reader.ts';

test('the local transports, in any case, are one predicate; a registry reference is none of them', () => {
  assert.equal(localTransport('docker-archive:x.tar'), { transport: 'docker-archive', rest: 'x.tar' });
  assert.equal(localTransport('DOCKER-ARCHIVE:/x'), { transport: 'docker-archive', rest: '/x' });
  assert.equal(localTransport('Oci-Archive:a.tar:v1'), { transport: 'oci-archive', rest: 'a.tar:v1' });
  assert.equal(localTransport('OCI:dir:tag'), { transport: 'oci', rest: 'dir:tag' });
  for (const ref of ['nginx', 'oci.example.com/app:1', 'localhost:5000/oci:1', 'ocidir:x', 'docker:x', 'archive:x']) assert.not.ok(isLocalTransport(ref), ref);
});

test('a read failure is a plain Error, a TarError, an EnvironmentFailure or a timeout; anything else is a bug', () => {
  const system = Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' });
  for (const e of [new Error('x'), new TarError('x'), new EnvironmentFailure('x'), system, new DOMException('t', 'TimeoutError')]) assert.ok(isReadFailure(e), String(e));
  for (const e of [new TypeError('x'), new RangeError('x'), new ReferenceError('x'), 'a string', undefined]) assert.not.ok(isReadFailure(e), String(e));
});

test('the default Docker config is $DOCKER_CONFIG/config.json, and may be absent; one named must be there and be a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-docker-config-'));
  assert.is(defaultDockerConfig({ DOCKER_CONFIG: dir }), join(dir, 'config.json'));
  assert.match(defaultDockerConfig({}), /\.docker\/config\.json$/);
  const saved = process.env['DOCKER_CONFIG'];
  try {
    process.env['DOCKER_CONFIG'] = join(dir, 'absent');
    assert.equal(readDockerConfig(undefined), { ok: true, value: undefined });
    mkdirSync(join(dir, 'isdir', 'config.json'), { recursive: true });
    process.env['DOCKER_CONFIG'] = join(dir, 'isdir');
    const directory = readDockerConfig(undefined);
    assert.ok(!directory.ok && directory.error.message === 'cannot read the Docker config: it is a directory' && directory.error.where === join(dir, 'isdir', 'config.json'));
  } finally {
    if (saved === undefined) delete process.env['DOCKER_CONFIG'];
    else process.env['DOCKER_CONFIG'] = saved;
  }
  const missing = readDockerConfig(join(dir, 'nope.json'));
  assert.ok(!missing.ok && missing.error.message === 'cannot read the Docker config (--docker-config): no such file or directory');
  assert.match(missing.ok ? '' : (missing.error.hint ?? ''), '--docker-config');
  writeFileSync(join(dir, 'config.json'), '{"auths":{}}');
  assert.equal(readDockerConfig(join(dir, 'config.json')), { ok: true, value: { auths: {} } });
});

test.run();
