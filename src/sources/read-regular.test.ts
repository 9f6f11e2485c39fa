import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readCapped, readLocalFile } from './read-regular.ts';

const dir = mkdtempSync(join(tmpdir(), 'rg-read-'));
let files = 0;
test.after(() => rmSync(dir, { recursive: true, force: true }));

function capped(content: string, maxBytes: number, sizeHint: number): Buffer | null {
  const path = join(dir, `f${files++}`);
  writeFileSync(path, content);
  const fd = openSync(path, 'r');
  try {
    return readCapped(fd, maxBytes, sizeHint);
  } finally {
    closeSync(fd);
  }
}

test('readCapped returns the whole file whatever the size hint said', () => {
  const text = 'x'.repeat(70_000);
  // Exact, too small (the file grew after fstat), zero (procfs says 0), larger than the file.
  for (const hint of [text.length, 10, 0, 200_000]) assert.is(capped(text, 1 << 20, hint)?.toString(), text, `hint ${hint}`);
  assert.is(capped('', 100, 0)?.length, 0);
});

test('readCapped stops at the cap even when the hint is below it', () => {
  assert.is(capped('y'.repeat(101), 100, 5), null);
  assert.is(capped('y'.repeat(100), 100, 5)?.length, 100);
});

test('readLocalFile gives exactly the bytes of a small file', () => {
  const path = join(dir, 'small.conf');
  writeFileSync(path, '[m]\npath = /srv\n');
  const r = readLocalFile(path);
  assert.ok(r.ok);
  if (r.ok) assert.is(Buffer.from(r.value).toString(), '[m]\npath = /srv\n');
});

test.run();
