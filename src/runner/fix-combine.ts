/**
 * The one loop that turns a target's plan into verified fixes, for every kind of target: candidates are
 * accepted one by one on top of the fixes already accepted (edits kept in the original's line numbers,
 * fix-edits.ts), each judged by judgeChange against the state before it; a candidate whose lines another fix
 * changed is re-planned on the combined text (up to ROUNDS) and mapped back; finally every accepted fix
 * together is judged against the target as it was. Only how a target is parsed again differs (a ScanRoot
 * overlay for repositories, the collected document for hosts): that is the caller's `evaluate`.
 */
import type { Severity } from '../engine/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import { planFixes, type FixCandidate, type LineEdit, type RejectedFix, type TargetFixes, type VerifiedFix } from '../fix/index.ts';
import type { TargetReport } from '../report/index.ts';
import { applyAll, combineEdits, foldEdits, rebaseEdits } from './fix-edits.ts';
import { factsOf, identityOf, judgeChange, type EvaluatedState, type FixClaim } from './fix-verify.ts';

export interface CombineInput {
  /** The target as the run evaluated it (its findings are what is planned: waived and declared-public ones never are). */
  entry: TargetReport;
  /** Display path → text of every file this config reads (the only files an edit may touch). */
  originals: ReadonlyMap<string, string>;
  /** `--rules`: only these rules are fixed. */
  rules?: ReadonlySet<string>;
  /** The run's other targets' facts: the planner never edits a line they read too (planFixes `others`). */
  others?: readonly FactsDocument[];
  /** Parse the config again with these files' texts instead (every other file as it was) and evaluate it with the run's engines. */
  evaluate(texts: ReadonlyMap<string, string>): Promise<EvaluatedState>;
  /** Before any re-parse: why these edits cannot be made here (a file outside the scan root), or null. */
  preflight?(edits: readonly LineEdit[]): string | null;
  /** Called once there is something to verify; may return the state to compare the first candidate with (e.g. the narrowed parse). */
  prepare?(): Promise<EvaluatedState | undefined>;
}

/** Re-planning on the combined text, for fixes whose lines another fix changed, stops after this many rounds. */
export const ROUNDS = 3;

const OVERLAP = 'it changes a line another fix already changes; apply the other fixes and run fix again';

/**
 * Each verification parses and evaluates the whole configuration again, and a config has a few candidates
 * per module: verifying all of them costs modules², minutes for a few hundred modules (issue 20). A target
 * gets this many module-evaluations (a 100-module config 200 verifications, a 400-module one 50); the
 * candidates past it are rejected as not verified, never shown unverified.
 */
export const VERIFY_BUDGET = 20_000;
const MIN_VERIFICATIONS = 20;

/** The verifications a target of `modules` modules gets. */
export function verificationsFor(modules: number): number {
  return Math.max(MIN_VERIFICATIONS, Math.floor(VERIFY_BUDGET / Math.max(1, modules)));
}

/**
 * A candidate's identity across re-plans: the findings it fixes, the parameter and the lines it writes (not
 * where: lines move). A re-plan on the combined text that writes something else (a value in effect that an
 * accepted fix changed) is a new candidate, tried again.
 */
function candidateKey(c: FixCandidate): string {
  return JSON.stringify([c.parameter, c.fixes.map((k) => [k.rule_id, k.module, k.path, k.cves ?? []]).sort(), c.edits.map((e) => [e.file, e.lines])]);
}

/** The verified fixes of one target (TargetFixes: verified, rejected with reasons, unfixed, commands, files before/after). */
export async function combineFixes(input: CombineInput): Promise<TargetFixes> {
  return new Combiner(input).run();
}

class Combiner {
  private accepted: VerifiedFix[] = [];
  private edits: LineEdit[] = [];
  private readonly rejected = new Map<string, RejectedFix>();
  /** Rejected candidates (by candidateKey) → how many fixes were accepted when they were. */
  private readonly rejectedAt = new Map<string, number>();
  private readonly tried = new Set<string>();
  /** Findings an accepted fix raised (absent before it), by identity (identityOf): the first fix's rule ids. */
  private readonly raised = new Map<string, string[]>();
  private state: EvaluatedState;
  private current: Map<string, string>;
  private verifications = 0;
  private readonly maxVerifications: number;
  private readonly modules: number;
  /** The identities (identityOf) of the findings the run reported: fixed per target, asked per accepted fix. */
  private readonly reported: ReadonlySet<string>;

  constructor(private readonly input: CombineInput) {
    this.state = { report: input.entry, errors: [] };
    this.current = new Map(input.originals);
    this.modules = factsOf(input.entry).config.modules.length;
    this.maxVerifications = verificationsFor(this.modules);
    this.reported = new Set(input.entry.findings.map(identityOf));
  }

