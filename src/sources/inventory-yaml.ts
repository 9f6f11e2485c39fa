/**
 * Ansible's YAML inventory (plugins/inventory/yaml.py) and the JSON that `ansible-inventory --list` and
 * dynamic inventory scripts print (plugins/inventory/script.py), into the shared InventoryModel.
 * YAML: every top-level key is a group, `{hosts: {pattern: vars}, vars: {…}, children: {group: {…}}}`; a
 * section given as a bare string is one name. JSON: `{"_meta": {"hostvars": {host: vars}}, group: {"hosts":
 * [names], "vars": {…}, "children": [names]}}`, a group may also be a bare list of hosts. `--list` output has
 * every group's variables already merged into `_meta.hostvars` (`--export` keeps them in the groups); either
 * way the model merges them as Ansible does, so both give the hosts the same settings.
 */
import type { JsonObject } from '../common/index.ts';
import { InventoryModel, type ModelProblem } from './inventory-model.ts';
import { expandHostPattern, shown, splitPort } from './inventory-words.ts';

const SHAPE_HINT = 'See docs/fleet.md for the inventory formats: groups, hosts and vars are mappings (name: {…}), not lists.';
const LIST_HINT = 'Give the output of `ansible-inventory -i SOURCE --list` as it is: groups with "hosts" and "children" lists and "vars" mappings, and "_meta": {"hostvars": {…}}.';

const isMapping = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const kindOf = (v: unknown) => (Array.isArray(v) ? 'a list' : v === null ? 'empty' : typeof v === 'object' ? 'a mapping' : `a ${typeof v}`);

/**
 * Whether a parsed document is the `--list` JSON (or a script's) rather than a YAML inventory: it has
 * `_meta` (`--list` always prints it), or it is JSON whose groups list their hosts.
 */
export function isListJson(doc: JsonObject, text: string): boolean {
  if ('_meta' in doc) return true;
  if (!text.trimStart().startsWith('{')) return false;
  return Object.values(doc).some((g) => Array.isArray(g) || (isMapping(g) && (Array.isArray(g['hosts']) || Array.isArray(g['children']))));
}

export function fromAnsibleYaml(doc: JsonObject, file: string): InventoryModel | ModelProblem {
  const model = new InventoryModel();
  const problem = (message: string, hint = SHAPE_HINT): ModelProblem => ({ message, where: file, hint });
  const onPath = new Set<unknown>();
  const walk = (group: string, data: unknown): ModelProblem | undefined => {
    // The plugin skips (with a warning) a group that is neither a mapping nor empty; rsyncguard says so instead.
    if (data !== null && data !== undefined && !isMapping(data)) return problem(`group ${shown(group)} is ${kindOf(data)}, not a mapping`);
    model.group(group);
    if (data === null || data === undefined || onPath.has(data)) return undefined;
    onPath.add(data);
    for (const [key, raw] of Object.entries(data)) {
      const section = typeof raw === 'string' ? { [raw]: null } : raw;
      if (!['hosts', 'vars', 'children'].includes(key)) continue;
      if (section === null || section === undefined) continue;
      if (!isMapping(section)) return problem(`the ${key} of group ${shown(group)} is ${kindOf(section)}, not a mapping`);
      if (key === 'vars') {
        for (const [k, v] of Object.entries(section)) {
          const bad = model.groupVar(group, k, v);
          if (bad !== undefined) return problem(bad, 'ansible_group_priority ranks a group among groups at the same depth: a whole number.');
        }
      } else if (key === 'children') {
        for (const [child, cv] of Object.entries(section)) {
          const err = walk(child, cv);
          if (err) return err;
          model.child(group, child);
        }
      } else {
        for (const [pattern, own] of Object.entries(section)) {
          const { pattern: p, port } = splitPort(pattern);
          const names = expandHostPattern(p);
          if (!Array.isArray(names)) return problem(`in group ${shown(group)}, the host pattern ${shown(pattern)} ${names.error}`, names.hint);
          if (own !== null && own !== undefined && !isMapping(own)) return problem(`the variables of host ${shown(pattern)} in group ${shown(group)} is ${kindOf(own)}, not a mapping`);
          for (const name of names) {
            model.host(name, group, file, `group ${shown(group)}`);
            if (port !== null) model.hostVar(name, 'ansible_port', port);
            for (const [k, v] of Object.entries(own ?? {})) model.hostVar(name, k, v);
          }
        }
      }
    }
    onPath.delete(data);
    return undefined;
  };
  for (const [group, data] of Object.entries(doc)) {
    const err = walk(group, data);
    if (err) return err;
  }
  return model;
}

export function fromListJson(doc: JsonObject, file: string): InventoryModel | ModelProblem {
  const model = new InventoryModel();
  const problem = (message: string): ModelProblem => ({ message, where: file, hint: LIST_HINT });
  const meta = doc['_meta'];
  if (meta !== undefined && !isMapping(meta)) return problem(`"_meta" is ${kindOf(meta)}, not a mapping`);
  const hostvars = meta?.['hostvars'] ?? {};
  if (!isMapping(hostvars)) return problem(`"_meta.hostvars" is ${kindOf(hostvars)}, not a mapping`);
  const listed = new Set<string>();
  for (const [group, raw] of Object.entries(doc)) {
    if (group === '_meta') continue;
    // script.py: a list is the group's hosts; a mapping without hosts/vars/children is one host's variables.
    const data: JsonObject = !isMapping(raw) ? { hosts: raw } : ['hosts', 'vars', 'children'].some((k) => k in raw) ? raw : { hosts: [group], vars: raw };
    model.group(group);
    const hosts = data['hosts'] ?? [];
    if (!Array.isArray(hosts) || !hosts.every((h) => typeof h === 'string' && h !== '')) return problem(`the hosts of group ${shown(group)} are not a list of host names`);
    for (const h of hosts as string[]) {
      model.host(h, group, file, `group ${shown(group)}`);
      listed.add(h);
    }
    const vars = data['vars'] ?? {};
    if (!isMapping(vars)) return problem(`the vars of group ${shown(group)} are ${kindOf(vars)}, not a mapping`);
    for (const [k, v] of Object.entries(vars)) {
      const bad = model.groupVar(group, k, v);
      if (bad !== undefined) return problem(bad);
    }
    const children = data['children'] ?? [];
    if (!Array.isArray(children) || !children.every((c) => typeof c === 'string' && c !== '')) return problem(`the children of group ${shown(group)} are not a list of group names`);
    for (const c of children as string[]) model.child(group, c);
  }
  for (const h of listed) {
    const own = hostvars[h] ?? {};
    if (!isMapping(own)) return problem(`the hostvars of ${shown(h)} are ${kindOf(own)}, not a mapping`);
    for (const [k, v] of Object.entries(own)) model.hostVar(h, k, v);
  }
  return model;
}
