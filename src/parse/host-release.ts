/**
 * Which rsync a live host runs, from what the collector saw: `--version` of the binary the daemon runs (or
 * of rsync on PATH), the package database's entry and os-release; and, when none of that says anything,
 * the protocol a daemon's greeting offered, as the range of releases that speak it.
 */
import type { HostRaw } from '../common/index.ts';
import { type PackageEntry, parseOsRelease, upstreamOf } from './package-db.ts';
import { releaseFromPackage, releaseFromVersionLine, type RsyncRelease } from './rsync-release.ts';

/**
 * The releases that speak each protocol by default (PROTOCOL_VERSION in rsync.h of each release tag of
 * RsyncProject/rsync): 30 from 3.0.0, 31 from 3.1.0 to 3.3.0, 32 from 3.4.0 on.
 */
const PROTOCOL_RELEASES: Record<number, { min: string; max: string | null }> = {
  25: { min: '2.5.0', max: '2.5.1' },
  26: { min: '2.5.2', max: '2.5.7' },
  27: { min: '2.6.0', max: '2.6.0' },
  28: { min: '2.6.1', max: '2.6.3' },
  29: { min: '2.6.4', max: '2.6.9' },
  30: { min: '3.0.0', max: '3.0.9' },
  31: { min: '3.1.0', max: '3.3.0' },
  32: { min: '3.4.0', max: null },
};

export type ProtocolRange = { min: string; max: string | null; source: string };

/**
 * The releases a daemon greeting "@RSYNCD: 31.0" (protocol "31.0") comes from, or why it says none. A
 * non-zero sub-protocol is a development build between releases; a protocol newer than any known release
 * names no release. A daemon started with --protocol=N greets with N: the range is what it says by default.
 */
export function rangeFromProtocol(protocol: string): ProtocolRange | { unknown: string } {
  const m = /^(\d{1,3})(?:\.(\d{1,3}))?$/.exec(protocol);
  if (!m) return { unknown: `the greeting's protocol "${protocol.slice(0, 20)}" is not a number` };
  const major = Number(m[1]);
  if (m[2] !== undefined && Number(m[2]) !== 0) return { unknown: `the greeting's protocol ${major}.${Number(m[2])} is a development build's` };
  const range = PROTOCOL_RELEASES[major];
  if (!range) return { unknown: `no rsync release is known to speak protocol ${major}` };
  const releases = range.max === null ? `${range.min} and later` : range.min === range.max ? range.min : `${range.min} to ${range.max}`;
  return { ...range, source: `probe greeting @RSYNCD: ${major}.0 (protocol ${major}: rsync ${releases})` };
}

/** The collector's package entry, kept only when its version is a version word (the host's output is untrusted text). */
function packageOf(raw: HostRaw): PackageEntry | null {
  const p = raw.rsync.package_db;
  if (p?.name !== 'rsync' || p.version.length > 256 || !/^[A-Za-z0-9.+~:_-]+$/.test(p.version)) return null;
  return { manager: p.manager, name: p.name, version: p.version, source: p.source };
}

/**
 * What the host says of the rsync that serves. The binary's --version wins; the package entry is kept
 * with it only when its upstream part is the same release (a binary built from source is not the
 * package). rsync on PATH does not speak for a daemon that runs a replaced binary (a package updated
 * while the daemon ran on): that daemon's version is unknown until it restarts.
 */
export function hostRsyncRelease(raw: HostRaw, probes: { protocol: string | null }[] = []): RsyncRelease & { range: ProtocolRange | null } {
  const os = raw.host.os_release ? parseOsRelease(raw.host.os_release.text) : null;
  const distro = os && raw.host.os_release ? { ...os, source: raw.host.os_release.path } : null;
  const pkg = packageOf(raw);
  const binary = releaseFromVersionLine(raw.rsync.version_line);
  const replaced = (raw.rsync.pid ?? null) === null ? raw.processes.find((p) => p.exe.endsWith('/rsync (deleted)')) : undefined;
  const base = { range: null, distro };
  if (replaced) {
    return { ...base, version: null, source: null, package: null, unknown: `the daemon (pid ${replaced.pid}) runs a binary that was replaced after it started (${replaced.exe}): its version is not known until it restarts` };
  }
  if (binary) {
    return { ...base, version: binary, source: 'rsync --version', package: pkg && upstreamOf(pkg.version) === binary ? pkg : null, unknown: null };
  }
  if (pkg) return { ...releaseFromPackage(pkg, distro), range: null };
  const why = raw.rsync.binary === '' ? 'no rsync binary on PATH and no daemon the collector could verify' : raw.rsync.binary === undefined ? 'the collector reported no rsync --version' : `${raw.rsync.binary} --version printed no release`;
  const unknown = `${why}, and no package database lists rsync`;
  for (const p of probes) {
    if (p.protocol === null) continue;
    const r = rangeFromProtocol(p.protocol);
    if ('min' in r) return { ...base, version: null, source: null, package: null, range: r, unknown: `${unknown}; only the protocol a client sees narrows it` };
  }
  return { ...base, version: null, source: null, package: null, unknown };
}
