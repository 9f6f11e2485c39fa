import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fchownSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { constants } from 'node:os';
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

/** The temporaries being written: a SIGINT or SIGTERM removes them before the process ends. */
const temporaries = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let listening = false;

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/**
 * Killed by default, the process left `.<name>.<hex>.tmp` beside --output (issue 20). With a listener the
 * temporaries are removed first, then the signal ends the process as it would have (the shell sees 130 or
 * 143). The report is written synchronously, so a signal that comes during the write is handled once it is
 * done: the complete report is in place by then and nothing is left beside it. The listeners stay once
 * installed: removed right after a write, they would drop a signal that came during it (libuv has already
 * taken it), and the process would carry on as if none had come.
 */
function onSignal(name: (typeof SIGNALS)[number]): void {
  for (const t of temporaries) unlinkQuietly(t);
  temporaries.clear();
  // Another listener (stopOnSignals: a sweep stopping its hosts) decides how the run ends.
  if (process.listenerCount(name) > 1) return;
  for (const n of SIGNALS) process.removeListener(n, LISTENERS[n]);
  listening = false;
  process.kill(process.pid, name);
  // Only reached if the signal did not end the process: the status it would have given.
  process.exit(128 + constants.signals[name]);
}

const LISTENERS = { SIGINT: () => onSignal('SIGINT'), SIGTERM: () => onSignal('SIGTERM') } as const;

/**
 * One more turn of the event loop after a write, whatever follows it: the process would otherwise end on
 * the exit code, the signal that came during the write never read, as if none had come.
 */
function settle(temporary: string): void {
  temporaries.delete(temporary);
  setImmediate(() => {});
}

function listenForSignals(): void {
  if (listening) return;
  listening = true;
  for (const n of SIGNALS) process.on(n, LISTENERS[n]);
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
  // Listening before the file exists: a signal between its creation and a listener would end the process
  // the default way and leave it behind. One that comes now is handled after this turn, once it is tracked.
  listenForSignals();
  let fd: number;
  try {
    // O_EXCL: never through a link or file someone placed under that name.
    fd = openSync(temporary, 'wx', target.mode ?? 0o666);
  } catch {
    // A directory this process cannot create in may still hold a file it can write.
    return inPlace(file);
  }
  temporaries.add(temporary);
  try {
    if (target.mode !== undefined) fchmodSync(fd, target.mode);
    if (target.uid !== undefined && target.gid !== undefined && process.getuid?.() === 0) fchownSync(fd, target.uid, target.gid);
  } catch {
    // Keeping the old owner and mode is a courtesy; the report matters more.
  }
  const drop = () => {
    closeSync(fd);
    settle(temporary);
    unlinkQuietly(temporary);
  };
  return {
    fd,
    commit: () => {
      closeSync(fd);
      settle(temporary);
      try {
        renameSync(temporary, target.path);
      } catch (e) {
        unlinkQuietly(temporary);
        throw e;
      }
    },
    abort: drop,
  };
}
