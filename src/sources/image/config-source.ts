/**
 * An image's merged layers as the daemon sees them: the include source the parser follows
 * `&include`/`&merge` through, and why a config the daemon needs cannot be read. Content is read lazily:
 * a path not read yet is collected in `wanted` for the next batch, and answered once it was tried.
 */
import { posix } from 'node:path';
import type { ConfigSource, IncludeTarget } from '../../common/index.ts';
import type { ImageFs } from './image-fs.ts';

export function imageConfigSource(fs: ImageFs, wanted: Set<string>, attempted: ReadonlySet<string>): ConfigSource {
  return {
    resolve(target: string, from: string): IncludeTarget {
      const path = posix.isAbsolute(target) ? target : posix.join(posix.dirname(from), target);
      const st = fs.stat(path);
      if (!st) return { kind: 'missing', path, reason: 'no such file or directory in the image (or a symlink that leads nowhere inside it)' };
      if (st.kind === 'dir') return { kind: 'dir', path, entries: fs.list(path) ?? [] };
      if (st.kind !== 'file') return { kind: 'other', path };
      const bytes = fs.content(path);
      if (bytes) return { kind: 'file', path, bytes };
      if (attempted.has(path)) return { kind: 'not-followed', path, reason: `not read from the image: ${fs.unreadable(path) ?? 'unreadable'}` };
      wanted.add(path);
      return { kind: 'missing', path, reason: 'not read yet' };
    },
  };
}

/** Why a config the daemon needs cannot be evaluated, or null when it can. */
export function unusableConfig(fs: ImageFs, path: string): string | null {
  const st = fs.stat(path);
  if (!st) return 'is not in the image (missing, deleted by a later layer, or a symlink that leads nowhere inside the image)';
  if (st.kind !== 'file') return `is not a regular file (${st.kind === 'dir' ? 'a directory' : 'a device, FIFO or socket'})`;
  const why = fs.unreadable(path);
  return why === null ? null : `could not be read: ${why}`;
}