  async run(): Promise<TargetFixes> {
    const { entry, originals } = this.input;
    const rules = { ...(this.input.rules ? { rules: this.input.rules } : {}), ...(this.input.others ? { others: this.input.others } : {}) };
    const first = planFixes(factsOf(entry), entry.findings, originals, rules);
    const fixes: TargetFixes = { target: entry.target, verified: [], rejected: [], unfixed: first.unfixed, commands: first.commands, files: [] };
    if (first.candidates.length === 0) return fixes;
    this.state = (await this.input.prepare?.()) ?? this.state;
    let deferred: FixCandidate[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const now = this.state.report ?? entry;
      const plan = round === 1 ? first : planFixes(factsOf(now), now.findings, this.current, rules);
      const acceptedBefore = this.accepted.length;
      deferred = [];
      for (const c of plan.candidates) {
        if (this.settled(c)) continue;
        const edits = round === 1 ? c.edits : rebaseEdits(c.edits, this.edits, originals);
        const combined = edits === null ? null : combineEdits(this.edits, edits);
        if (edits !== null && combined !== null) {
          await this.attempt(c, edits, combined);
          continue;
        }
        if (round === 1) {
          deferred.push(c);
          continue;
        }
        // A second fix of lines an accepted fix wrote: the two become one fix (its edits folded into the other's).
        const folded = foldEdits(c.edits, this.edits, originals);
        const hosts = folded === null ? undefined : this.owners(folded.replaced);
        const merged =
          folded === null || hosts === undefined
            ? null
            : combineEdits(
                this.edits.filter((e) => !folded.replaced.includes(e)),
                folded.edits,
              );
        if (folded === null || hosts === undefined || merged === null) this.reject(c, OVERLAP);
        else await this.attempt(c, folded.edits, merged, hosts, folded.replaced);
      }
      // Re-planning text no fix changed gives the same plan again.
      if (this.accepted.length === acceptedBefore) break;
    }
    for (const c of deferred) if (!this.settled(c)) this.reject(c, OVERLAP);
    await this.checkCombination();
    fixes.verified = this.accepted;
    // A candidate rejected on one text whose findings a later plan fixed is not "no safe automatic fix".
    const fixed = new Set(this.accepted.flatMap((a) => a.fixes.map(identityOf)));
    fixes.rejected = [...this.rejected.values()].filter((r) => !r.candidate.fixes.every((k) => fixed.has(identityOf(k))));
    fixes.files = [...originals].filter(([file]) => this.edits.some((e) => e.file === file)).map(([file, before]) => ({ file, before, after: this.current.get(file) ?? before }));
    return fixes;
  }

  /**
   * Accepted already, or rejected with no fix accepted since: a rejection can be undone by a later fix (a CVE
   * finding another fix moves, a value another fix changes), so a rejected candidate is tried again then.
   */
  private settled(c: FixCandidate): boolean {
    const key = candidateKey(c);
    return this.tried.has(key) || this.rejectedAt.get(key) === this.accepted.length;
  }

  private reject(c: FixCandidate, reason: string): void {
    const key = candidateKey(c);
    this.rejectedAt.set(key, this.accepted.length);
    this.rejected.set(key, { candidate: c, reason });
  }

  /** The accepted fixes that wrote `edits` (each edit one fix's own); undefined when one is not a single fix's (two insertions joined). */
  private owners(edits: readonly LineEdit[]): VerifiedFix[] | undefined {
    const same = (a: LineEdit, b: LineEdit) => a.file === b.file && a.start === b.start && a.end === b.end && a.lines.join('\n') === b.lines.join('\n');
    const owners = edits.map((e) => this.accepted.find((v) => v.edits.some((x) => same(x, e))));
    return owners.some((o) => o === undefined) ? undefined : [...new Set(owners as VerifiedFix[])];
  }

  /** Verify `c` (its `edits` in original line numbers) on top of the accepted fixes; accept it when it passes. */
  private async attempt(c: FixCandidate, edits: LineEdit[], combined: LineEdit[], hosts: readonly VerifiedFix[] = [], replaced: readonly LineEdit[] = []): Promise<void> {
    // Before anything that reads the whole text: past the budget, each candidate must cost next to nothing.
    if (this.verifications >= this.maxVerifications) {
      return this.reject(c, `not verified: this configuration's ${this.modules} modules allow ${this.maxVerifications} verifications, and they were spent; apply the verified fixes and run fix again`);
    }
    const why = this.preflight(edits);
    if (why !== null) return this.reject(c, why);
    const applied = applyAll(this.input.originals, combined);
    if (!applied.ok) return this.reject(c, applied.reason);
    this.verifications++;
    const after = await this.input.evaluate(applied.texts);
    const reason = judgeChange(this.state, after, c);
    if (reason !== null) return this.reject(c, reason);
    this.tried.add(candidateKey(c));
    this.rejected.delete(candidateKey(c));
    const { follows: _merged, ...base } = merge(hosts, c, edits, replaced);
    const follows = this.followsOf(c, hosts);
    const fix: VerifiedFix = follows.length > 0 ? { ...base, follows } : base;
    this.noteRaised(after, fix.rule_ids);
    const at = hosts.length === 0 ? this.accepted.length : this.accepted.indexOf(hosts[0] as VerifiedFix);
    this.accepted = this.accepted.filter((v) => !hosts.includes(v));
    this.accepted.splice(at, 0, fix);
    this.edits = combined;
    this.state = after;
    this.current = new Map([...this.input.originals, ...applied.texts]);
  }

