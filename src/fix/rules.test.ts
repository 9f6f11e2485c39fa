import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../engine/index.ts';
import type { FactsDocument, ModuleFacts } from '../facts/index.ts';
import { applyEdits } from './apply.ts';
import { planFixes } from './plan.ts';

type P = ModuleFacts['params'][string];
const FILE = 'rsyncd.conf';
const at = (line: number, value: P['value'], origin: P['origin'] = 'module', file = FILE): P => ({ value, raw: String(value), file, line, column: 1, origin });
const dflt = (value: P['value']): P => ({ value, raw: null, file: null, line: null, column: null, origin: 'default' });

interface Mod {
  name: string;
  line: number;
  params: Record<string, P>;
  file?: string;
  chroot?: boolean;
  acl?: { allow: { token: string; kind: string }[] | null; deny: { token: string; kind: string }[] | null };
}

/** A facts document with only what the planners read (src/fix tests cannot parse). */
function doc(modules: Mod[], more: { global?: Record<string, P>; distro?: string; root?: boolean; diagnostics?: unknown[]; secrets?: unknown[]; kind?: string } = {}): FactsDocument {
  const mods = modules.map((m) => ({ name: m.name, header: { file: m.file ?? FILE, line: m.line, column: 1 }, shadowed: false, params: m.params, acl: m.acl ?? { allow: null, deny: null }, effective: { chroot: { value: m.chroot ?? false } } }));
  const distro = more.distro === undefined ? null : { id: more.distro, version_id: '1', id_like: [], source: 'os-release' };
  return {
    target: { kind: more.kind ?? 'file', id: FILE, display: FILE },
    rsync: { distro, cves: [] },
    config: { files: [{ path: FILE }], global: more.global ?? {}, modules: mods, diagnostics: more.diagnostics ?? [], effective: { root: { value: more.root ?? true } } },
    secrets: more.secrets ?? [],
  } as unknown as FactsDocument;
}

function finding(rule_id: string, module: string | null, path: string, extra: Partial<Finding> = {}): Finding {
  return { rule_id, title: '', severity: 'high', context: null, message: '', target: FILE, module, path, location: null, ...extra };
}

const fixOne = (d: FactsDocument, f: Finding, text: string, file = FILE) => {
  const p = planFixes(d, [f], new Map([[file, text]]));
  const c = p.candidates[0];
  return { plan: p, after: c === undefined ? null : applyEdits(text, c.edits) };
};

const rules = suite('rule planners');

rules('RSYNC-009: a boolean keeps the value rsync reads today, the comment moves above (CRLF kept)', () => {
  const text = '[m]\r\n\tpath = /m\r\n\tread only = no # uploads\r\n';
  const diag = { severity: 'warning', code: 'comment-in-boolean', message: 'Badly formed boolean in configuration file: "no # uploads" for "read only"; the value stays true. rsync has no inline comments.', file: FILE, line: 3, column: 14 };
  const d = doc([{ name: 'm', line: 1, params: { 'read only': dflt(true) } }], { diagnostics: [diag] });
  const { plan, after } = fixOne(d, finding('RSYNC-009', 'm', 'config.diagnostics', { location: { file: FILE, line: 3, column: 14 } }), text);
  assert.is(after, '[m]\r\n\tpath = /m\r\n\t# uploads\r\n\tread only = yes\r\n');
  assert.match(plan.candidates[0]?.notes[0] ?? '', /"read only = no" was never in effect/);
});

rules('RSYNC-009: a host list keeps the words before the comment and names the stray ones; a path is left to a person', () => {
  const text = '[m]\n  hosts allow = 10.0.0.1 # office\n  path = /srv # old\n';
  const d = doc([{ name: 'm', line: 1, params: { 'hosts allow': at(2, '10.0.0.1 # office'), path: at(3, '/srv # old') } }]);
  const hosts = fixOne(d, finding('RSYNC-009', 'm', 'config.modules[0].params.hosts allow'), text);
  assert.is(hosts.after, '[m]\n  # office\n  hosts allow = 10.0.0.1\n  path = /srv # old\n');
  assert.match(hosts.plan.candidates[0]?.notes[0] ?? '', /"#", "office"/);
  const path = fixOne(d, finding('RSYNC-009', 'm', 'config.modules[0].params.path'), text);
  assert.is(path.plan.candidates.length, 0);
  assert.is(path.plan.unfixed[0]?.suggestion, '# old\npath = /srv');
});

