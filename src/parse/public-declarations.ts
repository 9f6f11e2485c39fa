/**
 * Declared purpose: `# rsyncguard: public <reason>` says a module is a deliberate public mirror. Like the
 * inline waivers (inline-waivers.ts) it is a whole-line comment, since rsyncd.conf keeps a trailing `# …` as
 * part of the value. Where it stands decides what it covers, and a place that could be read two ways
 * declares nothing and says so, so that a declaration never lands on a module it was not written for:
 * - directly above a module header (only other rsyncguard comments between): that module;
 * - before the file's first module header, standing apart from what follows (a blank line after it, other
 *   comments allowed between; or the end of the file), or at the top of the file directly above its first
 *   parameter: every module whose header is in this file, so a declaration in an included file covers the
 *   modules of that file only;
 * - anywhere else (after the first module header; directly above an `&include`, whose modules are not this
 *   file's; above a later parameter; separated from a header by a plain comment): nothing, with a
 *   `public-declaration-misplaced` diagnostic saying where to put it.
 * A declaration without a reason declares nothing: the reason is what a reviewer reads in the report.
 */
import { diagnostic, type Diagnostic, type Location } from '../common/index.ts';
import { squash } from './rsyncd-params.ts';

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
// rsync reads '[' after leading whitespace as a section header, and a name strwiEQ-equal to "global" (case and
// every space ignored: `[GLO BAL]`, reference §1.2) returns to the global section: that one is no module.
const HEADER = /^[ \t]*\[([^\]]*)/;
const COMMENT = /^[ \t]*[#;]/;
const BLANK = /^[ \t]*$/;
const INCLUDE = /^[ \t]*&/;
/** Control characters are dropped here; length is capped where reports show it (src/report). */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

type LineKind = 'blank' | 'comment' | 'module' | 'global' | 'directive' | 'parameter';

function kindOf(text: string): LineKind {
  if (BLANK.test(text)) return 'blank';
  if (COMMENT.test(text)) return 'comment';
  const header = HEADER.exec(text);
  if (header) return squash(header[1] ?? '') === 'GLOBAL' ? 'global' : 'module';
  return INCLUDE.test(text) ? 'directive' : 'parameter';
}

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
  let seenSetting = false;
  lines.forEach((text, i) => {
    const kind = kindOf(text);
    if (kind === 'module') seenModule = true;
    if (kind !== 'blank' && kind !== 'comment') seenSetting = true;
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
    if (target !== null) {
      declarations.push({ reason, file, line: i + 1, target_line: target });
      return;
    }
    const next = nextSetting(lines, i);
    const apart = next.kind === null || next.blankBetween;
    // A header comment on top of the file, above the global parameters, is how a file is usually introduced.
    const fileHeader = !seenSetting && (next.kind === 'parameter' || next.kind === 'global');
    if (!seenModule && (apart || fileHeader)) declarations.push({ reason, file, line: i + 1, target_line: null });
    else diagnostics.push(misplaced(at, seenModule ? null : next.kind));
  });
  return { declarations, diagnostics };
}

const TO_MARK_ALL = 'to mark every module of this file, put it before the first module header with a blank line after it';

/** Why a declaration declares nothing, by what it stands above (null: it is after the first module header). */
function misplaced(at: Location, below: LineKind | null): Diagnostic {
  const [what, hint] =
    below === 'directive'
      ? [
          'is directly above an "&include"/"&merge" line, not a module header: it declares nothing (an included file\'s modules are not this file\'s)',
          'Put it in the included file, directly above the module header (or before its first header, with a blank line after it, for all of its modules); or name the modules in a "public:" entry of .rsyncguard.yaml.',
        ]
      : below === 'module'
        ? ['is separated from the module header below it by another comment: it declares nothing', `Put it on the line directly above the header (only other "# rsyncguard:" comments may stand between); ${TO_MARK_ALL}.`]
        : below === null
          ? ['is neither directly above a module header nor before the first one: it declares nothing', `Put it on the line directly above the module header; ${TO_MARK_ALL}.`]
          : ['is directly above a parameter line, not a module header: it declares nothing', `Put it on the line directly above the module header; ${TO_MARK_ALL}.`];
  return diagnostic('warning', 'public-declaration-misplaced', `This "rsyncguard: public" comment ${what}.`, at, hint);
}

/** The 1-based line of the module header directly below line index `i`, skipping other rsyncguard comments. */
function headerBelow(lines: string[], i: number): number | null {
  for (let j = i + 1; j < lines.length; j++) {
    const text = lines[j] ?? '';
    if (ANY_DIRECTIVE.test(text)) continue;
    return kindOf(text) === 'module' ? j + 1 : null;
  }
  return null;
}

/** The first line below `i` that is not a comment or blank (null at the end of the file), and whether a blank line came first. */
function nextSetting(lines: string[], i: number): { kind: LineKind | null; blankBetween: boolean } {
  let blankBetween = false;
  for (let j = i + 1; j < lines.length; j++) {
    const kind = kindOf(lines[j] ?? '');
    if (kind === 'blank') blankBetween = true;
    else if (kind !== 'comment') return { kind, blankBetween };
  }
  return { kind: null, blankBetween };
}

/**
 * Declarations that cover no module of the configuration as rsync loaded it: a file-wide one in a file
 * without a module header of its own (its modules are all in included files), or one above a header that
 * re-opens a module first declared elsewhere (rsync merges both into the first; reference §1.2).
 */
export function uncoveredDeclarations(declarations: readonly PublicDeclaration[], headers: readonly Location[]): Diagnostic[] {
  const out = new Map<string, Diagnostic>();
  for (const d of declarations) {
    const covers = headers.some((h) => h.file === d.file && (d.target_line === null || h.line === d.target_line));
    if (covers) continue;
    const at: Location = { file: d.file, line: d.line, column: 1 };
    // An included file read twice yields its declarations twice: one note each.
    out.set(
      `${d.file}:${d.line}`,
      d.target_line === null
        ? diagnostic(
            'warning',
            'public-declaration-covers-nothing',
            'This "rsyncguard: public" comment marks every module of its file, but no module header is in this file (modules of included files are not covered): it declares nothing.',
            at,
            'Put a declaration in each included file that holds a public module, or name the modules in a "public:" entry of .rsyncguard.yaml.',
          )
        : diagnostic(
            'warning',
            'public-declaration-covers-nothing',
            'This "rsyncguard: public" comment is above a header that re-opens a module declared earlier: rsync merges the two into the first, so it declares nothing.',
            at,
            "Put it directly above the module's first header.",
          ),
    );
  }
  return [...out.values()];
}

/** The declaration covering a module whose header is at `header`: its own first, else its file's. */
export function declarationFor(header: Location, declarations: readonly PublicDeclaration[]): PublicDeclaration | null {
  const own = declarations.find((d) => d.file === header.file && d.target_line === header.line);
  return own ?? declarations.find((d) => d.file === header.file && d.target_line === null) ?? null;
}
