import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../engine/index.ts';
import { applyEdits, type LineEdit } from '../fix/index.ts';
import type { TargetReport } from '../report/index.ts';
import { applyAll, combineEdits, foldEdits } from './fix-edits.ts';
import { judgeChange } from './fix-verify.ts';

const FILE = 'rsyncd.conf';
const ORIGINAL = 'refuse options = delete, compress\n[m]\n\tpath = /srv\n';

const fold = suite('foldEdits');

fold('a second rewrite of a line a first fix wrote is folded into that fix’s edit, in the original’s lines', () => {
  const first: LineEdit = { file: FILE, start: 1, end: 1, lines: ['refuse options = delete compress'] };
  const current = applyEdits(ORIGINAL, [first]);
  const second: LineEdit = { file: FILE, start: 1, end: 1, lines: ['refuse options = delete compress max-alloc'] };
  const out = foldEdits([second], [first], new Map([[FILE, ORIGINAL]]));
  assert.ok(out);
  assert.equal(out.replaced, [first]);
  assert.equal(out.edits, [{ ...first, lines: ['refuse options = delete compress max-alloc'] }]);
  const combined = combineEdits([], out.edits);
  assert.ok(combined);
  const applied = applyAll(new Map([[FILE, ORIGINAL]]), combined);
  assert.ok(applied.ok);
  if (applied.ok) assert.is(applied.texts.get(FILE), applyEdits(current, [second]));
});

fold('an edit inside lines a first fix inserted lands inside that insertion; one elsewhere is only rebased', () => {
  const inserted: LineEdit = { file: FILE, start: 3, end: 2, lines: ['\t# note', '\tread only = no'] };
  const inside: LineEdit = { file: FILE, start: 4, end: 4, lines: ['\tread only = yes'] };
  const below: LineEdit = { file: FILE, start: 5, end: 5, lines: ['\tpath = /srv/m'] };
  const out = foldEdits([inside, below], [inserted], new Map([[FILE, ORIGINAL]]));
  assert.ok(out);
  assert.equal(out.replaced, [inserted]);
  assert.equal(out.edits, [
    { file: FILE, start: 3, end: 3, lines: ['\tpath = /srv/m'] },
    { ...inserted, lines: ['\t# note', '\tread only = yes'] },
  ]);
});

fold('an edit over written and original lines at once is not folded', () => {
  const first: LineEdit = { file: FILE, start: 1, end: 1, lines: ['refuse options = delete compress'] };
  const across: LineEdit = { file: FILE, start: 1, end: 2, lines: ['x'] };
  assert.is(foldEdits([across], [first], new Map([[FILE, ORIGINAL]])), null);
});

const judge = suite('judgeChange identities');

function report(findings: Partial<Finding>[]): TargetReport {
  const full = findings.map((f) => ({ target: FILE, module: 'm', path: 'config.diagnostics', severity: 'medium', message: '', location: null, ...f }) as Finding);
  return { target: FILE, findings: full, waived: [], facts: { config: { diagnostics: [], modules: [], starts: true, serves: true } } } as unknown as TargetReport;
}

judge('two findings of one identity: fixing one leaves the other, which is not "still reported"', () => {
  const before = { report: report([{ rule_id: 'RSYNC-009' }, { rule_id: 'RSYNC-009' }]), errors: [] };
  const after = { report: report([{ rule_id: 'RSYNC-009' }]), errors: [] };
  const claim = { fixes: [{ rule_id: 'RSYNC-009', target: FILE, module: 'm', path: 'config.diagnostics' }], access: { modules: [], fields: [] } };
  assert.is(judgeChange(before, after, claim), null);
  assert.match(judgeChange(before, before, claim) ?? '', /still reported/);
});

judge('a CVE finding that names another module after the edit is the same finding, not a new one', () => {
  const cve: Partial<Finding> = { rule_id: 'RSYNC-071', severity: 'high', cves: ['CVE-1'] };
  const before = {
    report: report([
      { ...cve, module: 'm0', path: 'p0' },
      { rule_id: 'RSYNC-040', module: 'm0', path: 'config.modules[0].params.use chroot', severity: 'medium' },
    ]),
    errors: [],
  };
  const after = { report: report([{ ...cve, module: 'm1', path: 'p1' }]), errors: [] };
  const claim = { fixes: [{ rule_id: 'RSYNC-040', target: FILE, module: 'm0', path: 'config.modules[0].params.use chroot' }], access: { modules: [], fields: [] } };
  assert.is(judgeChange(before, after, claim), null);
});

fold.run();
judge.run();
