/**
 * A repository as the daemon's filesystem: `&include`/`&merge` are followed only inside the scan root.
 * An absolute target is looked up at the same path under the root (`/etc/rsyncd.d` → `<root>/etc/rsyncd.d`);
 * a relative one against the including file's directory (rsync would use its working directory, which a
 * repository cannot know). Anything that would leave the root is reported, never read.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, dirname } from 'node:path';
import type { ConfigSource, IncludeTarget } from '../common/index.ts';
import { readLocalFile } from './local-files.ts';

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export function repoConfigSource(root: string): ConfigSource {
  const realRoot = realpathSync(root);
  return {
    resolve(target: string, from: string): IncludeTarget {
      const path = isAbsolute(target) ? join(root, target) : resolve(dirname(from), target);
      if (!inside(root, path)) return { kind: 'not-followed', path: target, reason: 'it points outside the scan root' };
      let real: string;
      try {
        real = realpathSync(path);
      } catch {
        const why = isAbsolute(target) ? `${target} is not in the repository (looked for ${relative(root, path) || '.'})` : `${relative(root, path)} is not in the repository`;
        return { kind: 'not-followed', path: target, reason: why };
      }
      if (!inside(realRoot, real)) return { kind: 'not-followed', path: target, reason: 'a symlink leads outside the scan root' };
      const st = statSync(real);
      const note = isAbsolute(target) || from.endsWith('/.') ? {} : { note: `"${target}" was resolved against the including file's directory; rsync resolves a relative include against the daemon's working directory, which a repository cannot know.` };
      if (st.isDirectory()) return { kind: 'dir', path, entries: readdirSync(path), ...note };
      if (!st.isFile()) return { kind: 'other', path };
      const read = readLocalFile(path);
      return read.ok ? { kind: 'file', path, bytes: read.value, ...note } : { kind: 'missing', path, reason: read.error.message };
    },
  };
}
