/**
 * Alpine (apk) version ordering, from the format apk-tools and the APKBUILD reference document:
 * `digits{.digits}[letter]{_suffix[digits]}[-r<digits>]`. Numbers compare part by part, and a version with
 * more number parts is the greater (1.0 < 1.0.1, and 1.0a < 1.0.1 because a letter only follows the last
 * part); a letter makes a version greater than none (1.0 < 1.0a). Suffixes come in two groups: pre-releases
 * `_alpha` < `_beta` < `_pre` < `_rc` sort before the plain version, post-releases `_cvs` < `_svn` < `_git` <
 * `_hg` < `_p` after it; a suffix without a number sorts before the same suffix with one. The package
 * revision `-rN` comes last, and no revision sorts before `-r0`.
 * Numbers with a leading zero after the first part (1.01) get a special ordering in apk-tools that no rsync
 * package uses; they are refused (null) rather than ordered by a guess.
 */
import { compareDigits, type Order } from './digits.ts';

const PRE = ['alpha', 'beta', 'pre', 'rc'] as const;
const POST = ['cvs', 'svn', 'git', 'hg', 'p'] as const;

export interface ApkSuffix {
  /** Negative for pre-releases (alpha = -4 … rc = -1), positive for post-releases (cvs = 1 … p = 5). */
  rank: number;
  /** null when the suffix has no number. */
  number: string | null;
}

export interface ApkVersion {
  numbers: string[];
  letter: string | null;
  suffixes: ApkSuffix[];
  /** null when there is no -rN. */
  revision: string | null;
}

const SHAPE = /^(\d+(?:\.\d+)*)([a-z])?((?:_[a-z]+\d*)*)(?:-r(\d+))?$/;

function suffixRank(name: string): number | null {
  const pre = PRE.indexOf(name as (typeof PRE)[number]);
  if (pre !== -1) return pre - PRE.length;
  const post = POST.indexOf(name as (typeof POST)[number]);
  return post === -1 ? null : post + 1;
}

export function parseApkVersion(text: string): ApkVersion | null {
  const m = SHAPE.exec(text);
  if (!m) return null;
  const numbers = (m[1] ?? '').split('.');
  if (numbers.slice(1).some((n) => n.length > 1 && n.startsWith('0'))) return null;
  const suffixes: ApkSuffix[] = [];
  for (const part of (m[3] ?? '').split('_').slice(1)) {
    const s = /^([a-z]+)(\d*)$/.exec(part);
    const rank = s ? suffixRank(s[1] ?? '') : null;
    if (!s || rank === null) return null;
    suffixes.push({ rank, number: s[2] === '' || s[2] === undefined ? null : s[2] });
  }
  return { numbers, letter: m[2] ?? null, suffixes, revision: m[4] ?? null };
}

/** Orders two optional numbers: absent sorts before any number. */
function compareOptional(a: string | null, b: string | null): Order {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareDigits(a, b);
}

export function compareApkParsed(a: ApkVersion, b: ApkVersion): Order {
  const n = Math.min(a.numbers.length, b.numbers.length);
  for (let k = 0; k < n; k++) {
    const d = compareDigits(a.numbers[k] ?? '', b.numbers[k] ?? '');
    if (d !== 0) return d;
  }
  if (a.numbers.length !== b.numbers.length) return a.numbers.length < b.numbers.length ? -1 : 1;
  if (a.letter !== b.letter) {
    if (a.letter === null) return -1;
    if (b.letter === null) return 1;
    return a.letter < b.letter ? -1 : 1;
  }
  const m = Math.max(a.suffixes.length, b.suffixes.length);
  for (let k = 0; k < m; k++) {
    const sa = a.suffixes[k];
    const sb = b.suffixes[k];
    // One side has run out of suffixes: the other's extra suffix decides by its group.
    if (sa === undefined) return sb !== undefined && sb.rank < 0 ? 1 : -1;
    if (sb === undefined) return sa.rank < 0 ? -1 : 1;
    if (sa.rank !== sb.rank) return sa.rank < sb.rank ? -1 : 1;
    const d = compareOptional(sa.number, sb.number);
    if (d !== 0) return d;
  }
  return compareOptional(a.revision, b.revision);
}

/** -1, 0 or 1; null when either string is not an apk version this module orders. */
export function compareApkVersions(a: string, b: string): Order | null {
  const x = parseApkVersion(a);
  const y = parseApkVersion(b);
  return x && y ? compareApkParsed(x, y) : null;
}
