/**
 * Declared purpose: `# rsyncguard: public <reason>` says a module is a deliberate public mirror. Like the
 * inline waivers (inline-waivers.ts) it is a whole-line comment, since rsyncd.conf keeps a trailing `# …` as
 * part of the value. Where it stands decides what it covers:
 * - directly above a module header (only other rsyncguard comments between): that module;
 * - anywhere before the file's first module header, not directly above one (a blank line or another
 *   comment in between counts as "not directly above"): every module whose header is in this file, so a
 *   declaration in an included file covers the modules of that file only;
 * - after the first module header and not directly above one: nothing, with a diagnostic saying where to
 *   put it.
 * A declaration without a reason declares nothing: the reason is what a reviewer reads in the report.
 */
import { diagnostic, type Diagnostic, type Location } from '../common/index.ts';

export interface PublicDeclaration {
  reason: string;
  file: string;
  /** The comment's line. */
  line: number;
  /** The module header line it marks, or null: every module of `file`. */
  target_line: number | null;
}

const PUBLIC = /^[ \t]*[#;][ \t]*rsyncguard:[ \t]*public\b(.*)$/i;
const ANY_DIRECTIVE = /^[ \t]*[#;][ \t]*rsyncguard:/i;
// rsync reads '[' after leading whitespace as a section header; `[global]` (any case, spaces squashed) is not a module.
const HEADER = /^[ \t]*\[/;
const GLOBAL = /^[ \t]*\[[ \t]*global[ \t]*\]/i;
/** Control characters are dropped here; length is capped where reports show it (src/report). */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

export function publicDeclarations(bytes: Uint8Array, file: string): { declarations: PublicDeclaration[]; diagnostics: Diagnostic[] } {
  // Quick exit, as for waivers: this runs on every file parsed.
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('rsyncguard:') < 0) return { declarations: [], diagnostics: [] };
  const lines = Buffer.from(bytes)
    .toString('utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''));
  const declarations: PublicDeclaration[] = [];
  const diagnostics: Diagnostic[] = [];
  let seenModule = false;
  lines.forEach((text, i) => {
    if (HEADER.test(text) && !GLOBAL.test(text)) seenModule = true;
    const m = PUBLIC.exec(text);
    if (!m) return;
    const at: Location = { file, line: i + 1, column: 1 };
    const reason = (m[1] ?? '').replace(CONTROLS, ' ').trim();
    if (reason === '') {
      diagnostics.push(
        diagnostic(
          'warning',
          'public-declaration-without-reason',
          'This "rsyncguard: public" comment gives no reason: it declares nothing.',
          at,
          'Write "# rsyncguard: public why this module is meant for everyone" (for example: "Debian mirror, read-only by design").',
        ),
      );
      return;
    }
    const target = headerBelow(lines, i);
    if (target !== null) declarations.push({ reason, file, line: i + 1, target_line: target });
    else if (!seenModule) declarations.push({ reason, file, line: i + 1, target_line: null });
    else
      diagnostics.push(
        diagnostic(
          'warning',
          'public-declaration-misplaced',
          'This "rsyncguard: public" comment is neither directly above a module header nor before the first one: it declares nothing.',
          at,
          'Put it on the line directly above the module header, or before the first module header to mark every module of this file.',
        ),
      );
  });
  return { declarations, diagnostics };
}

/** The 1-based line of the module header directly below line index `i`, skipping other rsyncguard comments. */
function headerBelow(lines: string[], i: number): number | null {
  for (let j = i + 1; j < lines.length; j++) {
    const text = lines[j] ?? '';
    if (ANY_DIRECTIVE.test(text)) continue;
    return HEADER.test(text) && !GLOBAL.test(text) ? j + 1 : null;
  }
  return null;
}

/** The declaration covering a module whose header is at `header`: its own first, else its file's. */
export function declarationFor(header: Location, declarations: readonly PublicDeclaration[]): PublicDeclaration | null {
  const own = declarations.find((d) => d.file === header.file && d.target_line === header.line);
  return own ?? declarations.find((d) => d.file === header.file && d.target_line === null) ?? null;
}
