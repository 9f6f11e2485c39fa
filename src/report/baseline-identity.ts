/**
 * Each finding's fingerprint over a whole report: the one computation SARIF's partialFingerprints, the JSON
 * report's `fingerprint` and the baseline comparison share, so a finding matches its earlier self whichever
 * format the baseline was saved in. Numbered over every finding, waived or not (as GitHub numbers equal line
 * hashes), so waiving one leaves the others' fingerprints alone.
 */
import type { Finding } from '../engine/index.ts';
import type { Report } from './model.ts';
import { anchorOf, fingerprints } from './sarif-identity.ts';

/** Every finding of the report: reported, waived, and left out as declared public. */
export function allFindings(report: Pick<Report, 'targets'>): Finding[] {
  return report.targets.flatMap((t) => [...t.findings, ...t.waived.map((w) => w.finding), ...(t.declared_public ?? []).map((s) => s.finding)]);
}

export function reportFingerprints(report: Pick<Report, 'targets'>): Map<Finding, string> {
  return fingerprints(allFindings(report), (f) => anchorOf(f).file);
}
