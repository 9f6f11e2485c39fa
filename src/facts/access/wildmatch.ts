/**
 * rsync's wildmatch (lib/wildmatch.c), which both `hosts allow/deny` (case-insensitively, iwildmatch) and
 * `auth users` (case-sensitively) use. It is not fnmatch: `*` and `?` never match '/', `**` does, a class is
 * `[...]` with `!` or `^` to negate, ranges and `[:name:]`, and a backslash quotes the next character.
 * Since 3.5.0 iwildmatch folds the pattern as well as the text, classes included.
 */

const CLASSES: Record<string, (c: string) => boolean> = {
  alnum: (c) => /^[A-Za-z0-9]$/.test(c),
  alpha: (c) => /^[A-Za-z]$/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  cntrl: (c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f,
  digit: (c) => /^[0-9]$/.test(c),
  graph: (c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) < 0x7f,
  lower: (c) => /^[a-z]$/.test(c),
  print: (c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) < 0x7f,
  punct: (c) => /^[!-/:-@[-`{-~]$/.test(c),
  space: (c) => /^[ \t\n\v\f\r]$/.test(c),
  upper: (c) => /^[A-Z]$/.test(c),
  xdigit: (c) => /^[0-9A-Fa-f]$/.test(c),
};

/** Beyond this many steps a pattern is pathological; rsync would grind on, we answer "no match". */
const MAX_STEPS = 100_000;

export function wildmatch(pattern: string, text: string): boolean {
  return new Matcher(pattern, text).run();
}

export function iwildmatch(pattern: string, text: string): boolean {
  return new Matcher(asciiLower(pattern), asciiLower(text)).run();
}

function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

class Matcher {
  private steps = 0;
  private readonly memo = new Map<number, boolean>();

  constructor(
    private readonly p: string,
    private readonly t: string,
  ) {}

  run(): boolean {
    return this.match(0, 0);
  }

  private match(pi: number, ti: number): boolean {
    const key = pi * (this.t.length + 1) + ti;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    if (++this.steps > MAX_STEPS) return false;
    const result = this.step(pi, ti);
    this.memo.set(key, result);
    return result;
  }

  private step(pi: number, ti: number): boolean {
    const { p, t } = this;
    if (pi >= p.length) return ti >= t.length;
    const pc = p[pi] ?? '';
    if (pc === '*') {
      let next = pi + 1;
      const crossesSlash = p[next] === '*';
      while (p[next] === '*') next++;
      for (let k = ti; k <= t.length; k++) {
        if (++this.steps > MAX_STEPS) return false;
        if (this.match(next, k)) return true;
        if (k < t.length && !crossesSlash && t[k] === '/') return false;
      }
      return false;
    }
    if (ti >= t.length) return false;
    const tc = t[ti] ?? '';
    if (pc === '?') return tc !== '/' && this.match(pi + 1, ti + 1);
    if (pc === '[') {
      const cls = matchClass(p, pi, tc);
      return cls?.matched === true && this.match(cls.end, ti + 1);
    }
    if (pc === '\\') {
      return pi + 1 < p.length && p[pi + 1] === tc && this.match(pi + 2, ti + 1);
    }
    return pc === tc && this.match(pi + 1, ti + 1);
  }
}

/** A `[...]` class starting at `start`: whether `c` is in it and where the pattern continues; undefined if unterminated. */
function matchClass(p: string, start: number, c: string): { matched: boolean; end: number } | undefined {
  let i = start + 1;
  const negate = p[i] === '!' || p[i] === '^';
  if (negate) i++;
  let matched = false;
  let prev = '';
  let first = true;
  for (;;) {
    let ch = p[i];
    if (ch === undefined) return undefined;
    if (ch === ']' && !first) break;
    first = false;
    if (ch === '\\') {
      ch = p[++i];
      if (ch === undefined) return undefined;
      if (c === ch) matched = true;
      prev = ch;
    } else if (ch === '-' && prev !== '' && p[i + 1] !== undefined && p[i + 1] !== ']') {
      let hi = p[++i] ?? '';
      if (hi === '\\') {
        hi = p[++i] ?? '';
        if (hi === '') return undefined;
      }
      if (c >= prev && c <= hi) matched = true;
      prev = '';
    } else if (ch === '[' && p[i + 1] === ':') {
      // rsync looks for the next ']' and takes the class only when ':' precedes it.
      const close = p.indexOf(']', i + 2);
      if (close < 0) return undefined;
      if (close - 1 >= i + 2 && p[close - 1] === ':') {
        const test = CLASSES[p.slice(i + 2, close - 1)];
        if (!test) return undefined;
        if (test(c)) matched = true;
        i = close;
        prev = '';
      } else {
        if (c === '[') matched = true;
        prev = '[';
      }
    } else {
      if (c === ch) matched = true;
      prev = ch;
    }
    i++;
  }
  return { matched: matched !== negate, end: i + 1 };
}
