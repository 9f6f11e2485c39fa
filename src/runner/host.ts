/**
 * A live host: run the collector (POSIX sh), validate what it printed, and turn it into one facts document
 * per rsyncd config in use — through the same parser as repository files, with the host's file modes,
 * processes, sockets, units and, with --probe, what the network sees.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fail, UserError, type ConfigSource, type IncludeTarget, type Result } from '../common/index.ts';
import { buildFacts, relabelFiles, type DaemonFacts, type FactsDocument, type SecretsInput } from '../facts/index.ts';
import { parseRsyncdConf, shownName } from '../parse/index.ts';
import { octalMode, parseHostRaw, probeDaemon, type HostRaw, type RawFile } from '../sources/index.ts';
import { distDir } from './dist-dir.ts';
import { describeJsonError } from './read-input.ts';

/** The places distributions put the daemon's config (reference/rsyncd.md §9). */
const USUAL_CONFIGS = ['/etc/rsyncd.conf', '/etc/rsync/rsyncd.conf', '/usr/local/etc/rsyncd.conf', '/usr/local/etc/rsync/rsyncd.conf'];
const COLLECTOR_TIMEOUT_MS = 60_000;
const HARDENING = ['NoNewPrivileges', 'ProtectSystem', 'ProtectHome', 'PrivateDevices', 'PrivateTmp', 'CapabilityBoundingSet', 'ProtectKernelTunables', 'RestrictAddressFamilies', 'User', 'DynamicUser'];

export function collectorPath(): string {
  const shipped = join(distDir(), 'rsync-facts.sh');
  return existsSync(shipped) ? shipped : join(distDir(), '..', 'collectors', 'rsync-facts.sh');
}

/** Run the collector on this machine with `sh`. */
export function collectLocal(): Result<HostRaw> {
  const r = spawnSync('sh', [collectorPath()], { encoding: 'utf8', timeout: COLLECTOR_TIMEOUT_MS, maxBuffer: 64 << 20 });
  if (r.error || r.status !== 0) return fail(new UserError(`the collector failed: ${r.error?.message ?? r.stderr.trim().split('\n').slice(-1)[0] ?? `exit ${r.status}`}`, 'localhost', 'Run collectors/rsync-facts.sh by hand to see why.'));
  let json: unknown;
  try {
    json = JSON.parse(r.stdout);
  } catch (e) {
    return fail(new UserError(`the collector printed something that is not JSON: ${describeJsonError(e)}`, 'localhost', 'Run collectors/rsync-facts.sh by hand to see what it prints.'));
  }
  return parseHostRaw(json, 'localhost');
}

/** The host's files as the daemon sees them, from what the collector read. */
function hostSource(files: Map<string, RawFile>, secretsFiles: ReadonlySet<string>): ConfigSource {
  return {
    resolve(target: string, from: string): IncludeTarget {
      const path = posix.isAbsolute(target) ? posix.normalize(target) : posix.join(posix.dirname(from), target);
      // Whatever a (possibly older) collector sent: a secrets file is never parsed as a config.
      if (secretsFiles.has(path)) return { kind: 'not-followed', path, reason: 'it is a secrets file: only facts derived from it are used' };
      const f = files.get(path);
      if (!f) return { kind: 'not-followed', path, reason: 'the collector did not read it' };
      if (!f.exists) return { kind: 'missing', path, reason: 'no such file or directory' };
      // A directory the daemon could not list is not an empty one.
      if (f.dir && f.unreadable !== undefined) return { kind: 'not-followed', path, reason: f.unreadable };
      if (f.dir) return { kind: 'dir', path, entries: f.entries ?? [] };
      if (typeof f.text !== 'string') return { kind: 'not-followed', path, reason: f.unreadable ?? 'it could not be read' };
      return { kind: 'file', path, bytes: Buffer.from(f.text) };
    },
  };
}

function unitSettings(text: string): { user: string | null; hardening: string[] } {
  const keys = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m?.[1]) keys.set(m[1], m[2] ?? '');
  }
  return { user: keys.get('User') ?? keys.get('user') ?? null, hardening: HARDENING.filter((k) => keys.has(k) && !/^(no|false|0|off)$/i.test(keys.get(k) ?? '')) };
}

type RawProcess = HostRaw['processes'][number];

/**
 * A process is a daemon only when the collector saw it run a root-controlled rsync binary: argv is written by
 * whoever started the process. Documents from collectors older than that check carry no verdict.
 */
function verified(p: RawProcess): boolean {
  return p.trust === undefined || p.trust === 'rsync';
}

/** rsync reads /etc/rsyncd.conf when no --config is given (reference/rsyncd.md §9). */
function configOf(p: RawProcess): string {
  return p.config ?? '/etc/rsyncd.conf';
}

