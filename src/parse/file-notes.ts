/**
 * Things about a file's bytes that rsync does not report but a reader must know: it is a template
 * (Jinja, ERB, Go templates, shell/Ansible variables), it starts with a UTF-8 BOM (rsync does not skip it:
 * the first line is ignored), or it holds NUL bytes (which end a line or the whole file for rsync).
 */
import { diagnostic, type Diagnostic } from '../common/index.ts';

const TEMPLATE_MARKERS: readonly { engine: string; re: RegExp }[] = [
  // `{# … #}` is a Jinja comment: rendering removes it, so it is template syntax too.
  { engine: 'Jinja', re: /\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}/ },
  { engine: 'ERB', re: /<%.*?%>/ },
  { engine: 'shell/envsubst', re: /\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}]*)?\}/ },
];

const MAX_NUL_NOTES = 5;

/** The template engine whose syntax `text` holds (`{{ x }}`, `<%= @x %>`, `${X}`), if any. */
export function templateEngine(text: string): string | undefined {
  return TEMPLATE_MARKERS.find((m) => m.re.test(text))?.engine;
}

/** The codes of the notes on bytes that change what rsync reads without a sign in the file as shown. */
export const READ_OTHERWISE_CODES: ReadonlySet<string> = new Set(['utf8-bom', 'utf16', 'nul-byte']);

/** UTF-16 text, by its byte-order mark (either order). */
export function startsUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

export function fileNotes(bytes: Uint8Array, file: string): Diagnostic[] {
  const notes: Diagnostic[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    notes.push(diagnostic('warning', 'utf8-bom', bomMessage(bytes), { file, line: 1, column: 1 }, 'Save the file without a BOM.'));
  }
  // UTF-16 text is NULs between every ASCII byte: one note that says what the file is, not five NULs.
  if (startsUtf16(bytes)) {
    notes.push(
      diagnostic(
        'warning',
        'utf16',
        'The file is UTF-16 text (it starts with a UTF-16 byte-order mark): rsync reads it byte by byte, and a NUL at the start of a line ends the file for it, so it finds almost nothing it means.',
        { file, line: 1, column: 1 },
        'Save the file as UTF-8 (or ASCII).',
      ),
    );
    return notes;
  }
  let line = 1;
  let lineStart = 0;
  let nuls = 0;
  let last = { file, line: 1, column: 1 };
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0 && nuls++ < MAX_NUL_NOTES) {
      last = { file, line, column: i - lineStart + 1 };
      notes.push(diagnostic('warning', 'nul-byte', 'NUL byte: rsync ends the current value (or the whole file, at the start of a line) here.', last));
    }
  }
  if (nuls > MAX_NUL_NOTES) notes.push(diagnostic('warning', 'nul-byte', `${nuls - MAX_NUL_NOTES} more NUL bytes after this one (only the first ${MAX_NUL_NOTES} are noted).`, last));
  notes.push(...templateNotes(bytes, file));
  return notes;
}

/**
 * What rsync makes of the first line, whose first bytes are the BOM (rsyncd.md §1.1: not special, so the line
 * never starts with `[` or `#` for rsync): a name before `=` holds the BOM, an unknown parameter; no `=` is a
 * badly formed line. Either way rsync logs it and ignores the line.
 */
function bomMessage(bytes: Uint8Array): string {
  const start = 'The file starts with a UTF-8 byte-order mark, which rsync does not skip:';
  const end = bytes.indexOf(0x0a);
  const first = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes.subarray(0, end < 0 ? bytes.length : end)).slice(1);
  const body = first.trimStart();
  const how = body.includes('=') ? 'the first line\'s parameter name includes it, so rsync logs "Unknown Parameter encountered" and ignores the line' : 'rsync reads the first line as a line without "=" and ignores it ("Ignoring badly formed line")';
  const header = body.startsWith('[') ? '; the line is no header for rsync, so the [module] it names is lost and the parameters under it become global defaults' : '';
  return `${start} ${how}${header}.`;
}

function templateNotes(bytes: Uint8Array, file: string): Diagnostic[] {
  const text = new TextDecoder().decode(bytes);
  const lines = text.split('\n');
  for (const { engine, re } of TEMPLATE_MARKERS) {
    const index = lines.findIndex((l) => re.test(l));
    if (index >= 0) {
      const column = (lines[index]?.search(re) ?? 0) + 1;
      return [
        diagnostic(
          'info',
          'template',
          `This looks like a ${engine} template; it was parsed as written, so template expressions are taken literally and the rendered file may differ.`,
          { file, line: index + 1, column },
          'Scan the rendered configuration as well (e.g. from the host or image) for a complete picture.',
        ),
      ];
    }
  }
  return [];
}
