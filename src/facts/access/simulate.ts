/**
 * What rsync would let one client do, module by module, following clientserver.c start_daemon →
 * rsync_module in its order of checks. Reference: shared/reference/rsyncd.md §3.1, §3.5, §3.6, §6.
 * Pure: name resolution comes in through `resolve`, decided by the caller before the simulation.
 */
import { READ_OTHERWISE_CODES, type ModuleConfig, type RsyncdConfig, type Value } from '../../parse/index.ts';
import { matchAuthUser, parseAuthUsers, type AuthOutcome } from './auth-users.ts';
import { allowAccess, type Resolution, type Version } from './hosts.ts';
import { checkSecret, type KnownSecrets, type SecretRefusal } from './secrets-check.ts';
import { effectiveDaemon, effectiveModule } from '../effective.ts';
import { connectionRefusal, type NameDatabase, namesSeenByDaemon, setupRefusal } from '../usable.ts';
import { unverifiedNames } from './unverified-names.ts';

export type Outcome =
  | 'ok'
  | 'connection-failed'
  | 'unknown-module'
  | 'access-denied'
  | 'max-connections'
  | 'lock-file'
  | 'auth-failed'
  | 'invalid-uid'
  | 'invalid-gid'
  | 'no-path'
  | 'chroot-failed'
  | 'setgid-failed'
  | 'setuid-failed'
  | 'read-only'
  | 'write-only';

export interface ClientSpec {
  /** The client's IP address. IPv4-mapped IPv6 addresses are unmapped, as rsync does. */
  addr: string;
  /** Its verified reverse-DNS name (forward-confirmed); absent means no usable PTR (rsync's UNKNOWN). */
  name?: string;
  /** A user to evaluate `auth users` for, besides the anonymous client. */
  user?: string;
}

export interface SimulationOptions {
  daemonUser: 'root' | 'nonroot';
  version: Version;
  resolve: (name: string) => Resolution;
  groupsOf?: (user: string) => string[] | 'unknown';
  /** The target's account names, where it shows them (an image's etc/passwd and etc/group); else only impossible names fail. */
  names?: NameDatabase | undefined;
  /** What the facts document says of the secrets files (exists, mode, owner, entries); a file it does not know is an assumption. */
  secrets?: KnownSecrets;
}

export interface UserAccess {
  user: string;
  /** 'password': the user gets in with the right password (on the module's assumptions); the rest are refusals. */
  result: AuthOutcome['result'] | SecretRefusal;
  rule: string | null;
  read: boolean;
  write: boolean;
  reason: string;
}

export interface ModuleAccess {
  name: string;
  listed: boolean;
  host_allowed: boolean;
  auth_required: boolean;
  anonymous_read: boolean;
  anonymous_write: boolean;
  read: Outcome;
  write: Outcome;
  reasons: string[];
  assumptions: string[];
  user?: UserAccess;
}

/** A parse diagnostic that explains the report: why the daemon would not start or serve, or why the file reads otherwise than it looks. */
export interface AccessNote {
  severity: 'fatal' | 'warning';
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
  hint?: string;
}

export interface AccessReport {
  starts: boolean;
  serves: boolean;
  client: { addr: string; host: string };
  /** Each reason the daemon refuses to start or fails every connection, and bytes that change what rsync reads. */
  notes: AccessNote[];
  modules: ModuleAccess[];
}

function accessNotes(config: RsyncdConfig): AccessNote[] {
  const picked = config.diagnostics.filter((d) => d.severity === 'fatal' || READ_OTHERWISE_CODES.has(d.code));
  // "rsync --daemon refuses to start: <cause>" repeats a note of its own cause, where there is one.
  return picked
    .filter((d) => !picked.some((cause) => cause !== d && d.message.endsWith(`: ${cause.message}`)))
    .map((d) => ({ severity: d.severity === 'fatal' ? 'fatal' : 'warning', code: d.code, message: d.message, file: d.at.file, line: d.at.line, column: d.at.column, ...(d.hint !== undefined ? { hint: d.hint } : {}) }));
}

