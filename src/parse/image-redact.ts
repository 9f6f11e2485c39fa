/**
 * Credentials in an image config stop here. An image config is public to anyone who can pull the image,
 * but a report is public to more people still (pull-request annotations, job summaries, tickets), so
 * anything that looks like a credential is withheld before it reaches the facts document: values of
 * credential-like names (variables and options), and the userinfo of URLs. A password *file* name is kept:
 * it says where the secret lives, not what it is.
 */

export const WITHHELD = '********';

/** password, passwd, pwd, pass, secret, token, key, credential (and auth), anywhere in the name. */
const CREDENTIAL = /pass|pwd|secret|token|key|cred|auth/i;
/** …unless the name says it holds a path to the secret rather than the secret. */
const NAMES_A_PATH = /[-_.]?(file|path|dir)$/i;

export function isCredentialName(name: string): boolean {
  const bare = name.replace(/^-+/, '');
  return CREDENTIAL.test(bare) && !NAMES_A_PATH.test(bare);
}

/** scheme://userinfo@host: the whole userinfo goes, since a token alone often stands in it. */
// Up to the last "@" of the authority: a password may hold "@" itself (`u:p@ss@host`).
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s'"]*@/gi;

/** A URL's userinfo withheld, and nothing else: for text that is not a command line. */
export function redactUrls(text: string): string {
  return text.replace(URL_USERINFO, `$1${WITHHELD}@`);
}
/** NAME=value and --name=value, the value quoted or not. */
const ASSIGNMENT = /(^|[^\w-])(-{0,2}[A-Za-z_][\w.-]*)=("[^"]*"?|'[^']*'?|[^\s;&|)]*)/g;
/** --name value (a separate word), for credential-like option names only. */
const OPTION_VALUE = /(^|\s)(--?[A-Za-z][\w-]*)([ \t]+)("[^"]*"?|'[^']*'?|[^\s;&|'"-][^\s;&|]*)/g;

/** A shell string or a single word with credentials withheld. */
export function redactText(text: string): string {
  return text
    .replace(URL_USERINFO, `$1${WITHHELD}@`)
    .replace(ASSIGNMENT, (all, lead: string, name: string) => (isCredentialName(name) ? `${lead}${name}=${WITHHELD}` : all))
    .replace(OPTION_VALUE, (all, lead: string, name: string, space: string) => (isCredentialName(name) ? `${lead}${name}${space}${WITHHELD}` : all));
}

/** An argv (Entrypoint, Cmd): each word redacted, and the word after a bare credential option withheld. */
export function redactArgv(argv: string[]): string[] {
  return argv.map((word, i) => {
    const before = argv[i - 1];
    if (before !== undefined && /^--?[A-Za-z][\w-]*$/.test(before) && isCredentialName(before) && !word.startsWith('-')) return WITHHELD;
    return redactText(word);
  });
}

/** One Env entry: the value withheld for a credential-like name, otherwise redacted as text. */
export function redactEnv(entry: string): { name: string; value: string | null } {
  const eq = entry.indexOf('=');
  if (eq < 0) return { name: redactText(entry), value: null };
  const name = entry.slice(0, eq);
  const value = entry.slice(eq + 1);
  // `PASSWORD_FILE=/run/secrets/pw` names where the secret lives; `PASSWORD_FILE=hunter2` is the secret.
  const pathNamed = CREDENTIAL.test(name) && NAMES_A_PATH.test(name);
  return { name, value: isCredentialName(name) || (pathNamed && !value.includes('/')) ? null : redactText(value) };
}
