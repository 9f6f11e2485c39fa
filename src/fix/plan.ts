/**
 * planFixes: each finding of a target to its fix, through the planner of its rule (src/fix/rules/*.ts).
 * Nothing here is verified yet: the runner re-parses and re-evaluates every candidate (src/runner/fix*.ts).
 * The plan is deterministic (same facts, findings and texts → same edits in the same order), so a finding
 * planned twice, or re-planned on the evolving text, gives identical edits.
 */
import type { Finding } from '../engine/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import type { Outcome, RuleContext, RulePlanner } from './plan-types.ts';
import { unfixed } from './plan-types.ts';
import { unfixedText } from './plan-unfixed.ts';
import { editShowability, UNQUOTABLE_REASON } from './quotable.ts';
import { ACCESS_PLANNERS } from './rules/access.ts';
import { AUTH_PLANNERS } from './rules/auth.ts';
import { CONFINEMENT_PLANNERS } from './rules/confinement.ts';
import { LOGGING_PLANNERS } from './rules/logging.ts';
import { VALUE_PLANNERS } from './rules/values.ts';
import { planMitigations, VERSION_PLANNERS } from './rules/versions.ts';
import { type FixCandidate, type FixCommand, type FixPlan, type LineEdit, sameFinding, type Unfixed } from './types.ts';

const PLANNERS: Readonly<Record<string, RulePlanner>> = {
  ...ACCESS_PLANNERS,
  ...AUTH_PLANNERS,
  ...CONFINEMENT_PLANNERS,
  ...LOGGING_PLANNERS,
  ...VALUE_PLANNERS,
  ...VERSION_PLANNERS,
};

/** The rules with an automatic fix (a finding of any other rule is listed as Unfixed). */
export function fixableRules(): string[] {
  return Object.keys(PLANNERS).sort();
}

/** `others`: the facts of the run's other targets, so a line they read too (a shared `&merge` file) is not edited for this one. */
export function planFixes(doc: FactsDocument, findings: Finding[], texts: ReadonlyMap<string, string>, opts?: { rules?: ReadonlySet<string>; others?: readonly FactsDocument[] }): FixPlan {
  const ctx: RuleContext = { doc, texts, findings, ...(opts?.others ? { others: opts.others } : {}) };
  const wanted = findings.filter((f) => opts?.rules === undefined || opts.rules.has(f.rule_id));
  const outcomes: Outcome[] = [];
  // The CVE mitigations of a target are planned together: several CVEs refuse options on the same lines.
  const cve = (f: Finding): boolean => f.rule_id === 'RSYNC-071' || f.rule_id === 'RSYNC-072';
  for (const f of wanted) {
    if (cve(f)) continue;
    const planner = PLANNERS[f.rule_id];
    if (planner === undefined) {
      const t = unfixedText(f);
      outcomes.push(unfixed(f, t.reason, t.suggestion));
      continue;
    }
    try {
      outcomes.push(...planner(f, ctx));
    } catch (e) {
      // A planner bug must not lose the other fixes: the finding is listed, with what went wrong.
      outcomes.push(unfixed(f, `no automatic fix for ${f.rule_id}: planning failed (${e instanceof Error ? e.message : String(e)})`, null));
    }
  }
  const cves = wanted.filter(cve);
  if (cves.length > 0) {
    try {
      outcomes.push(...planMitigations(cves, ctx));
    } catch (e) {
      for (const f of cves) outcomes.push(unfixed(f, `no automatic fix for ${f.rule_id}: planning failed (${e instanceof Error ? e.message : String(e)})`, null));
    }
  }
  return quotedOnly(merge(outcomes), texts);
}

/**
 * Every format shows a fix's lines and their neighbours (diff context, suggestion anchors, Ansible anchors):
 * a candidate that would show a line that could hold a password is not proposed, whichever rule planned it.
 * Decided here, where every target kind and every re-plan passes, so no format needs to drop a fix on its own.
 */
