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
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic, type Location } from '../common/index.ts';
import { displayPath, gitModes, lookedFor, rootFor, type DaemonRoot, type RootedFile, type ScanRoot, within } from '../sources/index.ts';
import type { RsyncdConfig } from './rsyncd-config.ts';
import { templateEngine } from './file-notes.ts';
import { parseSecrets } from './secrets.ts';
import { namedSecrets, notRead, SECRETS_UNREADABLE, type SecretsFile } from './secrets-files.ts';

/** Where a repository's files are looked up: its scan root, and the daemon's `/` when --root gives one. */
export interface RepoRoots {
  root: string;
  scan: ScanRoot;
  daemon?: DaemonRoot | undefined;
}

/** Note codes; all are shown in every format (src/report/model.ts ALWAYS_SHOWN). */
export const SECRETS_NOT_FOUND = 'secrets-not-found';
export const SECRETS_SHARED = 'secrets-shared';
/** A `secrets file` value that is a template expression: decided when the template is rendered. */
export const SECRETS_TEMPLATED = 'secrets-templated';

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
      // A template expression names no file yet: two templates using one variable share nothing known.
      if (templateEngine(n.path) !== undefined) continue;
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
 *
 * A file several configs name is read and reported with the first of them; it carries `namedBy` (every
 * config that names it), so a waiver scoped to one config does not silence the file for the others
 * (src/engine/waivers.ts). A templated value (`{{ secrets_path }}`) names no file yet: said, never looked up.
 */
export function repoSecrets(config: RsyncdConfig, configFile: string, roots: RepoRoots, modes: Map<string, number>, namers: Map<string, Namer[]>): SecretsFile[] {
  const self = displayPath(roots.root, configFile, roots.daemon);
  return namedSecrets(config).map((n): SecretsFile => {
    const at = n.at;
    const notes = (...d: Diagnostic[]) => (at === null ? {} : { diagnostics: d });
    const engine = templateEngine(n.path);
    if (engine !== undefined) {
      const note =
        at === null
          ? []
          : [diagnostic('info', SECRETS_TEMPLATED, `secrets file ${n.path}: a template expression (${engine}), decided when the template is rendered; no file was looked up and its entries and mode were not checked.`, at, TEMPLATED_HINT)];
      return { path: n.path, ...notes(...note) };
    }
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
    // Not found under --root, the daemon's own filesystem: it does not exist, and rsync's logins through it
    // fail ("no secrets file"). In a repository a missing file is only unknown (a checkout rarely holds /etc).
    const absent = opened.kind === 'missing' && underRoot ? { stat: null } : {};
    // Reported with the first config that names it: this one says where, and carries no facts of the file
    // that would report its findings a second time. That it does not exist still matters here (no login).
    if (first !== undefined && first.config !== self) {
      const what = opened.kind === 'file' ? 'checked and reported once' : `not checked (${whyNotRead(roots, looked)}); said once`;
      return { path: n.path, ...absent, ...notes(diagnostic('info', SECRETS_SHARED, `secrets file ${n.path}: ${what}, with ${first.config}, which names it too.`, at as Location)) };
    }
    switch (opened.kind) {
      case 'file': {
        const parsed = parseSecrets(opened.bytes, opened.real);
        const { mode, committed } = modeOf(roots, opened.real, modes);
        const note = shared === '' || at === null ? [] : [diagnostic('info', SECRETS_SHARED, `secrets file ${n.path} (${displayPath(roots.root, opened.real, roots.daemon)}) is named by ${byAll}: checked and reported once, here.`, at, SHARED_HINT)];
        // Every config that names it, when several do (a waiver must cover them all to silence its findings).
        const namedBy = earlier === undefined && all.length > 1 ? { namedBy: all.map((x) => x.config) } : {};
        // Its mode is the file's own, not one git records: judged as on a host, not as a committed file.
        const outside = committed ? {} : { inRepository: false as const };
        return { path: n.path, file: opened.real, ...(mode !== undefined ? { stat: { mode, uid: null, gid: null } } : {}), entries: parsed.entries, ...namedBy, ...outside, diagnostics: [...note, ...parsed.diagnostics] };
      }
      case 'outside':
        if (opened.viaLink) return { path: n.path, ...(at ? notes(notRead(n.path, said(roots, looked, opened.reason), at)) : {}) };
        return { path: n.path, ...(at ? notes(notFound(roots, looked, `outside ${rootName(roots, looked)}, not read`, shared, at)) : {}) };
      case 'not-regular':
      case 'unreadable':
        return { path: n.path, ...(at ? notes(unreadable(n.path, said(roots, looked, opened.reason), at)) : {}) };
      case 'dir':
        return { path: n.path, ...(at ? notes(unreadable(n.path, `${shownPath(roots, looked, opened.real)} is a directory`, at)) : {}) };
      default:
        return { path: n.path, ...absent, ...(at ? notes(notFound(roots, looked, missingWhere(roots, looked), shared, at)) : {}) };
    }
  });
}

/** Where a file that is not there was looked for, and why it is not there when a link says so. */
function missingWhere(roots: RepoRoots, looked: Looked): string {
  const name = rootName(roots, looked);
  const where = `not ${name === 'the repository' ? 'in the repository' : `under ${name}`}, looked for ${shownPath(roots, looked, looked.path)}`;
  const detail = looked.opened.kind === 'missing' ? looked.opened.detail : undefined;
  return detail === undefined ? where : `${where} (${said(roots, looked, detail)})`;
}

