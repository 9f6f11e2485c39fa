/**
 * Which rsync release a target runs, from what it shows: `rsync --version` on a host, the package
 * database of an image (Debian's dpkg status, Alpine's apk installed, the rpm database: SQLite, Berkeley DB or ndb). `version` is the
 * upstream X.Y.Z; the package keeps the distro's full string, which is what a backported fix changes. What
 * cannot be read is said in `unknown`, never guessed.
 */
import type { ImageFs } from '../sources/index.ts';
import { apkPackage, dpkgPackage, type OsRelease, type PackageEntry, parseOsRelease, upstreamOf } from './package-db.ts';
import { rpmVersionString } from './rpm-header.ts';
import { rpmPackageFromBdb } from './rpmdb-bdb.ts';
import { rpmPackageFromNdb } from './rpmdb-ndb.ts';
import { rpmPackageFromSqlite } from './rpmdb-sqlite.ts';

/** Where images keep their package databases (/var/lib/rpm is a link to /usr/lib/sysimage/rpm on newer systems). */
export const PACKAGE_DATABASES = {
  dpkg: '/var/lib/dpkg/status',
  apk: '/lib/apk/db/installed',
  rpmSqlite: ['/var/lib/rpm/rpmdb.sqlite', '/usr/lib/sysimage/rpm/rpmdb.sqlite'],
  rpmBdb: ['/var/lib/rpm/Packages', '/usr/lib/sysimage/rpm/Packages'],
  rpmNdb: ['/var/lib/rpm/Packages.db', '/usr/lib/sysimage/rpm/Packages.db'],
} as const;
export const OS_RELEASE_FILES = ['/etc/os-release', '/usr/lib/os-release'] as const;
/** The files an image scan reads for the release; package databases may be this big (a full Fedora rpmdb.sqlite is tens of MB). */
export const RELEASE_FILES: readonly string[] = [PACKAGE_DATABASES.dpkg, PACKAGE_DATABASES.apk, ...PACKAGE_DATABASES.rpmSqlite, ...PACKAGE_DATABASES.rpmBdb, ...PACKAGE_DATABASES.rpmNdb, ...OS_RELEASE_FILES];
export const PACKAGE_DB_MAX_BYTES = 48 << 20;

export interface RsyncRelease {
  /** Upstream X.Y.Z, or null. */
  version: string | null;
  /** Where the version came from: 'rsync --version', 'dpkg status', 'apk database', 'rpm database'. */
  source: string | null;
  package: PackageEntry | null;
  distro: (OsRelease & { source: string }) | null;
  /** Why the version is unknown; null when it is known. */
  unknown: string | null;
}

/** "rsync  version 3.5.0  protocol version 32" → "3.5.0". */
export function releaseFromVersionLine(line: string): string | null {
  return /version\s+(\d+\.\d+\.\d+)/.exec(line)?.[1] ?? null;
}

const SOURCE_OF = { dpkg: 'dpkg status', apk: 'apk database', rpm: 'rpm database' } as const;

/** The release a package entry says, its upstream part as the version. */
export function releaseFromPackage(pkg: PackageEntry, distro: RsyncRelease['distro']): RsyncRelease {
  const version = upstreamOf(pkg.version);
  return { version, source: version ? SOURCE_OF[pkg.manager] : null, package: pkg, distro, unknown: version ? null : `the ${pkg.manager} package version ${pkg.version} has no upstream X.Y.Z` };
}

/** The image's os-release (/etc first, as systemd reads it), with the file it came from. */
export function imageDistro(fs: ImageFs): RsyncRelease['distro'] {
  for (const path of OS_RELEASE_FILES) {
    const text = fs.content(path)?.toString('utf8');
    const os = text === undefined ? null : parseOsRelease(text);
    if (os) return { ...os, source: path };
  }
  return null;
}

/** The image's rsync package from whichever database lists it (dpkg, apk, then rpm), or why none can say. */
export async function imageRsyncRelease(fs: ImageFs): Promise<RsyncRelease> {
  const distro = imageDistro(fs);
  const notes: string[] = [];
  const bytes = (path: string): Buffer | undefined => {
    const b = fs.content(path);
    if (b === undefined && fs.stat(path)?.kind === 'file') notes.push(`${path} ${fs.unreadable(path, PACKAGE_DB_MAX_BYTES) ?? 'could not be read'}`);
    return b;
  };
  for (const [path, read] of [
    [PACKAGE_DATABASES.dpkg, dpkgPackage],
    [PACKAGE_DATABASES.apk, apkPackage],
  ] as const) {
    const text = bytes(path)?.toString('utf8');
    if (text === undefined) continue;
    const pkg = read(text, path);
    if (pkg) return releaseFromPackage(pkg, distro);
    notes.push(`${path} lists no installed rsync`);
  }
  const seen = new Set<string>();
  const rpmFiles = [
    ...PACKAGE_DATABASES.rpmSqlite.map((path) => ({ path, format: 'sqlite' as const })),
    ...PACKAGE_DATABASES.rpmBdb.map((path) => ({ path, format: 'Berkeley DB' as const })),
    ...PACKAGE_DATABASES.rpmNdb.map((path) => ({ path, format: 'ndb' as const })),
  ];
  for (const { path, format } of rpmFiles) {
    const real = fs.stat(path);
    if (real?.kind !== 'file' || seen.has(real.path)) continue;
    seen.add(real.path);
    const db = bytes(path);
    if (db === undefined) continue;
    // A write-ahead log holds changes not yet in the main file; sql.js reads only the main file.
    if (format === 'sqlite' && (fs.stat(`${path}-wal`)?.size ?? 0) > 0) {
      notes.push(`${path} has changes in its write-ahead log (${path}-wal) that cannot be applied; not read`);
      continue;
    }
    const r = format === 'sqlite' ? await rpmPackageFromSqlite(db, 'rsync') : format === 'ndb' ? rpmPackageFromNdb(db, 'rsync') : rpmPackageFromBdb(db, 'rsync');
    if (!r.ok) notes.push(`${path}${format === 'sqlite' ? '' : ` (rpm ${format} database)`}: ${r.error}; version unknown`);
    else if (r.value) return releaseFromPackage({ manager: 'rpm', name: 'rsync', version: rpmVersionString(r.value), source: path }, distro);
    else notes.push(r.skipped > 0 ? `${path}: ${r.skipped} package headers could not be read, and rsync may be one of them` : `${path} lists no rsync`);
  }
  return { version: null, source: null, package: null, distro, unknown: notes.length > 0 ? notes.join('; ') : 'the image has no package database (dpkg, apk or rpm) to say which rsync it holds' };
}
