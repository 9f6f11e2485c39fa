/**
 * Property tests: whatever bytes arrive, the parser returns (never throws), finishes quickly, and every
 * location it reports points inside the input.
 */
import { posix } from 'node:path';
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ConfigSource } from '../src/common/index.ts';
import { parseRsyncdConf, type RsyncdConfig } from '../src/parse/index.ts';

const PIECES = [
  '[m]',
  '[global]',
  '[ G L O B A L ]',
  '[]',
  '[a/b]',
  '[x',
  ']',
  'path = /srv',
  'read only = no',
  'list = no # c',
  'hosts allow = 10.0.0.0/8',
  'hosts deny = *',
  'auth users = joe:deny, @ops:rw',
  '&include /inc',
  '&merge /inc',
  '&bogus x',
  '= v',
  'name = other',
  '\\',
  'comment = a \\',
  '   indented',
  '#',
  ';',
  '%HOME%',
  '\0',
  '\r',
  '\t',
  '\xEF\xBB\xBF',
  'ReadOnly = 0',
  'max connections = 4294967295',
  'use chroot = unset',
  '{{ var }}',
  '<% x %>',
];

/** Lines made of rsyncd.conf fragments, so the generator reaches deep states, not only "badly formed line". */
const configText = fc
  .array(
    fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join(' ')),
    { maxLength: 40 },
  )
  .map((lines) => lines.join('\n'));

const incSource: ConfigSource = {
  resolve: (name, from) => {
    const target = posix.isAbsolute(name) ? name : posix.join(posix.dirname(from), name);
    if (target === '/inc') return { kind: 'dir', path: '/inc', entries: ['b.inc', 'a.conf', '.x.conf'] };
    if (target.startsWith('/inc/')) return { kind: 'file', path: target, bytes: Buffer.from('[inc]\npath = /i\nlist = no\n[global]\nhosts deny = *\n') };
    return { kind: 'missing', path: target, reason: 'no such file' };
  },
};

const parse = suite('parseRsyncdConf under random input');

function linesOf(bytes: Uint8Array): number[] {
  const lengths = Buffer.from(bytes)
    .toString('latin1')
    .split('\n')
    .map((l) => l.length);
  return lengths;
}

/** Every reported location lies inside the file it names (column may be one past the end: EOF). */
function assertLocationsInside(config: RsyncdConfig, files: Map<string, Uint8Array>): void {
  const check = (file: string | null, line: number | null, column: number | null) => {
    if (file === null) return;
    const bytes = files.get(file);
    assert.ok(bytes, `location names an unknown file ${file}`);
    const lengths = linesOf(bytes);
    assert.ok(line !== null && line >= 1 && line <= lengths.length, `line ${line} outside ${file} (${lengths.length} lines)`);
    assert.ok(column !== null && column >= 1 && column <= (lengths[line - 1] ?? 0) + 1, `column ${column} outside line ${line} of ${file}`);
  };
  for (const d of config.diagnostics) check(d.at.file, d.at.line, d.at.column);
  for (const m of config.modules) {
    check(m.header.file, m.header.line, m.header.column);
    for (const p of Object.values(m.params)) check(p.file, p.line, p.column);
  }
}

parse('never throws, stays bounded, and points inside the input for fragment soup', () => {
  fc.assert(
    fc.property(configText, (text) => {
      const bytes = Buffer.from(text, 'latin1');
      const started = performance.now();
      const config = parseRsyncdConf('fuzz.conf', bytes, incSource);
      assert.ok(performance.now() - started < 2000, 'a parse took over 2 s');
      const files = new Map<string, Uint8Array>([['fuzz.conf', bytes]]);
      for (const f of config.files) if (f.path.startsWith('/inc/')) files.set(f.path, Buffer.from('[inc]\npath = /i\nlist = no\n[global]\nhosts deny = *\n'));
      assertLocationsInside(config, files);
    }),
    { numRuns: 1500, seed: 42 },
  );
});

parse('never throws on arbitrary bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
      const config = parseRsyncdConf('bytes.conf', bytes, incSource);
      assertLocationsInside(config, new Map([['bytes.conf', bytes]]));
    }),
    { numRuns: 1500, seed: 7 },
  );
});

parse('handles a megabyte-long value and a 100,000-line file in bounded time', () => {
  const long = Buffer.from(`[m]\ncomment = ${'x'.repeat(1 << 20)}\n`);
  const many = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i % 10 === 0 ? `[m${i}]` : `path = /p${i}`)).join('\n'));
  for (const bytes of [long, many]) {
    const started = performance.now();
    parseRsyncdConf('big.conf', bytes, incSource);
    assert.ok(performance.now() - started < 10_000);
  }
});

parse.run();
