import { formatLocation } from '../common/index.ts';
import { type Finding, SEVERITIES, severityRank } from '../engine/index.ts';
import type { Paint } from './colour.ts';
import { complianceTextLines } from './compliance-render.ts';
import { cveSuffix, explainText } from './cve-explain.ts';
import { escapeAllText } from './escape-controls.ts';
import { fixHints } from './fix-hint.ts';
import { baselineTag, baselineTextLines } from './baseline-render.ts';
import { groupRepeats, namedPlaces } from './finding-groups.ts';
import { hostColumn, hostWidth } from './host-column.ts';
import { publicLines, unusedPublicLines, unusedWaiverLines } from './declared-public.ts';
import { countBySeverity, shownNotes, type Report, type TargetError, type TargetReport } from './model.ts';
import type { Spool, SpoolFactory } from './spool.ts';
import type { ReportHead, ReportStream, ReportTail } from './stream.ts';

/** What every target's lines need besides the target: colour, the fix hints, the host column. */
interface TargetLineOptions {
  p: Paint;
  hints: ReadonlyMap<string, string | null>;
  hostOf: ((target: string) => string) | null;
  width: number;
  explain: boolean;
  filter: Report['severity_filter'];
}

/**
 * Findings grouped by target and module, worst first within a place, and one summary line; `explain` adds the
 * CVEs considered; each finding has a "fix:" line under it (the first sentence of its rule's help) unless `hints` is false.
 */
export function toText(raw: Report, p: Paint, opts: { explain?: boolean; hints?: boolean } = {}): string {
  // Terminal-bound: every string from files, hosts or images is escaped before colour codes are added.
  const report = escapeAllText(raw);
  // Several hosts: each finding line names its host (host-column.ts).
  const hostOf = hostColumn(report);
  const line = { p, hints: textHints(raw.rules, opts.hints), hostOf, width: hostOf ? hostWidth(report, hostOf) : 0, explain: opts.explain === true, filter: report.severity_filter };
  const out = report.targets.flatMap((t) => targetLines(t, line));
  const totals = { counts: countBySeverity(report), waived: report.targets.reduce((n, t) => n + t.waived.length, 0), ids: new Set(report.targets.map((t) => t.target)) };
  out.push(...tailLines(report, raw, p, totals));
  return `${out.join('\n')}\n`;
}

/**
 * Under the rule id of the line above (severity column and a space). From the raw help, whose line breaks
 * separate its blocks; fixHint escapes what it returns.
 */
function textHints(rules: Report['rules'], hints: boolean | undefined): ReadonlyMap<string, string | null> {
  return hints === false ? new Map<string, string | null>() : fixHints(rules);
}

