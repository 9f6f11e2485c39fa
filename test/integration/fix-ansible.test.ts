/**
 * `fix --format ansible` end to end on the SSH test fleet (issue 16, "Hosts and fleets"): sweep the hosts,
 * write the playbook with `fix --inventory`, run the real ansible-playbook in check mode (nothing changes)
 * and then for real, sweep again: every fixed finding is gone and nothing new appears at the severity of what
 * was fixed; a second run changes nothing. `fix --collected` on documents fetched by examples/ansible/collect.yml
 * gives the same playbook. lineinfile needs Python on the hosts: the host's /usr is bind-mounted read-only into
 * each chroot (and unmounted at the end), everything else in the chroot stays its own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startFleet, type Fleet, type FleetHost } from './support/ssh-fleet.ts';

const CLI = ['--import', 'tsx', 'src/cli/main.ts'];
const SEVERITY = ['info', 'low', 'medium', 'high', 'critical'];
let fleet: Fleet;
let healthy: FleetHost[] = [];
const mounted: string[] = [];

interface Finding {
  rule_id: string;
  module: string | null;
  path: string;
  severity: string;
}
type Findings = Map<string, Finding[]>;

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', timeout: 300_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sweep(inventory: string): Findings {
  const r = cli('sweep', '--inventory', inventory, '--ssh-config', fleet.sshConfig, '--format', 'json');
  const report = JSON.parse(r.stdout) as { targets: { target: string; findings: Finding[] }[]; errors: unknown[] };
  assert.equal(report.errors, [], r.stderr);
  return new Map(report.targets.map((t) => [t.target, t.findings]));
}

const key = (f: Finding) => `${f.rule_id} ${f.module ?? ''} ${f.path}`;

function playbook(inventory: string, play: string, ...extra: string[]): string {
  const r = spawnSync('ansible-playbook', ['-i', inventory, play, '--forks', '4', ...extra], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(fleet.base, 'ansible-local'), ANSIBLE_REMOTE_TEMP: '/tmp/.ansible', ANSIBLE_SSH_CONTROL_PATH_DIR: join(fleet.base, 'cp') },
  });
  assert.is(r.status, 0, r.stdout.slice(-4000) + r.stderr.slice(-2000));
  return r.stdout;
}

/** changed=N of every host in the recap. */
function changed(out: string): number[] {
  return [...out.matchAll(/changed=(\d+)/g)].map((m) => Number(m[1]));
}

