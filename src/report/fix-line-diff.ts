/**
 * A line diff (Myers' O(ND) algorithm) and its unified hunks with context, for the `diff` fix format. Written
 * here rather than taken from a package: the bundle stays dependency-free, and the fix stage's changes are a
 * few lines in files of at most some thousands, so D stays small.
 */

/** One file's lines as a patch carries them: a line keeps its `\r` (CRLF files diff as CRLF), no terminator. */
export interface FileLines {
  lines: string[];
  /** False when the last line has no terminator: the patch says `\ No newline at end of file` after it. */
  finalNewline: boolean;
}

export function fileLines(text: string): FileLines {
  if (text === '') return { lines: [], finalNewline: true };
  const finalNewline = text.endsWith('\n');
  return { lines: (finalNewline ? text.slice(0, -1) : text).split('\n'), finalNewline };
}

export type Op = { kind: ' ' | '-' | '+'; text: string /** the last line of its file and unterminated */; noEol: boolean };

export interface Hunk {
  /** 1-based first line of the hunk in the old/new file (the line before it when the count is 0). */
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  ops: Op[];
}

/** Past this many differences the middle is shown as one replacement: correct, only less minimal. */
const MAX_D = 2000;

/** The edit script from `a` to `b` over keys (a line's text plus its terminator state). */
function script(a: string[], b: string[]): ('=' | '-' | '+')[] {
  // Common prefix and suffix first: a fix changes a few lines, so Myers only sees the middle.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const x = a.slice(pre, a.length - suf);
  const y = b.slice(pre, b.length - suf);
  const middle = myers(x, y) ?? [...x.map(() => '-' as const), ...y.map(() => '+' as const)];
  return [...Array<'='>(pre).fill('='), ...middle, ...Array<'='>(suf).fill('=')];
}

function myers(a: string[], b: string[]): ('=' | '-' | '+')[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_D);
  const off = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let xi = k === -d || (k !== d && (v[off + k - 1] ?? 0) < (v[off + k + 1] ?? 0)) ? (v[off + k + 1] ?? 0) : (v[off + k - 1] ?? 0) + 1;
      let yi = xi - k;
      while (xi < n && yi < m && a[xi] === b[yi]) {
        xi++;
        yi++;
      }
      next[off + k] = xi;
      if (xi >= n && yi >= m) return backtrack(trace, off, n, m, d);
    }
    v = next;
  }
  return null;
}

function backtrack(trace: Int32Array[], off: number, n: number, m: number, dEnd: number): ('=' | '-' | '+')[] {
  const out: ('=' | '-' | '+')[] = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (v[off + k - 1] ?? 0) < (v[off + k + 1] ?? 0));
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[off + prevK] ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push('=');
      x--;
      y--;
    }
    out.push(down ? '+' : '-');
    if (down) y--;
    else x--;
  }
  while (x > 0 && y > 0) {
    out.push('=');
    x--;
    y--;
  }
  return out.reverse();
}

/** Unified hunks from `before` to `after` with `context` lines around each change; close hunks merge as diff(1) does. */
export function hunks(before: FileLines, after: FileLines, context = 3): Hunk[] {
  return quotedHunks(before, after, null, context) ?? [];
}

/** Which lines of each side may be shown (fix output never quotes a line that could hold a password). */
export interface Showable {
  old: readonly boolean[];
  new: readonly boolean[];
}

/**
 * The hunks, showing no line `show` forbids: context stops short of such a line, and a hunk that would hold
 * one is split around it. A hunk's context cut short that way is cut to the same length on both sides:
 * `git apply` reads a hunk without trailing context as the file's end, and `patch` one with less context on
 * one side as the file's start or end; a cut to no context at all cannot be applied, so then (and when a
 * changed line itself may not be shown) the answer is null.
 */
export function quotedHunks(before: FileLines, after: FileLines, show: Showable | null, context = 3): Hunk[] | null {
  // The terminator state is part of a line's identity: adding a line after an unterminated last line changes it.
  const key = (f: FileLines) => f.lines.map((l, i) => (i === f.lines.length - 1 && !f.finalNewline ? `${l}\u0000noeol` : l));
  const steps = script(key(before), key(after));
  const ops: (Op & { oldLine: number; newLine: number; hidden: boolean })[] = [];
  let o = 0;
  let nn = 0;
  for (const s of steps) {
    if (s === '=' || s === '-') {
      const text = before.lines[o] ?? '';
      ops.push({ kind: s === '=' ? ' ' : '-', text, noEol: o === before.lines.length - 1 && !before.finalNewline, oldLine: o + 1, newLine: nn + 1, hidden: show?.old[o] === false });
      o++;
      if (s === '=') nn++;
    } else {
      ops.push({ kind: '+', text: after.lines[nn] ?? '', noEol: nn === after.lines.length - 1 && !after.finalNewline, oldLine: o + 1, newLine: nn + 1, hidden: show?.new[nn] === false });
      nn++;
    }
  }
  if (ops.some((op) => op.kind !== ' ' && op.hidden)) return null;
  // Runs of changes [first, last] (op indexes): close changes merge unless a hidden line lies between them.
  const runs: [number, number][] = [];
  ops.forEach((op, i) => {
    if (op.kind === ' ') return;
    const prev = runs[runs.length - 1];
    if (prev && i - prev[1] - 1 <= 2 * context && !ops.slice(prev[1] + 1, i).some((x) => x.hidden)) prev[1] = i;
    else runs.push([i, i]);
  });
  const out: Hunk[] = [];
  for (const [first, last] of runs) {
    let lead = 0;
    while (lead < context && first - lead - 1 >= 0 && !ops[first - lead - 1]?.hidden) lead++;
    let trail = 0;
    while (trail < context && last + trail + 1 < ops.length && !ops[last + trail + 1]?.hidden) trail++;
    const leadCut = lead < context && first - lead > 0;
    const trailCut = trail < context && last + trail < ops.length - 1;
    if (leadCut && trail > lead) trail = lead;
    if (trailCut && lead > trail) lead = trail;
    if ((lead === 0 && first > 0) || (trail === 0 && last < ops.length - 1)) {
      if (leadCut || trailCut) return null;
    }
    const slice = ops.slice(first - lead, last + trail + 1);
    const head = slice[0] as (typeof ops)[number];
    const oldCount = slice.filter((x) => x.kind !== '+').length;
    const newCount = slice.filter((x) => x.kind !== '-').length;
    out.push({
      // An empty side is numbered by the line before it (0 at the start of a file), as diff(1) does.
      oldStart: oldCount === 0 ? head.oldLine - 1 : head.oldLine,
      oldCount,
      newStart: newCount === 0 ? head.newLine - 1 : head.newLine,
      newCount,
      ops: slice.map(({ kind, text, noEol }) => ({ kind, text, noEol })),
    });
  }
  return out;
}

/** A hunk's lines in unified format, without its `@@` heading. */
export function hunkBody(h: Hunk): string[] {
  return h.ops.flatMap((op) => [`${op.kind}${op.text}`, ...(op.noEol ? ['\\ No newline at end of file'] : [])]);
}
