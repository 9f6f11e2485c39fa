import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { displayRef, parseRegistryRef } from './registry.ts';

const digest = `sha256:${'a'.repeat(64)}`;

test('references with a tag and a digest, or a port, still parse', () => {
  assert.equal(parseRegistryRef(`nginx:1.25@${digest}`), { registry: 'registry-1.docker.io', repository: 'library/nginx', reference: digest });
  assert.equal(parseRegistryRef('127.0.0.1:5000/team/app:v1'), { registry: '127.0.0.1:5000', repository: 'team/app', reference: 'v1' });
});

test('Docker Hub names are normalised as container runtimes do: API host registry-1.docker.io, single names under library/', () => {
  const hub = (repository: string, reference = 'latest') => ({ registry: 'registry-1.docker.io', repository, reference });
  assert.equal(parseRegistryRef('nginx'), hub('library/nginx'));
  assert.equal(parseRegistryRef('nginx:1.25'), hub('library/nginx', '1.25'));
  assert.equal(parseRegistryRef('library/nginx'), hub('library/nginx'));
  assert.equal(parseRegistryRef('user/app'), hub('user/app'));
  assert.equal(parseRegistryRef('docker.io/nginx'), hub('library/nginx'));
  assert.equal(parseRegistryRef('docker.io/nginx:1.25'), hub('library/nginx', '1.25'));
  assert.equal(parseRegistryRef('docker.io/library/nginx'), hub('library/nginx'));
  assert.equal(parseRegistryRef('docker.io/user/app:v2'), hub('user/app', 'v2'));
  assert.equal(parseRegistryRef('index.docker.io/nginx'), hub('library/nginx'));
  assert.equal(parseRegistryRef('index.docker.io/user/app'), hub('user/app'));
  assert.equal(parseRegistryRef(`docker.io/nginx@${digest}`), hub('library/nginx', digest));
  // Other registries keep their host and their path as written.
  assert.equal(parseRegistryRef('ghcr.io/nginx'), { registry: 'ghcr.io', repository: 'nginx', reference: 'latest' });
  assert.equal(parseRegistryRef('localhost:5000/nginx'), { registry: 'localhost:5000', repository: 'nginx', reference: 'latest' });
  // The displayed name stays as written.
  assert.is(displayRef('docker.io/nginx:1.25'), 'docker.io/nginx:1.25');
});

test('credentials in a reference are refused and never repeated', () => {
  for (const ref of ['robot:Cv-P1@127.0.0.1:5000/app:1', 'robot:Cv/P1@host/app', 'https://robot:Cv-P1@host/app:1']) {
    assert.throws(
      () => parseRegistryRef(ref),
      (e: Error) => e.message.includes('without a scheme or credentials') && !e.message.includes('Cv'),
    );
    assert.not.match(displayRef(ref), 'Cv');
  }
  assert.is(displayRef(`host/app@${digest}`), `host/app@${digest}`);
});

test('tags and digests that could climb a URL path are not references', () => {
  for (const ref of ['host/app:..', 'host/app@../../v2/other', `host/app@sha256:${'a'.repeat(63)}/`]) assert.throws(() => parseRegistryRef(ref));
});

test('"." and ".." are no registry host: a mistyped path is no reference, never a DNS lookup of "."', () => {
  for (const ref of ['.:5000/x:1', './img.tar', '../x/y', 'a..b/x', '-a.b/x']) assert.throws(() => parseRegistryRef(ref), /is not an image reference/, ref);
  assert.is(parseRegistryRef('[::1]:5000/x:1').registry, '[::1]:5000');
});

test.run();
