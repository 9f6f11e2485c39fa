/**
 * SARIF 2.1.0 `fixes` (§3.55–3.57) for results with a verified fix. A fix is attached to the results it
 * removes by identity (FindingKey: rule, target, module, facts path, CVEs), never by line: a fix of a global
 * line names every module's finding it removes, and a line can hold several findings a fix does not touch.
 * Regions are in the ORIGINAL file's lines and UTF-16 columns (the run's columnKind), as the fix stage keeps
 * every verified edit; each replacement is exact, so a SARIF consumer that applies fixes gets the patch's text.
 */
import type * as Sarif from 'sarif';
import type { Finding } from '../engine/index.ts';
import { findingKey, type LineEdit, quotableLines, sameFinding, type TargetFixes, type VerifiedFix } from '../fix/index.ts';
import { followUpSentence, followUpsOf } from './fix-follows.ts';

/** The fix's one-paragraph description: what it does, then what a reader must know; then each follow-up it carries. */
function description(f: VerifiedFix, followUps: readonly VerifiedFix[], all: readonly VerifiedFix[]): string {
  return [`${f.rule_ids.join(', ')}: ${f.summary}`, ...f.notes, ...followUps.flatMap((u) => [followUpSentence(u, all) ?? '', ...u.notes])].join(' ');
}

/** Line lengths in UTF-16 units without terminators, and the file's terminator for inserted text. */
function shape(text: string): { lengths: number[]; eol: string } {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const lines = text === '' ? [] : body.split('\n');
  const nl = text.indexOf('\n');
  return { lengths: lines.map((l) => l.replace(/\r$/, '').length), eol: nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n' };
}

/**
 * One edit as one replacement. A replaced range keeps its last terminator (the region ends at the end of its
 * last line); a deletion takes the lines with their terminators; an insertion is an empty region at the start
 * of the line it goes before, or at the end of the last line when it goes after it.
 */
export function replacement(e: LineEdit, before: string): Sarif.Replacement | null {
  const { lengths, eol } = shape(before);
  const n = lengths.length;
  const len = (line: number) => lengths[line - 1] ?? 0;
  const text = e.lines.join(eol);
  if (e.end < e.start - 1 || e.start < 1 || e.end > n) return null;
  if (e.end === e.start - 1) {
    if (e.start <= n || n === 0) return { deletedRegion: { startLine: e.start, startColumn: 1, endLine: e.start, endColumn: 1 }, insertedContent: { text: `${text}${eol}` } };
    return { deletedRegion: { startLine: n, startColumn: len(n) + 1, endLine: n, endColumn: len(n) + 1 }, insertedContent: { text: `${eol}${text}` } };
  }
  if (e.lines.length > 0) return { deletedRegion: { startLine: e.start, startColumn: 1, endLine: e.end, endColumn: len(e.end) + 1 }, insertedContent: { text } };
  if (e.end < n) return { deletedRegion: { startLine: e.start, startColumn: 1, endLine: e.end + 1, endColumn: 1 } };
  // The last lines go: take the terminator before them instead (the file's final-newline state stays).
  if (e.start > 1) return { deletedRegion: { startLine: e.start - 1, startColumn: len(e.start - 1) + 1, endLine: e.end, endColumn: len(e.end) + 1 } };
  return { deletedRegion: { startLine: 1, startColumn: 1, endLine: e.end, endColumn: len(e.end) + 1 } };
}

/**
 * A verified fix as a SARIF fix: one artifactChange per file it edits; null when an edit lies outside its file.
 * The follow-ups it raised (fix-follows.ts) come with it: no result names them, and without their edits a
 * consumer applying every fix would not get the patch's text.
 */
function sarifFix(v: VerifiedFix, t: TargetFixes): Sarif.Fix | null {
  const followUps = followUpsOf(v, t.verified);
  const f: VerifiedFix = { ...v, edits: [...v.edits, ...followUps.flatMap((u) => u.edits)] };
  // Inserted text is config text: a line that could hold a password is never quoted (the planner proposes none).
  if (f.edits.some((e) => !quotableLines(e.lines).every((x) => x))) return null;
  const files = [...new Set(f.edits.map((e) => e.file))];
  const changes: Sarif.ArtifactChange[] = [];
  for (const file of files) {
    const before = t.files.find((x) => x.file === file)?.before;
    if (before === undefined) return null;
    const replacements = f.edits
      .filter((e) => e.file === file)
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((e) => replacement(e, before));
    if (replacements.some((r) => r === null)) return null;
    changes.push({ artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' }, replacements: replacements as Sarif.Replacement[] });
  }
  return changes.length > 0 ? { description: { text: description(v, followUps, t.verified) }, artifactChanges: changes } : null;
}

/** The `fixes` property of the result for `finding`: every verified fix of its target that names it. */
export function fixesFor(finding: Finding, fixes: TargetFixes | undefined): { fixes?: Sarif.Fix[] } {
  if (!fixes) return {};
  const key = findingKey(finding);
  const out = fixes.verified
    .filter((v) => v.fixes.some((k) => sameFinding(k, key)))
    .map((v) => sarifFix(v, fixes))
    .filter((x): x is Sarif.Fix => x !== null);
  return out.length > 0 ? { fixes: out } : {};
}

/**
 * For a result with no verified fix: why there is no safe automatic fix, and the text to apply by hand (as the
 * diff's `suggested:` lines; planner-built, never a config line), for `properties.rsyncguard_fix`. null otherwise.
 */
export function unfixedFor(finding: Finding, fixes: TargetFixes | undefined): { reason: string; suggested?: string } | null {
  if (!fixes) return null;
  const key = findingKey(finding);
  if (fixes.verified.some((v) => v.fixes.some((k) => sameFinding(k, key)))) return null;
  const u = fixes.unfixed.find((x) => sameFinding(x.finding, key));
  if (u !== undefined) return { reason: u.reason, ...(u.suggestion !== null ? { suggested: u.suggestion } : {}) };
  const r = fixes.rejected.find((x) => x.candidate.fixes.some((k) => sameFinding(k, key)));
  return r === undefined ? null : { reason: `no safe automatic fix: ${r.reason}` };
}
