/**
 * Fleets at scale (issue 17 §7, issue 21 "Figures"): `eval` of 10,000 host documents in every format and
 * `sweep` of 10,000 hosts (the evaluation and report half, from a results file with every host done), each
 * with its wall time and peak RSS; then, as root, 100 real sshd hosts swept by `sweep`, by a plain
 * `xargs -P C ssh … sh -s < collector` fan-out and by the Ansible example playbook + `eval`, at the same
 * concurrency. Peak RSS is /usr/bin/time's maximum resident set of the whole CLI process.
 *
 * Alone: `node --import tsx bench/fleet-scale.ts` prints the rows. RSYNCGUARD_BENCH_CLI names the CLI to
 * measure (default dist/cli.js); RSYNCGUARD_BENCH_FLEET the number of documents (default 10,000);
 * RSYNCGUARD_BENCH_HOSTS the sshd hosts (default 100); RSYNCGUARD_BENCH_SKIP_EVAL / RSYNCGUARD_BENCH_SKIP_HOSTS
 * leave out either half while developing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatNames, REPORT_FORMATS } from '../src/report/index.ts';
import { startFleet, type Fleet, type FleetHost } from '../test/integration/support/ssh-fleet.ts';
import { fleetDoc, GROUPS, writeFleetDocs } from './fleet-docs.ts';
import { fmt, repeat, type Measured, type Row } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = resolve(ROOT, process.env['RSYNCGUARD_BENCH_CLI'] ?? 'dist/cli.js');
const DOCS = Number(process.env['RSYNCGUARD_BENCH_FLEET'] ?? '10000');
const COLLECTOR = join(ROOT, 'collectors', 'rsync-facts.sh');
/** Issue 21's goal for `--format json` at 10,000 hosts. */
const RSS_GOAL_MB = 300;
const HOSTS = Number(process.env['RSYNCGUARD_BENCH_HOSTS'] ?? '100');
const CONCURRENCY = 16;

interface Run {
  seconds: number;
  peakMB: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One run of `argv` under /usr/bin/time: wall seconds and the peak RSS of the process. */
function timed(argv: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync('/usr/bin/time', ['-f', 'rsyncguard-bench %e %M', ...argv], { encoding: 'utf8', maxBuffer: 1 << 26, cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env });
  const m = /rsyncguard-bench ([\d.]+) (\d+)\s*$/.exec(r.stderr);
  return { seconds: Number(m?.[1] ?? Number.NaN), peakMB: Number(m?.[2] ?? Number.NaN) / 1024, code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/rsyncguard-bench [\d.]+ \d+\s*$/, '') };
}

const cli = (...args: string[]): string[] => [process.execPath, CLI, ...args];
const mb = (n: number) => `${n.toFixed(0)} MB`;
const size = (file: string) => `${(statSync(file).size / 1e6).toFixed(0)} MB`;

/** `eval` of N host documents in every report format: time and peak RSS (one run each: 10,000 take a while). */
function evalAtScale(rows: Row[], dir: string): void {
  const docs = join(dir, 'hosts.json');
  writeFleetDocs(DOCS, docs);
  for (const format of formatNames(REPORT_FORMATS)) {
    const out = join(dir, `report.${format}`);
    const r = timed(cli('eval', docs, '--format', format, '--output', out, '--fail-on', 'none'));
    const ok = r.code === 0;
    rows.push({
      benchmark: `eval, ${DOCS} host documents → ${format}`,
      figure: ok ? `${r.seconds.toFixed(1)} s, peak RSS ${mb(r.peakMB)}, ${size(out)} written` : `failed (exit ${r.code}) after ${r.seconds.toFixed(1)} s, peak RSS ${mb(r.peakMB)}`,
      goal: format === 'json' ? `≤ ${RSS_GOAL_MB} MB peak RSS` : '',
      met: format === 'json' ? ok && r.peakMB <= RSS_GOAL_MB : null,
      note: ok ? '' : (r.stderr.trim().split('\n').slice(-1)[0]?.slice(0, 160) ?? ''),
    });
  }
}

/**
 * `sweep --format json` of N hosts without N sshd: a results file with every host done and `--resume`, so the
 * sweep evaluates and reports them all (the half of a sweep that grows with the fleet) and connects to none.
 */
