/**
 * `scan --root DIR`: the directory that stands for the daemon's `/` when a config names an absolute path
 * (`secrets file = /etc/rsyncd.secrets`, `&include /etc/rsyncd.d`). Without it each scan root is its own
 * daemon root, as before. DIR is the user's choice (an unpacked image, a rendered tree beside the
 * templates), so it may lie outside the repository; from there on it confines like a scan root: every path
 * is resolved with its links (an absolute link target from DIR again, as in a chroot) and must stay inside
 * DIR, only regular files are opened, nothing under .git.
 */
import { realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fail, ok, UserError, type Result } from '../common/index.ts';
import { ScanRoot, within } from './scan-root.ts';

export interface DaemonRoot {
  /** The root opened with confinement (its `root` is absolute, its `real` the path after links). */
  scan: ScanRoot;
  /** DIR as the user wrote it, without a trailing slash: how paths under it are shown. */
  shown: string;
  /**
   * Secrets files under DIR already reported in this run, by real path, with the config (display path) that
   * reports them: several PATHs given to one scan share DIR, and a file is still reported once.
   */
  reported: Map<string, string>;
  /** The modes git records under DIR (gitModes), read once the first secrets file there outside the PATHs is judged. */
  modes?: Map<string, number>;
}

/**
 * The `--root` value checked. A DIR inside the working directory (the checkout, in CI) is repository
 * content: a committed link there (`rootfs -> /`) must not carry the scan to the runner's own /etc, the
 * rule `scan` applies to the paths it is given.
 */
export function openDaemonRoot(given: string): Result<DaemonRoot> {
  if (given === '') return fail(new UserError('an empty value names no directory', '--root', 'Give --root the directory that stands for the daemon\'s "/" (an unpacked image, a rendered tree).'));
  const abs = resolve(given);
  const hint = 'Give --root the directory that stands for the daemon\'s "/" (an unpacked image, a rendered tree).';
  let real: string;
  try {
    real = realpathSync(abs);
    if (!statSync(real).isDirectory()) return fail(new UserError('not a directory', `--root ${given}`, hint));
  } catch {
    return fail(new UserError('no such directory', `--root ${given}`, hint));
  }
  const cwd = process.cwd();
  if (within(cwd, abs) && !within(realpathSync(cwd), real)) {
    return fail(new UserError('it is a symbolic link (or lies under one) that leads outside the working directory; it was not used', `--root ${given}`, 'A link in the repository is never followed out of it. Give the real directory instead.'));
  }
  if (real.split(sep).some((c) => c.toLowerCase() === '.git')) {
    return fail(new UserError("it is inside .git (git's own data, which can hold the checkout's credentials)", `--root ${given}`, hint));
  }
  const shown = given.length > 1 ? given.replace(/\/+$/, '') : given;
  // DIR is a filesystem's `/`: its absolute links lead to DIR/…, as they do for a daemon running in it.
  return ok({ scan: new ScanRoot(abs, undefined, true), shown, reported: new Map() });
}

/** A path under the daemon root as the user would write it: `rootfs/etc/rsyncd.secrets`, `/etc/x` under `--root /`. */
export function shownUnder(root: DaemonRoot, path: string): string {
  const rel = relative(root.scan.root, path).split(sep).join('/');
  if (rel === '') return root.shown;
  return root.shown.endsWith('/') ? `${root.shown}${rel}` : `${root.shown}/${rel}`;
}
