/**
 * What fix output may show of a config: every format quotes config lines (diff context and edited lines,
 * suggestion blocks and their anchors, SARIF inserted text, Ansible anchors), and a line that could hold a
 * password must never leave ("Never leak"). The judgement of one line is the facts' (quotableConfigLine, the
 * same rule the redaction and the auth users masking follow); here it is applied to logical lines, so every
 * physical line of a `\`-continued parameter shares its verdict.
 */
import { quotableConfigLine } from '../facts/index.ts';
import { lineKind, logicalEnd, splitLines } from './lines.ts';
import type { LineEdit } from './types.ts';

/** One config line (not continued) that fix output may show. */
export function quotable(line: string): boolean {
  return quotableConfigLine(line);
}

/** For each physical line (no terminators; a `\r` is ignored), whether fix output may show it. */
export function quotableLines(lines: readonly string[]): boolean[] {
  const out: boolean[] = [];
  for (let n = 1; n <= lines.length; ) {
    const end = logicalEnd(lines, n);
    const group = lines.slice(n - 1, end).map((l) => l.replace(/\r$/, ''));
    // rsync drops the backslash and joins the pieces; a header's pieces are judged as one header.
    const joined = group.map((l, i) => (i < group.length - 1 ? l.replace(/\\\s*$/, '') : l)).join(lineKind(group[0] ?? '') === 'header' ? ' ' : '');
    const ok = quotable(joined);
    for (let i = n; i <= end; i++) out.push(ok);
    n = end + 1;
  }
  return out;
}

export const UNQUOTABLE_REASON = 'a line it changes or shows could hold a password, so rsyncguard does not quote or rewrite it; edit it by hand';

/**
 * Whether every line an edit shows can be quoted: the lines it removes, the lines it writes, and the line on
 * either side of it (the context a diff, a suggestion or an Ansible anchor needs). `text` is the file before;
 * its lines are judged once, however many edits ask (a config of hundreds of modules has as many candidates).
 */
export function editShowability(text: string): (e: LineEdit) => boolean {
  const lines = splitLines(text);
  const ok = quotableLines(lines);
  return (e) => {
    const from = Math.max(1, Math.min(e.start, e.end + 1) - 1);
    const to = Math.min(lines.length, Math.max(e.end, e.start - 1) + 1);
    for (let n = from; n <= to; n++) if (ok[n - 1] === false) return false;
    return quotableLines(e.lines).every((x) => x);
  };
}
