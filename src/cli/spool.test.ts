import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fileSpool } from './spool.ts';

const spool = suite('the file spool');

spool('gives back every record in order, as often as asked: multi-byte text, empty records, records larger than its buffer', () => {
  const s = fileSpool();
  const records = ['', 'plain', 'é→日本語🙂'.repeat(50_000), ...Array.from({ length: 20_000 }, (_, i) => `record ${i} ${'ü'.repeat(i % 97)}`), 'x'.repeat(3 << 20), 'last'];
  for (const r of records) s.add(r);
  for (let pass = 0; pass < 2; pass++) {
    const back: string[] = [];
    s.forEach((r) => {
      back.push(r);
    });
    assert.is(back.length, records.length);
    assert.ok(
      back.every((r, i) => r === records[i]),
      `pass ${pass}: every record as added`,
    );
  }
  s.close();
});

spool('records added after a read are read too', () => {
  const s = fileSpool();
  s.add('a');
  s.forEach(() => {});
  s.add('b');
  const back: string[] = [];
  s.forEach((r) => {
    back.push(r);
  });
  assert.equal(back, ['a', 'b']);
  s.close();
});

spool('a temporary folder that fills up: the records written are read back, the rest kept in memory, none lost', () => {
  // A 64 KiB tmpfs in a mount namespace of its own; needs root, as the integration tests do.
  if (process.getuid?.() !== 0) return;
  const dir = mkdtempSync(join(tmpdir(), 'rg-spool-full-'));
  const script = `import { fileSpool } from ${JSON.stringify(resolve('src/cli/spool.ts'))};
const s = fileSpool(); const n = 2000;
for (let i = 0; i < n; i++) s.add('record ' + i + ' ' + 'x'.repeat(1000));
let i = 0, ok = true; s.forEach((r) => { ok &&= r === 'record ' + i + ' ' + 'x'.repeat(1000); i++; });
console.log(ok && i === n ? 'all' : 'lost ' + i);`;
  const r = spawnSync('unshare', ['--mount', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs "$1" && TMPDIR="$1" exec "$2" --import tsx --input-type=module -e "$3"`, 'sh', dir, process.execPath, script], { encoding: 'utf8', timeout: 60_000 });
  rmSync(dir, { recursive: true, force: true });
  assert.is(r.stdout.trim(), 'all', r.stderr);
});

spool.run();
