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

spool.run();
