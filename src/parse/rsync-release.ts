/**
 * Which rsync release a target runs, from what it shows: `rsync --version` on a host, the package
 * database of an image (Debian's dpkg status, Alpine's apk installed, the rpm database: SQLite, Berkeley DB or ndb). `version` is the
 * upstream X.Y.Z; the package keeps the distro's full string, which is what a backported fix changes. What
 * cannot be read is said in `unknown`, never guessed.
 */
import type { ImageFs } from '../sources/index.ts';
import { comparePackageVersions } from '../common/index.ts';
import { apkPackages, dpkgPackages, type OsRelease, type PackageEntry, parseOsRelease, upstreamOf } from './package-db.ts';
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
  /** The compressors `rsync --version` lists; absent when no binary was run. */
  compress?: string[] | null;
  /**
   * Files that are there but could not be read or trusted (a package database corrupt, over the cap or not a
   * regular file; an os-release the same; rsync listed twice), each "path: why": the target was not fully
   * read, which the runner makes an error of the target (exit 2) beside its findings.
   */
  refused?: string[];
  /** Why the distro is null although the image has an os-release: the CVE bases say so. */
  distroUnknown?: string;
}

const KIND_WORD = { dir: 'a directory', symlink: 'a link', other: 'a FIFO or device' } as const;

/** Why a path that is present cannot be read (null when it is absent or readable). */
function refusal(fs: ImageFs, path: string, maxBytes: number): string | null {
  if (!fs.exists(path)) return null;
  const st = fs.stat(path);
  if (st === undefined) return 'is a link that resolves to nothing inside the image (dangling or looping)';
  if (st.kind !== 'file') return `is ${KIND_WORD[st.kind]}, not a regular file`;
  if (fs.content(path) !== undefined) return null;
  return fs.unreadable(path, maxBytes) ?? 'could not be read';
}

/** The os-release's problem when the first one present cannot be read or parsed, as systemd picks it. */
function osReleaseRefusal(fs: ImageFs): string | null {
  for (const path of OS_RELEASE_FILES) {
    if (!fs.exists(path)) continue;
    const why = refusal(fs, path, PACKAGE_DB_MAX_BYTES);
    if (why !== null) return `${path} ${why}`;
    const text = fs.content(path)?.toString('utf8');
    return text !== undefined && parseOsRelease(text) === null ? `${path} has an ID that is no os-release ID` : null;
  }
  return null;
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

/**
 * Of several entries for one package (a database that lists rsync twice), the oldest: judging by the newest
 * could call fixed what may still run. Versions the manager's ordering cannot compare keep the first.
 */
function oldestOf(found: readonly PackageEntry[]): PackageEntry | undefined {
  return found.reduce<PackageEntry | undefined>((old, p) => (old === undefined || comparePackageVersions(p.manager, p.version, old.version) === -1 ? p : old), undefined);
}

/** The image's rsync package from whichever database lists it (dpkg, apk, then rpm), or why none can say. */
export async function imageRsyncRelease(fs: ImageFs): Promise<RsyncRelease> {
  const osRefused = osReleaseRefusal(fs);
  const distro = osRefused === null ? imageDistro(fs) : null;
  const refused: string[] = osRefused === null ? [] : [osRefused];
  const notes: string[] = [];
  const done = (r: RsyncRelease): RsyncRelease => ({ ...r, ...(refused.length > 0 ? { refused } : {}), ...(osRefused !== null ? { distroUnknown: `os-release unreadable: ${osRefused}` } : {}) });
  // A database that is there but refused is said as what it is, and counts as not fully read.
  const bytes = (path: string): Buffer | undefined => {
    const why = refusal(fs, path, PACKAGE_DB_MAX_BYTES);
    if (why !== null) {
      notes.push(`${path} ${why}`);
      refused.push(`${path} ${why}`);
    }
    return fs.content(path);
  };
  for (const [path, read] of [
    [PACKAGE_DATABASES.dpkg, dpkgPackages],
    [PACKAGE_DATABASES.apk, apkPackages],
  ] as const) {
    const text = bytes(path)?.toString('utf8');
    if (text === undefined) continue;
    const { found, refusedVersions } = read(text, path);
    const oldest = oldestOf(found);
    if (found.length > 1 && oldest) refused.push(`${path} lists rsync ${found.length} times (${found.map((p) => p.version).join(', ')}); judged by the oldest, ${oldest.version}`);
    if (oldest) return done(releaseFromPackage(oldest, distro));
    const why = refusedVersions > 0 ? `${path} lists rsync with a Version that is no package version; not read` : `${path} lists no installed rsync`;
    notes.push(why);
    if (refusedVersions > 0) refused.push(why);
  }
  const seen = new Set<string>();
  const rpmFiles = [
    ...PACKAGE_DATABASES.rpmSqlite.map((path) => ({ path, format: 'sqlite' as const })),
    ...PACKAGE_DATABASES.rpmBdb.map((path) => ({ path, format: 'Berkeley DB' as const })),
    ...PACKAGE_DATABASES.rpmNdb.map((path) => ({ path, format: 'ndb' as const })),
  ];
  for (const { path, format } of rpmFiles) {
    const real = fs.stat(path);
    if (real !== undefined && seen.has(real.path)) continue;
    if (real !== undefined) seen.add(real.path);
    const db = bytes(path);
    if (db === undefined) continue;
    const refuse = (why: string): void => {
      notes.push(why);
      refused.push(why);
    };
    // A write-ahead log holds changes not yet in the main file; sql.js reads only the main file.
    if (format === 'sqlite' && (fs.stat(`${path}-wal`)?.size ?? 0) > 0) {
      refuse(`${path} has changes in its write-ahead log (${path}-wal) that cannot be applied; not read`);
      continue;
    }
    const r = format === 'sqlite' ? await rpmPackageFromSqlite(db, 'rsync') : format === 'ndb' ? rpmPackageFromNdb(db, 'rsync') : rpmPackageFromBdb(db, 'rsync');
    if (!r.ok) refuse(`${path}${format === 'sqlite' ? '' : ` (rpm ${format} database)`}: ${r.error}; version unknown`);
    else if (r.value) return done(releaseFromPackage({ manager: 'rpm', name: 'rsync', version: rpmVersionString(r.value), source: path }, distro));
    else if (r.skipped > 0) refuse(`${path}: ${r.skipped} package headers could not be read, and rsync may be one of them`);
    else notes.push(`${path} lists no rsync`);
  }
  return done({ version: null, source: null, package: null, distro, unknown: notes.length > 0 ? notes.join('; ') : 'the image has no package database (dpkg, apk or rpm) to say which rsync it holds' });
}
