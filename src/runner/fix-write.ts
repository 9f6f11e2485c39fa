/**
 * `fix --write`: each edited file replaced by its verified text. A file is written only where the scan read
 * it: inside its scan root after every link, a regular file, unchanged since it was read (so a file edited
 * meanwhile is not overwritten with a stale fix). The new text goes to a temporary file in the same
 * directory, with the old file's mode, and is renamed over it: a reader sees the old file or the new one.
 */
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errorMessage, fail, ok, UserError, type Result } from '../common/index.ts';
import { within } from '../sources/index.ts';
import type { FixRun } from './fix-repository.ts';

/** The display paths written, in order; the first file that cannot be written stops the rest (and is the error). */
export function writeFixes(run: FixRun): Result<string[]> {
  const written: string[] = [];
  for (const t of run.report.targets) {
    for (const f of t.fixes?.files ?? []) {
      if (f.before === f.after || written.includes(f.file)) continue;
      const where = run.files.get(f.file);
      if (where === undefined) return fail(new UserError(`cannot write ${f.file}: it was not read from a scan root`));
      const done = writeOne(f.file, where.root, where.real, f.before, f.after);
      if (!done.ok) return done;
      written.push(f.file);
    }
  }
  return ok(written);
}

function writeOne(display: string, root: string, real: string, before: string, after: string): Result<void> {
  const refuse = (why: string) => fail(new UserError(`not written: ${display} ${why}`, undefined, 'Nothing else was changed in it; check the file and run fix again.'));
  let st;
  try {
    // Checked again now: the tree may have changed since the scan read it.
    if (realpathSync(real) !== real || !within(realpathSync(root), real)) return refuse('is no longer inside the scan root');
    st = lstatSync(real);
    if (!st.isFile()) return refuse('is no longer a regular file');
    if (readFileSync(real, 'utf8') !== before) return refuse('changed since it was read');
  } catch (e) {
    return refuse(`could not be checked: ${errorMessage(e)}`);
  }
  const temp = join(dirname(real), `.${basename(real)}.rsyncguard-fix-${process.pid}`);
  try {
    // wx: never follow or reuse something already at the temporary name.
    const fd = openSync(temp, 'wx', st.mode & 0o7777);
    try {
      // The umask narrowed the mode at creation: set it exactly as the old file's.
      fchmodSync(fd, st.mode & 0o7777);
      writeSync(fd, Buffer.from(after, 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, real);
    return ok(undefined);
  } catch (e) {
    rmSync(temp, { force: true });
    return fail(new UserError(`cannot write ${display}: ${errorMessage(e)}`, undefined, 'Check that the directory is writable.'));
  }
}
