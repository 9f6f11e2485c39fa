/**
 * `auth users` as authenticate.c auth_server reads it: tokens from conf_strtok, each `pattern[:opt]`,
 * and the first matching token decides. Reference: shared/reference/rsyncd.md §3.4.
 */
import { atLeast, type Version } from './hosts.ts';
import { wildmatch } from './wildmatch.ts';

export interface AuthRule {
  /** The token as rsync split it (whitespace it kept is part of the pattern). */
  raw: string;
  /** Without a leading '@' for group rules. */
  pattern: string;
  group: boolean;
  /** Only the first one or two letters of the option count: d… deny, ro…, rw…; anything else is no option. */
  option: 'deny' | 'ro' | 'rw' | null;
  /** There was a ':' suffix that rsync ignores (`:readwrite`, `:r`, `:x`). */
  ignoredOption: string | null;
  /** The pattern is empty (a token like `:deny` on its own): it can match only an empty user name. */
  empty: boolean;
}

export interface AuthOutcome {
  /** 'password': admitted once the password checks out; the others refuse before any password check. */
  result: 'password' | 'no-matching-rule' | 'denied-by-rule';
  rule: AuthRule | null;
  /** `:ro`/`:rw` override `read only` for this user. */
  access: 'module-default' | 'ro' | 'rw';
  /** The user's group that an `@group` rule matched: check_secret then also takes that group's `@group:` line. */
  group?: string;
  /** What the outcome rests on that was not read (the user's groups on the daemon's host). */
  assumption?: string;
  reason: string;
}

/**
 * util1.c conf_strtok: a value starting with ',' (after leading whitespace) splits on commas only, each
 * token trimmed; otherwise on space, comma, tab, CR and LF. Before 3.5.0 auth_server always split on
 * " ,\t" (CVE-2026-70463).
 */
export function splitAuthUsers(value: string, version: Version): string[] {
  if (!atLeast(version, [3, 5, 0])) return value.split(/[ ,\t]+/).filter((t) => t !== '');
  const trimmed = value.replace(/^[ \t\n\v\f\r]+/, '');
  if (trimmed.startsWith(',')) {
    return trimmed
      .slice(1)
      .split(',')
      .map((t) => t.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, ''))
      .filter((t) => t !== '');
  }
  return value.split(/[ ,\t\r\n]+/).filter((t) => t !== '');
}

export function parseAuthUsers(value: string, version: Version): AuthRule[] {
  return splitAuthUsers(value, version).map(parseRule);
}

function parseRule(raw: string): AuthRule {
  const colon = raw.indexOf(':');
  const name = colon < 0 ? raw : raw.slice(0, colon);
  const opt = colon < 0 ? null : raw.slice(colon + 1);
  const option = optionOf(opt);
  const group = name.startsWith('@');
  return {
    raw,
    pattern: group ? name.slice(1) : name,
    group,
    option,
    ignoredOption: opt !== null && option === null ? opt : null,
    empty: name === '',
  };
}

function optionOf(opt: string | null): AuthRule['option'] {
  if (opt === null) return null;
  const a = (opt[0] ?? '').toLowerCase();
  const b = (opt[1] ?? '').toLowerCase();
  if (a === 'd') return 'deny';
  if (a === 'r' && b === 'o') return 'ro';
  if (a === 'r' && b === 'w') return 'rw';
  return null;
}

/**
 * The first rule whose pattern matches the user (or, for `@group`, one of the groups of the local system
 * user of that name) decides. `groupsOf` answers for the daemon's host; names that are not system users
 * have no groups.
 */
