/**
 * `fix --output FILE` must not name a file the run reads or writes: the config being fixed would be
 * overwritten with the diff (and with --write, lost when the write step then finds it changed). Checked by
 * real path, before anything is written.
 */
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../../common/index.ts';

function real(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/**
 * The error when `output` resolves to one of `files` (paths as given, absolute or relative to the working
 * directory); undefined when there is no --output or it names another file. A display path may be relative to
 * a scan root rather than the working directory: `bases` are tried as well.
 */
export function outputClash(output: string | undefined, files: Iterable<string>, bases: readonly string[] = []): UserError | undefined {
  if (output === undefined) return undefined;
  // An output that does not exist yet cannot be a file the run read.
  const target = real(output);
  if (target === null) return undefined;
  const roots = [process.cwd(), ...bases.flatMap((b) => [resolve(b), dirname(resolve(b))])];
  for (const file of files) {
    for (const base of roots) {
      if (real(resolve(base, file)) === target) {
        return new UserError(`--output ${output} is ${file}, a file this run reads or writes`, undefined, 'Write the output to another file; nothing was written.');
      }
    }
  }
  return undefined;
}
