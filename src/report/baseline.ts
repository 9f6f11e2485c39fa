/**
 * A run compared with an earlier report (`--baseline FILE`, issue 17): a pure function from this run's
 * report and the baseline's findings to the same report with `baseline_state` on each finding and
 * `Report.baseline` (counts, and the findings gone since). Matching is by fingerprint — the logical identity
 * SARIF uses (sarif-identity.ts `identityOf`), never a line — first the one the
 * baseline stored, then the one recomputed from its fields (an older JSON report stored none).
 */
import type { Location } from '../common/index.ts';
import type { Finding, Severity } from '../engine/index.ts';
import type { AbsentFinding, BaselineComparison } from './baseline-model.ts';
import { comparableMessage } from './baseline-message.ts';
import { reportFingerprints } from './baseline-identity.ts';
import { baselineRebase, notEvaluatedInBaseline, notEvaluatedNow, unrenamedFromHere } from './baseline-scope.ts';
import type { Report, TargetReport } from './model.ts';
import { anchorOf, fingerprints } from './sarif-identity.ts';

/** One finding of the baseline file, as src/runner/baseline.ts read and validated it. */
export interface BaselineFinding {
  rule_id: string;
  title: string;
  severity: Severity;
  /** null where the file does not say (an older SARIF log): then only the severity can make it `updated`. */
  message: string | null;
  target: string;
  module: string | null;
  path: string;
  location: Location | null;
  cves?: string[];
  /** The secrets entry it is about (Finding.entry), when the file says: part of the recomputed identity. */
  entry?: string;
  /** The fingerprint the file stored, when it did. */
  fingerprint: string | null;
  /** Reported in the baseline run; waived and declared-public findings only keep the numbering. */
  reported: boolean;
}

export interface Baseline {
  /** The file as the user named it. */
  source: string;
  findings: BaselineFinding[];
  /** Targets the baseline run could not evaluate (its `errors`, its SARIF target-error notifications). */
  errors?: string[];
}

/**
 * The baseline with its repository names rewritten to this run's (the same files scanned from another
 * directory); `elsewhere`: the findings the rewrite left alone, with where their file is from here (`../b/x`).
 */
function rebased(report: Report, baseline: Baseline): { findings: BaselineFinding[]; rebased: boolean; elsewhere: Map<BaselineFinding, string> } {
  const rebase = baselineRebase(
    report.targets.map((t) => t.target),
    baseline.findings.map((b) => b.target),
  );
  const elsewhere = new Map<BaselineFinding, string>();
  if (rebase === null) return { findings: baseline.findings, rebased: false, elsewhere };
  const { rename } = rebase;
  const findings = baseline.findings.map((b) => {
    const target = rename(b.target);
    if (target === b.target) {
      elsewhere.set(b, unrenamedFromHere(b.target, rebase));
      return b;
    }
    // The stored fingerprint was made from the old names: only the recomputed one can match.
    return { ...b, target, location: b.location ? { ...b.location, file: rename(b.location.file) } : null, fingerprint: null };
  });
  return { findings, rebased: true, elsewhere };
}

/** The fingerprint recomputed from each baseline finding's fields, as this version computes them. */
function recomputed(findings: readonly BaselineFinding[]): Map<BaselineFinding, string> {
  const asFinding = new Map<Finding, BaselineFinding>();
  for (const b of findings) {
    const f: Finding = {
      rule_id: b.rule_id,
      title: b.title,
      severity: b.severity,
      context: null,
      message: b.message ?? '',
      target: b.target,
      module: b.module,
      path: b.path,
      location: b.location,
      ...(b.cves ? { cves: b.cves } : {}),
      ...(b.entry ? { entry: b.entry } : {}),
    };
    asFinding.set(f, b);
  }
  const prints = fingerprints([...asFinding.keys()], (f) => anchorOf(f).file);
  return new Map(
    [...prints].flatMap(([f, p]) => {
      const b = asFinding.get(f);
      return b ? [[b, p] as const] : [];
    }),
  );
}

/** Baseline findings by fingerprint, each taken at most once. */
class Pool {
  private readonly byStored = new Map<string, BaselineFinding>();
  private readonly byRecomputed = new Map<string, BaselineFinding>();
  readonly taken = new Set<BaselineFinding>();
  constructor(findings: readonly BaselineFinding[]) {
    const again = recomputed(findings);
    for (const b of findings) {
      if (b.fingerprint !== null && !this.byStored.has(b.fingerprint)) this.byStored.set(b.fingerprint, b);
      const r = again.get(b);
      if (r !== undefined && !this.byRecomputed.has(r)) this.byRecomputed.set(r, b);
    }
  }
  take(print: string, accept: (b: BaselineFinding) => boolean): BaselineFinding | undefined {
    for (const b of [this.byStored.get(print), this.byRecomputed.get(print)]) {
      if (b !== undefined && !this.taken.has(b) && accept(b)) {
        this.taken.add(b);
        return b;
      }
    }
    return undefined;
  }
}

