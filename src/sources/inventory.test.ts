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
    ['[a]\nx ansible_port=1\n[b]\nx ansible_port=2\n', 'different ansible_port'],
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

inv('a host in several Ansible groups is one host, in its first group, when its connection agrees', () => {
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
          ['h1', 'web', 2222],
          ['h2', 'db', null],
        ],
        file,
      );
  }
  for (const [text, file, where, why] of [
    ['[web]\nh1\n[db]\nh1\n[web:vars]\nansible_user=a\n[db:vars]\nansible_user=b\n', 'b.ini', 'b.ini:8', /different ansible_user \(line 6 and line 8\)/],
    ['[web]\nh1 ansible_host=10.0.0.1\n[db]\nh1 ansible_host=10.0.0.2\n', 'c.ini', 'c.ini:4', /different ansible_host here than on line 2/],
    ['all:\n  children:\n    web:\n      hosts:\n        h1: { ansible_user: a }\n    db:\n      hosts:\n        h1: { ansible_user: b }\n', 'b.yml', 'b.yml', /in group "db" than in group "web"/],
    ['groups:\n  a:\n    hosts:\n      h1: { port: 1 }\n  b:\n    hosts:\n      h1: { port: 2 }\n', 'own.yml', 'own.yml', /group "a".*group "b".*port differ/],
  ] as const) {
    const r = parseInventory(text, file);
    assert.not.ok(r.ok, file);
    if (!r.ok) {
      assert.is(r.error.where, where, file);
      assert.match(r.error.message, why, file);
    }
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
    ['all:\n  hosts:\n    - a\n', 'the hosts of group "ungrouped" is a list'],
    ['all:\n  children: [web]\n', 'the children of group "ungrouped" is a list'],
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

inv.run();