/** One target's lines (its strings escaped already), ending with an empty line. */
function targetLines(t: TargetReport, o: TargetLineOptions): string[] {
  const { p, hostOf, width } = o;
  const out: string[] = [];
  const withHint = (f: Finding, text: string): string[] => {
    const hint = o.hints.get(f.rule_id);
    return hint ? [text, `             ${p.dim('fix:')} ${hint}`] : [text];
  };
  out.push(p.bold(t.label ?? t.target));
  for (const n of t.notes.filter((x) => x.code === 'host-state')) out.push(`  ${p.dim(n.message)}`);
  for (const n of shownNotes(t)) {
    const where = n.location ? `${formatLocation(n.location)} ` : '';
    out.push(`  ${n.level === 'error' ? p.severity('high', 'ERROR  ') : p.dim(n.level.padEnd(7))} ${where}${n.message}`);
  }
  // --severity: a target's findings of the other severities are counted where it is, so none reads as clean.
  const hidden = t.hidden?.findings.length ?? 0;
  // A config with an include left unread is judged on part of the daemon's configuration: its silence is not a clean bill.
  const partial = t.notes.some((n) => n.code === 'include-not-followed' || n.code === 'include-refused');
  if (t.findings.length === 0) out.push(`  ${p.dim(`${noFindings(o.filter, hidden)}${partial ? ' in what was read: an include above was not read, and what it holds was not judged' : ''}`)}`);
  // Daemon-wide findings first, then a rule repeated across modules as one line, then each module's
  // own, in the order its first finding appears.
  const { groups: repeated, single } = groupRepeats(t.findings);
  const byModule = new Map<string | null, typeof t.findings>();
  for (const f of [...single].sort((a, b) => (a.module === null ? 0 : 1) - (b.module === null ? 0 : 1))) {
    byModule.set(f.module, [...(byModule.get(f.module) ?? []), f]);
  }
  const label = (f: Finding): string => `    ${p.severity(f.severity, f.severity.toUpperCase().padEnd(8))} ${hostOf ? `${hostOf(f.target).padEnd(width)} ` : ''}${f.rule_id}`;
  const raised = (context: string | null): string => (context ? p.dim(` (raised: ${context})`) : '');
  const line = (f: Finding): string => `${label(f)} ${f.location ? `${formatLocation(f.location)} ` : ''}${f.message}${cveSuffix(f)}${raised(f.context)}${baselineTag(f)}`;
  // Worst first within a place; file order among equals (sort is stable).
  const worstFirst = (fs: Finding[]): Finding[] => [...fs].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const daemonWide = worstFirst(byModule.get(null) ?? []);
  if (daemonWide.length > 0) out.push(`  ${p.dim(wholeTargetLabel(t))}`, ...daemonWide.flatMap((f) => withHint(f, line(f))));
  if (repeated.length > 0) out.push(`  ${p.dim('(repeated in several modules)')}`);
  for (const g of [...repeated].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.rule_id.localeCompare(b.rule_id))) {
    const first = g.findings[0];
    if (first) out.push(...withHint(first, `${label(first)} ×${g.findings.length} ${g.title}${raised(g.context)}: ${namedPlaces(g.findings)}`));
  }
  for (const [module, findings] of byModule) {
    if (module === null) continue;
    out.push(`  [${module}]`);
    for (const f of worstFirst(findings)) out.push(...withHint(f, line(f)));
  }
  if (t.findings.length > 0 && hidden > 0) out.push(`  ${p.dim(`(${hidden} finding${hidden === 1 ? '' : 's'} of other severities not shown)`)}`);
  for (const w of t.waived) out.push(`    ${p.dim(`waived   ${w.finding.rule_id} ${w.finding.message} — ${w.waiver.reason} (${w.waiver.source})`)}`);
  for (const l of publicLines(t)) out.push(`  ${p.dim(l)}`);
  if (o.explain) out.push(...explainText(t));
  out.push('');
  return out;
}

/** What the summary line counts of the targets (escaped ids, as the lines show them). */
interface TextTotals {
  counts: Record<string, number>;
  waived: number;
  ids: Set<string>;
}

/** After the targets: errors, waivers and entries not used, the sections, and the summary line. */
function tailLines(report: Omit<Report, 'targets'>, raw: Pick<Report, 'unused_public' | 'unused_waivers'>, p: Paint, totals: TextTotals): string[] {
  const out: string[] = [];
  for (const e of report.errors) out.push(`${p.severity('high', 'ERROR')} ${e.label ?? e.target}: ${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`, '');
  for (const w of report.expired_waivers) out.push(`${p.severity('medium', 'expired waiver')} ${w.rule} at ${w.source} expired on ${w.expires}: it no longer applies.`);
  for (const u of unusedPublicLines(raw)) out.push(`${p.severity('medium', 'unused public entry')} at ${u.source}: ${u.message}`);
  for (const u of unusedWaiverLines(raw)) out.push(`${p.severity('medium', 'unused waiver')} at ${u.source}: ${u.message}`);
  for (const e of report.empty_paths ?? []) out.push(`${p.severity('medium', 'nothing scanned')}: ${e.message}`);
  if (report.compliance) out.push(...complianceTextLines(report.compliance, p));
  if (report.baseline) out.push(...baselineTextLines(report.baseline, p));
  const c = totals.counts;
  // A target a policy could not evaluate may also have results from the others: count it once.
  const targets = new Set([...totals.ids, ...report.errors.map((e) => e.target)]).size;
  out.push(`${targets} target${targets === 1 ? '' : 's'}: ${severityCounts(c, report.severity_filter)}; ${totals.waived} waived; ${report.errors.length} could not be evaluated.`);
  // --severity: what it hid is counted, so a filtered report never reads as a clean one.
  if (report.severity_filter) out.push(hiddenLine(report.severity_filter));
  return out;
}

