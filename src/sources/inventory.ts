/**
 * Inventories for `sweep`: rsyncguard's own YAML (groups of hosts with address, port, user, jump host,
 * sudo), and Ansible's INI and YAML inventories (ansible_host, ansible_port, ansible_user,
 * ansible_ssh_common_args' ProxyJump is not parsed: use a jump host in ~/.ssh/config instead).
 */
import { parse as parseYaml } from 'yaml';
import { errorMessage, fail, isObject, type JsonObject, ok, type Result, UserError } from '../common/index.ts';

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
const shown = (v: string) => JSON.stringify(v).replace(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const NAME_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function host(name: string, group: string, vars: JsonObject, where: string): InventoryHost | string {
  const port = vars['port'] ?? vars['ansible_port'] ?? vars['ansible_ssh_port'];
  const portNum = port === undefined || port === null ? null : Number(port);
  if (portNum !== null && !(Number.isInteger(portNum) && portNum > 0 && portNum < 65536)) return `${where}: host ${shown(name)} has port ${shown(JSON.stringify(port) ?? String(port))}`;
  const h: InventoryHost = {
    name,
    group,
    address: str(vars['address'] ?? vars['ansible_host'] ?? vars['ansible_ssh_host']) ?? name,
    port: portNum,
    user: str(vars['user'] ?? vars['ansible_user'] ?? vars['ansible_ssh_user']),
    jump: str(vars['jump']),
    sudo: vars['sudo'] === true || vars['ansible_become'] === true || vars['ansible_become'] === 'true',
  };
  const hint = 'ssh is given only host names, addresses, user names and [user@]host[:port] jump hops: no leading "-", spaces or shell characters.';
  if (NAME_CONTROLS.test(name) || NAME_CONTROLS.test(group)) return `${where}: host ${shown(name)} (group ${shown(group)}) has control characters in its name. ${hint}`;
  if (!SSH_HOST.test(h.address)) return `${where}: host ${shown(name)} has address ${shown(h.address)}, which is not a host name or address. ${hint}`;
  if (h.user !== null && !SSH_USER.test(h.user)) return `${where}: host ${shown(name)} has user ${shown(h.user)}, which is not a user name. ${hint}`;
  if (h.jump !== null && !h.jump.split(',').every((hop) => SSH_JUMP_HOP.test(hop))) return `${where}: host ${shown(name)} has jump ${shown(h.jump)}, which is not a list of [user@]host[:port]. ${hint}`;
  return h;
}

/** Ansible INI: `[group]` sections, `name key=value …` lines; `[group:vars]` and `[group:children]` are read too. */
function fromIni(text: string, file: string): Result<InventoryHost[]> {
  const hosts: InventoryHost[] = [];
  const groupVars = new Map<string, JsonObject>();
  let group = 'ungrouped';
  let section: 'hosts' | 'vars' | 'children' = 'hosts';
  const pending: { name: string; group: string; vars: JsonObject; line: number }[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/[#;].*$/, '').trim();
    if (line === '') continue;
    const header = /^\[([^\]:]+)(?::(vars|children))?\]$/.exec(line);
    if (header) {
      group = header[1] ?? 'ungrouped';
      section = (header[2] as 'vars' | 'children' | undefined) ?? 'hosts';
      continue;
    }
    const [name = '', ...pairs] = line.split(/\s+/);
    const vars: JsonObject = {};
    for (const p of pairs) {
      const eq = p.indexOf('=');
      if (eq <= 0) return fail(new UserError(`expected key=value, not "${p}"`, `${file}:${i + 1}`));
      vars[p.slice(0, eq)] = p.slice(eq + 1).replace(/^(['"])(.*)\1$/, '$2');
    }
    if (section === 'vars') {
      const eq = line.indexOf('=');
      groupVars.set(group, { ...(groupVars.get(group) ?? {}), [line.slice(0, eq).trim()]: line.slice(eq + 1).trim() });
    } else if (section === 'hosts') {
      pending.push({ name, group, vars, line: i + 1 });
    }
  }
  for (const p of pending) {
    const h = host(p.name, p.group, { ...(groupVars.get(p.group) ?? {}), ...p.vars }, `${file}:${p.line}`);
    if (typeof h === 'string') return fail(new UserError(h, `${file}:${p.line}`));
    hosts.push(h);
  }
  return ok(hosts);
}

/** Ansible YAML: `all: {hosts, children: {group: {hosts, vars, children}}}`. */
function fromAnsibleYaml(root: JsonObject, file: string): Result<InventoryHost[]> {
  const hosts: InventoryHost[] = [];
  const walk = (name: string, node: unknown, inherited: JsonObject): string | undefined => {
    if (!isObject(node)) return undefined;
    const vars = { ...inherited, ...(isObject(node['vars']) ? node['vars'] : {}) };
    for (const [h, hv] of Object.entries(isObject(node['hosts']) ? node['hosts'] : {})) {
      const r = host(h, name, { ...vars, ...(isObject(hv) ? hv : {}) }, file);
      if (typeof r === 'string') return r;
      hosts.push(r);
    }
    for (const [child, cv] of Object.entries(isObject(node['children']) ? node['children'] : {})) {
      const err = walk(child, cv, vars);
      if (err) return err;
    }
    return undefined;
  };
  const err = walk('ungrouped', root['all'], {});
  return err ? fail(new UserError(err, file)) : ok(hosts);
}

/** rsyncguard's YAML: `defaults: {…}`, `groups: {name: {hosts: {host: {…}}}}`, or top-level `hosts`. */
function fromOwnYaml(root: JsonObject, file: string): Result<InventoryHost[]> {
  const defaults = isObject(root['defaults']) ? root['defaults'] : {};
  const groups: [string, unknown][] = isObject(root['groups']) ? Object.entries(root['groups']) : [];
  if (isObject(root['hosts'])) groups.push(['ungrouped', { hosts: root['hosts'] }]);
  const hosts: InventoryHost[] = [];
  for (const [g, spec] of groups) {
    const hs = isObject(spec) && isObject(spec['hosts']) ? spec['hosts'] : {};
    for (const [name, vars] of Object.entries(hs)) {
      const r = host(name, g, { ...defaults, ...(isObject(spec) && isObject(spec['vars']) ? spec['vars'] : {}), ...(isObject(vars) ? vars : {}) }, file);
      if (typeof r === 'string') return fail(new UserError(r, file));
      hosts.push(r);
    }
  }
  return ok(hosts);
}

export function parseInventory(text: string, file: string): Result<InventoryHost[]> {
  let parsed: Result<InventoryHost[]>;
  if (/\.(ini|cfg)$|(^|\/)hosts$/.test(file) || /^\s*\[[^\]]+\]\s*$/m.test(text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '')) {
    parsed = fromIni(text, file);
  } else {
    let doc: unknown;
    try {
      doc = parseYaml(text);
    } catch (e) {
      return fail(new UserError(`not valid YAML: ${errorMessage(e)}`, file, 'Write an rsyncguard or Ansible inventory (docs/fleet.md).'));
    }
    if (!isObject(doc)) return fail(new UserError('an inventory is a mapping', file));
    parsed = 'all' in doc ? fromAnsibleYaml(doc, file) : fromOwnYaml(doc, file);
  }
  if (!parsed.ok) return parsed;
  if (parsed.value.length === 0) return fail(new UserError('the inventory names no hosts', file, 'See docs/fleet.md for the formats.'));
  const seen = new Set<string>();
  for (const h of parsed.value) {
    if (seen.has(h.name)) return fail(new UserError(`host ${h.name} appears twice`, file));
    seen.add(h.name);
  }
  return parsed;
}
