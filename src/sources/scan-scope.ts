/**
 * Which files a repository scan looked at, asked of the files a baseline names: a finding in a file this run
 * left out (`--exclude`, or outside every PATH) is not fixed, and must not be listed as fixed. A file that is
 * no longer there is gone, and its findings with it: that is a fix.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { gitFiles } from './discover.ts';
import { matchExcludes, type ExcludeMatch } from './exclude.ts';
import { within } from './scan-root.ts';

interface ScopeRoot {
  /** The real path of a PATH given: a directory, or a file scanned alone. */
  real: string;
  isFile: boolean;
  excluded: ExcludeMatch | undefined;
  /** What git shows under a directory (ignored files are not scanned), asked once when needed; null outside git. */
  listed?: Set<string> | null;
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
  const cwd = realpathSync(process.cwd());
  // Names are relative to the working directory for files in it, else to their PATH (repo-targets.ts).
  const outside = roots.filter((r) => !r.isFile && !within(cwd, r.real));
  const inScope = (file: string) => roots.some((r) => (r.isFile ? r.real === file : within(r.real, file) && scannedUnder(r, relative(r.real, file).split(sep).join('/'))));
  return (target) => {
    if (isAbsolute(target)) {
      const file = regularFile(target);
      return file === undefined || inScope(file);
    }
    const here = regularFile(resolve(target));
    if (here !== undefined && inScope(here)) return true;
    for (const r of outside) {
      const there = regularFile(join(r.real, target));
      if (there !== undefined) return inScope(there);
    }
    // With a PATH outside the working directory, a file here of that name may be another file altogether:
    // only without one is a file here that was left out taken for the baseline's.
    return here === undefined || outside.length > 0;
  };
}

/** Whether discovery under root looked at `rel`: not left out by --exclude, nor by git's ignore rules. */
function scannedUnder(root: ScopeRoot, rel: string): boolean {
  if (root.excluded?.excludes(rel)) return false;
  if (root.listed === undefined) {
    const files = gitFiles(root.real);
    root.listed = files === null ? null : new Set(files.map((f) => f.split(sep).join('/')));
  }
  return root.listed === null || root.listed.has(rel);
}

/** The real path of the regular file at `path`, if one is there. */
function regularFile(path: string): string | undefined {
  try {
    return lstatSync(path).isFile() ? realpathSync(path) : undefined;
  } catch {
    return undefined;
  }
}
