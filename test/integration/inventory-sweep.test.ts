/**
 * Issue 21 §2–§4 end to end: one Ansible INI inventory — the key file in [group:vars] reached through
 * [parent:children], ssh arguments with spaces in [all:vars] and on a host line, ports from host_vars/ and
 * `host:port` — works with Ansible (`ansible -m raw`) and with `rsyncguard sweep` on the real sshd test fleet.
 * The ssh_config given here names no key, so only the inventory's key file gets in (before: auth-failed).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startFleet, type Fleet } from './support/ssh-fleet.ts';

let fleet: Fleet;
const test = suite('an Ansible inventory sweeps as Ansible connects');

test.before(async () => {
  fleet = await startFleet();
});

test.after(() => fleet?.stop());

test('the key file, children variables and spaced ssh arguments reach ssh', () => {
  const port = (name: string): number => {
    const h = fleet.hosts.find((x) => x.name === name);
    if (h === undefined) throw new Error(`the test fleet has no host ${name}`);
    return h.port;
  };
  const dir = join(fleet.base, 'ansible-inv');
  mkdirSync(join(dir, 'host_vars', 'h5'), { recursive: true });
  const sshConfig = join(dir, 'ssh_config');
  writeFileSync(sshConfig, ['Host *', '  IdentitiesOnly yes', `  UserKnownHostsFile ${fleet.knownHosts}`, '  GlobalKnownHostsFile /dev/null', '  LogLevel ERROR', ''].join('\n'));
  const inventory = join(dir, 'inventory.ini');
  writeFileSync(
    inventory,
    [
      '[mirrors]',
      'h1 ansible_host=127.0.0.1',
      `h2:${port('h2')} ansible_host=127.0.0.1 ansible_ssh_common_args="-o ConnectTimeout=7 -F ${sshConfig}"`,
      '[backups]',
      'h5 ansible_host=127.0.0.1',
      '[fleet:children]',
      'mirrors',
      'backups',
      '[fleet:vars]',
      'ansible_user=root',
      `ansible_ssh_private_key_file=${fleet.clientKey}`,
      '[all:vars]',
      `ansible_ssh_common_args=-o StrictHostKeyChecking=no -o ConnectTimeout=5 -F ${sshConfig}`,
      'ansible_ssh_transfer_method=piped',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'host_vars', 'h1.yml'), `ansible_port: ${port('h1')}\n`);
  writeFileSync(join(dir, 'host_vars', 'h5', 'port.yml'), `ansible_port: ${port('h5')}\n`);

  // Ansible connects with it (raw: the hosts are busybox chroots without Python).
  const ansible = spawnSync('ansible', ['all', '-i', inventory, '-m', 'raw', '-a', 'echo reached', '--forks', '3'], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(dir, 'ansible-local'), ANSIBLE_SSH_ARGS: '-o ControlMaster=no' },
  });
  assert.is(ansible.status, 0, ansible.stdout.slice(-2000) + ansible.stderr.slice(-2000));
  assert.is(ansible.stdout.match(/reached/g)?.length, 3, ansible.stdout);

  // So does sweep, with nothing but the inventory.
  const sweep = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sweep', '--inventory', inventory, '--format', 'json', '--fail-on', 'none'], {
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 64 << 20,
  });
  assert.is(sweep.status, 0, sweep.stderr);
  const report = JSON.parse(sweep.stdout) as { targets: { target: string }[]; errors?: { target: string; message: string }[] };
  assert.equal(report.errors ?? [], []);
  assert.equal([...new Set(report.targets.map((t) => t.target.split(':')[0]))].sort(), ['h1', 'h2', 'h5']);
  // The inventory's StrictHostKeyChecking=no was not obeyed, and the user was told.
  assert.match(sweep.stderr, /StrictHostKeyChecking.*left out for 2 hosts/);
});

test('-q or -y in ansible_ssh_extra_args does not hide why a host failed (a changed host key stays host-key-mismatch)', () => {
  const port = (name: string): number => {
    const h = fleet.hosts.find((x) => x.name === name);
    if (h === undefined) throw new Error(`the test fleet has no host ${name}`);
    return h.port;
  };
  const dir = join(fleet.base, 'ansible-q');
  mkdirSync(dir, { recursive: true });
  for (const flag of ['-q', '-y']) {
    const inventory = join(dir, `q${flag}.ini`);
    writeFileSync(inventory, ['[t]', `badkey ansible_host=127.0.0.1 ansible_port=${port('badkey')}`, `gone ansible_host=127.0.0.1 ansible_port=${port('gone')}`, '[t:vars]', `ansible_ssh_extra_args=${flag}`, ''].join('\n'));
    const sweep = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sweep', '--inventory', inventory, '--ssh-config', fleet.sshConfig, '--format', 'json', '--connect-timeout', '5'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.is(sweep.status, 2, sweep.stderr);
    const report = JSON.parse(sweep.stdout) as { errors?: { target: string; message: string }[] };
    const why = Object.fromEntries((report.errors ?? []).map((e) => [e.target, e.message]));
    assert.match(why['badkey'] ?? '', /host-key-mismatch/, flag);
    assert.match(why['gone'] ?? '', /unreachable/, flag);
    assert.match(sweep.stderr, new RegExp(`ansible_ssh_extra_args: ${flag} \\(ssh's messages name each failure.*left out for 2 hosts`), flag);
  }
});

test.run();
