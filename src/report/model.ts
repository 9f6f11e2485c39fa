/** The one result model every format renders (Conftest's lesson: formatters never re-derive results). */
import type { Finding, RuleInfo, WaivedFinding, Waiver } from '../engine/index.ts';

export interface TargetReport {
  target: string;
  kind: 'file' | 'host' | 'image';
  findings: Finding[];
  waived: WaivedFinding[];
  /** What the parser said about the target's files (rsync's own warnings, templates, includes not followed). */
  notes: Note[];
  /** The facts document the policies evaluated (rsyncguard/facts@1), for the JSON report. */
  facts: object;
}

export interface Note {
  level: 'error' | 'warning' | 'note';
  code: string;
  message: string;
  location: { file: string; line: number; column: number } | null;
}

/** A target that could not be evaluated: it makes the run exit 2 and is never shown as clean. */
export interface TargetError {
  target: string;
  message: string;
  hint?: string;
}

export interface Report {
  tool: { name: 'rsyncguard'; version: string };
  rules: RuleInfo[];
  targets: TargetReport[];
  errors: TargetError[];
  expired_waivers: Waiver[];
}

export function countBySeverity(report: Report): Record<string, number> {
  const counts: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const t of report.targets) for (const f of t.findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return counts;
}
