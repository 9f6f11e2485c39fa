/**
 * One severity everywhere (issue 14): GitHub code scanning takes an alert's severity only from its rule
 * descriptor's `security-severity` (shared/reference/sarif-github.md §1.2), so a finding the engine raised
 * above its rule's base points at a descriptor of its own that carries the raised value. Ids keep a rule's
 * alerts together: `RSYNC-002` for the rule's base severity, `RSYNC-002/critical` for its findings raised
 * to critical; the name and descriptions stay the rule's, the help says what raised it.
 */
import type * as Sarif from 'sarif';
import type { Finding, RuleInfo, Severity } from '../engine/index.ts';

/** GitHub's bands: critical ≥ 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9; anything else has none. */
export function githubBand(score: string): Severity | null {
  const n = Number(score);
  if (!Number.isFinite(n) || n <= 0 || n > 10) return null;
  return n >= 9 ? 'critical' : n >= 7 ? 'high' : n >= 4 ? 'medium' : 'low';
}

/** A value inside each band, away from its edges, for a severity the rule's own score is not in. */
export const BAND_VALUE = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' } as const;

/** The rule's own score when it lies in the severity's band, else the band's representative value. */
export function securitySeverity(rule: RuleInfo, severity: Severity): string {
  return githubBand(rule.security_severity) === severity ? rule.security_severity : BAND_VALUE[severity];
}

/** The descriptor id a finding of this rule at this severity points at. */
export function descriptorId(rule: RuleInfo, severity: Severity): string {
  return severity === rule.severity ? rule.id : `${rule.id}/${severity}`;
}

const ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** A rule and a severity some finding of it is reported at (the rule's base for the base descriptor). */
export interface DescriptorKey {
  rule: RuleInfo;
  severity: Severity;
  /** Why findings were raised to this severity (sorted, unique); empty for the base. */
  reasons: string[];
}

/** Every rule's base, each followed by the severities its findings were raised (or lowered) to. */
export function descriptorKeys(rules: readonly RuleInfo[], findings: readonly Pick<Finding, 'rule_id' | 'severity' | 'context'>[]): DescriptorKey[] {
  const reasons = new Map<string, Set<string>>();
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const f of findings) {
    const rule = byId.get(f.rule_id);
    if (!rule || f.severity === rule.severity) continue;
    const id = descriptorId(rule, f.severity);
    const set = reasons.get(id) ?? new Set<string>();
    set.add(f.context ?? 'the policy reported it at this severity');
    reasons.set(id, set);
  }
  return rules.flatMap((rule) => [
    { rule, severity: rule.severity, reasons: [] },
    ...ORDER.filter((s) => reasons.has(descriptorId(rule, s)) && s !== rule.severity).map((severity) => ({
      rule,
      severity,
      reasons: [...(reasons.get(descriptorId(rule, severity)) ?? [])].sort(),
    })),
  ]);
}

/** The help of a raised descriptor: what raised it, before the rule's own help. */
export function raisedHelp(key: DescriptorKey): Sarif.MultiformatMessageString | null {
  if (key.reasons.length === 0) return null;
  const { rule, severity } = key;
  const why = `Reported as ${severity} (the rule's base severity is ${rule.severity}) when: ${key.reasons.join('; ')}.`;
  const whyMd = `Reported as **${severity}** (the rule's base severity is ${rule.severity}) when:\n\n${key.reasons.map((r) => `- ${r}`).join('\n')}`;
  return { text: `${rule.description}\n\n${why}\n\n${rule.help}`.trim(), markdown: `**${rule.title}**\n\n${rule.description}\n\n${whyMd}\n\n${rule.help}`.trim() };
}
