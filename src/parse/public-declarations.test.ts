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

declarations('"public-file" before the first module header marks every module of the file', () => {
  const r = scan('# rsyncguard: public-file every module here is a mirror\nuid = nobody\n[a]\npath = /a\n[b]\npath = /b\n');
  assert.equal(r.declarations, [{ reason: 'every module here is a mirror', file: 'rsyncd.conf', line: 1, target_line: null }]);
  assert.equal(r.diagnostics, []);
  // Directly above the first header too: the spelling, not the place, makes it file-wide.
  assert.equal(scan('# rsyncguard: Public-File mirrors\n[a]\n[b]\n').declarations[0]?.target_line, null);
});

declarations('"public" with a blank line before the first header is not file-wide: it declares nothing, and says how to mark the file (adv3 #13)', () => {
  // How people introduce a section: written for [debian], it must not silently cover [backups].
  const r = scan('uid = nobody\n\n# rsyncguard: public Debian mirror, read-only by design\n\n[debian]\npath = /d\n\n[backups]\npath = /b\n');
  assert.equal(r.declarations, []);
  assert.equal(
    r.diagnostics.map((d) => [d.code, d.at.line]),
    [['public-declaration-misplaced', 3]],
  );
  assert.match(r.diagnostics[0]?.message ?? '', 'separated from the module header below it by a blank line');
  assert.match(r.diagnostics[0]?.hint ?? '', 'rsyncguard: public-file <reason>');
  // At the top of the file above the global parameters, or at its end: still nothing.
  assert.equal(scan('# rsyncguard: public mirrors\nuid = nobody\n[a]\npath = /a\n').declarations, []);
  assert.equal(
    scan('uid = nobody\n# rsyncguard: public mirror\n').diagnostics.map((d) => d.code),
    ['public-declaration-misplaced'],
  );
});

declarations('a blank line between the comment and a later header declares nothing, and says so', () => {
  const r = scan('[a]\npath = /a\n# rsyncguard: public mirror\n\n[b]\npath = /b\n');
  assert.is(r.declarations.length, 0);
  assert.equal(
    r.diagnostics.map((d) => [d.code, d.at.line]),
    [['public-declaration-misplaced', 3]],
  );
});

declarations('"public-file" after the first module header declares nothing, and says so', () => {
  const r = scan('[a]\npath = /a\n# rsyncguard: public-file mirrors\n\n[b]\npath = /b\n');
  assert.equal(r.declarations, []);
  assert.match(r.diagnostics[0]?.message ?? '', 'after the first module header');
});

declarations('[global] is not a module header: "public" above it declares nothing, "public-file" above it marks the file', () => {
  assert.equal(scan('# rsyncguard: public mirror\n[global]\nuid = nobody\n[a]\npath = /a\n').declarations, []);
  assert.equal(scan('# rsyncguard: public-file mirror\n[global]\nuid = nobody\n[a]\npath = /a\n').declarations[0]?.target_line, null);
});

declarations('[GLO BAL] is the global section too (rsync ignores spaces in section names): not a module header', () => {
  // After it: before the first module, not "after a first module" that does not exist.
  const r = scan('[GLO BAL]\nuse chroot = yes\n# rsyncguard: public-file all mirrors here\n\n[pub]\npath = /p\n');
  assert.equal(r.diagnostics, []);
  assert.equal(r.declarations, [{ reason: 'all mirrors here', file: 'rsyncd.conf', line: 3, target_line: null }]);
  // Directly above it: it marks no "module" [GLO BAL].
  assert.equal(scan('# rsyncguard: public mirror\n[ g L o B a L ]\nuid = nobody\n[a]\n').declarations, []);
});

declarations("above an &include, blank lines or not, either spelling declares nothing and says so: the included modules are not this file's (adv3 #7)", () => {
  for (const text of [
    '# rsyncguard: public the Debian mirror included here\n&include /etc/rsyncd.d/debian.conf\n\n[backup]\npath = /srv/backup\n',
    'uid = nobody\n\n# rsyncguard: public Debian mirror (in rsyncd.d/mirror.conf)\n\n&include /etc/rsyncd.d\n\n[internal-docs]\npath = /srv/internal\n',
    '# rsyncguard: public-file Debian mirror\n\n# the mirrors\n&merge /etc/rsyncd.d\n[internal-docs]\npath = /srv/internal\n',
  ]) {
    const r = scan(text);
    assert.equal(r.declarations, [], text);
    assert.equal(
      r.diagnostics.map((d) => d.code),
      ['public-declaration-misplaced'],
    );
    assert.match(r.diagnostics[0]?.message ?? '', '&include');
    assert.match(r.diagnostics[0]?.hint ?? '', 'included file');
  }
});

declarations('directly above a parameter it declares nothing', () => {
  const above = scan('uid = nobody\n# rsyncguard: public mirror\nuse chroot = yes\n[a]\npath = /a\n');
  assert.equal(above.declarations, []);
  assert.match(above.diagnostics[0]?.message ?? '', 'not directly above a module header');
  assert.match(above.diagnostics[0]?.hint ?? '', 'public-file');
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

declarations('"public-file" at the end of the file before any module header is file-wide (uncoveredDeclarations reports it if no header follows)', () => {
  assert.equal(scan('uid = nobody\n# rsyncguard: public-file mirror\n').declarations[0]?.target_line, null);
});

declarations('any other "public-…" word is a misspelling: it declares nothing and says so', () => {
  const r = scan('# rsyncguard: public-all mirrors\n[a]\npath = /a\n');
  assert.equal(r.declarations, []);
  assert.equal(
    r.diagnostics.map((d) => [d.code, d.at.line]),
    [['public-declaration-unknown', 1]],
  );
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
