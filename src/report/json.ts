import type { ComplianceMap } from '../common/index.ts';
import type { Finding } from '../engine/index.ts';
import { reportFingerprints } from './baseline-identity.ts';
import { fixHints } from './fix-hint.ts';
import type { Report, TargetError } from './model.ts';
import type { Spool, SpoolFactory } from './spool.ts';
import type { ReportHead, ReportStream, ReportTail } from './stream.ts';

/** What the document's head and rule table need of all the targets: counts, and the rule ids findings name. */
interface JsonTotals {
  targets: number;
  findings: Record<string, number>;
  waived: number;
  declaredPublic: number;
  ruleIds: Set<string>;
}

function emptyTotals(): JsonTotals {
  // As countBySeverity: the four severities first, any other in the order found.
  return { targets: 0, findings: { critical: 0, high: 0, medium: 0, low: 0 }, waived: 0, declaredPublic: 0, ruleIds: new Set() };
}

function addTotals(totals: JsonTotals, t: Report['targets'][number]): void {
  totals.targets++;
  for (const f of t.findings) totals.findings[f.severity] = (totals.findings[f.severity] ?? 0) + 1;
  totals.waived += t.waived.length;
  totals.declaredPublic += t.declared_public?.length ?? 0;
  for (const f of [...t.findings, ...t.waived.map((w) => w.finding), ...(t.declared_public ?? []).map((s) => s.finding)]) totals.ruleIds.add(f.rule_id);
}

/**
 * The catalog entry of every rule a finding names (reported, waived or left out as public), once each, so a
 * consumer joins `rule_id` to the rule's CWE and compliance controls without the rule catalog at hand.
 */
function reportedRules(rules: Report['rules'], ids: ReadonlySet<string>): Record<string, { title: string; severity: string; cwe: string; compliance: ComplianceMap | null }> {
  const out: Record<string, { title: string; severity: string; cwe: string; compliance: ComplianceMap | null }> = {};
  for (const r of [...rules].sort((a, b) => a.id.localeCompare(b.id))) if (ids.has(r.id)) out[r.id] = { title: r.title, severity: r.severity, cwe: r.cwe, compliance: r.compliance ?? null };
  return out;
}

/**
 * A target as the report shows it. Its fixes keep the edits (only lines the fix stage may quote) but not the
 * whole texts before and after: those hold every line of the files, passwords written where they should not
 * be included, and no report quotes those.
 */
function shownTarget(raw: Report['targets'][number], prints: ReadonlyMap<Finding, string>, hints: ReadonlyMap<string, string | null>): Report['targets'][number] | Record<string, unknown> {
  const t = withFingerprints(raw, prints, hints);
  if (!t.fixes) return t;
  return { ...t, fixes: { ...t.fixes, files: t.fixes.files.map((f) => ({ file: f.file, changed: f.before !== f.after })) } };
}

/**
 * Each finding with its fingerprint (SARIF's), so a later --baseline matches this report exactly, and its `fix`:
 * the first sentence of its rule's help (fix-hint.ts), null when the rule has none.
 */
function withFingerprints(t: Report['targets'][number], prints: ReadonlyMap<Finding, string>, hints: ReadonlyMap<string, string | null>): Report['targets'][number] {
  const printed = (f: Finding): Finding & { fingerprint?: string; fix: string | null } => {
    const fingerprint = prints.get(f);
    const fix = hints.get(f.rule_id) ?? null;
    return fingerprint === undefined ? { ...f, fix } : { ...f, fingerprint, fix };
  };
  // What --severity hid stays out of the document: the summary's severity_filter counts it.
  const { hidden: _, ...shown } = t;
  return {
    ...shown,
    findings: t.findings.map(printed),
    waived: t.waived.map((w) => ({ ...w, finding: printed(w.finding) })),
    ...(t.declared_public ? { declared_public: t.declared_public.map((s) => ({ ...s, finding: printed(s.finding) })) } : {}),
  };
}

/** Where the targets go in the document: replaced by the targets themselves, one at a time (writeJson). */
const TARGETS_HOLE = '"targets": "\\u0000targets"';

/** Stable JSON: findings, waived findings and errors per target, plus a summary. */
export function toJson(report: Report): string {
  const parts: string[] = [];
  writeJson(report, (chunk) => parts.push(chunk));
  return parts.join('');
}

