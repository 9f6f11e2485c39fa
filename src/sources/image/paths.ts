/**
 * Entry names in layers and archives, cleaned with POSIX rules whatever the host (a tar is written by and
 * for Linux: a backslash is part of a name, not a separator).
 */

/** POSIX clean, root-relative; null when the name climbs out of the root. */
export function cleanPath(name: string): string | null {
  const parts: string[] = [];
  for (const p of name.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') return null;
    parts.push(p);
  }
  return parts.join('/');
}

/**
 * A layer entry's name (or hard link target) where the runtime puts it: containerd cleans the name
 * (`a/b/../c` is `a/c`) and keeps it under the root (`..` at the root stays there), so `../etc/x` and
 * `etc/foo/../x` are written inside the image, not skipped. `climbed` says the name tried to leave.
 */
export function layerPath(name: string): { path: string; climbed: boolean } {
  const parts: string[] = [];
  let climbed = false;
  for (const p of name.split('/')) {
    if (p === '' || p === '.') continue;
    if (p !== '..') parts.push(p);
    else if (parts.pop() === undefined) climbed = true;
  }
  return { path: parts.join('/'), climbed };
}
