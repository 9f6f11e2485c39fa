/**
 * Ansible's INI inventory, read as its ini plugin reads it: `[group]`, `[group:vars]` and
 * `[group:children]` sections; a host line is split like a shell line (shlex: "…" and '…' quoting, a
 * backslash escape, `#` starts a comment), its first word a host pattern (`web[01:03]`, `db-[a:c]`), the
 * rest `key=value`; a `[group:vars]` value is the rest of the line after `=`. Errors name the line and the
 * key, never a value: inventories carry passwords (ansible_password, ansible_become_pass).
 */
import type { JsonObject } from '../common/index.ts';

/** One listing of a host: a host may be listed in several groups. */
export interface Occurrence {
  name: string;
  group: string;
  /** Where it is listed: `file:line`, or the file. */
  where: string;
  /** How a message names the place: `line 3 (group "web")`, `group "web"`. */
  place: string;
}

export interface IniResult {
  occurrences: Occurrence[];
  /** Each host's own variables, from every line that lists it. */
  hostVars: Map<string, { vars: JsonObject; lineOf: Map<string, number> }>;
  groupVars: Map<string, { vars: JsonObject; lineOf: Map<string, number> }>;
}

export interface IniError {
  message: string;
  where: string;
  hint: string;
}

/** The variables that decide how ssh reaches a host (rsyncguard's own names and Ansible's). */
export const CONNECTION_KEYS: readonly string[] = ['address', 'ansible_host', 'ansible_ssh_host', 'port', 'ansible_port', 'ansible_ssh_port', 'user', 'ansible_user', 'ansible_ssh_user', 'jump', 'sudo', 'ansible_become'];

/** The largest number of hosts one pattern may stand for. */
export const MAX_RANGE_HOSTS = 10_000;

/** A name as JSON, with the characters a terminal would act on or reorder escaped. */
export const shown = (v: string) => JSON.stringify(v).replace(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const INI_HINT = 'Write host lines as `name key=value …` (quote a value with spaces: key="a b"), and [group], [group:vars] or [group:children] headers (docs/fleet.md).';
const RANGE_HINT = 'A range is [begin:end] or [begin:end:step]: numbers (01:20 keeps the zero padding) or single letters (a:f), as Ansible expands them.';

/** A shell-like split (Python's shlex in POSIX mode with comments), or null when a quotation is not closed. */
export function shellWords(line: string): string[] | null {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === '#') {
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

/** What Ansible's literal_eval makes of a simple value: a number, a boolean, a quoted string, else the text. */
function value(text: string): unknown {
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text === 'True' || text === 'False') return text === 'True';
  const quoted = /^(["'])(.*)\1\s*(?:#.*)?$/.exec(text);
  return quoted ? (quoted[2] ?? '') : text;
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

const HEADER = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$/;

/** The INI inventory's hosts and variables; connection variables that disagree are the caller's to judge. */
export function readIni(text: string, file: string): IniResult | IniError {
  const res: IniResult = { occurrences: [], hostVars: new Map(), groupVars: new Map() };
  let group = 'ungrouped';
  let section = 'hosts';
  for (const [i, raw] of text.split('\n').entries()) {
    const n = i + 1;
    const where = `${file}:${n}`;
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const h = HEADER.exec(line);
      if (!h) return { message: 'not a section header: a header is [name], [name:vars] or [name:children], with no spaces, and closed by "]"', where, hint: INI_HINT };
      if (h[2] !== undefined && !['vars', 'children', 'hosts'].includes(h[2])) return { message: 'a section header names a kind other than vars, children or hosts', where, hint: INI_HINT };
      group = h[1] as string;
      section = h[2] ?? 'hosts';
      continue;
    }
    if (section === 'children') continue;
    if (section === 'vars') {
      const eq = line.indexOf('=');
      if (eq < 0) return { message: `a [${group}:vars] line is not key=value`, where, hint: INI_HINT };
      const key = line.slice(0, eq).trim();
      if (key === '') return { message: `a [${group}:vars] line has no variable name before "="`, where, hint: INI_HINT };
      const gv = res.groupVars.get(group) ?? { vars: {}, lineOf: new Map<string, number>() };
      gv.vars[key] = value(line.slice(eq + 1).trim());
      gv.lineOf.set(key, n);
      res.groupVars.set(group, gv);
      continue;
    }
    const words = shellWords(line);
    if (words === null) return { message: 'a quotation on this line is not closed', where, hint: INI_HINT };
    const [pattern, ...pairs] = words;
    if (pattern === undefined) continue;
    const vars: JsonObject = {};
    for (const [k, p] of pairs.entries()) {
      const eq = p.indexOf('=');
      if (eq < 0) return { message: `word ${k + 2} of this host line is not key=value`, where, hint: INI_HINT };
      if (eq === 0) return { message: `word ${k + 2} of this host line has no variable name before "="`, where, hint: INI_HINT };
      vars[p.slice(0, eq)] = value(p.slice(eq + 1));
    }
    const names = expandHostPattern(pattern);
    if (!Array.isArray(names)) return { message: `the host pattern ${names.error}`, where, hint: names.hint };
    for (const name of names) {
      res.occurrences.push({ name, group, where, place: `line ${n} (group ${shown(group)})` });
      const hv = res.hostVars.get(name) ?? { vars: {}, lineOf: new Map<string, number>() };
      for (const [k, v] of Object.entries(vars)) {
        const before = hv.lineOf.get(k);
        if (before !== undefined && CONNECTION_KEYS.includes(k) && hv.vars[k] !== v) {
          return { message: `host ${shown(name)} is given a different ${k} here than on line ${before}`, where, hint: 'A host listed in several groups is one host: give its connection variables once, or the same on every line.' };
        }
        hv.vars[k] = v;
        hv.lineOf.set(k, n);
      }
      res.hostVars.set(name, hv);
    }
  }
  return res;
}
