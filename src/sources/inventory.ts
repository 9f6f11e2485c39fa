/**
 * Inventories for `sweep`: rsyncguard's own YAML (groups of hosts with address, port, user, jump host,
 * sudo), and Ansible's inventories read as Ansible reads them — INI, YAML and the `ansible-inventory --list`
 * JSON (inventory-ini.ts, inventory-yaml.ts) merged with Ansible's variable precedence (inventory-model.ts),
 * with group_vars/ and host_vars/ beside the file (inventory-vars.ts), mapped to ssh settings by
 * inventory-connection.ts.
 */
import { dirname } from 'node:path';
import { parse as parseYaml, YAMLError } from 'yaml';
import { fail, isObject, type JsonObject, MiB, ok, type Result, UserError } from '../common/index.ts';
import { ansibleConnection } from './inventory-connection.ts';
import { readIni } from './inventory-ini.ts';
import { type InventoryModel, type ModelProblem, type Occurrence, resolve, type VarsFiles } from './inventory-model.ts';
import { loadVarsFiles } from './inventory-vars.ts';
import { shown } from './inventory-words.ts';
import { fromAnsibleYaml, fromListJson, isListJson } from './inventory-yaml.ts';
import { loadAnsibleYaml } from './inventory-yaml-load.ts';
import { readInputFile, readStdin } from './read-input.ts';

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

/** One listing of a host with the variables that apply there (rsyncguard's own YAML). */
interface Listed extends Occurrence {
  vars: JsonObject;
}

/** A port is shown only when it is a number: anything else in its place may be some other value (a password). */
const portText = (v: unknown) => (typeof v === 'number' || (typeof v === 'string' && /^\d{1,12}$/.test(v)) ? ` ${String(v)}` : ' that is not a number');

/** The checks every host passes, whichever format named it. */
function checked(h: InventoryHost): InventoryHost | Problem {
  const { name, group } = h;
  if (NAME_CONTROLS.test(name) || NAME_CONTROLS.test(group)) return { message: `host ${shown(name)} (group ${shown(group)}) has control characters in its name`, hint: SSH_HINT };
  if (!SSH_HOST.test(h.address)) return { message: `host ${shown(name)} has address ${shown(h.address)}, which is not a host name or address`, hint: SSH_HINT };
  if (h.user !== null && !SSH_USER.test(h.user)) return { message: `host ${shown(name)} has user ${shown(h.user)}, which is not a user name`, hint: SSH_HINT };
  if (h.jump !== null && !h.jump.split(',').every((hop) => SSH_JUMP_HOP.test(hop))) return { message: `host ${shown(name)} has jump ${shown(h.jump)}, which is not a list of [user@]host[:port]`, hint: SSH_HINT };
  return h;
}

/** A host of rsyncguard's own YAML: address, port, user, jump, sudo. */
function ownHost(name: string, group: string, vars: JsonObject): InventoryHost | Problem {
  const port = vars['port'];
  const portNum = port === undefined || port === null ? null : Number(port);
  if (portNum !== null && !(Number.isInteger(portNum) && portNum > 0 && portNum < 65536)) return { message: `host ${shown(name)} has port${portText(port)}`, hint: 'A port is a number from 1 to 65535.' };
  return checked({
    name,
    group,
    address: str(vars['address']) ?? name,
    port: portNum,
    user: str(vars['user']),
    jump: str(vars['jump']),
    sudo: vars['sudo'] === true,
  });
}

/**
 * rsyncguard's own YAML lets a host be listed in several groups: it is swept once, under the first group
 * that lists it, provided every listing reaches it the same way.
 */
