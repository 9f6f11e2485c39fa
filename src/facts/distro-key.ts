/**
 * Which row of the distro table (contract C3) a target's os-release selects, and which package manager
 * that distro's versions are ordered by. Only distros whose fixed versions the table can hold are mapped;
 * any other distro is judged by the upstream version, and the judgement says so.
 */
import type { PackageManager } from '../common/index.ts';
import type { RsyncFacts } from './types.ts';

export interface DistroRow {
  /** The table key, e.g. "debian:12", "rhel:9", "alpine:3.20". */
  key: string;
  manager: PackageManager;
  /** How the judgement names it: "Debian 12", "Rocky Linux 9 (RHEL 9 data)", "raspbian 12 (Debian 12 data)". */
  label: string;
  /** The row's own distro, whose builds its fixed versions are: "Debian 12". */
  data: string;
  family: Family;
  /** The release part of the key ("12", "9", "22.04"). */
  release: string;
  /** Matched through ID_LIKE: a derivative whose own packages the parent's table does not describe. */
  derivative: boolean;
}

export type Family = 'debian' | 'ubuntu' | 'alpine' | 'rhel' | 'amzn';

const FAMILY_OF_ID: Readonly<Record<string, Family>> = {
  debian: 'debian',
  ubuntu: 'ubuntu',
  alpine: 'alpine',
  rhel: 'rhel',
  rocky: 'rhel',
  almalinux: 'rhel',
  centos: 'rhel',
  ol: 'rhel',
  amzn: 'amzn',
};

const MANAGER: Readonly<Record<Family, PackageManager>> = { debian: 'dpkg', ubuntu: 'dpkg', alpine: 'apk', rhel: 'rpm', amzn: 'rpm' };
const FAMILY_LABEL: Readonly<Record<Family, string>> = { debian: 'Debian', ubuntu: 'Ubuntu', alpine: 'Alpine', rhel: 'RHEL', amzn: 'Amazon Linux' };
const ID_LABEL: Readonly<Record<string, string>> = { rocky: 'Rocky Linux', almalinux: 'AlmaLinux', centos: 'CentOS', ol: 'Oracle Linux' };

/**
 * The release part of the key, from VERSION_ID in the form the family itself writes it: Debian, RHEL and
 * their rebuilds by major ("12", "9.5" → "9"; Debian writes a bare integer); Ubuntu "YY.MM" whole;
 * Alpine by major.minor ("3.20.3" → "3.20"); Amazon Linux whole ("2023"). A derivative's own numbering
 * (Kali "2024.4", Linux Mint "22") is no release of its parent: null.
 */
function release(family: Family, versionId: string): string | null {
  const parts = versionId.split('.');
  if (!parts.every((p) => /^\d+$/.test(p))) return null;
  switch (family) {
    case 'debian':
      return parts.length === 1 ? (parts[0] ?? null) : null;
    case 'rhel':
      return parts[0] ?? null;
    case 'alpine':
      return parts.length >= 2 ? `${parts[0]}.${parts[1]}` : null;
    case 'ubuntu':
      return /^\d{2}\.\d{2}$/.test(versionId) ? versionId : null;
    case 'amzn':
      return versionId;
  }
}

/** The table row for this os-release, or null when the table has none for it (an unknown distro, a testing release without VERSION_ID). */
export function distroRow(distro: NonNullable<RsyncFacts['distro']>): DistroRow | null {
  // ID first: Ubuntu says ID_LIKE=debian, and its versions are not Debian's. ID_LIKE is the fallback for a
  // derivative that names its parent; the judgement uses the parent's row only for the parent's own builds.
  const derivative = FAMILY_OF_ID[distro.id] === undefined;
  const id = derivative ? distro.id_like.find((like) => FAMILY_OF_ID[like] !== undefined) : distro.id;
  const family = id === undefined ? undefined : FAMILY_OF_ID[id];
  if (id === undefined || family === undefined) return null;
  const rel = release(family, distro.version_id);
  if (rel === null) return null;
  const key = `${family}:${rel}`;
  const data = `${FAMILY_LABEL[family]} ${rel}`;
  const own = ID_LABEL[id];
  // A derivative is named as its os-release names itself, so the text never claims a parent release it is not.
  const label = derivative ? `${distro.id} ${distro.version_id} (${data} data)` : own === undefined ? data : `${own} ${rel} (${data} data)`;
  return { key, manager: MANAGER[family], label, data, family, release: rel, derivative };
}
