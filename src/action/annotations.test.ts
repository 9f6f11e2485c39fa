/**
 * Annotations in the job summary's order (severity, rule, file, line), at most what the runner keeps of each
 * kind per step; the rest counted per rule, in a closing notice that takes a notice place of its own.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, Severity } from '../engine/index.ts';
import { ANNOTATIONS_PER_KIND, FULL_BUDGET, planAnnotations } from './annotations.ts';

const annotations = suite('planAnnotations');

function finding(rule: string, severity: Severity, file: string, line: number): Finding {
  return { rule_id: rule, title: rule, severity, context: null, message: `${rule} at ${file}:${line}`, target: file, module: null, path: '', location: { file, line, column: 1 } };
}

const FINDINGS = [
  finding('RSYNC-048', 'low', 'a.conf', 9),
  finding('RSYNC-001', 'high', 'b.conf', 4),
  finding('RSYNC-048', 'low', 'a.conf', 3),
  finding('RSYNC-012', 'low', 'b.conf', 2),
  finding('RSYNC-002', 'critical', 'b.conf', 7),
  finding('RSYNC-001', 'high', 'a.conf', 5),
  finding('RSYNC-048', 'low', 'b.conf', 1),
  finding('RSYNC-030', 'medium', 'a.conf', 1),
];

const kinds = (n: Partial<Record<'error' | 'warning' | 'notice', number>>) => ({ error: 0, warning: 0, notice: 0, ...n });

annotations('most severe first; each kind within its own budget; the closing notice counts the rest per rule', () => {
  const plan = planAnnotations(FINDINGS, kinds({ error: 2, warning: 1, notice: 2 }));
  assert.equal(
    plan.annotations.map((a) => `${a.kind} ${a.props.title}`),
    // Two error places: the critical and the first high (a.conf before b.conf); one notice place is the closing notice's.
    ['error RSYNC-002 RSYNC-002 (critical)', 'error RSYNC-001 RSYNC-001 (high)', 'warning RSYNC-030 RSYNC-030 (medium)', 'notice RSYNC-012 RSYNC-012 (low)', 'notice rsyncguard'],
  );
  assert.is(plan.annotations[1]?.props.file, 'a.conf');
  assert.equal(
    plan.rest.map((f) => `${f.rule_id} ${f.location?.file}:${f.location?.line}`),
    ['RSYNC-001 b.conf:4', 'RSYNC-048 a.conf:3', 'RSYNC-048 a.conf:9', 'RSYNC-048 b.conf:1'],
  );
  assert.is(plan.annotations.at(-1)?.message, '4 more findings are not annotated (GitHub shows 10 errors, 10 warnings and 10 notices per step): RSYNC-048 ×3, RSYNC-001 ×1. See the job summary, the SARIF file or code scanning.');
});

annotations('nothing left out: every finding annotated, no closing notice', () => {
  const plan = planAnnotations(FINDINGS);
  assert.is(plan.annotations.length, FINDINGS.length);
  assert.equal(plan.rest, []);
  assert.not.ok(plan.annotations.some((a) => a.props.title === 'rsyncguard'));
});

annotations('never more of a kind than the runner keeps per step, however many findings', () => {
  const many = Array.from({ length: 40 }, (_, i) => [finding('RSYNC-002', 'critical', 'c.conf', i + 1), finding('RSYNC-030', 'medium', 'm.conf', i + 1), finding('RSYNC-048', 'low', 'l.conf', i + 1)]).flat();
  const plan = planAnnotations(many);
  const count = (k: string) => plan.annotations.filter((a) => a.kind === k).length;
  assert.is(count('error'), ANNOTATIONS_PER_KIND);
  assert.is(count('warning'), ANNOTATIONS_PER_KIND);
  assert.is(count('notice'), ANNOTATIONS_PER_KIND, 'nine low findings and the closing notice');
  assert.is(plan.rest.length, many.length - (plan.annotations.length - 1));
  assert.is(plan.annotations.filter((a) => a.props.title.startsWith('RSYNC-048')).length, ANNOTATIONS_PER_KIND - 1);
  // A budget already spent (a failing step's own error, warnings sent before): less is sent, never more.
  const spent = planAnnotations(many, { ...FULL_BUDGET, error: 9, warning: 0 });
  assert.is(spent.annotations.filter((a) => a.kind === 'error').length, 9);
  assert.is(spent.annotations.filter((a) => a.kind === 'warning').length, 0);
  // No notice place left: the rest is still counted (for the job summary), without a notice.
  const noNotice = planAnnotations(many, kinds({ error: 1 }));
  assert.equal(
    noNotice.annotations.map((a) => a.kind),
    ['error'],
  );
  assert.is(noNotice.rest.length, many.length - 1);
});

annotations('a version finding names its CVEs in the title, and in the message when it does not already', () => {
  const f: Finding = { ...finding('RSYNC-071', 'critical', 'rsyncd.conf', 3), message: 'proxy protocol = yes lets any peer claim an address', cves: ['CVE-2026-53791'] };
  const [a] = planAnnotations([f]).annotations;
  assert.is(a?.props.title, 'RSYNC-071 RSYNC-071 (critical) CVE-2026-53791');
  assert.is(a?.message, 'proxy protocol = yes lets any peer claim an address [CVE-2026-53791]');
  const named: Finding = { ...f, rule_id: 'RSYNC-070', message: 'rsync 3.4.4 is older than 3.5.0: CVE-2026-70464', cves: ['CVE-2026-70464'] };
  assert.is(planAnnotations([named]).annotations[0]?.message, 'rsync 3.4.4 is older than 3.5.0: CVE-2026-70464');
});

annotations('text from the repository cannot bring control characters into the log', () => {
  const f: Finding = { ...finding('RSYNC-001', 'high', 'rsyncd.conf', 1), message: 'module [\u001b[31mred] is open', title: 'x\u0007' };
  const [a] = planAnnotations([f]).annotations;
  assert.not.match(a?.message ?? '', '\u001b');
  assert.not.match(a?.props.title ?? '', '\u0007');
});

annotations.run();