rules('RSYNC-042: uid nobody, and the group by distro family', () => {
  const text = 'uid = root\ngid = root\n[m]\n    path = /m\n';
  const mods = [{ name: 'm', line: 3, params: { uid: at(1, 'root', 'global'), gid: at(2, 'root', 'global') } }];
  const uid = fixOne(doc(mods), finding('RSYNC-042', 'm', 'config.modules[0].params.uid'), text);
  assert.is(uid.after, 'uid = nobody\ngid = root\n[m]\n    path = /m\n');
  assert.is(fixOne(doc(mods), finding('RSYNC-042', 'm', 'config.modules[0].params.gid'), text).after, 'uid = root\ngid = nogroup\n[m]\n    path = /m\n');
  assert.is(fixOne(doc(mods, { distro: 'fedora' }), finding('RSYNC-042', 'm', 'config.modules[0].params.gid'), text).after, 'uid = root\ngid = nobody\n[m]\n    path = /m\n');
});

rules('RSYNC-040 on a root daemon; RSYNC-041 without root turns munging back on instead', () => {
  const text = '[m]\n    path = /m\n    use chroot = no\n    munge symlinks = no\n';
  const params = { 'use chroot': at(3, false), 'munge symlinks': at(4, false) };
  assert.is(fixOne(doc([{ name: 'm', line: 1, params }]), finding('RSYNC-040', 'm', 'config.modules[0].params.use chroot'), text).after, '[m]\n    path = /m\n    use chroot = yes\n    munge symlinks = no\n');
  const nonroot = fixOne(doc([{ name: 'm', line: 1, params }], { root: false }), finding('RSYNC-041', 'm', 'config.modules[0].params.munge symlinks'), text);
  assert.is(nonroot.after, '[m]\n    path = /m\n    use chroot = no\n');
});

rules('RSYNC-021: the module line removed; a module inheriting "no" from a global line other modules share gets "yes"', () => {
  const own = fixOne(doc([{ name: 'm', line: 1, params: { 'strict modes': at(3, false) } }]), finding('RSYNC-021', 'm', 'config.modules[0].params.strict modes'), '[m]\n  path = /m\n  strict modes = no\n');
  assert.is(own.after, '[m]\n  path = /m\n');
  const text = 'strict modes = no\n[a]\n  path = /a\n[b]\n  path = /b\n';
  const shared = { 'strict modes': at(1, false, 'global') };
  const d = doc(
    [
      { name: 'a', line: 2, params: shared },
      { name: 'b', line: 4, params: shared },
    ],
    { global: shared },
  );
  assert.is(fixOne(d, finding('RSYNC-021', 'a', 'config.modules[0].params.strict modes'), text).after, 'strict modes = no\n[a]\n  strict modes = yes\n  path = /a\n[b]\n  path = /b\n');
});

rules("RSYNC-004: hosts deny = * goes after the module's hosts allow (a continued one included)", () => {
  const text = '[m]\n  hosts allow = 10.0.0.1 \\\n     10.0.0.2\n  path = /m\n';
  const d = doc([{ name: 'm', line: 1, params: { 'hosts allow': at(2, '10.0.0.1 10.0.0.2'), 'hosts deny': at(1, 'x', 'global') } }]);
  const { after } = fixOne(d, finding('RSYNC-004', 'm', 'config.modules[0].params.hosts deny'), text);
  assert.is(after, '[m]\n  hosts allow = 10.0.0.1 \\\n     10.0.0.2\n  hosts deny = *\n  path = /m\n');
  const star = doc([{ name: 'm', line: 1, params: {}, acl: { allow: [{ token: '*', kind: 'wildcard' }], deny: [{ token: 'x', kind: 'hostname' }] } }]);
  const open = fixOne(star, finding('RSYNC-004', 'm', 'config.modules[0].params.hosts deny'), text);
  assert.is(open.after, null);
  assert.match(open.plan.unfixed[0]?.reason ?? '', /admits every host/);
});

