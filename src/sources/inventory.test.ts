import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseInventory, parseInventoryText } from './inventory.ts';

const inv = suite('parseInventory');

inv('reads rsyncguard YAML with defaults, groups and per-host settings', () => {
  const r = parseInventory('defaults: { user: audit, sudo: true }\ngroups:\n  mirrors:\n    hosts:\n      m1: { address: 192.0.2.1, port: 2222 }\n      m2: { jump: bastion.example.net, sudo: false }\n', 'fleet.yml');
  assert.ok(r.ok);
  if (r.ok) {
    assert.equal(r.value[0], { name: 'm1', group: 'mirrors', address: '192.0.2.1', port: 2222, user: 'audit', jump: null, sudo: true });
    assert.equal(r.value[1], { name: 'm2', group: 'mirrors', address: 'm2', port: null, user: 'audit', jump: 'bastion.example.net', sudo: false });
  }
});

inv('reads Ansible INI with host and group variables', () => {
  const r = parseInventory('[web]\nw1 ansible_host=192.0.2.5 ansible_port=22\nw2\n[web:vars]\nansible_user=deploy\n', 'hosts.ini');
  assert.ok(r.ok);
  if (r.ok)
    assert.equal(
      r.value.map((h) => [h.name, h.address, h.port, h.user]),
      [
        ['w1', '192.0.2.5', 22, 'deploy'],
        ['w2', 'w2', null, 'deploy'],
      ],
    );
});

inv('reads Ansible YAML children', () => {
  const r = parseInventory('all:\n  children:\n    db:\n      vars: { ansible_become: true }\n      hosts:\n        d1: { ansible_host: 192.0.2.9 }\n', 'inv.yml');
  assert.ok(r.ok);
  if (r.ok) assert.equal(r.value, [{ name: 'd1', group: 'db', address: '192.0.2.9', port: null, user: null, jump: null, sudo: true }]);
});

inv('rejects an empty inventory, a bad port and duplicate names, naming the file', () => {
  for (const [text, why] of [
    ['groups: {}\n', 'no hosts'],
    ['hosts:\n  a: { port: 99999 }\n', 'port'],
    ['[a:children]\nb\n[c]\nx\n', 'no section declares'],
  ] as const) {
    const r = parseInventory(text, 'inv');
    assert.not.ok(r.ok, text);
    if (!r.ok) {
      assert.match(r.error.message, why);
      assert.match(r.error.where ?? '', 'inv');
    }
  }
});

inv('an INI value is quoted as Ansible quotes it, and no error shows a value', () => {
  const r = parseInventory('[web]\nhost1 ansible_password="hunter2 SECRET" ansible_port=22 x=\'a b\' # note\n', 'i6.ini');
  assert.ok(r.ok);
  if (r.ok) assert.equal(r.value, [{ name: 'host1', group: 'web', address: 'host1', port: 22, user: null, jump: null, sudo: false }]);
  for (const [text, where, why] of [
    ['[web]\nh1 ansible_password="hunter2 SECRET\n', 'i.ini:2', 'quotation'],
    ['[web]\nh1 ansible_port=22 hunter2\n', 'i.ini:2', 'word 3 of this host line is not key=value'],
    ['[web]\nh1 =hunter2\n', 'i.ini:2', 'no variable name'],
    ['[web:vars]\nhunter2\n', 'i.ini:2', 'not key=value'],
    ['[web]\nh1 ansible_port=hunter2\n', 'i.ini:2', 'port that is not a number'],
    ['[web]\nh1 ansible_port="\\"hunter2\\""\n', 'i.ini:2', 'port that is not a number'],
  ] as const) {
    const e = parseInventory(text, 'i.ini');
    assert.not.ok(e.ok, text);
    if (!e.ok) {
      assert.is(e.error.where, where, text);
      assert.match(e.error.message, why, text);
      assert.not.match(`${e.error.message} ${e.error.hint}`, 'hunter2', text);
      assert.ok(e.error.hint, text);
    }
  }
});

inv('a [group:vars] value is the rest of the line; the location is given once', () => {
  const r = parseInventory('[web]\nw1\n[web:vars]\nansible_user = "deploy" # who\nansible_port=2222\n', 'v.ini');
  assert.ok(r.ok);
  if (r.ok) assert.equal([r.value[0]?.user, r.value[0]?.port], ['deploy', 2222]);
  const e = parseInventory('[web]\nw1 ansible_port=abc\n', 'i3.ini');
  assert.not.ok(e.ok);
  if (!e.ok) {
    assert.is(e.error.where, 'i3.ini:2');
    assert.not.match(e.error.message, 'i3.ini');
    assert.not.match(e.error.message, '\\');
  }
});

