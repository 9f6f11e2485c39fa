import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../engine/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import { applyEdits } from './apply.ts';
import { planFixes } from './plan.ts';

const FILE = 'rsyncd.conf';

/** A facts document with one module whose `auth users` value is what the facts carry (masked). */
function doc(value: string, line: number): FactsDocument {
  const p = { value, raw: value, file: FILE, line, column: 3, origin: 'module' };
  return {
    target: { kind: 'file', id: FILE, display: FILE },
    rsync: { distro: null, cves: [] },
    config: {
      files: [{ path: FILE }],
      global: {},
      modules: [{ name: 'm', header: { file: FILE, line: 1, column: 1 }, shadowed: false, params: { 'auth users': p }, acl: { allow: null, deny: null }, effective: { chroot: { value: true } } }],
      diagnostics: [],
      effective: { root: { value: true } },
    },
    secrets: [],
  } as unknown as FactsDocument;
}

const finding: Finding = { rule_id: 'RSYNC-009', title: '', severity: 'medium', context: null, message: '', target: FILE, module: 'm', path: 'config.modules[0].params.auth users', location: null };

const plan = (text: string, factsValue: string, line = 3) => planFixes(doc(factsValue, line), [finding], new Map([[FILE, text]]));

const value = suite('RSYNC-009 on auth users');

value('a user after the comment: no fix, rsync reads it as a user today; reason and suggestion quote the facts (masked)', () => {
  const text = '[m]\n  path = /x\n  auth users = bob, carol:ro # ops team, ask carol:rw\n  secrets file = /etc/s\n';
  const p = plan(text, 'bob, carol:********ro # ops team, ask carol:********rw');
  assert.is(p.candidates.length, 0);
  const u = p.unfixed[0];
  assert.ok(u);
  assert.match(u.reason, /rsync reads "ops" as a user today; decide whether the comment or the user is meant/);
  assert.match(u.suggestion ?? '', /auth users = bob, carol:\*{8}ro ops team ask carol:\*{8}rw/);
  assert.not.match(JSON.stringify(p), /carol:rw/);
});

value('a password-like word after the comment never reaches a reason, suggestion or note', () => {
  const text = '[m]\n  path = /x\n  auth users = alice # bob:hunter2\n';
  const p = plan(text, 'alice # bob:********');
  assert.is(p.candidates.length, 0);
  assert.not.match(JSON.stringify(p), /hunter2/);
});

value('only comment markers after the value: the comment is moved verbatim and the value is the file’s, never the facts’ masked text', () => {
  const text = '[m]\n  path = /x\n  auth users = bob, carol:ro #\n  secrets file = /etc/s\n';
  const p = plan(text, 'bob, carol:********ro #');
  const c = p.candidates[0];
  assert.ok(c, JSON.stringify(p.unfixed));
  assert.is(applyEdits(text, c.edits), '[m]\n  path = /x\n  #\n  auth users = bob, carol:ro\n  secrets file = /etc/s\n');
  assert.not.match(JSON.stringify(c.edits), /\*{8}/);
  assert.match(c.notes[0] ?? '', /\("#"\)/);
});

value('a continued value is read as rsync joins it (CRLF kept)', () => {
  const text = '[m]\r\n  path = /x\r\n  auth users = bob, \\\r\n    carol ;\r\n';
  const c = plan(text, 'bob,     carol ;').candidates[0];
  assert.ok(c);
  assert.is(applyEdits(text, c.edits), '[m]\r\n  path = /x\r\n  ;\r\n  auth users = bob,     carol\r\n');
});

value('with nothing before the comment, no fix; the suggestion quotes the facts (masked), not the file', () => {
  const text = '[m]\n  path = /x\n  auth users = # bob:Hunter2\n';
  const p = plan(text, '# bob:********');
  assert.is(p.candidates.length, 0);
  assert.not.match(JSON.stringify(p), /Hunter2/);
});

value.run();
