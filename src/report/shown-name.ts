/**
 * The name a target or error is shown by in every format: its label when the user named it otherwise (an
 * image as typed, `img.tar (test/rsyncd:1):/etc/rsyncd.conf`), else its id. Ids stay what fingerprints,
 * baselines and SARIF identities are made of; only what a person reads changes (issue 18).
 */
export function shownName(t: { target: string; label?: string }): string {
  return t.label ?? t.target;
}

/** Each target id's shown name, for code that has a finding (whose `target` is the id) rather than its target. */
export function shownNames(report: { targets: readonly { target: string; label?: string }[]; errors: readonly { target: string; label?: string }[] }): (id: string) => string {
  const labels = new Map<string, string>();
  for (const t of [...report.targets, ...report.errors]) if (t.label !== undefined) labels.set(t.target, t.label);
  return (id) => labels.get(id) ?? id;
}
