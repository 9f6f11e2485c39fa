/**
 * What a rule's planner receives and returns, and the small builders every planner shares, so that each rule
 * file only decides the parameter, its value and the words.
 */
import type { Finding } from '../engine/index.ts';
import type { PlanContext, Placed } from './plan-edits.ts';
import { type AccessField, type FixCandidate, type FixCommand, findingKey, type Unfixed } from './types.ts';

export interface RuleContext extends PlanContext {
  /** Every finding of the target in this run (not only the rules asked for): which modules share a cause. */
  findings: readonly Finding[];
}

export type Outcome = { candidate: FixCandidate } | { unfixed: Unfixed } | { command: FixCommand };

/** One rule's planner: the fixes (usually one) for one finding. */
export type RulePlanner = (f: Finding, ctx: RuleContext) => Outcome[];

/** The modules (by name) that have a finding of `rule_id` in this run: a shared global line is edited only for all of them. */
export function coveredBy(ctx: RuleContext, rule_id: string): Set<string> {
  return new Set(ctx.findings.filter((f) => f.rule_id === rule_id && f.module !== null).map((f) => f.module as string));
}

export function unfixed(f: Finding, reason: string, suggestion: string | null): Outcome {
  return { unfixed: { finding: findingKey(f), reason, suggestion } };
}

export interface CandidateText {
  parameter: string;
  summary: string;
  notes: string[];
  /** The text a person would write by hand when the edit cannot be made (an Unfixed suggestion). */
  suggestion: string;
  fields: AccessField[];
}

/** A candidate from placed edits, or an Unfixed naming why no edit could be placed. */
export function fromPlaced(ctx: RuleContext, f: Finding, placed: Placed, text: CandidateText, extraKeys: Finding[] = []): Outcome {
  if ('unfixed' in placed) return unfixed(f, `no automatic fix for ${f.rule_id}: ${placed.unfixed}`, text.suggestion);
  // A rewritten `name = … # comment` line also fixes the RSYNC-009 finding there (placed.rewrote): one candidate, not two on one line.
  const at = placed.rewrote;
  const comment = at === undefined ? [] : ctx.findings.filter((g) => g.rule_id === 'RSYNC-009' && g.location?.file === at.file && g.location.line === at.line);
  return {
    candidate: {
      fixes: [f, ...extraKeys, ...comment].map(findingKey),
      parameter: text.parameter,
      summary: text.summary,
      notes: text.notes,
      edits: placed.edits,
      access: { modules: text.fields.length === 0 ? [] : placed.modules, fields: text.fields },
    },
  };
}

/** Shell-quote a path for a command line shown to a person (single quotes unless it is plain). */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