/** `RULE module` of every fix task of a playbook (task names are `RSYNC-002 [pub]: …`, edits of adjoining lines joined by `; `). */
function tasksOf(play: string): Set<string> {
  const names = [...play.matchAll(/- name: !unsafe "(RSYNC-[^"]*)"/g)].flatMap((m) => (m[1] ?? '').split('; '));
  return new Set(names.flatMap((n) => [...n.matchAll(/^(RSYNC-\d+)[^"[]* \[([^\]]+)\]/g)].map((m) => `${m[1]} ${m[2]}`)));
}

const fix = suite('fix --format ansible on real SSH hosts');

fix.before(async () => {
  fleet = await startFleet();
  healthy = fleet.hosts.filter((h) => h.expect === 'ok');
  for (const h of healthy) {
    const root = join(fleet.base, h.name);
    mkdirSync(join(root, 'usr'), { recursive: true });
    mkdirSync(join(root, 'tmp'), { recursive: true });
    chmodSync(join(root, 'tmp'), 0o1777);
    symlinkSync('usr/lib', join(root, 'lib'));
    symlinkSync('usr/lib64', join(root, 'lib64'));
    execFileSync('mount', ['--bind', '/usr', join(root, 'usr')]);
    mounted.push(join(root, 'usr'));
    execFileSync('mount', ['-o', 'remount,bind,ro', join(root, 'usr')]);
  }
});

fix.after(() => {
  // The ssh connections Ansible keeps open for reuse: ask each master to exit (by its own socket, nothing broader).
  try {
    for (const s of readdirSync(join(fleet.base, 'cp'))) spawnSync('ssh', ['-o', `ControlPath=${join(fleet.base, 'cp', s)}`, '-O', 'exit', 'x'], { timeout: 5000 });
  } catch {
    // No connection was kept.
  }
  for (const m of mounted) spawnSync('umount', ['-l', m]);
  fleet?.stop();
});

fix('the playbook applied by ansible-playbook removes the fixed findings, idempotently', () => {
  const inv = join(fleet.base, 'fix-sweep.yml');
  const groups = [...new Set(healthy.map((h) => h.group))];
  writeFileSync(inv, ['groups:', ...groups.flatMap((g) => [`  ${g}:`, '    hosts:', ...healthy.filter((h) => h.group === g).map((h) => `      ${h.name}: { address: 127.0.0.1, port: ${h.port} }`)]), ''].join('\n'));
  const ini = join(fleet.base, 'fix-ansible.ini');
  writeFileSync(
    ini,
    [
      ...groups.flatMap((g) => [`[${g}]`, ...healthy.filter((h) => h.group === g).map((h) => `${h.name} ansible_host=127.0.0.1 ansible_port=${h.port} ansible_user=root`)]),
      '[all:vars]',
      `ansible_ssh_common_args='-F ${fleet.sshConfig}'`,
      'ansible_ssh_transfer_method=piped',
      'ansible_python_interpreter=/usr/bin/python3',
      '',
    ].join('\n'),
  );
  const before = sweep(inv);
  const play = join(fleet.base, 'fix.yml');
  const made = cli('fix', '--inventory', inv, '--ssh-config', fleet.sshConfig, '--format', 'ansible', '--output', play);
  assert.is(made.code, 1, made.stderr);
  const text = readFileSync(play, 'utf8');
  // One play per group, edits anchored on exact lines, backups kept, and no secret ever (the secrets file holds backup:backup).
  for (const g of groups) assert.match(text, `hosts: "${g}"`);
  assert.match(text, 'ansible.builtin.lineinfile');
  assert.match(text, 'backup: true');
  assert.match(text, /regexp: !unsafe "\^/);
  assert.not.match(text, 'backup:backup');

  // The same playbook from documents Ansible fetched (examples/ansible/collect.yml), grouped by the inventory.
  const out = join(fleet.base, 'collected');
  mkdirSync(out);
  playbook(ini, 'examples/ansible/collect.yml', '-e', `rsyncguard_out=${out}`);
  const docs = readdirSync(out).map((f) => join(out, f));
  assert.is(docs.length, healthy.length);
  const fromCollected = cli('fix', '--collected', '--inventory', inv, '--format', 'ansible', ...docs);
  assert.is(fromCollected.code, 1, fromCollected.stderr);
  assert.is(fromCollected.stdout, text);

  // Check mode: reports changes, makes none.
  const checked = playbook(ini, play, '--check', '--diff');
  assert.ok(
    changed(checked).some((n) => n > 0),
    checked,
  );
  assert.equal(sweep(inv), before);

  playbook(ini, play, '--diff');
  const after = sweep(inv);
  // What the playbook fixed is what rsyncguard fix verified: rebuilt with the runner's own records of the plan.
  const fixedRules = tasksOf(text);
  assert.ok(fixedRules.size > 0, text);
  let gone = 0;
  for (const [target, findings] of before) {
    const now = after.get(target) ?? [];
    const fixed = findings.filter((f) => fixedRules.has(`${f.rule_id} ${f.module ?? ''}`) && !now.some((n) => key(n) === key(f)));
    gone += fixed.length;
    // Nothing new at or above the least severe of what was fixed on this target.
    const floor = Math.min(...fixed.map((f) => SEVERITY.indexOf(f.severity)));
    const fresh = now.filter((n) => !findings.some((f) => key(f) === key(n)) && SEVERITY.indexOf(n.severity) >= floor);
    assert.equal(fresh, [], `${target}: new findings after the fix`);
    for (const f of findings)
      if (fixedRules.has(`${f.rule_id} ${f.module ?? ''}`))
        assert.not.ok(
          now.some((n) => key(n) === key(f)),
          `${target}: ${key(f)} still reported`,
        );
  }
  assert.ok(gone >= 4, `only ${gone} findings removed`);
  // Anonymous upload ([pub] read only = no) is gone on every host that had it.
  for (const [target, findings] of after)
    assert.not.ok(
      findings.some((f) => f.rule_id === 'RSYNC-002'),
      target,
    );

  // A second run: the files are the fixed text, every edit finds nothing to do.
  const again = playbook(ini, play);
  assert.ok(
    changed(again).every((n) => n === 0),
    again,
  );
  // And rsyncguard proposes none of those fixes again.
  const rerun = cli('fix', '--inventory', inv, '--ssh-config', fleet.sshConfig, '--format', 'ansible');
  assert.equal(
    [...tasksOf(rerun.stdout)].filter((t) => fixedRules.has(t)),
    [],
    rerun.stdout,
  );
});

fix.run();
