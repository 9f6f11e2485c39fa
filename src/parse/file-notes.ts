/**
 * Things about a file's bytes that rsync does not report but a reader must know: it is a template
 * (Jinja, ERB, Go templates, shell/Ansible variables), it starts with a UTF-8 BOM (rsync sees a
 * parameter line without '='), or it holds NUL bytes (which end a line or the whole file for rsync).
 */
import { diagnostic, type Diagnostic } from '../common/index.ts';

const TEMPLATE_MARKERS: readonly { engine: string; re: RegExp }[] = [
  { engine: 'Jinja', re: /\{\{.*?\}\}|\{%.*?%\}/ },
  { engine: 'ERB', re: /<%.*?%>/ },
  { engine: 'shell/envsubst', re: /\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}]*)?\}/ },
];

const MAX_NUL_NOTES = 5;

export function fileNotes(bytes: Uint8Array, file: string): Diagnostic[] {
  const notes: Diagnostic[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    notes.push(
      diagnostic(
        'warning',
        'utf8-bom',
        'The file starts with a UTF-8 byte-order mark: rsync reads the first line as a parameter line without "=" and ignores it (a first [module] header is lost, and its parameters become global defaults).',
        { file, line: 1, column: 1 },
        'Save the file without a BOM.',
      ),
    );
  }
  let line = 1;
  let lineStart = 0;
  let nuls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0 && nuls++ < MAX_NUL_NOTES) {
      notes.push(diagnostic('warning', 'nul-byte', 'NUL byte: rsync ends the current value (or the whole file, at the start of a line) here.', { file, line, column: i - lineStart + 1 }));
    }
  }
  notes.push(...templateNotes(bytes, file));
  return notes;
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
