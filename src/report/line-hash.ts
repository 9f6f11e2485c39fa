/**
 * GitHub's `primaryLocationLineHash`: for each line, a rolling hash (base 37, mod 2^64) over the next 100
 * characters of the file with spaces and tabs removed and line ends normalised to LF, written as
 * unsigned hex plus ":n", the n-th occurrence of that value. Computing it ourselves gives the same
 * fingerprints for API uploads as upload-sarif computes, and no warnings when it does.
 */
const WINDOW = 100;
const BASE = 37n;
const MASK = (1n << 64n) - 1n;
const EOF_MARK = 65535;

/** BASE^WINDOW mod 2^64: the weight of the character leaving the window. */
const OUTGOING = (() => {
  let p = 1n;
  for (let i = 0; i < WINDOW; i++) p = (p * BASE) & MASK;
  return p;
})();

/** The kept characters (UTF-16 code units) of a text, each with the line it starts, if it starts one. */
function normalise(text: string): { codes: number[]; startsLine: number[] } {
  const codes: number[] = [];
  const startsLine: number[] = [];
  let line = 0;
  let atLineStart = true;
  let afterCR = false;
  const keep = (c: number) => {
    startsLine.push(atLineStart ? ++line : 0);
    atLineStart = c === 10;
    codes.push(c);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const wasCR = afterCR;
    afterCR = c === 13;
    if (c === 32 || c === 9 || (wasCR && c === 10)) continue;
    keep(c === 13 ? 10 : c);
  }
  keep(EOF_MARK);
  return { codes, startsLine };
}

/** The fingerprint of every line, by 1-based line number. */
export function lineHashes(text: string): string[] {
  const { codes, startsLine } = normalise(text);
  const out: string[] = [];
  const seen = new Map<string, number>();
  let hash = 0n;
  // The hash of the window that begins at position i is complete once position i + WINDOW - 1 is in;
  // beyond the end the sequence continues with zeros.
  const total = codes.length + WINDOW;
  for (let pos = 0; pos < total; pos++) {
    const incoming = BigInt(codes[pos] ?? 0);
    const outgoing = pos >= WINDOW ? BigInt(codes[pos - WINDOW] ?? 0) : 0n;
    hash = (BASE * hash + incoming - OUTGOING * outgoing) & MASK;
    const start = pos - WINDOW + 1;
    const line = start >= 0 ? (startsLine[start] ?? 0) : 0;
    if (line > 0) {
      const hex = hash.toString(16);
      const n = (seen.get(hex) ?? 0) + 1;
      seen.set(hex, n);
      out[line - 1] = `${hex}:${n}`;
    }
  }
  return out;
}
