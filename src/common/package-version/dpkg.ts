/**
 * Debian version ordering (Debian Policy §5.6.12, "Version"): `[epoch:]upstream_version[-debian_revision]`.
 * The epoch is compared as a number, then the upstream version, then the revision, each with the
 * string comparison the Policy describes: alternate non-digit and digit runs; in non-digit runs `~` sorts
 * before anything (even the end of the string), letters sort before non-letters, and the end of the string
 * sorts before any other character; digit runs compare as numbers (an empty run is 0).
 */
import { compareDigits, type Order, sign } from './digits.ts';

export interface DpkgVersion {
  epoch: string;
  upstream: string;
  revision: string;
}

const UPSTREAM = /^[A-Za-z0-9.+~:-]+$/;
const REVISION = /^[A-Za-z0-9.+~]*$/;

/** Splits a version as dpkg does; null when it is not a Debian version at all (so nothing is guessed). */
export function parseDpkgVersion(text: string): DpkgVersion | null {
  const colon = text.indexOf(':');
  const epoch = colon === -1 ? '0' : text.slice(0, colon);
  if (!/^\d+$/.test(epoch)) return null;
  const rest = colon === -1 ? text : text.slice(colon + 1);
  const dash = rest.lastIndexOf('-');
  const upstream = dash === -1 ? rest : rest.slice(0, dash);
  const revision = dash === -1 ? '' : rest.slice(dash + 1);
  // Policy: the upstream part should start with a digit; dpkg only warns, so a letter start is accepted.
  if (upstream === '' || !UPSTREAM.test(upstream) || !REVISION.test(revision)) return null;
  if (dash !== -1 && revision === '') return null;
  // A colon inside the upstream part is only legal when an epoch was written.
  if (colon === -1 && upstream.includes(':')) return null;
  return { epoch, upstream, revision };
}

/** The weight of one character in a non-digit run; 0 stands for "a digit or the end". */
function weight(c: string | undefined): number {
  if (c === undefined || (c >= '0' && c <= '9')) return 0;
  if (c === '~') return -1;
  const code = c.charCodeAt(0);
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return code;
  return code + 256;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** The Policy's comparison of one part (upstream or revision). */
export function comparePart(a: string, b: string): Order {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const d = weight(a[i]) - weight(b[j]);
      if (d !== 0) return sign(d);
      i++;
      j++;
    }
    const startA = i;
    const startB = j;
    while (isDigit(a[i])) i++;
    while (isDigit(b[j])) j++;
    const d = compareDigits(a.slice(startA, i), b.slice(startB, j));
    if (d !== 0) return d;
  }
  return 0;
}

export function compareDpkgParsed(a: DpkgVersion, b: DpkgVersion): Order {
  return compareDigits(a.epoch, b.epoch) || comparePart(a.upstream, b.upstream) || comparePart(a.revision, b.revision);
}

/** -1, 0 or 1; null when either string is not a Debian version. */
export function compareDpkgVersions(a: string, b: string): Order | null {
  const x = parseDpkgVersion(a);
  const y = parseDpkgVersion(b);
  return x && y ? compareDpkgParsed(x, y) : null;
}
