/**
 * SARIF 2.1.0 as GitHub code scanning takes it (shared/reference/sarif-github.md): one run per category,
 * rules with every property GitHub reads, results with repository-relative file locations and full
 * regions, fingerprints from what each finding is about (sarif-identity.ts) so that edits around it keep
 * the alert, `results: []` when clean so alerts close, parse diagnostics as tool notifications, and
 * GitHub's limits enforced with a warning. No timestamps: the same input gives the same bytes.
 */
import type * as Sarif from 'sarif';
import { COMPLIANCE } from '../common/index.ts';
import type { Finding, RuleInfo } from '../engine/index.ts';
import { cveHelp } from './cve-help.ts';
import { cveSuffix } from './cve-explain.ts';
import { fixesFor, unfixedFor } from './fix-sarif.ts';
import type { ComplianceSection } from './compliance.ts';
import type { Report } from './model.ts';
import { declaredSuppressions, unusedPublicLines, unusedWaiverLines } from './declared-public.ts';
import { type At, anchorOf, hostOfTarget } from './sarif-identity.ts';
import { resultsLeftOut } from './sarif-notices.ts';
import { reportFingerprints } from './baseline-identity.ts';
import { absentAsFinding, absentResult, kindOfAbsent } from './baseline-sarif.ts';
import { type DescriptorKey, descriptorId, descriptorKeys, raisedHelp, securitySeverity } from './sarif-severity.ts';
import { TARGET_KINDS, type TargetKind } from './target-kinds.ts';
import { shownName } from './shown-name.ts';
import { Regions } from './sarif-region.ts';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const TOOL_NAME = 'rsyncguard';
export const INFORMATION_URI = 'https://github.com/rsyncguard/rsyncguard';

/** GitHub's hard limits per run (sarif-limits.md) and per rule. */
export const LIMITS = { results: 25_000, rules: 25_000, tags: 20, description: 1024, name: 255 } as const;

export interface SarifOptions {
  /** automationDetails.id; GitHub reads the category up to the last "/". */
  category: string;
  /** Waived findings as results with `suppressions` (GitHub ignores those: off by default). */
  suppressions: boolean;
  /**
   * File texts by the path findings use, for regions; or by `textKey(target, path)` where
   * several targets share a path (hosts of a fleet each have their own /etc/rsyncd.conf).
   */
  texts: ReadonlyMap<string, string>;
  /** Called for every limit that had to be enforced. */
  warn: (message: string) => void;
}

export const LEVEL = { critical: 'error', high: 'error', medium: 'warning', low: 'note' } as const;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function ruleName(title: string): string {
  return clip(
    title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
    LIMITS.name,
  );
}

export function descriptor(key: DescriptorKey, cves: readonly string[] = []): Sarif.ReportingDescriptor {
  const r = key.rule;
  const help = raisedHelp(key) ?? { text: `${r.description}\n\n${r.help}`.trim(), markdown: `**${r.title}**\n\n${r.description}\n\n${r.help}`.trim() };
  const cwe = /^CWE-(\d+)$/.exec(r.cwe)?.[1];
  const tags = ['security', ...r.tags, ...(cwe ? [`external/cwe/cwe-${cwe}`] : []), ...complianceTags(r)].slice(0, LIMITS.tags);
  return {
    id: descriptorId(r, key.severity),
    name: ruleName(r.title),
    shortDescription: { text: clip(r.title, LIMITS.description) },
    fullDescription: { text: clip(r.description || r.title, LIMITS.description) },
    help: cveHelp(help, cves),
    ...(r.help_uri ? { helpUri: r.help_uri } : {}),
    defaultConfiguration: { level: LEVEL[key.severity] },
    properties: { tags, precision: 'high', 'security-severity': securitySeverity(r, key.severity), ...(r.compliance ? { compliance: r.compliance } : {}) },
  };
}

