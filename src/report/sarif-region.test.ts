import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Regions } from './sarif-region.ts';

/** What a region was before line starts were cached: the text split once per result. */
function splitRegion(text: string | undefined, line: number, column: number) {
  const shown = text?.split('\n')[line - 1]?.replace(/\r$/, '') ?? '';
  return { startLine: line, startColumn: column, endLine: line, endColumn: Math.max(shown.length + 1, column + 1) };
}

const region = suite('SARIF regions');

region('every line of a multi-module file, with CRLF, blank and over-long lines, ends where splitting the text said', () => {
  const modules = Array.from({ length: 40 }, (_, i) => `[mod${i}]\r\n    path = /srv/${'x'.repeat(i)}\r\n\r\n    read only = no # ${i}\n`).join('');
  const text = `uid = nobody\n\n${modules}\r\r\nlast line without newline`;
  const texts = new Map([['rsyncd.conf', text]]);
  const regions = new Regions(texts);
  const lines = text.split('\n').length;
  for (let line = -1; line <= lines + 2; line++) {
    for (const column of [1, 3, 200]) assert.equal(regions.region('rsyncd.conf', line, column), splitRegion(text, line, column), `line ${line} column ${column}`);
  }
  assert.equal(regions.region('other.conf', 2, 1), splitRegion(undefined, 2, 1), 'a file without text');
  assert.equal(regions.region('rsyncd.conf', 1.5, 1), splitRegion(text, 1.5, 1), 'a line that is no integer');
});

region("a target's own copy of a file wins over the shared path", () => {
  const regions = new Regions(
    new Map([
      ['etc/rsyncd.conf', 'a'],
      ['h1:/etc/rsyncd.conf\u0000etc/rsyncd.conf', 'longer line'],
    ]),
  );
  assert.is(regions.keyOf('h1:/etc/rsyncd.conf', 'etc/rsyncd.conf'), 'h1:/etc/rsyncd.conf\u0000etc/rsyncd.conf');
  assert.is(regions.keyOf('h2:/etc/rsyncd.conf', 'etc/rsyncd.conf'), 'etc/rsyncd.conf');
  assert.is(regions.region(regions.keyOf('h1:/etc/rsyncd.conf', 'etc/rsyncd.conf'), 1, 1).endColumn, 12);
});

region.run();
