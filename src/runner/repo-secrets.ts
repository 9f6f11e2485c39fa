/**
 * Secrets files a repository's configs name: which files they are (so a file named by `secrets file` is
 * never scanned or included as a configuration), and their derived facts. Every path is opened through
 * the scan root, so a secrets file that is a link to /proc/self/environ or to a file outside the checkout
 * is located and reported, never read.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { diagnostic, type Diagnostic, type Location } from '../common/index.ts';
import type { SecretsInput } from '../facts/index.ts';
import { parseSecrets, type RsyncdConfig } from '../parse/index.ts';
import type { ScanRoot } from '../sources/index.ts';

interface Named {
  /** As the configuration writes it. */
  path: string;
  /** The `secrets file` line that names it first. */
  at: Location | null;
}

/** Every `secrets file` value in a config (modules and the global default), first naming line kept. */
function namedSecrets(config: RsyncdConfig): Named[] {
  const byPath = new Map<string, Named>();
  for (const p of [config.global['secrets file'], ...config.modules.map((m) => m.params['secrets file'])]) {
    if (!p || typeof p.value !== 'string' || p.value === '' || byPath.has(p.value)) continue;
    byPath.set(p.value, { path: p.value, at: p.file !== null && p.line !== null ? { file: p.file, line: p.line, column: p.column ?? 1 } : null });
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Where the repository holds a secrets path: absolute paths under the root, relative ones beside the config. */
function localPath(scan: ScanRoot, path: string, configFile: string): string {
  return isAbsolute(path) ? scan.locate(path, scan.root) : resolve(dirname(configFile), path);
}

/** Real paths of the in-root regular files that any of these configs names as a secrets file. */
export function secretsFilesOf(configs: { file: string; config: RsyncdConfig }[], scan: ScanRoot): Set<string> {
  const out = new Set<string>();
  for (const { file, config } of configs) {
    for (const n of namedSecrets(config)) {
      const opened = scan.open(localPath(scan, n.path, file));
      if (opened.kind === 'file') out.add(opened.real);
    }
  }
  return out;
}

/**
 * Secrets files the config names that the repository holds: their derived facts, and the mode git records.
 * Whoever can read the repository can read such a file, so git's mode (0644) is the honest one.
 */
export function repoSecrets(config: RsyncdConfig, configFile: string, scan: ScanRoot, modes: Map<string, number>): SecretsInput[] {
  return namedSecrets(config).map((n) => {
    const opened = scan.open(localPath(scan, n.path, configFile));
    const note = (reason: string): SecretsInput => ({ path: n.path, diagnostics: n.at ? [notRead(n.path, reason, n.at)] : [] });
    switch (opened.kind) {
      case 'file': {
        const parsed = parseSecrets(opened.bytes, opened.real);
        const mode = modes.get(scan.rel(opened.real));
        return { path: n.path, file: opened.real, ...(mode !== undefined ? { stat: { mode, uid: null, gid: null } } : {}), entries: parsed.entries, diagnostics: parsed.diagnostics };
      }
      case 'outside':
        // A plain path out of the repository (`/etc/rsyncd.secrets` when the checkout has no etc/) is normal: unknown, not missing.
        return opened.viaLink ? note(opened.reason) : { path: n.path };
      case 'not-regular':
      case 'unreadable':
        return note(opened.reason);
      case 'dir':
        return note(`${scan.rel(opened.real)} is a directory`);
      case 'missing':
        return { path: n.path };
    }
  });
}

function notRead(path: string, reason: string, at: Location): Diagnostic {
  return diagnostic('warning', 'secrets-not-read', `The secrets file ${path} was not read: ${reason}.`, at, 'Commit the secrets file itself (or nothing), never a link to a file outside the repository.');
}