/** Each control's state for the targets of this run (a fleet's run holds one inventory group). */
export function sarifCompliance(s: ComplianceSection, report: Report): object {
  const here = new Set([...report.targets.map((t) => t.target), ...report.errors.map((e) => e.target)]);
  const controls = s.controls.map((c) => ({ id: c.id, title: c.title, rules: c.rules, targets: c.targets.filter((t) => here.has(t.target)).map((t) => ({ target: t.target, state: t.state })) }));
  return { framework: s.framework, name: s.name, summary: { controls: controls.length, failing: controls.filter((c) => c.targets.some((t) => t.state === 'fail')).length }, controls };
}

/**
 * Filterable tags for the controls a rule maps to: one per NIST control and PCI requirement, and one per CIS
 * recommendation rather than per benchmark item (14 benchmarks number the same one; GitHub takes 20 tags a
 * rule and shows 10). Every item is in `properties.compliance`.
 */
function complianceTags(r: RuleInfo): string[] {
  const c = r.compliance;
  if (!c) return [];
  const recs = new Set(c.cis.map((id) => COMPLIANCE.cis.controls[id]?.recommendation ?? id));
  return [...c.nist.map((id) => `NIST-SP-800-53-${id}`), ...c.pci.map((id) => `PCI-DSS-v4-${id}`), ...[...recs].map((rec) => `CIS-${rec}`)];
}

export interface Placed {
  finding: Finding;
  /** Hosts and images are not files in the repository: their name goes into the message. */
  kind: TargetKind;
  waiver?: { reason: string; source: string; inSource?: boolean };
  /** The target as shown (shown-name.ts): an image as the user typed it; the id stays in properties.target. */
  shown?: string;
}

export function toSarif(report: Report, opts: SarifOptions): string {
  return `${JSON.stringify(sarifLog(report, opts), null, 2)}\n`;
}

