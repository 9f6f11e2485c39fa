/**
 * The config lines around a finding, from the texts the run read (ctx.texts). A line is shown only when the
 * fix formats would quote it (quotableLines: recognisably configuration, never a line that could be a
 * password — the same rule as diffs and suggestions); any other is named by its number and left out.
 */
import { quotableLines } from '../../fix/index.ts';
import type { Location } from '../../common/index.ts';
import { textKey } from '../sarif.ts';
import { html, type Markup } from './markup.ts';

/** Lines shown on either side of the finding's line. */
export const RADIUS = 2;

/** Excerpts of one report: each file split once, however many findings it has. */
export class Excerpts {
  private readonly cache = new Map<string, string[] | null>();
  constructor(private readonly texts: ReadonlyMap<string, string>) {}

  private file(target: string, file: string): string[] | null {
    // A target's own copy (a host's /etc/rsyncd.conf) first; a path alone is the file every target shares.
    const key = this.texts.has(textKey(target, file)) ? textKey(target, file) : file;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const text = this.texts.get(key);
    const lines =
      text === undefined
        ? null
        : text
            .replace(/\n$/, '')
            .split('\n')
            .map((l) => l.replace(/\r$/, ''));
    this.cache.set(key, lines);
    return lines;
  }

  /** The excerpt around `at`, or null when the run did not keep the file's text (eval of a facts document). */
  around(target: string, at: Location): Markup | null {
    const lines = this.file(target, at.file);
    if (lines === null || at.line < 1 || at.line > lines.length) return null;
    const from = Math.max(1, at.line - RADIUS);
    const to = Math.min(lines.length, at.line + RADIUS);
    // Judged on the whole logical lines around the window, not the whole file (a fleet has thousands of files):
    // a line after one that does not end in `\` starts a logical line, so the verdicts are the whole file's.
    const continues = (n: number) => /\\\s*$/.test(lines[n - 1] ?? '');
    let start = from;
    while (start > 1 && continues(start - 1)) start--;
    let end = to;
    while (end < lines.length && continues(end)) end++;
    const ok = quotableLines(lines.slice(start - 1, end));
    const width = String(to).length;
    const rows: Markup[] = [];
    for (let n = from; n <= to; n++) {
      const num = String(n).padStart(width, ' ');
      const cls = n === at.line ? 'at' : '';
      // Tabs are shown as spaces; every other control character is escaped by the template.
      const line = ok[n - start] === true ? html`<span class="${cls}">${num} | ${(lines[n - 1] ?? '').replace(/\t/g, '    ')}</span>` : html`<span class="hidden-line ${cls}">${num} | (not shown: this line could hold a password)</span>`;
      rows.push(line);
    }
    return html`<pre aria-label="${at.file} lines ${from} to ${to}">${rows.map((r, i) => (i === 0 ? r : html`\n${r}`))}</pre>`;
  }
}
