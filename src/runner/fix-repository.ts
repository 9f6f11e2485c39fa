/**
 * The orchestrator for `fix`: the repository is scanned and evaluated as `scan` does it (same discovery,
 * engines, waivers, declared purposes); each config target's active findings are planned (src/fix), and every
 * candidate verified (fix-verify.ts) on top of the fixes already accepted, before any format may show it.
 * Waived and declared-public findings are never in `findings`, so they are never planned.
 */
import { ok, type Result } from '../common/index.ts';
import type { LineEdit, TargetFixes } from '../fix/index.ts';
import type { Report, TargetReport } from '../report/index.ts';
import { gitModes } from '../sources/index.ts';
import { evaluateAll, openEvaluation, type EvaluateOptions, type Evaluation } from './evaluate-targets.ts';
import { combineFixes } from './fix-combine.ts';
import { factsOf, judgeChange, realFile, reevaluate, type EvaluatedState } from './fix-verify.ts';
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
      opts.onEvaluated,
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
 * One config target of a repository: combineFixes with its re-parse through the scan root (an overlay of the
 * edited bytes), on the narrowest file list that parses it the same way.
 */
class TargetFixer {
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
    this.files = origin.files;
  }

  fix(): Promise<TargetFixes> {
    return combineFixes({
      entry: this.entry,
      originals: this.originals,
      ...(this.opts.rules ? { rules: this.opts.rules } : {}),
      // Every other config target of the run: a file two daemons read is edited for neither through a shared line.
      others: this.run.report.targets.filter((r) => r !== this.entry && 'config' in r.facts).map(factsOf),
      evaluate: (texts) => this.evaluate(texts),
      preflight: (edits) => this.preflight(edits),
      prepare: () => this.narrow(),
    });
  }

  /** Every edited file is a file inside the scan root (and is remembered for writeFixes). */
  private preflight(edits: readonly LineEdit[]): string | null {
    for (const file of new Set(edits.map((e) => e.file))) {
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
  private async narrow(): Promise<EvaluatedState | undefined> {
    this.modes = this.modesOf(this.origin.root);
    const own = factsOf(this.entry)
      .config.files.map((f) => realFile(this.origin, f.path))
      .filter((f): f is string => f !== null);
    if (!own.includes(this.origin.file)) return undefined;
    const probe = await reevaluate(this.ev, this.origin, own, { modes: this.modes }, this.opts);
    this.run.verifications++;
    if (probe.report === null || probe.errors.length > 0) return undefined;
    const whole: EvaluatedState = { report: this.entry, errors: [] };
    const none = { fixes: [], access: { modules: [], fields: [] } };
    const same = judgeChange(whole, probe, none, 'low') === null && judgeChange(probe, whole, none, 'low') === null;
    const counts = (r: TargetReport) => JSON.stringify([r.findings.length, r.waived.length, (r.declared_public ?? []).length]);
    if (!same || counts(probe.report) !== counts(this.entry)) return undefined;
    this.files = own;
    return probe;
  }
}
