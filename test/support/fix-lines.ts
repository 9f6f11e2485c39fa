/**
 * Line-level comparison for the `fix` round trips: which lines of a file were deleted and inserted (a longest
 * common subsequence of whole lines, terminators included), so a test can require that everything outside the
 * edited lines stayed byte for byte.
 */

/** The file's lines with their terminators (`\r\n`, `\n`, or none on a last line without one). */
export function rawLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export interface LineDiff {
  deleted: string[];
  inserted: string[];
}

export function lineDiff(before: string, after: string): LineDiff {
  const a = rawLines(before);
  const b = rawLines(after);
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..]; configs are small.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] = a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: LineDiff = { deleted: [], inserted: [] };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) out.deleted.push(a[i++] as string);
    else out.inserted.push(b[j++] as string);
  }
  out.deleted.push(...a.slice(i));
  out.inserted.push(...b.slice(j));
  return out;
}

/** The line terminator every line of `text` uses ('mixed' when they differ, 'none' for one line without). */
export function terminator(text: string): '\r\n' | '\n' | 'mixed' | 'none' {
  const lines = rawLines(text).filter((l) => l.endsWith('\n'));
  if (lines.length === 0) return 'none';
  const crlf = lines.filter((l) => l.endsWith('\r\n')).length;
  return crlf === lines.length ? '\r\n' : crlf === 0 ? '\n' : 'mixed';
}
