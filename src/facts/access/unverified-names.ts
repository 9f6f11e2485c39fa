/**
 * What `access` cannot check about a module's `uid` and `gid`: names the target's database does not cover
 * (a config read from a repository or a host without its passwd, an image whose name service is more than
 * its files) and `%VAR%` values that depend on the daemon's environment. rsync refuses the module when a
 * name does not resolve ("@ERROR: invalid uid X"), so each is a condition on the answer, never a fact.
 */
import type { Value } from '../../parse/index.ts';
import { lookup, type NameDatabase } from '../account-lookup.ts';
import { gidTokens } from '../effective-transfer.ts';
import type { Version } from './hosts.ts';

type Params = Readonly<Record<string, { value: Value } | undefined>>;

/** One sentence per explicit `uid`/`gid` token whose resolution the target does not show. */
export function unverifiedNames(params: Params, version: Version, names: NameDatabase | undefined): string[] {
  const out: string[] = [];
  const say = (token: string, kind: 'uid' | 'gid', known: ReadonlySet<string> | undefined) => {
    const r = lookup(token, kind, known, names);
    if (r.kind !== 'unknown') return;
    const what = kind === 'uid' ? 'user' : 'group';
    out.push(
      r.value.includes('%') || r.value !== token
        ? `"${kind} = ${token}" depends on the daemon's environment (rsync expands %VAR%): the module is served only if it expands to a ${what} the daemon's host has, else the client gets "@ERROR: invalid ${kind} …".`
        : `The module is served only if ${what} ${r.value} exists on the daemon's host (not checked here); otherwise the client gets "@ERROR: invalid ${kind} ${r.value}".`,
    );
  };
  const uid = params['uid']?.value;
  if (typeof uid === 'string' && uid !== '') say(uid, 'uid', names?.users);
  const gid = params['gid']?.value;
  if (typeof gid === 'string' && gid !== '') for (const t of gidTokens(gid, version)) if (t !== '*') say(t, 'gid', names?.groups);
  return out;
}