inv('an unclosed or malformed section header is an error at its line, never a host', () => {
  for (const text of ['[web\nh1\n', 'h0\n[web\nh1\n', '[web]\nh1\n[db:bogus]\nh2\n', '[web server]\nh1\n']) {
    const r = parseInventory(text, 'h.ini');
    assert.not.ok(r.ok, text);
    if (!r.ok) assert.match(r.error.where ?? '', /^h\.ini:\d+$/, text);
  }
  const yamlName = parseInventory('[web\nh1\n', 'inventory');
  assert.not.ok(yamlName.ok);
  if (!yamlName.ok) assert.is(yamlName.error.where, 'inventory:1');
});

inv('a host in several Ansible groups is one host, under the first of its sorted group_names, its variables merged as Ansible merges them', () => {
  for (const [text, file] of [
    ['[web]\nh1 ansible_port=2222\n[db]\nh1\nh2\n', 'a.ini'],
    ['all:\n  children:\n    web:\n      hosts:\n        h1: { ansible_port: 2222 }\n    db:\n      hosts:\n        h1:\n        h2:\n', 'a.yml'],
  ] as const) {
    const r = parseInventory(text, file);
    assert.ok(r.ok, file);
    if (r.ok)
      assert.equal(
        r.value.map((h) => [h.name, h.group, h.port]),
        [
          // Listed in [web] first and in [db] after: "db", as the role and `ansible-inventory --list` give it.
          ['h1', 'db', 2222],
          ['h2', 'db', null],
        ],
        file,
      );
  }
  // What ansible-inventory --list prints for each (test/inventory-ansible.test.ts checks against the real one):
  // two groups at one depth rank by name (web after db wins); a host variable given twice keeps the last.
  for (const [text, file, user, address] of [
    ['[web]\nh1\n[db]\nh1\n[web:vars]\nansible_user=a\n[db:vars]\nansible_user=b\n', 'b.ini', 'a', 'h1'],
    ['[web]\nh1 ansible_host=10.0.0.1\n[db]\nh1 ansible_host=10.0.0.2\n', 'c.ini', null, '10.0.0.2'],
    ['all:\n  children:\n    web:\n      hosts:\n        h1: { ansible_user: a }\n    db:\n      hosts:\n        h1: { ansible_user: b }\n', 'b.yml', 'b', 'h1'],
  ] as const) {
    const r = parseInventory(text, file);
    assert.ok(r.ok, file);
    if (r.ok) assert.equal([r.value[0]?.user, r.value[0]?.address, r.value[0]?.group], [user, address, 'db'], file);
  }
  const own = parseInventory('groups:\n  a:\n    hosts:\n      h1: { port: 1 }\n  b:\n    hosts:\n      h1: { port: 2 }\n', 'own.yml');
  assert.not.ok(own.ok);
  if (!own.ok) {
    assert.is(own.error.where, 'own.yml');
    assert.match(own.error.message, /group "a".*group "b".*port differ/);
  }
});

inv('host ranges expand as Ansible expands them, bounded', () => {
  const names = (text: string, file = 'r.ini'): string[] | string => {
    const r = parseInventory(text, file);
    return r.ok ? r.value.map((h) => h.name) : r.error.message;
  };
  const error = (text: string) => String(names(text));
  assert.equal(names('[w]\nweb[01:03].example\n'), ['web01.example', 'web02.example', 'web03.example']);
  assert.equal(names('[w]\nh[8:10]\n'), ['h8', 'h9', 'h10']);
  assert.equal(names('[w]\nh[0:6:3]\n'), ['h0', 'h3', 'h6']);
  assert.equal(names('[w]\ndb-[a:c]\n'), ['db-a', 'db-b', 'db-c']);
  assert.equal(names('[w]\nr[1:2]-[a:b]\n'), ['r1-a', 'r1-b', 'r2-a', 'r2-b']);
  assert.equal(names('all:\n  hosts:\n    y[1:2]:\n', 'r.yml'), ['y1', 'y2']);
  assert.match(error('[w]\nh[0:99999]\n'), 'more than 10000 hosts');
  assert.match(error('[w]\nh[0:999][0:999]\n'), 'more than 10000 hosts');
  assert.match(error('[w]\nh[01:2]\n'), 'zero-padded');
  assert.match(error('[w]\nh[1\n'), 'no closing');
  assert.match(error('[w]\nh[c:a]\n'), 'begin comes after');
});

