/**
 * With whose uid and groups a module's transfers run: rsync_module (clientserver.c) resolves `uid` and `gid`
 * after authentication, and only a daemon that still has root can switch to them.
 * Reference: shared/reference/rsyncd.md §2 (`uid`, `gid`, lists and comma-only lists), §6 (root is needed).
 */
import type { Value } from '../parse/index.ts';
import type { Version } from './access/hosts.ts';
import { atLeast } from './access/hosts.ts';
import type { Derived } from './effective.ts';

/** The transfer's uid and whether its groups include gid 0. */
export interface TransferIdentity {
  /** The transfer runs with uid 0. */
  transfer_uid_root: Derived;
  /** The transfer's groups (primary or supplementary) include gid 0. */
  transfer_gid_root: Derived;
}

type Params = Readonly<Record<string, { value: Value } | undefined>>;

/**
 * user_to_uid / group_to_gid read an all-digit value as a number (so `00` is 0) and anything else as a
 * name. The facts hold no /etc/passwd or /etc/group: `root` is taken as id 0 and, for groups, `wheel` too
 * (gid 0 on the BSDs and macOS, the administrators' group elsewhere); any other name as another account.
 */
function isZero(token: string): boolean {
  return /^\d+$/.test(token) && Number(token) === 0;
}

function text(v: Value | undefined): string {
  return typeof v === 'string' ? v : '';
}

/**
 * conf_strtok: the gid list splits on spaces, commas and tabs; a leading comma (3.1.3+) splits on commas
 * only, trimming each token. Before 3.1.0 `gid` was one group name, list or not.
 */
export function gidTokens(value: string, version: Version): string[] {
  if (!atLeast(version, [3, 1, 0])) return [value];
  if (value.startsWith(',') && atLeast(version, [3, 1, 3]))
    return value
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
  return value.split(/[ ,\t\r\n]+/).filter((t) => t !== '');
}

export function transferIdentity(params: Params, root: boolean, version: Version): TransferIdentity {
  if (!root) {
    // §6: without root the daemon cannot switch; an explicit uid/gid other than its own fails the connection.
    const why = 'The daemon has no root privileges (config.effective.root), so transfers run as its own non-root user.';
    return { transfer_uid_root: { value: false, reason: why }, transfer_gid_root: { value: false, reason: why } };
  }
  const uid = text(params['uid']?.value);
  const gid = text(params['gid']?.value);
  const uidRoot = uid === 'root' || isZero(uid);
  return { transfer_uid_root: uidFact(uid, uidRoot), transfer_gid_root: gidFact(gid, uid, uidRoot, version) };
}

function uidFact(uid: string, uidRoot: boolean): Derived {
  if (uid === '') return { value: false, reason: 'A root daemon switches to "nobody" when "uid" is unset.' };
  if (uidRoot) return { value: true, reason: `"uid = ${uid}" is uid 0: transfers run as root.` };
  if (/^\d+$/.test(uid)) return { value: false, reason: `"uid = ${uid}" is uid ${Number(uid)}.` };
  return { value: false, reason: `"uid = ${uid}" names an account other than root (rsync refuses the module if it does not exist).` };
}

function gidFact(gid: string, uid: string, uidRoot: boolean, version: Version): Derived {
  if (gid === '') return { value: false, reason: 'A root daemon switches to the nobody group when "gid" is unset.' };
  const tokens = gidTokens(gid, version);
  // "*" first: every group of the uid (want_all_groups); root's groups include group 0.
  if (tokens[0] === '*') {
    if (uidRoot) return { value: true, reason: `"gid = ${gid}" takes every group of uid ${uid}, group 0 among them.` };
    return { value: false, reason: `"gid = ${gid}" takes the groups of ${uid === '' ? 'nobody' : `"${uid}"`}, taken as not including group 0.` };
  }
  const zero = tokens.find((t) => t === 'root' || t === 'wheel' || isZero(t));
  if (zero !== undefined) return { value: true, reason: `"gid = ${gid}" includes "${zero}", taken as group 0: transfers keep root's group.` };
  return { value: false, reason: `"gid = ${gid}" names no group taken as group 0.` };
}