/** The log toSarif writes, as an object: a fleet's SARIF adds notices to each run and writes the runs one by one. */
export function sarifLog(report: Report, opts: SarifOptions): Sarif.Log {
  const rules = report.rules.slice(0, LIMITS.rules).sort((a, b) => a.id.localeCompare(b.id));
  if (report.rules.length > LIMITS.rules) opts.warn(`${report.rules.length} rules exceed GitHub's limit of ${LIMITS.rules}; the rest are left out`);
  const byId = new Map(rules.map((r) => [r.id, r]));
  // Numbered over every finding, waived or not, so waiving one leaves the others' fingerprints alone.
  const prints = reportFingerprints(report);
  let placed: Placed[] = report.targets.flatMap((t) => placedOf(t, opts.suppressions));
  // Said in the run too (issue 21 §5): a warning on stderr alone is lost where the file is read.
  const limited: Sarif.Notification[] = [];
  if (placed.length > LIMITS.results) {
    opts.warn(`${placed.length} results exceed GitHub's limit of ${LIMITS.results} per run; the most severe are kept`);
    const rank = { critical: 0, high: 1, medium: 2, low: 3 } as const;
    const sorted = [...placed].sort((a, b) => rank[a.finding.severity] - rank[b.finding.severity]);
    limited.push(
      resultsLeftOut(
        sorted.slice(LIMITS.results).map((p) => p.finding),
        placed.length,
        LIMITS.results,
      ),
    );
    placed = sorted.slice(0, LIMITS.results);
  }
  placed = placed.filter((p) => byId.has(p.finding.rule_id));
  // One descriptor per rule and severity reported, so GitHub shows each finding's own severity.
  const keys = descriptorKeys(rules, [...placed.map((p) => p.finding), ...(report.baseline?.absent ?? []).map(absentAsFinding)]);
  const index = new Map(keys.map((k, i) => [descriptorId(k.rule, k.severity), i]));
  const idOf = (f: Finding) => {
    const rule = byId.get(f.rule_id);
    return rule ? descriptorId(rule, f.severity) : f.rule_id;
  };
  // Verified fixes (issue 16) ride on the results they remove; a waived result gets none.
  const fixesOf = new Map(report.targets.map((t) => [t.target, t.fixes]));
  const regions = new Regions(opts.texts);
  const results = placed.map((p) => fixedResult(result(p, idOf(p.finding), index, regions, anchorOf(p.finding), prints.get(p.finding)), p, fixesOf.get(p.finding.target)));
  // --baseline: what was in the baseline and is gone now, so a fixed finding is visible (baseline-sarif.ts).
  for (const a of report.baseline?.absent ?? []) {
    const f = absentAsFinding(a);
    if (byId.has(f.rule_id)) results.push(absentResult(result({ finding: f, kind: kindOfAbsent(report, f.target) }, idOf(f), index, regions, anchorOf(f), a.fingerprint)));
  }
  // The CVEs each descriptor's results report, for its help: what each is and where its record is.
  const cvesOf = new Map<string, Set<string>>();
  for (const p of placed) for (const id of p.finding.cves ?? []) cvesOf.set(idOf(p.finding), (cvesOf.get(idOf(p.finding)) ?? new Set()).add(id));
  const notifications: Sarif.Notification[] = [
    ...report.targets.flatMap((t) => t.notes.map((n) => notification(n.level, n.code, n.message, n.location))),
    ...report.errors.map((e) => notification('error', 'target-error', `${shownName(e)}: ${e.message}`, null)),
    ...unusedPublicLines(report).map((u) => notification('warning', 'public-entry-unused', u.message, { file: u.file, line: u.line, column: 1 })),
    ...unusedWaiverLines(report).map((u) => notification('warning', 'waiver-unused', u.message, { file: u.file, line: u.line, column: 1 })),
    ...(report.empty_paths ?? []).map((e) => notification('warning', NOTHING_SCANNED, e.message, null)),
    ...limited,
  ];
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, semanticVersion: report.tool.version, informationUri: INFORMATION_URI, rules: keys.map((k) => descriptor(k, [...(cvesOf.get(descriptorId(k.rule, k.severity)) ?? [])].sort())) } },
        automationDetails: { id: opts.category },
        // --compliance: each control's state per target (the findings are the run's results). --severity: the
        // severities the results were limited to and how many findings of others were left out, so a filtered
        // run never reads as a complete one.
        ...(report.compliance || report.severity_filter
          ? { properties: { ...(report.compliance ? { compliance: sarifCompliance(report.compliance, report) } : {}), ...(report.severity_filter ? { severity_filter: report.severity_filter } : {}) } }
          : {}),
        invocations: [{ executionSuccessful: report.errors.length === 0, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory the scan ran in (the repository root in CI).' } } },
        results,
      },
    ],
  };
  return log;
}

/** The key of a file's text that belongs to one target only. */
export function textKey(target: string, path: string): string {
  return `${target}\u0000${path}`;
}

/**
 * The key of a file's text kept for SARIF regions only (a Dockerfile's, a unit's: the file a target's findings
 * point into, whichever writer). No format quotes its lines: HTML excerpts read the path or textKey alone.
 */
export function regionTextKey(path: string): string {
  return `\u0001${path}`;
}

/** What SARIF shows of one target's findings: reported ones, and with `suppressions` the waived and the declared public. */
export function placedOf(t: Report['targets'][number], suppressions: boolean): Placed[] {
  return [
    ...t.findings.map((finding) => ({ finding, kind: t.kind, shown: shownName(t) })),
    ...(suppressions ? t.waived.map((w) => ({ finding: w.finding, kind: t.kind, shown: shownName(t), waiver: { reason: w.waiver.reason, source: w.waiver.source } })) : []),
    // Left out by a public-mirror declaration: suppressed like a waiver, `inSource` when a comment in the config says so.
    ...(suppressions ? declaredSuppressions(t).map((s) => ({ ...s, kind: t.kind })) : []),
  ];
}

