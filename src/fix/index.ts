/**
 * The fix stage: from a target's findings and the facts they rest on (where each effective value is written)
 * to line edits, planned per rule; the runner verifies them with the same parser, facts and policies.
 */
export { findingKey, sameFinding } from './types.ts';
export type { AccessField, FindingKey, FixCandidate, FixCommand, FixPlan, LineEdit, RejectedFix, TargetFixes, Unfixed, VerifiedFix } from './types.ts';
export { planFixes, fixableRules } from './plan.ts';
export { applyEdits, joinInsertions, overlap } from './apply.ts';
export { editShowability, quotable, quotableLines, UNQUOTABLE_REASON } from './quotable.ts';
