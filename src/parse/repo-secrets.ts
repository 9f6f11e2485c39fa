/**
 * The secrets files a repository's configs name, read where the daemon would find them: an absolute path
 * under the daemon root (the scan root, or `scan --root DIR`), a relative one beside the config. Every path
 * is opened through a confining root (links resolved, only regular files, nothing outside), so a link to
 * /proc/self/environ or out of the checkout is located and reported, never read.
 *
 * A file that is not there is said, located at the `secrets file` line ("not in the repository, looked
 * for …"): a reader must know its entries were never checked. A file several configs of one root name is
 * checked and reported once, with the first of them, naming all (shared/reference/rsyncd.md §4: the
 * file's state and entries are the same whichever daemon reads it).
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { diagnostic, type Diagnostic, type Location } from '../common/index.ts';
import { displayPath, lookedFor, rootFor, type DaemonRoot, type RootedFile, type ScanRoot, within } from '../sources/index.ts';
import type { RsyncdConfig } from './rsyncd-config.ts';
import { parseSecrets } from './secrets.ts';
import { namedSecrets, notRead, SECRETS_UNREADABLE, type SecretsFile } from './secrets-files.ts';

/** Where a repository's files are looked up: its scan root, and the daemon's `/` when --root gives one. */
export interface RepoRoots {
  root: string;
  scan: ScanRoot;
  daemon?: DaemonRoot | undefined;
}

/** Note codes; both are shown in every format (src/report/model.ts ALWAYS_SHOWN). */
export const SECRETS_NOT_FOUND = 'secrets-not-found';
export const SECRETS_SHARED = 'secrets-shared';

/** A `secrets file` value as the configuration writes it, located and opened. */
interface Looked {
  value: string;
  /** The path looked at (before links), in the root that confines it. */
  path: string;
  root: ScanRoot;
  opened: RootedFile;
}

/** Open a `secrets file` value named by `configFile` the way the daemon would find it. */
export function lookUp(roots: RepoRoots, value: string, configFile: string): Looked {
  const root = rootFor(roots.scan, roots.daemon, value, configFile);
  const path = isAbsolute(value) ? root.locate(value, root.root) : resolve(dirname(configFile), value);
  return { value, path, root, opened: root.open(path) };
}

/** Open a real path found earlier through either root (configs and secrets files are named by their real path). */
export function openFound(roots: RepoRoots, real: string): RootedFile {
  return roots.daemon !== undefined && !within(roots.scan.real, real) && within(roots.daemon.scan.real, real) ? roots.daemon.scan.open(real) : roots.scan.open(real);
}

/** What the file is known by, so two spellings of one file (`/etc/s`, `../etc/s`) count as one. */
function keyOf(l: Looked): string {
  return l.opened.kind === 'file' || l.opened.kind === 'dir' ? l.opened.real : l.path;
}

/** Real paths of the regular files that any of these configs names as a secrets file. */
export function secretsFilesOf(configs: { file: string; config: RsyncdConfig }[], roots: RepoRoots): Set<string> {
  const out = new Set<string>();
  for (const { file, config } of configs) {
    for (const n of namedSecrets(config)) {
      const { opened } = lookUp(roots, n.path, file);
      if (opened.kind === 'file') out.add(opened.real);
    }
  }
  return out;
}

/** Who names a secrets file: a config (display path) and its `secrets file` line. */
export interface Namer {
  config: string;
  at: Location | null;
}

/** For each secrets file (by keyOf), the configs that name it, in report order. */
export function secretsNamers(configs: { file: string; config: RsyncdConfig }[], roots: RepoRoots): Map<string, Namer[]> {
  const out = new Map<string, Namer[]>();
  for (const { file, config } of configs) {
    for (const n of namedSecrets(config)) {
      const key = keyOf(lookUp(roots, n.path, file));
      const list = out.get(key) ?? out.set(key, []).get(key) ?? [];
      const config = displayPath(roots.root, file, roots.daemon);
      if (!list.some((x) => x.config === config)) list.push({ config, at: n.at });
    }
  }
  return out;
}

function namerText(roots: RepoRoots, n: Namer): string {
  return n.at === null ? n.config : `${displayPath(roots.root, n.at.file, roots.daemon)}:${n.at.line}`;
}

