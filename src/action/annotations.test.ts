/** Annotations in the job summary's order (severity, rule, file, line); the notice counts the rest per rule. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, Severity } from '../engine/index.ts';
import { annotationsFor } from './annotations.ts';

const annotations = suite('annotationsFor');

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
];

annotations('annotations come in the same order, and the notice counts the rest per rule', () => {
  const shown = annotationsFor(FINDINGS, 4);
  assert.equal(
    shown.map((a) => `${a.kind} ${a.props.title}`),
    ['error RSYNC-002 RSYNC-002 (critical)', 'error RSYNC-001 RSYNC-001 (high)', 'error RSYNC-001 RSYNC-001 (high)', 'notice RSYNC-012 RSYNC-012 (low)', 'notice rsyncguard'],
  );
  assert.equal(
    shown.slice(1, 3).map((a) => a.props.file),
    ['a.conf', 'b.conf'],
  );
  assert.is(shown.at(-1)?.message, '… and 3 more findings are not annotated: RSYNC-048 ×3. See the job summary or code scanning.');
  assert.is(annotationsFor(FINDINGS).length, FINDINGS.length, 'no notice when nothing is left out');
});

annotations('a version finding names its CVEs in the title, and in the message when it does not already', () => {
  const f: Finding = { ...finding('RSYNC-071', 'critical', 'rsyncd.conf', 3), message: 'proxy protocol = yes lets any peer claim an address', cves: ['CVE-2026-53791'] };
  const [a] = annotationsFor([f]);
  assert.is(a?.props.title, 'RSYNC-071 RSYNC-071 (critical) CVE-2026-53791');
  assert.is(a?.message, 'proxy protocol = yes lets any peer claim an address [CVE-2026-53791]');
  const named: Finding = { ...f, rule_id: 'RSYNC-070', message: 'rsync 3.4.4 is older than 3.5.0: CVE-2026-70464', cves: ['CVE-2026-70464'] };
  assert.is(annotationsFor([named])[0]?.message, 'rsync 3.4.4 is older than 3.5.0: CVE-2026-70464');
});

annotations.run();
