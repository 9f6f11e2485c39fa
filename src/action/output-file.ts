/**
 * The files the Action writes where an input says (sarif-file, fix-patch). A path like `reports/rsyncguard.sarif`
 * is the workflow's plan for a later step (upload-sarif, upload-artifact), not a mistake: the directory is
 * created when missing. What still cannot be written (a directory of that name, a parent that is a file, no
 * permission) is the input's error in one line, never a stack.
 *
 * The workspace is the pull request's content: a committed `rsyncguard.sarif -> ~/.gitconfig`, or a committed
 * `reports -> /home/runner`, would make the Action overwrite any file the runner user can write (adv2 #4). No
 * link is followed: each directory of the path inside the workspace is looked at (lstat) and made one at a
 * time, and the file is opened with O_NOFOLLOW. A path outside the workspace (`${{ runner.temp }}/…`) is the
 * workflow's own: only the file itself must not be a link.
 */
import { closeSync, constants, lstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { errorMessage, fail, ok, UserError, type Result } from '../common/index.ts';

type OutputInput = 'sarif-file' | 'fix-patch';

class LinkRefused extends Error {}

/** lstat, or undefined where nothing is. */
function entry(path: string) {
  try {
    return lstatSync(path);
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Makes each missing directory between the workspace and the file, refusing a link on the way. */
function makeParents(workspace: string, file: string): void {
  const rel = relative(workspace, dirname(file));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    // Outside the workspace: the workflow's own directory, made as asked.
    if (rel !== '') mkdirSync(dirname(file), { recursive: true });
    return;
  }
  let at = workspace;
  for (const part of rel.split(sep)) {
    at = join(at, part);
    const st = entry(at);
    if (st?.isSymbolicLink()) throw new LinkRefused(`${relative(workspace, at)} is a symbolic link`);
    if (st === undefined) mkdirSync(at);
  }
}

export function writeOutputFile(input: OutputInput, path: string, content: string, workspace: string = process.cwd()): Result<void> {
  const file = resolve(workspace, path);
  try {
    makeParents(resolve(workspace), file);
    if (entry(file)?.isSymbolicLink()) throw new LinkRefused(`${path} is a symbolic link`);
    // O_NOFOLLOW: a link made between the look and the open is refused too (ELOOP).
    const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    return ok(undefined);
  } catch (e) {
    const loop = e instanceof Error && 'code' in e && e.code === 'ELOOP';
    if (e instanceof LinkRefused || loop) {
      const what = e instanceof LinkRefused ? e.message : `${path} is a symbolic link`;
      return fail(
        new UserError(
          `Input "${input}": ${path} was not written: ${what}, and rsyncguard never writes through a link (one committed in a pull request could point at any file on the runner)`,
          undefined,
          `Remove the link, or give ${input} a path that is not one, e.g. under \${{ runner.temp }}.`,
        ),
      );
    }
    return fail(new UserError(`Input "${input}": ${path} cannot be written: ${errorMessage(e)}`, undefined, `Give ${input} a file path in the workspace (missing directories are created).`));
  }
}
