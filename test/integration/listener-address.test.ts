/**
 * What `address` binds, against a real rsync 3.5.0 daemon started WITHOUT `--address` (so the file decides):
 * before the first module it restricts the listener (127.0.0.2 accepts, 127.0.0.1 refuses), which is what
 * lets config.effective.reach call such a daemon local-only and keep RSYNC-001 unraised; under an explicit
 * `[global]` the listener never sees it and binds every address (RSYNC-062's claim, reference/rsyncd.md §1.9).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connects, moduleDir, scratchDir, startDaemon, tryRead } from './support/rsync-daemon.ts';

const test = suite('listener address: what the daemon binds when the file sets it');

function config(base: string, name: string, head: string[]): string {
  const text = [...head, `[pub]`, `    path = ${moduleDir(base, 'pub')}`, '    use chroot = no', '    uid = nobody', '    gid = nogroup', ''].join('\n');
  const path = join(base, name);
  writeFileSync(path, text);
  return path;
}

function cli(args: string[]): unknown {
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(r.stdout) as unknown;
}

interface Reach {
  value: string;
  addresses: string[];
}

function reachOf(path: string): Reach {
  return (cli(['facts', path]) as { config: { effective: { reach: Reach } } }).config.effective.reach;
}

function findings(path: string): { rule_id: string; severity: string }[] {
  return (cli(['scan', path, '--format', 'json']) as { targets: { findings: { rule_id: string; severity: string }[] }[] }).targets.flatMap((t) => t.findings);
}

test('"address = 127.0.0.2" before the first module: the daemon accepts there only, and rsyncguard calls it local', async () => {
  const base = scratchDir('rg-listener-');
  const path = config(base, 'before.conf', ['address = 127.0.0.2']);
  const daemon = await startDaemon(path, join(base, 'before.log'), { address: null, waitOn: '127.0.0.2' });
  try {
    assert.is(daemon.exited, null, 'the daemon starts');
    assert.ok(await connects('127.0.0.2', daemon.port), 'accepts on 127.0.0.2');
    assert.not.ok(await connects('127.0.0.1', daemon.port), 'refuses on 127.0.0.1');
    assert.is(await tryRead(daemon.port, 'pub', '127.0.0.2'), 'ok');
    assert.is.not(await tryRead(daemon.port, 'pub', '127.0.0.1'), 'ok');
  } finally {
    daemon.stop();
  }
  const reach = reachOf(path);
  assert.is(reach.value, 'local');
  assert.equal(reach.addresses, ['127.0.0.2']);
  const found = findings(path);
  const anon = found.find((f) => f.rule_id === 'RSYNC-001');
  assert.is(anon?.severity, 'medium', 'RSYNC-001 reported, not raised');
  assert.not.ok(found.some((f) => ['RSYNC-003', 'RSYNC-060', 'RSYNC-061', 'RSYNC-062'].includes(f.rule_id)));
});

test('"address = 127.0.0.2" under an explicit [global]: the listener binds every address, and rsyncguard says so', async () => {
  const base = scratchDir('rg-listener-');
  const path = config(base, 'global.conf', ['[global]', 'address = 127.0.0.2']);
  const daemon = await startDaemon(path, join(base, 'global.log'), { address: null, waitOn: '127.0.0.1' });
  try {
    assert.is(daemon.exited, null, 'the daemon starts');
    for (const host of ['127.0.0.1', '127.0.0.2', '127.0.0.3']) assert.ok(await connects(host, daemon.port), `accepts on ${host}`);
    assert.is(await tryRead(daemon.port, 'pub', '127.0.0.1'), 'ok');
  } finally {
    daemon.stop();
  }
  const reach = reachOf(path);
  assert.is(reach.value, 'any');
  assert.equal(reach.addresses, []);
  const found = findings(path);
  assert.ok(
    found.some((f) => f.rule_id === 'RSYNC-062'),
    'RSYNC-062: the listener never sees the address',
  );
  assert.is(found.find((f) => f.rule_id === 'RSYNC-001')?.severity, 'high', 'RSYNC-001 raised: any host can connect');
});

test.run();
