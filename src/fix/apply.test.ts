import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyEdits } from './apply.ts';
import type { LineEdit } from './types.ts';

const edit = (start: number, end: number, lines: string[]): LineEdit => ({ file: 'f.conf', start, end, lines });
const apply = suite('applyEdits');

apply('replaces, inserts and deletes, keeping untouched bytes', () => {
  const text = 'a = 1\n\tb = 2 \\\n  more\nc = 3\n';
  assert.is(applyEdits(text, [edit(2, 3, ['\tb = 9'])]), 'a = 1\n\tb = 9\nc = 3\n');
  assert.is(applyEdits(text, [edit(2, 1, ['x = y'])]), 'a = 1\nx = y\n\tb = 2 \\\n  more\nc = 3\n');
  assert.is(applyEdits(text, [edit(4, 4, [])]), 'a = 1\n\tb = 2 \\\n  more\n');
  assert.is(applyEdits(text, [edit(5, 4, ['d = 4'])]), `${text}d = 4\n`);
});

apply('a CRLF file stays CRLF, and a file without a final newline stays without one', () => {
  assert.is(applyEdits('[m]\r\n  path = /x\r\n', [edit(2, 1, ['  read only = yes'])]), '[m]\r\n  read only = yes\r\n  path = /x\r\n');
  assert.is(applyEdits('[m]\r\n  path = /x', [edit(3, 2, ['  list = no'])]), '[m]\r\n  path = /x\r\n  list = no');
  assert.is(applyEdits('[m]\n  list = yes', [edit(2, 2, ['  list = no'])]), '[m]\n  list = no');
  assert.is(applyEdits('[m]\n  list = yes', [edit(2, 2, [])]), '[m]');
});

apply('several edits of one file apply together; overlapping ones throw', () => {
  const text = 'a\nb\nc\n';
  assert.is(applyEdits(text, [edit(3, 3, ['C']), edit(1, 1, ['A']), edit(2, 1, ['ab'])]), 'A\nab\nb\nC\n');
  assert.throws(() => applyEdits(text, [edit(1, 2, ['x']), edit(2, 2, ['y'])]), /overlap/);
  assert.throws(() => applyEdits(text, [edit(2, 1, ['x']), edit(2, 1, ['y'])]), /overlap/);
  assert.throws(() => applyEdits(text, [edit(5, 5, ['x'])]), /outside/);
});

apply.run();
