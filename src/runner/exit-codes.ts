/**
 * DESIGN.md: 2 wins over 1, so "could not evaluate" never looks clean. A file skipped by its kind (a
 * README, a stunnel config: docs/file-kinds.md) was read and is no rsync daemon file, so it is not a
 * failure to evaluate: it counts as a target without findings, its note shown in every format.
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/**
 * The findings --fail-on judges. With a baseline (issue 17) only what is new or updated since it counts: a
 * finding the baseline already had does not fail the run again (exit 0 when nothing is new, even with old
 * findings). Targets that could not be evaluated still exit 2 whatever the baseline says.
 */
export function judgedFindings<F extends { baseline_state?: string }>(report: { targets: readonly { findings: readonly F[] }[]; baseline?: unknown }): F[] {
  const all = report.targets.flatMap((t) => t.findings);
  return report.baseline === undefined ? all : all.filter((f) => f.baseline_state !== 'unchanged');
}
