/**
 * Ansible inventories read as Ansible reads them: each case (an inventory, with group_vars/ and host_vars/
 * beside it where given) goes through the real `ansible-inventory -i FILE --list` (ansible-core) and through
 * rsyncguard, and every host's merged variables, its group and its connection must agree. Then Ansible's
 * own `--list` JSON goes back into rsyncguard (as `--inventory -` would) and must give the same hosts, and
 * `sweep --inventory -` reads it from standard input.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseInventoryText, readInventory } from '../src/sources/index.ts';

/** An inventory: its file name first, then any files beside it (group_vars/…, host_vars/…). */
type Case = [string, Record<string, string>];

const CASES: Case[] = [
  ['quoted.ini', { 'quoted.ini': '[web]\nhost1 ansible_password="hunter2 SECRET" ansible_port=22 ansible_user=\'deploy\'\nhost2 x="a # b" ansible_host=192.0.2.7 # a comment\n' }],
  ['vars.ini', { 'vars.ini': 'top1\n[web]\nw1\nw2 ansible_user=own\n[web:vars]\nansible_user = "deploy"\nansible_port=2222\n; comment\n# comment\n' }],
  ['ranges.ini', { 'ranges.ini': '[web]\nweb[01:03].example ansible_port=22\nh[8:10]\nstep[0:6:3]\n[db]\ndb-[a:c]\nr[1:2]-[x:y]\n' }],
  ['several.ini', { 'several.ini': '[web]\nh1 ansible_port=2222\nh2\n[db]\nh1\nh3\n[db:vars]\nansible_user=dbadmin\n[all:children]\nweb\ndb\n' }],
  [
    'several.yml',
    {
      'several.yml':
        'all:\n  hosts:\n    a1: { ansible_host: 192.0.2.1 }\n  children:\n    web:\n      vars: { ansible_user: deploy }\n      hosts:\n        w[1:2]:\n        a1:\n    db:\n      hosts:\n        w1:\n        d1: { ansible_port: 2200 }\n',
    },
  ],
  // Issue 21 §2, §3 and §4 as reported: a key file, values with spaces, variables through [group:children].
  [
    'issue21.ini',
    {
      'issue21.ini':
        '[web]\nh1\nh2 ansible_ssh_common_args="-o A=b -o C=d"\n[prod:children]\nweb\n[prod:vars]\nansible_port=23001\n[all:vars]\nansible_ssh_common_args=-o StrictHostKeyChecking=no -o ConnectTimeout=5\nansible_ssh_private_key_file=/keys/fleet\n',
    },
  ],
  // Python literals as Ansible's literal_eval reads them, and a child group declared after its parent.
  [
    'literals.ini',
    {
      'literals.ini':
        '[late:children]\nweb\n[web]\nw1 a=07 b=0x1F c=1_000 d=True e="x" f=[1,\'two\'] g=yes h=None i=1.5 j=-3\n[late:vars]\nk = {"n": (1, 2)} # a comment\nl = \'quoted\' "joined"\nm = -o ProxyCommand="ssh -W %h:%p bastion" # kept, comment and all\n',
    },
  ],
  // Precedence across the inventory, group_vars/ (files and directories) and host_vars/.
  [
    'hosts.ini',
    {
      'hosts.ini':
        '[web]\nw1 ansible_user=hostline\nw2\n[db]\nd1\nw2\n[prod:children]\nweb\ndb\n[prod:vars]\nansible_port=2201\ntier=prod\n[web:vars]\nansible_port=2202\n[db:vars]\nansible_port=2203\nansible_group_priority=10\n[all:vars]\nansible_user=inifile_all\n',
      'group_vars/all.yml': 'ansible_user: gv_all\nansible_become: yes\n',
      'group_vars/web/10-conn.yml': 'ansible_ssh_common_args: "-o ConnectTimeout=7"\ntier: web\n',
      'group_vars/web/20-more.yaml': 'ansible_port: 2300\nnested: { a: 1 }\n',
      'group_vars/web/notes.txt': 'ansible_port: 9999\n',
      'group_vars/web/.hidden.yml': 'ansible_port: 9998\n',
      'group_vars/db.json': '{"ansible_become_user": "postgres", "tier": "db"}\n',
      'group_vars/prod': 'ansible_ssh_extra_args: -4\n',
      'host_vars/w1.yml': 'ansible_host: 192.0.2.10\n',
      'host_vars/d1/main.yml': 'ansible_private_key_file: /keys/d1\n',
      'host_vars/d1/zz.yml': 'ansible_port: 2400\n',
    },
  ],
  // A host listed in several groups, and groups with parents: reported under the first of its sorted
  // group_names (ancestors included), whatever the listing order, as the role and `--list` give it.
  ['groups.ini', { 'groups.ini': '[web]\nh1\nw1\n[db]\nh1\nh2\n[prod:children]\ndb\n[aaa:children]\nweb\n' }],
  // YAML: depth, then ansible_group_priority, then name; host:port; YAML 1.1 booleans as PyYAML reads them.
  [
    'prio.yml',
    {
      'prio.yml':
        'all:\n  vars: { ansible_user: root_all, flag: yes }\n  children:\n    prod:\n      vars: { ansible_port: 2201 }\n      children:\n        web:\n          vars: { ansible_become: on }\n          hosts:\n            w1:\n            w2:2222:\n    lab:\n      vars: { ansible_port: 2299, ansible_group_priority: 5 }\n      hosts:\n        w1:\n    alpha:\n      vars: { ansible_port: 2288 }\n      hosts:\n        w2:\n',
      'group_vars/lab.yml': 'ansible_user: labuser\n',
    },
  ],
];

