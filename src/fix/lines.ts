/**
 * The physical and logical lines of an rsyncd.conf text, as the fix planner needs them: where a parameter's
 * logical line ends (`\` continuations), how a section is indented, where a section ends, and which lines hold
 * a template expression. Grammar: shared/reference/rsyncd.md §1.1 (comments only at line start, continuation
 * when the last non-whitespace character is `\`, `\r` ignored).
 */

/** Template files (src/sources/file-kinds.ts TPL): their literal lines are edited, their tags never. */
const TEMPLATE_FILE = /\.(j2|jinja2?|erb|epp|tmpl|gtpl|tpl|tftpl|ctmpl)$/i;

/**
 * A template expression (Jinja, ERB, Go, envsubst), as src/facts/template.ts reads one. A Jinja comment `{# … #}`
 * counts: rendering removes it, so `read only = no {# why #}` renders as `read only = no` (ERB `<%#` is `<%`).
 */
const TEMPLATE_EXPR = /\{\{|\{%|\{#|<%|\$\{/;

export function isTemplateFile(file: string): boolean {
  return TEMPLATE_FILE.test(file);
}

export function hasTemplateExpr(line: string): boolean {
  return TEMPLATE_EXPR.test(line);
}

/** The text's lines without terminators (a final newline adds no empty last line). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return body.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

export type LineKind = 'blank' | 'comment' | 'header' | 'directive' | 'param';

/** How rsync classifies a physical line by its first non-whitespace character. */
export function lineKind(line: string): LineKind {
  // C isspace() only: trimStart() would also drop a BOM (U+FEFF), which rsync reads as a name's first byte.
  const t = line.replace(/^[ \t\n\v\f\r]+/, '');
  if (t === '') return 'blank';
  if (t.startsWith('#') || t.startsWith(';')) return 'comment';
  if (t.startsWith('[')) return 'header';
  if (t.startsWith('&')) return 'directive';
  return 'param';
}

function continues(line: string): boolean {
  return /\\\s*$/.test(line);
}

/** The 1-based last line of the logical line starting at `start` (a parameter or header continued with `\`). */
export function logicalEnd(lines: readonly string[], start: number): number {
  const kind = lineKind(lines[start - 1] ?? '');
  if (kind !== 'param' && kind !== 'header') return start;
  let end = start;
  while (end < lines.length && continues(lines[end - 1] ?? '')) end++;
  return end;
}

export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** A parameter line's parts: `name` as written (trimmed), the raw value after the first `=`. */
export function paramParts(line: string): { indent: string; name: string; value: string } | null {
  if (lineKind(line) !== 'param') return null;
  const eq = line.indexOf('=');
  if (eq < 0) return null;
  return { indent: indentOf(line), name: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim() };
}

/** rsync's strwiEQ: names compared ignoring ASCII case and all whitespace. */
export function sameName(a: string, b: string): boolean {
  // isspace() whitespace only: JS `\s` would also drop a BOM, which rsync keeps in the name.
  const norm = (s: string): string => s.replace(/[ \t\n\v\f\r]+/g, '').toLowerCase();
  return norm(a) === norm(b);
}

/** The 1-based last line of the section whose header's logical line starts at `header`: before the next header, or the file's end. */
export function sectionEnd(lines: readonly string[], header: number): number {
  for (let n = logicalEnd(lines, header) + 1; n <= lines.length; n = logicalEnd(lines, n) + 1) {
    if (lineKind(lines[n - 1] ?? '') === 'header') return n - 1;
  }
  return lines.length;
}

/** The starts of the parameter logical lines between `from` and `to` (inclusive, 1-based). */
export function paramLines(lines: readonly string[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n = logicalEnd(lines, n) + 1) {
    if (lineKind(lines[n - 1] ?? '') === 'param') out.push(n);
  }
  return out;
}

/**
 * The indentation for a line added to the section starting at `header`: its first parameter line's, else the
 * first indented parameter line of the file's, else none.
 */
export function sectionIndent(lines: readonly string[], header: number): string {
  const own = paramLines(lines, logicalEnd(lines, header) + 1, sectionEnd(lines, header))[0];
  if (own !== undefined) return indentOf(lines[own - 1] ?? '');
  for (const n of paramLines(lines, 1, lines.length)) {
    const ind = indentOf(lines[n - 1] ?? '');
    if (ind !== '') return ind;
  }
  return '';
}

/** The first header line of the file (1-based), or null when it has none. */
export function firstHeader(lines: readonly string[]): number | null {
  for (let n = 1; n <= lines.length; n = logicalEnd(lines, n) + 1) {
    if (lineKind(lines[n - 1] ?? '') === 'header') return n;
  }
  return null;
}

/** The physical lines `start`..`end` (1-based, inclusive). */
export function slice(lines: readonly string[], start: number, end: number): string[] {
  return lines.slice(start - 1, end);
}
