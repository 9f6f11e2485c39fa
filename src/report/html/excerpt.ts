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

interface FileLines {
  lines: string[];
  ok: boolean[];
}

/** Excerpts of one report: each file split and judged once, however many findings it has. */
export class Excerpts {
  private readonly cache = new Map<string, FileLines | null>();
  constructor(private readonly texts: ReadonlyMap<string, string>) {}

  private file(target: string, file: string): FileLines | null {
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
    const found = lines === null ? null : { lines, ok: quotableLines(lines) };
    this.cache.set(key, found);
    return found;
  }

  /** The excerpt around `at`, or null when the run did not keep the file's text (eval of a facts document). */
  around(target: string, at: Location): Markup | null {
    const f = this.file(target, at.file);
    if (f === null || at.line < 1 || at.line > f.lines.length) return null;
    const from = Math.max(1, at.line - RADIUS);
    const to = Math.min(f.lines.length, at.line + RADIUS);
    const width = String(to).length;
    const rows: Markup[] = [];
    for (let n = from; n <= to; n++) {
      const num = String(n).padStart(width, ' ');
      const cls = n === at.line ? 'at' : '';
      // Tabs are shown as spaces; every other control character is escaped by the template.
      const line = f.ok[n - 1] === true ? html`<span class="${cls}">${num} | ${(f.lines[n - 1] ?? '').replace(/\t/g, '    ')}</span>` : html`<span class="hidden-line ${cls}">${num} | (not shown: this line could hold a password)</span>`;
      rows.push(line);
    }
    return html`<pre aria-label="${at.file} lines ${from} to ${to}">${rows.map((r, i) => (i === 0 ? r : html`\n${r}`))}</pre>`;
  }
}
