import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fchownSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Where --output is written, and how it becomes the output. A regular file (or a new one) is written beside
 * itself under a temporary name and renamed over it when complete: a report that fails half-way, or a
 * full disk, leaves the previous report whole instead of a truncated one that a later step would read
 * as complete. A link is followed first, so the link stays a link and its target gets the report.
 * FIFOs, devices (`-o /dev/stdout`) and files with other hard links are written in place: a rename would
 * replace what the user pointed at instead of writing into it.
 */
export interface OutputTarget {
  readonly fd: number;
  /** Closes and puts the output in place. */
  commit(): void;
  /** Closes and leaves the previous output as it was (in-place targets keep what was written). */
  abort(): void;
}

function inPlace(file: string): OutputTarget {
  const fd = openSync(file, 'w');
  return { fd, commit: () => closeSync(fd), abort: () => closeSync(fd) };
}

/** The file that a write to `file` would reach, and whether it exists. */
function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function resolved(file: string): { path: string; mode?: number; uid?: number; gid?: number; replaceable: boolean } {
  let path: string;
  try {
    path = realpathSync(file);
  } catch {
    // A dangling link is written through, as before; only a name that is nothing yet is created here.
    if (isLink(file)) return { path: file, replaceable: false };
    return { path: file, replaceable: true };
  }
  const st = statSync(path);
  return { path, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, replaceable: st.isFile() && st.nlink === 1 };
}

export function openOutput(file: string): OutputTarget {
  const target = resolved(file);
  if (!target.replaceable) return inPlace(file);
  const temporary = join(dirname(target.path), `.${basename(target.path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    // O_EXCL: never through a link or file someone placed under that name.
    fd = openSync(temporary, 'wx', target.mode ?? 0o666);
  } catch {
    // A directory this process cannot create in may still hold a file it can write.
    return inPlace(file);
  }
  try {
    if (target.mode !== undefined) fchmodSync(fd, target.mode);
    if (target.uid !== undefined && target.gid !== undefined && process.getuid?.() === 0) fchownSync(fd, target.uid, target.gid);
  } catch {
    // Keeping the old owner and mode is a courtesy; the report matters more.
  }
  const drop = () => {
    closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone.
    }
  };
  return {
    fd,
    commit: () => {
      closeSync(fd);
      try {
        renameSync(temporary, target.path);
      } catch (e) {
        try {
          unlinkSync(temporary);
        } catch {
          // Already gone.
        }
        throw e;
      }
    },
    abort: drop,
  };
}
