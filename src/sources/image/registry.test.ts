import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { displayRef, parseRegistryRef } from './registry.ts';

const digest = `sha256:${'a'.repeat(64)}`;

test('references with a tag and a digest, or a port, still parse', () => {
  assert.equal(parseRegistryRef(`nginx:1.25@${digest}`), { registry: 'registry-1.docker.io', repository: 'library/nginx', reference: digest });
  assert.equal(parseRegistryRef('127.0.0.1:5000/team/app:v1'), { registry: '127.0.0.1:5000', repository: 'team/app', reference: 'v1' });
});

test('credentials in a reference are refused and never repeated', () => {
  for (const ref of ['robot:Cv-P1@127.0.0.1:5000/app:1', 'robot:Cv/P1@host/app', 'https://robot:Cv-P1@host/app:1']) {
    assert.throws(() => parseRegistryRef(ref), (e: Error) => e.message.includes('without a scheme or credentials') && !e.message.includes('Cv'));
    assert.not.match(displayRef(ref), 'Cv');
  }
  assert.is(displayRef(`host/app@${digest}`), `host/app@${digest}`);
});

test('tags and digests that could climb a URL path are not references', () => {
  for (const ref of ['host/app:..', 'host/app@../../v2/other', `host/app@sha256:${'a'.repeat(63)}/`]) assert.throws(() => parseRegistryRef(ref));
});

test.run();
