/**
 * A live host's rsyncd configs, parsed from what the collector read there: every config a verified daemon
 * reads and any in the usual places, each with the includes and secrets files it names, as the daemon
 * sees them (sources/host/config-source.ts).
 */
import { posix } from 'node:path';
import { DEFAULT_CONFIG_PATH, USUAL_CONFIG_PATHS } from '../common/index.ts';
import { hostConfigSource, octalMode, type HostRaw } from '../sources/index.ts';
import { parseRsyncdConf, type RsyncdConfig } from './rsyncd-config.ts';
import { hostSecrets, type SecretsFile } from './secrets-files.ts';

export type HostProcess = HostRaw['processes'][number];

/**
 * A process is a daemon only when the collector saw it run a root-controlled rsync binary: argv is written by
 * whoever started the process. Documents from collectors older than that check carry no verdict.
 */
export function isVerifiedDaemon(p: HostProcess): boolean {
  return p.trust === undefined || p.trust === 'rsync';
}

/** rsync reads /etc/rsyncd.conf when no --config is given (reference/rsyncd.md §9). */
export function configOf(p: HostProcess): string {
  return p.config ?? DEFAULT_CONFIG_PATH;
}

/** One config of a target (a host, an image), parsed with what it pulls in and what the source knows of its files. */
export interface ParsedConfig {
  path: string;
  config: RsyncdConfig;
  secrets: SecretsFile[];
  /** Mode and owner of config files where the source knows them, by path. */
  fileStats: Map<string, { mode: number; uid: number }>;
}

/** The configs verified daemons read and those in the usual places, whether the collector read them or not. */
function namedConfigs(raw: HostRaw): Set<string> {
  return new Set([...raw.processes.filter(isVerifiedDaemon).map(configOf), ...USUAL_CONFIG_PATHS]);
}

/** Each config in use on the host whose text the collector sent, parsed, in path order. */
export function* parseHostConfigs(raw: HostRaw): Generator<ParsedConfig> {
  const files = new Map(raw.files.map((f) => [f.path, f]));
  const configs = [...namedConfigs(raw)].filter((c) => files.get(c)?.exists && !files.get(c)?.dir);
  const fileStats = new Map(
    raw.files.flatMap((f) => {
      const mode = octalMode(f.mode);
      return mode !== null && typeof f.uid === 'number' ? [[f.path, { mode, uid: f.uid }] as const] : [];
    }),
  );
  const secretsFiles = new Set(raw.secrets.map((s) => posix.normalize(s.path)));
  for (const path of configs.sort()) {
    const text = files.get(path)?.text;
    if (typeof text !== 'string') continue;
    const config = parseRsyncdConf(path, Buffer.from(text), hostConfigSource(files, secretsFiles));
    yield { path, config, secrets: hostSecrets(raw, config), fileStats };
  }
}

/**
 * What the collector could not read (`unread`), and what it saw but did not follow (`notFollowed`): processes
 * that only call themselves rsync daemons, and configs in use that the daemon itself could not read (so
 * their text never left the host). One sentence each.
 */
export function hostErrors(raw: HostRaw): { unread: string[]; notFollowed: string[] } {
  const notFollowed = raw.processes
    .filter((p) => !isVerifiedDaemon(p))
    .map(
      (p) =>
        `process ${p.pid} (uid ${p.uid ?? '?'}) looks like an rsync daemon but was not followed: ${p.trust_reason || 'it could not be verified'}. Its config was not read; if it is a real daemon, run it from a root-owned rsync binary and collect as root.`,
    );
  const named = namedConfigs(raw);
  for (const f of raw.files) {
    if (named.has(f.path) && f.exists && !f.dir && typeof f.text !== 'string') notFollowed.push(`${f.path} was not read: ${f.unreadable ?? 'it could not be read'}.`);
  }
  return { unread: raw.errors.map((e) => `${e.path}: ${e.reason}`), notFollowed };
}
