import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { credentialsFor, defaultDockerConfig, dockerConfigIgnored, readDockerConfig } from './docker-config.ts';

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

const ignored = suite('dockerConfigIgnored: what would silently mean anonymous pulls');

ignored('each unusable part is named, by key and field, never by what it holds', () => {
  const secret = 'S3cr3t-Pa55';
  const cases: [unknown, RegExp][] = [
    [{ auths: 'oops' }, /^"auths" is a string, not an object of registries/],
    [{ auths: [] }, /^"auths" is a list/],
    [{ auths: { 'reg.example': { email: 'x@y', identitytoken: secret } } }, /^the entries for "reg\.example" have no "auth", nor "username" and "password"/],
    [{ auths: { 'reg.example': { username: 'robot' } } }, /^the entries for "reg\.example" have no "auth"/],
    [{ auths: { 'reg.example': { auth: b64(secret) } } }, /^the "auth" of "reg\.example" is not base64 of user:password/],
    [{ credsStore: secret }, /^"credsStore" names a credential helper/],
    [{ auths: {}, credHelpers: { 'gcr.io': secret, 'a.example': secret } }, /^"credHelpers" for "gcr\.io", "a\.example": credential helpers are not run/],
    [{ auths: {} }, /^it holds no registry credentials: every pull is anonymous$/],
  ];
  for (const [doc, want] of cases) {
    const path = file(`ignored-${Math.random().toString(36).slice(2)}.json`, doc);
    const got = dockerConfigIgnored(path);
    assert.is(got?.path, path);
    assert.is(got?.ignored.length, 1, JSON.stringify(got));
    assert.match(got?.ignored[0] ?? '', want);
    assert.not.match(JSON.stringify(got), secret);
    assert.not.match(JSON.stringify(got), b64(secret));
  }
});

ignored('a usable file says nothing; an absent default place is no file at all', () => {
  const path = file('usable.json', { auths: { 'reg.example': { auth: b64('u:p') }, 'b.example': { username: 'u', password: 'p' } } });
  assert.equal(dockerConfigIgnored(path), { path, ignored: [] });
  const saved = process.env['DOCKER_CONFIG'];
  process.env['DOCKER_CONFIG'] = join(dir, 'nowhere');
  try {
    assert.is(dockerConfigIgnored(undefined), undefined);
  } finally {
    if (saved === undefined) delete process.env['DOCKER_CONFIG'];
    else process.env['DOCKER_CONFIG'] = saved;
  }
});

forms.run();
match.run();
ignored.run();
