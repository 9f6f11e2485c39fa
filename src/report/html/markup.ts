/**
 * HTML built by one tagged template that escapes every interpolated value unless it is already markup: host
 * names, module names, messages and config lines are hostile (a host inventory or a config can say
 * `<script>`), and a renderer that had to remember to escape each would one day forget. Only `html`…`` and
 * `raw()` make markup; a plain string is always text.
 */
import { escapeControls } from '../escape-controls.ts';

/** Markup that is safe to place as it is (built by `html` or `raw`). */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Markup | string | number | null | undefined | false | readonly Part[];

// The HTML specials and every character escapeControls rewrites (C0, DEL, C1, separators, bidirectional controls).
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"'`\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/**
 * Text as HTML text or attribute value: the five HTML specials (and the backtick), with control and
 * bidirectional characters shown as escapes as the text and Markdown formats show them.
 */
export function escapeHtml(text: string): string {
  // Most text (rule ids, counts, plain names) needs nothing: one test instead of two replaces.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return escapeControls(text).replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c);
}

function partText(p: Part): string {
  if (p === null || p === undefined || p === false) return '';
  if (p instanceof Markup) return p.value;
  if (typeof p === 'number') return String(p);
  if (typeof p === 'string') return escapeHtml(p);
  let out = '';
  for (const x of p) out += partText(x);
  return out;
}

/** The template's literal parts as written; every value escaped unless it is Markup (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: Part[]): Markup {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += partText(values[i]) + (strings[i + 1] ?? '');
  return new Markup(out);
}

/** Markup this module's callers wrote themselves (CSS, the script, SVG paths from numbers), never data. */
export function raw(markup: string): Markup {
  return new Markup(markup);
}

/** Many parts as one piece of markup, for long lists (a loop, not a spread: fleets have thousands of rows). */
export function join(parts: Iterable<Part>): Markup {
  let out = '';
  for (const p of parts) out += partText(p);
  return new Markup(out);
}
