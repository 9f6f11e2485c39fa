import type { Location } from '../common/index.ts';

export const EOF = -1;

/** C's isspace() in the "C" locale, which is what rsync's parser runs under: space, \t \n \v \f \r. */
export function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

// ignoreBOM keeps a leading U+FEFF in the text: rsync gives a BOM no meaning (rsyncd.md §1.1), so `<BOM>auth users`
// is an unknown parameter name, not `auth users` (TextDecoder drops the BOM by default).
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** getc() over a byte array, remembering the line and column of the byte it returned last. */
export class ByteReader {
  private pos = 0;
  private line = 1;
  private col = 0;
  private lastLine = 1;
  private lastCol = 1;

  constructor(
    private readonly bytes: Uint8Array,
    readonly file: string,
  ) {}

  getc(): number {
    if (this.pos >= this.bytes.length) {
      this.lastLine = this.line;
      this.lastCol = this.col + 1;
      return EOF;
    }
    const c = this.bytes[this.pos++] ?? EOF;
    // Columns count UTF-16 code units of the decoded line (SARIF's columnKind, an editor's), not bytes: a UTF-8
    // continuation byte adds none (a BOM is one), a 4-byte sequence two (a surrogate pair). A byte's column is
    // where its character starts (a stray continuation byte starting a line counts as one).
    if (c < 0x80 || c >= 0xc0 || this.col === 0) {
      this.lastCol = this.col + 1;
      this.col += c >= 0xf0 && c <= 0xf4 ? 2 : 1;
    }
    this.lastLine = this.line;
    if (c === 0x0a) {
      this.line++;
      this.col = 0;
    }
    return c;
  }

  /** params.c EatWhitespace: skips whitespace except '\n' and returns the next byte. */
  eatWhitespace(): number {
    let c = this.getc();
    while (isSpace(c) && c !== 0x0a) c = this.getc();
    return c;
  }

  /** params.c EatComment: skips to the end of the line (or a NUL) and returns the byte that stopped it. */
  eatComment(): number {
    let c = this.getc();
    while (c !== 0x0a && c !== EOF && c > 0) c = this.getc();
    return c;
  }

  lastAt(): Location {
    return { file: this.file, line: this.lastLine, column: this.lastCol };
  }

  decode(bytes: number[]): string {
    return utf8.decode(Uint8Array.from(bytes));
  }
}
