/**
 * The compliance controls rules map to (policies/rsyncguard/compliance/data.yaml, written to
 * compliance.generated.json by scripts/build-policies.mjs, which also checks every id a rule names).
 */
import table from './compliance.generated.json' with { type: 'json' };

export const FRAMEWORKS = ['nist', 'pci', 'cis'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** What a rule maps to, by control id in each framework (METADATA `custom.compliance`). */
export type ComplianceMap = Record<Framework, string[]>;

export interface CisItem {
  benchmark: string;
  item: string;
  cce: string[];
  /** The recommendation the benchmarks share (e.g. "rsync-service"): judged per target, not per finding. */
  recommendation: string;
  /** The os-release IDs and VERSION_ID (whole, or its major part) the benchmark is written for. */
  os: { ids: string[]; version: string };
}

export interface ComplianceTable {
  nist: { name: string; source: string; controls: Record<string, string> };
  pci: { name: string; source: string; controls: Record<string, string> };
  cis: { name: string; source: string; recommendations: Record<string, { title: string }>; controls: Record<string, CisItem> };
}

export const COMPLIANCE: ComplianceTable = table;

/** A control's title: the NIST or PCI title, or for a CIS item its benchmark, item and recommendation. */
export function controlTitle(framework: Framework, id: string): string {
  if (framework !== 'cis') return COMPLIANCE[framework].controls[id] ?? id;
  const c = COMPLIANCE.cis.controls[id];
  return c ? `${c.benchmark} ${c.item}${c.cce.length > 0 ? ` (${c.cce.join(', ')})` : ''}: ${COMPLIANCE.cis.recommendations[c.recommendation]?.title ?? c.recommendation}` : id;
}

export function isFramework(v: string): v is Framework {
  return (FRAMEWORKS as readonly string[]).includes(v);
}
