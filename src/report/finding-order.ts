/**
 * The order a reader triages in, shared by the job summary and the annotations: most severe first, then
 * rule id, file and line; and, when a list is capped, what was left out, counted per rule.
 */
import { type Finding, severityRank } from '../engine/index.ts';

const fileOf = (f: Finding): string => f.location?.file ?? f.target;

export function compareBySeverity(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.rule_id.localeCompare(b.rule_id) ||
    fileOf(a).localeCompare(fileOf(b)) ||
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
    a.message.localeCompare(b.message)
  );
}

/** "RSYNC-048 ×20, RSYNC-012 ×17": the rules of the findings left out, most frequent first. */
export function countByRule(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule_id, (counts.get(f.rule_id) ?? 0) + 1);
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([rule, n]) => `${rule} ×${n}`)
    .join(', ');
}