function stateOf(f: Finding, b: BaselineFinding | undefined): 'new' | 'unchanged' | 'updated' {
  if (b === undefined) return 'new';
  return b.severity !== f.severity || (b.message !== null && comparableMessage(b.message, b.cves) !== comparableMessage(f.message, f.cves)) ? 'updated' : 'unchanged';
}

function absent(b: BaselineFinding, print: string): AbsentFinding {
  return {
    rule_id: b.rule_id,
    title: b.title,
    severity: b.severity,
    message: b.message ?? b.title,
    target: b.target,
    module: b.module,
    path: b.path,
    location: b.location,
    ...(b.cves ? { cves: b.cves } : {}),
    ...(b.entry ? { entry: b.entry } : {}),
    fingerprint: print,
  };
}

/**
 * `scanned`: for a repository scan, whether a file the baseline names was within this run (sources'
 * scanScope). A finding in a file left out by --exclude or outside the paths given is not fixed.
 */
export function compareWithBaseline(report: Report, baseline: Baseline, scanned?: (target: string) => boolean): Report {
  return compare(report, baseline, true, scanned);
}

function compare(report: Report, given: Baseline, rename: boolean, scanned: ((target: string) => boolean) | undefined): Report {
  const prints = reportFingerprints(report);
  const renamed = rename ? rebased(report, given) : { findings: given.findings, rebased: false, elsewhere: new Map<BaselineFinding, string>() };
  const baseline: Baseline = { ...given, findings: renamed.findings };
  const pool = new Pool(baseline.findings);
  // A finding on a target the baseline could not evaluate stays `new` (nothing proves it was known), counted apart.
  const unjudgedThen = notEvaluatedInBaseline(baseline.errors ?? []);
  let newWhereNotEvaluated = 0;
  const counts = { new: 0, unchanged: 0, updated: 0, absent: 0 };
  const mark = (f: Finding, onlyReported: boolean): Finding => {
    const print = prints.get(f);
    const b = print === undefined ? undefined : pool.take(print, (x) => !onlyReported || x.reported);
    return { ...f, baseline_state: stateOf(f, b) };
  };
  // Reported findings first, against what the baseline reported: one waived then and reported now is new.
  const reported = new Map<TargetReport, Finding[]>();
  for (const t of report.targets) {
    const marked = t.findings.map((f) => mark(f, true));
    for (const f of marked) {
      counts[f.baseline_state ?? 'new'] += 1;
      if (f.baseline_state === 'new' && unjudgedThen(f.target)) newWhereNotEvaluated += 1;
    }
    reported.set(t, marked);
  }
  // A finding waived now that the baseline reported is not fixed: it is taken here so it is not `absent`.
  const targets = report.targets.map((t) => ({
    ...t,
    findings: reported.get(t) ?? t.findings,
    waived: t.waived.map((w) => ({ ...w, finding: mark(w.finding, false) })),
    ...(t.declared_public ? { declared_public: t.declared_public.map((s) => ({ ...s, finding: mark(s.finding, false) })) } : {}),
  }));
  // A target that could not be evaluated this time says nothing about its baseline findings: neither fixed nor still there.
  const unevaluated = notEvaluatedNow(
    report.errors,
    report.targets.map((t) => t.target),
    baseline.findings.map((b) => b.target),
  );
  const again = recomputed(baseline.findings);
  const gone: AbsentFinding[] = [];
  let unknown = 0;
  let leftOut = 0;
  // A target of this run was scanned, wherever it lies (a secrets file under --root, outside every PATH).
  const targetsNow = new Set(report.targets.map((t) => t.target));
  for (const b of baseline.findings) {
    if (!b.reported || pool.taken.has(b)) continue;
    if (unevaluated(b.target)) {
      unknown += 1;
      continue;
    }
    // A name the rebase left alone is a file above this run's directory: looked for there (`../b/x`).
    if (scanned !== undefined && !targetsNow.has(b.target) && !scanned(renamed.elsewhere.get(b) ?? b.target)) {
      leftOut += 1;
      continue;
    }
    gone.push(absent(b, b.fingerprint ?? again.get(b) ?? ''));
  }
  counts.absent = gone.length;
  // Names that only looked alike (another directory's `x/rsyncd.conf`): a rewrite that matched nothing is undone.
  if (renamed.rebased && counts.unchanged + counts.updated === 0) return compare(report, given, false, scanned);
  const shared = new Set(baseline.findings.map((b) => b.target));
  const disjoint = baseline.findings.length > 0 && report.targets.length > 0 && !report.targets.some((t) => shared.has(t.target));
  const comparison: BaselineComparison = {
    source: baseline.source,
    counts,
    absent: gone,
    ...(unknown > 0 ? { not_evaluated: unknown } : {}),
    ...(leftOut > 0 ? { not_scanned: leftOut } : {}),
    ...(newWhereNotEvaluated > 0 ? { new_not_evaluated_in_baseline: newWhereNotEvaluated } : {}),
    ...(renamed.rebased ? { renamed: true } : {}),
    ...(disjoint ? { no_shared_target: true } : {}),
  };
  return { ...report, targets, baseline: comparison };
}
