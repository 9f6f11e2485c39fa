import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readInventory } from './inventory.ts';

const vars = suite('group_vars/ and host_vars/ beside an inventory');

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-vars-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

vars('a vaulted file is skipped with a note; its password never read', async () => {
  const dir = tree({
    'inv.ini': '[web]\nw1\n',
    'group_vars/web/main.yml': 'ansible_user: deploy\n',
    'group_vars/web/vault.yml': '$ANSIBLE_VAULT;1.1;AES256\n6231336162\n',
  });
  try {
    const r = await readInventory(join(dir, 'inv.ini'));
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.is(r.value.hosts[0]?.user, 'deploy');
    assert.match(r.value.notes.join('\n'), /vault\.yml is encrypted with ansible-vault and was not read/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

vars('a variables file that is not a mapping is an error at that file; a group name never leaves group_vars/', async () => {
  const dir = tree({ 'inv.ini': '[web]\nw1\n', 'group_vars/web.yml': '- ansible_user: x\n' });
  try {
    const r = await readInventory(join(dir, 'inv.ini'));
    assert.not.ok(r.ok);
    if (!r.ok) {
      assert.match(r.error.message, /not a mapping/);
      assert.match(r.error.where ?? '', /group_vars\/web\.yml$/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // host_vars/../secret.yml would be the inventory's own directory: not looked up.
  const up = tree({ 'inv/hosts.ini': '[web]\n../secret ansible_host=192.0.2.1\n', 'inv/secret.yml': 'ansible_user: escaped\n', 'inv/host_vars/x.yml': 'ansible_port: 1\n' });
  try {
    const r = await readInventory(join(up, 'inv', 'hosts.ini'));
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    if (r.ok) assert.equal([r.value.hosts[0]?.name, r.value.hosts[0]?.user], ['../secret', null]);
  } finally {
    rmSync(up, { recursive: true, force: true });
  }
});

vars.run();
