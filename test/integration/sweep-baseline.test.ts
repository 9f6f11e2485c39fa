/**
 * `sweep --baseline` against the real sshd test fleet (issue 17 §1): a sweep's SARIF log is the next sweep's
 * baseline. Between the sweeps one host's finding is fixed and another host gains one: the fixed finding is
 * absent on its host only, the added ones are new on theirs, every other host's findings are unchanged,
 * and the fleet SARIF written with the baseline passes the schema and the SARIF Multitool. Runs the command
 * line from src (tsx): dist is rebuilt by the release.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { multitoolProblems, schemaProblems } from '../support/sarif-check.ts';
import { startFleet, type Fleet } from './support/ssh-fleet.ts';

let fleet: Fleet;

function sweep(...extra: string[]): { code: number | null; stdout: string; stderr: string } {
  const args = ['sweep', '--inventory', fleet.inventory, '--ssh-config', fleet.sshConfig, '--connect-timeout', '3', '--timeout', '8', '--max-output', '1000000', ...extra];
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  targets: { target: string; findings: { rule_id: string; module: string | null; baseline_state?: string }[] }[];
  errors: { target: string }[];
  baseline?: { counts: Record<string, number>; absent: { target: string; rule_id: string; module: string | null }[] };
}

const s = suite('sweep --baseline over real sshd hosts');
s.before(async () => {
  fleet = await startFleet();
});
s.after(() => fleet?.stop());

s('a fixed finding is absent on its host only, added ones are new on theirs, the rest unchanged', () => {
  const base = join(fleet.base, 'base.sarif');
  const first = sweep('--format', 'sarif', '--output', base);
  assert.is(first.code, 2, first.stderr);
  // h1's anonymous writable module becomes read-only; h2 gains an anonymous writable module (its findings, and
  // daemon-wide ones it brings about, are the only new ones).
  const h1 = join(fleet.base, 'h1', 'etc', 'rsyncd.conf');
  writeFileSync(h1, readFileSync(h1, 'utf8').replace('read only = no', 'read only = yes'));
  appendFileSync(join(fleet.base, 'h2', 'etc', 'rsyncd.conf'), '[drop]\n    path = /srv/drop\n    read only = no\n');

  const second = sweep('--baseline', base, '--format', 'json');
  // Broken hosts are still not swept: exit 2 whatever the baseline says.
  assert.is(second.code, 2, second.stderr);
  const report = JSON.parse(second.stdout) as JsonReport;
  const absent = (report.baseline?.absent ?? []).map((a) => `${a.target.split(':')[0]} ${a.rule_id} ${a.module}`);
  assert.ok(absent.length > 0 && absent.every((a) => a.startsWith('h1 ')), absent.join('; '));
  assert.ok(absent.includes('h1 RSYNC-002 pub'), absent.join('; '));
  const states = new Map<string, Set<string>>();
  for (const t of report.targets) {
    const host = t.target.split(':')[0] ?? t.target;
    for (const f of t.findings) states.set(host, (states.get(host) ?? new Set()).add(`${f.baseline_state}${f.baseline_state === 'new' ? ` ${f.module}` : ''}`));
  }
  assert.ok(
    [...(states.get('h2') ?? [])].some((x) => x === 'new drop'),
    [...(states.get('h2') ?? [])].join(', '),
  );
  assert.ok(![...(states.get('h2') ?? [])].some((x) => x.startsWith('new ') && x !== 'new drop' && x !== 'new null'), [...(states.get('h2') ?? [])].join(', '));
  for (const [host, seen] of states) {
    if (host === 'h1' || host === 'h2') continue;
    assert.equal([...seen], ['unchanged'], host);
  }
  // The same comparison as SARIF: valid, with a run per group and the absent result in h1's run.
  const sarif = sweep('--baseline', base, '--format', 'sarif');
  const log = JSON.parse(sarif.stdout) as Sarif.Log;
  assert.equal(schemaProblems(log), []);
  assert.equal(multitoolProblems(sarif.stdout), []);
  const gone = log.runs.flatMap((r) => (r.results ?? []).filter((x) => x.baselineState === 'absent').map((x) => `${r.automationDetails?.id} ${String(x.properties?.['target']).split(':')[0]}`));
  const h1Group = fleet.hosts.find((h) => h.name === 'h1')?.group;
  assert.ok(gone.length === absent.length && gone.every((g) => g === `rsyncguard/fleet/${h1Group}/ h1`), gone.join('; '));
  assert.ok(log.runs.every((r) => (r.results ?? []).every((x) => x.baselineState !== undefined)));
});

s.run();
