/**
 * Files on this machine, read the way the daemon would see them. With `root`, the daemon's filesystem is
 * a directory here (a checkout, an unpacked image): absolute include targets are looked up under it.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { ConfigSource, IncludeTarget } from '../common/index.ts';
import { readLocalFile } from './read-regular.ts';
import { ScanRoot } from './scan-root.ts';

export { fileTypeName, MAX_FILE_BYTES, readCapped, readLocalFile } from './read-regular.ts';
export type { ReadOptions } from './read-regular.ts';

export interface FileStat {
  mode: number;
  uid: number;
  gid: number;
}

export function localConfigSource(opts: { root?: string } = {}): ConfigSource {
  // A root stands for the daemon's `/`: its absolute links start again at it (an unpacked image's links).
  const scan = opts.root === undefined ? undefined : new ScanRoot(opts.root, undefined, true);
  return {
    resolve(target: string, from: string): IncludeTarget {
      const path = scan !== undefined && isAbsolute(target) ? scan.locate(target, '/') : daemonPath(target, from, opts.root);
      return scan ? rooted(scan, path, target) : unrooted(path);
    },
  };
}

/** This machine's own files: what the daemon would open, but only regular files and directories. */
function unrooted(path: string): IncludeTarget {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    return { kind: 'missing', path, reason: errorText(e) };
  }
  if (st.isDirectory()) {
    try {
      return { kind: 'dir', path, entries: readdirSync(path) };
    } catch (e) {
      return { kind: 'unreadable', path, reason: errorText(e) };
    }
  }
  if (!st.isFile()) return { kind: 'other', path };
  const read = readLocalFile(path);
  return read.ok ? { kind: 'file', path, bytes: read.value } : { kind: 'unreadable', path, reason: read.error.message };
}

/** A directory standing for the daemon's `/`: nothing outside it is read, links included. */
function rooted(scan: ScanRoot, path: string, target: string): IncludeTarget {
  const opened = scan.open(path);
  switch (opened.kind) {
    case 'outside':
      return { kind: 'not-followed', path: target, reason: opened.reason.replace('scan root', `root ${scan.root}`), level: 'warning' };
    case 'missing':
      return { kind: 'missing', path, reason: 'no such file or directory' };
    case 'not-regular':
      return { kind: 'other', path };
    case 'unreadable':
      return { kind: 'unreadable', path, reason: opened.reason };
    case 'dir':
      return { kind: 'dir', path: opened.real, entries: opened.entries };
    case 'file':
      return { kind: 'file', path: opened.real, bytes: opened.bytes };
  }
}

/**
 * rsync resolves a relative target against its own working directory, which a static reader cannot
 * know; the including file's directory is the best stand-in.
 */
function daemonPath(target: string, from: string, root: string | undefined): string {
  if (isAbsolute(target)) return root ? join(root, target) : target;
  return resolve(dirname(from), target);
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
