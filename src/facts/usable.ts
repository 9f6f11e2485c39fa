/**
 * Modules rsync will not serve. rsync_module (clientserver.c, 3.5.0) refuses a module whose `max
 * connections` is negative, or, on a daemon without root, that needs the lock file it cannot open (both
 * before authentication); after authentication, one whose `uid` or `gid` user_to_uid / group_to_gid cannot
 * resolve ("@ERROR: invalid uid X", "@ERROR: invalid gid X") or that has no `path` ("@ERROR: no path
 * setting."), and then one whose chroot, setgid or setuid fails, in that order.
 * Reference: shared/reference/rsyncd.md §2 (`uid`, `gid`, `path`), §3.1 steps 8-10, §3.6, §6.
 */
import type { Value } from '../parse/index.ts';
import { type Lookup, lookup, type NameDatabase } from './account-lookup.ts';
import type { Version } from './access/hosts.ts';
import { gidTokens } from './effective-transfer.ts';

export type { NameDatabase } from './account-lookup.ts';
export { impossibleName } from './account-lookup.ts';

/** Why the daemon refuses the module after authentication, as the client sees it. */
export interface SetupRefusal {
  outcome: 'invalid-uid' | 'invalid-gid' | 'no-path' | 'chroot-failed' | 'setgid-failed' | 'setuid-failed';
  /** The daemon's own line, which echoes only the uid or gid token (ids and account names, never secrets), or what the client prints when the daemon's child dies. */
  message: string;
  reason: string;
  /** The refusal depends on who the daemon runs as, which the target does not show: a possibility, not a fact. */
  conditional?: true;
}

type Params = Readonly<Record<string, { value: Value } | undefined>>;

function text(v: Value | undefined): string {
  return typeof v === 'string' ? v : '';
}

/** The highest id: id_parse accepts it, but setuid/setgid read (uid_t)-1 as "leave unchanged" and fail with EINVAL. */
const NO_ID = 2 ** 32 - 1;

/** Why a token that did not resolve is refused, in the daemon's words. */
function refusedBy(r: Extract<Lookup, { kind: 'refused' }>, kind: 'uid' | 'gid'): SetupRefusal {
  const outcome = kind === 'uid' ? 'invalid-uid' : 'invalid-gid';
  if (r.message === null) return { outcome, message: "rsync: didn't get server startup line", reason: `The ${r.why}.` };
  return { outcome, message: r.message, reason: `${r.why}: rsync refuses the module ("invalid ${kind}").` };
}

/** The module's own root account: `root` (every system gives it uid and gid 0) or a number id_parse reads as 0. */
function isRoot(r: Lookup): boolean {
  return r.kind === 'resolves' && (r.id === 0 || r.value === 'root');
}

/**
 * The daemon's checks after authentication, in rsync_module's order: the uid (an explicit `uid`, or
 * `nobody` on a root daemon), then each `gid` token (or the nobody group on a root daemon), then `path`,
 * then the chroot (`chroot`: the effective use_chroot), setgid and setuid, which only root can make.
 * `names`: the target's account names and environment, when known (see namesSeenByDaemon); with a `name
 * converter` the converter answers instead, so only impossible names count.
 */
export function setupRefusal(params: Params, root: boolean, version: Version, names?: NameDatabase, chroot = false): SetupRefusal | undefined {
  const db = names && text(params['name converter']?.value) !== '' ? { source: names.source, ...(names.env ? { env: names.env } : {}) } : names;
  const uid = text(params['uid']?.value);
  const user = uid !== '' ? uid : root ? 'nobody' : '';
  const u = user === '' ? undefined : lookup(user, 'uid', db?.users, db);
  if (u?.kind === 'refused') return refusedBy(u, 'uid');
  const gid = text(params['gid']?.value);
  const tokens = gid === '' ? [] : gidTokens(gid, version);
  // "*" first takes every group of the uid (want_all_groups) instead of naming one.
  const groups = (tokens[0] === '*' ? tokens.slice(1) : tokens).map((t) => lookup(t, 'gid', db?.groups, db));
  const bad = groups.find((g) => g.kind === 'refused');
  if (bad?.kind === 'refused') return refusedBy(bad, 'gid');
  if (gid === '' && root && db?.groups && !db.groups.has('nobody') && !db.groups.has('nogroup')) {
    // NOBODY_GROUP is chosen when rsync is built: "nogroup" on Debian, "nobody" elsewhere.
    return { outcome: 'invalid-gid', message: '@ERROR: invalid gid nogroup', reason: `"gid" is unset, so a root daemon switches to the nobody group, which ${db.source} /etc/group does not list: rsync refuses the module ("invalid gid").` };
  }
  if (text(params['path']?.value) === '') return { outcome: 'no-path', message: '@ERROR: no path setting.', reason: 'The module has no "path": rsync refuses it ("no path setting").' };
  return switchRefusal(root, chroot, { u, gid, groups });
}

