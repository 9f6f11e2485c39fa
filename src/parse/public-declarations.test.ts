import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { declarationFor, publicDeclarations } from './public-declarations.ts';
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

declarations.run();
covering.run();
