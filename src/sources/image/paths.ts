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