/** chroot, setgid (and setgroups), setuid: the steps that need privileges, after the path (rsync_module). */
function switchRefusal(root: boolean, chroot: boolean, ids: { u: Lookup | undefined; gid: string; groups: Lookup[] }): SetupRefusal | undefined {
  const { u, gid, groups } = ids;
  const first = groups[0];
  if (!root) {
    if (chroot) return { outcome: 'chroot-failed', message: '@ERROR: chroot failed', reason: 'A daemon without root cannot chroot, and this module chroots: rsync refuses it ("chroot failed").' };
    // setgroups needs privileges whatever the groups are, so even the daemon's own group fails, one step later.
    if (gid !== '') {
      const own = first && isRoot(first) ? '' : ' (or "@ERROR: setgroups failed" when it is the daemon\'s own group)';
      return { outcome: 'setgid-failed', message: '@ERROR: setgid failed', reason: `A daemon without root cannot switch to the groups "gid" names: rsync refuses the module ("setgid failed"${own}).` };
    }
    if (u && isRoot(u)) return { outcome: 'setuid-failed', message: '@ERROR: setuid failed', reason: `"uid" is "${u.value}" and a daemon without root cannot switch to root: rsync refuses the module ("setuid failed").` };
    if (u) return { outcome: 'setuid-failed', message: '@ERROR: setuid failed', reason: `A daemon without root cannot switch to "uid = ${u.value}" unless it runs as that user itself, which the target does not show.`, conditional: true };
    return undefined;
  }
  if (first?.kind === 'resolves' && first.id === NO_ID)
    return { outcome: 'setgid-failed', message: '@ERROR: setgid failed', reason: `"gid" starts with ${NO_ID}, the id setgid reads as "no change" and refuses: rsync refuses the module ("setgid failed").` };
  if (u?.kind === 'resolves' && u.id === NO_ID) return { outcome: 'setuid-failed', message: '@ERROR: setuid failed', reason: `"uid" is ${NO_ID}, the id setuid reads as "no change" and refuses: rsync refuses the module ("setuid failed").` };
  return undefined;
}

/** Whether rsync refuses the module to everyone, why, and the parameter that causes it (where a finding points). */
export interface Unusable {
  value: boolean;
  reason: string;
  /** The parameter that causes it (absent from the module: the module header); null when the module is usable. */
  param: 'max connections' | 'uid' | 'gid' | 'path' | 'use chroot' | null;
}

const PARAM_OF = { 'invalid-uid': 'uid', 'invalid-gid': 'gid', 'no-path': 'path', 'chroot-failed': 'use chroot', 'setgid-failed': 'gid', 'setuid-failed': 'uid' } as const;

/** rsync's default lock file, which a daemon without root cannot create (claim_connection opens it O_CREAT). */
export const DEFAULT_LOCK_FILE = '/var/run/rsyncd.lock';

/** The refusal before authentication, when the daemon claims a connection slot: the client's exact line. */
export function connectionRefusal(params: Params, root: boolean): { outcome: 'max-connections' | 'lock-file'; message: string; reason: string } | undefined {
  const max = params['max connections']?.value;
  if (typeof max !== 'number' || max === 0) return undefined;
  // connection.c claim_connection opens the lock file for any limit but 0, a negative one included.
  const lock = text(params['lock file']?.value);
  if (!root && lock === DEFAULT_LOCK_FILE) {
    return { outcome: 'lock-file', message: '@ERROR: failed to open lock file', reason: `A daemon without root cannot open the default lock file ${lock} that "max connections = ${max}" needs.` };
  }
  if (max < 0) return { outcome: 'max-connections', message: `@ERROR: max connections (${max}) reached -- try again later`, reason: `"max connections = ${max}" disables the module.` };
  return undefined;
}

/** A module rsync refuses to every client: disabled, refused a connection slot, or refused by setupRefusal for certain. */
export function unusable(params: Params, root: boolean, version: Version, names?: NameDatabase, chroot = false): Unusable {
  const slot = connectionRefusal(params, root);
  if (slot) return { value: true, reason: `${slot.reason} Every request gets "${slot.message}".`, param: 'max connections' };
  const refusal = setupRefusal(params, root, version, names, chroot);
  if (refusal && !refusal.conditional) return { value: true, reason: refusal.reason, param: PARAM_OF[refusal.outcome] };
  return { value: false, reason: 'rsync can set up the module: its uid and gid resolve, as far as the target shows, and it has a path.', param: null };
}

/**
 * The names the daemon looks up: after `daemon chroot` it reads the jail's own files, which the target
 * does not show; its environment is the same inside the jail.
 */
export function namesSeenByDaemon(global: Params, names: NameDatabase | undefined): NameDatabase | undefined {
  if (text(global['daemon chroot']?.value) === '') return names;
  return names?.env ? { source: names.source, env: names.env } : undefined;
}
