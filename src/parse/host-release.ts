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

/** What else the host or the probe showed of the daemon that greeted, which changes what the greeting proves. */
export interface GreetingContext {
  /** The auth digests the greeting offered ("sha512 sha256 … md4"); rsync sends that list from 3.2.7 on. */
  digests?: readonly string[];
  /**
   * The command lines of the daemon processes that greeted; absent or empty when not seen (inetd, a socket
   * unit, a remote probe). Only a seen command line without --protocol lets the greeting bound the release
   * from above: `rsync --daemon --protocol=30` on 3.4.1 greets with 30.
   */
  cmdlines?: readonly (readonly string[])[];
}

/** The first release whose daemon greeting lists its auth digests (compat.c output_daemon_greeting, v3.2.7; v3.2.6 printed the protocol only). */
const DIGESTS_FROM = '3.2.7';

const releaseKey = (v: string): number => v.split('.').reduce((n, p) => n * 1000 + Number(p), 0);

/** A command line that may lower the protocol: --protocol=N or --protocol N (an unusual spelling counts too). */
const lowersProtocol = (cmdline: readonly string[]): boolean => cmdline.some((a) => /^--pro(?:t|$|=)/.test(a));

/**
 * The releases a daemon greeting "@RSYNCD: 31.0" (protocol "31.0") may come from, or why it says none. A
 * non-zero sub-protocol is a development build between releases; a protocol newer than any known release
 * names no release. A daemon greets with its own protocol or, started with --protocol=N, with N: so the
 * greeting is a lower bound only, unless the daemon's command line was seen without --protocol. A digest
 * list in the greeting raises the lower bound to 3.2.7.
 */
export function rangeFromProtocol(protocol: string, seen: GreetingContext = {}): ProtocolRange | { unknown: string } {
  const m = /^(\d{1,3})(?:\.(\d{1,3}))?$/.exec(protocol);
  if (!m) return { unknown: `the greeting's protocol "${protocol.slice(0, 20)}" is not a number` };
  const major = Number(m[1]);
  if (m[2] !== undefined && Number(m[2]) !== 0) return { unknown: `the greeting's protocol ${major}.${Number(m[2])} is a development build's` };
  const speaks = PROTOCOL_RELEASES[major];
  if (!speaks) return { unknown: `no rsync release is known to speak protocol ${major}` };
  const notes: string[] = [];
  let min = speaks.min;
  if ((seen.digests?.length ?? 0) > 0 && releaseKey(min) < releaseKey(DIGESTS_FROM)) {
    min = DIGESTS_FROM;
    notes.push(`its digest list is sent from ${DIGESTS_FROM} on`);
  }
  const cmdlines = seen.cmdlines ?? [];
  const bounded = cmdlines.length > 0 && !cmdlines.some(lowersProtocol);
  let max = bounded ? speaks.max : null;
  if (max !== null && releaseKey(min) > releaseKey(max)) max = null;
  if (speaks.max !== null && max === null) notes.push(cmdlines.length > 0 ? 'the daemon runs with --protocol' : 'a daemon started with --protocol greets with an older protocol');
  const releases = max === null ? `${min} and later` : min === max ? min : `${min} to ${max}`;
  const why = notes.length === 0 ? '' : `; ${notes.join('; ')}`;
  return { min, max, source: `probe greeting @RSYNCD: ${major}.0 (protocol ${major}: rsync ${releases}${why})` };
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
/** "zstd lz4 zlibx zlib none" → its names; null when the binary printed no list (before 3.2.0, or an older collector). */
export function compressList(line: string | undefined): string[] | null {
  const names = (line ?? '').split(/\s+/).filter((w) => /^[a-z0-9]{1,16}$/.test(w));
  return names.length > 0 ? names.slice(0, 16) : null;
}

export function hostRsyncRelease(raw: HostRaw, probes: { protocol: string | null; digests?: readonly string[] }[] = [], cmdlines: readonly (readonly string[])[] = []): RsyncRelease & { range: ProtocolRange | null } {
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
    return { ...base, version: binary, source: 'rsync --version', package: pkg && upstreamOf(pkg.version) === binary ? pkg : null, unknown: null, compress: compressList(raw.rsync.compress_line) };
  }
  if (pkg) return { ...releaseFromPackage(pkg, distro), range: null };
  const why = raw.rsync.binary === '' ? 'no rsync binary on PATH and no daemon the collector could verify' : raw.rsync.binary === undefined ? 'the collector reported no rsync --version' : `${raw.rsync.binary} --version printed no release`;
  const unknown = `${why}, and no package database lists rsync`;
  for (const p of probes) {
    if (p.protocol === null) continue;
    const r = rangeFromProtocol(p.protocol, { digests: p.digests ?? [], cmdlines });
    if ('min' in r) return { ...base, version: null, source: null, package: null, range: r, unknown: `${unknown}; only the protocol a client sees narrows it` };
  }
  return { ...base, version: null, source: null, package: null, unknown };
}
