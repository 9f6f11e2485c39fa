/**
 * RSYNC-012 against a real rsync 3.5.0 daemon: rsync counts connections per lock file, not per module
 * (reference/rsyncd.md §3.6). Two modules with different `max connections` on one lock file: connections
 * held open on the bigger module take the smaller module's slots, so it refuses a client while it serves
 * nobody. With a lock file of its own the smaller module serves. rsyncguard reports only the first layout.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { moduleDir, scratchDir, startDaemon, tryRead } from './support/rsync-daemon.ts';

const test = suite('lock file: connection slots are counted per lock file');

/** Open a connection to `module` and stop after the greeting: the daemon holds a slot until it closes. */
function hold(port: number, module: string): Promise<Socket> {
  return new Promise((done, fail) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let seen = '';
    socket.once('error', fail);
    socket.on('data', (d: Buffer) => {
      seen += d.toString();
      // The daemon answers the module request with OK (or an error) once it has claimed (or not) a slot.
      if (/@RSYNCD: OK|@ERROR/.test(seen)) {
        if (seen.includes('@ERROR')) fail(new Error(`holding ${module}: ${seen.trim()}`));
        else done(socket);
      }
    });
    socket.write(`@RSYNCD: 32.0 md5\n${module}\n`);
  });
}

function configWith(base: string, smallLock: string): string {
  const text = [
    'use chroot = no',
    'uid = nobody',
    'gid = nogroup',
    `[big]`,
    `    path = ${moduleDir(base, 'big')}`,
    '    max connections = 3',
    `    lock file = ${join(base, 'shared.lock')}`,
    `[small]`,
    `    path = ${moduleDir(base, 'small')}`,
    '    max connections = 1',
    `    lock file = ${smallLock}`,
    '',
  ].join('\n');
  const path = join(base, smallLock.endsWith('shared.lock') ? 'shared.conf' : 'own.conf');
  writeFileSync(path, text);
  return path;
}

function ruleIds(config: string): string[] {
  const r = spawnSync(process.execPath, ['dist/cli.js', 'scan', config, '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
  const ids: string[] = [];
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) for (const v of o) walk(v);
    else if (o && typeof o === 'object') {
      const rec = o as Record<string, unknown>;
      if (typeof rec['rule_id'] === 'string' && typeof rec['severity'] === 'string') ids.push(rec['rule_id']);
      else for (const v of Object.values(rec)) walk(v);
    }
  };
  walk((JSON.parse(r.stdout) as { targets: unknown }).targets);
  return ids;
}

async function smallWhileBigIsBusy(config: string, base: string): Promise<string> {
  const daemon = await startDaemon(config, join(base, `${config.endsWith('shared.conf') ? 'shared' : 'own'}.log`));
  const held: Socket[] = [];
  try {
    assert.is(daemon.exited, null, 'the daemon starts');
    assert.is(await tryRead(daemon.port, 'small'), 'ok', 'small serves while big is idle');
    held.push(await hold(daemon.port, 'big'));
    return await tryRead(daemon.port, 'small');
  } finally {
    for (const s of held) s.destroy();
    daemon.stop();
  }
}

test('one busy connection on [big] locks [small] out when they share a lock file, and RSYNC-012 says so', async () => {
  const base = scratchDir('rg-lockfile-');
  const config = configWith(base, join(base, 'shared.lock'));
  assert.is(await smallWhileBigIsBusy(config, base), 'max-connections');
  assert.ok(ruleIds(config).includes('RSYNC-012'));
});

test('with a lock file of its own [small] serves while [big] is busy, and RSYNC-012 is quiet', async () => {
  const base = scratchDir('rg-lockfile-');
  const config = configWith(base, join(base, 'small.lock'));
  assert.is(await smallWhileBigIsBusy(config, base), 'ok');
  assert.not.ok(ruleIds(config).includes('RSYNC-012'));
});

test.run();
