/**
 * A host's merged Ansible variables → how rsyncguard's ssh reaches it, with Ansible's names and precedence
 * (constants.MAGIC_VARIABLE_MAPPING: the ansible_ssh_* spelling wins over the short one):
 *   ansible_ssh_host / ansible_host → address      ansible_ssh_port / ansible_port → port
 *   ansible_ssh_user / ansible_user → user         ansible_ssh_private_key_file / ansible_private_key_file → identityFile
 *   ansible_ssh_args, ansible_ssh_common_args, ansible_ssh_extra_args → sshArgs (inventory-ssh-args.ts)
 *   ansible_become (Ansible's boolean: yes/on/1/true…) → sudo; with it, ansible_become_user → becomeUser
 * Only ansible_* variables count here: `user` or `port` in group_vars are an application's, not ssh's.
 * Every value that reaches ssh is checked; a value that cannot be used (a Jinja template, a vaulted value,
 * a become method other than sudo) is refused by name, never shown: inventories hold passwords.
 */
import type { JsonObject } from '../common/index.ts';
import { checkSshArgs, shlexSplit } from './inventory-ssh-args.ts';
import { shown } from './inventory-words.ts';
import { Vaulted } from './inventory-yaml-load.ts';

export interface Connection {
  address: string;
  port: number | null;
  user: string | null;
  sudo: boolean;
  identityFile?: string;
  sshArgs?: string[];
  becomeUser?: string;
}

export interface ConnectionProblem {
  message: string;
  hint: string;
}

// `ansible-inventory --list` prints templates as they are written and vaulted values still encrypted, so
// piping it in is no way out: only Ansible itself, connecting, renders them.
const TEMPLATE_HINT =
  'rsyncguard does not render Jinja templates, and neither does `ansible-inventory --list` (it prints them unrendered): give the connection variable as plain text, or collect with the Ansible role rsyncguard.audit.sweep (docs/ansible.md), which connects as Ansible does.';
const VAULT_HINT =
  'rsyncguard has no vault password (and `ansible-inventory --list` prints vaulted values still encrypted): give the connection variable as plain text, or collect with the Ansible role rsyncguard.audit.sweep (docs/ansible.md), which decrypts it as Ansible does.';
/**
 * Ansible's password variables (ssh connection plugin, sudo become plugin). sweep never reads their values:
 * BatchMode means ssh logs in with keys only and `sudo -n` never asks, so a host that relies on one fails
 * as auth-failed or with sudo's "a password is required" — a note says why beforehand.
 */
const PASSWORD_VARS = ['ansible_password', 'ansible_ssh_pass', 'ansible_ssh_password', 'ansible_become_password', 'ansible_become_pass', 'ansible_sudo_pass', 'ansible_sudo_password'];
const SSH_ARGS_HINT = 'ansible_ssh_*_args may say how ssh reaches and authenticates the host (-o ProxyCommand=…, -o ProxyJump=…, -i, -J, -F, ciphers); see docs/fleet.md for what sweep refuses or leaves out and why.';
/** The name given to `sudo -u`, in the remote command: a user name and nothing a shell would read. */
const BECOME_USER = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const CONTROLS = /[\u0000-\u001f\u007f]/;

/** The first variable of `names` that the host has (a null counts as unset, as in Ansible's lookup). */
function pick(vars: JsonObject, names: string[]): { name: string; value: unknown } | undefined {
  for (const name of names) if (vars[name] !== undefined && vars[name] !== null) return { name, value: vars[name] };
  return undefined;
}

/** Ansible's boolean() in its non-strict form. */
export function ansibleBoolean(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1;
  return typeof v === 'string' && ['y', 'yes', 'on', '1', 'true', 't', '1.0'].includes(v.trim().toLowerCase());
}

/** A value given as text (or a number, for a port): a template or a vaulted value is a problem naming the variable. */
function text(host: string, found: { name: string; value: unknown } | undefined): string | undefined | ConnectionProblem {
  if (found === undefined) return undefined;
  const { name, value } = found;
  if (isVaulted(value)) return { message: `host ${shown(host)} has ${name} encrypted with ansible-vault`, hint: VAULT_HINT };
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return { message: `host ${shown(host)} has ${name} that is not text`, hint: 'Give it as a string.' };
  if (value.includes('{{') || value.includes('{%')) return { message: `host ${shown(host)} has ${name} given as a Jinja template`, hint: TEMPLATE_HINT };
  if (CONTROLS.test(value)) return { message: `host ${shown(host)} has ${name} with a control character in it`, hint: 'Give it on one line, without control characters.' };
  return value;
}