function sweepAtScale(rows: Row[], dir: string): void {
  const inventory = join(dir, 'inventory.yml');
  const results = join(dir, 'results.jsonl');
  const names = Array.from({ length: DOCS }, (_, i) => `host${String(i).padStart(6, '0')}.example`);
  const groups = GROUPS.map((g, gi) => [`  ${g}:`, '    hosts:', ...names.filter((_, i) => i % GROUPS.length === gi).map((n) => `      ${n}: { address: 127.0.0.1, port: 9 }`)]);
  writeFileSync(inventory, ['groups:', ...groups.flat(), ''].join('\n'));
  writeFileSync(results, names.map((host, i) => `${JSON.stringify({ host, group: GROUPS[i % GROUPS.length], status: 'ok', reason: '', seconds: 0.1, raw: fleetDoc(i) })}\n`).join(''));
  const out = join(dir, 'sweep.json');
  const r = timed(cli('sweep', '--inventory', inventory, '--results', results, '--resume', '--format', 'json', '--output', out, '--fail-on', 'none'));
  const ok = r.code === 0;
  rows.push({
    benchmark: `sweep, ${DOCS} hosts → json (evaluation and report; every host resumed from --results)`,
    figure: ok ? `${r.seconds.toFixed(1)} s, peak RSS ${mb(r.peakMB)}, ${size(out)} written` : `failed (exit ${r.code}), peak RSS ${mb(r.peakMB)}`,
    goal: `≤ ${RSS_GOAL_MB} MB peak RSS`,
    met: ok && r.peakMB <= RSS_GOAL_MB,
    note: ok ? '' : (r.stderr.trim().split('\n').slice(-1)[0]?.slice(0, 160) ?? ''),
  });
}

function yamlInventory(file: string, hosts: FleetHost[]): string {
  const groups = [...new Set(hosts.map((h) => h.group))];
  writeFileSync(file, ['groups:', ...groups.flatMap((g) => [`  ${g}:`, '    hosts:', ...hosts.filter((h) => h.group === g).map((h) => `      ${h.name}: { address: 127.0.0.1, port: ${h.port} }`)]), ''].join('\n'));
  return file;
}

/** The Ansible example playbook's inventory: the same hosts and the same ssh_config as the sweep. */
function iniInventory(file: string, fleet: Fleet, hosts: FleetHost[]): string {
  writeFileSync(file, ['[fleet]', ...hosts.map((h) => `${h.name} ansible_host=127.0.0.1 ansible_port=${h.port} ansible_user=root`), '', '[all:vars]', `ansible_ssh_common_args='-F ${fleet.sshConfig}'`, ''].join('\n'));
  return file;
}

