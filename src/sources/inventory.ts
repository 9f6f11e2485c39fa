/**
 * Inventories for `sweep`: rsyncguard's own YAML (groups of hosts with address, port, user, jump host,
 * sudo), and Ansible's INI and YAML inventories (ansible_host, ansible_port, ansible_user,
 * ansible_ssh_common_args' ProxyJump is not parsed: use a jump host in ~/.ssh/config instead).
 */
import { parse as parseYaml, YAMLError } from 'yaml';
import { fail, isObject, type JsonObject, ok, type Result, UserError } from '../common/index.ts';
import { CONNECTION_KEYS, expandHostPattern, type Occurrence, readIni, shown } from './inventory-ini.ts';

export interface InventoryHost {
  /** The name reports use. */
  name: string;
  group: string;
  /** What ssh connects to (defaults to the name). */
  address: string;
  port: number | null;
  user: string | null;
  jump: string | null;
  sudo: boolean;
  /** ansible_ssh_private_key_file (ssh -i); absent when not set. */
  identityFile?: string;
  /** ansible_ssh_common_args then ansible_ssh_extra_args, split as a shell would (ssh options only). */
  sshArgs?: string[];
  /** ansible_become_user (sudo -u); absent means root. */
  becomeUser?: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

/**
 * What ssh is handed must be a name and nothing else: a value starting with "-" reads as an option
 * (-oProxyCommand=…), and one with shell characters is run by a shell wherever ssh_config expands %h or %r
 * into a ProxyCommand (and by ssh's own -J before OpenSSH 9.6). Refused up front, with the value quoted
 * safely, rather than left to the ssh version in use.
 */
const SSH_HOST = /^[A-Za-z0-9_.%:[\]][A-Za-z0-9_.%:[\]-]*$/;
const SSH_USER = /^[A-Za-z0-9_.][A-Za-z0-9_.@-]*$/;
const SSH_JUMP_HOP = /^(?:[A-Za-z0-9_.][A-Za-z0-9_.@-]*@)?[A-Za-z0-9_.%[\]][A-Za-z0-9_.%:[\]-]*(?::\d{1,5})?$/;
const NAME_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const SSH_HINT = 'ssh is given only host names, addresses, user names and [user@]host[:port] jump hops: no leading "-", spaces or shell characters.';
const SHAPE_HINT = 'See docs/fleet.md for the inventory formats: groups, hosts and vars are mappings (name: {…}), not lists.';

interface Problem {
  message: string;
  hint: string;
}

/** One listing of a host with the variables that apply there. */
interface Listed extends Occurrence {
  vars: JsonObject;
}

/** A port is shown only when it is a number: anything else in its place may be some other value (a password). */
const portText = (v: unknown) => (typeof v === 'number' || (typeof v === 'string' && /^\d{1,12}$/.test(v)) ? ` ${String(v)}` : ' that is not a number');

function host(name: string, group: string, vars: JsonObject): InventoryHost | Problem {
  const port = vars['port'] ?? vars['ansible_port'] ?? vars['ansible_ssh_port'];
  const portNum = port === undefined || port === null ? null : Number(port);
  if (portNum !== null && !(Number.isInteger(portNum) && portNum > 0 && portNum < 65536)) return { message: `host ${shown(name)} has port${portText(port)}`, hint: 'A port is a number from 1 to 65535.' };
  const h: InventoryHost = {
    name,
    group,
    address: str(vars['address'] ?? vars['ansible_host'] ?? vars['ansible_ssh_host']) ?? name,
    port: portNum,
    user: str(vars['user'] ?? vars['ansible_user'] ?? vars['ansible_ssh_user']),
    jump: str(vars['jump']),
    sudo: vars['sudo'] === true || vars['ansible_become'] === true || vars['ansible_become'] === 'true',
  };
  if (NAME_CONTROLS.test(name) || NAME_CONTROLS.test(group)) return { message: `host ${shown(name)} (group ${shown(group)}) has control characters in its name`, hint: SSH_HINT };
  if (!SSH_HOST.test(h.address)) return { message: `host ${shown(name)} has address ${shown(h.address)}, which is not a host name or address`, hint: SSH_HINT };
  if (h.user !== null && !SSH_USER.test(h.user)) return { message: `host ${shown(name)} has user ${shown(h.user)}, which is not a user name`, hint: SSH_HINT };
  if (h.jump !== null && !h.jump.split(',').every((hop) => SSH_JUMP_HOP.test(hop))) return { message: `host ${shown(name)} has jump ${shown(h.jump)}, which is not a list of [user@]host[:port]`, hint: SSH_HINT };
  return h;
}

/**
 * Every listing made a host. Ansible lets a host be listed in several groups: it is swept once, under the
 * first group that lists it (a named group before "ungrouped"), provided every listing reaches it the same way.
 */
function settle(listed: Listed[]): Result<InventoryHost[]> {
  const first = new Map<string, { h: InventoryHost; at: Listed }>();
  const hosts: InventoryHost[] = [];
  for (const l of listed) {
    const h = host(l.name, l.group, l.vars);
    if (!('address' in h)) return fail(new UserError(h.message, l.where, h.hint));
    const seen = first.get(l.name);
    if (seen === undefined) {
      first.set(l.name, { h, at: l });
      hosts.push(h);
      continue;
    }
    const differ = (['address', 'port', 'user', 'jump', 'sudo'] as const).filter((k) => seen.h[k] !== h[k]);
    // As in Ansible, a host that some group lists is not "ungrouped" for being listed at the top as well.
    if (differ.length === 0 && seen.h.group === 'ungrouped') seen.h.group = l.group;
    if (differ.length > 0) {
      return fail(
        new UserError(
          `host ${shown(l.name)} is listed in ${seen.at.place} and in ${l.place}, and its ${differ.join(', ')} ${differ.length === 1 ? 'differs' : 'differ'}`,
          l.where,
          'A host in several groups is swept once: give it the same connection settings (address, port, user, jump, sudo) in each group.',
        ),
      );
    }
  }
  return ok(hosts);
}

/** Where a group variable was set: for the error that names both places. */
type Origin = (key: string) => { where: string; place: string };

/**
 * A host's variables as Ansible merges them: what each of its groups gives it, then its own. Ansible ranks
 * two groups that give one variable different values (by depth, priority, name); for a connection
 * variable rsyncguard refuses instead of guessing which address or user is meant.
 */
function merged(listings: { o: Occurrence; groupVars: JsonObject; origin: Origin }[], own: (name: string) => JsonObject): Result<Listed[]> {
  const byHost = new Map<string, { vars: JsonObject; from: Map<string, { where: string; place: string }> }>();
  for (const { o, groupVars, origin } of listings) {
    const m = byHost.get(o.name) ?? { vars: {}, from: new Map<string, { where: string; place: string }>() };
    byHost.set(o.name, m);
    for (const [k, v] of Object.entries(groupVars)) {
      const before = m.from.get(k);
      if (before === undefined) {
        m.vars[k] = v;
        m.from.set(k, origin(k));
      } else if (m.vars[k] !== v && CONNECTION_KEYS.includes(k) && !(k in own(o.name))) {
        const at = origin(k);
        return fail(new UserError(`host ${shown(o.name)} is in groups that give it a different ${k} (${before.place} and ${at.place})`, at.where, `Set ${k} on the host itself, or give it the same value in every group that lists the host.`));
      }
    }
  }
  return ok(listings.map(({ o }) => ({ ...o, vars: { ...(byHost.get(o.name)?.vars ?? {}), ...own(o.name) } })));
}

/** Ansible INI (inventory-ini.ts); a group's own [group:vars] apply to its hosts. */
function fromIni(text: string, file: string): Result<InventoryHost[]> {
  const r = readIni(text, file);
  if ('message' in r) return fail(new UserError(r.message, r.where, r.hint));
  const listings = r.occurrences.map((o) => {
    const gv = r.groupVars.get(o.group);
    const origin: Origin = (k) => ({ where: `${file}:${gv?.lineOf.get(k) ?? 0}`, place: `line ${gv?.lineOf.get(k) ?? 0}` });
    return { o, groupVars: gv?.vars ?? {}, origin };
  });
  const all = merged(listings, (name) => r.hostVars.get(name)?.vars ?? {});
  return all.ok ? settle(all.value) : all;
}

const kindOf = (v: unknown) => (Array.isArray(v) ? 'a list' : v === null ? 'empty' : typeof v === 'object' ? 'a mapping' : `a ${typeof v}`);

/** A mapping, or null when absent or empty; a Problem when it is something else. */
function mapping(v: unknown, what: string): Result<JsonObject | null, Problem> {
  if (v === undefined || v === null) return ok(null);
  return isObject(v) ? ok(v) : fail({ message: `${what} is ${kindOf(v)}, not a mapping`, hint: SHAPE_HINT });
}

/** Ansible YAML: `all: {hosts, vars, children: {group: {hosts, vars, children}}}`; host patterns expand as in INI. */
function fromAnsibleYaml(root: JsonObject, file: string): Result<InventoryHost[]> {
  const listings: { o: Occurrence; groupVars: JsonObject; origin: Origin }[] = [];
  const hostVars = new Map<string, { vars: JsonObject; groupOf: Map<string, string> }>();
  const onPath = new Set<unknown>();
  const walk = (group: string, node: unknown, inherited: JsonObject, setBy: Record<string, string>): Problem | undefined => {
    const self = mapping(node, `group ${shown(group)}`);
    if (!self.ok) return self.error;
    if (self.value === null || onPath.has(self.value)) return undefined;
    const parts = {
      hosts: mapping(self.value['hosts'], `the hosts of group ${shown(group)}`),
      vars: mapping(self.value['vars'], `the vars of group ${shown(group)}`),
      children: mapping(self.value['children'], `the children of group ${shown(group)}`),
    };
    for (const part of Object.values(parts)) if (!part.ok) return part.error;
    const get = (r: Result<JsonObject | null, Problem>): JsonObject => (r.ok && r.value !== null ? r.value : {});
    const vars = { ...inherited, ...get(parts.vars) };
    const by: Record<string, string> = { ...setBy, ...Object.fromEntries(Object.keys(get(parts.vars)).map((k) => [k, group])) };
    const origin: Origin = (k) => ({ where: file, place: `group ${shown(by[k] ?? group)}` });
    for (const [pattern, own] of Object.entries(get(parts.hosts))) {
      const names = expandHostPattern(pattern);
      if (!Array.isArray(names)) return { message: `in group ${shown(group)}, the host pattern ${shown(pattern)} ${names.error}`, hint: names.hint };
      const ownVars = mapping(own, `the variables of host ${shown(pattern)} in group ${shown(group)}`);
      if (!ownVars.ok) return ownVars.error;
      for (const name of names) {
        const hv = hostVars.get(name) ?? { vars: {}, groupOf: new Map<string, string>() };
        for (const [k, v] of Object.entries(ownVars.value ?? {})) {
          const before = hv.groupOf.get(k);
          if (before !== undefined && CONNECTION_KEYS.includes(k) && hv.vars[k] !== v)
            return {
              message: `host ${shown(name)} is given a different ${k} in group ${shown(group)} than in group ${shown(before)}`,
              hint: 'A host listed in several groups is one host: give its connection variables once, or the same in every group.',
            };
          hv.vars[k] = v;
          hv.groupOf.set(k, group);
        }
        hostVars.set(name, hv);
        listings.push({ o: { name, group, where: file, place: `group ${shown(group)}` }, groupVars: vars, origin });
      }
    }
    onPath.add(self.value);
    for (const [child, cv] of Object.entries(get(parts.children))) {
      const err = walk(child, cv, vars, by);
      if (err) return err;
    }
    onPath.delete(self.value);
    return undefined;
  };
  const err = walk('ungrouped', root['all'], {}, {});
  if (err) return fail(new UserError(err.message, file, err.hint));
  const all = merged(listings, (name) => hostVars.get(name)?.vars ?? {});
  return all.ok ? settle(all.value) : all;
}

/** rsyncguard's YAML: `defaults: {…}`, `groups: {name: {vars, hosts: {host: {…}}}}`, or top-level `hosts`. */
function fromOwnYaml(root: JsonObject, file: string): Result<InventoryHost[]> {
  const top = { defaults: mapping(root['defaults'], 'defaults'), groups: mapping(root['groups'], 'groups'), hosts: mapping(root['hosts'], 'hosts') };
  for (const part of Object.values(top)) if (!part.ok) return fail(new UserError(part.error.message, file, part.error.hint));
  const get = (r: Result<JsonObject | null, Problem>): JsonObject => (r.ok && r.value !== null ? r.value : {});
  const groups: [string, unknown][] = Object.entries(get(top.groups));
  if (top.hosts.ok && top.hosts.value !== null) groups.push(['ungrouped', { hosts: top.hosts.value }]);
  const listed: Listed[] = [];
  for (const [g, spec] of groups) {
    const s = mapping(spec, `group ${shown(g)}`);
    const hs = s.ok ? mapping(s.value?.['hosts'], `the hosts of group ${shown(g)}`) : s;
    const gv = s.ok ? mapping(s.value?.['vars'], `the vars of group ${shown(g)}`) : s;
    for (const part of [hs, gv]) if (!part.ok) return fail(new UserError(part.error.message, file, part.error.hint));
    for (const [name, vars] of Object.entries(get(hs))) {
      const hv = mapping(vars, `host ${shown(name)} in group ${shown(g)}`);
      if (!hv.ok) return fail(new UserError(hv.error.message, file, hv.error.hint));
      listed.push({ name, group: g, where: file, place: `group ${shown(g)}`, vars: { ...get(top.defaults), ...get(gv), ...(hv.value ?? {}) } });
    }
  }
  return settle(listed);
}

const FORMATS_HINT = 'Write an rsyncguard YAML, Ansible YAML or Ansible INI inventory (docs/fleet.md); an INI inventory starts with a [group] line or is named *.ini.';

export function parseInventory(text: string, file: string): Result<InventoryHost[]> {
  let parsed: Result<InventoryHost[]>;
  const firstLine = text.split('\n').find((l) => l.trim() !== '' && !/^\s*[#;]/.test(l)) ?? '';
  // A YAML inventory is a mapping, so a first line that opens with "[" is an INI header, closed or not.
  if (/\.(ini|cfg)$|(^|\/)hosts$/.test(file) || firstLine.trim().startsWith('[')) {
    parsed = fromIni(text, file);
  } else {
    let doc: unknown;
    try {
      doc = parseYaml(text);
    } catch (e) {
      // The parser's message quotes the line; an inventory's lines may hold passwords.
      const at = e instanceof YAMLError && e.linePos ? `${file}:${e.linePos[0].line}` : file;
      return fail(new UserError(`not valid YAML${e instanceof YAMLError ? ` (${e.code})` : ''}`, at, FORMATS_HINT));
    }
    if (!isObject(doc)) return fail(new UserError(`the inventory is ${kindOf(doc)}, not a mapping of groups or hosts`, file, FORMATS_HINT));
    parsed = 'all' in doc ? fromAnsibleYaml(doc, file) : fromOwnYaml(doc, file);
  }
  if (!parsed.ok) return parsed;
  if (parsed.value.length === 0) return fail(new UserError('the inventory names no hosts', file, 'See docs/fleet.md for the formats.'));
  return parsed;
}
