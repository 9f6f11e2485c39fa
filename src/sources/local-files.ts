/**
 * Files on this machine, read the way the daemon would see them. With `root`, the daemon's filesystem is
 * a directory here (a checkout, an unpacked image): absolute include targets are looked up under it.
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fail, ok, UserError, type ConfigSource, type IncludeTarget, type Result } from '../common/index.ts';

/** Config and secrets files are small; anything larger is not one (and must not exhaust memory). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface FileStat {
  mode: number;
  uid: number;
  gid: number;
}

export function localConfigSource(opts: { root?: string } = {}): ConfigSource {
  return {
    resolve(target: string, from: string): IncludeTarget {
      const path = daemonPath(target, from, opts.root);
      let kind: 'file' | 'dir' | 'other';
      try {
        const st = statSync(path);
        kind = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
      } catch (e) {
        return { kind: 'missing', path, reason: errorText(e) };
      }
      if (kind === 'other') return { kind, path };
      if (kind === 'dir') {
        try {
          return { kind, path, entries: readdirSync(path) };
        } catch (e) {
          return { kind: 'missing', path, reason: errorText(e) };
        }
      }
      const read = readLocalFile(path);
      return read.ok ? { kind: 'file', path, bytes: read.value } : { kind: 'missing', path, reason: read.error.message };
    },
  };
}

/**
 * rsync resolves a relative target against its own working directory, which a static reader cannot
 * know; the including file's directory is the best stand-in.
 */
function daemonPath(target: string, from: string, root: string | undefined): string {
  if (isAbsolute(target)) return root ? join(root, target) : target;
  return resolve(dirname(from), target);
}

export function readLocalFile(path: string): Result<Uint8Array> {
  try {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > MAX_FILE_BYTES) {
        return fail(new UserError(`${path} is ${size} bytes, more than the ${MAX_FILE_BYTES} an rsync config can sensibly be`, path, 'Check that this is the right file.'));
      }
    } finally {
      closeSync(fd);
    }
    return ok(readFileSync(path));
  } catch (e) {
    return fail(new UserError(`cannot read ${path}: ${errorText(e)}`, path, 'Check the path and its permissions.'));
  }
}

/** null when the file does not exist. */
export function statLocal(path: string): FileStat | null {
  try {
    const st = statSync(path);
    return { mode: st.mode, uid: st.uid, gid: st.gid };
  } catch {
    return null;
  }
}

function errorText(e: unknown): string {
  if (e instanceof Error && 'code' in e && typeof e.code === 'string') {
    const messages: Record<string, string> = { ENOENT: 'no such file or directory', EACCES: 'permission denied', EISDIR: 'is a directory', ENOTDIR: 'a path component is not a directory' };
    return messages[e.code] ?? e.message;
  }
  return String(e);
}
