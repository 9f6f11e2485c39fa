import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../engine/index.ts';
import { groupRepeats, namedModules, namedPlaces } from './finding-groups.ts';

const finding = (rule_id: string, module: string | null, line: number, over: Partial<Finding> = {}): Finding => ({
  rule_id,
  title: `title of ${rule_id}`,
  severity: 'high',
  context: null,
  message: `${rule_id} in [${module ?? 'daemon'}]`,
  target: 'rsyncd.conf',
  module,
  path: 'config.x',
  location: { file: 'rsyncd.conf', line, column: 1 },
  ...over,
});

test('a rule in three modules is one group; in two it stays one line each', () => {
  const fs = [finding('RSYNC-001', 'a', 3), finding('RSYNC-001', 'b', 6), finding('RSYNC-001', 'c', 9), finding('RSYNC-003', 'a', 3), finding('RSYNC-003', 'b', 6)];
  const { groups, single } = groupRepeats(fs);
  assert.equal(
    groups.map((g) => [g.rule_id, g.findings.length]),
    [['RSYNC-001', 3]],
  );
  assert.equal(
    single.map((f) => [f.rule_id, f.module]),
    [
      ['RSYNC-003', 'a'],
      ['RSYNC-003', 'b'],
    ],
  );
});

test('daemon findings, and findings raised for a different reason, are never folded together', () => {
  const raised = { severity: 'critical' as const, context: 'any host on the network can write to it' };
  const fs = [finding('RSYNC-002', 'a', 3), finding('RSYNC-002', 'b', 6, raised), finding('RSYNC-002', 'c', 9, raised), finding('RSYNC-060', null, 1), finding('RSYNC-060', null, 1), finding('RSYNC-060', null, 1)];
  const { groups, single } = groupRepeats(fs);
  assert.equal(groups, []);
  assert.is(single.length, 6);
});

test('findings whose messages differ by more than the module name stay one line each', () => {
  const fs = ['a', 'b', 'c'].map((m, i) => finding('RSYNC-009', m, i + 3, { message: `Module [${m}]: "${m === 'c' ? 'list' : 'read only'}" holds a comment.` }));
  const { groups, single } = groupRepeats(fs);
  assert.equal(groups, []);
  assert.is(single.length, 3);
});

test('two findings of one module count once toward the threshold', () => {
  const fs = [finding('RSYNC-042', 'a', 3), finding('RSYNC-042', 'a', 4), finding('RSYNC-042', 'b', 6)];
  assert.equal(groupRepeats(fs).groups, []);
});

test('places name the file once per run of one file, and count what is left out', () => {
  const fs = Array.from({ length: 11 }, (_, i) => finding('RSYNC-001', `m${i}`, 10 + i));
  const other = finding('RSYNC-001', 'inc', 2, { location: { file: 'rsyncd.d/inc.conf', line: 2, column: 1 } });
  assert.is(namedPlaces([fs[0] as Finding, fs[1] as Finding, other]), '[m0] rsyncd.conf:10:1, [m1] 11:1, [inc] rsyncd.d/inc.conf:2:1');
  assert.ok(namedPlaces(fs).endsWith('[m7] 17:1 and 3 more'), namedPlaces(fs));
  assert.ok(namedModules(fs).endsWith('[m7] and 3 more'), namedModules(fs));
});

test.run();