  /** Findings `after` has and the state before it did not: raised by the fix of `ruleIds` (a later fix of one is a follow-up). */
  private noteRaised(after: EvaluatedState, ruleIds: string[]): void {
    const before = new Set((this.state.report?.findings ?? []).map(identityOf));
    for (const f of after.report?.findings ?? []) {
      const id = identityOf(f);
      if (!before.has(id) && !this.raised.has(id)) this.raised.set(id, ruleIds);
    }
  }

  /**
   * A fix only of findings the scan never reported (accepted fixes raised them, noteRaised): the rule ids of
   * those fixes, so every format can say so; [] for a fix of a reported finding (or one merged with such a fix).
   */
  private followsOf(c: FixCandidate, hosts: readonly VerifiedFix[]): string[] {
    if (c.fixes.some((k) => this.reported.has(identityOf(k))) || hosts.some((h) => h.follows === undefined)) return [];
    const by = c.fixes.flatMap((k) => this.raised.get(identityOf(k)) ?? this.accepted.flatMap((v) => v.rule_ids));
    return [...new Set([...hosts.flatMap((h) => h.follows ?? []), ...by])].sort();
  }

  private preflight(edits: LineEdit[]): string | null {
    for (const file of new Set(edits.map((e) => e.file))) {
      if (!this.input.originals.has(file)) return `it edits ${file}, which this configuration does not read`;
      // The texts are decoded as UTF-8: writing one back would replace the bytes that are not.
      if (factsOf(this.input.entry).config.diagnostics.some((d) => d.code === 'not-utf8' && d.file === file)) return `${file} is not valid UTF-8, and rewriting it would change bytes the fix does not mean to change`;
    }
    return this.input.preflight?.(edits) ?? null;
  }

  /** Every accepted fix together, against the target as it was: otherwise none is proposed. */
  private async checkCombination(): Promise<void> {
    if (this.accepted.length < 2) return;
    const claim: FixClaim = {
      fixes: this.accepted.flatMap((c) => c.fixes),
      access: { modules: [...new Set(this.accepted.flatMap((c) => c.access.modules))], fields: [...new Set(this.accepted.flatMap((c) => c.access.fields))] },
      parameter: [...new Set(this.accepted.map((c) => c.parameter))],
    };
    // Each fix was held to its own severity on the way; together, only what rises to the worst fixed severity counts.
    const claimed = new Set(claim.fixes.map(identityOf));
    const worst = this.input.entry.findings.filter((f) => claimed.has(identityOf(f))).map((f) => f.severity);
    const floor: Severity = (['critical', 'high', 'medium', 'low'] as const).find((s) => worst.includes(s)) ?? 'low';
    const reason = judgeChange({ report: this.input.entry, errors: [] }, this.state, claim, floor);
    if (reason === null) return;
    for (const c of this.accepted) this.rejected.set(candidateKey(c), { candidate: c, reason: `together with the other fixes of this configuration: ${reason}` });
    this.accepted = [];
    this.edits = [];
    this.current = new Map(this.input.originals);
  }
}

/**
 * The verified fix `c` becomes: on its own (no `hosts`), or, when it rewrites lines accepted fixes wrote, one
 * fix with them: their edits with `replaced` swapped for the folded copies in `edits`, all findings, notes and
 * access (each VerifiedFix's edits stay apart from every other's, so the formats can apply them together).
 */
function merge(hosts: readonly VerifiedFix[], c: FixCandidate, edits: LineEdit[], replaced: readonly LineEdit[]): VerifiedFix {
  const same = (a: LineEdit, b: LineEdit) => a.file === b.file && a.start === b.start && a.end === b.end;
  const all = [...hosts, c];
  const fixes = all.flatMap((v) => v.fixes);
  return {
    ...(hosts[0] ?? c),
    fixes,
    summary: all.map((v) => v.summary).join('; '),
    notes: [...new Set(all.flatMap((v) => v.notes))],
    edits: [...hosts.flatMap((h) => h.edits.filter((e) => !replaced.some((r) => same(r, e)))), ...edits],
    access: { modules: [...new Set(all.flatMap((v) => v.access.modules))], fields: [...new Set(all.flatMap((v) => v.access.fields))] },
    rule_ids: [...new Set(fixes.map((k) => k.rule_id))].sort(),
  };
}
