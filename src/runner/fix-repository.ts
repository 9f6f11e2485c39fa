/**
 * The orchestrator for `fix`: the repository is scanned and evaluated as `scan` does it (same discovery,
 * engines, waivers, declared purposes); each config target's active findings are planned (src/fix), and every
 * candidate verified (fix-verify.ts) on top of the fixes already accepted, before any format may show it.
 * Waived and declared-public findings are never in `findings`, so they are never planned.
 */
import { ok, type Result } from '../common/index.ts';
import type { Severity } from '../engine/index.ts';
import { planFixes, sameFinding, type FixCandidate, type LineEdit, type RejectedFix, type TargetFixes, type VerifiedFix } from '../fix/index.ts';
import type { Report, TargetReport } from '../report/index.ts';
import { gitModes } from '../sources/index.ts';
import { evaluateAll, openEvaluation, type EvaluateOptions, type Evaluation } from './evaluate-targets.ts';
import { applyAll, combineEdits, rebaseEdits } from './fix-edits.ts';
import { factsOf, judgeChange, realFile, reevaluate, type EvaluatedState, type FixClaim } from './fix-verify.ts';
import { repositoryTargets, type ConfigOrigin, type ScanOptions } from './scan-repository.ts';

export interface FixOptions extends ScanOptions, Omit<EvaluateOptions, 'onTiming'> {
  /** `--rules`: only findings of these rules are fixed (all when absent). */
  rules?: ReadonlySet<string>;
  onTiming?: (stage: string, ms: number) => void;
}

/** Where a display path of the run is on disk: its scan root and real path (for writeFixes). */
export interface FixFile {
  root: string;
  real: string;
}

export interface FixRun {
  /** Like scan's report; each config target's TargetReport.fixes filled. */
  report: Report;
  /** Every file the facts point into, by display path (the texts before any fix). */
  texts: Map<string, string>;
  /** The files fixes edit, by display path. */
  files: Map<string, FixFile>;
  /** How many candidates were verified (one re-parse and re-evaluation each). */
  verifications: number;
}

/** Re-planning on the combined text, for fixes whose lines another fix changed, stops after this many rounds. */
const ROUNDS = 3;

export async function fixRepository(paths: string[], opts: FixOptions): Promise<Result<FixRun>> {
  let t = performance.now();
  const targets = [...repositoryTargets(paths, opts)];
  opts.onTiming?.('discover, read, parse, facts', performance.now() - t);
  const texts = new Map<string, string>();
  for (const s of targets) for (const [p, text] of s.texts) texts.set(p, text);
  const ev = await openEvaluation({ ...opts, onTiming: (stage, ms) => opts.onTiming?.(stage, ms) });
  if (!ev.ok) return ev;
  try {
    t = performance.now();
    const report = await evaluateAll(
      ev.value,
      targets.map((s) => s.target),
    );
    opts.onTiming?.('evaluate', performance.now() - t);
    t = performance.now();
    const run: FixRun = { report, texts, files: new Map(), verifications: 0 };
    // git is asked once per scan root, and only when a target there has something to verify.
    const modes = new Map<string, Map<string, number>>();
    const modesOf = (root: string) => modes.get(root) ?? modes.set(root, gitModes(root)).get(root) ?? new Map<string, number>();
    for (const s of targets) {
      if (!('schema' in s.target) || s.origin === undefined) continue;
      const id = s.target.target.id;
      const entry = report.targets.find((r) => r.target === id);
      if (entry === undefined) continue;
      const fixer = new TargetFixer(ev.value, s.origin, entry, new Map(s.texts), opts, run, modesOf);
      entry.fixes = await fixer.fix();
    }
    opts.onTiming?.(`plan and verify (${run.verifications} verifications)`, performance.now() - t);
    return ok(run);
  } finally {
    ev.value.close();
  }
}