function quotedOnly(plan: FixPlan, texts: ReadonlyMap<string, string>): FixPlan {
  const judges = new Map<string, (e: LineEdit) => boolean>();
  const showable = (e: LineEdit): boolean => {
    const text = texts.get(e.file);
    // A file not available is the runner's to refuse (preflight), with its own reason.
    if (text === undefined) return true;
    const judge = judges.get(e.file) ?? editShowability(text);
    judges.set(e.file, judge);
    return judge(e);
  };
  const shown = new Set(plan.candidates.filter((c) => c.edits.every(showable)));
  const candidates = plan.candidates.filter((c) => shown.has(c));
  const unfixedList = [...plan.unfixed];
  for (const c of plan.candidates.filter((x) => !shown.has(x))) {
    for (const k of c.fixes) {
      if (candidates.some((o) => o.fixes.some((x) => sameFinding(x, k))) || unfixedList.some((u) => sameFinding(u.finding, k))) continue;
      // No suggestion: the planned text could carry the very value that must not be quoted.
      unfixedList.push({ finding: k, reason: `no automatic fix for ${k.rule_id}: ${UNQUOTABLE_REASON}`, suggestion: null });
    }
  }
  return { candidates, unfixed: unfixedList, commands: plan.commands };
}

/**
 * One candidate per distinct edit set: a global line fixed for several modules is planned once per module
 * finding, and becomes one candidate fixing all of them. Unfixed entries and commands are kept once per finding.
 */
function merge(outcomes: Outcome[]): FixPlan {
  const byEdits = new Map<string, FixCandidate>();
  const unfixedList: Unfixed[] = [];
  const commands: FixCommand[] = [];
  for (const o of outcomes) {
    if ('candidate' in o) {
      const c = o.candidate;
      const key = JSON.stringify([c.parameter, c.edits]);
      const seen = byEdits.get(key);
      if (seen === undefined) {
        byEdits.set(key, { ...c, fixes: [...c.fixes], notes: [...c.notes], access: { modules: [...c.access.modules], fields: [...c.access.fields] } });
        continue;
      }
      for (const k of c.fixes) if (!seen.fixes.some((s) => sameFinding(s, k))) seen.fixes.push(k);
      for (const n of c.notes) if (!seen.notes.includes(n)) seen.notes.push(n);
      seen.access.modules = [...new Set([...seen.access.modules, ...c.access.modules])].sort();
      seen.access.fields = [...new Set([...seen.access.fields, ...c.access.fields])].sort();
    } else if ('unfixed' in o) {
      if (!unfixedList.some((u) => sameFinding(u.finding, o.unfixed.finding))) unfixedList.push(o.unfixed);
    } else if (!commands.some((c) => c.command === o.command.command && sameFinding(c.finding, o.command.finding))) {
      commands.push(o.command);
    }
  }
  // A finding both fixed by a candidate and listed as unfixed (two planners disagreeing) is only fixed.
  // A CVE mitigation goes last: it merges into values (refuse options) that other fixes of the same line tidy first.
  const mitigation = (c: FixCandidate): boolean => c.fixes.every((k) => k.rule_id === 'RSYNC-071' || k.rule_id === 'RSYNC-072');
  // A candidate whose every finding another candidate also fixes, with more findings, is left out: that one
  // rewrites the same line (a boolean with a comment that a rule's own fix rewrites, see plan-edits.ts).
  const covers = (a: FixCandidate, b: FixCandidate): boolean => a !== b && a.fixes.length > b.fixes.length && b.fixes.every((k) => a.fixes.some((x) => sameFinding(x, k)));
  const every = [...byEdits.values()];
  const all = every.filter((c) => !every.some((o) => covers(o, c)));
  const candidates = [...all.filter((c) => !mitigation(c)), ...all.filter(mitigation)];
  const fixed = (u: Unfixed): boolean => candidates.some((c) => c.fixes.some((k) => sameFinding(k, u.finding)));
  return { candidates, unfixed: unfixedList.filter((u) => !fixed(u)), commands };
}