/** As root: 100 real sshd hosts, swept three ways at the same concurrency. */
async function sweepRealHosts(rows: Row[], dir: string): Promise<void> {
  if (process.getuid?.() !== 0) {
    rows.push({ benchmark: `sweep of ${HOSTS} sshd hosts`, figure: 'not run', goal: '', met: null, note: 'needs root to start sshd test hosts' });
    return;
  }
  const fleet = await startFleet({ healthy: HOSTS });
  try {
    const healthy = fleet.hosts.filter((h) => h.expect === 'ok');
    const all = yamlInventory(join(dir, 'real.yml'), healthy);
    const one = yamlInventory(join(dir, 'one.yml'), healthy.slice(0, 1));
    const sweepOf = (inventory: string, c: number) => timed(cli('sweep', '--inventory', inventory, '--ssh-config', fleet.sshConfig, '--concurrency', String(c), '--format', 'json', '--output', join(dir, 'real.json'), '--fail-on', 'none'));
    let peak = 0;
    const sweepAll = () => {
      const r = sweepOf(all, CONCURRENCY);
      if (r.code !== 0) throw new Error(`sweep of ${HOSTS} hosts: exit ${r.code}: ${r.stderr.slice(-400)}`);
      peak = Math.max(peak, r.peakMB);
      return r.seconds;
    };
    // The floor: the same ssh options sweep uses, the collector on stdin, output thrown away.
    const ports = `${healthy.map((h) => h.port).join('\n')}\n`;
    const fanOutOnce = () => {
      const script = `ssh -F '${fleet.sshConfig}' -o BatchMode=yes -o ControlMaster=no -o ConnectTimeout=10 -p "$1" -- 127.0.0.1 sh -s < '${COLLECTOR}' > /dev/null`;
      const t = performance.now();
      const r = spawnSync('xargs', ['-P', String(CONCURRENCY), '-n', '1', 'sh', '-c', script, 'sh'], { input: ports, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`fan-out: exit ${r.status}: ${r.stderr.slice(-400)}`);
      return (performance.now() - t) / 1000;
    };
    const single = await repeat(3, () => sweepOf(one, 1).seconds);
    // Sweep and fan-out take turns, so that a change in the machine's load falls on both alike.
    const sweeps: number[] = [];
    const fanOuts: number[] = [];
    for (let i = 0; i < 5; i++) {
      sweeps.push(sweepAll());
      fanOuts.push(fanOutOnce());
    }
    // Each turn's own ratio: their median is the figure least moved by load between turns.
    const ratios = sweeps.map((t, i) => t / (fanOuts[i] ?? Number.NaN)).sort((x, y) => x - y);
    const ratio = ratios[Math.floor(ratios.length / 2)] ?? Number.NaN;
    const swept = await repeat(sweeps.length, () => sweeps.shift() ?? Number.NaN);
    const fanOut = await repeat(fanOuts.length, () => fanOuts.shift() ?? Number.NaN);
    const ideal = Math.ceil(HOSTS / CONCURRENCY) * single.median;
    rows.push({ benchmark: 'fleet: one sshd host', figure: fmt(single, 2, ' s'), goal: '', met: null, note: 'whole CLI run: Node start, ssh, collector, evaluation' });
    rows.push({
      benchmark: `fleet: ${HOSTS} sshd hosts at concurrency ${CONCURRENCY}`,
      figure: `${fmt(swept, 2, ' s')}; peak RSS ${mb(peak)}`,
      goal: `≤ ${(1.2 * ideal).toFixed(2)} s (1.2 × ${Math.ceil(HOSTS / CONCURRENCY)} × one host)`,
      met: swept.median <= 1.2 * ideal,
      note: `÷ ideal ${(swept.median / ideal).toFixed(2)}×`,
    });
    rows.push({ benchmark: `fleet: plain fan-out, xargs -P ${CONCURRENCY} ssh … sh -s < collector, same hosts`, figure: fmt(fanOut, 2, ' s'), goal: '', met: null, note: 'no evaluation, output discarded' });
    rows.push({
      benchmark: 'fleet: sweep ÷ plain fan-out',
      figure: `${ratio.toFixed(2)}× (${(ratios[0] ?? 0).toFixed(2)}–${(ratios[ratios.length - 1] ?? 0).toFixed(2)})`,
      goal: '≤ 1.1×',
      met: ratio <= 1.1,
      note: 'median of 5 turns, each a sweep then a fan-out',
    });
    ansiblePath(rows, fleet, healthy, dir, fanOut, swept);
    ansibleRole(rows, fleet, healthy, dir, fanOut, swept);
  } finally {
    fleet.stop();
  }
}

/** examples/ansible/collect.yml at the same forks, then `eval` of what it collected: the documented Ansible path. */
function ansiblePath(rows: Row[], fleet: Fleet, hosts: FleetHost[], dir: string, fanOut: Measured, swept: Measured): void {
  if (spawnSync('ansible-playbook', ['--version']).status !== 0) {
    rows.push({ benchmark: `fleet: Ansible path, ${HOSTS} hosts`, figure: 'not run', goal: '', met: null, note: 'ansible-playbook not installed' });
    return;
  }
  const inventory = iniInventory(join(dir, 'real.ini'), fleet, hosts);
  const control = mkdtempSync(join(tmpdir(), 'rg-cp-'));
  // The hosts are busybox chroots with no passwd: ~root does not expand there, so the remote temp is named.
  const env = { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_HOST_KEY_CHECKING: 'True', ANSIBLE_SSH_CONTROL_PATH_DIR: control, ANSIBLE_LOCAL_TEMP: join(dir, 'ansible-local'), ANSIBLE_REMOTE_TEMP: '/tmp/.ansible' };
  const times: number[] = [];
  let peak = 0;
  let failure = '';
  for (let i = 0; i < 2 && failure === ''; i++) {
    const out = join(dir, `collected-${i}`);
    const play = timed(['ansible-playbook', '-i', inventory, join(ROOT, 'examples/ansible/collect.yml'), '--forks', String(CONCURRENCY), '-e', `rsyncguard_out=${out}`], { env });
    if (play.code !== 0) {
      failure = `ansible-playbook exit ${play.code}`;
      console.error(play.stdout.slice(-3000), play.stderr.slice(-1000));
      break;
    }
    const files = readdirSync(out).map((f) => join(out, f));
    const ev = timed(cli('eval', ...files, '--format', 'json', '--output', join(dir, 'ansible.json'), '--fail-on', 'none'));
    if (ev.code !== 0) failure = `eval exit ${ev.code}`;
    times.push(play.seconds + ev.seconds);
    peak = Math.max(peak, play.peakMB);
  }
  rmSync(control, { recursive: true, force: true });
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
  rows.push({
    benchmark: `fleet: Ansible path (examples/ansible/collect.yml --forks ${CONCURRENCY}, then eval), ${HOSTS} hosts`,
    figure: failure !== '' ? `failed: ${failure}` : `${median.toFixed(2)} s (${times.map((t) => t.toFixed(1)).join(', ')}); ansible-playbook peak RSS ${mb(peak)}`,
    goal: '',
    met: null,
    note: failure !== '' ? '' : `÷ plain fan-out ${(median / fanOut.median).toFixed(2)}×, ÷ sweep ${(median / swept.median).toFixed(2)}×`,
  });
}

export async function benchFleetScale(rows: Row[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rsyncguard-fleet-scale-'));
  try {
    mkdirSync(dir, { recursive: true });
    if (process.env['RSYNCGUARD_BENCH_SKIP_EVAL'] === undefined) {
      evalAtScale(rows, dir);
      sweepAtScale(rows, dir);
    }
    if (process.env['RSYNCGUARD_BENCH_SKIP_HOSTS'] === undefined) await sweepRealHosts(rows, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows: Row[] = [];
  await benchFleetScale(rows);
  for (const r of rows) console.log(`| ${r.benchmark} | ${r.figure} | ${r.goal} | ${r.met === null ? '' : r.met ? 'yes' : '**no**'} | ${r.note} |`);
}

/**
 * The collection's role rsyncguard.audit.sweep (ansible/, docs/ansible.md) at the same forks: it streams the
 * collector in one command per host and runs `eval` itself, so its time is collection and evaluation.
 */
function ansibleRole(rows: Row[], fleet: Fleet, hosts: FleetHost[], dir: string, fanOut: Measured, swept: Measured): void {
  const name = `fleet: Ansible role rsyncguard.audit.sweep (--forks ${CONCURRENCY}, eval included), ${HOSTS} hosts`;
  const built = spawnSync(join(ROOT, 'scripts/build-collection.sh'), [join(dir, 'build')], { encoding: 'utf8' });
  const collections = join(dir, 'collections');
  const installed = built.status === 0 ? spawnSync('ansible-galaxy', ['collection', 'install', '--offline', '-p', collections, built.stdout.trim()], { encoding: 'utf8' }) : built;
  if (installed.status !== 0) {
    rows.push({ benchmark: name, figure: 'not run', goal: '', met: null, note: `the collection did not build or install: ${(installed.stderr ?? '').trim().slice(-160)}` });
    return;
  }
  const inventory = iniInventory(join(dir, 'role.ini'), fleet, hosts);
  const play = join(dir, 'role.yml');
  writeFileSync(play, '- hosts: all\n  gather_facts: false\n  roles:\n    - rsyncguard.audit.sweep\n');
  const control = mkdtempSync(join(tmpdir(), 'rg-cp-'));
  const env = { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_HOST_KEY_CHECKING: 'True', ANSIBLE_SSH_CONTROL_PATH_DIR: control, ANSIBLE_LOCAL_TEMP: join(dir, 'ansible-local'), ANSIBLE_COLLECTIONS_PATH: collections };
  const times: number[] = [];
  let failure = '';
  for (let i = 0; i < 2 && failure === ''; i++) {
    const extra = { rsyncguard_out: join(dir, `role-${i}`), rsyncguard_command: [process.execPath, CLI], rsyncguard_fail_on: 'none' };
    const r = timed(['ansible-playbook', '-i', inventory, play, '--forks', String(CONCURRENCY), '-e', JSON.stringify(extra)], { env });
    if (r.code !== 0) failure = `ansible-playbook exit ${r.code}: ${r.stdout.slice(-300)}`;
    else times.push(r.seconds);
  }
  rmSync(control, { recursive: true, force: true });
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
  rows.push({
    benchmark: name,
    figure: failure !== '' ? `failed: ${failure.replace(/\s+/g, ' ')}` : `${median.toFixed(2)} s (${times.map((t) => t.toFixed(1)).join(', ')})`,
    goal: '',
    met: null,
    note: failure !== '' ? '' : `÷ plain fan-out ${(median / fanOut.median).toFixed(2)}×, ÷ sweep ${(median / swept.median).toFixed(2)}×`,
  });
}