/**
 * A candidate's identity across re-plans: the findings it fixes, the parameter and the lines it writes (not
 * where: lines move). A re-plan on the combined text that writes something else (a value in effect that an
 * accepted fix changed) is a new candidate, tried again.
 */
function candidateKey(c: FixCandidate): string {
  return JSON.stringify([c.parameter, c.fixes.map((k) => [k.rule_id, k.module, k.path, k.cves ?? []]).sort(), c.edits.map((e) => [e.file, e.lines])]);
}

/** The fixes of one config target: accepted one by one, each verified on the combination so far. */
class TargetFixer {
  private accepted: VerifiedFix[] = [];
  private edits: LineEdit[] = [];
  private readonly rejected: RejectedFix[] = [];
  private readonly tried = new Set<string>();
  private state: EvaluatedState;
  private current: Map<string, string>;
  private files: string[];
  /** The root's git modes, read once for every re-parse of this target. */
  private modes = new Map<string, number>();

  constructor(
    private readonly ev: Evaluation,
    private readonly origin: ConfigOrigin,
    private readonly entry: TargetReport,
    private readonly originals: Map<string, string>,
    private readonly opts: FixOptions,
    private readonly run: FixRun,
    private readonly modesOf: (root: string) => Map<string, number>,
  ) {
    this.state = { report: entry, errors: [] };
    this.current = new Map(originals);
    this.files = origin.files;
  }

  async fix(): Promise<TargetFixes> {
    const first = planFixes(factsOf(this.entry), this.entry.findings, this.originals, this.optsRules());
    const fixes: TargetFixes = { target: this.entry.target, verified: [], rejected: [], unfixed: first.unfixed, commands: first.commands, files: [] };
    if (first.candidates.length === 0) return fixes;
    this.modes = this.modesOf(this.origin.root);
    await this.narrow();
    let deferred: FixCandidate[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const plan = round === 1 ? first : planFixes(factsOf(this.stateReport()), this.stateReport().findings, this.current, this.optsRules());
      const acceptedBefore = this.accepted.length;
      deferred = [];
      for (const c of plan.candidates) {
        if (this.tried.has(candidateKey(c))) continue;
        const edits = round === 1 ? c.edits : rebaseEdits(c.edits, this.edits, this.originals);
        const combined = edits === null ? null : combineEdits(this.edits, edits);
        if (edits === null || combined === null) {
          if (round === 1) deferred.push(c);
          else this.reject(c, 'it changes a line another fix already changes; apply the other fixes and run fix again');
          continue;
        }
        await this.attempt(c, edits, combined);
      }
      // Re-planning text no fix changed gives the same plan again.
      if (this.accepted.length === acceptedBefore) break;
    }
    for (const c of deferred) this.reject(c, 'it changes a line another fix already changes; apply the other fixes and run fix again');
    await this.checkCombination();
    fixes.verified = this.accepted;
    // A candidate rejected on one text whose findings a later plan fixed is not "no safe automatic fix".
    fixes.rejected = this.rejected.filter((r) => !r.candidate.fixes.every((k) => this.accepted.some((a) => a.fixes.some((x) => sameFinding(x, k)))));
    fixes.files = [...this.originals].filter(([file]) => this.edits.some((e) => e.file === file)).map(([file, before]) => ({ file, before, after: this.current.get(file) ?? before }));
    return fixes;
  }

  private optsRules(): { rules?: ReadonlySet<string> } {
    return this.opts.rules ? { rules: this.opts.rules } : {};
  }

  private stateReport(): TargetReport {
    return this.state.report ?? this.entry;
  }

  private reject(c: FixCandidate, reason: string): void {
    this.tried.add(candidateKey(c));
    this.rejected.push({ candidate: c, reason });
  }