function settle(listed: Listed[]): Result<InventoryHost[]> {
  const first = new Map<string, { h: InventoryHost; at: Listed }>();
  const hosts: InventoryHost[] = [];
  for (const l of listed) {
    const h = ownHost(l.name, l.group, l.vars);
    if (!('address' in h)) return fail(new UserError(h.message, l.where, h.hint));
    const seen = first.get(l.name);
    if (seen === undefined) {
      first.set(l.name, { h, at: l });
      hosts.push(h);
      continue;
    }
    const differ = (['address', 'port', 'user', 'jump', 'sudo'] as const).filter((k) => seen.h[k] !== h[k]);
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

/** An inventory's hosts, and notes for the user (options left out, files not read). */
export interface Inventory {
  hosts: InventoryHost[];
  notes: string[];
  /** Each host's variables as Ansible merges them (Ansible formats only): what `ansible-inventory --list` prints. Holds secrets: never shown. */
  vars?: Map<string, JsonObject>;
}

/** Ansible's model → hosts: variables merged as Ansible merges them, then mapped to ssh settings. */
function fromModel(model: InventoryModel | ModelProblem, file: string, files: VarsFiles | undefined, notes: string[]): Result<Inventory> {
  if ('message' in model) return fail(new UserError(model.message, model.where, model.hint));
  const resolved = resolve(model, file, files);
  if (!Array.isArray(resolved)) return fail(new UserError(resolved.message, resolved.where, resolved.hint));
  const hosts: InventoryHost[] = [];
  const dropped = new Map<string, string[]>();
  for (const r of resolved) {
    const c = ansibleConnection(r.name, r.vars);
    if ('message' in c) return fail(new UserError(c.message, r.where, c.hint));
    // rsyncguard_group, when the inventory sets one as text, overrides the group as it does in the role (record.py).
    const named = r.vars['rsyncguard_group'];
    const group = typeof named === 'string' && named.trim() !== '' && !named.includes('{{') ? named : r.group;
    const h = checked({ name: r.name, group, jump: null, ...c.connection });
    if (!('address' in h)) return fail(new UserError(h.message, r.where, h.hint));
    hosts.push(h);
    for (const d of c.notes) dropped.set(d, [...(dropped.get(d) ?? []), r.name]);
    // Ansible would not use ssh for these (local, docker, winrm…); sweep only has ssh, and says so.
    const via = r.vars['ansible_connection'];
    if (typeof via === 'string' && !['ssh', 'smart', 'paramiko', 'paramiko_ssh', 'ansible.builtin.ssh'].includes(via)) {
      const d = `ansible_connection is not ssh (${/^[\w.]{1,40}$/.test(via) ? via : 'another plugin'}): swept over ssh all the same`;
      dropped.set(d, [...(dropped.get(d) ?? []), r.name]);
    }
  }
  for (const [d, names] of dropped) notes.push(`${d} for ${names.length === 1 ? `host ${shown(names[0] as string)}` : `${names.length} hosts`}.`);
  return ok({ hosts, notes, vars: new Map(resolved.map((r) => [r.name, r.vars])) });
}

const kindOf = (v: unknown) => (Array.isArray(v) ? 'a list' : v === null ? 'empty' : typeof v === 'object' ? 'a mapping' : `a ${typeof v}`);

/** A mapping, or null when absent or empty; a Problem when it is something else. */
function mapping(v: unknown, what: string): Result<JsonObject | null, Problem> {
  if (v === undefined || v === null) return ok(null);
  return isObject(v) ? ok(v) : fail({ message: `${what} is ${kindOf(v)}, not a mapping`, hint: SHAPE_HINT });
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

/** The text as a JSON object, or undefined when it is not one (YAML, which is a superset, reads the rest). */
function jsonObject(text: string): JsonObject | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

const FORMATS_HINT = 'Write an rsyncguard YAML, Ansible YAML or Ansible INI inventory, or give `ansible-inventory --list` JSON (docs/fleet.md); an INI inventory starts with a [group] line or is named *.ini.';
const OWN_KEYS = new Set(['defaults', 'groups', 'hosts']);

export interface InventoryOptions {
  /** The directory whose group_vars/ and host_vars/ apply (the inventory file's); none for standard input. */
  varsDir?: string;
}

/** The inventory's hosts and notes; `file` names it in messages. */
export function parseInventoryText(text: string, file: string, opts: InventoryOptions = {}): Result<Inventory> {
  const notes: string[] = [];
  const withFiles = (model: InventoryModel | ModelProblem): Result<Inventory> => {
    if ('message' in model || opts.varsDir === undefined) return fromModel(model, file, undefined, notes);
    const loaded = loadVarsFiles(opts.varsDir, model.groups.keys(), model.hosts.keys());
    if (!loaded.ok) return loaded;
    notes.push(...loaded.value.notes);
    return fromModel(model, file, loaded.value.files, notes);
  };
  let parsed: Result<Inventory>;
  const firstLine = text.split('\n').find((l) => l.trim() !== '' && !/^\s*[#;]/.test(l)) ?? '';
  // A YAML inventory is a mapping, so a first line that opens with "[" is an INI header, closed or not.
  if (/\.(ini|cfg)$|(^|\/)hosts$/.test(file) || firstLine.trim().startsWith('[')) {
    parsed = withFiles(readIni(text, file));
  } else {
    let doc: unknown;
    try {
      // `--list` output is JSON, and big: JSON.parse reads 100,000 hosts in well under a second, the YAML reader not.
      doc = jsonObject(text) ?? parseYaml(text, { logLevel: 'error' });
    } catch (e) {
      // The parser's message quotes the line; an inventory's lines may hold passwords.
      const at = e instanceof YAMLError && e.linePos ? `${file}:${e.linePos[0].line}` : file;
      return fail(new UserError(`not valid YAML${e instanceof YAMLError ? ` (${e.code})` : ''}`, at, FORMATS_HINT));
    }
    if (!isObject(doc)) return fail(new UserError(`the inventory is ${kindOf(doc)}, not a mapping of groups or hosts`, file, FORMATS_HINT));
    if (isListJson(doc, text)) {
      // `--list` output is Ansible's own resolution, group_vars/ and host_vars/ included: nothing is added to it.
      parsed = fromModel(fromListJson(doc, file), file, undefined, notes);
    } else if (!('all' in doc) && Object.keys(doc).every((k) => OWN_KEYS.has(k))) {
      const own = fromOwnYaml(doc, file);
      parsed = own.ok ? ok({ hosts: own.value, notes }) : own;
    } else {
      // Read again as Ansible reads YAML (1.1: yes/on are booleans; !vault values stay opaque).
      const ansible = loadAnsibleYaml(text);
      if ('error' in ansible) return fail(new UserError(ansible.error, ansible.line !== undefined ? `${file}:${ansible.line}` : file, FORMATS_HINT));
      const root = ansible.value;
      if (!isObject(root)) return fail(new UserError(`the inventory is ${kindOf(root)}, not a mapping of groups or hosts`, file, FORMATS_HINT));
      parsed = withFiles(fromAnsibleYaml(root, file));
    }
  }
  if (!parsed.ok) return parsed;
  if (parsed.value.hosts.length === 0) return fail(new UserError('the inventory names no hosts', file, 'See docs/fleet.md for the formats.'));
  return parsed;
}

/** The hosts of an inventory given as text, without group_vars/ or host_vars/ files. */
export function parseInventory(text: string, file: string): Result<InventoryHost[]> {
  const r = parseInventoryText(text, file);
  return r.ok ? ok(r.value.hosts) : r;
}

const INVENTORY_INPUT = { what: 'the inventory', maxBytes: 16 * MiB, hint: 'Pass an rsyncguard or Ansible inventory file, or `ansible-inventory --list` JSON on standard input with --inventory - (docs/fleet.md).' };
export const STDIN_INVENTORY = '(standard input)';

/**
 * `--inventory FILE`: the file, with the group_vars/ and host_vars/ beside it, as ansible-playbook -i FILE
 * reads them; `--inventory -`: standard input (typically `ansible-inventory -i SOURCE --list`), as it is.
 */
export async function readInventory(file: string): Promise<Result<Inventory>> {
  if (file === '-') {
    const text = await readStdin(INVENTORY_INPUT);
    return text.ok ? parseInventoryText(text.value.toString('utf8'), STDIN_INVENTORY) : text;
  }
  const text = readInputFile(file, INVENTORY_INPUT);
  return text.ok ? parseInventoryText(text.value.toString('utf8'), file, { varsDir: dirname(file) }) : text;
}
