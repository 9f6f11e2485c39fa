/**
 * Which rsync release a target runs, from what it shows: `rsync --version` on a host, the package
 * database of an image (Debian's dpkg status, Alpine's apk installed). The upstream version only: a
 * Debian epoch ("1:") and revision ("-1+deb12u1") are dropped.
 */

/** Where images keep their package databases. */
export const PACKAGE_DATABASES = { dpkg: '/var/lib/dpkg/status', apk: '/lib/apk/db/installed' } as const;

export interface RsyncRelease {
  version: string;
  source: string;
}

/** "rsync  version 3.5.0  protocol version 32" → "3.5.0". */
export function releaseFromVersionLine(line: string): string | null {
  return /version\s+(\d+\.\d+\.\d+)/.exec(line)?.[1] ?? null;
}

/** The rsync package's stanza in /var/lib/dpkg/status. */
export function releaseFromDpkgStatus(text: string): string | null {
  return /^Package: rsync\n(?:[^\n]+\n)*?Version: (?:\d+:)?(\d+\.\d+\.\d+)/m.exec(text)?.[1] ?? null;
}

/** The rsync package's record in /lib/apk/db/installed. */
export function releaseFromApkInstalled(text: string): string | null {
  return /^P:rsync\nV:(\d+\.\d+\.\d+)/m.exec(text)?.[1] ?? null;
}

/** The rsync package's upstream version from dpkg or apk, whichever the image has (dpkg first). */
export function releaseFromPackages(dpkg: string | undefined, apk: string | undefined): RsyncRelease | null {
  const deb = dpkg ? releaseFromDpkgStatus(dpkg) : null;
  if (deb) return { version: deb, source: 'dpkg status' };
  const alp = apk ? releaseFromApkInstalled(apk) : null;
  return alp ? { version: alp, source: 'apk database' } : null;
}
