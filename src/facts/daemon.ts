/**
 * A live host's facts: the daemon processes that read a config, the sockets they listen on, the units that
 * start them, the rsync release it runs, and the config itself, as one facts document per config in use.
 */
// HostRaw is the collector's document, shared vocabulary in src/common: a stage's index re-exports no other stage.
import { DEFAULT_RSYNC_VERSION, type HostRaw, releaseNumbers } from '../common/index.ts';
import { configOf, hostRsyncRelease, isVerifiedDaemon, parseUnitSettings, type ParsedConfig } from '../parse/index.ts';
import type { Version } from './access/hosts.ts';
import { buildFacts, relabelFiles } from './build-facts.ts';
import type { DaemonFacts, FactsDocument } from './types.ts';

/** The release to model: the target's own when it is known, else the default. */
export function modelledVersion(release: string | null): Version {
  return releaseNumbers(release ?? DEFAULT_RSYNC_VERSION) ?? (releaseNumbers(DEFAULT_RSYNC_VERSION) as Version);
}

/** What the host shows of the daemons that read `config` (probes are the network's, added by the caller). */
export function daemonFacts(raw: HostRaw, config: string): Omit<DaemonFacts, 'probes'> {
  const mine = raw.processes.filter((p) => isVerifiedDaemon(p) && configOf(p) === config);
  return {
    processes: mine.map((p) => ({ pid: p.pid, uid: p.uid ?? -1, cmdline: p.cmdline, config_path: p.config, root: p.root || null, chrooted: p.root ? p.root !== '/' : null })),
    listeners: raw.listeners.filter((l) => l.pid === null || mine.some((p) => p.pid === l.pid)).map((l) => ({ address: l.address, port: l.port, family: l.family, pid: l.pid })),
    units: raw.units.map((u) => ({ kind: u.kind, path: u.file.path, enabled: u.enabled, ...parseUnitSettings(u.file.text ?? '') })),
  };
}

/** A daemon runs as root unless every process seen runs as another user. */
function daemonUser(daemon: Pick<DaemonFacts, 'processes'>): 'root' | 'nonroot' {
  return daemon.processes.some((p) => p.uid !== 0) && !daemon.processes.some((p) => p.uid === 0) ? 'nonroot' : 'root';
}

/** The facts document of one config in use on a host. */
export function hostDocument(raw: HostRaw, parsed: ParsedConfig, daemon: DaemonFacts, today: string): FactsDocument {
  // The probes' greeting narrows the release only when nothing on the host names it; the daemons' command
  // lines say whether it can also bound it from above (no --protocol).
  const release = hostRsyncRelease(
    raw,
    daemon.probes,
    daemon.processes.map((p) => p.cmdline),
  );
  const doc = buildFacts({
    target: { kind: 'host', id: `${raw.host.name}:${parsed.path}`, display: `${raw.host.name} ${parsed.path}` },
    daemonUser: daemonUser(daemon),
    rsyncVersion: modelledVersion(release.version),
    today,
    rsync: release,
    config: parsed.config,
    secrets: parsed.secrets,
    fileStats: parsed.fileStats,
    daemon,
  });
  // SARIF wants repository-like paths: /etc/rsyncd.conf is reported as etc/rsyncd.conf, the host in the target.
  return relabelFiles(doc, (f) => f.replace(/^\/+/, ''));
}
