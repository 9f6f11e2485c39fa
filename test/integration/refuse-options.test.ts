/**
 * `refuse options` against a real rsync daemon: a name rsync's option table does not know (`tarpit`,
 * `blockdot`, a wildcard that matches nothing) refuses nothing, and the facts (src/facts/refuse-options.ts)
 * call exactly those names unknown; known long, short and wildcard names do refuse the option.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { unknownRefuseNames } from '../../src/facts/index.ts';
import { moduleDir, readWithOptions, scratchDir, startDaemon } from './support/rsync-daemon.ts';

const CASES: { refuse: string; client: string[]; refused: boolean }[] = [
  { refuse: 'compress', client: ['-z'], refused: true },
  { refuse: 'z', client: ['--compress'], refused: true },
  { refuse: 'compr*', client: ['-z'], refused: true },
  { refuse: 'tarpit', client: ['-z'], refused: false },
  { refuse: 'blockdot', client: ['-z'], refused: false },
  { refuse: 'compres*x', client: ['-z'], refused: false },
];

test('unknown refuse options names refuse nothing on the real daemon, and only those are unknown in the facts', async () => {
  const base = scratchDir('rg-refuse-');
  const conf = CASES.map((c, i) => `[m${i}]\npath = ${moduleDir(base, `m${i}`)}\nuse chroot = no\nrefuse options = ${c.refuse}\n`).join('');
  const path = join(base, 'rsyncd.conf');
  writeFileSync(path, `${conf}`);
  const daemon = await startDaemon(path, join(base, 'daemon.log'));
  try {
    assert.is(daemon.exited, null, 'the daemon starts');
    for (const [i, c] of CASES.entries()) {
      const r = await readWithOptions(daemon.port, `m${i}`, c.client);
      const refused = r.code !== 0 && /refuse/i.test(r.stderr);
      assert.is(refused, c.refused, `refuse options = ${c.refuse}, client ${c.client.join(' ')}: ${r.stderr.trim()}`);
      assert.equal(unknownRefuseNames(c.refuse), c.refused ? [] : [c.refuse], `facts for ${c.refuse}`);
    }
  } finally {
    daemon.stop();
  }
});

test.run();