inv('a wrong shape is named, with a next step', () => {
  for (const [text, why] of [
    ['hosts:\n  - a\n  - b\n', 'hosts is a list, not a mapping'],
    ['groups:\n  web:\n    hosts: [a, b]\n', 'the hosts of group "web" is a list'],
    ['all:\n  hosts:\n    - a\n', 'the hosts of group "all" is a list'],
    ['all:\n  children: [web]\n', 'the children of group "all" is a list'],
    ['\u0001\u00ff garbage', 'the inventory is a string'],
    ['- a\n- b\n', 'the inventory is a list'],
  ] as const) {
    const r = parseInventory(text, 'inv.yml');
    assert.not.ok(r.ok, text);
    if (!r.ok) {
      assert.match(r.error.message, why, text);
      assert.ok(r.error.hint, text);
    }
  }
  const bad = parseInventory('a: [b\npassword: hunter2\n', 'bad.yml');
  assert.not.ok(bad.ok);
  if (!bad.ok) assert.not.match(bad.error.message, 'hunter2');
});

// Issue 21's reproductions, each as stated there.
inv('#21.2: ansible_ssh_private_key_file becomes the identity file (host line, [all:vars], YAML vars)', () => {
  for (const [text, file] of [
    ['[web]\nh1 ansible_ssh_private_key_file=/keys/fleet\n', 'k1.ini'],
    ['[web]\nh1\n[all:vars]\nansible_ssh_private_key_file=/keys/fleet\n', 'k2.ini'],
    ['all:\n  vars: { ansible_private_key_file: /keys/other }\n  children:\n    web:\n      hosts:\n        h1: { ansible_ssh_private_key_file: /keys/fleet }\n', 'k3.yml'],
  ] as const) {
    const r = parseInventory(text, file);
    assert.ok(r.ok, file);
    if (r.ok) assert.is(r.value[0]?.identityFile, '/keys/fleet', file);
  }
});

inv('#21.3: values with spaces — [all:vars] to the end of the line, host lines quoted — are ssh arguments', () => {
  const r = parseInventoryText('[web]\nh1\nh2 ansible_ssh_common_args="-o A=b -o C=d"\n[all:vars]\nansible_ssh_common_args=-o StrictHostKeyChecking=no -o ConnectTimeout=5\n', 's.ini');
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(
    r.value.hosts.map((h) => [h.name, h.sshArgs]),
    [
      ['h1', ['-o', 'ConnectTimeout=5']],
      ['h2', ['-o', 'A=b', '-o', 'C=d']],
    ],
  );
  // Host-key checking is rsyncguard's to decide: left out, and said so.
  assert.equal(r.value.notes.length, 1);
  assert.match(r.value.notes[0] ?? '', /StrictHostKeyChecking.*--accept-new-host-keys.*host "h1"/);
});

inv('#21.4: variables reach hosts through [group:children], child over parent over all, host over all', () => {
  const r = parseInventory('[web]\nh1\nh2 ansible_port=2200\n[prod:children]\nweb\n[prod:vars]\nansible_port=23001\nansible_user=prod\n[web:vars]\nansible_user=webby\n[all:vars]\nansible_user=everyone\nansible_become=yes\n', 'c.ini');
  assert.ok(r.ok);
  if (r.ok)
    assert.equal(
      r.value.map((h) => [h.name, h.group, h.port, h.user, h.sudo]),
      [
        // group_names includes the parent: [prod, web], and "prod" comes first.
        ['h1', 'prod', 23001, 'webby', true],
        ['h2', 'prod', 2200, 'webby', true],
      ],
    );
  // A child declared after its parent's [children] section, and ansible_group_priority among peers.
  const late = parseInventory('[prod:children]\nweb\n[prod:vars]\nansible_port=23001\n[web]\nh1\n[a]\nh1\n[z]\nh1\n[a:vars]\nansible_user=a\nansible_group_priority=5\n[z:vars]\nansible_user=z\n', 'l.ini');
  assert.ok(late.ok);
  if (late.ok) assert.equal([late.value[0]?.port, late.value[0]?.user], [23001, 'a']);
});

