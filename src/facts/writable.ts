/**
 * Whether any client can upload to a module: `read only = no`, or an `auth users` rule with `:rw`, which
 * overrides `read only` for the users it matches (authenticate.c auth_server; shared/reference/rsyncd.md
 * §3.4). `write only` refuses downloads, never grants uploads. With `auth users` set only a login gets in,
 * so the upload needs a rule that can admit someone: one that an earlier rule shadows never decides, one
 * whose pattern holds a space never matches (auth_server takes the user name up to the first space of the
 * client's reply), a `:deny` rule admits nobody, and without a `secrets file` every login fails.
 */
import type { Param } from '../parse/index.ts';
import type { Version } from './access/hosts.ts';
import { type AuthRuleFacts, describeAuthRules } from './access/auth-users.ts';

type Params = Readonly<Record<string, Pick<Param, 'value'> | undefined>>;

/** A pattern that needs a space in the user name (outside a bracket expression, where it is one choice among others). */
export function patternNeverMatches(pattern: string): boolean {
  return pattern.replace(/\[[^\]]*\]/g, '').includes(' ');
}

/** The rule can decide for some user who can log in: not shadowed, not empty, not a pattern no name fits. */
function canDecide(r: AuthRuleFacts): boolean {
  return r.shadowed_by === null && !r.empty && !patternNeverMatches(r.pattern);
}

export function moduleWritable(params: Params, version: Version): { value: boolean; reason: string } {
  const readOnly = params['read only']?.value !== false;
  const users = params['auth users']?.value;
  if (typeof users !== 'string' || users === '') {
    return readOnly ? { value: false, reason: '"read only" is on and no "auth users" rule grants ":rw": no client can upload.' } : { value: true, reason: '"read only = no": admitted clients can upload.' };
  }
  const secrets = params['secrets file']?.value;
  if (typeof secrets !== 'string' || secrets === '') return { value: false, reason: '"auth users" is set but there is no "secrets file": every login fails ("no secrets file"), so no client can upload.' };
  const rules = describeAuthRules(users, version).filter(canDecide);
  const rw = rules.find((r) => r.option === 'rw');
  if (rw) return { value: true, reason: `"auth users" gives ${rw.group ? 'a group' : 'a user'} ":rw", which overrides "read only" for it.` };
  const plain = rules.find((r) => r.option === null);
  if (!readOnly && plain) return { value: true, reason: `"read only = no" and "auth users" admits ${plain.group ? 'a group' : 'a user'} ("${plain.raw}") without ":ro": that login can upload.` };
  return {
    value: false,
    reason: readOnly
      ? '"read only" is on and no "auth users" rule that can match a user grants ":rw": no client can upload.'
      : '"read only = no", but no "auth users" rule that can match a user admits anyone without ":ro" or ":deny": no client can upload.',
  };
}
