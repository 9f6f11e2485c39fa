import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RuleInfo } from '../engine/index.ts';
import { rulesApplying, SCOPED_RULES, shapeOf } from './rule-scope.ts';

const scope = suite('rule scope');

/** The rule ids our policies declare (`id: RSYNC-…` in each rule's METADATA), tests left out. */
function policyIds(dir = 'policies/rsyncguard/rules'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return policyIds(path);
    if (!e.name.endsWith('.rego') || e.name.endsWith('_test.rego')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/^#\s+id: (RSYNC-\d+)$/gm)].map((m) => m[1] ?? '');
  });
}

scope('every rule of our policies has a scope, and the table names no rule that does not exist', () => {
  const ids = policyIds().sort();
  assert.ok(ids.length > 50, `${ids.length} rules found`);
  assert.equal([...SCOPED_RULES].sort(), ids);
});

const ours = (id: string): RuleInfo => ({ id, title: id, description: '', severity: 'low', security_severity: '', cwe: '', tags: [], help: '', help_uri: null, package: 'rsyncguard.rules.x.findings' });

scope('a target is judged by the rules that read what its facts can hold', () => {
  const rules = ['RSYNC-001', 'RSYNC-032', 'RSYNC-080', 'RSYNC-082', 'RSYNC-083', 'RSYNC-084', 'RSYNC-090', 'RSYNC-092'].map(ours);
  const ids = (kind: 'file' | 'host' | 'image', file_kind?: string) => rulesApplying({ kind, facts: { target: file_kind ? { file_kind } : {} } }, rules).map((r) => r.id);
  assert.equal(ids('file'), ['RSYNC-001', 'RSYNC-032']);
  assert.equal(ids('file', 'rsync-secrets'), ['RSYNC-032']);
  assert.equal(ids('file', 'dockerfile'), ['RSYNC-090']);
  assert.equal(ids('file', 'xinetd'), ['RSYNC-083']);
  assert.equal(ids('file', 'systemd-unit'), ['RSYNC-084']);
  assert.equal(ids('file', 'stunnel'), []);
  assert.equal(ids('host'), ['RSYNC-001', 'RSYNC-032', 'RSYNC-080', 'RSYNC-082', 'RSYNC-083', 'RSYNC-084']);
  assert.equal(ids('image'), ['RSYNC-001', 'RSYNC-032', 'RSYNC-082', 'RSYNC-090', 'RSYNC-092']);
  assert.is(shapeOf({ kind: 'file', facts: {} }), 'rsyncd-config');
  // A custom policy's rule (another package, even with one of our ids) applies everywhere.
  assert.equal(rulesApplying({ kind: 'file', facts: { target: { file_kind: 'dockerfile' } } }, [{ ...ours('RSYNC-001'), package: 'custom.rules' }]).length, 1);
});

scope.run();
