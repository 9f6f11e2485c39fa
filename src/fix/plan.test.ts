import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../engine/index.ts';
import type { FactsDocument, ModuleFacts } from '../facts/index.ts';
import { applyEdits } from './apply.ts';
import { planFixes } from './plan.ts';

type P = ModuleFacts['params'][string];
const FILE = 'etc/rsyncd.conf';
const at = (line: number, value: P['value'], origin: P['origin'] = 'module', file = FILE): P => ({ value, raw: String(value), file, line, column: 1, origin });
const dflt = (value: P['value']): P => ({ value, raw: null, file: null, line: null, column: null, origin: 'default' });

/** A facts document with only what the planner reads (hand-made: src/fix tests cannot parse). */
function doc(modules: { name: string; line: number; params: Record<string, P>; file?: string }[], global: Record<string, P> = {}, extra: Partial<FactsDocument> = {}): FactsDocument {
  const mods = modules.map((m) => ({ name: m.name, header: { file: m.file ?? FILE, line: m.line, column: 1 }, shadowed: false, params: m.params }));
  const base = { target: { kind: 'file', id: FILE, display: FILE }, rsync: { distro: null, cves: [] }, config: { files: [{ path: FILE }], global, modules: mods, diagnostics: [], effective: { root: { value: true } } }, secrets: [] };
  return { ...base, ...extra } as unknown as FactsDocument;
}

function finding(rule_id: string, module: string | null, path: string, extra: Partial<Finding> = {}): Finding {
  return { rule_id, title: '', severity: 'high', context: null, message: '', target: FILE, module, path, location: null, ...extra };
}

const plan = suite('planFixes');

plan('RSYNC-002 on the module own line: that logical line becomes read only = yes', () => {
  const text = '[up]\n\tpath = /srv/up\n\tread only = \\\n\t  no\n\tlist = yes\n';
  const d = doc([{ name: 'up', line: 1, params: { 'read only': at(3, false) } }]);
  const p = planFixes(d, [finding('RSYNC-002', 'up', 'config.modules[0].params.read only')], new Map([[FILE, text]]));
  assert.is(p.candidates.length, 1);
  const c = p.candidates[0];
  assert.equal(c?.edits, [{ file: FILE, start: 3, end: 4, lines: ['\tread only = yes'] }]);
  assert.equal(c?.access, { modules: ['up'], fields: ['anonymous_write', 'write'] });
  assert.is(applyEdits(text, c?.edits ?? []), '[up]\n\tpath = /srv/up\n\tread only = yes\n\tlist = yes\n');
  // Determinism: the same finding planned again gives the same edits.
  assert.equal(planFixes(d, [finding('RSYNC-002', 'up', 'config.modules[0].params.read only')], new Map([[FILE, text]])), p);
});

plan('a global value shared by every reported module is edited once; otherwise each module gets its own line', () => {
  const text = 'read only = no\n[a]\n    path = /a\n[b]\n    path = /b\n';
  const d = doc([
    { name: 'a', line: 2, params: { 'read only': at(1, false, 'global') } },
    { name: 'b', line: 4, params: { 'read only': at(1, false, 'global') } },
  ]);
  const both = [finding('RSYNC-002', 'a', 'config.modules[0].params.read only'), finding('RSYNC-002', 'b', 'config.modules[1].params.read only')];
  const p = planFixes(d, both, new Map([[FILE, text]]));
  assert.is(p.candidates.length, 1);
  assert.is(p.candidates[0]?.fixes.length, 2);
  assert.equal(p.candidates[0]?.edits, [{ file: FILE, start: 1, end: 1, lines: ['read only = yes'] }]);
  const one = planFixes(d, both.slice(0, 1), new Map([[FILE, text]]));
  assert.equal(one.candidates[0]?.edits, [{ file: FILE, start: 3, end: 2, lines: ['    read only = yes'] }]);
});

plan('a default value gets a line right after the header; a template header is never rewritten', () => {
  const text = '[a]\n  path = /a\n';
  const d = doc([{ name: 'a', line: 1, params: { list: dflt(true) } }]);
  const p = planFixes(d, [finding('RSYNC-005', 'a', 'config.modules[0].params.list')], new Map([[FILE, text]]));
  assert.equal(p.candidates[0]?.edits, [{ file: FILE, start: 2, end: 1, lines: ['  list = no'] }]);
  const tpl = 'etc/rsyncd.conf.j2';
  const t = doc([{ name: '{{ name }}', line: 1, file: tpl, params: { list: dflt(true) } }]);
  const q = planFixes(t, [finding('RSYNC-005', '{{ name }}', 'config.modules[0].params.list')], new Map([[tpl, '[{{ name }}]\n  path = /a\n']]));
  assert.is(q.candidates.length, 0);
  assert.match(q.unfixed[0]?.reason ?? '', /template/);
});

plan('a rule without a planner is listed, and --rules leaves other rules out', () => {
  const d = doc([]);
  const p = planFixes(d, [finding('RSYNC-099', null, 'config.global.x'), finding('RSYNC-098', null, 'config.global.y')], new Map(), { rules: new Set(['RSYNC-099']) });
  assert.is(p.unfixed.length, 1);
  assert.match(p.unfixed[0]?.reason ?? '', /^no automatic fix for RSYNC-099/);
});

plan.run();
