/** Waiver selectors: `*` within a path segment, `**` across segments, `?` one character. */
const cache = new Map<string, RegExp>();

export function globMatch(pattern: string, text: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    let out = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i] ?? '';
      if (c === '*' && pattern[i + 1] === '*') {
        // "**/" also matches no directory at all.
        out += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += pattern[i + 2] === '/' ? 2 : 1;
      } else if (c === '*') out += '[^/]*';
      else if (c === '?') out += '[^/]';
      else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    re = new RegExp(`^${out}$`);
    cache.set(pattern, re);
  }
  return re.test(text);
}

/**
 * A `host:` or `image:` selector against a host's or an image's target id, `<host name or repository>:<config
 * path>`: the glob may name the machine alone (`web1`, `registry.example/rsync`) or the whole id.
 */
export function targetMatch(pattern: string, id: string): boolean {
  const split = id.lastIndexOf(':/');
  return globMatch(pattern, id) || (split > 0 && globMatch(pattern, id.slice(0, split)));
}
