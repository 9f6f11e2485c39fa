/**
 * A real rsync daemon started with --protocol=30 greets with 30 whatever its release: the greeting is a lower
 * bound only, and its digest list (3.2.7 on) raises that bound. Nothing may be called fixed from the protocol
 * (review finding 4: 30 read as 3.0.0–3.0.9 made CVE-2024-12084 "fixed"). Only the daemon this file starts is stopped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { judgeCves } from '../../src/facts/index.ts';
import { rangeFromProtocol } from '../../src/parse/index.ts';
import { probeDaemon } from '../../src/sources/index.ts';
import { connects, freePort, moduleDir, scratchDir } from './support/rsync-daemon.ts';

async function daemonWith(args: string[]): Promise<{ port: number; child: ChildProcess }> {
  const base = scratchDir('rg-protocol-');
  const conf = join(base, 'rsyncd.conf');
  writeFileSync(conf, `use chroot = no\n[m]\n    path = ${moduleDir(base, 'm')}\n`);
  const port = await freePort();
  const child = spawn('rsync', ['--daemon', '--no-detach', `--config=${conf}`, `--port=${port}`, '--address=127.0.0.1', `--log-file=${join(base, 'log')}`, ...args], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !(await connects('127.0.0.1', port))) await new Promise((r) => setTimeout(r, 25));
  return { port, child };
}

test('a --protocol=30 daemon: the greeting gives 3.2.7 and later, and no CVE is fixed by it', async () => {
  const argv = ['rsync', '--daemon', '--protocol=30'];
  const { port, child } = await daemonWith(['--protocol=30']);
  try {
    const probe = await probeDaemon('127.0.0.1', port);
    assert.is(probe.protocol, '30.0', JSON.stringify(probe));
    assert.ok(probe.digests.length > 0, 'the 3.2.7+ greeting lists its digests');
    for (const cmdlines of [[], [argv]]) {
      const range = rangeFromProtocol(probe.protocol ?? '', { digests: probe.digests, cmdlines });
      assert.ok('min' in range, JSON.stringify(range));
      if (!('min' in range)) return;
      assert.equal([range.min, range.max], ['3.2.7', null]);
      const judged = judgeCves({ version: null, source: null, package: null, distro: null, range, unknown: 'only the greeting' });
      assert.is(judged.find((j) => j.id === 'CVE-2024-12084')?.state, 'unknown');
      // Only CVEs fixed by 3.2.7 could be fixed from a lower bound of 3.2.7; the table has none.
      assert.equal(
        judged.filter((j) => j.state === 'fixed').map((j) => j.id),
        [],
      );
    }
  } finally {
    child.kill('SIGTERM');
  }
});

test.run();