export function simulateAccess(config: RsyncdConfig, client: ClientSpec, opts: SimulationOptions): AccessReport {
  const addr = unmapIPv4(client.addr);
  const verified = client.name ?? 'UNKNOWN';
  // start_daemon: the host name comes from the global `reverse lookup`; rsync_module looks it up later
  // for a module that turns the lookup back on.
  const globalHost = bool(config.global['reverse lookup']?.value, true) ? verified : 'UNDETERMINED';
  const daemon = { root: effectiveDaemon(opts.daemonUser, config.global).root.value, jail: text(config.global['daemon chroot']?.value) };
  const byName = new Map<string, ModuleConfig>();
  for (const m of config.modules) byName.set(m.name, m);
  const modules = config.modules.map((m) => {
    if (!config.serves) return unreachable(m, config.starts);
    // lp_number: a request reaches the last module of that exact name.
    const target = byName.get(m.name) ?? m;
    const result = simulateModule(target, { addr, host: globalHost, verified }, client.user, daemon, { ...opts, names: namesSeenByDaemon(config.global, opts.names) });
    const listed = bool(m.params['list']?.value, true);
    if (target !== m) result.reasons.unshift(`A later module is also named "${m.name}"; requests reach that one.`);
    return { ...result, listed };
  });
  return { starts: config.starts, serves: config.serves, client: { addr, host: globalHost }, notes: accessNotes(config), modules };
}

interface Peer {
  addr: string;
  host: string;
  verified: string;
}

/** The daemon when it serves a module: root after `daemon uid`, and its `daemon chroot` ('' for none). */
interface Daemon {
  root: boolean;
  jail: string;
}

function simulateModule(m: ModuleConfig, peer: Peer, user: string | undefined, daemon: Daemon, opts: SimulationOptions): ModuleAccess {
  const { root } = daemon;
  const reasons: string[] = [];
  const assumptions: string[] = [];
  const param = (name: string): Value => m.params[name]?.value ?? null;
  const text = (name: string): string => {
    const v = param(name);
    return typeof v === 'string' ? v : '';
  };
  const listed = bool(param('list'), true);
  const host = peer.host === 'UNDETERMINED' && bool(param('reverse lookup'), true) ? peer.verified : peer.host;
  const decision = allowAccess({ addr: peer.addr, host }, text('hosts allow') || undefined, text('hosts deny') || undefined, {
    forwardLookup: bool(param('forward lookup'), true),
    resolve: opts.resolve,
    version: opts.version,
  });
  assumptions.push(...decision.assumptions);
  const authUsers = text('auth users');
  const base = {
    name: m.name,
    listed,
    host_allowed: decision.allowed,
    auth_required: authUsers !== '',
    anonymous_read: false,
    anonymous_write: false,
    reasons,
    assumptions,
  };
  reasons.push(decision.reason);
  const refuse = (outcome: Outcome, why: string): ModuleAccess => {
    reasons.push(why);
    return { ...base, read: outcome, write: outcome };
  };
  if (!decision.allowed) {
    const line = listed ? `@ERROR: access denied to ${m.name} from ${host} (${peer.addr})` : `@ERROR: Unknown module '${m.name}'`;
    return refuse(listed ? 'access-denied' : 'unknown-module', `${listed ? 'Denied hosts are refused' : 'With "list = no" a denied host is told the module does not exist'}: the client gets "${line}".`);
  }
  const effective = effectiveModule(m.params, root, opts.version, opts.names);
  const slot = connectionRefusal(m.params, root);
  if (slot) return refuse(slot.outcome, `${slot.reason} The client gets "${slot.message}".`);
  if (Number(param('max connections') ?? 0) > 0) assumptions.push(`The daemon can open its lock file ${text('lock file')} and a connection slot is free.`);
  const readOnly = bool(param('read only'), true);
  // Checked after authentication (rsync_module): only a client that got in sees these refusals.
  const refusal = setupRefusal(m.params, root, opts.version, opts.names, effective.chroot.value);
  assumptions.push(...unverifiedNames(m.params, opts.version, opts.names));
  let userAccess: UserAccess | undefined;
  if (authUsers !== '') {
    const rules = parseAuthUsers(authUsers, opts.version);
    if (user !== undefined) {
      const module = { readOnly, writeOnly: bool(param('write only'), false), secrets: text('secrets file'), strictModes: bool(param('strict modes'), true), ...daemon };
      const evaluated = evaluateUser(user, rules, module, opts);
      userAccess = evaluated.access;
      assumptions.push(...evaluated.assumptions);
    }
    if (userAccess?.result === 'password' && refusal) userAccess = { ...userAccess, read: false, write: false, reason: `${userAccess.reason} After the login the daemon answers "${refusal.message}". ${refusal.reason}` };
    return { ...refuse('auth-failed', `"auth users" is set: a client without valid credentials gets "@ERROR: auth failed on module ${m.name}".`), ...(userAccess ? { user: userAccess } : {}) };
  }
  reasons.push('No "auth users": anyone the host rules admit gets in without a password.');
  if (refusal) return refuse(refusal.outcome, `The client gets "${refusal.message}". ${refusal.reason}`);
  const writeOnly = bool(param('write only'), false);
  const read: Outcome = writeOnly ? 'write-only' : 'ok';
  const write: Outcome = readOnly ? 'read-only' : 'ok';
  if (writeOnly) reasons.push('"write only = yes": downloads are refused.');
  if (!readOnly) reasons.push('"read only = no": anonymous uploads are accepted.');
  return { ...base, read, write, anonymous_read: read === 'ok', anonymous_write: write === 'ok' };
}

