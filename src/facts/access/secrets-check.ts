/**
 * authenticate.c check_secret, reached once an `auth users` rule admits the user: rsync opens the module's
 * `secrets file`, applies strict modes to it, then looks for a line for the user (or the matched group).
 * Every failure refuses every password ("@ERROR: auth failed on module X"). What is known of the file comes
 * from the facts document (found and read under --root, in a repository, on a host, in an image); what is
 * not known is said as an assumption, never taken as granted. Reference: shared/reference/rsyncd.md §4.
 */
import { shownName } from '../../parse/index.ts';
import type { SecretsFacts } from '../types.ts';

/** rsync's log reasons for a refused login, as `access` reports them. */
export type SecretRefusal = 'no-secrets-file' | 'ignoring-secrets-file' | 'invalid-username' | 'secret-not-found';

/** What the facts document says of the secrets files a configuration names. */
export interface KnownSecrets {
  files: readonly SecretsFacts[];
  /** Its diagnostics: a file that is there but was not read has entries no one knows. */
  diagnostics?: readonly { code: string; message: string }[];
}

export interface SecretQuery {
  /** The module's `secrets file`, as the configuration writes it. */
  path: string;
  user: string;
  /** The group an `@group` rule matched: its `@group:` line counts too. */
  group: string | null;
  strictModes: boolean;
  /** The daemon is root when it authenticates (after `daemon uid`): strict modes then want a root-owned file. */
  root: boolean;
  /** `daemon chroot`: the daemon opens the path inside it. */
  jail: string;
}

export interface SecretCheck {
  /** null: the right password gets in, provided the assumptions hold. */
  refusal: SecretRefusal | null;
  reason: string;
  assumptions: string[];
}

const WITHHELD = '********';

export function checkSecret(q: SecretQuery, known: KnownSecrets | undefined): SecretCheck {
  const who = q.group === null ? q.user : `${q.user} or @${q.group}`;
  if (q.path === '') return refuse('no-secrets-file', 'But the module has no "secrets file", so every login fails ("no secrets file").');
  // After the file is open and passes strict modes; any earlier failure refuses such a name as well.
  const hash = q.user.startsWith('#') ? refuse('invalid-username', `But a user name starting with "#" is refused once ${q.path} is open ("invalid username"); every login as ${q.user} fails.`) : null;
  const unknown = whyUnknown(q, known);
  if (unknown !== null) {
    if (hash) return hash;
    // Strict modes (on by default) add what the mode and owner must be.
    const holds = ['the daemon can read it', ...(q.strictModes ? ['it is not accessible to others (mode 0600, say)'] : []), ...(q.strictModes && q.root ? ['it is owned by root'] : [])];
    return admit(`The password is checked against ${q.path}, which ${unknown}.`, [`The secrets file ${q.path} exists, ${holds.join(', ')}, and it holds a password for ${who}: it ${unknown}.`]);
  }
  const file = known?.files.find((f) => f.path === q.path);
  if (!file || file.exists === false) return refuse('no-secrets-file', `But ${q.path} does not exist, so every login fails ("no secrets file").`);
  const unread = notRead(q.path, known?.diagnostics ?? []);
  if (unread === 'daemon') return refuse('no-secrets-file', `But the daemon cannot read ${q.path}, so every login fails ("no secrets file").`);
  const assumptions: string[] = [];
  const cannotOpen = unopenable(q, file, assumptions);
  if (cannotOpen) return cannotOpen;
  if (q.strictModes) {
    const strict = strictModes(q, file, assumptions);
    if (strict) return strict;
  }
  if (hash) return hash;
  if (unread === 'unknown' || file.file === null) return admit(`The password is checked against ${q.path}, whose lines were not read.`, [...assumptions, `The secrets file ${q.path} holds a password for ${who} (its lines were not read).`]);
  return findLine(q, file, who, assumptions);
}

/** Why the facts say nothing of the file the daemon opens, or null when they do. */
function whyUnknown(q: SecretQuery, known: KnownSecrets | undefined): string | null {
  // A %VAR% is expanded from the daemon's environment when the file is opened (§1.8).
  if (/%[A-Z][^%]*%/.test(q.path)) return "names a %VAR% that rsync expands from the daemon's environment";
  // STRING, not PATH: a relative name is opened from the daemon's working directory, wherever it was started.
  if (!q.path.startsWith('/')) return "is a relative path, opened from the daemon's working directory";
  // The daemon chroots before it authenticates (§3.1): the file is the jail's, which was not looked up.
  if (q.jail !== '') return `is opened inside the daemon chroot ${q.jail}, which was not read`;
  const file = known?.files.find((f) => f.path === q.path);
  if (!file || file.exists === null) return 'was not read (it lies outside what was scanned)';
  return null;
}