function daemonFacts(raw: HostRaw, config: string): Omit<DaemonFacts, 'probes'> {
  const mine = raw.processes.filter((p) => verified(p) && configOf(p) === config);
  return {
    processes: mine.map((p) => ({ pid: p.pid, uid: p.uid ?? -1, cmdline: p.cmdline, config_path: p.config, root: p.root || null, chrooted: p.root ? p.root !== '/' : null })),
    listeners: raw.listeners.filter((l) => l.pid === null || mine.some((p) => p.pid === l.pid)).map((l) => ({ address: l.address, port: l.port, family: l.family, pid: l.pid })),
    units: raw.units.map((u) => ({ kind: u.kind, path: u.file.path, enabled: u.enabled, ...unitSettings(u.file.text ?? '') })),
  };
}

/** "rsync  version 3.5.0  protocol version 32" → "3.5.0". */
function rsyncVersion(raw: HostRaw): string | null {
  return /version\s+(\d+\.\d+\.\d+)/.exec(raw.rsync.version_line)?.[1] ?? null;
}

export interface HostOptions {
  probe: boolean;
  today: string;
}

export async function hostFacts(raw: HostRaw, opts: HostOptions): Promise<FactsDocument[]> {
  const files = new Map(raw.files.map((f) => [f.path, f]));
  const configs = [...new Set([...raw.processes.filter(verified).map(configOf), ...USUAL_CONFIGS])].filter((c) => files.get(c)?.exists && !files.get(c)?.dir);
  const fileStats = new Map(raw.files.flatMap((f) => {
    const mode = octalMode(f.mode);
    return mode !== null && typeof f.uid === 'number' ? [[f.path, { mode, uid: f.uid }] as const] : [];
  }));
  const secretsFiles = new Set(raw.secrets.map((s) => posix.normalize(s.path)));
  const docs: FactsDocument[] = [];
  for (const path of configs.sort()) {
    const text = files.get(path)?.text;
    if (typeof text !== 'string') continue;
    const config = parseRsyncdConf(path, Buffer.from(text), hostSource(files, secretsFiles));
    const daemon = daemonFacts(raw, path);
    const probes = opts.probe ? await Promise.all(daemon.listeners.map((l) => probeDaemon(l.address, l.port))) : [];
    const version = rsyncVersion(raw);
    const id = `${raw.host.name}:${path}`;
    const doc = buildFacts({
      target: { kind: 'host', id, display: `${raw.host.name} ${path}` },
      daemonUser: daemon.processes.some((p) => p.uid !== 0) && !daemon.processes.some((p) => p.uid === 0) ? 'nonroot' : 'root',
      rsyncVersion: version ? (version.split('.').map(Number) as [number, number, number]) : [3, 5, 0],
      today: opts.today,
      rsync: { version, source: version ? 'rsync --version' : null },
      config,
      secrets: secretsFor(raw, config.modules.map((m) => m.params['secrets file']?.value)),
      fileStats,
      daemon: { ...daemon, probes },
    });
    // SARIF wants repository-like paths: /etc/rsyncd.conf is reported as etc/rsyncd.conf, the host in the target.
    docs.push(relabelFiles(doc, (f) => f.replace(/^\/+/, '')));
  }
  return docs;
}

function secretsFor(raw: HostRaw, named: unknown[]): SecretsInput[] {
  const paths = new Set(named.filter((v): v is string => typeof v === 'string' && v !== ''));
  return raw.secrets
    .filter((s) => paths.has(s.path))
    .map((s) => {
      const mode = octalMode(s.mode);
      const stat = !s.exists ? null : mode !== null ? { mode, uid: s.uid ?? null, gid: s.gid ?? null } : undefined;
      // Names come from the host's file as they are: one that may be a secret is withheld as the parser does.
      const entries = s.entries?.map((e) => ({ ...e, name: shownName(e.name) }));
      return { path: s.path, file: s.path, ...(stat !== undefined ? { stat } : {}), ...(entries ? { entries } : {}) };
    });
}

/**
 * What the collector could not read (`unread`), and what it saw but did not follow (`notFollowed`): processes
 * that only call themselves rsync daemons, and configs in use that the daemon itself could not read (so
 * their text never left the host). One sentence each.
 */
export function hostErrors(raw: HostRaw): { unread: string[]; notFollowed: string[] } {
  const notFollowed = raw.processes
    .filter((p) => !verified(p))
    .map((p) => `process ${p.pid} (uid ${p.uid ?? '?'}) looks like an rsync daemon but was not followed: ${p.trust_reason || 'it could not be verified'}. Its config was not read; if it is a real daemon, run it from a root-owned rsync binary and collect as root.`);
  const named = new Set([...raw.processes.filter(verified).map(configOf), ...USUAL_CONFIGS]);
  for (const f of raw.files) {
    if (named.has(f.path) && f.exists && !f.dir && typeof f.text !== 'string') notFollowed.push(`${f.path} was not read: ${f.unreadable ?? 'it could not be read'}.`);
  }
  return { unread: raw.errors.map((e) => `${e.path}: ${e.reason}`), notFollowed };
}
