/**
 * What is wrong with this run's own settings is the command's error, with its own hint: an image limit
 * variable that is not a number, a --docker-config that is not there or not a file. What is wrong with the
 * image is a result, said once, in the report (as scan says an unreadable file), never also on stderr.
 * A local transport is recognised in any case, and never sent to a registry as a host name.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, tempTree } from './support/cli.ts';

const settings = suite('image settings and errors');
const opts = (dir: string, env: Record<string, string> = {}) => ({ cwd: dir, env, timeoutMs: 30_000 });

settings('a limit variable that is not a number is that error, with its hint, not "cannot read the image"', () => {
  const dir = tempTree({ 'x.tar': 'not a tar\n' });
  for (const raw of ['abc', ' 5']) {
    const r = runCli(['image', 'docker-archive:x.tar'], opts(dir, { RSYNCGUARD_MAX_LAYER_BYTES: raw }));
    assert.is(r.code, 2, r.stderr);
    assert.match(r.stderr, `RSYNCGUARD_MAX_LAYER_BYTES="${raw}" is not a positive whole number`);
    assert.match(r.stderr, 'hint: Unset it');
    assert.not.match(r.stderr + r.stdout, /cannot read the image|Check the reference|internal error/);
  }
});

settings('an unreadable image is said once: in the report, not again on stderr', () => {
  const dir = tempTree({ 'broken.tar': 'this is not a tar archive\n' });
  const r = runCli(['image', 'docker-archive:broken.tar'], opts(dir));
  assert.is(r.code, 2, r.stderr);
  assert.is(r.stdout.split('cannot read the image').length - 1, 1, r.stdout);
  assert.not.match(r.stderr, 'cannot read the image');
  assert.not.match(r.stderr + r.stdout, 'internal error');
});

settings('--docker-config that does not exist, or is a directory holding no credentials file, is an error naming the option and the path', () => {
  const dir = tempTree({ 'x.tar': 'not a tar\n' });
  mkdirSync(join(dir, 'conf.d'));
  for (const [file, why] of <[string, string][]>[
    ['nope.json', 'no such file or directory'],
    ['conf.d', 'no config.json, .dockerconfigjson, .dockercfg in the directory'],
  ]) {
    const r = runCli(['image', '--docker-config', file, 'docker-archive:x.tar'], opts(dir));
    assert.is(r.code, 2, r.stderr);
    assert.match(r.stderr, `${file}: cannot read the Docker config (--docker-config): ${why}`);
    assert.match(r.stderr, 'hint: Point --docker-config at a Docker config.json');
    assert.is(r.stdout, '', 'no report: the command line was wrong, not the image');
  }
  writeFileSync(join(dir, 'bad.json'), '{"auths": {"x": {"auth": "c2VjcmV0"}}');
  const bad = runCli(['image', '--docker-config', 'bad.json', 'docker-archive:x.tar'], opts(dir));
  assert.is(bad.code, 2, bad.stderr);
  assert.match(bad.stderr, 'the Docker config (--docker-config) is not valid JSON');
  assert.not.match(bad.stderr, 'c2VjcmV0', 'what the file holds is never quoted');
});

settings('the default Docker config may be absent: a local archive is read as usual', () => {
  const dir = tempTree({ 'broken.tar': 'x' });
  const r = runCli(['image', 'docker-archive:broken.tar', '--format', 'json'], opts(dir, { DOCKER_CONFIG: join(dir, 'absent') }));
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stdout, 'cannot read the image');
});

settings('admission serve refuses a --docker-config that is not there before it listens', () => {
  const dir = tempTree({ 'tls.crt': 'x', 'tls.key': 'x' });
  const r = runCli(['admission', 'serve', '--tls-cert', 'tls.crt', '--tls-key', 'tls.key', '--listen', '127.0.0.1:0', '--docker-config', '/nope/config.json'], opts(dir));
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, '/nope/config.json: cannot read the Docker config (--docker-config): no such file or directory');
  assert.not.match(r.stderr, 'listening');
});

settings('a transport in capitals names the same local image, never a registry host', () => {
  const dir = tempTree({ 'broken.tar': 'this is not a tar archive\n' });
  const lower = runCli(['image', 'docker-archive:broken.tar', '--format', 'json'], opts(dir));
  const upper = runCli(['image', 'DOCKER-ARCHIVE:broken.tar', '--format', 'json'], opts(dir));
  assert.is(upper.code, lower.code, upper.stderr);
  assert.match(upper.stdout, 'broken.tar is not a tar archive');
  assert.not.match(upper.stdout + upper.stderr, /cannot reach|https:\/\//);
});

settings.run();
