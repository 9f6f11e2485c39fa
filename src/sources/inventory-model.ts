/**
 * An Ansible inventory as Ansible's InventoryData holds it, whichever format it came from (INI, YAML, the
 * `ansible-inventory --list` JSON): groups with their hosts, children and variables, hosts with their own
 * variables. `resolve` merges a host's variables as Ansible's VariableManager does, so that rsyncguard
 * connects where ansible-playbook connects:
 *   the `all` group's variables < every other group of the host, ancestors included, sorted by
 *   (depth, ansible_group_priority, name) < group_vars/all < group_vars/<group> in that order < the host's
 *   inventory variables < host_vars/<host>.
 * A deeper (child) group beats its parent; two groups at one depth and priority are ranked by name, the
 * later name winning — Ansible's rule, surprising as it is, followed rather than second-guessed.
 */
import type { JsonObject } from '../common/index.ts';
import { shown } from './inventory-words.ts';

export interface ModelGroup {
  name: string;
  /** Hosts listed in the group itself. */
  hosts: string[];
  children: string[];
  vars: JsonObject;
  priority: number;
}

/** One listing of a host: a host may be listed in several groups. */
export interface Occurrence {
  name: string;
  group: string;
  /** Where it is listed: `file:line`, or the file. */
  where: string;
  /** How a message names the place: `line 3 (group "web")`, `group "web"`. */
  place: string;
}

export interface ModelProblem {
  message: string;
  where: string;
  hint: string;
}

/** Variables read from group_vars/ and host_vars/ beside the inventory, by group or host name. */
export interface VarsFiles {
  group(name: string): JsonObject | undefined;
  host(name: string): JsonObject | undefined;
}

const isMapping = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Ansible's combine_vars in its default "replace" mode: the later mapping's keys win, whole values. */
function setVar(vars: JsonObject, key: string, value: unknown): void {
  // Group.set_variable and Host.set_variable merge a mapping given twice (one level), and replace anything else.
  const before = vars[key];
  vars[key] = isMapping(before) && isMapping(value) ? { ...before, ...value } : value;
}

export class InventoryModel {
  readonly groups = new Map<string, ModelGroup>();
  /** "group\0host" for each listing already in a group's hosts: a lookup, not a scan, at 100,000 hosts. */
  private readonly listed = new Set<string>();
  readonly hosts = new Map<string, { vars: JsonObject }>();
  readonly occurrences: Occurrence[] = [];

  constructor() {
    this.group('all');
    this.group('ungrouped');
    this.child('all', 'ungrouped');
  }

  group(name: string): ModelGroup {
    let g = this.groups.get(name);
    if (g === undefined) {
      g = { name, hosts: [], children: [], vars: {}, priority: 1 };
      this.groups.set(name, g);
    }
    return g;
  }

  /** A host listed in a group (which is created when new). */
  host(name: string, group: string, where: string, place: string): { vars: JsonObject } {
    let h = this.hosts.get(name);
    if (h === undefined) {
      h = { vars: {} };
      this.hosts.set(name, h);
    }
    const g = this.group(group);
    const key = `${group}\0${name}`;
    if (!this.listed.has(key)) {
      this.listed.add(key);
      g.hosts.push(name);
    }
    this.occurrences.push({ name, group, where, place });
    return h;
  }

  hostVar(name: string, key: string, value: unknown): void {
    const h = this.hosts.get(name);
    if (h !== undefined) setVar(h.vars, key, value);
  }

  /** `ansible_group_priority` is the group's rank among its peers, not a variable (Group.set_variable). */
  groupVar(group: string, key: string, value: unknown): string | undefined {
    const g = this.group(group);
    if (key !== 'ansible_group_priority') {
      setVar(g.vars, key, value);
      return undefined;
    }
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(n)) return `group ${shown(group)} has an ansible_group_priority that is not a whole number`;
    g.priority = n;
    return undefined;
  }

  child(parent: string, child: string): void {
    const p = this.group(parent);
    this.group(child);
    if (!p.children.includes(child)) p.children.push(child);
  }
}