interface AnsibleList {
  _meta: { hostvars: Record<string, Record<string, unknown>> };
  [group: string]: { hosts?: string[]; children?: string[] } | AnsibleList['_meta'];
}

function ansibleInventory(file: string, ...extra: string[]): { list: AnsibleList; stdout: string } {
  const run = spawnSync('ansible-inventory', ['-i', file, '--list', ...extra], {
    encoding: 'utf8',
    env: { ...process.env, ANSIBLE_INVENTORY_ENABLED: 'ini,yaml', ANSIBLE_LOCALHOST_WARNING: 'false', ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true' },
  });
  assert.is(run.status, 0, run.stderr);
  return { list: JSON.parse(run.stdout) as AnsibleList, stdout: run.stdout };
}

/** Every host Ansible knows, with its variables (JSON-normalised as Ansible prints them). */
function ansibleHostVars(list: AnsibleList): Record<string, unknown> {
  const hosts = new Set<string>();
  for (const [g, node] of Object.entries(list)) if (g !== '_meta') for (const h of (node as { hosts?: string[] }).hosts ?? []) hosts.add(h);
  return Object.fromEntries([...hosts].map((h) => [h, list._meta.hostvars[h] ?? {}]));
}

/** Ansible's groups of a host (ancestors included), to check the group rsyncguard reports under is one of them. */
function groupsOf(list: AnsibleList, host: string): Set<string> {
  const parents = new Map<string, string[]>();
  for (const [g, node] of Object.entries(list)) if (g !== '_meta') for (const c of (node as { children?: string[] }).children ?? []) parents.set(c, [...(parents.get(c) ?? []), g]);
  const out = new Set<string>();
  const up = (g: string) => {
    if (out.has(g)) return;
    out.add(g);
    for (const p of parents.get(g) ?? []) up(p);
  };
  for (const [g, node] of Object.entries(list)) if (g !== '_meta' && ((node as { hosts?: string[] }).hosts ?? []).includes(host)) up(g);
  return out;
}

async function withCase([name, files]: Case, body: (file: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rg-inv-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    await body(join(dir, name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const agree = suite('inventories read as ansible-inventory reads them');

for (const c of CASES) {
  agree(c[0], async () => {
    await withCase(c, async (file) => {
      const ours = await readInventory(file);
      assert.ok(ours.ok, ours.ok ? '' : `${ours.error.message} at ${ours.error.where}`);
      if (!ours.ok) return;
      const { list, stdout } = ansibleInventory(file);
      const theirs = ansibleHostVars(list);
      // Every variable of every host, as Ansible merged it: the precedence, the literals, the files.
      assert.equal(JSON.parse(JSON.stringify(Object.fromEntries(ours.value.vars ?? []))), theirs);
      for (const h of ours.value.hosts) {
        const vars = theirs[h.name] as Record<string, unknown>;
        const groups = groupsOf(list, h.name);
        // Ansible's group_names, sorted (the role reports under its first): `all` left out.
        assert.is(h.group, [...groups].filter((g) => g !== 'all').sort()[0], `${h.name}: group`);
        assert.is(h.address, String(vars['ansible_ssh_host'] ?? vars['ansible_host'] ?? h.name), h.name);
        assert.is(h.port, (vars['ansible_ssh_port'] ?? vars['ansible_port'] ?? null) as number | null, h.name);
        assert.is(h.user, (vars['ansible_ssh_user'] ?? vars['ansible_user'] ?? null) as string | null, h.name);
      }
      // Ansible's own --list output read back (what `ansible-inventory … --list | rsyncguard sweep --inventory -` does).
      const back = parseInventoryText(stdout, '(standard input)');
      assert.ok(back.ok, back.ok ? '' : back.error.message);
      if (back.ok) {
        // The same hosts, the same groups included: one rule whichever format the inventory comes in.
        const key = (hs: typeof ours.value.hosts) => Object.fromEntries(hs.map((h) => [h.name, h]));
        assert.equal(key(back.value.hosts), key(ours.value.hosts));
      }
    });
  });
}

agree('issue 21 §2–§4: what sweep hands ssh for the reported inventory', async () => {
  const c = CASES.find(([n]) => n === 'issue21.ini') as Case;
  await withCase(c, async (file) => {
    const r = await readInventory(file);
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(
      r.value.hosts.map((h) => [h.name, h.port, h.identityFile, h.sshArgs]),
      [
        ['h1', 23001, '/keys/fleet', ['-o', 'ConnectTimeout=5']],
        // A host's own ansible_ssh_common_args replaces the group's, as in Ansible.
        ['h2', 23001, '/keys/fleet', ['-o', 'A=b', '-o', 'C=d']],
      ],
    );
    assert.match(r.value.notes.join('\n'), /StrictHostKeyChecking/);
  });
  const p = CASES.find(([n]) => n === 'hosts.ini') as Case;
  await withCase(p, async (file) => {
    const r = await readInventory(file);
    assert.ok(r.ok);
    if (!r.ok) return;
    const d1 = r.value.hosts.find((h) => h.name === 'd1');
    assert.equal(d1, { name: 'd1', group: 'db', address: 'd1', port: 2400, user: 'gv_all', jump: null, sudo: true, becomeUser: 'postgres', identityFile: '/keys/d1', sshArgs: ['-4'] });
  });
});

agree('a host in several groups: the group is the first of group_names as Ansible itself gives them', async () => {
  const c = CASES.find(([n]) => n === 'groups.ini') as Case;
  await withCase(c, async (file) => {
    // The debug action runs on the controller: no host is contacted.
    const run = spawnSync('ansible', ['all', '-i', file, '-m', 'debug', '-a', 'var=group_names', '-o'], { encoding: 'utf8', env: { ...process.env, ANSIBLE_LOCALHOST_WARNING: 'false' } });
    assert.is(run.status, 0, run.stderr);
    const names = new Map<string, string[]>();
    for (const m of run.stdout.matchAll(/^(\S+) \| SUCCESS => (.*)$/gm)) names.set(m[1] as string, (JSON.parse(m[2] as string) as { group_names: string[] }).group_names);
    assert.is(names.size, 3);
    const r = await readInventory(file);
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(Object.fromEntries(r.value.hosts.map((h) => [h.name, h.group])), Object.fromEntries([...names].map(([h, g]) => [h, [...g].sort()[0]])));
    // The finding's case: listed in [web] first, reported under "aaa" (web's parent) — never by listing order.
    assert.is(r.value.hosts.find((h) => h.name === 'h1')?.group, 'aaa');
  });
});

agree('sweep --inventory - reads ansible-inventory --list from standard input', () => {
  const list = {
    _meta: { hostvars: { 'web-a': { ansible_host: '127.0.0.1', ansible_port: 1 }, 'web-b': { ansible_host: '127.0.0.1', ansible_port: 1, ansible_ssh_common_args: '-o StrictHostKeyChecking=no' } } },
    all: { children: ['ungrouped', 'web'] },
    web: { hosts: ['web-a', 'web-b'] },
  };
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sweep', '--inventory', '-', '--format', 'json', '--connect-timeout', '2', '--timeout', '10'], {
    input: JSON.stringify(list),
    encoding: 'utf8',
    timeout: 120_000,
  });
  // Port 1 on loopback refuses: both hosts accounted for as not swept, by their inventory names, exit 2.
  assert.is(run.status, 2, run.stderr);
  const report = JSON.parse(run.stdout) as { errors?: { target: string }[] };
  assert.equal((report.errors ?? []).map((e) => e.target).sort(), ['web-a', 'web-b']);
  assert.match(run.stderr, /StrictHostKeyChecking.*left out for host "web-b"/);
});

agree.run();
