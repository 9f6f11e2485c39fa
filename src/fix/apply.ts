/**
 * Applying line edits to one file's text. The file keeps its own line terminator (CRLF when its first line
 * ends so), its final-newline state and every byte of the lines no edit touches: a fix must not reformat.
 */
import type { LineEdit } from './types.ts';

/** The terminator a file uses: its first line's (CRLF files stay CRLF), LF for a one-line file. */
export function eolOf(text: string): '\n' | '\r\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** Edits that overlap (or two insertions at one place) cannot be applied together; the message says which. */
export function overlap(edits: readonly LineEdit[]): string | null {
  const ordered = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1] as LineEdit;
    const cur = ordered[i] as LineEdit;
    // Two insertions at one place have no defined order; anything starting inside the previous range overlaps.
    const sameInsert = prev.start === cur.start && prev.end < prev.start && cur.end < cur.start;
    if (cur.start <= prev.end || sameInsert) return `edits ${prev.start}-${prev.end} and ${cur.start}-${cur.end} of ${cur.file} overlap`;
  }
  return null;
}

const isInsert = (e: LineEdit) => e.end === e.start - 1;

/**
 * Two fixes may each insert lines at one place (after a module header): they become one insertion, in the
 * order given (the earlier fix's lines first), so both the runner's combination and a Markdown suggestion
 * write them the same way. Every other edit is kept as it is.
 */
export function joinInsertions(edits: readonly LineEdit[]): LineEdit[] {
  const out: LineEdit[] = [];
  for (const e of edits) {
    const same = isInsert(e) ? out.find((x) => x.file === e.file && isInsert(x) && x.start === e.start) : undefined;
    if (same) same.lines.push(...e.lines);
    else out.push({ ...e, lines: [...e.lines] });
  }
  return out;
}

/**
 * Apply non-overlapping edits of one file. Throws on overlap or an edit outside the file: the caller (the
 * runner's combination step) skips such a candidate, it never writes a half-applied file.
 */
export function applyEdits(text: string, edits: LineEdit[]): string {
  if (edits.length === 0) return text;
  const clash = overlap(edits);
  if (clash !== null) throw new Error(clash);
  const eol = eolOf(text);
  const finalNewline = text === '' || text.endsWith('\n');
  const body = text === '' ? [] : (finalNewline ? text.slice(0, -1) : text).split('\n');
  // Untouched lines keep their own bytes (a CRLF line keeps its `\r`, a stray `\r` in an LF file stays);
  // new lines get the file's terminator, and so does a last line that had none, until it is removed again below.
  const lines = body.map((l, i) => l + (i === body.length - 1 && !finalNewline ? eol : '\n'));
  const backwards = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  for (const e of backwards) {
    if (e.start < 1 || e.end > lines.length || e.end < e.start - 1) throw new Error(`edit ${e.start}-${e.end} is outside ${e.file} (${lines.length} lines)`);
    lines.splice(e.start - 1, e.end - e.start + 1, ...e.lines.map((l) => l + eol));
  }
  const out = lines.join('');
  return !finalNewline && out.endsWith(eol) ? out.slice(0, -eol.length) : out;
}
