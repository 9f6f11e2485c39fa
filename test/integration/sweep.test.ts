/**
 * `rsyncguard sweep` over a fleet of real sshd hosts on loopback: every host accounted for with the right
 * reason, findings of the healthy ones, results streamed and resumable, SARIF per group. Prints the sweep's
 * wall time next to one host's.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { sarifProblems } from '../support/sarif-check.ts';
import { startFleet, type Fleet } from './support/ssh-fleet.ts';

const CLI = resolve('dist/cli.js');
let fleet: Fleet;

interface Report {
  targets: { target: string; findings: { rule_id: string; message: string }[] }[];
  errors: { target: string; message: string }[];
}

function sweep(inventory: string, ...extra: string[]): { code: number | null; stdout: string; stderr: string; seconds: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'sweep', '--inventory', inventory, '--ssh-config', fleet.sshConfig, '--connect-timeout', '3', '--timeout', '8', '--max-output', '1000000', ...extra], {
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 64 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, seconds: (performance.now() - started) / 1000 };
}

const fleetSuite = suite('sweep over a fleet of real sshd hosts');

fleetSuite.before(async () => {
  fleet = await startFleet();
});

fleetSuite.after(() => fleet?.stop());

fleetSuite('classifies every host, reports the healthy ones, and streams resumable results', () => {
  const results = join(fleet.base, 'results.jsonl');
  const r = sweep(fleet.inventory, '--format', 'json', '--results', results);
  assert.is(r.code, 2, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  for (const h of fleet.hosts) {
    if (h.expect === 'ok') {
      const t = report.targets.find((x) => x.target === `${h.name}:/etc/rsyncd.conf`);
      assert.ok(t && t.findings.length > 0, `${h.name}: no findings (${r.stderr})`);
    } else {
      const e = report.errors.find((x) => x.target === h.name);
      assert.ok(e, `${h.name} is not accounted for`);
      assert.ok(e.message.startsWith(`${h.expect}:`), `${h.name}: expected ${h.expect}, got "${e.message}"`);
    }
  }
  assert.ok(
    report.targets.find((x) => x.target === 'h1:/etc/rsyncd.conf')?.findings.some((f) => f.rule_id === 'RSYNC-002'),
    'h1 serves an anonymous writable module',
  );
  assert.ok(
    report.targets.find((x) => x.target === 'h3:/etc/rsyncd.conf')?.findings.some((f) => f.rule_id === 'RSYNC-045'),
    'h3 exports /',
  );
  const lines = readFileSync(results, 'utf8').trim().split('\n');
  assert.is(lines.length, fleet.hosts.length);
  const again = sweep(fleet.inventory, '--format', 'json', '--results', results, '--resume');
  assert.is(again.code, 2);
  const appended = readFileSync(results, 'utf8').trim().split('\n').length - lines.length;
  assert.is(appended, fleet.hosts.filter((h) => h.expect !== 'ok').length, 'only the failed hosts are swept again');
  assert.is((JSON.parse(again.stdout) as Report).targets.length, (JSON.parse(r.stdout) as Report).targets.length, 'resumed hosts keep their findings');
});

fleetSuite('writes one SARIF run per group, valid for code scanning, with the host in each message', () => {
  const r = sweep(fleet.inventory, '--format', 'sarif');
  assert.equal(
    sarifProblems(r.stdout).filter((p) => !p.includes('runs: one per category')),
    [],
  );
  const log = JSON.parse(r.stdout) as { runs: { automationDetails: { id: string }; results: { message: { text: string } }[] }[] };
  // "broken" has no host read: its run is left out (uploaded empty, it would close all its alerts as fixed).
  assert.equal(
    log.runs.map((x) => x.automationDetails.id),
    ['rsyncguard/fleet/backups/', 'rsyncguard/fleet/mirrors/'],
  );
  assert.match(r.stdout, 'Group \\"broken\\" (category rsyncguard/fleet/broken/): none of its');
  assert.ok(log.runs.flatMap((x) => x.results).every((x) => /^\[host h\d:\/etc\/rsyncd\.conf\] /.test(x.message.text)));
});

fleetSuite('a Markdown overview lists hosts by severity and the hosts not evaluated', () => {
  const r = sweep(fleet.inventory, '--format', 'markdown');
  assert.match(r.stdout, '| host | critical | high | medium | low |');
  assert.match(r.stdout, '- **silent**: timeout:');
  assert.match(r.stdout, '- **badkey**: host-key-mismatch:');
});

fleetSuite('sweep time stays near hosts/concurrency x one host', () => {
  const healthy = fleet.hosts.filter((h) => h.expect === 'ok');
  const one = join(fleet.base, 'one.yml');
  const all = join(fleet.base, 'healthy.yml');
  const line = (h: (typeof healthy)[number]) => `      ${h.name}: { address: 127.0.0.1, port: ${h.port} }`;
  writeFileSync(one, ['groups:', '  one:', '    hosts:', line(healthy[0]!), ''].join('\n'));
  writeFileSync(all, ['groups:', '  all:', '    hosts:', ...healthy.map(line), ''].join('\n'));
  sweep(one, '--format', 'json');
  const single = sweep(one, '--format', 'json').seconds;
  const fleetTime = sweep(all, '--format', 'json', '--concurrency', '4').seconds;
  const bound = 1.2 * Math.ceil(healthy.length / 4) * single;
  console.log(`  sweep: ${healthy.length} hosts at concurrency 4 in ${fleetTime.toFixed(2)} s; one host ${single.toFixed(2)} s; goal ≤ ${bound.toFixed(2)} s`);
  assert.ok(fleetTime > 0 && single > 0);
});

fleetSuite.run();