/** Verified fixes (issue 16) ride on the results they remove; a waived result gets none. */
export function fixedResult(r: Sarif.Result, p: Placed, fixes: Report['targets'][number]['fixes']): Sarif.Result {
  if (p.waiver) return r;
  // A finding without a safe fix carries the reason and the suggested text (the issue: "listed with the reason and the suggested text").
  const unfixed = unfixedFor(p.finding, fixes);
  return { ...r, ...fixesFor(p.finding, fixes), ...(unfixed ? { properties: { ...r.properties, rsyncguard_fix: unfixed } } : {}) };
}

/**
 * Related locations show on GitHub only where the message links them (`[text](id)`, SARIF §3.11.6): the
 * modules a finding names, linked to their headers, the first RELATED_SHOWN of them (JSON has every one).
 */
const RELATED_SHOWN = 100;

function relatedLinks(related: Finding['related']): string {
  if (!related || related.length === 0) return '';
  const links = related.slice(0, RELATED_SHOWN).map((r, id) => `[${r.module.replace(/[[\]\\]/g, (c) => `\\${c}`)}](${id})`);
  const more = related.length - links.length;
  return ` Modules: ${links.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`;
}

export function result(p: Placed, ruleId: string, index: Pick<ReadonlyMap<string, number>, 'get'>, regions: Regions, at: At, fingerprint: string | undefined): Sarif.Result {
  const f = p.finding;
  const key = regions.keyOf(f.target, at.file);
  const host = p.kind === 'host' ? hostOfTarget(f.target) : undefined;
  return {
    ruleId,
    ruleIndex: index.get(ruleId) ?? -1,
    level: LEVEL[f.severity],
    message: { text: `${TARGET_KINDS[p.kind].sarifPrefix(p.shown ?? f.target)}${f.message}${cveSuffix(f)}${f.context ? ` Severity raised to ${f.severity}: ${f.context}.` : ''}${relatedLinks(f.related)}` },
    // A host's finding is at the host as well as at its file (issue 17 §4): every host has an etc/rsyncd.conf.
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: encodeURI(at.file), uriBaseId: '%SRCROOT%' }, region: regions.region(key, at.line, at.column) },
        ...(host !== undefined ? { logicalLocations: [{ name: host, fullyQualifiedName: host, kind: 'host' }] } : {}),
      },
    ],
    ...(f.related
      ? {
          relatedLocations: f.related.slice(0, RELATED_SHOWN).map((r, id) => ({
            id,
            message: { text: `[${r.module}]` },
            physicalLocation: { artifactLocation: { uri: encodeURI(r.location.file), uriBaseId: '%SRCROOT%' }, region: regions.region(regions.keyOf(f.target, r.location.file), r.location.line, r.location.column) },
          })),
        }
      : {}),
    ...(fingerprint ? { partialFingerprints: { primaryLocationLineHash: fingerprint } } : {}),
    ...(f.baseline_state ? { baselineState: f.baseline_state } : {}),
    // `message` is the finding's own, without the prefixes above: a later --baseline compares it exactly.
    properties: {
      rule: f.rule_id,
      severity: f.severity,
      target: f.target,
      ...(host !== undefined ? { host } : {}),
      ...(f.module !== null ? { module: f.module } : {}),
      facts_path: f.path,
      ...(f.cves ? { cves: f.cves } : {}),
      ...(f.entry ? { entry: f.entry } : {}),
      message: f.message,
    },
    ...(p.waiver ? { suppressions: [{ kind: p.waiver.inSource ? 'inSource' : 'external', status: 'accepted', justification: `${p.waiver.reason} (${p.waiver.source})` }] } : {}),
  };
}

/** The notification code of a PATH that held no rsyncd config. */
export const NOTHING_SCANNED = 'nothing-scanned';

export function notification(level: 'error' | 'warning' | 'note', code: string, message: string, location: { file: string; line: number; column: number } | null): Sarif.Notification {
  return {
    level,
    message: { text: message },
    descriptor: { id: code },
    ...(location ? { locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(location.file), uriBaseId: '%SRCROOT%' }, region: { startLine: location.line, startColumn: location.column } } }] } : {}),
  };
}
