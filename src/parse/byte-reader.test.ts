import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ByteReader, EOF } from './byte-reader.ts';

const reader = suite('ByteReader columns');

/** The column lastAt() gives for each character of the first line, read byte by byte. */
function columns(text: string): number[] {
  const r = new ByteReader(new TextEncoder().encode(text), 'f');
  const out: number[] = [];
  for (let c = r.getc(); c !== EOF && c !== 0x0a; c = r.getc()) out.push(r.lastAt().column);
  return [...new Set(out)];
}

reader('columns are UTF-16 code units (SARIF columnKind), not bytes: a BOM is one, an astral character two', () => {
  // U+FEFF is 3 bytes, é 2, U+1F600 4 (a surrogate pair in UTF-16).
  assert.equal(columns('\ufeffa=é\u{1F600}x'), [1, 2, 3, 4, 5, 7]);
  assert.equal(columns('\ufeffuid = root').at(-4), 8, '"root" starts at column 8, as "\\ufeffuid = root".indexOf("r") + 1 says');
});

reader.run();
