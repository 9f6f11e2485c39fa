/**
 * Who can connect to an image's daemon when its start command, not the file, says where it listens: `-M
 * address=` in Cmd, `--address` inside a `sh -c` string or an entrypoint script, `--port` (issue 14 review
 * findings 2 and 16). That the command line beats the file is the real daemon's behaviour
 * (listener-startup.test.ts); here rsyncguard must read the image's launch the same way.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const test = suite('image reach: the start command decides where the daemon listens');

const LOOPBACK_CONF = 'address = 127.0.0.1\n[m]\npath = /srv\nread only = no\n';

/** An OCI layout with /etc/rsyncd.conf, an optional /entrypoint.sh, and `umoci config` arguments. */
function image(conf: string, config: string[], script?: string): string {
  const dir = mkdtempSync(join('/tmp', 'rg-image-reach-'));
  const run = (...args: string[]) => execFileSync('umoci', args, { cwd: dir, stdio: 'pipe' });
  run('init', '--layout', 'oci');
  run('new', '--image', 'oci:x');
  run('unpack', '--rootless', '--image', 'oci:x', 'bundle');
  const root = join(dir, 'bundle', 'rootfs');
  mkdirSync(join(root, 'etc'), { recursive: true });
  mkdirSync(join(root, 'srv'), { recursive: true });
  writeFileSync(join(root, 'etc', 'rsyncd.conf'), conf);
  writeFileSync(join(root, 'etc', 'passwd'), 'root:x:0:0::/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n');
  writeFileSync(join(root, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
  if (script !== undefined) {
    writeFileSync(join(root, 'entrypoint.sh'), script);
    chmodSync(join(root, 'entrypoint.sh'), 0o755);
  }
  run('repack', '--image', 'oci:x', 'bundle');
  run('config', '--image', 'oci:x', ...config);
  return `oci:${join(dir, 'oci')}:x`;
}

interface Report {
  targets: { findings: { rule_id: string; severity: string; message: string }[]; facts: { config: { effective: { reach: { value: string; port: number; reason: string } } } } }[];
}

function scan(ref: string): Report['targets'][number] {
  const r = spawnSync(process.execPath, ['dist/cli.js', 'image', ref, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8', timeout: 120_000 });
  const target = (JSON.parse(r.stdout) as Report).targets[0];
  if (!target) throw new Error(`no target: ${r.stderr}`);
  return target;
}

const EXPOSED = ['--config.exposedports', '873/tcp'];

test('-M address=0.0.0.0 in Cmd beats "address = 127.0.0.1": any host, RSYNC-002 critical', () => {
  const t = scan(image(LOOPBACK_CONF, [...EXPOSED, '--config.entrypoint', 'rsync', '--config.entrypoint', '--daemon', '--config.cmd', '--no-detach', '--config.cmd', '-M', '--config.cmd', 'address=0.0.0.0']));
  assert.is(t.facts.config.effective.reach.value, 'any');
  assert.is(t.findings.find((f) => f.rule_id === 'RSYNC-002')?.severity, 'critical');
  assert.ok(t.findings.some((f) => f.rule_id === 'RSYNC-060'));
});

test('--address inside a sh -c string is read', () => {
  const t = scan(image(LOOPBACK_CONF, [...EXPOSED, '--config.entrypoint', 'sh', '--config.entrypoint', '-c', '--config.cmd', 'exec rsync --daemon --no-detach --address=0.0.0.0']));
  assert.is(t.facts.config.effective.reach.value, 'any');
});

test("an entrypoint script's options are followed: --address there widens, none leaves the file's loopback", () => {
  const wide = scan(image(LOOPBACK_CONF, [...EXPOSED, '--config.entrypoint', '/entrypoint.sh'], '#!/bin/sh\nexec rsync --daemon --no-detach --address=0.0.0.0\n'));
  assert.is(wide.facts.config.effective.reach.value, 'any');
  assert.match(wide.facts.config.effective.reach.reason, /--address=0\.0\.0\.0/);
  const narrow = scan(image(LOOPBACK_CONF, [...EXPOSED, '--config.entrypoint', '/entrypoint.sh'], '#!/bin/sh\nexec rsync --daemon --no-detach\n'));
  assert.is(narrow.facts.config.effective.reach.value, 'local');
});

test('"$@" in an entrypoint script or a sh -c string takes the Cmd words: --address=0.0.0.0 there widens the loopback file', () => {
  const script = scan(image(LOOPBACK_CONF, [...EXPOSED, '--config.entrypoint', '/entrypoint.sh', '--config.cmd', '--address=0.0.0.0'], '#!/bin/sh\nset -e\nexec rsync --daemon --no-detach "$@"\n'));
  assert.is(script.facts.config.effective.reach.value, 'any');
  assert.match(script.facts.config.effective.reach.reason, /--address=0\.0\.0\.0/);
  const shell = scan(image(LOOPBACK_CONF, [...EXPOSED, '--config.entrypoint', 'sh', '--config.entrypoint', '-c', '--config.entrypoint', 'exec rsync --daemon --no-detach "$@"', '--config.entrypoint', '--', '--config.cmd', '--address=0.0.0.0']));
  assert.is(shell.facts.config.effective.reach.value, 'any');
});

test('RSYNC-060 names the port --port gives, not the default 873', () => {
  const t = scan(image('[m]\npath = /srv\nread only = no\n', ['--config.entrypoint', 'rsync', '--config.entrypoint', '--daemon', '--config.cmd', '--no-detach', '--config.cmd', '--port=8730']));
  assert.is(t.facts.config.effective.reach.port, 8730);
  const msg = t.findings.find((f) => f.rule_id === 'RSYNC-060')?.message ?? '';
  assert.match(msg, /on port 8730/);
  assert.not.match(msg, /default port 873/);
});

test.run();
