import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseInventory } from './inventory.ts';

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
    ['[a]\nx\n[b]\nx\n', 'twice'],
  ] as const) {
    const r = parseInventory(text, 'inv');
    assert.not.ok(r.ok, text);
    if (!r.ok) {
      assert.match(r.error.message, why);
      assert.match(r.error.where ?? '', 'inv');
    }
  }
});

inv.run();
