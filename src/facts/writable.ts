/**
 * Whether any client can upload to a module: `read only = no`, or an `auth users` rule with `:rw`, which
 * overrides `read only` for the users it matches (authenticate.c auth_server; shared/reference/rsyncd.md
 * §3.4). `write only` refuses downloads, never grants uploads. A rule that an earlier one shadows never
 * decides, so its `:rw` grants nothing.
 */
import type { Param } from '../parse/index.ts';
import type { Version } from './access/hosts.ts';
import { describeAuthRules } from './access/auth-users.ts';

type Params = Readonly<Record<string, Pick<Param, 'value'> | undefined>>;

export function moduleWritable(params: Params, version: Version): { value: boolean; reason: string } {
  if (params['read only']?.value === false) return { value: true, reason: '"read only = no": admitted clients can upload.' };
  const users = params['auth users']?.value;
  const rw = describeAuthRules(typeof users === 'string' ? users : '', version).find((r) => r.option === 'rw' && r.shadowed_by === null && !r.empty);
  if (rw) return { value: true, reason: `"auth users" gives ${rw.group ? 'a group' : 'a user'} ":rw", which overrides "read only" for it.` };
  return { value: false, reason: '"read only" is on and no "auth users" rule grants ":rw": no client can upload.' };
}
