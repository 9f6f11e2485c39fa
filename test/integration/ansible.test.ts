/**
 * The Ansible path for large fleets: examples/ansible/collect.yml runs the collector on the test fleet with
 * Debian's ansible, and `rsyncguard eval` of what it fetched gives the same findings as `sweep`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startFleet, type Fleet } from './support/ssh-fleet.ts';

const CLI = resolve('dist/cli.js');
let fleet: Fleet;

type Findings = Map<string, string[]>;

function findingsOf(stdout: string): Findings {
  const report = JSON.parse(stdout) as { targets: { target: string; findings: { rule_id: string; location: { line: number } | null }[] }[] };
  return new Map(report.targets.map((t) => [t.target, t.findings.map((f) => `${f.rule_id}@${f.location?.line ?? 0}`).sort()]));
}

const ansible = suite('Ansible collects, rsyncguard eval evaluates');

ansible.before(async () => {
  fleet = await startFleet();
});

ansible.after(() => fleet?.stop());

ansible('the playbook fetches one document per host, and eval agrees with sweep', () => {
  const healthy = fleet.hosts.filter((h) => h.expect === 'ok');
  const inventory = join(fleet.base, 'ansible.ini');
  writeFileSync(
    inventory,
    [
      '[fleet]',
      ...healthy.map((h) => `${h.name} ansible_host=127.0.0.1 ansible_port=${h.port} ansible_user=root`),
      '[fleet:vars]',
      `ansible_ssh_common_args='-F ${fleet.sshConfig}'`,
      // The test hosts are busybox chroots: no sftp server, so files go through the ssh pipe.
      'ansible_ssh_transfer_method=piped',
      '',
    ].join('\n'),
  );
  const out = join(fleet.base, 'collected');
  mkdirSync(out);
  const play = spawnSync('ansible-playbook', ['-i', inventory, 'examples/ansible/collect.yml', '-e', `rsyncguard_out=${out}`, '--forks', '8'], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(fleet.base, 'ansible-local'), ANSIBLE_REMOTE_TEMP: '/tmp/.ansible' },
  });
  assert.is(play.status, 0, play.stdout.slice(-3000) + play.stderr.slice(-2000));
  const files = readdirSync(out)
    .filter((f) => f.endsWith('.json'))
    .sort();
  assert.equal(files, healthy.map((h) => `${h.name}.json`).sort());
  const evaluated = spawnSync(process.execPath, [CLI, 'eval', ...files.map((f) => join(out, f)), '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const inv = join(fleet.base, 'healthy-sweep.yml');
  writeFileSync(inv, ['groups:', '  fleet:', '    hosts:', ...healthy.map((h) => `      ${h.name}: { address: 127.0.0.1, port: ${h.port} }`), ''].join('\n'));
  const swept = spawnSync(process.execPath, [CLI, 'sweep', '--inventory', inv, '--ssh-config', fleet.sshConfig, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const a = findingsOf(evaluated.stdout);
  const b = findingsOf(swept.stdout);
  assert.is(a.size, healthy.length);
  assert.equal([...a].sort(), [...b].sort());
});

ansible.run();
