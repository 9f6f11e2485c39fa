/**
 * The rsyncd.conf lexer, byte for byte as rsync 3.5.0's params.c reads it (Parse, Section, Parameter,
 * EatWhitespace, EatComment, Continuation). It knows nothing of parameters or modules: it turns one file's
 * bytes into events, and the loader gives them meaning. Reference: shared/reference/rsyncd.md §1.1.
 */
import type { Location } from '../common/index.ts';
import { redactLine, redactName } from './redact.ts';
import { ByteReader, EOF, isSpace } from './byte-reader.ts';

export type LexEvent =
  | { kind: 'section'; name: string; at: Location }
  | { kind: 'param'; name: string; value: string; at: Location; valueAt: Location }
  | { kind: 'directive'; name: string; value: string; at: Location; valueAt: Location }
  /** rsync logs a line and goes on. */
  | { kind: 'warning'; code: LexWarning; message: string; at: Location }
  /** rsync's parse fails here; `header` marks failures that start with '[' (a globals-only parse stops before them). */
  | { kind: 'fatal'; code: LexFatal; message: string; at: Location; header: boolean }
  /** A NUL where a line starts ends the file, silently and successfully. */
  | { kind: 'nul-end'; at: Location };

export type LexWarning = 'badly-formed-line' | 'unexpected-eof-in-name';
export type LexFatal = 'invalid-parameter-name' | 'empty-section-name' | 'badly-formed-header' | 'unexpected-eof-in-header';

const NL = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const SEMI = 0x3b;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const BACKSLASH = 0x5c;
const AMP = 0x26;
const EQUALS = 0x3d;
const SPACE = 0x20;
const TAB = 0x09;

export function lexRsyncdConf(bytes: Uint8Array, file: string): LexEvent[] {
  const r = new ByteReader(bytes, file);
  const events: LexEvent[] = [];
  let c = r.eatWhitespace();
  // params.c Parse(): the loop runs while c > 0, so a NUL where a line starts ends the file.
  while (c !== EOF && c > 0) {
    switch (c) {
      case NL:
        c = r.eatWhitespace();
        break;
      case HASH:
      case SEMI:
        c = r.eatComment();
        break;
      case LBRACKET: {
        const ev = lexSection(r);
        events.push(ev);
        if (ev.kind === 'fatal') return events;
        c = r.eatWhitespace();
        break;
      }
      case BACKSLASH:
        // A "bogus backslash" at line start is dropped together with the whitespace after it.
        c = r.eatWhitespace();
        break;
      default: {
        const ev = lexParameter(r, c);
        events.push(ev);
        if (ev.kind === 'fatal') return events;
        c = r.eatWhitespace();
      }
    }
  }
  if (c === 0) events.push({ kind: 'nul-end', at: r.lastAt() });
  return events;
}

/** Backwards from `pos`, past whitespace: the offset of a continuation backslash, or -1. */
function continuation(buf: number[], pos: number): number {
  let p = pos - 1;
  while (p >= 0 && isSpace(buf[p] ?? 0)) p--;
  return p >= 0 && buf[p] === BACKSLASH ? p : -1;
}

function lexSection(r: ByteReader): LexEvent {
  const at = r.lastAt();
  const buf: number[] = [];
  let i = 0;
  let end = 0;
  let c = r.eatWhitespace();
  while (c !== EOF && c > 0) {
    if (c === RBRACKET) {
      const name = r.decode(buf.slice(0, end));
      // Everything after ']' on the line is discarded (params.c Section → EatComment).
      r.eatComment();
      if (end === 0) return fatal('empty-section-name', 'Empty section name in config file.', at, true);
      return { kind: 'section', name, at };
    }
    if (c === NL) {
      i = continuation(buf, i);
      if (i < 0) {
        // rsync prints the text; it is not quoted here: a `&merge`d secrets file's line can start with "[".
        return fatal('badly-formed-header', 'Badly formed line in config file: a "[" section header that its line never closes with "]" (its text is not shown: it could be a password)', at, true);
      }
      end = i > 0 && buf[i - 1] === SPACE ? i - 1 : i;
      c = r.getc();
    } else if (isSpace(c)) {
      buf[end] = SPACE;
      i = end + 1;
      c = r.eatWhitespace();
    } else {
      buf[i++] = c;
      end = i;
      c = r.getc();
    }
  }
  return fatal('unexpected-eof-in-header', `Unexpected EOF in the config file: [${redactName(r.decode(buf.slice(0, end)))}`, at, true);
}

function lexParameter(r: ByteReader, first: number): LexEvent {
  const at = r.lastAt();
  const buf: number[] = [];
  let i = 0;
  let end = 0;
  let vstart = 0;
  let c = first;
  let name = '';
  let valueAt = at;
  // Name: up to the first '='; whitespace runs become one space; a directive name ends at a space or tab.
  while (vstart === 0) {
    if (c === EQUALS && end === 0) {
      return fatal('invalid-parameter-name', 'Invalid parameter name in config file (line starts with "=").', at, false);
    }
    const directiveBreak = (c === SPACE || c === TAB) && buf[0] === AMP;
    if (c === EQUALS || directiveBreak) {
      name = r.decode(buf.slice(0, end));
      i = vstart = end + 1;
      c = r.eatWhitespace();
      if (directiveBreak && c === EQUALS) c = r.eatWhitespace();
      valueAt = r.lastAt();
    } else if (c === NL) {
      i = continuation(buf, i);
      if (i < 0) {
        return warn('badly-formed-line', `Ignoring badly formed line in config file (no "="): ${redactLine(r.decode(buf.slice(0, end)))}`, at);
      }
      end = i > 0 && buf[i - 1] === SPACE ? i - 1 : i;
      c = r.getc();
    } else if (c === EOF || c === 0) {
      return warn('unexpected-eof-in-name', `Unexpected end-of-file in a line without "=": ${redactLine(r.decode(buf.slice(0, i)))}`, at);
    } else if (isSpace(c)) {
      buf[end] = SPACE;
      i = end + 1;
      c = r.eatWhitespace();
    } else {
      buf[i++] = c;
      end = i;
      c = r.getc();
    }
  }
  // Value: verbatim, '\r' dropped anywhere, trailing whitespace trimmed; a NUL ends it mid-line.
  const value: number[] = [];
  let vend = 0;
  if (c === NL || c === EOF || c <= 0) valueAt = r.lastAt();
  while (c !== EOF && c > 0) {
    if (c === CR) {
      c = r.getc();
    } else if (c === NL) {
      const k = continuation(value, value.length);
      if (k < 0) {
        c = 0;
      } else {
        // The backslash is overwritten; whitespace before it and the next line's indentation are kept.
        value.length = k;
        vend = k;
        c = r.getc();
      }
    } else {
      value.push(c);
      if (!isSpace(c)) vend = value.length;
      c = r.getc();
    }
  }
  const text = r.decode(value.slice(0, vend));
  if (buf[0] === AMP) return { kind: 'directive', name, value: text, at, valueAt };
  return { kind: 'param', name, value: text, at, valueAt };
}

function fatal(code: LexFatal, message: string, at: Location, header: boolean): LexEvent {
  return { kind: 'fatal', code, message, at, header };
}

function warn(code: LexWarning, message: string, at: Location): LexEvent {
  return { kind: 'warning', code, message, at };
}
