import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { firstHeader, hasTemplateExpr, isTemplateFile, lineKind, logicalEnd, sameName, sectionEnd, sectionIndent, splitLines } from './lines.ts';

const lines = suite('lines');

lines('continuation lines belong to their parameter or header; a comment never continues', () => {
  const l = splitLines('a = 1 \\  \r\n   2\r\n# x \\\r\nb = 3\r\n');
  assert.equal(l, ['a = 1 \\  ', '   2', '# x \\', 'b = 3']);
  assert.is(logicalEnd(l, 1), 2);
  assert.is(logicalEnd(l, 3), 3);
});

lines("sections end at the next header; new lines take the section's indentation, else the file's", () => {
  const l = splitLines('g = 1\n[a]\n\tpath = /a\n\n[b]\n[c]\n  path = /c\n');
  assert.is(firstHeader(l), 2);
  assert.is(sectionEnd(l, 2), 4);
  assert.is(sectionEnd(l, 6), 7);
  assert.is(sectionIndent(l, 2), '\t');
  assert.is(sectionIndent(l, 5), '\t');
});

lines('template files and expressions', () => {
  assert.ok(isTemplateFile('etc/rsyncd.conf.j2'));
  assert.ok(isTemplateFile('rsyncd.conf.ERB'));
  assert.not.ok(isTemplateFile('rsyncd.conf'));
  assert.ok(hasTemplateExpr('path = {{ p }}'));
  assert.ok(hasTemplateExpr('<% if x %>'));
  assert.not.ok(hasTemplateExpr('path = /srv/%USER%'));
  // A Jinja comment renders to nothing: `read only = no {# c #}` is `read only = no` once rendered.
  assert.ok(hasTemplateExpr('read only = no {# uploads from CI #}'));
  assert.ok(hasTemplateExpr('list = no <%# hidden %>'));
});

lines('a BOM is no whitespace for rsync: a BOM line is a parameter line, and a BOM is part of the name', () => {
  assert.is(lineKind('\ufeff[m]'), 'param');
  assert.is(lineKind('\ufeff# c'), 'param');
  assert.is(lineKind('\t[m]'), 'header');
  assert.not.ok(sameName('\ufeffuse chroot', 'use chroot'));
  assert.ok(sameName('Use  Chroot', 'usechroot'));
});

lines.run();
