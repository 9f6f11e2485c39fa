import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { FactsDocument } from '../facts/index.ts';
import { policyView, QUOTED_REASONS } from './policy-view.ts';

const RULES = join(import.meta.dirname, '..', '..', 'policies', 'rsyncguard');

const unset = { value: null, raw: null, file: null, line: null, column: null, origin: 'default' };
const set = (value: unknown, line: number) => ({ value, raw: String(value), file: 'x.conf', line, column: 5, origin: 'module' });

/** The parts of a facts document the view touches, the rest left as the facts build them. */
function document(): FactsDocument {
  const facts = {
    schema: 'rsyncguard/facts@1',
    config: {
      global: { 'motd file': unset, 'not read': set('x', 1) },
      listener: { port: { ...unset, value: 0 } },
      modules: [
        {
          name: 'a',
          params: { path: set('/srv/a', 3), 'auth users': unset, 'not read': set('y', 4) },
          access: { listed: true, reasons: ['prose'], assumptions: ['more prose'] },
          effective: {
            chroot: { value: true, reason: 'prose' },
            unusable: { value: false, reason: 'quoted by RSYNC-014', param: null },
            writable: { value: false, reason: 'quoted by RSYNC-015' },
          },
        },
      ],
      effective: { root: { value: true, reason: 'prose' }, reach: { value: 'any', who: 'any host', reason: 'prose', front_end: null } },
    },
  };
  return facts as unknown as FactsDocument;
}

const view = suite('policyView');

view('keeps the parameters the policy reads; a default as its value and origin alone', () => {
  const v = policyView(document(), new Set(['path', 'auth users', 'motd file', 'port']));
  assert.equal(v.config.modules[0]?.params, { path: set('/srv/a', 3), 'auth users': { value: null, origin: 'default' } });
  assert.equal(v.config.global, { 'motd file': { value: null, origin: 'default' } });
  assert.equal(v.config.listener, { port: { value: 0, origin: 'default' } });
});

view('drops prose: access reasons and assumptions, the reasons no message quotes', () => {
  const m = policyView(document(), new Set()).config.modules[0];
  assert.equal(m?.access, { listed: true } as unknown);
  assert.equal(m?.effective, {
    chroot: { value: true },
    unusable: { value: false, reason: 'quoted by RSYNC-014', param: null },
    writable: { value: false, reason: 'quoted by RSYNC-015' },
  } as unknown);
  assert.equal(policyView(document(), new Set()).config.effective, { root: { value: true }, reach: { value: 'any', who: 'any host', front_end: null } } as unknown);
});

view('leaves the facts document it was given as it was', () => {
  const facts = document();
  const before = JSON.stringify(facts);
  policyView(facts, new Set(['path']));
  assert.is(JSON.stringify(facts), before);
});

/** The rule sources, tests left out. */
function ruleSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? ruleSources(join(dir, e.name)) : e.name.endsWith('.rego') && !e.name.endsWith('_test.rego') ? [readFileSync(join(dir, e.name), 'utf8')] : []));
}

view('the rules read the reason of no effective value the view drops it from', () => {
  const read = new Set<string>();
  const unresolved: string[] = [];
  for (const text of ruleSources(RULES)) {
    for (const m of text.matchAll(/([\w.[\]"]+)\.reason\b/g)) {
      const ref = m[1] ?? '';
      // Either `…effective.NAME.reason`, or `x.reason` where the file binds `x := mod.effective.NAME`.
      const direct = /effective\.(\w+)$/.exec(ref)?.[1];
      const bound = new RegExp(`\\b${ref.replace(/[.[\]"]/g, '\\$&')} := \\w+\\.effective\\.(\\w+)`).exec(text)?.[1];
      const name = direct ?? bound;
      if (name === undefined) unresolved.push(m[0]);
      else read.add(name);
    }
  }
  assert.equal(unresolved, [], 'a .reason the test cannot trace to an effective value: name it in QUOTED_REASONS or read it as effective.NAME.reason');
  assert.ok(read.size > 0, 'found no .reason at all: the scan is broken');
  for (const name of read) assert.ok(QUOTED_REASONS.has(name), `the rules quote effective.${name}.reason, which the view drops`);
});

view.run();
