/** What the engine reports: a policy's finding, checked, and completed from the rule catalog. */
import type { ComplianceMap, Location } from '../common/index.ts';
import { interner, isObject } from '../common/index.ts';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface RuleInfo {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  security_severity: string;
  cwe: string;
  tags: string[];
  help: string;
  help_uri: string | null;
  package: string;
  /** METADATA custom.quiet_when_public: not reported for read-only modules declared public (declared-public.ts). */
  quiet_when_public?: boolean;
  /** METADATA custom.compliance: the NIST, PCI DSS and CIS controls the rule checks (ids in src/common/compliance.ts). */
  compliance?: ComplianceMap;
}

export interface Finding {
  rule_id: string;
  title: string;
  severity: Severity;
  /** Why the severity is above the rule's default, when it is. */
  context: string | null;
  message: string;
  /** The target (file path, host, image) the facts came from. */
  target: string;
  module: string | null;
  /** Where in the facts document the finding rests. */
  path: string;
  location: Location | null;
  /**
   * For one finding about a setting many modules inherit from the daemon: the modules, each at its
   * header. Absent on every other finding.
   */
  related?: RelatedModule[];
  /**
   * The vulnerabilities a version rule (RSYNC-070/071/072) reports, by id: each is part of what the finding
   * is about (its identity), so two CVEs at one line are two findings. Absent on every other finding.
   */
  cves?: string[];
  /**
   * The secrets-file entry the finding is about when its name is shown (`user "joe"`), set by the engine from
   * the facts (secrets-entry-finding.ts): part of its identity, so such an entry is told apart from the file's
   * others by who it is, not by its order. Absent for an entry whose name is withheld (nothing of that name
   * leaves, not even a hash: such findings are numbered in file order) and on every other finding.
   */
  entry?: string;
  /**
   * With --baseline (issue 17): whether this finding was in the baseline report under the same logical
   * identity (`unchanged`), there with another severity or message (`updated`), or not there (`new`).
   * Absent when no baseline was given. Findings gone since the baseline are in `Report.baseline.absent`.
   */
  baseline_state?: 'new' | 'unchanged' | 'updated';
}

/**
 * A vulnerability id: a CVE, or the one form the data file uses for a fix announced without a CVE
 * ("NO-CVE-<release>-<what>", e.g. NO-CVE-3.4.2-PROXYv2).
 */
export const VULNERABILITY_ID = /^(?:CVE-\d{4}-\d{4,}|NO-CVE-\d+(?:\.\d+)*-[A-Za-z0-9.-]+)$/;

export interface RelatedModule {
  module: string;
  location: Location;
}

export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

const RULE_ID = /^[A-Z][A-Z0-9]*-\d+$/;
const isSeverity = (v: unknown): v is Severity => typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
const strOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

// A fleet repeats the same messages and paths on every host: one copy of each string (src/common/intern.ts).
const interned = interner<string>();
const same = <S extends string | null>(s: S): S => (s === null ? s : (interned(s, s) as S));

function toLocation(v: unknown): Location | null | undefined {
  if (v === null) return null;
  if (!isObject(v) || typeof v['file'] !== 'string' || typeof v['line'] !== 'number' || typeof v['column'] !== 'number') return undefined;
  return { file: same(v['file']), line: v['line'], column: v['column'] };
}

/**
 * One policy result, validated and completed from its catalog entry (title, default severity); a reason
 * string when it is not a finding. A policy sets `severity` only to raise it, with a `context`.
 */
export function toFinding(v: unknown, target: string, rules: ReadonlyMap<string, RuleInfo>): Finding | string {
  if (!isObject(v)) return 'a finding is not an object';
  const { rule_id, severity, context, message, module, path } = v;
  if (typeof rule_id !== 'string' || !RULE_ID.test(rule_id)) return `a finding has no valid rule_id (${JSON.stringify(rule_id)})`;
  const rule = rules.get(rule_id);
  if (!rule) return `${rule_id} has no catalog entry`;
  if (severity !== null && !isSeverity(severity)) return `${rule_id}: severity ${JSON.stringify(severity)} is not one of ${SEVERITIES.join(', ')}`;
  if (typeof message !== 'string' || typeof path !== 'string') return `${rule_id}: message and path must be strings`;
  if (!strOrNull(context) || !strOrNull(module)) return `${rule_id}: context and module must be strings or null`;
  const location = toLocation(v['location']);
  if (location === undefined) return `${rule_id}: location must be {file, line, column} or null`;
  const related = toRelated(v['related']);
  if (typeof related === 'string') return `${rule_id}: ${related}`;
  const cves = toCves(v['cves']);
  if (typeof cves === 'string') return `${rule_id}: ${cves}`;
  const finding: Finding = { rule_id: rule.id, title: rule.title, severity: severity ?? rule.severity, context: same(context), message: same(message), target, module: same(module), path: same(path), location };
  if (related !== undefined) finding.related = related;
  if (cves !== undefined) finding.cves = cves;
  return finding;
}

/** Sorted and unique, so that the same CVEs in another order are the same finding. */
function toCves(v: unknown): string[] | undefined | string {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) return 'cves must be a list of CVE ids';
  const bad = v.find((id) => typeof id !== 'string' || !VULNERABILITY_ID.test(id));
  if (bad !== undefined) return `cves: ${JSON.stringify(bad)} is not a CVE id (CVE-YYYY-NNNN)`;
  const ids = [...new Set(v as string[])].sort();
  return ids.length > 0 ? ids : undefined;
}

function toRelated(v: unknown): RelatedModule[] | undefined | string {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) return 'related must be a list';
  const out: RelatedModule[] = [];
  for (const r of v) {
    const location = isObject(r) ? toLocation(r['location']) : undefined;
    if (!isObject(r) || typeof r['module'] !== 'string' || !location) return 'each related entry must be {module, location}';
    out.push({ module: r['module'], location });
  }
  return out;
}

/** localeCompare, skipped for the equal strings most comparisons of one target's findings meet (same target, same file). */
const text = (a: string, b: string): number => (a === b ? 0 : a.localeCompare(b));

/** Report order: target, file, line, column, rule id, message, CVE ids. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    text(a.target, b.target) ||
    text(a.location?.file ?? '', b.location?.file ?? '') ||
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
    text(a.rule_id, b.rule_id) ||
    text(a.message, b.message) ||
    text((a.cves ?? []).join(','), (b.cves ?? []).join(','))
  );
}
