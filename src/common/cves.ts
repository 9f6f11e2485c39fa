/**
 * The reviewed rsync CVE table (policies/rsyncguard/cves/data.yaml, written to cves.generated.json by
 * scripts/build-policies.mjs, which checks it): facts judge each entry by version, reports list them, and
 * the engine hands the policy the same table as its data (cvePolicyData), since a WASM build carries none.
 */
import table from './cves.generated.json' with { type: 'json' };

export type CveSeverity = 'critical' | 'high' | 'medium' | 'low';
export type CveApplies = 'any-daemon' | 'condition' | 'not-daemon';

/** One distro cell (contract C3), keyed `<os-release ID family>:<release>` ("debian:12", "rhel:9"). */
export type DistroCell = { fixed: string; advisory: string | null; source: string } | { not_affected: true; source: string } | { unknown: true };

export interface CveEntry {
  /** A CVE id, or NO-CVE-<release>-<what> for a fix announced without one. */
  id: string;
  /** The upstream release that fixed it. */
  fixed: string;
  /** The first affected upstream release; null when every earlier release is affected or it is not known. */
  introduced: string | null;
  /** The CNA's CVSS v3.1 band; for an entry without a score, the table's severity_basis says why. */
  severity: CveSeverity;
  score: number | null;
  vector: string | null;
  summary: string;
  component: string[];
  applies: CveApplies;
  /** The condition in words (applies = condition); null otherwise. */
  condition: string | null;
  /** The predicates of the condition, as the policy evaluates them. */
  all_of: string[];
  /** RSYNC-070/071/072, or null when no daemon rule can report it (client side). */
  rule: string | null;
  mitigation: string | null;
  sources: string[];
  distros: Readonly<Record<string, DistroCell>>;
}

/** An id the table deliberately does not report (unverified, or before 2024), and why. */
export interface CveLeftOut {
  id: string;
  why: string;
  sources: string[];
}

interface CveTable {
  cves: CveEntry[];
  unverified: CveLeftOut[];
  not_covered: CveLeftOut[];
}

// The build validated the file (severity bands, rules, ids); the cast names the shape it wrote.
const TABLE = table as CveTable;

export function cveEntries(): readonly CveEntry[] {
  return TABLE.cves;
}

export function cveEntry(id: string): CveEntry | undefined {
  return TABLE.cves.find((c) => c.id === id);
}

export function cvesLeftOut(): { unverified: readonly CveLeftOut[]; not_covered: readonly CveLeftOut[] } {
  return { unverified: TABLE.unverified, not_covered: TABLE.not_covered };
}

/**
 * The table as the policy reads it (data.rsyncguard.cves in policies/rsyncguard/rules/versions): the fields
 * it uses, shaped as in data.yaml, so that opa eval on the file and the WASM build agree.
 */
export function cvePolicyData(): { rsyncguard: { cves: { cves: unknown[] } } } {
  const cves = TABLE.cves.map((c) => ({
    id: c.id,
    fixed: c.fixed,
    severity: c.severity,
    summary: c.summary,
    applies: c.applies,
    rule: c.rule,
    cvss: c.score === null ? null : { score: c.score },
    condition: { all_of: c.all_of },
  }));
  return { rsyncguard: { cves: { cves } } };
}
