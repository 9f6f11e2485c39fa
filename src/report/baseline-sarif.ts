/**
 * SARIF results for the findings of the baseline that are gone (`baselineState: absent`, SARIF §3.27.24), so
 * a fixed finding is visible to a SARIF viewer. They are `kind: pass` at level `none`: a finding no longer
 * there is no failure. GitHub code scanning reads neither field (shared/reference/sarif-github.md §1.1) and
 * closes a fixed alert by itself, so the Action leaves them out of the file it uploads (docs/baselines.md).
 */
import type * as Sarif from 'sarif';
import type { Finding } from '../engine/index.ts';
import type { AbsentFinding } from './baseline-model.ts';
import type { Report } from './model.ts';
import type { TargetKind } from './target-kinds.ts';

/** An absent finding in the shape the result builder takes. */
export function absentAsFinding(a: AbsentFinding): Finding {
  return {
    rule_id: a.rule_id,
    title: a.title,
    severity: a.severity,
    context: null,
    message: a.message,
    target: a.target,
    module: a.module,
    path: a.path,
    location: a.location,
    ...(a.cves ? { cves: a.cves } : {}),
    ...(a.entry ? { entry: a.entry } : {}),
  };
}

/** A gone target's kind is not in this report: the other targets' kind (a run reports one kind), else a file. */
export function kindOfAbsent(report: Report, target: string): TargetKind {
  return (report.targets.find((t) => t.target === target) ?? report.targets[0])?.kind ?? 'file';
}

/** The result `built` for the finding it was, turned into one that says the finding is gone. */
export function absentResult(built: Sarif.Result): Sarif.Result {
  return { ...built, kind: 'pass', level: 'none', baselineState: 'absent', message: { text: `Gone since the baseline: ${built.message.text ?? ''}` } };
}
