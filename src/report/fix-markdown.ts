/**
 * Verified fixes in Markdown: GitHub ```suggestion blocks, which apply only in a pull-request review comment on
 * the lines they name ("Commit suggestion" replaces those lines with the block's), one per run of touching
 * lines so that no two overlap; commands to run and findings without a safe fix (with the suggested text)
 * listed after. Suggestion bodies are the
 * config lines exactly (tabs kept), so they are built from the unescaped report; everything around them is
 * escaped like the rest of the Markdown.
 */
import { applyEdits, joinInsertions, type LineEdit, quotableLines, type TargetFixes, type VerifiedFix } from '../fix/index.ts';
import { escapeControls } from './escape-controls.ts';
import { followUpSentence } from './fix-follows.ts';
import { markdownCode as code, markdownText as esc } from './markdown-escape.ts';

/** Rows past this go into a count: a comment has a size limit (65 536 characters on GitHub). */
const MAX_LISTED = 100;

const text = (s: string) => esc(escapeControls(s));
const path = (s: string) => code(escapeControls(s));

/** A fence longer than any backtick run inside, so no config line can close it (nor read as another fence). */
export function fence(lines: readonly string[]): string {
  const longest = Math.max(2, ...lines.flatMap((l) => (l.match(/`+/g) ?? []).map((run) => run.length)));
  return '`'.repeat(longest + 1);
}

/**
 * The lines a suggestion is anchored on (the lines a reviewer comments on) and what replaces them. An insertion
 * has no line of its own: it is anchored on the line before it (or the first line) and repeats that line.
 */
function anchored(e: LineEdit, before: readonly string[]): { start: number; end: number } | null {
  if (e.end >= e.start) return { start: e.start, end: e.end };
  if (before.length === 0) return null;
  return e.start > 1 ? { start: e.start - 1, end: e.start - 1 } : { start: 1, end: 1 };
}

// Tabs are config text; any other control character cannot be shown as it is, nor escaped inside a suggestion.
// eslint-disable-next-line no-control-regex
const UNSHOWABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The original lines `start`..`end` of one file and every verified edit anchored on them, with the fixes they belong to. */
interface Group {
  file: string;
  start: number;
  end: number;
  edits: LineEdit[];
  rules: string[];
}

function linesOf(t: TargetFixes, file: string): string[] {
  const before = t.files.find((f) => f.file === file)?.before;
  return before === undefined || before === ''
    ? []
    : before
        .replace(/\n$/, '')
        .split('\n')
        .map((l) => l.replace(/\r$/, ''));
}

/**
 * One suggestion per run of touching lines: edits whose anchored lines overlap or are adjacent become one
 * block with the lines' combined new text. Two suggestions on one line (an insertion repeating the line another
 * fix replaces) could not both be committed, and the one left would undo the other.
 */
function groups(t: TargetFixes): { groups: Group[]; empty: { file: string; rules: string[] }[] } {
  const out: Group[] = [];
  const empty: { file: string; rules: string[] }[] = [];
  const all = t.verified.flatMap((v) => v.edits.map((e) => ({ e, rules: v.rule_ids })));
  for (const file of [...new Set(all.map((x) => x.e.file))]) {
    const lines = linesOf(t, file);
    const mine = all
      .filter((x) => x.e.file === file)
      .map((x) => ({ ...x, at: anchored(x.e, lines) }))
      .sort((a, b) => (a.at?.start ?? 0) - (b.at?.start ?? 0) || a.e.start - b.e.start || a.e.end - b.e.end);
    for (const x of mine) {
      if (x.at === null) {
        empty.push({ file, rules: x.rules });
        continue;
      }
      const last = out[out.length - 1];
      if (last !== undefined && last.file === file && x.at.start <= last.end + 1) {
        last.end = Math.max(last.end, x.at.end);
        last.edits.push(x.e);
        last.rules = [...new Set([...last.rules, ...x.rules])].sort();
      } else out.push({ file, start: x.at.start, end: x.at.end, edits: [x.e], rules: [...x.rules] });
    }
  }
  return { groups: out, empty };
}

/** The new text of a group's lines: its edits applied to those lines alone. */
function newText(g: Group, lines: readonly string[]): string[] {
  const slice = lines.slice(g.start - 1, g.end);
  // Two fixes may each insert at one place (after a module header): joined in fix order, as the runner joins them.
  const shifted = joinInsertions(g.edits.map((e) => ({ ...e, start: e.start - g.start + 1, end: e.end - g.start + 1 })));
  return applyEdits(`${slice.join('\n')}\n`, shifted)
    .replace(/\n$/, '')
    .split('\n');
}

function suggestion(g: Group, t: TargetFixes): string[] {
  const lines = linesOf(t, g.file);
  const span = `${path(`${g.file}:${g.start === g.end ? g.start : `${g.start}-${g.end}`}`)}`;
  const who = text(g.rules.join(', '));
  // The planner proposes no fix that shows a line that could hold a password; this holds it for every anchor too.
  const ok = quotableLines(lines);
  const quoted = ok.slice(g.start - 1, g.end).every((x) => x) && g.edits.every((e) => quotableLines(e.lines).every((x) => x));
  if (!quoted) return [`${span} (${who}): not shown, as a line there could hold a password; \`rsyncguard fix\` shows and applies this fix.`, ''];
  const body = newText(g, lines);
  if (body.some((l) => UNSHOWABLE.test(l))) return [`${span} (${who}): the new lines hold characters a suggestion cannot show; see the diff (\`rsyncguard fix\`).`, ''];
  const [only] = g.edits;
  const verb = g.edits.length > 1 || only === undefined ? 'replace with' : only.lines.length === 0 ? 'delete' : only.end >= only.start ? 'replace' : only.start > 1 ? 'add lines after it' : 'add lines before it';
  const f = fence(body);
  return [`${span} (${verb}; ${who}):`, '', `${f}suggestion`, ...body, f, ''];
}

function fixBlock(v: VerifiedFix, t: TargetFixes): string[] {
  const followUp = followUpSentence(v, t.verified);
  const notes = [...(followUp === null ? [] : [followUp]), ...v.notes];
  return [`**${text(v.rule_ids.join(', '))}**: ${text(v.summary)}`, '', ...notes.map((n) => `> ${text(n)}`), ...(notes.length > 0 ? [''] : [])];
}

/** A finding without a safe fix: the rule, module and reason, then the text to apply by hand (planner-built, never a config line). */
function leftLine(rule: string, module: string | null, why: string, suggested: string | null): string {
  const hint =
    suggested === null
      ? ''
      : `; suggested: ${suggested
          .split('\n')
          .map((l) => code(escapeControls(l)))
          .join(', ')}`;
  return `- ${text(rule)}${module !== null ? ` [${text(module)}]` : ''}: ${text(why)}${hint}`;
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
    const { groups: blocks, empty } = groups(t);
    if (blocks.length + empty.length > 0) out.push('Suggestions (each replaces the lines it names; edits on touching lines are one block):', '');
    for (const g of blocks.slice(0, MAX_LISTED)) out.push(...suggestion(g, t));
    for (const e of empty) out.push(`${path(e.file)} (empty file; ${text(e.rules.join(', '))}): see the diff (\`rsyncguard fix\`).`, '');
    if (blocks.length > MAX_LISTED) out.push(`… and ${blocks.length - MAX_LISTED} more suggestions: run rsyncguard fix for all of them.`, '');
    for (const c of t.commands) out.push(`- ${text(c.finding.rule_id)}: ${text(c.summary)}: run ${code(escapeControls(c.command))}`);
    const left = [
      ...t.unfixed.map((u) => ({ rule: u.finding.rule_id, module: u.finding.module, why: u.reason, suggested: u.suggestion })),
      ...t.rejected.map((r) => ({ rule: r.candidate.fixes.map((k) => k.rule_id).join(', '), module: null, why: `no safe automatic fix: ${r.reason}`, suggested: null })),
    ];
    for (const l of left.slice(0, MAX_LISTED)) out.push(leftLine(l.rule, l.module, l.why, l.suggested));
    if (left.length > MAX_LISTED) out.push(`- … and ${left.length - MAX_LISTED} more without a safe automatic fix`);
    if (t.commands.length > 0 || left.length > 0) out.push('');
  }
  if (shown > MAX_LISTED) out.push(`… and ${shown - MAX_LISTED} more fixes: run rsyncguard fix for all of them.`, '');
  return out;
}
