/**
 * SARIF regions from file texts. A region's end is its line's length, and a file with 2,000 modules has
 * thousands of results: each file's line starts are found once, not the whole text split per result (4.6 s
 * for 2,000 modules before, quadratic in results per file).
 */
import type * as Sarif from 'sarif';

export class Regions {
  private readonly starts = new Map<string, number[]>();

  constructor(private readonly texts: ReadonlyMap<string, string>) {}

  /**
   * The key of a file's text (sarif.ts textKey): a target's own copy wins over the path every target shares,
   * and that over a text kept for regions only (sarif.ts regionTextKey). All are the same file's bytes.
   */
  keyOf(target: string, file: string): string {
    const own = `${target}\u0000${file}`;
    if (this.texts.has(own)) return own;
    const regionOnly = `\u0001${file}`;
    return !this.texts.has(file) && this.texts.has(regionOnly) ? regionOnly : file;
  }

  /** The whole line (1-based) as the region: from `column` to the line's end, at least one character. */
  region(key: string, line: number, column: number): Sarif.Region {
    const endColumn = Math.max(this.lineLength(key, line) + 1, column + 1);
    return { startLine: line, startColumn: column, endLine: line, endColumn };
  }

  /** The line's length without its "\n" and one "\r" before it; 0 for a line the text does not have (as split gave ""). */
  private lineLength(key: string, line: number): number {
    const text = this.texts.get(key);
    if (text === undefined || !Number.isInteger(line) || line < 1) return 0;
    const starts = this.startsOf(key, text);
    const from = starts[line - 1];
    if (from === undefined) return 0;
    const next = starts[line];
    let to = next === undefined ? text.length : next - 1;
    if (to > from && text.charCodeAt(to - 1) === 13) to--;
    return to - from;
  }

  private startsOf(key: string, text: string): number[] {
    let starts = this.starts.get(key);
    if (starts === undefined) {
      starts = [0];
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.starts.set(key, starts);
    }
    return starts;
  }
}
