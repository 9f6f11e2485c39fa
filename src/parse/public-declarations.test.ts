import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { declarationFor, publicDeclarations, uncoveredDeclarations } from './public-declarations.ts';
import { inlineWaivers } from './inline-waivers.ts';

const scan = (text: string, file = 'rsyncd.conf') => publicDeclarations(Buffer.from(text), file);
const at = (line: number, file = 'rsyncd.conf') => ({ file, line, column: 1 });

const declarations = suite('publicDeclarations');

declarations('marks the module whose header is on the next line', () => {
  const r = scan('uid = nobody\n[private]\npath = /a\n# rsyncguard: public Debian mirror\n[debian]\npath = /b\n');
  assert.equal(r.declarations, [{ reason: 'Debian mirror', file: 'rsyncd.conf', line: 4, target_line: 5 }]);
  assert.is(r.diagnostics.length, 0);
});

declarations('stacks with waivers: other rsyncguard comments between it and the header do not break it', () => {
  const text = '[a]\npath = /a\n; rsyncguard: public mirror of CPAN\n# rsyncguard: ignore RSYNC-011 the mirror limits elsewhere\n[cpan]\npath = /c\n';
  assert.equal(
    scan(text).declarations.map((d) => [d.line, d.target_line]),
    [[3, 5]],
  );
  // …and the waiver still reaches the header through the declaration.
  assert.equal(
    inlineWaivers(Buffer.from('# rsyncguard: ignore RSYNC-001 public\n# rsyncguard: public mirror\n[m]\n'), 'rsyncd.conf').waivers.map((w) => w.target_line),
    [3],
  );
});

declarations('before the first module header, not directly above it, marks every module of the file', () => {
  const r = scan('# rsyncguard: public every module here is a mirror\nuid = nobody\n[a]\npath = /a\n[b]\npath = /b\n');
  assert.equal(r.declarations, [{ reason: 'every module here is a mirror', file: 'rsyncd.conf', line: 1, target_line: null }]);
});

declarations('a blank line between the comment and the header makes it file-wide before the first header', () => {
  const r = scan('# rsyncguard: public mirror\n\n[a]\npath = /a\n');
  assert.equal(r.declarations[0]?.target_line, null);
});

declarations('a blank line between the comment and a later header declares nothing, and says so', () => {
  const r = scan('[a]\npath = /a\n# rsyncguard: public mirror\n\n[b]\npath = /b\n');
  assert.is(r.declarations.length, 0);
  assert.equal(
    r.diagnostics.map((d) => [d.code, d.at.line]),
    [['public-declaration-misplaced', 3]],
  );
});

declarations('[global] is not a module header: a declaration above it is file-wide', () => {
  const r = scan('# rsyncguard: public mirror\n[global]\nuid = nobody\n[a]\npath = /a\n');
  assert.equal(r.declarations[0]?.target_line, null);
});

declarations('[GLO BAL] is the global section too (rsync ignores spaces in section names): not a module header', () => {
  // Before it: file-wide, not "misplaced" after a first module that does not exist.
  const r = scan('[GLO BAL]\nuse chroot = yes\n# rsyncguard: public all mirrors here\n\n[pub]\npath = /p\n');
  assert.equal(r.diagnostics, []);
  assert.equal(r.declarations, [{ reason: 'all mirrors here', file: 'rsyncd.conf', line: 3, target_line: null }]);
  // Directly above it: it marks no "module" [GLO BAL].
  assert.equal(scan('# rsyncguard: public mirror\n[ g L o B a L ]\nuid = nobody\n[a]\n').declarations[0]?.target_line, null);
});

declarations("directly above an &include it declares nothing and says so: the included modules are not this file's", () => {
  const r = scan('# rsyncguard: public the Debian mirror included here\n&include /etc/rsyncd.d/debian.conf\n\n[backup]\npath = /srv/backup\n');
  assert.equal(r.declarations, []);
  assert.equal(
    r.diagnostics.map((d) => [d.code, d.at.line]),
    [['public-declaration-misplaced', 1]],
  );
  assert.match(r.diagnostics[0]?.message ?? '', '&include');
  assert.match(r.diagnostics[0]?.hint ?? '', 'included file');
});