rules('RSYNC-071: refuse options merged with the effective value, the upgrade named', () => {
  const text = '[m]\n  path = /m\n  refuse options = delete\n';
  const d = doc([{ name: 'm', line: 1, params: { 'refuse options': at(3, 'delete') } }]);
  const { plan, after } = fixOne(d, finding('RSYNC-071', 'm', 'config.modules[0].params.refuse options', { cves: ['CVE-2026-43618'] }), text);
  assert.is(after, '[m]\n  path = /m\n  refuse options = delete compress\n');
  assert.ok(plan.candidates[0]?.notes.some((n) => /fixed in rsync 3\.4\.3/.test(n)));
});

rules('RSYNC-030: a command for a secrets file in the repository; a host target gets a suggestion', () => {
  const secrets = [{ path: '/etc/rsyncd.secrets', file: 'etc/rsyncd secrets' }];
  const p = planFixes(doc([], { secrets }), [finding('RSYNC-030', null, 'secrets[0].mode')], new Map());
  assert.is(p.commands[0]?.command, "chmod 600 'etc/rsyncd secrets'");
  const h = planFixes(doc([], { secrets, kind: 'host' }), [finding('RSYNC-030', null, 'secrets[0].mode')], new Map());
  assert.is(h.commands.length, 0);
  assert.is(h.unfixed[0]?.suggestion, 'chmod 600 /etc/rsyncd.secrets');
});

rules('templates: a literal line is fixed, a line with a template expression is listed', () => {
  const file = 'rsyncd.conf.j2';
  const text = '[m]\n  read only = no\n  list = {{ list }}\n';
  const d = doc([{ name: 'm', line: 1, file, params: { 'read only': at(2, false, 'module', file), list: at(3, '{{ list }}', 'module', file) } }]);
  assert.is(fixOne(d, finding('RSYNC-002', 'm', 'config.modules[0].params.read only'), text, file).after, '[m]\n  read only = yes\n  list = {{ list }}\n');
  const tpl = fixOne(d, finding('RSYNC-005', 'm', 'config.modules[0].params.list'), text, file);
  assert.is(tpl.after, null);
  assert.match(tpl.plan.unfixed[0]?.reason ?? '', /template expression/);
  assert.is(tpl.plan.unfixed[0]?.suggestion, '[m]\n    list = no');
});

rules.run();

const merged = suite('one line, two findings');

merged('a rule setting a boolean whose line carries a comment rewrites that line and fixes the RSYNC-009 finding too', () => {
  const text = '[m]\n  path = /m\n  list = no # hidden\n  auth users = a\n';
  const diag = { severity: 'warning', code: 'comment-in-boolean', message: 'Badly formed boolean in configuration file: "no # hidden" for "list"; the value stays true.', file: FILE, line: 3, column: 10 };
  const d = doc([{ name: 'm', line: 1, params: { list: dflt(true) } }], { diagnostics: [diag] });
  const fs = [finding('RSYNC-009', 'm', 'config.diagnostics', { location: { file: FILE, line: 3, column: 10 } }), finding('RSYNC-005', 'm', 'config.modules[0].params.list')];
  const p = planFixes(d, fs, new Map([[FILE, text]]));
  assert.is(p.candidates.length, 1);
  assert.equal(p.candidates[0]?.fixes.map((k) => k.rule_id).sort(), ['RSYNC-005', 'RSYNC-009']);
  assert.is(applyEdits(text, p.candidates[0]?.edits ?? []), '[m]\n  path = /m\n  # hidden\n  list = no\n  auth users = a\n');
});

merged.run();

const logging = suite('RSYNC-050');

logging('modules that all take the default get one line in the global part, after its last parameter', () => {
  const text = '# top\npid file = /run/x \\\n  .pid\n\n[a]\n  path = /a\n[b]\n  path = /b\n';
  const d = doc([
    { name: 'a', line: 5, params: { 'transfer logging': dflt(false) } },
    { name: 'b', line: 7, params: { 'transfer logging': dflt(false) } },
  ]);
  const related = [
    { module: 'a', location: { file: FILE, line: 5, column: 1 } },
    { module: 'b', location: { file: FILE, line: 7, column: 1 } },
  ];
  const { after } = fixOne(d, finding('RSYNC-050', null, 'config.global.transfer logging', { related }), text);
  assert.is(after, '# top\npid file = /run/x \\\n  .pid\ntransfer logging = yes\n\n[a]\n  path = /a\n[b]\n  path = /b\n');
});

logging.run();
