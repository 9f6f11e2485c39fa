/**
 * Declared purpose: `# rsyncguard: public <reason>` says a module is a deliberate public mirror. Like the
 * inline waivers (inline-waivers.ts) it is a whole-line comment, since rsyncd.conf keeps a trailing `# …` as
 * part of the value. Its spelling and place decide what it covers, and a place that could be read two ways
 * declares nothing and says so, so that a declaration never lands on a module it was not written for:
 * - `public`, directly above a module header (only other rsyncguard comments between): that module, and only
 *   there. "Comment, blank line, header" is how a section is introduced, so it is not read as file-wide: it
 *   once silently covered a [backups] below the [debian] it named (adv3 #13);
 * - `public-file`, before the file's first module header: every module whose header is in this file, so a
 *   declaration in an included file covers the modules of that file only;
 * - anywhere else (a `public` not directly above a header; a `public-file` after the first header; either
 *   above an `&include`/`&merge`, blank lines or not, whose modules are not this file's): nothing, with a
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

// `public-file` is file-wide; any other `public-…` word (public-all, public-files) is a misspelling, reported.
const PUBLIC = /^[ \t]*[#;][ \t]*rsyncguard:[ \t]*(public(?:-[\w-]*)?)(?!\w)(.*)$/i;
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
  lines.forEach((text, i) => {
    if (kindOf(text) === 'module') seenModule = true;
    const m = PUBLIC.exec(text);
    if (!m) return;
    const at: Location = { file, line: i + 1, column: 1 };
    const word = (m[1] ?? '').toLowerCase();
    const reason = (m[2] ?? '').replace(CONTROLS, ' ').trim();
    if (word !== 'public' && word !== 'public-file') {
      diagnostics.push(
        diagnostic(
          'warning',
          'public-declaration-unknown',
          'This "rsyncguard: public-…" comment is neither "public" nor "public-file": it declares nothing.',
          at,
          `Write "# rsyncguard: public <reason>" directly above a module header, or ${FILE_WIDE}.`,
        ),
      );
      return;
    }
    if (reason === '') {
      diagnostics.push(
        diagnostic(
          'warning',
          'public-declaration-without-reason',
          `This "rsyncguard: ${word}" comment gives no reason: it declares nothing.`,
          at,
          `Write "# rsyncguard: ${word} why ${word === 'public' ? 'this module is' : 'these modules are'} meant for everyone" (for example: "Debian mirror, read-only by design").`,
        ),
      );
      return;
    }
    const next = nextSetting(lines, i);
    // An &include's modules are another file's, however far below it stands (adv3 #7).
    if (next.kind === 'directive') diagnostics.push(misplaced(at, word, 'directive'));
    else if (word === 'public-file') {
      if (seenModule) diagnostics.push(misplaced(at, word, null));
      else declarations.push({ reason, file, line: i + 1, target_line: null });
    } else {
      const target = headerBelow(lines, i);
      if (target !== null) declarations.push({ reason, file, line: i + 1, target_line: target });
      else diagnostics.push(misplaced(at, word, next.kind === 'module' ? 'module' : null));
    }
  });
  return { declarations, diagnostics };
}

const FILE_WIDE = 'to mark every module of this file, write "# rsyncguard: public-file <reason>" before its first module header';

/** Why a declaration declares nothing, by what it stands above (null: not above a header, or a public-file after the first one). */
function misplaced(at: Location, word: string, below: 'directive' | 'module' | null): Diagnostic {
  const [what, hint] =
    below === 'directive'
      ? [
          'stands above an "&include"/"&merge" line, not a module header: it declares nothing (an included file\'s modules are not this file\'s)',
          'Put it in the included file, directly above the module header (or "# rsyncguard: public-file <reason>" before its first header, for all of its modules); or name the modules in a "public:" entry of .rsyncguard.yaml.',
        ]
      : word === 'public-file'
        ? ['comes after the first module header of its file: it declares nothing', 'Put it before the first module header; to mark one module, write "# rsyncguard: public <reason>" directly above its header.']
        : below === 'module'
          ? ['is separated from the module header below it by a blank line or another comment: it declares nothing', `Put it on the line directly above the header (only other "# rsyncguard:" comments may stand between); ${FILE_WIDE}.`]
          : ['is not directly above a module header: it declares nothing', `Put it on the line directly above the module header; ${FILE_WIDE}.`];
  return diagnostic('warning', 'public-declaration-misplaced', `This "rsyncguard: ${word}" comment ${what}.`, at, hint);
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

/** The first line below `i` that is not a comment or blank (null at the end of the file). */
function nextSetting(lines: string[], i: number): { kind: LineKind | null } {
  for (let j = i + 1; j < lines.length; j++) {
    const kind = kindOf(lines[j] ?? '');
    if (kind !== 'blank' && kind !== 'comment') return { kind };
  }
  return { kind: null };
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
            'This "rsyncguard: public-file" comment marks every module of its file, but no module header is in this file (modules of included files are not covered): it declares nothing.',
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
