/**
 * A live host's files as its daemon sees them, from what the collector read there: the include source the
 * parser follows `&include`/`&merge` through. Nothing is read here; the collector already did.
 */
import { posix } from 'node:path';
import type { ConfigSource, IncludeTarget, RawFile } from '../../common/index.ts';

export function hostConfigSource(files: ReadonlyMap<string, RawFile>, secretsFiles: ReadonlySet<string>): ConfigSource {
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
