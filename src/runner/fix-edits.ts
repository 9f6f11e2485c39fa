/**
 * Combining verified fixes. Every accepted fix's edits stay in the ORIGINAL file's line numbers, so each
 * VerifiedFix can be shown (a SARIF replacement, a suggestion) on the file as committed, and the combination
 * is one applyEdits per file. Two insertions at one place are joined in acceptance order; any other overlap
 * is a conflict, and the later fix is re-planned on the combined text and mapped back (rebase).
 */
import { applyEdits, joinInsertions, type LineEdit, overlap } from '../fix/index.ts';

const isInsert = (e: LineEdit) => e.end === e.start - 1;

/** `accepted` plus `more` as one non-overlapping edit list; null when they overlap. */
export function combineEdits(accepted: readonly LineEdit[], more: readonly LineEdit[]): LineEdit[] | null {
  const out = joinInsertions([...accepted, ...more]);
  for (const file of new Set(out.map((e) => e.file))) if (overlap(out.filter((e) => e.file === file)) !== null) return null;
  return out;
}

/** Each file's text with `edits` applied (files no edit names are left out); an error when an edit does not apply. */
export function applyAll(texts: ReadonlyMap<string, string>, edits: readonly LineEdit[]): { ok: true; texts: Map<string, string> } | { ok: false; reason: string } {
  const out = new Map<string, string>();
  for (const file of new Set(edits.map((e) => e.file))) {
    const text = texts.get(file);
    if (text === undefined) return { ok: false, reason: `it edits ${file}, which this configuration does not read` };
    try {
      out.set(
        file,
        applyEdits(
          text,
          edits.filter((e) => e.file === file),
        ),
      );
    } catch (e) {
      return { ok: false, reason: e instanceof Error ? e.message : String(e) };
    }
  }
  return { ok: true, texts: out };
}

/** For each line of the edited file (1-based index - 1): the original line it is, or null for a written one. */
function lineMap(edits: readonly LineEdit[], originalLines: number): (number | null)[] {
  const out: (number | null)[] = [];
  let o = 1;
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    while (o < e.start) out.push(o++);
    for (const _ of e.lines) out.push(null);
    o = Math.max(o, e.end + 1);
  }
  while (o <= originalLines) out.push(o++);
  return out;
}

function lineCount(text: string): number {
  if (text === '') return 0;
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n').length;
}

/**
 * Edits planned on the combined text, in the original's line numbers; null when one touches a line another
 * fix wrote (it cannot be shown on the original file on its own).
 */
export function rebaseEdits(edits: readonly LineEdit[], accepted: readonly LineEdit[], originals: ReadonlyMap<string, string>): LineEdit[] | null {
  const out: LineEdit[] = [];
  for (const e of edits) {
    const original = originals.get(e.file);
    if (original === undefined) return null;
    const map = lineMap(
      accepted.filter((a) => a.file === e.file),
      lineCount(original),
    );
    if (isInsert(e)) {
      // At the end of the file: after the original's last line, if that is where the file ends now.
      let at = e.start === map.length + 1 ? (map.length === 0 ? 1 : (map[map.length - 1] ?? -1) + 1) : map[e.start - 1];
      // Right before lines another fix wrote (after a header another fix inserted below): where those were
      // written in the original; two insertions there are joined (combineEdits), the earlier fix's first.
      const prev = e.start === 1 ? 0 : map[e.start - 2];
      if (at === null && prev !== null && prev !== undefined) at = prev + 1;
      if (at === null || at === undefined || at < 1) return null;
      out.push({ ...e, start: at, end: at - 1 });
      continue;
    }
    const span = map.slice(e.start - 1, e.end);
    const first = span[0];
    if (span.length !== e.end - e.start + 1 || first === null || first === undefined || span.some((o, i) => o !== first + i)) return null;
    out.push({ ...e, start: first, end: first + span.length - 1 });
  }
  return out;
}

/** Where each of one file's accepted edits wrote its lines in the combined text: the first line (1-based) and how many. */
function writtenAt(accepted: readonly LineEdit[], file: string): { edit: LineEdit; at: number }[] {
  let delta = 0;
  return accepted
    .filter((a) => a.file === file)
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((edit) => {
      const at = edit.start + delta;
      delta += edit.lines.length - (edit.end - edit.start + 1);
      return { edit, at };
    });
}

/**
 * Edits planned on the combined text, in the original's line numbers, where an edit inside the lines one
 * accepted edit wrote (a second fix of a line a first fix rewrote: `refuse options` made space separated, then
 * extended) is folded into a copy of that accepted edit. `replaced`: the accepted edits the folded copies stand
 * for. null when an edit neither rebases nor lies inside one accepted edit's lines.
 */
export function foldEdits(edits: readonly LineEdit[], accepted: readonly LineEdit[], originals: ReadonlyMap<string, string>): { edits: LineEdit[]; replaced: LineEdit[] } | null {
  const out: LineEdit[] = [];
  const folded = new Map<LineEdit, LineEdit>();
  // Bottom-up, so folding one edit into a block does not move where the next (higher) one goes.
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    const plain = rebaseEdits([e], accepted, originals);
    if (plain !== null) {
      out.push(...plain);
      continue;
    }
    const host = writtenAt(accepted, e.file).find(({ edit, at }) => (isInsert(e) ? at <= e.start && e.start <= at + edit.lines.length - 1 : at <= e.start && e.end <= at + edit.lines.length - 1));
    if (host === undefined) return null;
    const into = folded.get(host.edit) ?? { ...host.edit, lines: [...host.edit.lines] };
    into.lines.splice(e.start - host.at, e.end - e.start + 1, ...e.lines);
    folded.set(host.edit, into);
  }
  return { edits: [...out, ...folded.values()], replaced: [...folded.keys()] };
}
