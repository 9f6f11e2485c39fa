/**
 * Ansible's INI inventory, read as its ini plugin (ansible/plugins/inventory/ini.py) reads it, into the
 * shared InventoryModel: `[group]`, `[group:vars]` and `[group:children]` sections, where the section decides
 * how a line is read. A host line is split like a shell line (shlex: "…" and '…' quoting, a backslash
 * escape, `#` starts a comment), its first word a host pattern (`web[01:03]`, `db-[a:c]`, `host:2222`), the
 * rest `key=value`; a `[group:vars]` line is `key = the rest of the line`, spaces and all. Every value then
 * goes through Python's literal_eval as in Ansible (inventory-literal.ts). A group named in `[x:children]` or
 * given `[x:vars]` must be declared somewhere in the file, before or after. Errors name the line and the
 * key, never a value: inventories carry passwords (ansible_password, ansible_become_pass).
 */
import { iniValue } from './inventory-literal.ts';
import { InventoryModel, type ModelProblem } from './inventory-model.ts';
import { expandHostPattern, shellWords, shown, splitPort } from './inventory-words.ts';

const INI_HINT = 'Write host lines as `name key=value …` (quote a value with spaces: key="a b"), and [group], [group:vars] or [group:children] headers (docs/fleet.md).';
const HEADER = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$/;
const GROUP_NAME = /^([^:\]\s]+)\s*(?:#.*)?$/;

/** The INI inventory as a model, or the first problem (with its line). */
export function readIni(text: string, file: string): InventoryModel | ModelProblem {
  const model = new InventoryModel();
  const declared = new Set<string>(['all', 'ungrouped']);
  /** Groups used before (or without) a declaration: [x:vars], or a child in [p:children]. */
  const pending = new Map<string, { line: number; state: 'vars' | 'children'; parents: string[] }>();
  let group = 'ungrouped';
  let state = 'hosts';
  for (const [i, raw] of text.split('\n').entries()) {
    const n = i + 1;
    const where = `${file}:${n}`;
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const h = HEADER.exec(line);
      if (!h) return { message: 'not a section header: a header is [name], [name:vars] or [name:children], with no spaces, and closed by "]"', where, hint: INI_HINT };
      group = h[1] as string;
      state = h[2] ?? 'hosts';
      if (!['vars', 'children', 'hosts'].includes(state)) return { message: 'a section header names a kind other than vars, children or hosts', where, hint: INI_HINT };
      model.group(group);
      if (state === 'vars') {
        if (!declared.has(group) && !pending.has(group)) pending.set(group, { line: n, state: 'vars', parents: [] });
        continue;
      }
      declared.add(group);
      const waiting = pending.get(group);
      if (waiting !== undefined) {
        for (const p of waiting.parents) model.child(p, group);
        pending.delete(group);
      }
      continue;
    }
    if (state === 'children') {
      const child = GROUP_NAME.exec(line)?.[1];
      if (child === undefined) return { message: `a [${group}:children] line is not a group name`, where, hint: INI_HINT };
      if (declared.has(child)) {
        model.child(group, child);
      } else {
        const p = pending.get(child);
        if (p === undefined || p.state === 'vars') pending.set(child, { line: n, state: 'children', parents: [...(p?.parents ?? []), group] });
        else p.parents.push(group);
      }
      continue;
    }
    if (state === 'vars') {
      const eq = line.indexOf('=');
      if (eq < 0) return { message: `a [${group}:vars] line is not key=value`, where, hint: INI_HINT };
      const key = line.slice(0, eq).trim();
      if (key === '') return { message: `a [${group}:vars] line has no variable name before "="`, where, hint: INI_HINT };
      const bad = model.groupVar(group, key, iniValue(line.slice(eq + 1).trim()));
      if (bad !== undefined) return { message: bad, where, hint: 'ansible_group_priority ranks a group among groups at the same depth: a whole number.' };
      continue;
    }
    const words = shellWords(line);
    if (words === null) return { message: 'a quotation on this line is not closed', where, hint: INI_HINT };
    const [first, ...pairs] = words;
    if (first === undefined) continue;
    const vars: [string, unknown][] = [];
    for (const [k, p] of pairs.entries()) {
      const eq = p.indexOf('=');
      if (eq < 0) return { message: `word ${k + 2} of this host line is not key=value`, where, hint: INI_HINT };
      if (eq === 0) return { message: `word ${k + 2} of this host line has no variable name before "="`, where, hint: INI_HINT };
      vars.push([p.slice(0, eq), iniValue(p.slice(eq + 1))]);
    }
    const { pattern, port } = splitPort(first);
    if (pattern.endsWith(':') && port === null) return { message: 'the host pattern ends in ":", which is kept for a port', where, hint: 'Write host:port with the port number, or leave the colon out.' };
    const names = expandHostPattern(pattern);
    if (!Array.isArray(names)) return { message: `the host pattern ${names.error}`, where, hint: names.hint };
    for (const name of names) {
      model.host(name, group, where, `line ${n} (group ${shown(group)})`);
      // Ansible's add_host(host, group, port) sets the port before the line's own variables.
      if (port !== null) model.hostVar(name, 'ansible_port', port);
      for (const [k, v] of vars) model.hostVar(name, k, v);
    }
  }
  for (const [name, p] of pending) {
    if (p.state === 'vars')
      return { message: `[${name}:vars] is given for a group that no section declares`, where: `${file}:${p.line}`, hint: `Declare the group with a [${name}] or [${name}:children] section (Ansible refuses this inventory too).` };
    return { message: `[${p.parents.at(-1) ?? ''}:children] names the group ${shown(name)}, which no section declares`, where: `${file}:${p.line}`, hint: `Add a [${name}] section (it may be empty), as Ansible requires.` };
  }
  return model;
}
