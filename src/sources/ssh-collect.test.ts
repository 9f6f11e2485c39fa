import { spawnSync } from 'node:child_process';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { InventoryHost } from './inventory.ts';
import { sshArgs, type SshOptions } from './ssh-collect.ts';

const args = suite('sshArgs');

const HOST: InventoryHost = { name: 'web1', group: 'web', address: '192.0.2.7', port: 2222, user: 'audit', jump: null, sudo: false };
const OPTS: SshOptions = { connectTimeoutSeconds: 5, totalTimeoutMs: 60_000, maxOutputBytes: 1 << 20, acceptNewHostKeys: false };

/** The value ssh would settle on for OPTION: the first -o OPTION=… on the command line wins. */
function firstOption(argv: string[], option: string): string | undefined {
  for (let i = 0; i < argv.length - 1; i++) if (argv[i] === '-o' && argv[i + 1]?.toLowerCase().startsWith(`${option.toLowerCase()}=`)) return argv[i + 1]?.slice(option.length + 1);
  return undefined;
}

const beforeDashes = (argv: string[]) => argv.slice(0, argv.indexOf('--'));
const afterDashes = (argv: string[]) => argv.slice(argv.indexOf('--') + 1);

args('the inventory key is offered with IdentitiesOnly, before the host', () => {
  const a = sshArgs({ ...HOST, identityFile: '/keys/web key' }, OPTS);
  const i = a.indexOf('-i');
  assert.ok(i >= 0 && i < a.indexOf('--'));
  assert.is(a[i + 1], '/keys/web key', 'the path is one argument, spaces and all');
  assert.is(firstOption(a, 'IdentitiesOnly'), 'yes');
  assert.is(firstOption(sshArgs(HOST, OPTS), 'IdentitiesOnly'), undefined, 'no inventory key: the user’s configuration decides');
});

args("the inventory's ssh args come after rsyncguard's own and before `--`", () => {
  const extra = ['-o', 'StrictHostKeyChecking=no', '-o', 'ConnectTimeout=99', '-o', 'ProxyJump=bastion'];
  const a = sshArgs({ ...HOST, sshArgs: extra }, OPTS);
  const before = beforeDashes(a);
  assert.equal(before.slice(-extra.length), extra);
  assert.equal(afterDashes(a), ['192.0.2.7', 'sh -s']);
  // ssh keeps the first value: a changed host key is never accepted whatever the inventory says.
  assert.is(firstOption(a, 'StrictHostKeyChecking'), 'yes');
  assert.is(firstOption(a, 'ConnectTimeout'), '5');
  assert.is(firstOption(a, 'ProxyJump'), 'bastion', 'options rsyncguard does not set are the inventory’s');
  assert.is(firstOption(sshArgs(HOST, { ...OPTS, acceptNewHostKeys: true }), 'StrictHostKeyChecking'), 'accept-new');
});

args('nothing outlives the run: never a connection master, and ssh says why a host key was refused', () => {
  const a = sshArgs(HOST, OPTS);
  assert.is(firstOption(a, 'ControlMaster'), 'no');
  assert.is(firstOption(a, 'LogLevel'), 'INFO');
  assert.is(firstOption(a, 'BatchMode'), 'yes');
});

args('become: sudo -n, -u with the become user quoted for the remote shell', () => {
  assert.is(afterDashes(sshArgs({ ...HOST, sudo: true }, OPTS))[1], 'sudo -n sh -s');
  assert.is(afterDashes(sshArgs({ ...HOST, sudo: true, becomeUser: 'rsync' }, OPTS))[1], "sudo -n -u 'rsync' sh -s");
  assert.is(afterDashes(sshArgs({ ...HOST, sudo: false, becomeUser: 'rsync' }, OPTS))[1], 'sh -s', 'become_user without become does nothing (as in Ansible)');
  // What a POSIX shell makes of the remote command line: the user stays one word, nothing runs.
  const hostile = "x'; touch /tmp/owned; echo '";
  const line = afterDashes(sshArgs({ ...HOST, sudo: true, becomeUser: hostile }, OPTS))[1] ?? '';
  const words = spawnSync('sh', ['-c', `set -- ${line}; printf '%s\\n' "$@"`], { encoding: 'utf8' })
    .stdout.split('\n')
    .slice(0, -1);
  assert.equal(words, ['sudo', '-n', '-u', hostile, 'sh', '-s']);
});

args.run();