/** In a few words, why a file another config names was not read (its own note says it in full). */
function whyNotRead(roots: RepoRoots, looked: Looked): string {
  const { opened } = looked;
  switch (opened.kind) {
    case 'missing':
      return 'not found';
    case 'outside':
      return opened.viaLink ? said(roots, looked, opened.reason).replace(/, so it was not read$/, '') : `outside ${rootName(roots, looked)}`;
    case 'dir':
      return 'it is a directory';
    default:
      return 'it could not be read';
  }
}

const SHARED_HINT = 'A waiver silences its findings only when its path: names the secrets file itself or selects every config that names it.';

const TEMPLATED_HINT = 'Render the template and scan the rendered tree with --root DIR, or scan the host it is deployed to (rsyncguard host).';

/** A path as a reader finds it: under --root as the user wrote DIR, else as the report shows files (cwd-relative). */
function shownPath(roots: RepoRoots, looked: Looked, path: string): string {
  return roots.daemon !== undefined && looked.root === roots.daemon.scan ? lookedFor(roots.scan, roots.daemon, looked.root, path) : displayPath(roots.root, path);
}

/**
 * What a lookup was confined to, as a reader names it: `--root DIR`; the scan root when it is a directory
 * inside a git repository whose top lies above it (`scan a` from the top: etc/ may well be committed, just
 * not under a); else the repository.
 */
function rootName(roots: RepoRoots, looked: Looked): string {
  if (roots.daemon !== undefined && looked.root === roots.daemon.scan) return `--root ${roots.daemon.shown}`;
  return gitTopAbove(roots.scan.real) === undefined ? 'the repository' : `${shownDir(roots.root)} (the scan root)`;
}

/** A directory as the user would type it: relative to the working directory when inside it. */
function shownDir(dir: string): string {
  return within(process.cwd(), dir) ? relative(process.cwd(), dir).split(sep).join('/') || '.' : dir;
}

const tops = new Map<string, string | undefined>();

/** The top of the git work tree `dir` lies in, when that is above `dir` (not `dir` itself). */
function gitTopAbove(dir: string): string | undefined {
  if (tops.has(dir)) return tops.get(dir);
  let top: string | undefined;
  if (!existsSync(join(dir, '.git'))) {
    for (let d = dirname(dir); ; d = dirname(d)) {
      if (existsSync(join(d, '.git'))) {
        top = d;
        break;
      }
      if (dirname(d) === d) break;
    }
  }
  tops.set(dir, top);
  return top;
}

/** A confining root's reason, naming --root as the user gave it rather than "the scan root". */
function said(roots: RepoRoots, looked: Looked, reason: string): string {
  return roots.daemon !== undefined && looked.root === roots.daemon.scan ? reason.replace('the scan root', `--root ${roots.daemon.shown}`) : reason;
}

function notFound(roots: RepoRoots, looked: Looked, why: string, shared: string, at: Location): Diagnostic {
  const top = roots.daemon === undefined ? gitTopAbove(roots.scan.real) : undefined;
  const hint =
    roots.daemon !== undefined
      ? 'Its entries and mode were not checked; rsync finds no secrets file there, so every login through it fails.'
      : top !== undefined
        ? `Its entries and mode were not checked. To look it up from the repository's top, give --root ${shownDir(top)}; or scan the host (rsyncguard host).`
        : "Its entries and mode were not checked. Give --root DIR where a copy of the daemon's filesystem holds it, or scan the host (rsyncguard host).";
  return diagnostic('info', SECRETS_NOT_FOUND, `secrets file ${looked.value}: ${why}${shared}`, at, hint);
}

function unreadable(path: string, reason: string, at: Location): Diagnostic {
  return diagnostic('warning', SECRETS_UNREADABLE, `The secrets file ${path} could not be read: ${reason}; its entries were not checked.`, at, 'Commit the secrets file as a regular file the scan can read (or commit none).');
}

/**
 * The mode the file is deployed with: git's, for a file a repository tracks (the scan's, or the one --root
 * lies in); the file's own for one under --root that git does not track (the tree given as the daemon's
 * filesystem, not a checkout: a plain directory, an unpacked image). `committed` says which. A file in the
 * scan's repository that git does not track, not under --root, has no mode to judge.
 */
function modeOf(roots: RepoRoots, real: string, modes: Map<string, number>): { mode: number | undefined; committed: boolean } {
  const inScan = within(roots.scan.real, real);
  const tracked = inScan ? modes.get(roots.scan.rel(real)) : undefined;
  if (tracked !== undefined) return { mode: tracked, committed: true };
  const daemon = roots.daemon;
  if (daemon === undefined || !within(daemon.scan.real, real)) return { mode: undefined, committed: true };
  daemon.modes ??= gitModes(daemon.scan.real);
  const underDir = daemon.modes.get(daemon.scan.rel(real));
  if (underDir !== undefined) return { mode: underDir, committed: true };
  try {
    return { mode: statSync(real).mode, committed: false };
  } catch {
    return { mode: undefined, committed: false };
  }
}
