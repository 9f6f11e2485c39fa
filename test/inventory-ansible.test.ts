/**
 * Ansible INI and YAML inventories read as Ansible reads them: each case goes through `ansible-inventory
 * --list` (ansible-core) and through rsyncguard's parser, and the hosts, their first group and their
 * connection variables must agree.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseInventory } from '../src/sources/index.ts';

const CASES: [string, string][] = [
  ['quoted.ini', '[web]\nhost1 ansible_password="hunter2 SECRET" ansible_port=22 ansible_user=\'deploy\'\nhost2 x="a # b" ansible_host=192.0.2.7 # a comment\n'],
  ['vars.ini', 'top1\n[web]\nw1\nw2 ansible_user=own\n[web:vars]\nansible_user = "deploy"\nansible_port=2222\n; comment\n# comment\n'],
  ['ranges.ini', '[web]\nweb[01:03].example ansible_port=22\nh[8:10]\nstep[0:6:3]\n[db]\ndb-[a:c]\nr[1:2]-[x:y]\n'],
  ['several.ini', '[web]\nh1 ansible_port=2222\nh2\n[db]\nh1\nh3\n[db:vars]\nansible_user=dbadmin\n[all:children]\nweb\ndb\n'],
  [
    'several.yml',
    'all:\n  hosts:\n    a1: { ansible_host: 192.0.2.1 }\n  children:\n    web:\n      vars: { ansible_user: deploy }\n      hosts:\n        w[1:2]:\n        a1:\n    db:\n      hosts:\n        w1:\n        d1: { ansible_port: 2200 }\n',
  ],
];

interface AnsibleList {
  _meta: { hostvars: Record<string, Record<string, unknown>> };
  [group: string]: { hosts?: string[]; children?: string[] } | AnsibleList['_meta'];
}

/** Ansible's view: host → [first group listing it (depth first from all), address, port, user]. */
function ansibleView(file: string): Map<string, [string, string, number | null, string | null]> {
  const run = spawnSync('ansible-inventory', ['-i', file, '--list'], { encoding: 'utf8', env: { ...process.env, ANSIBLE_INVENTORY_ENABLED: 'ini,yaml', ANSIBLE_LOCALHOST_WARNING: 'false' } });
  assert.is(run.status, 0, run.stderr);
  const list = JSON.parse(run.stdout) as AnsibleList;
  const groupOf = new Map<string, string>();
  const visit = (g: string) => {
    const node = list[g] as { hosts?: string[]; children?: string[] } | undefined;
    for (const h of node?.hosts ?? []) if (!groupOf.has(h)) groupOf.set(h, g === 'all' ? 'ungrouped' : g);
    for (const c of node?.children ?? []) visit(c);
  };
  visit('all');
  const view = new Map<string, [string, string, number | null, string | null]>();
  for (const [h, v] of Object.entries(list._meta.hostvars).concat([...groupOf.keys()].filter((h) => !(h in list._meta.hostvars)).map((h) => [h, {}]))) {
    view.set(h, [groupOf.get(h) ?? '?', String(v['ansible_host'] ?? h), typeof v['ansible_port'] === 'number' ? v['ansible_port'] : null, typeof v['ansible_user'] === 'string' ? v['ansible_user'] : null]);
  }
  return view;
}

const agree = suite('inventories read as ansible-inventory reads them');

for (const [name, text] of CASES) {
  agree(name, () => {
    const dir = mkdtempSync(join(tmpdir(), 'rg-inv-'));
    try {
      const file = join(dir, name);
      writeFileSync(file, text);
      const ours = parseInventory(text, file);
      assert.ok(ours.ok, ours.ok ? '' : ours.error.message);
      if (!ours.ok) return;
      const mine = new Map(ours.value.map((h) => [h.name, [h.group, h.address, h.port, h.user]]));
      assert.equal(Object.fromEntries(mine), Object.fromEntries(ansibleView(file)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

agree.run();