export interface ResolvedHost {
  name: string;
  /**
   * The group reports use: the first by name of the host's groups, ancestors included (Ansible's sorted
   * `group_names`, as the role takes it); "ungrouped" only when no other group has the host.
   */
  group: string;
  /** Every group the host is in, ancestors included, `all` and "ungrouped" left out. */
  groups: string[];
  vars: JsonObject;
  where: string;
}

/**
 * Each host's merged variables, in the order hosts were first listed; a problem for a loop of children
 * (Ansible refuses one too).
 */
export function resolve(model: InventoryModel, where: string, files?: VarsFiles): ResolvedHost[] | ModelProblem {
  const parents = new Map<string, string[]>();
  for (const g of model.groups.values()) for (const c of g.children) parents.set(c, [...(parents.get(c) ?? []), g.name]);
  // Reconcile as InventoryData.reconcile_inventory does: a group with no parent is a child of `all`.
  for (const name of model.groups.keys()) if (name !== 'all' && (parents.get(name) ?? []).length === 0) parents.set(name, ['all']);
  const depth = new Map<string, number>([['all', 0]]);
  const visiting = new Set<string>();
  const depthOf = (name: string): number | ModelProblem => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return { message: `group ${shown(name)} is its own ancestor through [..:children]`, where, hint: 'Ansible refuses a loop of children groups too: remove one of the links.' };
    visiting.add(name);
    let d = 0;
    for (const p of parents.get(name) ?? []) {
      const pd = depthOf(p);
      if (typeof pd !== 'number') return pd;
      d = Math.max(d, pd + 1);
    }
    visiting.delete(name);
    depth.set(name, d);
    return d;
  };
  for (const name of model.groups.keys()) {
    const d = depthOf(name);
    if (typeof d !== 'number') return d;
  }
  const ancestors = (name: string, into: Set<string>): void => {
    for (const p of parents.get(name) ?? []) {
      if (into.has(p)) continue;
      into.add(p);
      ancestors(p, into);
    }
  };
  const direct = new Map<string, string[]>();
  for (const g of model.groups.values()) for (const h of g.hosts) direct.set(h, [...(direct.get(h) ?? []), g.name]);
  const rank = (a: ModelGroup, b: ModelGroup): number => (depth.get(a.name) ?? 0) - (depth.get(b.name) ?? 0) || a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const firstListing = new Map<string, Occurrence>();
  for (const listed of model.occurrences) {
    // A host listed under `all` itself is one no group names: "ungrouped", as Ansible files it.
    const o = listed.group === 'all' ? { ...listed, group: 'ungrouped' } : listed;
    const seen = firstListing.get(o.name);
    if (seen === undefined || (seen.group === 'ungrouped' && o.group !== 'ungrouped')) firstListing.set(o.name, o);
  }
  const out: ResolvedHost[] = [];
  const allVars = model.groups.get('all')?.vars ?? {};
  for (const [name, h] of model.hosts) {
    const mine = new Set<string>();
    for (const g of direct.get(name) ?? []) {
      mine.add(g);
      ancestors(g, mine);
    }
    mine.delete('all');
    // A host that some group lists is not "ungrouped" for being listed at the top as well.
    if ([...mine].some((g) => g !== 'ungrouped')) mine.delete('ungrouped');
    else mine.add('ungrouped');
    const sorted = [...mine].flatMap((g) => model.groups.get(g) ?? []).sort(rank);
    const vars: JsonObject = { ...allVars };
    for (const g of sorted) Object.assign(vars, g.vars);
    if (files !== undefined) {
      Object.assign(vars, files.group('all') ?? {});
      for (const g of sorted) Object.assign(vars, files.group(g.name) ?? {});
    }
    Object.assign(vars, h.vars);
    if (files !== undefined) Object.assign(vars, files.host(name) ?? {});
    const first = firstListing.get(name);
    // Ansible's group_names, sorted, first: what the role (record.py) reports under, whichever format, and
    // whatever order the groups were listed in (`ansible-inventory --list` sorts them).
    const group = [...mine].sort()[0] ?? 'ungrouped';
    out.push({ name, group, groups: sorted.map((g) => g.name).filter((g) => g !== 'ungrouped'), vars, where: first?.where ?? where });
  }
  return out;
}
