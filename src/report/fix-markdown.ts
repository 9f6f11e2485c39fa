/**
 * Verified fixes in Markdown, for a pull-request comment: each edit as a GitHub ```suggestion block (the
 * reviewer's "Commit suggestion" replaces the commented lines with the block's lines), the lines it replaces
 * named beside it; commands to run and findings without a safe fix listed after. Suggestion bodies are the
 * config lines exactly (tabs kept), so they are built from the unescaped report; everything around them is
 * escaped like the rest of the Markdown.
 */
import type { LineEdit, TargetFixes, VerifiedFix } from '../fix/index.ts';
import { escapeControls } from './escape-controls.ts';
import { markdownCode as code, markdownText as esc } from './markdown-escape.ts';

/** Rows past this go into a count: a comment has a size limit (65 536 characters on GitHub). */
const MAX_LISTED = 100;

const text = (s: string) => esc(escapeControls(s));
const path = (s: string) => code(escapeControls(s));

/** A fence longer than any backtick run that starts a line inside, so no config line can close it. */
function fence(lines: readonly string[]): string {
  const longest = Math.max(2, ...lines.map((l) => /^\s*(`+)/.exec(l)?.[1]?.length ?? 0));
  return '`'.repeat(longest + 1);
}

/**
 * The lines a suggestion is anchored on (the lines a reviewer comments on) and what replaces them. An insertion
 * has no line of its own: it is anchored on the line before it (or the first line) and repeats that line.
 */
function anchored(e: LineEdit, before: readonly string[]): { start: number; end: number; lines: string[] } | null {
  if (e.end >= e.start) return { start: e.start, end: e.end, lines: e.lines };
  if (before.length === 0) return null;
  if (e.start > 1) return { start: e.start - 1, end: e.start - 1, lines: [before[e.start - 2] ?? '', ...e.lines] };
  return { start: 1, end: 1, lines: [...e.lines, before[0] ?? ''] };
}

// Tabs are config text; any other control character cannot be shown as it is, nor escaped inside a suggestion.
// eslint-disable-next-line no-control-regex
const UNSHOWABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function suggestion(e: LineEdit, t: TargetFixes): string[] {
  const before = t.files.find((f) => f.file === e.file)?.before;
  const lines =
    before === undefined || before === ''
      ? []
      : before
          .replace(/\n$/, '')
          .split('\n')
          .map((l) => l.replace(/\r$/, ''));
  const a = anchored(e, lines);
  const span = a === null ? `${path(e.file)} (empty file)` : `${path(`${e.file}:${a.start === a.end ? a.start : `${a.start}-${a.end}`}`)}`;
  if (a === null || a.lines.some((l) => UNSHOWABLE.test(l))) {
    return [`${span}: the new lines hold characters a suggestion cannot show; see the diff (\`rsyncguard fix\`).`, ''];
  }
  const f = fence(a.lines);
  const verb = e.lines.length === 0 ? 'delete' : e.end >= e.start ? 'replace' : e.start > 1 ? 'add lines after it' : 'add lines before it';
  return [`${span} (${verb}):`, '', `${f}suggestion`, ...a.lines, f, ''];
}

function fixBlock(v: VerifiedFix, t: TargetFixes): string[] {
  return [`**${text(v.rule_ids.join(', '))}**: ${text(v.summary)}`, '', ...v.notes.map((n) => `> ${text(n)}`), ...(v.notes.length > 0 ? [''] : []), ...v.edits.flatMap((e) => suggestion(e, t))];
}

/** The Markdown section for the verified fixes of every target that has any; empty when none has fixes. */
export function fixesMarkdownLines(targets: readonly { target: string; fixes?: TargetFixes }[]): string[] {
  const all = targets.flatMap((t) => (t.fixes ? [t.fixes] : []));
  if (all.length === 0) return [];
  const verified = all.reduce((n, t) => n + t.verified.length, 0);
  const out = ['### Suggested fixes', '', `${verified} verified fix${verified === 1 ? '' : 'es'}: each re-parsed and re-evaluated before it is shown (rsyncguard fix applies them all).`, ''];
  let shown = 0;
  for (const t of all) {
    if (t.verified.length === 0 && t.commands.length === 0 && t.unfixed.length === 0 && t.rejected.length === 0) continue;
    out.push(`#### ${path(t.target)}`, '');
    for (const v of t.verified) if (shown++ < MAX_LISTED) out.push(...fixBlock(v, t));
    for (const c of t.commands) out.push(`- ${text(c.finding.rule_id)}: ${text(c.summary)}: run ${code(escapeControls(c.command))}`);
    const left = [
      ...t.unfixed.map((u) => ({ rule: u.finding.rule_id, module: u.finding.module, why: u.reason })),
      ...t.rejected.map((r) => ({ rule: r.candidate.fixes.map((k) => k.rule_id).join(', '), module: null, why: `no safe automatic fix: ${r.reason}` })),
    ];
    for (const l of left.slice(0, MAX_LISTED)) out.push(`- ${text(l.rule)}${l.module !== null ? ` [${text(l.module)}]` : ''}: ${text(l.why)}`);
    if (left.length > MAX_LISTED) out.push(`- … and ${left.length - MAX_LISTED} more without a safe automatic fix`);
    if (t.commands.length > 0 || left.length > 0) out.push('');
  }
  if (shown > MAX_LISTED) out.push(`… and ${shown - MAX_LISTED} more fixes: run rsyncguard fix for all of them.`, '');
  return out;
}
