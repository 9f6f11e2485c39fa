/**
 * RPM version ordering: `[epoch:]version[-release]`, compared epoch (missing = 0) as a number, then version,
 * then release, each with rpm's segment comparison (rpmvercmp, as rpm 4.15+ documents it): the strings are
 * split into runs of digits and runs of letters, everything else only separates; a numeric run beats an
 * alphabetic one; numeric runs compare by value, alphabetic ones by byte order; `~` sorts before anything,
 * the end included (pre-releases: 1.0~rc1 < 1.0), and `^` sorts after the end but before anything else
 * (snapshots after a release: 1.0 < 1.0^git1 < 1.0.1); when all runs are equal, the string with runs left
 * over is the greater.
 */
import { compareDigits, type Order } from './digits.ts';

export interface RpmVersion {
  epoch: string;
  version: string;
  /** '' when the string has no release; it then sorts before any release. */
  release: string;
}

const PART = /^[A-Za-z0-9._+~^]+$/;

export function parseRpmVersion(text: string): RpmVersion | null {
  const colon = text.indexOf(':');
  const epoch = colon === -1 ? '0' : text.slice(0, colon);
  if (!/^\d+$/.test(epoch)) return null;
  const rest = colon === -1 ? text : text.slice(colon + 1);
  const dash = rest.lastIndexOf('-');
  const version = dash === -1 ? rest : rest.slice(0, dash);
  const release = dash === -1 ? '' : rest.slice(dash + 1);
  if (!PART.test(version) || (dash !== -1 && !PART.test(release))) return null;
  return { epoch, version, release };
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

/** rpmvercmp over one part. */
export function compareRpmPart(a: string, b: string): Order {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  for (;;) {
    // Separators carry no weight: skip to the next run or marker.
    while (i < a.length && !isDigit(a[i]) && !isAlpha(a[i]) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !isDigit(b[j]) && !isAlpha(b[j]) && b[j] !== '~' && b[j] !== '^') j++;
    const ca = a[i];
    const cb = b[j];
    if (ca === '~' || cb === '~') {
      if (ca !== '~') return 1;
      if (cb !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (ca === '^' || cb === '^') {
      // The end sorts before `^`; `^` sorts before any run.
      if (ca === undefined) return -1;
      if (cb === undefined) return 1;
      if (ca !== '^') return 1;
      if (cb !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (ca === undefined || cb === undefined) break;
    const numeric = isDigit(ca);
    const inRun = numeric ? isDigit : isAlpha;
    const startA = i;
    const startB = j;
    while (inRun(a[i])) i++;
    while (inRun(b[j])) j++;
    // b has a run of the other kind here: a numeric run beats an alphabetic one.
    if (j === startB) return numeric ? 1 : -1;
    const ra = a.slice(startA, i);
    const rb = b.slice(startB, j);
    const d = numeric ? compareDigits(ra, rb) : ra < rb ? -1 : ra > rb ? 1 : 0;
    if (d !== 0) return d;
  }
  const leftA = i < a.length;
  const leftB = j < b.length;
  return leftA === leftB ? 0 : leftA ? 1 : -1;
}

export function compareRpmParsed(a: RpmVersion, b: RpmVersion): Order {
  return compareDigits(a.epoch, b.epoch) || compareRpmPart(a.version, b.version) || compareRpmPart(a.release, b.release);
}

/** -1, 0 or 1; null when either string is not an rpm EVR. */
export function compareRpmVersions(a: string, b: string): Order | null {
  const x = parseRpmVersion(a);
  const y = parseRpmVersion(b);
  return x && y ? compareRpmParsed(x, y) : null;
}
