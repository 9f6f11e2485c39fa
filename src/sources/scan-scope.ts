/**
 * Which files a repository scan looked at, asked of the files a baseline names: a finding in a file this run
 * left out (`--exclude`, or outside every PATH) is not fixed, and must not be listed as fixed. A file that is
 * no longer there is gone, and its findings with it: that is a fix.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { matchExcludes, type ExcludeMatch } from './exclude.ts';
import { within } from './scan-root.ts';

interface ScopeRoot {
  /** The real path of a PATH given: a directory, or a file scanned alone. */
  real: string;
  isFile: boolean;
  excluded: ExcludeMatch | undefined;
}

/**
 * `true` when a file named as a report names targets (relative to the working directory, or to a PATH outside
 * it) was within this scan: under a PATH and not excluded. `true` too for a name that is no file here (gone,
 * a host, an image): only a file that is there and was left out answers `false`.
 */
export function scanScope(paths: readonly string[], exclude: readonly string[]): (target: string) => boolean {
  const roots: ScopeRoot[] = [];
  for (const p of paths) {
    try {
      const real = realpathSync(resolve(p));
      const isFile = statSync(real).isFile();
      roots.push({ real, isFile, excluded: isFile || exclude.length === 0 ? undefined : matchExcludes(real, exclude) });
    } catch {
      // A PATH that is not there is an error of the run already; it scopes nothing.
    }
  }
  return (target) => {
    const file = existingFile(target, roots);
    if (file === undefined) return true;
    return roots.some((r) => (r.isFile ? r.real === file : within(r.real, file) && !r.excluded?.excludes(relative(r.real, file).split(sep).join('/'))));
  };
}

/** The real path of the regular file a target names, if one is there: from the working directory, else from a PATH outside it. */
function existingFile(target: string, roots: readonly ScopeRoot[]): string | undefined {
  const candidates = isAbsolute(target) ? [target] : [resolve(target), ...roots.filter((r) => !r.isFile).map((r) => join(r.real, target))];
  for (const c of candidates) {
    try {
      if (lstatSync(c).isFile()) return realpathSync(c);
    } catch {
      // Not here; the next reading of the name.
    }
  }
  return undefined;
}