/** A secrets-file diagnostic about this path: the daemon cannot open it, or only rsyncguard could not read it. */
function notRead(path: string, diagnostics: readonly { code: string; message: string }[]): 'daemon' | 'unknown' | null {
  const about = diagnostics.filter((d) => (d.code === 'secrets-unreadable' || d.code === 'secrets-not-read') && d.message.startsWith(`The secrets file ${path} `));
  // The host collector reads as the daemon's user and says so (src/parse/secrets-files.ts).
  if (about.some((d) => /was not read: the daemon \(uid \d+\) could not read it/.test(d.message))) return 'daemon';
  return about.length > 0 ? 'unknown' : null;
}

/**
 * A daemon that is not root when it authenticates (`daemon uid`) opens the file as that user: a file of
 * root's that others cannot read fails the open ("no secrets file"), one its group may read depends on the
 * daemon's groups, and another user's file on whether that user is the daemon's.
 */
function unopenable(q: SecretQuery, file: SecretsFacts, assumptions: string[]): SecretCheck | null {
  if (q.root || file.mode === null || (file.mode & 0o004) !== 0) return null;
  if (file.uid === 0 && (file.mode & 0o040) === 0)
    return refuse('no-secrets-file', `But the daemon is not root when it checks passwords ("daemon uid"), and ${q.path} is root's with mode ${octal(file.mode)}: it cannot open it, so every login fails ("no secrets file").`);
  assumptions.push(
    file.uid === 0 ? `The daemon's user is in the group of ${q.path}, which it may read only as such (mode ${octal(file.mode)}).` : `The daemon's user can read ${q.path} (owned by uid ${file.uid ?? 'unknown'}, mode ${octal(file.mode)}).`,
  );
  return null;
}

/** check_secret's fstat checks: `(st_mode & 006) != 0`, then a root daemon wants a file owned by root. */
function strictModes(q: SecretQuery, file: SecretsFacts, assumptions: string[]): SecretCheck | null {
  const mode = file.mode;
  if (mode === null) assumptions.push(`The secrets file ${q.path} is not accessible to others (its mode was not read).`);
  else if ((mode & 0o006) !== 0) return refuse('ignoring-secrets-file', `But ${q.path} is mode ${octal(mode)}, accessible to others, and strict modes are on: rsync ignores it ("secrets file must not be other-accessible"), so every login fails.`);
  if (!q.root) return null;
  if (file.uid === null) assumptions.push(`The secrets file ${q.path} is owned by root (its owner was not read).`);
  else if (file.uid !== 0)
    return refuse('ignoring-secrets-file', `But ${q.path} is owned by uid ${file.uid}, the daemon runs as root and strict modes are on: rsync ignores it ("secrets file must be owned by root when running as root"), so every login fails.`);
  return null;
}

/** The first line that starts with `user:` (or `@group:`) holds the password; none → "secret not found". */
function findLine(q: SecretQuery, file: SecretsFacts, who: string, assumptions: string[]): SecretCheck {
  const line = file.entries.find((e) => (e.kind === 'user' ? e.name === q.user : e.name === q.group));
  if (line) return admit(`Line ${line.line} of ${q.path} holds the password for ${line.kind === 'user' ? q.user : `@${q.group}`}.`, assumptions);
  const maybe = file.entries.find((e) => mayBe(e, e.kind === 'user' ? q.user : q.group));
  if (maybe) return admit(`The password is checked against ${q.path}.`, [...assumptions, `Line ${maybe.line} of ${q.path}, whose name is not shown, is the line for ${who}.`]);
  return refuse('secret-not-found', `But no line of ${q.path} starts with "${q.user}:"${q.group === null ? '' : ` or "@${q.group}:"`}, so every login fails ("secret not found").`);
}

/** A line whose name is withheld (it equals its password, or does not read like a name) may be this name's. */
function mayBe(e: SecretsFacts['entries'][number], name: string | null): boolean {
  if (name === null) return false;
  // strncmp(line, user, len) && line[len] == ':': a name with a colon ends at its first colon in the facts.
  if (name.includes(':')) return e.name === WITHHELD || e.name === name.slice(0, name.indexOf(':'));
  return e.name === WITHHELD && (e.equals_name || shownName(name) === WITHHELD);
}

function refuse(refusal: SecretRefusal, reason: string): SecretCheck {
  return { refusal, reason, assumptions: [] };
}

function admit(reason: string, assumptions: string[]): SecretCheck {
  return { refusal: null, reason, assumptions };
}

function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}
