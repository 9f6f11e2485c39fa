/**
 * Text from a repository, host or image placed in Markdown that GitHub renders (a pull-request comment, the
 * job summary): it must stay text. A module name or include path must not become a link or an image
 * (`[re-run with your token](https://…)`), raw HTML, an @-mention that notifies people, or an issue
 * cross-reference. Escaping is minimal so that the text still reads as written: a word joiner (U+2060,
 * invisible) after "@", "#" and in "://" and "www." stops GitHub's mention, reference and autolink filters.
 */
const JOIN = '\u2060';

/** For a table cell or list item. */
export function markdownText(s: string): string {
  return s
    .replace(/\r?\n/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '\\<')
    .replace(/\]\(/g, ']\\(')
    .replace(/[@#]/g, (c) => `${c}${JOIN}`)
    .replace(/:\/\//g, `:${JOIN}//`)
    .replace(/\b(www)\./gi, `$1${JOIN}.`);
}

/** As a code span (nothing inside renders), in a table cell: a fence longer than any backtick run inside. */
export function markdownCode(s: string): string {
  const t = s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}