export function matchAuthUser(rules: AuthRule[], user: string, groupsOf: (user: string) => string[] | 'unknown'): AuthOutcome {
  let groups: string[] | 'unknown' | undefined;
  for (const rule of rules) {
    let hit: boolean;
    let group: string | undefined;
    let assumed = false;
    if (rule.group) {
      groups ??= groupsOf(user);
      // auth_server hands check_secret the first of the user's groups the pattern matches, by that name.
      // Groups not known: the first @group rule is taken to match, and said as an assumption.
      assumed = groups === 'unknown';
      group = groups === 'unknown' ? rule.pattern : groups.find((g) => wildmatch(rule.pattern, g));
      hit = group !== undefined;
    } else {
      hit = wildmatch(rule.pattern, user);
    }
    if (!hit) continue;
    const assumption = assumed ? { assumption: `${user} is a user of the daemon's host in a group matching "@${rule.pattern}" (its groups were not read), so "${rule.raw}" is the first rule matching it.` } : {};
    if (rule.option === 'deny') return { result: 'denied-by-rule', rule, access: 'module-default', ...assumption, reason: `"${rule.raw}" is the first rule matching ${user}, and it denies.` };
    const access = rule.option ?? 'module-default';
    const how = access === 'module-default' ? 'the module\'s "read only" applies' : `it grants ${access}`;
    return { result: 'password', rule, access, ...(group !== undefined ? { group } : {}), ...assumption, reason: `"${rule.raw}" is the first rule matching ${user}; with the right password ${user} gets in and ${how}.` };
  }
  return { result: 'no-matching-rule', rule: null, access: 'module-default', reason: `No rule matches ${user}: rsync refuses with "no matching rule".` };
}

export interface AuthRuleFacts {
  raw: string;
  pattern: string;
  group: boolean;
  option: 'deny' | 'ro' | 'rw' | null;
  ignored_option: string | null;
  empty: boolean;
  /** An earlier rule matches every name this one matches, so this one never decides. */
  shadowed_by: string | null;
}

/** The rules of an `auth users` value, with what a reviewer needs: ignored options, dead rules. */
export function describeAuthRules(value: string, version: Version): AuthRuleFacts[] {
  const rules = parseAuthUsers(value, version);
  return rules.map((rule, i) => {
    const earlier = rules.slice(0, i).find((e) => e.group === rule.group && covers(e.pattern, rule.pattern));
    return {
      raw: rule.raw,
      pattern: rule.pattern,
      group: rule.group,
      option: rule.option,
      ignored_option: rule.ignoredOption,
      empty: rule.empty,
      shadowed_by: earlier ? earlier.raw : null,
    };
  });
}

/** `a` matches everything `b` can match: a catch-all, or `b` is a literal name that `a` matches. */
function covers(a: string, b: string): boolean {
  if (/^\*+$/.test(a)) return true;
  return !/[*?[\\]/.test(b) && wildmatch(a, b);
}

/** What follows a colon and reads like an access level: quoted back; anything else may be a password. */
export const ACCESS_WORDS = /^(read|write|readwrite|read-write|read_write|readonly|read-only|read_only|writeonly|write-only|r|w|ro|rw|wo|deny|allow|none|full|all|admin|yes|no|true|false)$/i;
const MASK = '********';

/**
 * The auth rules and the `auth users` text as the facts document carries them: an option rsync ignores
 * (`alice:Hunter2`, the user:password mistake) is masked unless it reads like an access level. rsync
 * ignores it either way, so nothing a policy decides changes; the document is stored and shared.
 */
export function maskIgnoredOptions(rules: AuthRuleFacts[]): { rules: AuthRuleFacts[]; hide: (text: string) => string } {
  // An empty option (`bob:`) hides nothing, and masking `:` + '' would mask every colon of the text.
  const hidden = rules.map((r) => r.ignored_option).filter((o): o is string => o !== null && o !== '' && !ACCESS_WORDS.test(o));
  const hide = (raw: string): string => hidden.reduce((t, o) => t.split(`:${o}`).join(`:${MASK}`), raw);
  return {
    rules: rules.map((r) => ({ ...r, raw: hide(r.raw), ignored_option: r.ignored_option !== null && hidden.includes(r.ignored_option) ? MASK : r.ignored_option, shadowed_by: r.shadowed_by === null ? null : hide(r.shadowed_by) })),
    hide,
  };
}
