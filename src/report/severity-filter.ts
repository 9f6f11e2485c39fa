/**
 * `--severity critical,high` (issue 18), as Trivy has it: the report shows only findings of the severities
 * named, and --fail-on judges what is shown. The CLI and the Action's `severity` input parse it here, so the
 * two accept and refuse the same words.
 *
 * The filter is applied after a --baseline comparison, never before: a finding left out by the filter is
 * still in this run, so it is matched (not `absent`, not "fixed") and only hidden from view; the absent
 * findings are filtered by the same severities. A --compliance section is computed before the filter too,
 * so a control never passes because its findings were hidden.
 */
import { fail, ok, UserError, type Result } from '../common/index.ts';
import { SEVERITIES, type Severity } from '../engine/index.ts';
import type { BaselineComparison } from './baseline-model.ts';
import type { Report, TargetReport } from './model.ts';

/**
 * A comma-separated list of severities, matched case-insensitively (`Critical,HIGH`), spaces around items
 * allowed, repeats dropped; in SEVERITIES' order. An unknown word or an empty list is an error naming the
 * allowed ones. `what` names the input in the message (`--severity`, `Input "severity"`).
 */
export function parseSeverities(text: string, what = '--severity'): Result<Severity[]> {
  const words = text
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
  const allowed = SEVERITIES.join(', ');
  if (words.length === 0) return fail(new UserError(`${what} needs at least one of ${allowed}`, undefined, `For example ${what === '--severity' ? '--severity critical,high' : 'critical,high'}.`));
  const chosen = new Set<Severity>();
  for (const w of words) {
    const s = SEVERITIES.find((x) => x === w.toLowerCase());
    if (s === undefined) return fail(new UserError(`${what} must be a comma-separated list of ${allowed}, not "${w}"`));
    chosen.add(s);
  }
  return ok(SEVERITIES.filter((s) => chosen.has(s)));
}

/**
 * The report with only the findings of `severities` (reported, waived and declared public alike), the CVEs
 * reported for them, and the baseline's absent findings of those severities; the counts follow. Without
 * severities, or with all four, the report itself. `severity_filter` says what was hidden.
 */
export function filterBySeverity(report: Report, severities: readonly Severity[] | undefined): Report {
  if (severities === undefined || SEVERITIES.every((s) => severities.includes(s))) return report;
  const keep = new Set<Severity>(severities);
  let hidden = 0;
  const targets = report.targets.map((t): TargetReport => {
    const findings = t.findings.filter((f) => keep.has(f.severity));
    hidden += t.findings.length - findings.length;
    const left = { findings: t.findings.filter((f) => !keep.has(f.severity)), waived: t.waived.filter((w) => !keep.has(w.finding.severity)) };
    return {
      ...t,
      findings,
      waived: t.waived.filter((w) => keep.has(w.finding.severity)),
      ...(left.findings.length + left.waived.length > 0 ? { hidden: left } : {}),
      ...(t.declared_public ? { declared_public: t.declared_public.filter((s) => keep.has(s.finding.severity)) } : {}),
      ...(t.vulnerabilities ? { vulnerabilities: { ...t.vulnerabilities, reported: t.vulnerabilities.reported.filter((c) => keep.has(c.severity)) } } : {}),
    };
  });
  return {
    ...report,
    targets,
    ...(report.baseline ? { baseline: filteredComparison(report.baseline, targets, keep) } : {}),
    severity_filter: { severities: [...severities], hidden },
  };
}

/** The comparison as the filtered report has it: counts of the findings shown, absent ones of the severities kept. */
function filteredComparison(b: BaselineComparison, targets: readonly TargetReport[], keep: ReadonlySet<Severity>): BaselineComparison {
  const absent = b.absent.filter((a) => keep.has(a.severity));
  const counts = { new: 0, unchanged: 0, updated: 0, absent: absent.length };
  for (const t of targets) for (const f of t.findings) counts[f.baseline_state ?? 'new'] += 1;
  // How many new findings sit on targets the baseline could not evaluate is known only in total: never more than are shown.
  const unjudged = b.new_not_evaluated_in_baseline === undefined ? undefined : Math.min(b.new_not_evaluated_in_baseline, counts.new);
  const { new_not_evaluated_in_baseline: _, ...rest } = b;
  return { ...rest, counts, absent, ...(unjudged !== undefined && unjudged > 0 ? { new_not_evaluated_in_baseline: unjudged } : {}) };
}
