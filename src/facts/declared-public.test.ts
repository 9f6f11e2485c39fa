import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ConfigSource } from '../common/index.ts';
import { parseRsyncdConf } from '../parse/index.ts';
import { buildFacts } from './build-facts.ts';
import { validateFacts } from './validate.ts';
import { moduleWritable } from './writable.ts';

/** Files the daemon would read, by absolute path. */
function source(files: Record<string, string>): ConfigSource {
  return {
    resolve: (target) => {
      const text = files[target];
      return text === undefined ? { kind: 'missing', path: target, reason: 'no such file' } : { kind: 'file', path: target, bytes: Buffer.from(text) };
    },
  };
}

function facts(main: string, files: Record<string, string> = {}) {
  const config = parseRsyncdConf('/etc/rsyncd.conf', Buffer.from(main), source(files));
  return buildFacts({ target: { kind: 'file', id: '/etc/rsyncd.conf', display: 'rsyncd.conf' }, daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-30', config });
}

const declared = suite('declared_public');

declared('carries the comment, its file and line on the module it marks, null on the others', () => {
  const doc = facts('[private]\npath = /p\n# rsyncguard: public Debian mirror\n[debian]\npath = /d\n');
  assert.equal(
    doc.config.modules.map((m) => [m.name, m.declared_public]),
    [
      ['private', null],
      ['debian', { reason: 'Debian mirror', source: 'comment', file: '/etc/rsyncd.conf', line: 3 }],
    ],
  );
});

declared('a declaration in an included file covers the modules of that file only', () => {
  const doc = facts('&include /etc/rsyncd.d/mirrors.conf\n[backup]\npath = /b\nauth users = b\n', {
    '/etc/rsyncd.d/mirrors.conf': '# rsyncguard: public-file mirrors for everyone\n\n[debian]\npath = /d\n[ubuntu]\npath = /u\n',
  });
  assert.equal(
    doc.config.modules.map((m) => [m.name, m.declared_public?.line ?? null]),
    [
      ['debian', 1],
      ['ubuntu', 1],
      ['backup', null],
    ],
  );
  assert.is(doc.config.modules[0]?.declared_public?.file, '/etc/rsyncd.d/mirrors.conf');
});

declared('validation reads a document made before declarations existed as declaring nothing', () => {
  const doc = JSON.parse(JSON.stringify(facts('# rsyncguard: public mirror\n[a]\npath = /a\n')));
  delete doc.config.modules[0].declared_public;
  delete doc.config.modules[0].effective.writable;
  const r = validateFacts(doc);
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
  if (r.ok) {
    assert.is(r.value.config.modules[0]?.declared_public, null);
    assert.is(r.value.config.modules[0]?.effective.writable.value, false);
  }
});

const writable = suite('moduleWritable');
const v350: [number, number, number] = [3, 5, 0];

writable('"read only = no" makes a module writable; the default does not', () => {
  assert.is(moduleWritable({ 'read only': { value: false } }, v350).value, true);
  assert.is(moduleWritable({ 'read only': { value: true } }, v350).value, false);
});

writable('an auth users ":rw" rule overrides "read only" for its users, unless an earlier rule shadows it', () => {
  const secrets = { value: '/etc/rsyncd.secrets' };
  assert.is(moduleWritable({ 'read only': { value: true }, 'auth users': { value: 'mirror:ro, admin:rw' }, 'secrets file': secrets }, v350).value, true);
  assert.is(moduleWritable({ 'read only': { value: true }, 'auth users': { value: '*:ro, admin:rw' }, 'secrets file': secrets }, v350).value, false);
  assert.is(moduleWritable({ 'read only': { value: true }, 'write only': { value: true } }, v350).value, false);
});

declared('a declaration that covers no module as rsync loads the config is a located warning', () => {
  const notes = (doc: ReturnType<typeof facts>) => doc.config.diagnostics.filter((d) => d.code === 'public-declaration-covers-nothing').map((d) => [d.file, d.line]);
  // (a) file-wide, but every module is in an included file.
  const included = facts('# rsyncguard: public-file all of it\nuid = nobody\n&include /etc/rsyncd.d/m.conf\n', { '/etc/rsyncd.d/m.conf': '[mirror]\npath = /srv/mirror\n' });
  assert.equal(notes(included), [['/etc/rsyncd.conf', 1]]);
  assert.is(included.config.modules[0]?.declared_public, null);
  // (b) above a re-opened section: rsync merges it into the first [mirror], whose header is line 1.
  const reopened = facts('[mirror]\npath = /m\n[other]\npath = /o\n# rsyncguard: public x\n[Mirror]\ncomment = public\n');
  assert.equal(notes(reopened), [['/etc/rsyncd.conf', 5]]);
  assert.equal(
    reopened.config.modules.map((m) => m.declared_public),
    [null, null],
  );
  // A declaration that covers a module says nothing.
  assert.equal(notes(facts('# rsyncguard: public x\n[a]\npath = /a\n')), []);
});

declared.run();
writable.run();
