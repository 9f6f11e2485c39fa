/**
 * A repository as the daemon's filesystem: `&include`/`&merge` are followed only inside the scan root.
 * An absolute target is looked up at the same path under the root (`/etc/rsyncd.d` → `<root>/etc/rsyncd.d`);
 * a relative one against the including file's directory (rsync would use its working directory, which a
 * repository cannot know). Anything that would leave the root, by path or through a link, is reported and
 * never read; included files are named by their real path, so a link to a file is the file (cycles too).
 */
import { dirname, isAbsolute } from 'node:path';
import type { ConfigSource, IncludeTarget } from '../common/index.ts';
import { type DaemonRoot, shownUnder } from './daemon-root.ts';
import { ScanRoot, within } from './scan-root.ts';

export interface RepoSourceOptions {
  /** Share one root (and its read cache) between the scan and the includes. */
  scanRoot?: ScanRoot;
  /** Real paths of files that some config names as its `secrets file`: never read as a configuration. */
  secretsFiles?: ReadonlySet<string>;
  /** `scan --root DIR`: absolute targets are looked up under DIR instead of the scan root. */
  daemonRoot?: DaemonRoot;
}

/**
 * The root a target is looked up and confined in: an absolute one under the daemon root, a relative one
 * in the tree of the file that names it (the scan root, or the daemon root for a file read from there).
 */
export function rootFor(scan: ScanRoot, daemon: DaemonRoot | undefined, target: string, from: string): ScanRoot {
  if (daemon === undefined) return scan;
  if (isAbsolute(target)) return daemon.scan;
  return within(scan.root, from) || within(scan.real, from) ? scan : daemon.scan;
}

/** How a looked-for path is shown: under the scan root as a repository path, under --root as the user wrote it. */
export function lookedFor(scan: ScanRoot, daemon: DaemonRoot | undefined, root: ScanRoot, path: string): string {
  return daemon !== undefined && root === daemon.scan ? shownUnder(daemon, path) : scan.rel(path);
}

export function repoConfigSource(root: string, opts: RepoSourceOptions = {}): ConfigSource {
  const scan = opts.scanRoot ?? new ScanRoot(root);
  return {
    resolve(target: string, from: string): IncludeTarget {
      const root = rootFor(scan, opts.daemonRoot, target, from);
      const path = root.locate(target, dirname(from));
      const opened = root.open(path);
      // Whatever is not read here becomes a located note on the include line: the scan need not name it again.
      if (opened.kind !== 'file' && opened.kind !== 'dir') scan.note(path);
      // The daemon root's own reasons name it as the user gave it, not as "the scan root".
      const said = (reason: string) => (opts.daemonRoot !== undefined && root === opts.daemonRoot.scan ? reason.replace('the scan root', `--root ${opts.daemonRoot.shown}`) : reason);
      const where = opts.daemonRoot === undefined ? 'in the repository' : `under --root ${opts.daemonRoot.shown}`;
      const note =
        isAbsolute(target) || from.endsWith('/.') ? {} : { note: `"${target}" was resolved against the including file's directory; rsync resolves a relative include against the daemon's working directory, which a repository cannot know.` };
      switch (opened.kind) {
        case 'outside':
          return { kind: 'not-followed', path: target, reason: said(opened.reason), ...(opened.viaLink ? { level: 'warning' as const } : {}) };
        case 'missing':
          // --root is the daemon's filesystem: what is not there is not there for rsync either (a fatal
          // include, as `facts --root` reads it). A repository only lacks the file: unknown, not followed.
          if (opts.daemonRoot !== undefined && root === opts.daemonRoot.scan) {
            const detail = opened.detail === undefined ? '' : `; ${said(opened.detail)}`;
            return { kind: 'missing', path: target, reason: `not ${where} (looked for ${lookedFor(scan, opts.daemonRoot, root, path)}${detail})` };
          }
          return { kind: 'not-followed', path: target, reason: isAbsolute(target) ? `${target} is not ${where} (looked for ${lookedFor(scan, opts.daemonRoot, root, path)})` : opened.reason };
        case 'not-regular':
          // rsync's include_config stat()s the target: neither a file nor a directory fails the parse.
          return { kind: 'other', path: lookedFor(scan, opts.daemonRoot, root, path) };
        case 'unreadable':
          return { kind: 'unreadable', path: target, reason: said(opened.reason) };
        case 'dir':
          return { kind: 'dir', path: opened.real, entries: opened.entries, ...note };
        case 'file':
          if (opts.secretsFiles?.has(opened.real)) {
            return { kind: 'not-followed', path: target, reason: `${lookedFor(scan, opts.daemonRoot, root, opened.real)} is the secrets file a module names; rsyncguard never reads a secrets file as a configuration`, level: 'warning' };
          }
          return { kind: 'file', path: opened.real, bytes: opened.bytes, ...note };
      }
    },
  };
}
