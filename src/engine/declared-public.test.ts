import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DeclaredPublic, FactsDocument } from '../facts/index.ts';
import { applyDeclaredPublic } from './declared-public.ts';
import type { Finding, RuleInfo } from './finding.ts';
import { declarePublic, parsePublicEntries, usedPublicEntries, type PublicEntry } from './public-entries.ts';

const parse = suite('parsePublicEntries');

parse('reads path globs, an optional module and the reason, and says where each was written', () => {
  const r = parsePublicEntries('waivers: []\npublic:\n  - path: "mirrors/**"\n    reason: Debian and Ubuntu mirrors\n  - path: etc/rsyncd.conf\n    module: cpan\n    reason: CPAN mirror\n', '.rsyncguard.yaml');
  assert.ok(r.ok);
  if (r.ok) {
    assert.equal(r.value, [
      { path: 'mirrors/**', host: null, image: null, module: null, reason: 'Debian and Ubuntu mirrors', file: '.rsyncguard.yaml', line: 3 },
      { path: 'etc/rsyncd.conf', host: null, image: null, module: 'cpan', reason: 'CPAN mirror', file: '.rsyncguard.yaml', line: 5 },
    ]);
  }
});

parse('an entry without a reason is an error at its line: it would declare nothing', () => {
  const r = parsePublicEntries('public:\n  - path: a.conf\n    reason: ok\n  - path: b.conf\n    reason: "  "\n', 'w.yaml');
  assert.not.ok(r.ok);
  if (!r.ok) {
    assert.is(r.error.where, 'w.yaml:4');
    assert.match(r.error.message, 'reason');
    assert.match(r.error.hint ?? '', 'reason: <why');
  }
});

parse('takes host: and image: like a waiver, and needs one of path, host, image', () => {
  const r = parsePublicEntries('public:\n  - host: "mirror-*"\n    reason: mirror hosts\n  - image: "registry/mirror:*"\n    path: /etc/rsyncd.conf\n    reason: mirror image\n', 'w.yaml');
  assert.equal(r.ok ? r.value.map((e) => [e.path, e.host, e.image]) : r.error.message, [
    [null, 'mirror-*', null],
    ['/etc/rsyncd.conf', null, 'registry/mirror:*'],
  ]);
  const onlyModule = parsePublicEntries('public:\n  - module: debian\n    reason: x\n', 'w.yaml');
  assert.match(onlyModule.ok ? '' : onlyModule.error.message, '"path"');
  assert.not.ok(parsePublicEntries('public:\n  - host: ""\n    reason: x\n', 'w.yaml').ok);
});

parse('rejects a missing path, an unknown field and a public that is not a list', () => {
  assert.not.ok(parsePublicEntries('public:\n  - reason: x\n', 'w.yaml').ok);
  const typo = parsePublicEntries('public:\n  - path: a\n    reason: x\n    modul: a\n', 'w.yaml');
  assert.not.ok(typo.ok);
  if (!typo.ok) assert.match(typo.error.message, 'modul');
  assert.not.ok(parsePublicEntries('public: yes\n', 'w.yaml').ok);
  const none = parsePublicEntries('waivers: []\n', 'w.yaml');
  assert.equal(none.ok ? none.value : null, []);
});

parse.run();

const comment: DeclaredPublic = { reason: 'Debian mirror', source: 'comment', file: 'etc/rsyncd.conf', line: 2 };

function module(name: string, declared: DeclaredPublic | null, writable = false, file = 'etc/rsyncd.conf', login = false) {
  return { name, header: { file, line: 3, column: 1 }, declared_public: declared, access: { auth_required: login }, effective: { writable: { value: writable, reason: 'test' } } };
}

function facts(modules: ReturnType<typeof module>[], kind = 'file', id = 'etc/rsyncd.conf'): FactsDocument {
  return { target: { kind, id, display: id }, config: { modules } } as unknown as FactsDocument;
}

const entry = (e: Partial<PublicEntry>): PublicEntry => ({ path: null, host: null, image: null, module: null, reason: 'mirror', file: '.rsyncguard.yaml', line: 2, ...e });
const declaredNames = (doc: FactsDocument) => doc.config.modules.filter((m) => m.declared_public).map((m) => m.name);

const declare = suite('declarePublic');

declare('declares the modules an entry selects, by path glob and module name; a comment wins', () => {
  const entries = [entry({ path: 'etc/*.conf', module: 'cpan', reason: 'CPAN mirror', line: 3 }), entry({ path: 'etc/*.conf', reason: 'all mirrors', line: 6 })];
  const doc = declarePublic(facts([module('debian', comment), module('cpan', null), module('gnu', null)]), entries);
  assert.equal(
    doc.config.modules.map((m) => [m.name, m.declared_public?.source, m.declared_public?.line]),
    [
      ['debian', 'comment', 2],
      ['cpan', 'config', 3],
      ['gnu', 'config', 6],
    ],
  );
  const other = declarePublic(facts([module('cpan', null)]), [{ ...entries[1]!, path: 'other/**' }]);
  assert.is(other.config.modules[0]?.declared_public, null);
});