declarations('directly above a parameter after the top of the file it declares nothing; with a blank line after it, it is file-wide', () => {
  const above = scan('uid = nobody\n# rsyncguard: public mirror\nuse chroot = yes\n[a]\npath = /a\n');
  assert.equal(above.declarations, []);
  assert.match(above.diagnostics[0]?.message ?? '', 'directly above a parameter line');
  assert.match(above.diagnostics[0]?.hint ?? '', 'blank line after it');
  const apart = scan('uid = nobody\n# rsyncguard: public mirror\n# (all of them)\n\nuse chroot = yes\n[a]\npath = /a\n');
  assert.equal(apart.declarations[0]?.target_line, null);
  assert.equal(apart.diagnostics, []);
});

declarations('a plain comment between it and the first module header makes it neither: it declares nothing', () => {
  const r = scan('# rsyncguard: public Debian mirror\n# the Debian module\n[debian]\npath = /d\n[backup]\npath = /b\n');
  assert.equal(r.declarations, []);
  assert.equal(
    r.diagnostics.map((d) => d.code),
    ['public-declaration-misplaced'],
  );
  assert.match(r.diagnostics[0]?.hint ?? '', 'directly above the header');
});

declarations('at the end of the file before any module header it is file-wide (the modules may follow in an include)', () => {
  assert.equal(scan('uid = nobody\n# rsyncguard: public mirror\n').declarations[0]?.target_line, null);
});

declarations('a declaration without a reason declares nothing and points at its line', () => {
  const r = scan('# rsyncguard: public\n[a]\npath = /a\n#rsyncguard:public   \t\n[b]\n');
  assert.is(r.declarations.length, 0);
  assert.equal(
    r.diagnostics.map((d) => [d.code, d.at.line]),
    [
      ['public-declaration-without-reason', 1],
      ['public-declaration-without-reason', 4],
    ],
  );
  assert.match(r.diagnostics[0]?.hint ?? '', /# rsyncguard: public why/);
});

declarations('is not a trailing comment (rsync keeps that in the value) and not "publicity"', () => {
  assert.is(scan('[a]\npath = /a # rsyncguard: public mirror\n# rsyncguard: publicity yes\n[b]\n').declarations.length, 0);
});

declarations('replaces control characters in the reason', () => {
  assert.is(scan('# rsyncguard: public mirror\u001b[31m red\n[a]\n').declarations[0]?.reason, 'mirror [31m red');
});

const covering = suite('declarationFor');

covering("a module's own declaration wins over its file's; other files' declarations never apply", () => {
  const decls = [
    { reason: 'file-wide', file: 'inc.conf', line: 1, target_line: null },
    { reason: 'own', file: 'inc.conf', line: 4, target_line: 5 },
  ];
  assert.is(declarationFor(at(5, 'inc.conf'), decls)?.reason, 'own');
  assert.is(declarationFor(at(9, 'inc.conf'), decls)?.reason, 'file-wide');
  assert.is(declarationFor(at(5, 'rsyncd.conf'), decls), null);
});

const uncovered = suite('uncoveredDeclarations');

uncovered('a file-wide declaration in a file without module headers covers nothing (its modules are in includes)', () => {
  const decls = [
    { reason: 'all of it', file: 'etc/rsyncd.conf', line: 1, target_line: null },
    { reason: 'inc', file: 'etc/rsyncd.d/m.conf', line: 1, target_line: null },
  ];
  const d = uncoveredDeclarations(decls, [at(1, 'etc/rsyncd.d/m.conf')]);
  assert.equal(
    d.map((x) => [x.code, x.at.file, x.at.line]),
    [['public-declaration-covers-nothing', 'etc/rsyncd.conf', 1]],
  );
  assert.match(d[0]?.message ?? '', 'no module header is in this file');
});

uncovered('a declaration above a header that re-opens an earlier module covers nothing; one above a real header covers it', () => {
  const decls = [
    { reason: 'x', file: 'rsyncd.conf', line: 5, target_line: 6 },
    { reason: 'y', file: 'rsyncd.conf', line: 1, target_line: 2 },
  ];
  const d = uncoveredDeclarations(decls, [at(2), at(4)]);
  assert.equal(
    d.map((x) => x.at.line),
    [5],
  );
  assert.match(d[0]?.message ?? '', 're-opens a module');
});

uncovered('one note per declaration, though an included file is read twice', () => {
  const twice = { reason: 'x', file: 'inc.conf', line: 1, target_line: null };
  assert.is(uncoveredDeclarations([twice, twice], []).length, 1);
});

declarations.run();
covering.run();
uncovered.run();
