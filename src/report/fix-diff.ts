/**
 * The `diff` fix format: one unified diff per edited file, as `git apply` and `patch -p1` take it. Each hunk's
 * `@@ … @@` heading names the rule ids and summaries of the fixes it holds (both tools ignore the text after
 * the second `@@`). What is not an edit — notes, commands to run, findings without a safe fix, rejected
 * candidates — goes into `#` lines before a file's `---` header, where both tools skip leading garbage.
 */
import { type LineEdit, quotableLines, type TargetFixes, type VerifiedFix } from '../fix/index.ts';
import { escapeControls } from './escape-controls.ts';
import { followUpSentence } from './fix-follows.ts';
import { fileLines, type Hunk, hunkBody, quotedHunks } from './fix-line-diff.ts';

/** One line of free text, safe between patch lines: no terminator or control character can end it early. */
function oneLine(text: string): string {
  return escapeControls(text.replace(/\r?\n/g, ' '));
}

/** A `#` comment block; every line starts with `#` so neither tool can mistake it for a header or a hunk. */
function comment(lines: string[]): string[] {
  return lines.map((l) => (l === '' ? '#' : `# ${oneLine(l)}`));
}

/** The path after `a/` or `b/`: repository-relative as the facts show it; a host's absolute path loses its `/`. */
function patchPath(file: string): string {
  return file.replace(/^\/+/, '');
}

/** The old-file lines an edit touches; an insertion touches the lines either side of where it goes. */
function editSpan(e: LineEdit): [number, number] {
  return e.end < e.start ? [e.start - 1, e.start] : [e.start, e.end];
}

/** The fixes whose edits of `file` fall in the hunk (the hunk's context counts: merged hunks hold several fixes). */
export function fixesInHunk(fixes: readonly VerifiedFix[], file: string, h: Hunk): VerifiedFix[] {
  const lo = h.oldStart;
  const hi = h.oldStart + Math.max(h.oldCount, 1) - 1;
  const added = new Set(h.ops.filter((o) => o.kind === '+').map((o) => o.text.replace(/\r$/, '')));
  return fixes.filter((f) =>
    f.edits.some((e) => {
      if (e.file !== file) return false;
      const [a, b] = editSpan(e);
      // By line when the edit's numbers are the original file's; by content when a later round's were not.
      return (a <= hi && b >= lo) || (e.lines.length > 0 && e.lines.every((l) => added.has(l)));
    }),
  );
}

function heading(fixes: readonly VerifiedFix[]): string {
  if (fixes.length === 0) return '';
  const ids = [...new Set(fixes.flatMap((f) => f.rule_ids))].sort();
  return ` ${oneLine(`${ids.join(', ')}: ${fixes.map((f) => f.summary).join('; ')}`)}`;
}

function range(start: number, count: number): string {
  return `${start},${count}`;
}

/** The `#` lines about a target that are not tied to one file: commands, findings left unfixed, rejected candidates. */
function targetComments(t: TargetFixes): string[] {
  const out: string[] = [];
  for (const c of t.commands) out.push(`${c.finding.rule_id} ${c.summary}`, `  run: ${c.command}`);
  for (const u of t.unfixed) out.push(`${u.finding.rule_id}${u.finding.module !== null ? ` [${u.finding.module}]` : ''}: ${u.reason}`, ...(u.suggestion !== null ? u.suggestion.split('\n').map((s) => `  suggested: ${s}`) : []));
  for (const r of t.rejected) out.push(`${r.candidate.fixes.map((k) => k.rule_id).join(', ')} ${r.candidate.summary}: no safe automatic fix: ${r.reason}`);
  return out;
}

/** The fixes' summaries and notes for one file, said before its header. */
function fileComments(fixes: readonly VerifiedFix[], all: readonly VerifiedFix[]): string[] {
  const followUp = (f: VerifiedFix) => followUpSentence(f, all);
  return fixes.flatMap((f) => [`${f.rule_ids.join(', ')}: ${f.summary}`, ...[followUp(f) ?? []].flat().map((s) => `  ${s}`), ...f.notes.map((n) => `  note: ${n}`)]);
}

/**
 * One file's diff: `---`/`+++` headers and its hunks; empty when nothing changed. No line that could hold a
 * password is shown, not even as context (quotableLines); when the hunks cannot be cut around one, the file's
 * diff is left out with a comment, and `rsyncguard fix --write` still applies the verified fixes.
 */
export function fileDiff(file: string, before: string, after: string, fixes: readonly VerifiedFix[]): string[] {
  if (before === after) return [];
  const path = patchPath(file);
  const [old, next] = [fileLines(before), fileLines(after)];
  const found = quotedHunks(old, next, { old: quotableLines(old.lines), new: quotableLines(next.lines) });
  if (found === null) return comment([`${file}: not shown: a line next to its changes could hold a password, which rsyncguard never quotes; rsyncguard fix --write applies the fixes`]);
  // GNU patch ends a file name at the first space unless a tab ends it (as `diff -u` writes it); git apply takes both.
  const end = /\s/.test(path) ? '\t' : '';
  const out = [`--- a/${path}${end}`, `+++ b/${path}${end}`];
  for (const h of found) {
    out.push(`@@ -${range(h.oldStart, h.oldCount)} +${range(h.newStart, h.newCount)} @@${heading(fixesInHunk(fixes, file, h))}`, ...hunkBody(h));
  }
  return out;
}

/**
 * Every target's verified fixes as one patch. A file two targets share (an include) is patched once: the
 * first target's version; another target that would change it differently is named in a comment, since two
 * patches of one file cannot both apply.
 */
export function toFixDiff(all: readonly TargetFixes[]): string {
  const out: string[] = [];
  const done = new Map<string, string>();
  for (const t of all) {
    const header = [`rsyncguard fix: ${t.target}`, ...targetComments(t)];
    let headerShown = false;
    const showHeader = () => {
      if (!headerShown) out.push(...comment(header));
      headerShown = true;
    };
    for (const f of t.files) {
      if (f.before === f.after) continue;
      const seen = done.get(f.file);
      if (seen !== undefined) {
        if (seen !== f.after) {
          showHeader();
          out.push(...comment([`${f.file}: left out here, another target's fixes of this shared file are above`]));
        }
        continue;
      }
      done.set(f.file, f.after);
      const fixes = t.verified.filter((v) => v.edits.some((e) => e.file === f.file));
      showHeader();
      out.push(...comment(fileComments(fixes, t.verified)), ...fileDiff(f.file, f.before, f.after, fixes));
    }
    // A target with nothing to patch still says what it could not fix.
    if (header.length > 1) showHeader();
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
