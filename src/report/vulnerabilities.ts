/**
 * Which vulnerabilities a target's rsync has, and what became of each (issue 15 §2): the CVEs a finding
 * reports, and every other CVE the facts judged (`rsync.cves`, contract C2) with why it is not reported —
 * fixed in this version, version unknown, client side, or a condition that does not hold. Computed once
 * when the report is made, so JSON and `--explain` say the same.
 */
import type { Location } from '../common/index.ts';
import { interner, isObject, releaseNumbers } from '../common/index.ts';
import { type Finding, type Severity, VULNERABILITY_ID } from '../engine/index.ts';
import { type CveInfo, cveCatalog } from './cve-catalog.ts';

export interface ReportedCve {
  id: string;
  rule_id: string;
  severity: Severity;
  module: string | null;
  location: Location | null;
  /** Reported, or kept out of the findings by a waiver or a public declaration (still affected). */
  status: 'reported' | 'waived' | 'declared public';
}

export interface ConsideredCve {
  id: string;
  state: 'affected' | 'fixed' | 'unknown';
  /** Why it is not reported, in words. */
  why: string;
}

export interface Vulnerabilities {
  /** The upstream version judged; null when unknown. */
  version: string | null;
  /** "version unknown: <why>" when no version is known: then no version rule reports anything. */
  version_unknown: string | null;
  reported: ReportedCve[];
  considered: ConsideredCve[];
}

interface Judgement {
  id: string;
  state: 'affected' | 'fixed' | 'unknown';
  basis: string;
}

interface RsyncView {
  version: string | null;
  unknown: string | null;
  range: { min: string; max: string | null } | null;
  cves: Judgement[];
}

const isState = (v: unknown): v is Judgement['state'] => v === 'affected' || v === 'fixed' || v === 'unknown';

/** The facts' `rsync` block as far as this needs it; null when the facts have none (an older document). */
function rsyncView(facts: object): RsyncView | null {
  const r: unknown = 'rsync' in facts ? facts.rsync : undefined;
  if (!isObject(r)) return null;
  const version = typeof r['version'] === 'string' ? r['version'] : null;
  const unknown = typeof r['unknown'] === 'string' ? r['unknown'] : null;
  const range = isObject(r['range']) && typeof r['range']['min'] === 'string' ? { min: r['range']['min'], max: typeof r['range']['max'] === 'string' ? r['range']['max'] : null } : null;
  const list = Array.isArray(r['cves']) ? r['cves'] : [];
  const cves = list.flatMap((c: unknown): Judgement[] => {
    // A facts document given to eval is input like any other: an id that is not one is not shown (nor linked).
    if (!isObject(c) || typeof c['id'] !== 'string' || !VULNERABILITY_ID.test(c['id']) || !isState(c['state'])) return [];
    return [{ id: c['id'], state: c['state'], basis: typeof c['basis'] === 'string' ? c['basis'] : '' }];
  });
  return { version, unknown, range, cves };
}

export interface TargetFindings {
  findings: readonly Finding[];
  waived: readonly Finding[];
  declaredPublic: readonly Finding[];
}

/** The target's vulnerabilities; undefined when its facts say nothing of its rsync. */
const sameConsidered = interner<ConsideredCve>();

export function vulnerabilitiesOf(facts: object, found: TargetFindings, catalog: readonly CveInfo[] = cveCatalog()): Vulnerabilities | undefined {
  const rsync = rsyncView(facts);
  if (rsync === null) return undefined;
  const reported: ReportedCve[] = [];
  const add = (fs: readonly Finding[], status: ReportedCve['status']) => {
    for (const f of fs) for (const id of f.cves ?? []) reported.push({ id, rule_id: f.rule_id, severity: f.severity, module: f.module, location: f.location, status });
  };
  add(found.findings, 'reported');
  add(found.waived, 'waived');
  add(found.declaredPublic, 'declared public');
  const seen = new Set(reported.map((r) => r.id));
  const byId = new Map(catalog.map((c) => [c.id, c]));
  // The same entries on every host of a release: one object each (src/common/intern.ts); nothing changes them.
  const considered = rsync.cves
    .filter((j) => !seen.has(j.id))
    .map((j) => {
      const entry = { id: j.id, state: j.state, why: whyNot(j, byId.get(j.id), rsync) };
      return sameConsidered(`${entry.id}\0${entry.state}\0${entry.why}`, entry);
    });
  return {
    version: rsync.version,
    version_unknown: rsync.version === null ? `version unknown: ${rsync.unknown ?? 'the target shows no rsync version'}` : null,
    reported,
    considered,
  };
}

/** The target's release (or the newest of its range) comes before the first affected one. */
function predates(rsync: RsyncView, cve: CveInfo | undefined): boolean {
  const first = cve?.introduced ? releaseNumbers(cve.introduced) : null;
  const known = rsync.version ?? rsync.range?.max ?? null;
  const v = known === null ? null : releaseNumbers(known);
  if (first === null || v === null) return false;
  return (v[0] - first[0] || v[1] - first[1] || v[2] - first[2]) < 0;
}

function whyNot(j: Judgement, cve: CveInfo | undefined, rsync: RsyncView): string {
  const basis = j.basis ? ` (${j.basis})` : '';
  if (j.state === 'fixed') return predates(rsync, cve) ? `not affected: this version predates the flaw${basis}` : `fixed in this version${basis}`;
  if (j.state === 'unknown') {
    const range = rsync.range ? ` within range ${rsync.range.min}–${rsync.range.max ?? 'newest'}` : '';
    return `version unknown${range}${basis}`;
  }
  if (cve?.applies === 'not-daemon') return 'client side: not applicable to a daemon';
  if (cve?.applies === 'condition') return `its condition does not hold: ${cve.condition ?? 'the configuration does not reach it'}`;
  // Affected and reachable on any daemon, yet no finding: the target is no daemon (a Dockerfile, a secrets file).
  if (cve?.applies === 'any-daemon') return `affected, but not reported: ${cve.rule ?? 'no rule'} found no daemon to report it on${basis}`;
  return `affected, but not in this build's vulnerability data${basis}`;
}
