import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { displayRef, MAX_NAME, overlongReference, parseRegistryRef } from './registry.ts';

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

test('names longer than registries accept (255 for host and repository, 128 for a tag) are refused, saying which part', () => {
  const at255 = `r.example:5000/${'a'.repeat(MAX_NAME - 'r.example:5000/'.length)}`;
  assert.is(at255.length, 255);
  assert.is(overlongReference(`${at255}:v1`), undefined);
  assert.is(overlongReference(`${at255}@${digest}`), undefined);
  assert.is(parseRegistryRef(`${at255}:${'t'.repeat(128)}`).registry, 'r.example:5000');
  assert.match(overlongReference(`${at255}a:v1`) ?? '', 'the image name is 256 characters; registries accept at most 255');
  // The port's colon is not a tag's.
  assert.match(overlongReference(`r.example:5000/${'a'.repeat(300)}`) ?? '', 'name is 315 characters');
  assert.match(overlongReference(`app:${'t'.repeat(129)}`) ?? '', 'tag is 129 characters');
  assert.match(overlongReference(`app@sha256:${'a'.repeat(200)}`) ?? '', 'digest is 207 characters');
  const giant = `r.example/${'a'.repeat(100_000)}:1`;
  assert.throws(
    () => parseRegistryRef(giant),
    (e: Error) => e.message.includes('at most 255') && e.message.length < 300,
  );
});

test('a reference registries refuse says which part and why, its control characters escaped', () => {
  const why = (ref: string) => {
    try {
      parseRegistryRef(ref);
      return '';
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };
  assert.is(why('127.0.0.1:5055/t/ok:1\u001b[31mRED\n'), '"127.0.0.1:5055/t/ok:1\\x1b[31mRED\\x0a" is not an image reference: it holds control characters');
  assert.match(why('r.io/T/Ok:1'), 'the repository "T/Ok" may hold only lowercase letters and digits');
  assert.match(why('r.io/a:-x'), 'the tag "-x" may hold only');
  assert.match(why('r.io/a@sha256:zz'), '"sha256:zz" is not a digest');
});

test.run();