inv('the Ansible connection variables: ssh_* spellings win, become user, host:port', () => {
  const r = parseInventory('[db]\nd1:2022 ansible_host=192.0.2.1 ansible_ssh_host=192.0.2.2 ansible_user=u1 ansible_ssh_user=u2 ansible_become=true ansible_become_user=postgres\nd2 ansible_become_user=postgres\n', 'c.ini');
  assert.ok(r.ok);
  if (r.ok) {
    assert.equal(r.value[0], { name: 'd1', group: 'db', address: '192.0.2.2', port: 2022, user: 'u2', jump: null, sudo: true, becomeUser: 'postgres' });
    // become_user alone does not become (Ansible needs ansible_become too).
    assert.equal(r.value[1], { name: 'd2', group: 'db', address: 'd2', port: null, user: null, jump: null, sudo: false });
  }
  // Not Ansible's variables: an application's `port` or `user` in an Ansible inventory is not ssh's.
  const app = parseInventory('[web]\nw1 port=8080 user=www address=elsewhere\n', 'app.ini');
  assert.ok(app.ok);
  if (app.ok) assert.equal([app.value[0]?.address, app.value[0]?.port, app.value[0]?.user], ['w1', null, null]);
});

inv('refused connection values are named by variable, never shown', () => {
  for (const [text, why] of [
    ['[w]\nh1 ansible_ssh_common_args="-o RemoteCommand=hunter2"\n', /ansible_ssh_common_args has -o remotecommand/],
    ['[w]\nh1 ansible_ssh_extra_args="hunter2 -v"\n', /word 1, which is not an ssh option/],
    ['[w]\nh1 ansible_ssh_extra_args="-- hunter2"\n', /"--"/],
    ['[w]\nh1 ansible_ssh_extra_args="-N"\n', /-N, which runs no command/],
    ['[w]\nh1 ansible_host="{{ hunter2 }}"\n', /ansible_host given as a Jinja template/],
    ['[w]\nh1 ansible_become=yes ansible_become_method=su\n', /ansible_become_method other than sudo/],
    ['[w]\nh1 ansible_become=yes ansible_become_user="hunter2;reboot"\n', /ansible_become_user that is not a user name/],
    ['[w]\nh1 ansible_port=hunter2\n', /port that is not a number/],
    ['all:\n  hosts:\n    h1:\n      ansible_user: !vault |\n        $ANSIBLE_VAULT;1.1;AES256\n        hunter2\n', /ansible_user encrypted with ansible-vault/],
  ] as const) {
    const r = parseInventory(text, text.startsWith('all:') ? 'x.yml' : 'x.ini');
    assert.not.ok(r.ok, text);
    if (!r.ok) {
      assert.match(r.error.message, why, text);
      assert.not.match(`${r.error.message} ${r.error.hint}`, 'hunter2', text);
      assert.ok(r.error.where, text);
    }
  }
});

inv('ansible-inventory --list JSON: group vars merged as Ansible merges them, host vars from _meta', () => {
  const list = {
    _meta: { hostvars: { h1: { ansible_host: '192.0.2.7', ansible_ssh_private_key_file: '/k' }, h2: {} } },
    all: { children: ['ungrouped', 'prod'] },
    prod: { children: ['web'], vars: { ansible_port: 23001 } },
    web: { hosts: ['h1', 'h2'], vars: { ansible_user: 'deploy' } },
    ungrouped: { hosts: ['h3'] },
  };
  const r = parseInventory(JSON.stringify(list), '(standard input)');
  assert.ok(r.ok);
  if (r.ok)
    assert.equal(
      r.value.map((h) => [h.name, h.group, h.address, h.port, h.user, h.identityFile]),
      [
        ['h1', 'prod', '192.0.2.7', 23001, 'deploy', '/k'],
        ['h2', 'prod', 'h2', 23001, 'deploy', undefined],
        ['h3', 'ungrouped', 'h3', null, null, undefined],
      ],
    );
  const bad = parseInventory(JSON.stringify({ _meta: { hostvars: [] }, web: { hosts: ['h1'] } }), 'l.json');
  assert.not.ok(bad.ok);
  if (!bad.ok) assert.match(bad.error.message, /_meta.hostvars/);
});