/**
 * The same document as toJson, handed to `write` in pieces, one target at a time: a fleet's report is larger
 * than one string may be (10,000 hosts, ≈ 600 MB with their facts), and only one target's text is held at once.
 */
export function writeJson(report: Report, write: (chunk: string) => void): void {
  const totals = emptyTotals();
  for (const t of report.targets) addTotals(totals, t);
  const hints = fixHints(report.rules);
  writeJsonDocument(
    report,
    totals,
    (each) => {
      for (const t of report.targets) each(targetText(t, hints));
    },
    write,
  );
}

/**
 * A target's text in the document. JSON.stringify(x, null, 2) nested two levels deep: every line indented by
 * four more spaces (strings hold no raw newline). A target's fingerprints alone: the identity holds the target,
 * so they number as over the whole report, and no map of a whole fleet's findings is held while writing
 * (10,000 hosts: 37 MB).
 */
function targetText(t: Report['targets'][number], hints: ReadonlyMap<string, string | null>): string {
  const prints = reportFingerprints({ targets: [t] });
  return JSON.stringify(shownTarget(t, prints, hints), null, 2).replaceAll('\n', '\n    ');
}

/** The document from everything but the targets, their totals, and their texts (targetText) in order. */
function writeJsonDocument(report: Omit<Report, 'targets'>, totals: JsonTotals, targets: (each: (text: string) => void) => void, write: (chunk: string) => void): void {
  const doc = {
    schema: 'rsyncguard/report@1',
    tool: report.tool,
    summary: {
      targets: totals.targets + report.errors.length,
      errors: report.errors.length,
      findings: totals.findings,
      waived: totals.waived,
      /** Left out because their module is a read-only module declared public (each target's `declared_public`). */
      declared_public: totals.declaredPublic,
      expired_waivers: report.expired_waivers.length,
      /** `public:` entries of .rsyncguard.yaml that matched no module (`unused_public`). */
      unused_public: report.unused_public?.length ?? 0,
      /** Waivers that selected nothing in this run (`unused_waivers`). */
      unused_waivers: report.unused_waivers?.length ?? 0,
      /** PATHs given that held no rsyncd config (`empty_paths`). */
      empty_paths: report.empty_paths?.length ?? 0,
      /** --baseline: findings new, updated and unchanged since it, and its findings gone (`baseline.absent`). */
      ...(report.baseline ? { baseline: report.baseline.counts } : {}),
      /** --severity: the severities shown, and how many findings of the others were left out. */
      ...(report.severity_filter ? { severity_filter: report.severity_filter } : {}),
    },
    targets: '\u0000targets',
    errors: report.errors,
    expired_waivers: report.expired_waivers,
    unused_public: report.unused_public ?? [],
    unused_waivers: report.unused_waivers ?? [],
    empty_paths: report.empty_paths ?? [],
    rules: reportedRules(report.rules, totals.ruleIds),
    ...(report.compliance ? { compliance: report.compliance } : {}),
    ...(report.baseline ? { baseline: report.baseline } : {}),
  };
  const whole = `${JSON.stringify(doc, null, 2)}\n`;
  // The hole comes before any text from a target (only the tool and the summary precede it): the first one is it.
  const at = whole.indexOf(TARGETS_HOLE);
  write(`${whole.slice(0, at)}"targets": [`);
  let n = 0;
  targets((text) => write(`${n++ === 0 ? '' : ','}\n    ${text}`));
  write(n === 0 ? ']' : '\n  ]');
  write(whole.slice(at + TARGETS_HOLE.length));
}

/** The JSON report written as the targets come (stream.ts): each target's text spooled, the totals kept. */
export class JsonStream implements ReportStream {
  private readonly totals = emptyTotals();
  private readonly errors: TargetError[] = [];
  private readonly hints: ReadonlyMap<string, string | null>;
  private readonly spool: Spool;

  constructor(
    private readonly head: ReportHead,
    spool: SpoolFactory,
  ) {
    this.hints = fixHints(head.rules);
    this.spool = spool();
  }

  target(t: Report['targets'][number]): void {
    addTotals(this.totals, t);
    this.spool.add(targetText(t, this.hints));
  }

  error(e: TargetError): void {
    this.errors.push(e);
  }

  end(tail: ReportTail, write: (chunk: string) => void): void {
    writeJsonDocument({ ...this.head, errors: this.errors, ...tail }, this.totals, (each) => this.spool.forEach(each), write);
  }

  close(): void {
    this.spool.close();
  }
}
