/**
 * The account names an /etc/passwd or /etc/group file holds, as glibc's and musl's `files` backends read
 * it for getpwnam/getgrnam: the text before the first ':' of each line; blank lines and lines whose first
 * non-blank character is '#' are skipped. A NIS compat line (`+…`, `-…`) hands lookups to another service,
 * so the file alone no longer says which names resolve: null. The same when /etc/nsswitch.conf sends the
 * database to a source besides the files (ldap, sss, systemd, extrausers…).
 */
export const ACCOUNT_FILES = { passwd: '/etc/passwd', group: '/etc/group', nsswitch: '/etc/nsswitch.conf' } as const;

export function accountNames(text: string, nsswitch?: { text: string; database: 'passwd' | 'group' }): string[] | null {
  if (nsswitch && !filesOnly(nsswitch.text, nsswitch.database)) return null;
  const names: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (line.startsWith('+') || line.startsWith('-')) return null;
    const colon = line.indexOf(':');
    if (colon > 0) names.push(line.slice(0, colon));
  }
  return names;
}

/**
 * nsswitch.conf(5): `database: source [STATUS=action] source …`, '#' to the end of a line a comment. The
 * files are the whole name service when every source is `files` or `compat` (whose `+`/`-` lines
 * accountNames already refuses). A database with no line falls back to glibc's default, the files.
 */
export function filesOnly(nsswitch: string, database: 'passwd' | 'group'): boolean {
  for (const raw of nsswitch.split('\n')) {
    const line = raw.replace(/#.*/, '');
    const m = /^\s*([A-Za-z_]+)\s*:(.*)$/.exec(line);
    if (!m || m[1] !== database) continue;
    const sources = (m[2] ?? '')
      .replace(/\[[^\]]*\]/g, ' ')
      .split(/\s+/)
      .filter((w) => w !== '');
    return sources.every((s) => s === 'files' || s === 'compat');
  }
  return true;
}
