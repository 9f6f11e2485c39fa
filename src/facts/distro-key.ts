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
  /** How the judgement names it: "Debian 12", "Rocky Linux 9 (RHEL 9 data)". */
  label: string;
}

type Family = 'debian' | 'ubuntu' | 'alpine' | 'rhel' | 'amzn';

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

/** The release part of the key: Debian, RHEL and their rebuilds by major ("12", "9.5" → "9"); Ubuntu whole ("22.04"); Alpine by major.minor ("3.20.3" → "3.20"); Amazon Linux whole ("2023"). */
function release(family: Family, versionId: string): string | null {
  const parts = versionId.split('.');
  if (!parts.every((p) => /^\d+$/.test(p))) return null;
  switch (family) {
    case 'debian':
    case 'rhel':
      return parts[0] ?? null;
    case 'alpine':
      return parts.length >= 2 ? `${parts[0]}.${parts[1]}` : null;
    case 'ubuntu':
    case 'amzn':
      return versionId;
  }
}

/** The table row for this os-release, or null when the table has none for it (an unknown distro, a testing release without VERSION_ID). */
export function distroRow(distro: NonNullable<RsyncFacts['distro']>): DistroRow | null {
  // ID first: Ubuntu says ID_LIKE=debian, and its versions are not Debian's. ID_LIKE is the fallback for a rebuild that names its parent.
  const id = FAMILY_OF_ID[distro.id] ? distro.id : distro.id_like.find((like) => FAMILY_OF_ID[like] !== undefined);
  const family = id === undefined ? undefined : FAMILY_OF_ID[id];
  if (id === undefined || family === undefined) return null;
  const rel = release(family, distro.version_id);
  if (rel === null) return null;
  const key = `${family}:${rel}`;
  const own = ID_LABEL[id];
  const label = own === undefined ? `${FAMILY_LABEL[family]} ${rel}` : `${own} ${rel} (${FAMILY_LABEL[family]} ${rel} data)`;
  return { key, manager: MANAGER[family], label };
}
