import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_LOOPBACK_LABELS, registryLabeller } from './registry-labels.ts';

const auths = { auths: { 'https://ghcr.io/v1/': { auth: 'x' }, 'registry.corp.example:5000': {}, '*.mirror.example': {}, 'index.docker.io': {} } };

test('only registries the operator named get a label; every other one is "other", however many come', () => {
  const label = registryLabeller({ insecure: ['127.0.0.1:5000'], auths });
  assert.is(label('ghcr.io'), 'ghcr.io');
  assert.is(label('Registry.Corp.Example:5000'), 'registry.corp.example:5000');
  assert.is(label('registry-1.docker.io'), 'registry-1.docker.io');
  assert.is(label('127.0.0.1:5000'), '127.0.0.1:5000');
  assert.is(label('eu.mirror.example'), '*.mirror.example', 'a glob key labels what it matches with itself');
  assert.is(label(''), 'none');
  // A requester naming thousands of hosts fills no slot.
  const seen = new Set(Array.from({ length: 500 }, (_, i) => label(`attacker-${i}.example:${1000 + i}`)));
  assert.equal([...seen], ['other']);
  assert.is(label('127.0.0.1:5001'), 'other', 'a loopback registry not named');
  assert.is(label('ghcr.io'), 'ghcr.io', 'named ones keep their label after the flood');
});

test('without a Docker config Docker Hub is still named; bare --insecure-registry labels loopback registries up to a cap', () => {
  const label = registryLabeller({ insecure: true, auths: undefined });
  assert.is(label('registry-1.docker.io'), 'registry-1.docker.io');
  assert.is(label('quay.io'), 'other');
  const loopbacks = Array.from({ length: MAX_LOOPBACK_LABELS + 20 }, (_, i) => label(`127.0.0.1:${2000 + i}`));
  assert.is(new Set(loopbacks).size, MAX_LOOPBACK_LABELS + 1, 'the first ones and "other"');
  assert.is(label('127.0.0.1:2000'), '127.0.0.1:2000', 'a labelled one keeps its label');
  assert.is(registryLabeller({ insecure: false, auths: undefined })('127.0.0.1:2000'), 'other');
});

test.run();
