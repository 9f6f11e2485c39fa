/**
 * What scan's --exclude and the Action's exclude input leave out, decided here once for both. A pattern is a
 * glob relative to the scan root, and one that matches a directory leaves out everything under it, as a
 * .gitignore line does: people coming from Trivy (`--skip-dirs vendor`) or Checkov (`--skip-path vendor`)
 * write the directory, and `vendor` matching only the directory entry left every file in it scanned, without
 * a word (adv2 #11). `vendor/`, `./vendor` and the directory's absolute path inside the root mean the same.
 * A pattern that matched nothing is kept, so the front ends can say so instead of a silent no-op.
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import fg from 'fast-glob';

export interface ExcludeMatch {
  /** Whether `path` (relative to the root, "/"-separated) is left out: it, or a directory above it, matched. */
  excludes(path: string): boolean;
  /** The patterns, as given, that matched nothing under the root. */
  unmatched: string[];
}

/** A path under root (relative, "/"-separated), or undefined for one outside it. */
function inside(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/**
 * The glob fast-glob is given for a pattern as written: `./` and trailing `/` dropped (fast-glob would return
 * `./a` and `a/` as spelt, never equal to a listed path), an absolute path made relative to the root (also
 * when the root was reached through a link, as /tmp is on some systems); the root itself is everything. An
 * absolute path outside the root stays as it is and matches nothing there.
 */
export function excludeGlob(root: string, pattern: string): string {
  let p = pattern.trim().replace(/\/{2,}/g, '/');
  if (isAbsolute(p)) {
    // The part before the first wildcard is a real directory or file: compared with the root as both really are.
    const segments = p.split('/');
    const firstDynamic = segments.findIndex((s) => s !== '' && fg.isDynamicPattern(s));
    const fixed = firstDynamic === -1 ? p : segments.slice(0, firstDynamic).join('/') || '/';
    const rest = firstDynamic === -1 ? '' : segments.slice(firstDynamic).join('/');
    const real = existsSync(fixed) ? realpathSync(fixed) : fixed;
    const rel = inside(root, real) ?? inside(root, fixed);
    if (rel === undefined) return p;
    p = [rel, rest].filter((s) => s !== '').join('/');
  }
  while (p.startsWith('./')) p = p.slice(2);
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p === '' || p === '.' ? '**' : p;
}

/**
 * Whether the glob's fixed leading directories pass through a link: fast-glob would read from where the link
 * leads (it follows the directory it starts in, whatever followSymbolicLinks says), so a committed `vendor -> /`
 * and `--exclude 'vendor/**'` walked the machine. Such a glob can match only the link itself, which it names.
 */
function throughLink(root: string, glob: string): boolean {
  const segments = glob.split('/');
  let at = root;
  for (const segment of segments.slice(0, -1)) {
    if (segment !== '' && fg.isDynamicPattern(segment)) return false;
    at = join(at, segment);
    try {
      if (lstatSync(at).isSymbolicLink()) return true;
    } catch {
      return false;
    }
  }
  return false;
}

/** The exclude patterns applied under root (an absolute, real directory). Links are not followed: a committed `up -> /` would walk the machine. */
export function matchExcludes(root: string, patterns: readonly string[]): ExcludeMatch {
  const hits = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const glob = excludeGlob(root, pattern);
    const found = throughLink(root, glob) ? [] : fg.sync(glob, { cwd: root, dot: true, onlyFiles: false, followSymbolicLinks: false, suppressErrors: true });
    if (found.length === 0) unmatched.push(pattern);
    for (const f of found) hits.add(f.replace(/\/+$/, ''));
  }
  return {
    unmatched,
    excludes(path) {
      if (hits.size === 0) return false;
      // The path itself, then each directory above it: a matched directory takes its subtree.
      for (let p = path; p !== ''; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') if (hits.has(p)) return true;
      return false;
    },
  };
}

/** The patterns, as given, that matched nothing under any of the roots (a typo, or a path outside them all). */
export function unmatchedExcludes(roots: readonly string[], patterns: readonly string[]): string[] {
  const unmatchedIn = roots.map((root) => new Set(matchExcludes(root, patterns).unmatched));
  return patterns.filter((p) => unmatchedIn.every((u) => u.has(p)));
}