declare('a path names the file a module header is in, never the target that includes it', () => {
  // etc/rsyncd.conf includes etc/rsyncd.d/backup.conf: an entry for the top file declares its own [mirror] only.
  const doc = facts([module('mirror', null), module('backup', null, false, 'etc/rsyncd.d/backup.conf')]);
  assert.equal(declaredNames(declarePublic(doc, [entry({ path: 'etc/rsyncd.conf' })])), ['mirror']);
  assert.equal(declaredNames(declarePublic(doc, [entry({ path: 'etc/rsyncd.d/*.conf' })])), ['backup']);
});

declare('a host or an image is selected by host:/image: only, and its path may be written as on the machine', () => {
  const mirror = facts([module('mirror', null)], 'host', 'mirror-1:/etc/rsyncd.conf');
  const backup = facts([module('backups', null)], 'host', 'backup-host:/etc/rsyncd.conf');
  // Every host's config is etc/rsyncd.conf: a path alone must not declare a whole fleet public.
  assert.equal(declaredNames(declarePublic(mirror, [entry({ path: 'etc/rsyncd.conf' })])), []);
  const scoped = [entry({ host: 'mirror-*', path: '/etc/rsyncd.conf' })];
  assert.equal(declaredNames(declarePublic(mirror, scoped)), ['mirror']);
  assert.equal(declaredNames(declarePublic(backup, scoped)), []);
  assert.equal(declaredNames(declarePublic(mirror, [entry({ host: 'mirror-1:/etc/rsyncd.conf' })])), ['mirror'], 'or the whole target id');
  const image = facts([module('m', null)], 'image', 'registry.example/mirror:/etc/rsyncd.conf');
  assert.equal(declaredNames(declarePublic(image, [entry({ image: 'registry.example/mirror' })])), ['m']);
  assert.equal(declaredNames(declarePublic(image, [entry({ image: 'registry.example/*' })])), ['m']);
  assert.equal(declaredNames(declarePublic(image, [entry({ host: '*' })])), []);
  assert.equal(declaredNames(declarePublic(facts([module('m', null)]), [entry({ host: '*' })])), [], 'a repository file is no host');
});

declare('usedPublicEntries lists the entries that cover some module of the target', () => {
  const used = entry({ path: 'etc/rsyncd.conf', line: 2 });
  const unused = entry({ path: '/etc/rsyncd.conf', line: 5 });
  assert.equal(usedPublicEntries(facts([module('m', null)]), [used, unused]), [used]);
});

declare.run();

const apply = suite('applyDeclaredPublic');

const rule = (id: string, quiet: boolean): RuleInfo => ({ id, title: id, description: '', severity: 'medium', security_severity: '5.0', cwe: 'CWE-1', tags: [], help: '', help_uri: null, package: '', ...(quiet ? { quiet_when_public: true } : {}) });
const RULES = [rule('RSYNC-001', true), rule('RSYNC-061', true), rule('RSYNC-040', false)];
const finding = (rule_id: string, module: string | null): Finding => ({
  rule_id,
  title: 't',
  severity: 'medium',
  context: null,
  message: rule_id,
  target: 'etc/rsyncd.conf',
  module,
  path: '',
  location: { file: 'etc/rsyncd.conf', line: 4, column: 1 },
});

apply('leaves out the quiet rules of a read-only public module, and keeps every other finding', () => {
  const r = applyDeclaredPublic(facts([module('debian', comment), module('private', null)]), [finding('RSYNC-001', 'debian'), finding('RSYNC-040', 'debian'), finding('RSYNC-001', 'private')], RULES);
  assert.equal(
    r.findings.map((f) => [f.rule_id, f.module]),
    [
      ['RSYNC-040', 'debian'],
      ['RSYNC-001', 'private'],
    ],
  );
  assert.equal(
    r.silenced.map((s) => [s.finding.rule_id, s.finding.module, s.declared_public.reason]),
    [['RSYNC-001', 'debian', 'Debian mirror']],
  );
});

apply('a writable public module silences nothing (RSYNC-015 reports it)', () => {
  const r = applyDeclaredPublic(facts([module('debian', comment, true)]), [finding('RSYNC-001', 'debian')], RULES);
  assert.is(r.silenced.length, 0);
});

apply('a daemon-wide finding is left out only when every module is a read-only public one', () => {
  assert.is(applyDeclaredPublic(facts([module('a', comment), module('b', comment)]), [finding('RSYNC-061', null)], RULES).silenced.length, 1);
  assert.is(applyDeclaredPublic(facts([module('a', comment), module('b', null)]), [finding('RSYNC-061', null)], RULES).silenced.length, 0);
});

apply('a public module that requires a login silences nothing, and the declaration gets a note', () => {
  const doc = facts([module('etc', comment, false, 'etc/rsyncd.conf', true)]);
  const r = applyDeclaredPublic(doc, [finding('RSYNC-001', 'etc'), finding('RSYNC-061', null)], RULES);
  assert.is(r.silenced.length, 0);
  assert.equal(
    r.diagnostics.map((d) => [d.code, d.file, d.line]),
    [['public-declaration-needs-login', 'etc/rsyncd.conf', 2]],
  );
  assert.match(r.diagnostics[0]?.message ?? '', '[etc]');
  assert.equal(applyDeclaredPublic(facts([module('debian', comment)]), [], RULES).diagnostics, []);
});

apply.run();