/**
 * toText written as the targets come (stream.ts), for a report without host targets (a repository scan:
 * no host column): each target's lines spooled, the summary's counts and target ids kept.
 */
export class TextStream implements ReportStream {
  private readonly line: TargetLineOptions;
  private readonly totals: TextTotals = { counts: { critical: 0, high: 0, medium: 0, low: 0 }, waived: 0, ids: new Set() };
  private readonly errors: TargetError[] = [];
  private readonly spool: Spool;

  constructor(
    private readonly head: ReportHead,
    private readonly p: Paint,
    opts: { explain: boolean; hints: boolean },
    spool: SpoolFactory,
  ) {
    this.line = { p, hints: textHints(head.rules, opts.hints), hostOf: null, width: 0, explain: opts.explain, filter: undefined };
    this.spool = spool();
  }

  target(raw: TargetReport): void {
    if (raw.kind === 'host') throw new Error('a streamed text report has no host column: render the whole report');
    const t = escapeAllText(raw);
    for (const f of t.findings) this.totals.counts[f.severity] = (this.totals.counts[f.severity] ?? 0) + 1;
    this.totals.waived += t.waived.length;
    this.totals.ids.add(t.target);
    this.spool.add(targetLines(t, this.line).join('\n'));
  }

  error(e: TargetError): void {
    this.errors.push(e);
  }

  end(tail: ReportTail, write: (chunk: string) => void): void {
    this.spool.forEach((block) => {
      write(`${block}\n`);
    });
    const raw = { ...this.head, errors: this.errors, ...tail };
    write(`${tailLines(escapeAllText(raw), raw, this.p, this.totals).join('\n')}\n`);
  }

  close(): void {
    this.spool.close();
  }
}

/** Findings about no module: the daemon's, or, for a file that is not an rsyncd config (a Dockerfile, a secrets file), the file's. */
function wholeTargetLabel(t: TargetReport): string {
  const target: unknown = 'target' in t.facts ? t.facts.target : null;
  return typeof target === 'object' && target !== null && 'file_kind' in target && typeof target.file_kind === 'string' ? '(file)' : '(daemon)';
}

/** "no findings"; under --severity "no critical or high findings (24 of other severities not shown)". */
export function noFindings(filter: Report['severity_filter'], hidden: number): string {
  if (filter === undefined) return 'no findings';
  const names = filter.severities.length > 1 ? `${filter.severities.slice(0, -1).join(', ')} or ${filter.severities.at(-1)}` : (filter.severities[0] ?? '');
  return `no ${names} findings${hidden > 0 ? ` (${hidden} of other severities not shown)` : ''}`;
}

/**
 * "1 critical, 0 high, 3 medium, 2 low"; under --severity only the severities reported, since a 0 for one
 * left out would read as none of them.
 */
export function severityCounts(counts: Record<string, number>, filter: Report['severity_filter']): string {
  return SEVERITIES.filter((s) => filter === undefined || filter.severities.includes(s))
    .map((s) => `${counts[s] ?? 0} ${s}`)
    .join(', ');
}

/** "3 findings of other severities not shown (--severity critical,high)." */
export function hiddenLine(filter: NonNullable<Report['severity_filter']>): string {
  return `${filter.hidden} finding${filter.hidden === 1 ? '' : 's'} of other severities not shown (--severity ${filter.severities.join(',')}).`;
}
