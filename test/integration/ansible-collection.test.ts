/**
 * The Ansible collection rsyncguard.audit (ansible/, issue 17 §6) and the example playbook (issue 21 §1), with
 * Debian's ansible-core against the real sshd test fleet:
 * - scripts/build-collection.sh builds rsyncguard-audit-X.Y.Z.tar.gz (X.Y.Z from package.json, the collector
 *   inside), `ansible-galaxy collection install` installs it offline into a temporary collections path;
 * - the role rsyncguard.audit.sweep collects from healthy and faulty hosts, writes a results file that says of
 *   every host what `sweep --results` says of it (status, reason, group, findings), runs `rsyncguard eval`
 *   on the controller and fails the play at the threshold (or when a host could not be read);
 * - no ssh process outlives the play: no connection-sharing master is opened (with sharing on, masters do
 *   stay: the check can fail), and a host that hangs after connecting is cut at the role's time limit;
 * - examples/ansible/collect.yml, run exactly as its header says from a fresh directory, creates its output
 *   directory and leaves no master behind.
 * rsyncguard runs from src through tsx (dist/ is rebuilt by the release, not by tests).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startFleet, type Fleet, type FleetHost } from './support/ssh-fleet.ts';

const ROOT = resolve('.');
// An absolute loader path: the role runs rsyncguard from whatever directory Ansible runs its command in.
const RSYNCGUARD = [process.execPath, '--import', join(ROOT, 'node_modules/tsx/dist/loader.mjs'), join(ROOT, 'src/cli/main.ts')];
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Outcome {
  host: string;
  group: string;
  status: string;
  reason: string;
  seconds: number;
  raw?: { host: { name: string } };
}

interface Finding {
  rule_id: string;
  severity: string;
  module: string | null;
  path: string;
  location: { line: number } | null;
}

interface Report {
  targets: { target: string; findings: Finding[] }[];
  errors: { target: string; message: string }[];
}

interface Sarif {
  runs: { automationDetails?: { id?: string }; results: { ruleId: string; partialFingerprints?: Record<string, string> }[] }[];
}

let fleet: Fleet;
let collections = '';
let tarball = '';

function outcomes(file: string): Map<string, Outcome> {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  return new Map(lines.map((l) => JSON.parse(l) as Outcome).map((o) => [o.host, o]));
}

/** What a report says, comparable across paths: findings per target and every error. */
function summary(report: Report): { targets: [string, string[]][]; errors: string[] } {
  return {
    targets: report.targets.map((t) => [t.target, t.findings.map((f) => `${f.rule_id} ${f.severity} ${f.module ?? ''} ${f.path} @${f.location?.line ?? 0}`).sort()] as [string, string[]]).sort(),
    errors: report.errors.map((e) => `${e.target}: ${e.message}`).sort(),
  };
}

function iniOf(hosts: FleetHost[]): string {
  const groups = [...new Set(hosts.map((h) => h.group))];
  const file = join(fleet.base, `inventory-${Math.random().toString(36).slice(2)}.ini`);
  writeFileSync(
    file,
    [
      ...groups.flatMap((g) => [`[${g}]`, ...hosts.filter((h) => h.group === g).map((h) => `${h.name} ansible_host=127.0.0.1 ansible_port=${h.port} ansible_user=root`)]),
      '[all:vars]',
      `ansible_ssh_common_args='-F ${fleet.sshConfig}'`,
      // As sweep's --connect-timeout below.
      'ansible_ssh_timeout=3',
      '',
    ].join('\n'),
  );
  return file;
}

