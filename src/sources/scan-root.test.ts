import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ScanRoot } from './scan-root.ts';

const resolution = suite('a path opened twice in one scan');
let dir = '';
resolution.before.each(() => {
  dir = mkdtempSync(join(tmpdir(), 'rg-scan-root-'));
  mkdirSync(join(dir, 'inc'));
  writeFileSync(join(dir, 'inc', 'x.conf'), '[xmod]\nread only = no\n');
  writeFileSync(join(dir, 'inc', 'y.conf'), '[ymod]\n');
  symlinkSync('x.conf', join(dir, 'inc', 'link.conf'));
});
resolution.after.each(() => rmSync(dir, { recursive: true, force: true }));

for (const holdBytes of [true, false]) {
  resolution(`a link switched between the reads is an error, never the other file (holdBytes ${holdBytes})`, () => {
    const root = new ScanRoot(dir, undefined, false, { holdBytes });
    const link = join(dir, 'inc', 'link.conf');
    const first = root.open(link);
    assert.is(first.kind, 'file');
    unlinkSync(link);
    symlinkSync('y.conf', link);
    const again = root.open(link);
    assert.is(again.kind, 'unreadable');
    assert.match(again.kind === 'unreadable' ? again.reason : '', /inc\/link\.conf changed while it was being scanned/);
    // The file it first led to is still itself, and the other file is read as what it is.
    assert.is(root.open(join(dir, 'inc', 'x.conf')).kind, 'file');
    assert.is(root.open(join(dir, 'inc', 'y.conf')).kind, 'file');
  });

  resolution(`a file that appears or goes between the reads is an error too (holdBytes ${holdBytes})`, () => {
    const root = new ScanRoot(dir, undefined, false, { holdBytes });
    const later = join(dir, 'inc', 'later.conf');
    assert.is(root.open(later).kind, 'missing');
    writeFileSync(later, '[late]\n');
    assert.is(root.open(later).kind, 'unreadable');
  });
}

resolution('the same path opened again, unchanged, is the same file', () => {
  const root = new ScanRoot(dir, undefined, false, { holdBytes: false });
  const link = join(dir, 'inc', 'link.conf');
  const a = root.open(link);
  const b = root.open(link);
  assert.is(a.kind, 'file');
  assert.is(b.kind, 'file');
  assert.equal(a.kind === 'file' && Buffer.from(a.bytes).toString(), b.kind === 'file' && Buffer.from(b.bytes).toString());
});

resolution.run();
