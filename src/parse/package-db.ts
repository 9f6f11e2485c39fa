/**
 * The rsync package as a text package database records it (Debian's dpkg status, Alpine's apk installed),
 * the distribution from os-release, and the upstream X.Y.Z inside a distro version string. The distro's
 * full version is kept as written: a backported fix changes only its revision ("3.2.7-1+deb12u1").
 */

export type PackageManager = 'dpkg' | 'rpm' | 'apk';

export interface PackageEntry {
  manager: PackageManager;
  name: string;
  /** As the database has it: "1:3.2.7-1+deb12u1", "3.4.1-2.el9_5.1" ("E:" only when an epoch is set), "3.4.1-r0". */
  version: string;
  /** The file or command it was read from. */
  source: string;
}

export interface OsRelease {
  id: string;
  version_id: string;
  id_like: string[];
}

/** A version field longer than this is no package's; it is not copied into facts. */
const MAX_VERSION = 256;
const VERSION_WORD = /^[A-Za-z0-9.+~:_-]+$/;

function versionWord(v: string | undefined): string | null {
  return v !== undefined && v.length <= MAX_VERSION && VERSION_WORD.test(v) ? v : null;
}

/** Paragraphs of "Key: value" (dpkg) or "K:value" (apk) lines, separated by empty lines. */
function* paragraphs(text: string): Generator<string[]> {
  let lines: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (lines.length > 0) yield lines;
      lines = [];
    } else lines.push(line);
  }
  if (lines.length > 0) yield lines;
}

/** What a text database lists for a package: every usable entry, and how many had a Version refused. */
export interface PackageListing {
  found: PackageEntry[];
  refusedVersions: number;
}

/** The installed `name` stanza of /var/lib/dpkg/status: Status "… installed", its full Version. */
export function dpkgPackage(text: string, source: string, name = 'rsync'): PackageEntry | null {
  return dpkgPackages(text, source, name).found[0] ?? null;
}

/** Every installed `name` stanza of /var/lib/dpkg/status (a sane database has one). */
export function dpkgPackages(text: string, source: string, name = 'rsync'): PackageListing {
  const out: PackageListing = { found: [], refusedVersions: 0 };
  for (const lines of paragraphs(text)) {
    const field = (key: string) =>
      lines
        .find((l) => l.startsWith(`${key}:`))
        ?.slice(key.length + 1)
        .trim();
    if (field('Package') !== name) continue;
    // "deinstall ok config-files" is a removed package whose conffiles stayed: not what runs.
    if (!/\sinstalled$/.test(` ${field('Status') ?? ''}`)) continue;
    const version = versionWord(field('Version'));
    if (version) out.found.push({ manager: 'dpkg', name, version, source });
    else out.refusedVersions++;
  }
  return out;
}

/** The `name` record of /lib/apk/db/installed (P: name, V: full version such as 3.4.1-r0). */
export function apkPackage(text: string, source: string, name = 'rsync'): PackageEntry | null {
  return apkPackages(text, source, name).found[0] ?? null;
}

/** Every `name` record of /lib/apk/db/installed (a sane database has one). */
export function apkPackages(text: string, source: string, name = 'rsync'): PackageListing {
  const out: PackageListing = { found: [], refusedVersions: 0 };
  for (const lines of paragraphs(text)) {
    if (!lines.includes(`P:${name}`)) continue;
    const version = versionWord(lines.find((l) => l.startsWith('V:'))?.slice(2));
    if (version) out.found.push({ manager: 'apk', name, version, source });
    else out.refusedVersions++;
  }
  return out;
}

/**
 * The upstream release inside a distro version: the epoch ("1:") and the revision after the last "-"
 * dropped, then the leading X.Y.Z ("3.5.0+ds1-0+deb12u1" → 3.5.0). null when there is none.
 */
export function upstreamOf(version: string): string | null {
  const noEpoch = version.replace(/^\d+:/, '');
  const dash = noEpoch.lastIndexOf('-');
  const upstream = dash > 0 ? noEpoch.slice(0, dash) : noEpoch;
  // A pre-release sorts before its release ("3.5.0~rc1", apk "3.5.0_rc1", rsync's own "3.5.0pre1"): it is not 3.5.0.
  // What may follow the release: a repack ("+ds1"), an rpm snapshot ("^"), an apk patch or VCS suffix ("_p1", "_git…").
  return /^(\d+\.\d+\.\d+)(?:$|[+^]|_(?:p|git|cvs|svn|hg)\d*(?:$|[._+-]))/.exec(upstream)?.[1] ?? null;
}

/** ID, VERSION_ID and ID_LIKE of an os-release file (os-release(5): shell-like assignments, quotes optional). */
export function parseOsRelease(text: string): OsRelease | null {
  const values = new Map<string, string>();
  for (const raw of text.split('\n').slice(0, 200)) {
    const m = /^(ID|VERSION_ID|ID_LIKE)=(.{0,200})$/.exec(raw.trim());
    if (!m?.[1] || m[2] === undefined) continue;
    values.set(m[1], unquote(m[2]));
  }
  const id = values.get('ID') ?? 'linux';
  // os-release(5) allows only lower-case letters, digits, "_", "-" and "." in these.
  const word = /^[a-z0-9._-]{1,64}$/;
  if (!word.test(id)) return null;
  const versionId = values.get('VERSION_ID') ?? '';
  return {
    id,
    version_id: /^[A-Za-z0-9._~-]{0,64}$/.test(versionId) ? versionId : '',
    id_like: (values.get('ID_LIKE') ?? '')
      .split(/\s+/)
      .filter((w) => word.test(w))
      .slice(0, 16),
  };
}

function unquote(v: string): string {
  const q = v[0];
  if ((q === '"' || q === "'") && v.endsWith(q) && v.length >= 2) return v.slice(1, -1).replace(/\\(.)/g, '$1');
  return v;
}
