import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { credentialsFor, defaultDockerConfig, readDockerConfig } from './docker-config.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const dir = mkdtempSync(join(tmpdir(), 'rg-docker-config-'));

function file(name: string, doc: unknown): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

function creds(path: string, registry: string): string | undefined {
  const read = readDockerConfig(path);
  if (!read.ok) throw new Error(read.error.message);
  return credentialsFor(read.value, registry);
}

const forms = suite('readDockerConfig: the forms a mounted secret takes');

forms('config.json, a .dockerconfigjson file, and a Secret directory holding either', () => {
  const doc = { auths: { 'reg.example:5000': { auth: b64('a:1') } } };
  const json = file('json/config.json', doc);
  const secret = file('secret/.dockerconfigjson', doc);
  for (const path of [json, secret, join(dir, 'json'), join(dir, 'secret')]) assert.is(creds(path, 'reg.example:5000'), b64('a:1'), path);
});

forms('the legacy .dockercfg: registries at the top level, by name or by shape', () => {
  const doc = { 'https://reg.example': { auth: b64('old:2'), email: 'x@y' } };
  const legacy = file('legacy/.dockercfg', doc);
  assert.is(creds(legacy, 'reg.example'), b64('old:2'));
  assert.is(creds(join(dir, 'legacy'), 'reg.example'), b64('old:2'), 'the directory of a kubernetes.io/dockercfg Secret');
  assert.is(creds(file('renamed.json', doc), 'reg.example'), b64('old:2'));
  // A config.json without auths (settings only) is not taken for a legacy file.
  assert.equal(readDockerConfig(file('settings.json', { credsStore: 'desktop', proxies: { default: {} } })), { ok: true, value: { auths: {} } });
});

forms('DOCKER_CONFIG names a directory: config.json, else the Secret keys', () => {
  file('env-secret/.dockerconfigjson', { auths: {} });
  assert.is(defaultDockerConfig({ DOCKER_CONFIG: join(dir, 'env-secret') }), join(dir, 'env-secret', '.dockerconfigjson'));
  assert.is(defaultDockerConfig({ DOCKER_CONFIG: join(dir, 'json') }), join(dir, 'json', 'config.json'));
  assert.is(defaultDockerConfig({ DOCKER_CONFIG: join(dir, 'nothing-here') }), join(dir, 'nothing-here', 'config.json'));
});

forms('a named directory without credentials, or a document that is no object, is refused naming the file', () => {
  mkdirSync(join(dir, 'empty'));
  const empty = readDockerConfig(join(dir, 'empty'));
  assert.ok(!empty.ok && empty.error.message === 'cannot read the Docker config (--docker-config): no config.json, .dockerconfigjson, .dockercfg in the directory');
  const list = readDockerConfig(file('list.json', ['x']));
  assert.ok(!list.ok && list.error.message === 'the Docker config (--docker-config) is not a JSON object' && list.error.where === join(dir, 'list.json'));
});

const match = suite('credentialsFor');

match('username and password instead of auth; auth wins when both are there', () => {
  const config = { auths: { 'a.example': { username: 'u', password: 'p:w' }, 'b.example': { auth: b64('x:y'), username: 'u', password: 'p' }, 'c.example': { username: 'u' } } };
  assert.is(credentialsFor(config, 'a.example'), b64('u:p:w'));
  assert.is(credentialsFor(config, 'b.example'), b64('x:y'));
  assert.is(credentialsFor(config, 'c.example'), undefined, 'no password: no credentials');
});

match('keys as URLs, any case; ports must agree; Docker Hub under its index names', () => {
  const config = { auths: { 'HTTPS://Reg.Example:5000/v1/': { auth: 'p' }, 'https://index.docker.io/v1/': { auth: 'hub' } } };
  assert.is(credentialsFor(config, 'reg.example:5000'), 'p');
  assert.is(credentialsFor(config, 'reg.example'), undefined);
  assert.is(credentialsFor(config, 'reg.example:5001'), undefined);
  assert.is(credentialsFor(config, 'registry-1.docker.io'), 'hub');
  assert.is(credentialsFor(undefined, 'reg.example'), undefined);
});

match('a glob stands for one label, and an exact key goes first', () => {
  const config = { auths: { '*.example.com': { auth: 'glob' }, 'exact.example.com': { auth: 'exact' } } };
  assert.is(credentialsFor(config, 'exact.example.com'), 'exact');
  assert.is(credentialsFor(config, 'other.example.com'), 'glob');
  assert.is(credentialsFor(config, 'a.b.example.com'), undefined);
  assert.is(credentialsFor(config, 'example.com'), undefined);
  assert.is(credentialsFor(config, 'other.example.com:5000'), undefined);
});

forms.run();
match.run();
