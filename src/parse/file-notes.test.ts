import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fileNotes } from './file-notes.ts';

const notes = suite('fileNotes: bytes rsync reads otherwise than they look');

notes('UTF-16 text is one note saying so, not its NULs', () => {
  for (const bytes of [Buffer.from('\ufeff[m]\npath = /srv\n', 'utf16le'), Buffer.from([0xfe, 0xff, 0, 0x5b, 0, 0x6d, 0, 0x5d, 0, 0x0a])]) {
    const n = fileNotes(bytes, 'u16.conf');
    assert.equal(
      n.map((d) => d.code),
      ['utf16'],
    );
    assert.equal(n[0]?.at, { file: 'u16.conf', line: 1, column: 1 });
  }
});

notes('NUL bytes: the first five where they are, then how many more', () => {
  const bytes = Buffer.from(`[m]\npath = /srv\n${'\0'.repeat(12)}\n`);
  const n = fileNotes(bytes, 'n.conf');
  assert.is(n.length, 6);
  assert.equal(
    n.slice(0, 5).map((d) => d.at.column),
    [1, 2, 3, 4, 5],
  );
  assert.is(n[5]?.message, '7 more NUL bytes after this one (only the first 5 are noted).');
  assert.equal(n[5]?.at, { file: 'n.conf', line: 3, column: 5 });
  // Five or fewer: no count.
  assert.is(fileNotes(Buffer.from('a\0b\n'), 'x').length, 1);
});

notes.run();
