import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fileLines, hunks } from './fix-line-diff.ts';

const lineDiff = suite('fix line diff');

lineDiff('random files and random edits rebuild the new file from the old and the hunks', () => {
  let seed = 16;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 300; round++) {
    const old = Array.from({ length: rand(40) }, () => `l${rand(6)}`);
    const next = [...old];
    for (let k = rand(6); k > 0; k--) {
      const at = rand(next.length + 1);
      if (rand(2) === 0) next.splice(at, rand(3), ...Array.from({ length: rand(3) }, () => `n${rand(4)}`));
      else next.splice(at, 1);
    }
    const a = { lines: old, finalNewline: rand(2) === 0 };
    const b = { lines: next, finalNewline: rand(2) === 0 };
    const rebuilt: string[] = [];
    let i = 0;
    for (const h of hunks(a, b)) {
      const from = h.oldCount === 0 ? h.oldStart : h.oldStart - 1;
      assert.ok(from >= i, 'hunks in order, not overlapping');
      rebuilt.push(...old.slice(i, from));
      i = from;
      assert.is(h.newStart - (h.newCount === 0 ? 0 : 1), rebuilt.length, 'new start agrees');
      for (const op of h.ops) {
        if (op.kind !== '+') assert.is(old[i++], op.text);
        if (op.kind !== '-') rebuilt.push(op.text);
      }
    }
    rebuilt.push(...old.slice(i));
    assert.equal(rebuilt, next, JSON.stringify({ old, next }));
  }
  assert.equal(fileLines('a\r\nb'), { lines: ['a\r', 'b'], finalNewline: false });
});

lineDiff.run();
