/**
 * Follow-up fixes (VerifiedFix.follows): fixes of findings the scan never reported, because accepted fixes
 * raise them (RSYNC-004's `hosts deny = *` makes a listed module restricted: RSYNC-005). No scan result names
 * them, so each format says what raised them, and SARIF carries their edits with the fixes that did.
 */
import type { VerifiedFix } from '../fix/index.ts';

/** The modules a fix's findings are about; null stands for the global section (every module). */
function modules(v: VerifiedFix): (string | null)[] {
  return [...new Set(v.fixes.map((k) => k.module))];
}

/** Did fix `by` (by its rules, on a module of its own) raise the findings follow-up `f` fixes? */
function raisedBy(f: VerifiedFix, by: VerifiedFix): boolean {
  if (f === by || !(f.follows ?? []).some((id) => by.rule_ids.includes(id))) return false;
  const [a, b] = [modules(f), modules(by)];
  return a.includes(null) || b.includes(null) || a.some((m) => b.includes(m));
}

/** The accepted fixes that raised follow-up `f` (by rule and module); every fix of its `follows` rules when none matches by module. */
export function raisersOf(f: VerifiedFix, all: readonly VerifiedFix[]): VerifiedFix[] {
  const exact = all.filter((v) => raisedBy(f, v));
  return exact.length > 0 ? exact : all.filter((v) => v !== f && (f.follows ?? []).some((id) => v.rule_ids.includes(id)));
}

/** The follow-ups `v` raised, and theirs in turn: their edits belong with `v`'s wherever no result names them. */
export function followUpsOf(v: VerifiedFix, all: readonly VerifiedFix[]): VerifiedFix[] {
  const out: VerifiedFix[] = [];
  const visit = (by: VerifiedFix) => {
    for (const f of all) {
      if (f.follows === undefined || out.includes(f) || f === v || !raisersOf(f, all).includes(by)) continue;
      out.push(f);
      visit(f);
    }
  };
  visit(v);
  return out;
}

/**
 * One sentence for a follow-up: "after the RSYNC-004 fix ([m] hosts deny = *), the config would have a
 * RSYNC-005 finding the scan did not report; this fixes it: [m] list = no". null for any other fix.
 */
export function followUpSentence(f: VerifiedFix, all: readonly VerifiedFix[]): string | null {
  if (f.follows === undefined) return null;
  const raisers = raisersOf(f, all);
  const after = raisers.length > 0 ? raisers.map((v) => `the ${v.rule_ids.join(', ')} fix (${v.summary})`).join(' and ') : `the ${f.follows.join(', ')} fix`;
  return `Follow-up: after ${after}, the configuration would have ${f.fixes.length === 1 ? 'a ' : ''}${f.rule_ids.join(', ')} finding${f.fixes.length === 1 ? '' : 's'} the scan did not report; this fixes ${f.fixes.length === 1 ? 'it' : 'them'}: ${f.summary}.`;
}