/** `a/rsyncd.conf:5 and b/rsyncd.conf:3` (`, ` before the last of more). */
function listed(items: string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Secrets files the config names: their derived facts where the file was read, and why not elsewhere.
 * Whoever can read the repository can read a file in it, so the mode git records (0644) is the honest one;
 * a file read under --root outside the repository has its own mode (its owner there says nothing).
 */
export function repoSecrets(config: RsyncdConfig, configFile: string, roots: RepoRoots, modes: Map<string, number>, namers: Map<string, Namer[]>): SecretsFile[] {
  const self = displayPath(roots.root, configFile, roots.daemon);
  return namedSecrets(config).map((n): SecretsFile => {
    const looked = lookUp(roots, n.path, configFile);
    const { opened } = looked;
    const key = keyOf(looked);
    const all = namers.get(key) ?? [];
    // A file under --root that a config of an earlier PATH of this run reported is that config's.
    const underRoot = roots.daemon !== undefined && looked.root === roots.daemon.scan;
    const earlier = underRoot ? roots.daemon?.reported.get(key) : undefined;
    const first = earlier !== undefined ? { config: earlier, at: null } : all[0];
    if (underRoot && earlier === undefined && first !== undefined) roots.daemon?.reported.set(key, first.config);
    const byAll = listed(all.map((x) => namerText(roots, x)));
    const shared = all.length > 1 ? ` (named by ${byAll})` : '';
    const at = n.at;
    const notes = (...d: Diagnostic[]) => (at === null ? {} : { diagnostics: d });
    // Checked with the first config that names it: this one says where, and carries no facts of the file
    // that would report its findings a second time. That it does not exist still matters here (no login).
    if (first !== undefined && first.config !== self) {
      const stat = opened.kind === 'missing' && roots.daemon !== undefined && looked.root === roots.daemon.scan ? { stat: null } : {};
      return { path: n.path, ...stat, ...(at ? notes(diagnostic('info', SECRETS_SHARED, `secrets file ${n.path}: checked and reported once, with ${first.config}, which names it too.`, at)) : {}) };
    }
    switch (opened.kind) {
      case 'file': {
        const parsed = parseSecrets(opened.bytes, opened.real);
        const mode = modeOf(roots, opened.real, modes);
        const note = shared === '' || at === null ? [] : [diagnostic('info', SECRETS_SHARED, `secrets file ${n.path} (${displayPath(roots.root, opened.real, roots.daemon)}) is named by ${byAll}: checked and reported once, here.`, at)];
        return { path: n.path, file: opened.real, ...(mode !== undefined ? { stat: { mode, uid: null, gid: null } } : {}), entries: parsed.entries, diagnostics: [...note, ...parsed.diagnostics] };
      }
      case 'outside':
        if (opened.viaLink) return { path: n.path, ...(at ? notes(notRead(n.path, said(roots, looked, opened.reason), at)) : {}) };
        return { path: n.path, ...(at ? notes(notFound(roots, looked, `outside ${rootName(roots, looked)}, not read`, shared, at)) : {}) };
      case 'not-regular':
      case 'unreadable':
        return { path: n.path, ...(at ? notes(unreadable(n.path, said(roots, looked, opened.reason), at)) : {}) };
      case 'dir':
        return { path: n.path, ...(at ? notes(unreadable(n.path, `${shownPath(roots, looked, opened.real)} is a directory`, at)) : {}) };
      default: {
        // Not in the repository: its state is unknown (a checkout rarely holds /etc). Under --root, the
        // daemon's own filesystem, it does not exist, and rsync's logins through it fail ("no secrets file").
        const absent = roots.daemon !== undefined && looked.root === roots.daemon.scan ? { stat: null } : {};
        const where = `not ${rootName(roots, looked) === 'the repository' ? 'in the repository' : `under ${rootName(roots, looked)}`}, looked for ${shownPath(roots, looked, looked.path)}`;
        return { path: n.path, ...absent, ...(at ? notes(notFound(roots, looked, where, shared, at)) : {}) };
      }
    }
  });
}

/** A path as a reader finds it: under --root as the user wrote DIR, else as the report shows files (cwd-relative). */
function shownPath(roots: RepoRoots, looked: Looked, path: string): string {
  return roots.daemon !== undefined && looked.root === roots.daemon.scan ? lookedFor(roots.scan, roots.daemon, looked.root, path) : displayPath(roots.root, path);
}

function rootName(roots: RepoRoots, looked: Looked): string {
  return roots.daemon !== undefined && looked.root === roots.daemon.scan ? `--root ${roots.daemon.shown}` : 'the repository';
}

/** A confining root's reason, naming --root as the user gave it rather than "the scan root". */
function said(roots: RepoRoots, looked: Looked, reason: string): string {
  return roots.daemon !== undefined && looked.root === roots.daemon.scan ? reason.replace('the scan root', `--root ${roots.daemon.shown}`) : reason;
}

function notFound(roots: RepoRoots, looked: Looked, why: string, shared: string, at: Location): Diagnostic {
  const hint =
    roots.daemon === undefined
      ? "Its entries and mode were not checked. Give --root DIR where a copy of the daemon's filesystem holds it, or scan the host (rsyncguard host)."
      : 'Its entries and mode were not checked; rsync finds no secrets file there, so every login through it fails.';
  return diagnostic('info', SECRETS_NOT_FOUND, `secrets file ${looked.value}: ${why}${shared}`, at, hint);
}

function unreadable(path: string, reason: string, at: Location): Diagnostic {
  return diagnostic('warning', SECRETS_UNREADABLE, `The secrets file ${path} could not be read: ${reason}; its entries were not checked.`, at, 'Commit the secrets file as a regular file the scan can read (or commit none).');
}

/** git's mode for a file in the repository; the file's own for one read under --root outside it. */
function modeOf(roots: RepoRoots, real: string, modes: Map<string, number>): number | undefined {
  if (within(roots.scan.real, real)) return modes.get(roots.scan.rel(real));
  try {
    return statSync(real).mode;
  } catch {
    return undefined;
  }
}
