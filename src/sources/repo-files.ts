/**
 * A repository as the daemon's filesystem: `&include`/`&merge` are followed only inside the scan root.
 * An absolute target is looked up at the same path under the root (`/etc/rsyncd.d` → `<root>/etc/rsyncd.d`);
 * a relative one against the including file's directory (rsync would use its working directory, which a
 * repository cannot know). Anything that would leave the root, by path or through a link, is reported and
 * never read; included files are named by their real path, so a link to a file is the file (cycles too).
 */
import { dirname, isAbsolute } from 'node:path';
import type { ConfigSource, IncludeTarget } from '../common/index.ts';
import { ScanRoot } from './scan-root.ts';

export interface RepoSourceOptions {
  /** Share one root (and its read cache) between the scan and the includes. */
  scanRoot?: ScanRoot;
  /** Real paths of files that some config names as its `secrets file`: never read as a configuration. */
  secretsFiles?: ReadonlySet<string>;
}

export function repoConfigSource(root: string, opts: RepoSourceOptions = {}): ConfigSource {
  const scan = opts.scanRoot ?? new ScanRoot(root);
  return {
    resolve(target: string, from: string): IncludeTarget {
      const path = scan.locate(target, dirname(from));
      const opened = scan.open(path);
      // Whatever is not read here becomes a located note on the include line: the scan need not name it again.
      if (opened.kind !== 'file' && opened.kind !== 'dir') scan.note(path);
      const note =
        isAbsolute(target) || from.endsWith('/.') ? {} : { note: `"${target}" was resolved against the including file's directory; rsync resolves a relative include against the daemon's working directory, which a repository cannot know.` };
      switch (opened.kind) {
        case 'outside':
          return { kind: 'not-followed', path: target, reason: opened.reason, ...(opened.viaLink ? { level: 'warning' as const } : {}) };
        case 'missing':
          return { kind: 'not-followed', path: target, reason: isAbsolute(target) ? `${target} is not in the repository (looked for ${scan.rel(path)})` : opened.reason };
        case 'not-regular':
          // rsync's include_config stat()s the target: neither a file nor a directory fails the parse.
          return { kind: 'other', path: scan.rel(path) };
        case 'unreadable':
          return { kind: 'unreadable', path: target, reason: opened.reason };
        case 'dir':
          return { kind: 'dir', path: opened.real, entries: opened.entries, ...note };
        case 'file':
          if (opts.secretsFiles?.has(opened.real)) {
            return { kind: 'not-followed', path: target, reason: `${scan.rel(opened.real)} is the secrets file a module names; rsyncguard never reads a secrets file as a configuration`, level: 'warning' };
          }
          return { kind: 'file', path: opened.real, bytes: opened.bytes, ...note };
      }
    },
  };
}