/** `!vault` in YAML, or `{"__ansible_vault": "$ANSIBLE_VAULT;…"}` as `ansible-inventory --list` prints one in JSON. */
const isVaulted = (v: unknown): boolean => v instanceof Vaulted || (typeof v === 'object' && v !== null && !Array.isArray(v) && '__ansible_vault' in v);

const isProblem = (v: unknown): v is ConnectionProblem => typeof v === 'object' && v !== null && 'message' in v;

/**
 * The connection, and notes (each completed by the caller with " for host …"): options left out or kept
 * with a consequence, password variables not used; or what makes the host unusable.
 */
export function ansibleConnection(name: string, vars: JsonObject): { connection: Connection; notes: string[] } | ConnectionProblem {
  const address = text(name, pick(vars, ['ansible_ssh_host', 'ansible_host']));
  const port = text(name, pick(vars, ['ansible_ssh_port', 'ansible_port']));
  const user = text(name, pick(vars, ['ansible_ssh_user', 'ansible_user']));
  const key = text(name, pick(vars, ['ansible_ssh_private_key_file', 'ansible_private_key_file']));
  for (const v of [address, port, user, key]) if (isProblem(v)) return v;
  const c: Connection = {
    address: (address as string | undefined) ?? name,
    port: port === undefined ? null : Number.NaN,
    user: (user as string | undefined) ?? null,
    sudo: ansibleBoolean(vars['ansible_become']),
  };
  if (typeof port === 'string') {
    // A port is shown only when it is digits: anything else in its place may be some other value (a password).
    const digits = /^\s*\d{1,12}\s*$/.test(port);
    if (!digits || Number(port) < 1 || Number(port) > 65535) return { message: `host ${shown(name)} has port ${digits ? port.trim() : 'that is not a number'}`, hint: 'A port is a number from 1 to 65535.' };
    c.port = Number(port);
  }
  if (typeof key === 'string') {
    if (key.trim() === '') return { message: `host ${shown(name)} has an empty ansible_ssh_private_key_file`, hint: 'Give the path of the private key file, or leave the variable out.' };
    c.identityFile = key;
  }
  const notes: string[] = [];
  const words: string[] = [];
  for (const n of ['ansible_ssh_args', 'ansible_ssh_common_args', 'ansible_ssh_extra_args']) {
    const v = text(name, pick(vars, [n]));
    if (isProblem(v)) return v;
    if (v === undefined) continue;
    const split = shlexSplit(v);
    if (split === null) return { message: `host ${shown(name)} has ${n} with a quotation that is not closed`, hint: SSH_ARGS_HINT };
    const checked = checkSshArgs(split);
    if ('error' in checked) return { message: `host ${shown(name)}: ${n} ${checked.error}`, hint: SSH_ARGS_HINT };
    words.push(...checked.args);
    notes.push(...checked.dropped.map((d) => `${n}: ${d}: left out`), ...checked.kept.map((d) => `${n}: ${d}: kept`));
  }
  const passwords = PASSWORD_VARS.filter((v) => vars[v] !== undefined && vars[v] !== null);
  if (passwords.length > 0)
    notes.push(
      `${passwords.join(', ')} not used (sweep logs in with keys only, BatchMode, and runs \`sudo -n\`: it never reads a password; give the audit user key authentication and passwordless sudo for the collector, or collect with the Ansible role rsyncguard.audit.sweep, docs/ansible.md)`,
    );
  if (words.length > 0) c.sshArgs = words;
  if (c.sudo) {
    const method = text(name, pick(vars, ['ansible_become_method']));
    if (isProblem(method)) return method;
    if (method !== undefined && method !== 'sudo')
      return {
        message: `host ${shown(name)} becomes root with ansible_become_method other than sudo`,
        hint: 'sweep becomes root with `sudo -n` only: allow the audit user passwordless sudo for the collector, or collect with Ansible (docs/ansible.md).',
      };
    const as = text(name, pick(vars, ['ansible_become_user']));
    if (isProblem(as)) return as;
    if (as !== undefined && as !== 'root') {
      if (!BECOME_USER.test(as)) return { message: `host ${shown(name)} has an ansible_become_user that is not a user name`, hint: 'A user name: letters, digits, "_", "." and "-", not starting with "-" or ".".' };
      c.becomeUser = as;
    }
  }
  return { connection: c, notes };
}
