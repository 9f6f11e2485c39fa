/**
 * The account names an /etc/passwd or /etc/group file holds, as glibc's and musl's `files` backends read
 * it for getpwnam/getgrnam: the text before the first ':' of each line; blank lines and lines whose first
 * non-blank character is '#' are skipped. A NIS compat line (`+…`, `-…`) hands lookups to another service,
 * so the file alone no longer says which names resolve: null.
 */
export const ACCOUNT_FILES = { passwd: '/etc/passwd', group: '/etc/group' } as const;

export function accountNames(text: string): string[] | null {
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