  /** Verify `c` (its `edits` in original line numbers) on top of the accepted fixes; accept it when it passes. */
  private async attempt(c: FixCandidate, edits: LineEdit[], combined: LineEdit[]): Promise<void> {
    const why = this.preflight(edits);
    if (why !== null) return this.reject(c, why);
    const applied = applyAll(this.originals, combined);
    if (!applied.ok) return this.reject(c, applied.reason);
    const after = await this.evaluate(applied.texts);
    const reason = judgeChange(this.state, after, c);
    if (reason !== null) return this.reject(c, reason);
    this.tried.add(candidateKey(c));
    this.accepted.push({ ...c, edits, rule_ids: [...new Set(c.fixes.map((k) => k.rule_id))].sort() });
    this.edits = combined;
    this.state = after;
    this.current = new Map([...this.originals, ...applied.texts]);
  }

  /** Edits only files of this config that can be rewritten byte for byte; null when they all can. */
  private preflight(edits: LineEdit[]): string | null {
    for (const file of new Set(edits.map((e) => e.file))) {
      if (!this.originals.has(file)) return `it edits ${file}, which this configuration does not read`;
      // The texts are decoded as UTF-8: writing one back would replace the bytes that are not.
      if (factsOf(this.entry).config.diagnostics.some((d) => d.code === 'not-utf8' && d.file === file)) return `${file} is not valid UTF-8, and rewriting it would change bytes the fix does not mean to change`;
      const real = realFile(this.origin, file);
      if (real === null) return `${file} is not a file inside the scan root`;
      this.run.files.set(file, { root: this.origin.root, real });
    }
    return null;
  }

  private async evaluate(texts: ReadonlyMap<string, string>): Promise<EvaluatedState> {
    const overlay = new Map<string, Uint8Array>();
    for (const [file, text] of texts) {
      const real = this.run.files.get(file)?.real;
      if (real !== undefined) overlay.set(real, Buffer.from(text, 'utf8'));
    }
    this.run.verifications++;
    return reevaluate(this.ev, this.origin, this.files, { overlay, modes: this.modes }, this.opts);
  }

  /**
   * Parse the config with only its own files when that gives the very findings and notes of the whole
   * root's parse (it nearly always does): each verification then reads a handful of files, not the repository.
   */
  private async narrow(): Promise<void> {
    const own = factsOf(this.entry)
      .config.files.map((f) => realFile(this.origin, f.path))
      .filter((f): f is string => f !== null);
    if (!own.includes(this.origin.file)) return;
    const probe = await reevaluate(this.ev, this.origin, own, { modes: this.modes }, this.opts);
    this.run.verifications++;
    if (probe.report === null || probe.errors.length > 0) return;
    const same = judgeChange(this.state, probe, { fixes: [], access: { modules: [], fields: [] } }, 'low') === null && judgeChange(probe, this.state, { fixes: [], access: { modules: [], fields: [] } }, 'low') === null;
    const keys = (r: TargetReport) => JSON.stringify([r.findings.length, r.waived.length, (r.declared_public ?? []).length]);
    if (same && keys(probe.report) === keys(this.entry)) {
      this.files = own;
      this.state = probe;
    }
  }

  /** Every accepted fix together, against the target as it was: otherwise none is proposed. */
  private async checkCombination(): Promise<void> {
    if (this.accepted.length < 2) return;
    const claim: FixClaim = {
      fixes: this.accepted.flatMap((c) => c.fixes),
      access: { modules: [...new Set(this.accepted.flatMap((c) => c.access.modules))], fields: [...new Set(this.accepted.flatMap((c) => c.access.fields))] },
    };
    const worst = this.entry.findings.filter((f) => claim.fixes.some((k) => k.rule_id === f.rule_id)).map((f) => f.severity);
    const floor: Severity = (['critical', 'high', 'medium', 'low'] as const).find((s) => worst.includes(s)) ?? 'low';
    const reason = judgeChange({ report: this.entry, errors: [] }, this.state, claim, floor);
    if (reason === null) return;
    for (const c of this.accepted) this.rejected.push({ candidate: c, reason: `together with the other fixes of this configuration: ${reason}` });
    this.accepted = [];
    this.edits = [];
    this.current = new Map(this.originals);
  }
}