inv('a host Ansible would not reach over ssh is still swept over ssh, and said', () => {
  const r = parseInventoryText('localhost ansible_connection=local\n[win]\nw1 ansible_connection=winrm\nw2 ansible_connection=winrm\n[linux]\nl1 ansible_connection=ssh\n', 'c.ini');
  assert.ok(r.ok);
  if (r.ok) {
    assert.is(r.value.hosts.length, 4);
    assert.equal(r.value.notes, ['ansible_connection is not ssh (local): swept over ssh all the same for host "localhost".', 'ansible_connection is not ssh (winrm): swept over ssh all the same for 2 hosts.']);
  }
});

inv('a vaulted value in `--list` JSON is refused as vaulted; a template is not sent to `ansible-inventory --list`', () => {
  // ansible-inventory --list --vault-password-file prints a !vault value as {"__ansible_vault": "$ANSIBLE_VAULT;…"}.
  const list = { _meta: { hostvars: { w1: { ansible_user: { __ansible_vault: '$ANSIBLE_VAULT;1.1;AES256\nhunter2' } } } }, web: { hosts: ['w1'] } };
  const r = parseInventory(JSON.stringify(list), '(standard input)');
  assert.not.ok(r.ok);
  if (!r.ok) {
    assert.match(r.error.message, /host "w1" has ansible_user encrypted with ansible-vault/);
    assert.match(r.error.hint ?? '', /no vault password.*rsyncguard\.audit\.sweep/);
    assert.not.match(`${r.error.message} ${r.error.hint}`, /hunter2|ANSIBLE_VAULT/);
  }
  const t = parseInventory('[web]\nw1\n[web:vars]\nansible_host="{{ inventory_hostname }}.example.com"\n', 't.ini');
  assert.not.ok(t.ok);
  if (!t.ok) {
    assert.match(t.error.hint ?? '', /neither does `ansible-inventory --list`.*rsyncguard\.audit\.sweep/);
    assert.not.match(t.error.hint ?? '', /pipe|--inventory -/);
  }
});

inv('password variables: a note naming them, never their values (sweep uses keys and sudo -n only)', () => {
  const r = parseInventoryText('[t]\nh1 ansible_password=hunter2 ansible_become=yes ansible_become_password=hunter3\nh2 ansible_ssh_pass=hunter4\nh3 ansible_ssh_pass=hunter5\nh4\n', 'pw.ini');
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.is(r.value.hosts.length, 4);
  const notes = r.value.notes.join('\n');
  assert.match(notes, /^ansible_password, ansible_become_password not used \(sweep logs in with keys only, BatchMode.*never reads a password.* for host "h1"\.$/m);
  assert.match(notes, /^ansible_ssh_pass not used .* for 2 hosts\.$/m);
  assert.not.match(notes, /hunter/);
  assert.is(r.value.notes.length, 2);
});

inv('-q, -y and -F in ansible_ssh_*_args are said on standard error, by option name only', () => {
  const r = parseInventoryText('[t]\nh1 ansible_ssh_extra_args="-q -F /secret/path.conf"\n', 'q.ini');
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(r.value.hosts[0]?.sshArgs, ['-F', '/secret/path.conf']);
  const notes = r.value.notes.join('\n');
  assert.match(notes, /^ansible_ssh_extra_args: -q \(.*\): left out for host "h1"\.$/m);
  assert.match(notes, /^ansible_ssh_extra_args: -F \(this ssh_config replaces --ssh-config.*\): kept for host "h1"\.$/m);
  assert.not.match(notes, /secret/);
});

inv('rsyncguard_group, set in an Ansible inventory, is the group reports use (as in the role)', () => {
  const r = parseInventory('[web]\nh1\nh2\n[db]\nh1\n[web:vars]\nrsyncguard_group=frontend\n', 'g.ini');
  assert.ok(r.ok);
  if (r.ok)
    assert.equal(
      r.value.map((h) => [h.name, h.group]),
      [
        ['h1', 'frontend'],
        ['h2', 'frontend'],
      ],
    );
});

inv('a loop of children groups is an error, as in Ansible', () => {
  const r = parseInventory('[a:children]\nb\n[b:children]\na\n[a]\nh1\n', 'loop.ini');
  assert.not.ok(r.ok);
  if (!r.ok) assert.match(r.error.message, /its own ancestor/);
});

inv.run();
