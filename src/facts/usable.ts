/**
 * Modules rsync will not serve. rsync_module (clientserver.c, 3.5.0) refuses a module whose `max
 * connections` is negative (before authentication), and, after authentication, one whose `uid` or `gid`
 * user_to_uid / group_to_gid cannot resolve ("@ERROR: invalid uid X", "@ERROR: invalid gid X") or that has
 * no `path` ("@ERROR: no path setting."), in that order.
 * Reference: shared/reference/rsyncd.md §2 (`uid`, `gid`, `path`), §3.1 steps 8-10, §3.6.
 */
import type { Value } from '../parse/index.ts';
import type { Version } from './access/hosts.ts';
import { gidTokens } from './effective-transfer.ts';

/** The account names the daemon's name service knows, where the target shows them (an image's etc/passwd, etc/group). */
export interface NameDatabase {
  /** The names in its /etc/passwd; absent when that file is not known. */
  users?: ReadonlySet<string>;
  /** The names in its /etc/group; absent when that file is not known. */
  groups?: ReadonlySet<string>;
  /** Whose files they are, for reasons: "the image's" (/etc/passwd). */
  source: string;
}

/** Why the daemon refuses the module after authentication, as the client sees it. */
export interface SetupRefusal {
  outcome: 'invalid-uid' | 'invalid-gid' | 'no-path';
  /** The daemon's own line, which echoes only the uid or gid token (ids and account names, never secrets). */
  message: string;
  reason: string;
}

type Params = Readonly<Record<string, { value: Value } | undefined>>;

function text(v: Value | undefined): string {
  return typeof v === 'string' ? v : '';
}

/**
 * A name that no passwd or group database can hold, whatever the system: empty; with whitespace or a control
 * character (an inline `# comment` rsync kept in the value, since rsync strips no comments after a value);
 * with ':' (the field separator of passwd and group lines); or starting with '#' (glibc's files backend and
 * musl skip such lines as comments). Anything else may exist on some system, so it is only judged against a
 * known database.
 */
export function impossibleName(name: string): boolean {
  return name === '' || /[\s\x00-\x1f\x7f:]/.test(name) || name.startsWith('#');
}

/** A template expression (Jinja, ERB, envsubst): the rendered file holds something else, unknown here. */
const TEMPLATE = /\{\{|\{%|<%|\$\{/;

/** user_to_uid/group_to_gid with num_ok: an all-digit value is an id and always resolves. */
function resolves(name: string, known: ReadonlySet<string> | undefined): boolean {
  if (/^\d+$/.test(name)) return true;
  if (impossibleName(name)) return false;
  return known === undefined || known.has(name);
}

/**
 * The daemon's checks after authentication, in rsync_module's order: the uid (an explicit `uid`, or
 * `nobody` on a root daemon), then each `gid` token (or the nobody group on a root daemon), then `path`.
 * `names`: the target's account names, when known (see namesSeenByDaemon); with a `name converter` the
 * converter answers instead, so only impossible names count.
 */
export function setupRefusal(params: Params, root: boolean, version: Version, names?: NameDatabase): SetupRefusal | undefined {
  const db = names && text(params['name converter']?.value) === '' ? names : undefined;
  const uid = text(params['uid']?.value);
  const user = uid !== '' ? uid : root ? 'nobody' : '';
  if (user !== '' && !TEMPLATE.test(user) && !resolves(user, db?.users)) {
    const why = impossibleName(user) ? 'which no user database can hold (rsync keeps an inline comment as part of the value)' : `which ${db?.source ?? 'the'} /etc/passwd does not list`;
    return { outcome: 'invalid-uid', message: `@ERROR: invalid uid ${user}`, reason: `"uid" is "${user}", ${why}: rsync refuses the module ("invalid uid").` };
  }
  const gid = text(params['gid']?.value);
  if (TEMPLATE.test(gid)) {
    // Rendered elsewhere: whatever it names is unknown here.
  } else if (gid !== '') {
    const tokens = gidTokens(gid, version);
    // "*" first takes every group of the uid (want_all_groups) instead of naming one.
    const named = tokens[0] === '*' ? tokens.slice(1) : tokens;
    const bad = named.find((t) => !resolves(t, db?.groups));
    if (bad !== undefined) {
      const why = impossibleName(bad) ? 'which no group database can hold' : `which ${db?.source ?? 'the'} /etc/group does not list`;
      return { outcome: 'invalid-gid', message: `@ERROR: invalid gid ${bad}`, reason: `"gid" includes "${bad}", ${why}: rsync refuses the module ("invalid gid").` };
    }
  } else if (root && db?.groups && !db.groups.has('nobody') && !db.groups.has('nogroup')) {
    // NOBODY_GROUP is chosen when rsync is built: "nogroup" on Debian, "nobody" elsewhere.
    return { outcome: 'invalid-gid', message: '@ERROR: invalid gid nogroup', reason: `"gid" is unset, so a root daemon switches to the nobody group, which ${db.source} /etc/group does not list: rsync refuses the module ("invalid gid").` };
  }
  if (text(params['path']?.value) === '') return { outcome: 'no-path', message: '@ERROR: no path setting.', reason: 'The module has no "path": rsync refuses it ("no path setting").' };
  return undefined;
}

/** Whether rsync refuses the module to everyone, why, and the parameter that causes it (where a finding points). */
export interface Unusable {
  value: boolean;
  reason: string;
  /** `max connections`, `uid`, `gid` or `path` (absent: the module header); null when the module is usable. */
  param: 'max connections' | 'uid' | 'gid' | 'path' | null;
}

const PARAM_OF = { 'invalid-uid': 'uid', 'invalid-gid': 'gid', 'no-path': 'path' } as const;

/** A module rsync refuses to every client: disabled, or refused by setupRefusal. */
export function unusable(params: Params, root: boolean, version: Version, names?: NameDatabase): Unusable {
  const max = params['max connections']?.value;
  if (typeof max === 'number' && max < 0) return { value: true, reason: `"max connections = ${max}" disables the module: every request gets "max connections (${max}) reached".`, param: 'max connections' };
  const refusal = setupRefusal(params, root, version, names);
  if (refusal) return { value: true, reason: refusal.reason, param: PARAM_OF[refusal.outcome] };
  return { value: false, reason: 'rsync can set up the module: its uid and gid resolve, as far as the target shows, and it has a path.', param: null };
}

/** The names the daemon looks up: after `daemon chroot` it reads the jail's own files, which the target does not show. */
export function namesSeenByDaemon(global: Params, names: NameDatabase | undefined): NameDatabase | undefined {
  return text(global['daemon chroot']?.value) === '' ? names : undefined;
}
