/**
 * The words of Ansible inventories: host patterns (`web[01:03]`, `db-[a:c]`, `host:2222`), a shell-like split
 * of INI host lines (Python's shlex in POSIX mode with comments), and names shown safely in messages.
 */

/** The largest number of hosts one pattern may stand for. */
export const MAX_RANGE_HOSTS = 10_000;

/** A name as JSON, with the characters a terminal would act on or reorder escaped. */
export const shown = (v: string) => JSON.stringify(v).replace(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const RANGE_HINT = 'A range is [begin:end] or [begin:end:step]: numbers (01:20 keeps the zero padding) or single letters (a:f), as Ansible expands them.';

/**
 * A shell-like split (Python's shlex in POSIX mode; with comments unless told otherwise, as an INI host line
 * is read), or null when a quotation is not closed.
 */
export function shellWords(line: string, opts: { comments: boolean } = { comments: true }): string[] | null {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === '#' && opts.comments) {
      break;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return null;
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      inWord = true;
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && (line[j + 1] === '"' || line[j + 1] === '\\')) j++;
        word += line[j];
      }
      if (j >= line.length) return null;
      i = j;
    } else if (c === '\\') {
      if (i + 1 < line.length) word += line[++i];
      inWord = true;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** `web[01:03]` → web01, web02, web03 (Ansible's expand_hostname_range); an error in words otherwise. */
export function expandHostPattern(pattern: string, budget = MAX_RANGE_HOSTS): string[] | { error: string; hint: string } {
  const open = pattern.indexOf('[');
  if (open < 0) return [pattern];
  const close = pattern.indexOf(']', open);
  if (close < 0) return { error: 'has a "[" with no closing "]"', hint: RANGE_HINT };
  const bounds = pattern.slice(open + 1, close).split(':');
  if (bounds.length !== 2 && bounds.length !== 3) return { error: 'has a range that is not [begin:end] or [begin:end:step]', hint: RANGE_HINT };
  const [beg = '', end = '', stepText = '1'] = bounds;
  const step = /^\d+$/.test(stepText) ? Number(stepText) : 0;
  if (step < 1) return { error: 'has a range whose step is not a positive number', hint: RANGE_HINT };
  let seq: string[];
  if (/^[A-Za-z]$/.test(beg) && /^[A-Za-z]$/.test(end)) {
    const [b, e] = [LETTERS.indexOf(beg), LETTERS.indexOf(end)];
    if (b > e) return { error: 'has a letter range whose begin comes after its end', hint: RANGE_HINT };
    seq = [];
    for (let i = b; i <= e; i += step) seq.push(LETTERS[i] as string);
  } else if (/^\d*$/.test(beg) && /^\d+$/.test(end)) {
    const padded = beg.length > 1 && beg.startsWith('0');
    if (padded && beg.length !== end.length) return { error: 'has a zero-padded range whose begin and end differ in length', hint: RANGE_HINT };
    const [b, e] = [Number(beg || '0'), Number(end)];
    if ((e - b) / step + 1 > budget) return { error: `stands for more than ${MAX_RANGE_HOSTS} hosts`, hint: 'Split the range into several lines, or sweep the fleet in parts.' };
    seq = [];
    for (let i = b; i <= e; i += step) seq.push(padded ? String(i).padStart(beg.length, '0') : String(i));
  } else {
    return { error: 'has a range that is neither numbers nor single letters', hint: RANGE_HINT };
  }
  const out: string[] = [];
  for (const s of seq) {
    const rest = expandHostPattern(`${pattern.slice(0, open)}${s}${pattern.slice(close + 1)}`, budget);
    if (!Array.isArray(rest)) return rest;
    out.push(...rest);
    if (out.length > budget) return { error: `stands for more than ${MAX_RANGE_HOSTS} hosts`, hint: 'Split the range into several lines, or sweep the fleet in parts.' };
  }
  return out;
}

/**
 * `host:2222`, `192.0.2.1:2222` and `[2001:db8::1]:2222` carry a port (Ansible's parse_address); a colon
 * inside a range (`web[01:03]`) or a bare IPv6 address does not.
 */
export function splitPort(pattern: string): { pattern: string; port: number | null } {
  const v6 = /^\[([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)\]:(\d+)$/.exec(pattern);
  if (v6) return { pattern: v6[1] as string, port: Number(v6[2]) };
  const outside = pattern.replace(/\[[^\]]*\]/g, '[]');
  const m = /^([^:]+):(\d+)$/.exec(outside);
  if (!m) return { pattern, port: null };
  return { pattern: pattern.slice(0, pattern.lastIndexOf(':')), port: Number(m[2]) };
}
