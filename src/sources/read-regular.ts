/**
 * The one way rsyncguard reads a local file: regular files only, refused by type before the open, never
 * blocking, and byte-capped (DESIGN.md, "Confinement"; issue 12).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { fail, ok, UserError, type Result } from '../common/index.ts';

/** Config and secrets files are small; anything larger is not one (and must not exhaust memory). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Reads a regular file and nothing else. The type is checked before the open (opening a FIFO blocks, a
 * device such as /dev/zero never ends), the open itself cannot block (O_NONBLOCK) or take a controlling
 * terminal, the descriptor is checked again (the path may have been swapped meanwhile), and the read stops
 * at the cap whatever the size claims (procfs files say 0). /proc and /sys are refused by location: their
 * "regular files" are the kernel's view of processes, never a configuration.
 */
export interface ReadOptions {
  /** Byte cap (default MAX_FILE_BYTES). */
  maxBytes?: number;
  /** Refuse a symbolic link as the last component (for paths already resolved and checked by the caller). */
  noFollow?: boolean;
}

export function readLocalFile(path: string, opts: ReadOptions = {}): Result<Uint8Array> {
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  const refused = (why: string, hint = 'Point rsyncguard at the configuration file itself.') => fail(new UserError(`${path} ${why}; it was not read`, path, hint));
  let st: Stats;
  try {
    st = opts.noFollow ? lstatSync(path) : statSync(path);
  } catch (e) {
    return fail(new UserError(`cannot read ${path}: ${errorText(e)}`, path, 'Check the path and its permissions.'));
  }
  if (!st.isFile()) return refused(`is ${fileTypeName(st)}, not a regular file`);
  if (isKernelFs(path)) return refused('is in /proc or /sys (kernel state, not a configuration file)');
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY | (opts.noFollow ? constants.O_NOFOLLOW : 0));
  } catch (e) {
    return fail(new UserError(`cannot read ${path}: ${errorText(e)}`, path, 'Check the path and its permissions.'));
  }
  try {
    const now = fstatSync(fd);
    if (!now.isFile() || now.ino !== st.ino || now.dev !== st.dev) return refused('changed while it was being opened');
    if (now.size > maxBytes) return refused(`is ${now.size} bytes, more than the ${maxBytes} an rsync config can sensibly be`, 'Check that this is the right file.');
    const bytes = readCapped(fd, maxBytes, now.size);
    if (bytes === null) return refused(`holds more than ${maxBytes} bytes, more than an rsync config can sensibly be`, 'Check that this is the right file.');
    return ok(bytes);
  } catch (e) {
    return fail(new UserError(`cannot read ${path}: ${errorText(e)}`, path, 'Check the path and its permissions.'));
  } finally {
    closeSync(fd);
  }
}

/**
 * The rest of an open file, or null once it passes `maxBytes`: the cap holds whatever the file's size
 * claims (procfs files say 0, a file may grow while it is read). `sizeHint` (what fstat said) sizes the first
 * read, one byte over to see the end: a scan reads thousands of small files (an include fan-out reads the same
 * ones again and again), and a 64 KiB buffer for each 200-byte config was most of its memory traffic.
 */
export function readCapped(fd: number, maxBytes: number, sizeHint = 0): Buffer | null {
  const chunks: Buffer[] = [];
  let total = 0;
  let want = sizeHint > 0 ? sizeHint + 1 : 64 * 1024;
  for (;;) {
    const buf = Buffer.alloc(Math.min(want, maxBytes + 1 - total));
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
    // Kept as read: a short read of a right-sized buffer is the whole file, with no copy.
    chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    total += n;
    if (total > maxBytes) return null;
    want = 64 * 1024;
  }
}

/** "a FIFO", "a directory", … for messages. */
export function fileTypeName(st: Stats): string {
  if (st.isFile()) return 'a regular file';
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function isKernelFs(path: string): boolean {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return false;
  }
  return /^\/(proc|sys)(\/|$)/.test(real);
}

function errorText(e: unknown): string {
  if (e instanceof Error && 'code' in e && typeof e.code === 'string') {
    const messages: Record<string, string> = { ENOENT: 'no such file or directory', EACCES: 'permission denied', ELOOP: 'a symbolic link where none may be', EISDIR: 'is a directory', ENOTDIR: 'a path component is not a directory' };
    return messages[e.code] ?? e.message;
  }
  return String(e);
}