interface ModuleAuth {
  readOnly: boolean;
  writeOnly: boolean;
  secrets: string;
  strictModes: boolean;
  root: boolean;
  jail: string;
}

function evaluateUser(user: string, rules: ReturnType<typeof parseAuthUsers>, module: ModuleAuth, opts: SimulationOptions): { access: UserAccess; assumptions: string[] } {
  const outcome = matchAuthUser(rules, user, opts.groupsOf ?? (() => 'unknown'));
  const ro = outcome.access === 'module-default' ? module.readOnly : outcome.access === 'ro';
  const base = { user, rule: outcome.rule?.raw ?? null };
  const assumed = outcome.assumption !== undefined ? [outcome.assumption] : [];
  if (outcome.result !== 'password') return { access: { ...base, result: outcome.result, read: false, write: false, reason: outcome.reason }, assumptions: assumed };
  // check_secret fails closed: no file, strict modes, no line for the user each refuse every password (§4).
  const secret = checkSecret({ path: module.secrets, user, group: outcome.group ?? null, strictModes: module.strictModes, root: module.root, jail: module.jail }, opts.secrets);
  const admitted = secret.refusal === null;
  return {
    access: {
      ...base,
      result: secret.refusal ?? 'password',
      read: admitted && !module.writeOnly,
      write: admitted && !ro,
      reason: admitted ? `${outcome.reason} ${secret.reason}` : `"${outcome.rule?.raw ?? ''}" is the first rule matching ${user}, so rsync checks the password. ${secret.reason}`,
    },
    assumptions: [...assumed, ...secret.assumptions],
  };
}

function unreachable(m: ModuleConfig, starts: boolean): ModuleAccess {
  const why = starts ? 'The daemon fails every connection (a fatal error in the configuration), so nothing is served.' : 'The daemon does not start, so nothing is served.';
  return {
    name: m.name,
    listed: false,
    host_allowed: false,
    auth_required: false,
    anonymous_read: false,
    anonymous_write: false,
    read: 'connection-failed',
    write: 'connection-failed',
    reasons: [why],
    assumptions: [],
  };
}

function text(v: Value | undefined): string {
  return typeof v === 'string' ? v : '';
}

function bool(v: Value | undefined, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

function unmapIPv4(addr: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(addr);
  return m?.[1] ?? addr;
}
