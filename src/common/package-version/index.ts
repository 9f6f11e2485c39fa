/** Distro package version ordering: one comparison per package manager (dpkg, rpm, apk). */
import { compareApkVersions } from './apk.ts';
import type { Order } from './digits.ts';
import { compareDpkgVersions } from './dpkg.ts';
import { compareRpmVersions } from './rpm.ts';

export type { Order } from './digits.ts';
export { compareApkVersions, parseApkVersion } from './apk.ts';
export { compareDpkgVersions, parseDpkgVersion } from './dpkg.ts';
export { compareRpmVersions, parseRpmVersion } from './rpm.ts';

export type PackageManager = 'dpkg' | 'rpm' | 'apk';

/** -1, 0 or 1 in the manager's own ordering; null when either string is not a version of that manager. */
export function comparePackageVersions(manager: PackageManager, a: string, b: string): Order | null {
  switch (manager) {
    case 'dpkg':
      return compareDpkgVersions(a, b);
    case 'rpm':
      return compareRpmVersions(a, b);
    case 'apk':
      return compareApkVersions(a, b);
  }
}
