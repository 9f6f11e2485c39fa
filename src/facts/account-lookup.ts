/**
 * How rsync_module turns a `uid` or `gid` token into an id, as far as the target shows the daemon's world:
 * first loadparm.c expand_vars (`%VAR%` from the daemon's environment, in every string parameter), then
 * uidlist.c user_to_uid / group_to_gid with num_ok (an all-digit value goes to id_parse, anything else to
 * getpwnam/getgrnam). Reference: shared/reference/rsyncd.md §1.8, §2 (`uid`, `gid`).
 */
import { TEMPLATE } from './template.ts';

/** What the target shows of the daemon's name service and environment. */
export interface NameDatabase {
  /** The names in its /etc/passwd; absent when that file is not known or is not the whole name service. */
  users?: ReadonlySet<string>;
  /** The names in its /etc/group; absent likewise. */
  groups?: ReadonlySet<string>;
  /** Whose files they are, for reasons: "the image's" (/etc/passwd). */
  source: string;
  /**
   * The daemon's environment where the target fixes it (an image's Env; a null value is withheld as a
   * credential). Absent: unknown, so any `%VAR%` may expand to anything.
   */
  env?: ReadonlyMap<string, string | null>;
}

/** One token's fate: resolves, unknown here, or refused with the daemon's line and why. */
export type Lookup = { kind: 'resolves'; id: number | null; value: string } | { kind: 'unknown'; value: string } | { kind: 'refused'; value: string; message: string | null; why: string };

/**
 * A name that no passwd or group database can hold, whatever the system: empty; with whitespace or a control
 * character (an inline `# comment` rsync kept in the value, since rsync strips no comments after a value);
 * with ':' (the field separator of passwd and group lines); starting with '#' (glibc's files backend and
 * musl skip such lines as comments); or starting with '+' or '-' (the NIS compat markers, which no backend
 * returns as a name: so `-1` is never the id it looks like).
 */
export function impossibleName(name: string): boolean {
  return name === '' || /[\s\x00-\x1f\x7f:]/.test(name) || /^[#+-]/.test(name);
}

const UID_T = 2 ** 32;

/**
 * uidlist.c id_parse with a 32-bit uid_t/gid_t: it catches an overflow only when the wrapped value is
 * smaller than the one before, and then the daemon's child exits ("Invalid ID number"), so the client only
 * sees the connection close. Returns the id, or null for a number the daemon dies on.
 */
export function idParse(digits: string): number | null {
  let num = 0;
  for (const c of digits) {
    const tmp = (num * 10 + Number(c)) % UID_T;
    if (tmp < num) return null;
    num = tmp;
  }
  return num;
}

/**
 * loadparm.c expand_vars: `%NAME%` where NAME starts with an upper-case letter is replaced by the variable's
 * value when it is set, and kept as written otherwise. Null when the result depends on a variable the
 * target does not fix (no known environment, a withheld value, or one the container may be given at run
 * time); rsync's own RSYNC_* variables are set per connection, so they are never known here.
 */
export function expandVars(value: string, env: ReadonlyMap<string, string | null> | undefined): string | null {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const end = value.indexOf('%', i + 1);
    if (value[i] === '%' && /[A-Z]/.test(value[i + 1] ?? '') && end > i) {
      const name = value.slice(i + 1, end);
      const known = name.startsWith('RSYNC_') ? undefined : env?.get(name);
      if (known === undefined || known === null) return null;
      out += known;
      i = end + 1;
      continue;
    }
    out += value[i];
    i++;
  }
  return out;
}

/**
 * One `uid` or `gid` token as rsync_module resolves it. `known`: the names the target's database lists, when
 * it is the whole name service. `kind` words the daemon's line ("invalid uid X").
 */
export function lookup(token: string, kind: 'uid' | 'gid', known: ReadonlySet<string> | undefined, names: NameDatabase | undefined): Lookup {
  if (TEMPLATE.test(token)) return { kind: 'unknown', value: token };
  const value = expandVars(token, names?.env);
  if (value === null) return { kind: 'unknown', value: token };
  const shown = value === token ? `"${token}"` : `"${token}" (expanded from the environment to "${value}")`;
  if (value !== '' && /^\d+$/.test(value)) {
    const id = idParse(value);
    if (id === null)
      return { kind: 'refused', value, message: null, why: `${kind} ${shown} is past the largest id (${UID_T - 1}): the daemon's child exits with "Invalid ID number: ${value}" and the client gets no greeting ("didn't get server startup line")` };
    return { kind: 'resolves', id, value };
  }
  const file = kind === 'uid' ? '/etc/passwd' : '/etc/group';
  if (impossibleName(value)) {
    const because = /^[+-]\d/.test(value) ? 'which is no number to rsync (only digits are) and no name any database can hold' : `which no ${kind === 'uid' ? 'user' : 'group'} database can hold (rsync keeps an inline comment as part of the value)`;
    return { kind: 'refused', value, message: `@ERROR: invalid ${kind} ${value}`, why: `"${kind}" is ${shown}, ${because}` };
  }
  // root (uid and gid 0) is in every passwd and group file, the one name known without a database.
  if (value === 'root' && (known === undefined || known.has(value))) return { kind: 'resolves', id: 0, value };
  if (known === undefined) return { kind: 'unknown', value };
  if (known.has(value)) return { kind: 'resolves', id: null, value };
  return { kind: 'refused', value, message: `@ERROR: invalid ${kind} ${value}`, why: `"${kind}" is ${shown}, which ${names?.source ?? 'the'} ${file} does not list` };
}