function yamlOf(hosts: FleetHost[]): string {
  const groups = [...new Set(hosts.map((h) => h.group))];
  const file = join(fleet.base, `inventory-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, ['groups:', ...groups.flatMap((g) => [`  ${g}:`, '    hosts:', ...hosts.filter((h) => h.group === g).map((h) => `      ${h.name}: { address: 127.0.0.1, port: ${h.port} }`)]), ''].join('\n'));
  return file;
}

/** ssh processes that hold a control socket under DIR (a connection-sharing master), by pid. */
function masters(dir: string): number[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return ps
    .split('\n')
    .filter((l) => l.includes(dir) && /\bssh\b/.test(l) && !l.includes('ansible-playbook'))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

function sockets(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

function playbook(inventory: string, play: string, extra: Record<string, unknown>, controlDir: string, cwd = fleet.base): { code: number | null; out: string } {
  const r = spawnSync('ansible-playbook', ['-i', inventory, play, '--forks', '16', '-e', JSON.stringify(extra)], {
    cwd,
    encoding: 'utf8',
    timeout: 300_000,
    env: {
      ...process.env,
      ANSIBLE_NOCOLOR: '1',
      ANSIBLE_COLLECTIONS_PATH: collections,
      ANSIBLE_LOCAL_TEMP: join(fleet.base, 'ansible-local'),
      ANSIBLE_SSH_CONTROL_PATH_DIR: controlDir,
      ANSIBLE_HOST_KEY_CHECKING: 'True',
    },
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

function sweep(inventory: string, results: string): { code: number | null; report: Report; stderr: string } {
  const r = spawnSync(
    RSYNCGUARD[0] as string,
    [...RSYNCGUARD.slice(1), 'sweep', '--inventory', inventory, '--ssh-config', fleet.sshConfig, '--connect-timeout', '3', '--timeout', '8', '--max-output', '1000000', '--results', results, '--format', 'json'],
    {
      encoding: 'utf8',
      timeout: 180_000,
      maxBuffer: 64 << 20,
    },
  );
  return { code: r.status, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

function closeMasters(dir: string): void {
  // Only the masters this test made, each by its own socket.
  for (const s of sockets(dir)) spawnSync('ssh', ['-o', `ControlPath=${join(dir, s)}`, '-O', 'exit', 'x'], { timeout: 5000 });
}

const collection = suite('the rsyncguard.audit collection with ansible-core on real sshd hosts');

collection.before(async () => {
  fleet = await startFleet({ slow: true });
  const built = spawnSync(join(ROOT, 'scripts/build-collection.sh'), [join(fleet.base, 'build')], { encoding: 'utf8' });
  assert.is(built.status, 0, built.stderr);
  tarball = built.stdout.trim();
  collections = join(fleet.base, 'collections');
  const installed = spawnSync('ansible-galaxy', ['collection', 'install', '--offline', '-p', collections, tarball], { encoding: 'utf8' });
  assert.is(installed.status, 0, installed.stdout + installed.stderr);
});

collection.after(() => {
  for (const d of ['cp', 'cp-kept', 'cp-example', 'cp-hung']) closeMasters(join(fleet?.base ?? '/nonexistent', d));
  fleet?.stop();
});

collection('the build is rsyncguard-audit-<package.json version>.tar.gz with the collector inside', () => {
  assert.is(tarball, join(fleet.base, 'build', `rsyncguard-audit-${VERSION}.tar.gz`));
  const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
  for (const f of ['MANIFEST.json', 'files/rsync-facts.sh', 'plugins/action/collect.py', 'plugins/action/record.py', 'roles/sweep/tasks/main.yml']) assert.ok(listing.includes(f), `${f} not in ${listing.join(' ')}`);
  const manifest = JSON.parse(spawnSync('tar', ['-xzOf', tarball, 'MANIFEST.json'], { encoding: 'utf8' }).stdout) as { collection_info: { namespace: string; name: string; version: string } };
  assert.equal([manifest.collection_info.namespace, manifest.collection_info.name, manifest.collection_info.version], ['rsyncguard', 'audit', VERSION]);
  // The shipped collector is the repository's, byte for byte.
  const shipped = spawnSync('tar', ['-xzOf', tarball, 'files/rsync-facts.sh'], { encoding: 'utf8' }).stdout;
  assert.is(shipped, readFileSync(join(ROOT, 'collectors/rsync-facts.sh'), 'utf8'));
  assert.ok(existsSync(join(collections, 'ansible_collections/rsyncguard/audit/MANIFEST.json')));
  // Every plugin and the role document themselves in a form ansible-doc reads.
  for (const [type, name] of [
    ['module', 'collect'],
    ['module', 'record'],
    ['role', 'sweep'],
  ]) {
    const doc = spawnSync('ansible-doc', ['-t', type as string, `rsyncguard.audit.${name}`], { encoding: 'utf8', env: { ...process.env, ANSIBLE_COLLECTIONS_PATH: collections } });
    assert.is(doc.status, 0, doc.stderr);
    assert.match(doc.stdout, name === 'sweep' ? 'rsyncguard eval' : 'rsyncguard');
  }
});

collection('the role accounts for every host as sweep does, evaluates on the controller and fails the play', () => {
  const play = join(fleet.base, 'audit.yml');
  writeFileSync(play, '- hosts: all\n  gather_facts: false\n  roles:\n    - rsyncguard.audit.sweep\n');
  const out = join(fleet.base, 'audit');
  assert.not.ok(existsSync(out));
  const cp = join(fleet.base, 'cp');
  const run = playbook(iniOf(fleet.hosts), play, { rsyncguard_out: out, rsyncguard_command: RSYNCGUARD, rsyncguard_max_output: 1_000_000, rsyncguard_timeout: 8 }, cp);
  // Hosts that could not be read: rsyncguard's exit 2, the play fails and says why.
  assert.is.not(run.code, 0, run.out.slice(-4000));
  assert.match(run.out, 'some hosts could not be read');
  assert.is(statSync(out).mode & 0o777, 0o700);

  const role = outcomes(join(out, 'results.jsonl'));
  const swept = sweep(yamlOf(fleet.hosts), join(fleet.base, 'sweep-results.jsonl'));
  assert.is(swept.code, 2, swept.stderr);
  const bySweep = outcomes(join(fleet.base, 'sweep-results.jsonl'));
  assert.equal([...role.keys()].sort(), fleet.hosts.map((h) => h.name).sort());
  for (const h of fleet.hosts) {
    const a = role.get(h.name);
    const b = bySweep.get(h.name);
    assert.ok(a && b, h.name);
    assert.is(a.status, h.expect, `${h.name}: ${JSON.stringify({ ...a, raw: undefined })}`);
    assert.equal([a.host, a.group, a.status, a.reason], [b.host, b.group, b.status, b.reason], h.name);
    if (h.expect === 'ok') assert.is(a.raw?.host.name, h.name);
  }

  // rsyncguard eval of the role's results says what sweep's own report says, host by host.
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
  assert.equal(summary(report), summary(swept.report));
  assert.ok(report.targets.length >= 8 && report.errors.length === 7, JSON.stringify(summary(report).errors));

  // No ssh master was opened, and the hung host's ssh was ended at the time limit.
  assert.equal(
    masters(cp),
    [],
    spawnSync('ps', ['-eo', 'pid,ppid,etime,args'], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((l) => l.includes(cp))
      .join('\n'),
  );
  assert.equal(sockets(cp), []);
});

collection('healthy hosts: the threshold decides, and the report is written either way', () => {
  const healthy = fleet.hosts.filter((h) => h.expect === 'ok');
  const inv = iniOf(healthy);
  const play = join(fleet.base, 'audit-healthy.yml');
  writeFileSync(play, '- hosts: all\n  gather_facts: false\n  roles:\n    - rsyncguard.audit.sweep\n');
  const out = join(fleet.base, 'healthy');
  const pass = playbook(inv, play, { rsyncguard_out: out, rsyncguard_command: RSYNCGUARD, rsyncguard_fail_on: 'none', rsyncguard_format: 'sarif' }, join(fleet.base, 'cp'));
  assert.is(pass.code, 0, pass.out.slice(-4000));
  // The same SARIF as sweep's: the same runs (one per group) holding the same alerts (rule and fingerprints).
  const alerts = (text: string) =>
    (JSON.parse(text) as Sarif).runs
      .map(
        (r) =>
          `${r.automationDetails?.id ?? ''}: ${r.results
            .map((x) => `${x.ruleId} ${JSON.stringify(x.partialFingerprints ?? {})}`)
            .sort()
            .join(' | ')}`,
      )
      .sort();
  const ours = alerts(readFileSync(join(out, 'report.sarif'), 'utf8'));
  const sweptSarif = spawnSync(RSYNCGUARD[0] as string, [...RSYNCGUARD.slice(1), 'sweep', '--inventory', yamlOf(healthy), '--ssh-config', fleet.sshConfig, '--format', 'sarif', '--fail-on', 'none'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.is(sweptSarif.status, 0, sweptSarif.stderr);
  assert.ok(ours.length >= 2 && ours.every((r) => r.includes('RSYNC-')), ours.join('\n'));
  assert.equal(ours, alerts(sweptSarif.stdout));

  const fail = playbook(inv, play, { rsyncguard_out: out, rsyncguard_command: RSYNCGUARD, rsyncguard_fail_on: 'high' }, join(fleet.base, 'cp'));
  assert.is.not(fail.code, 0, fail.out.slice(-4000));
  assert.match(fail.out, 'findings at or above high');
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
  assert.ok(report.targets.some((t) => t.findings.some((f) => f.severity === 'high' || f.severity === 'critical')));
  assert.equal(report.errors, []);
});

collection('with rsyncguard_share_connections, ssh masters do stay (what the default prevents)', () => {
  const healthy = fleet.hosts.filter((h) => h.expect === 'ok').slice(0, 2);
  const play = join(fleet.base, 'audit-kept.yml');
  writeFileSync(play, '- hosts: all\n  gather_facts: false\n  roles:\n    - rsyncguard.audit.sweep\n');
  const cp = join(fleet.base, 'cp-kept');
  const run = playbook(iniOf(healthy), play, { rsyncguard_out: join(fleet.base, 'kept'), rsyncguard_command: RSYNCGUARD, rsyncguard_fail_on: 'none', rsyncguard_share_connections: true }, cp);
  assert.is(run.code, 0, run.out.slice(-3000));
  assert.is(sockets(cp).length, 2);
  assert.ok(masters(cp).length >= 2);
  closeMasters(cp);
});

collection('the role leaves an existing output directory as it is (a shared 1777 one keeps its mode)', () => {
  const healthy = fleet.hosts.filter((h) => h.expect === 'ok').slice(0, 2);
  const play = join(fleet.base, 'audit-shared.yml');
  writeFileSync(play, '- hosts: all\n  gather_facts: false\n  roles:\n    - rsyncguard.audit.sweep\n');
  const shared = join(fleet.base, 'shared');
  mkdirSync(shared);
  chmodSync(shared, 0o1777);
  const run = playbook(iniOf(healthy), play, { rsyncguard_out: shared, rsyncguard_command: RSYNCGUARD, rsyncguard_fail_on: 'none' }, join(fleet.base, 'cp'));
  assert.is(run.code, 0, run.out.slice(-3000));
  assert.is(statSync(shared).mode & 0o7777, 0o1777);
  assert.ok(existsSync(join(shared, 'results.jsonl')));
});

collection('examples/ansible/collect.yml: a hung host fails at rsyncguard_timeout, the others are collected, an existing directory keeps its mode', () => {
  const healthy = fleet.hosts.filter((h) => h.expect === 'ok').slice(0, 2);
  // Each command takes 30 s there: without a limit the play waits for every one of the script's round trips.
  const hung = fleet.hosts.filter((h) => h.name === 'slow');
  assert.is(hung.length, 1);
  const dir = mkdtempSync(join(fleet.base, 'hung-'));
  writeFileSync(
    join(dir, 'inventory.ini'),
    [
      '[fleet]',
      ...[...healthy, ...hung].map((h) => `${h.name} ansible_host=127.0.0.1 ansible_port=${h.port} ansible_user=root`),
      '[fleet:vars]',
      `ansible_ssh_common_args='-F ${fleet.sshConfig}'`,
      'ansible_ssh_transfer_method=piped',
      'ansible_remote_tmp=/tmp/.ansible',
      '',
    ].join('\n'),
  );
  const out = join(dir, 'collected');
  mkdirSync(out);
  chmodSync(out, 0o1777);
  mkdirSync(join(fleet.base, 'ansible-local'), { recursive: true });
  const started = Date.now();
  const r = spawnSync('sh', ['-c', `ansible-playbook -i inventory.ini ${join(ROOT, 'examples/ansible/collect.yml')} -e rsyncguard_out=$PWD/collected -e rsyncguard_timeout=10`], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 150_000,
    env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(fleet.base, 'ansible-local'), ANSIBLE_SSH_CONTROL_PATH_DIR: join(fleet.base, 'cp-hung') },
  });
  // Ended by the play, not by this test's own limit: the hung host failed and the play said so.
  assert.is.not(r.signal, 'SIGTERM', `the play did not end within ${Date.now() - started} ms`);
  assert.is(r.status, 2, r.stdout.slice(-3000) + r.stderr.slice(-1000));
  assert.match(r.stdout, /fatal: \[slow\]: FAILED! => .*expected time frame \(10\)/, r.stdout.slice(-3000));
  assert.equal(readdirSync(out).sort(), healthy.map((h) => `${h.name}.json`).sort());
  assert.is(statSync(out).mode & 0o7777, 0o1777);
});

collection('examples/ansible/collect.yml works as documented from a fresh directory and leaves no master', () => {
  const healthy = fleet.hosts.filter((h) => h.expect === 'ok');
  const fresh = mkdtempSync(join(fleet.base, 'fresh-'));
  writeFileSync(
    join(fresh, 'inventory.ini'),
    [
      '[fleet]',
      ...healthy.map((h) => `${h.name} ansible_host=127.0.0.1 ansible_port=${h.port} ansible_user=root`),
      '[fleet:vars]',
      `ansible_ssh_common_args='-F ${fleet.sshConfig}'`,
      // The test hosts are busybox chroots: no sftp server, and no home directory for Ansible's remote temp.
      'ansible_ssh_transfer_method=piped',
      'ansible_remote_tmp=/tmp/.ansible',
      '',
    ].join('\n'),
  );
  const cp = join(fleet.base, 'cp-example');
  mkdirSync(join(fleet.base, 'ansible-local'), { recursive: true });
  // The command of the playbook's header, word for word, in a shell (so $PWD is the shell's).
  const r = spawnSync('sh', ['-c', `ansible-playbook -i inventory.ini ${join(ROOT, 'examples/ansible/collect.yml')} -e rsyncguard_out=$PWD/collected`], {
    cwd: fresh,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(fleet.base, 'ansible-local'), ANSIBLE_SSH_CONTROL_PATH_DIR: cp },
  });
  assert.is(r.status, 0, r.stdout.slice(-3000) + r.stderr.slice(-1000));
  const collected = join(fresh, 'collected');
  assert.is(statSync(collected).mode & 0o777, 0o700);
  assert.equal(readdirSync(collected).sort(), healthy.map((h) => `${h.name}.json`).sort());
  assert.equal(masters(cp), []);
  assert.equal(sockets(cp), []);
  // What it fetched evaluates to what sweep finds on the same hosts.
  const evaluated = spawnSync(RSYNCGUARD[0] as string, [...RSYNCGUARD.slice(1), 'eval', ...readdirSync(collected).map((f) => join(collected, f)), '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const swept = sweep(yamlOf(healthy), join(fleet.base, 'example-sweep.jsonl'));
  assert.equal(summary(JSON.parse(evaluated.stdout) as Report).targets, summary(swept.report).targets);
});

collection.run();
