/**
 * The secrets files a configuration names, read where the daemon would find them and reduced to derived
 * facts (src/parse/secrets.ts): beside a config file given on its own, in a repository (every path opened
 * through the scan root, so a link to /proc/self/environ or out of the checkout is located and reported,
 * never read), or on a live host (what the collector derived there). Which files they are also matters:
 * a file named by `secrets file` is never scanned or included as a configuration.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { diagnostic, type Diagnostic, type Location, type SecretsEntry } from '../common/index.ts';
import { octalMode, readLocalFile, ScanRoot, statLocal, type HostRaw } from '../sources/index.ts';
import type { RsyncdConfig } from './rsyncd-config.ts';
import { factsName, parseSecrets } from './secrets.ts';

/** One secrets file a config names, as the facts stage takes it (its SecretsInput). */
export interface SecretsFile {
  /** As the configuration names it. */
  path: string;
  /** Where it was read, when it was. */
  file?: string;
  /** null: the file does not exist; undefined: it could not be known; uid/gid null: the owner is not known. */
  stat?: { mode: number; uid: number | null; gid: number | null } | null;
  entries?: SecretsEntry[];
  diagnostics?: Diagnostic[];
  /** Every config (display path) that names this file, when several do and this one reports it. */
  namedBy?: string[];
  /** false: read from a repository scan's --root outside the repository (its own mode, not git's). */
  inRepository?: false;
}

export interface Named {
  /** As the configuration writes it. */
  path: string;
  /** The `secrets file` line that names it first. */
  at: Location | null;
}

/** Every `secrets file` value in a config (modules and the global default), first naming line kept. */
export function namedSecrets(config: RsyncdConfig): Named[] {
  const byPath = new Map<string, Named>();
  for (const p of [config.global['secrets file'], ...config.modules.map((m) => m.params['secrets file'])]) {
    if (!p || typeof p.value !== 'string' || p.value === '' || byPath.has(p.value)) continue;
    byPath.set(p.value, { path: p.value, at: p.file !== null && p.line !== null ? { file: p.file, line: p.line, column: p.column ?? 1 } : null });
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The `secrets file` values of the config's modules, each once, in order. */
export function moduleSecretsPaths(config: RsyncdConfig): string[] {
  return [...new Set(config.modules.map((m) => m.params['secrets file']?.value).filter((v): v is string => typeof v === 'string' && v !== ''))];
}

/**
 * The secrets files of a config file read on its own. It says nothing about the daemon's /etc: an absolute
 * path is only looked up under `root` (a checkout or an unpacked image); otherwise its state is unknown.
 */
export function localSecrets(config: RsyncdConfig, configPath: string, root: string | undefined): SecretsFile[] {
  return moduleSecretsPaths(config)
    .sort()
    .map((path): SecretsFile => {
      if (isAbsolute(path) && root === undefined) return { path };
      const local = isAbsolute(path) ? join(root ?? '/', path) : resolve(dirname(configPath), path);
      if (root !== undefined) {
        // Under --root (a checkout, an unpacked image) a link out of it is not the daemon's file: never read
        // it. Links are resolved as the daemon would see them there (absolute targets from the root again).
        const scan = new ScanRoot(root, undefined, true);
        const opened = scan.open(isAbsolute(path) ? scan.locate(path, '/') : local);
        if (opened.kind === 'missing') return { path, stat: null };
        if (opened.kind !== 'file') return { path };
        const stat = statLocal(opened.real);
        const parsed = parseSecrets(opened.bytes, opened.real);
        return { path, file: opened.real, ...(stat ? { stat } : {}), entries: parsed.entries, diagnostics: parsed.diagnostics };
      }
      const stat = statLocal(local);
      if (!stat) return { path, stat: null };
      const read = readLocalFile(local);
      if (!read.ok) return { path, stat };
      const parsed = parseSecrets(read.value, local);
      return { path, file: local, stat, entries: parsed.entries, diagnostics: parsed.diagnostics };
    });
}

export function notRead(path: string, reason: string, at: Location): Diagnostic {
  return diagnostic('warning', 'secrets-not-read', `The secrets file ${path} was not read: ${reason}.`, at, 'Commit the secrets file itself (or nothing), never a link to a file outside the repository.');
}

const HOST_HINT = 'Run the collector as root (or as a user that can read the secrets file), then evaluate the host again.';

/**
 * A secrets file that is there and could not be read. Unlike a link refused by design (`secrets-not-read`),
 * this leaves the target not fully read: the runner makes it an error of the target (exit 2), and a baseline
 * counts the target's missing findings as not known, never as fixed.
 */
export const SECRETS_UNREADABLE = 'secrets-unreadable';

function unreadable(path: string, reason: string, at: Location, hint: string): Diagnostic {
  return diagnostic('warning', SECRETS_UNREADABLE, `The secrets file ${path} could not be read: ${reason}; its entries were not checked.`, at, hint);
}

const DAEMON_CANNOT = /^the daemon \(uid \d+\) could not read it/;

/** The collector's reason, kept short and on one line: it comes from the host. */
function hostReason(reason: string): string {
  const line = reason.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return line === '' ? 'the collector could not read it' : line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** The secrets files a host config's modules name, with what the collector derived on the host. */
export function hostSecrets(raw: HostRaw, config: RsyncdConfig): SecretsFile[] {
  const paths = new Set(moduleSecretsPaths(config));
  const named = new Map(namedSecrets(config).map((n) => [n.path, n.at]));
  return raw.secrets
    .filter((s) => paths.has(s.path))
    .map((s) => {
      const mode = octalMode(s.mode);
      const stat = !s.exists ? null : mode !== null ? { mode, uid: s.uid ?? null, gid: s.gid ?? null } : undefined;
      // Names come from the host's file as they are: one that is the password or may be a secret is withheld as the parser does.
      const entries = s.entries?.map((e) => ({ ...e, ...factsName(e.name, e.equals_name) }));
      // The collector's mark that it could not read the file: without it the file's findings would just vanish.
      const at = named.get(s.path);
      // The collector reads as the daemon's user: a file the daemon itself cannot read holds no login rsync
      // accepts, which is a fact about the daemon (said, like an include it cannot read), not a gap in the
      // reading. Any other reason (the collector's own user could not read it) leaves the entries unknown.
      const reason = s.unreadable === undefined ? null : hostReason(s.unreadable);
      const diagnostics = !s.exists || reason === null || !at ? [] : [DAEMON_CANNOT.test(reason) ? notRead(s.path, reason, at) : unreadable(s.path, reason, at, HOST_HINT)];
      return { path: s.path, file: s.path, ...(stat !== undefined ? { stat } : {}), ...(entries ? { entries } : {}), ...(diagnostics.length > 0 ? { diagnostics } : {}) };
    });
}
