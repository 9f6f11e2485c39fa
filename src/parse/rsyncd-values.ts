/**
 * Typed values as loadparm.c do_parameter stores them. rsync never rejects a value outright: a badly
 * formed boolean keeps what was there, an integer takes atoi's leading digits. Reference: rsyncd.md §1.4.
 */
import { squash } from './rsyncd-params.ts';

export type Bool3 = boolean | 'unset';

/** set_boolean: yes/true/1 and no/false/0 (case and whitespace ignored); BOOL3 adds unset/-1. */
const BOOLEANS = new Map<string, Bool3>([
  ['YES', true],
  ['TRUE', true],
  ['1', true],
  ['NO', false],
  ['FALSE', false],
  ['0', false],
]);

export function parseBoolean(value: string, allowUnset: boolean): Bool3 | undefined {
  const key = squash(value);
  const b = BOOLEANS.get(key);
  if (b !== undefined) return b;
  return allowUnset && (key === 'UNSET' || key === '-1') ? 'unset' : undefined;
}

/**
 * glibc atoi is (int)strtol(s, NULL, 10): leading whitespace, an optional sign, then digits; the long
 * saturates at ±2^63 and the cast to int keeps the low 32 bits, so `4294967295` becomes -1.
 */
export function atoi(value: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(value);
  const digits = m?.[2] ?? '';
  if (digits === '') return 0;
  let n = BigInt(digits);
  const LONG_MAX = 2n ** 63n - 1n;
  if (m?.[1] === '-') n = n > LONG_MAX + 1n ? -(LONG_MAX + 1n) : -n;
  else if (n > LONG_MAX) n = LONG_MAX;
  return Number(BigInt.asIntN(32, n));
}

/** syslog facility names rsync knows (loadparm.c enum_syslog_facility); `security` is `auth`. */
const FACILITIES = ['auth', 'authpriv', 'cron', 'daemon', 'ftp', 'kern', 'lpr', 'mail', 'news', 'security', 'syslog', 'user', 'uucp', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'];

/** P_ENUM: a known name (strequal: case-insensitive, whitespace counts), else atoi if positive, else unchanged. */
export function parseFacility(value: string): string | number | undefined {
  const lower = value.toLowerCase();
  const name = FACILITIES.find((f) => f === lower);
  if (name) return name === 'security' ? 'auth' : name;
  const n = atoi(value);
  return n > 0 ? n : undefined;
}

/** P_PATH: trailing slashes are stripped, but `/` stays `/`. */
export function stripTrailingSlashes(value: string): string {
  let end = value.length;
  while (end > 1 && value[end - 1] === '/') end--;
  return value.slice(0, end);
}

/** `%VAR%` references rsync would expand from its environment (an uppercase letter after '%'). */
export function percentVars(value: string): string[] {
  const found: string[] = [];
  for (let i = value.indexOf('%'); i >= 0 && i < value.length; i = value.indexOf('%', i + 1)) {
    const next = value[i + 1] ?? '';
    if (next >= 'A' && next <= 'Z') {
      const close = value.indexOf('%', i + 1);
      if (close < 0) break;
      found.push(value.slice(i + 1, close));
      i = close;
    }
  }
  return found;
}
