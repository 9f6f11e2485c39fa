/**
 * `sweep` and `eval` of the same hosts' documents give the same alerts (issue 17 §4): a sweep of real sshd
 * hosts to SARIF, then `eval` of the documents its results file kept (each with its inventory group, as the
 * Ansible role saves them): every result — category, rule, file, region, fingerprint, host — is the same.
 * Runs the command line from src (dist is rebuilt by the lead).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startFleet, type Fleet } from './support/ssh-fleet.ts';

let fleet: Fleet;

function rg(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 180_000, maxBuffer: 256 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Each result as an alert is identified and shown, with the run (category) it is in. */
function alerts(log: Sarif.Log): string[] {
  return log.runs.flatMap((run) => (run.results ?? []).map((r) => JSON.stringify([run.automationDetails?.id, r.ruleId, r.level, r.message.text, r.locations?.[0]?.physicalLocation, r.locations?.[0]?.logicalLocations, r.partialFingerprints]))).sort();
}

const same = suite('sweep and eval of the same hosts: the same SARIF alerts');

same.before(async () => {
  fleet = await startFleet();
});
same.after(() => fleet?.stop());

same('every result of the sweep is in eval of the documents it collected, in the same run, with the same identity', () => {
  const results = join(fleet.base, 'sarif-results.jsonl');
  const swept = rg(['sweep', '--inventory', fleet.inventory, '--ssh-config', fleet.sshConfig, '--connect-timeout', '3', '--timeout', '8', '--max-output', '1000000', '--format', 'sarif', '--results', results]);
  assert.is(swept.code, 2, swept.stderr);
  const sweepLog = JSON.parse(swept.stdout) as Sarif.Log;
  // The documents as a collector run by Ansible leaves them, each saying its inventory group.
  const docs = readFileSync(results, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { status: string; group: string; raw?: { host: object } })
    .filter((o) => o.status === 'ok' && o.raw)
    .map((o) => ({ ...o.raw, host: { ...o.raw?.host, group: o.group } }));
  assert.is(docs.length, fleet.hosts.filter((h) => h.expect === 'ok').length);
  const file = join(fleet.base, 'collected.json');
  writeFileSync(file, JSON.stringify(docs));
  const evaluated = rg(['eval', file, '--format', 'sarif']);
  assert.is(evaluated.code, 1, evaluated.stderr);
  const evalLog = JSON.parse(evaluated.stdout) as Sarif.Log;
  const a = alerts(sweepLog);
  assert.ok(a.length > 20, 'the healthy hosts have findings, else this proves little');
  assert.equal(alerts(evalLog), a);
  // The groups with healthy hosts have a run in both. Sweep's "broken" group has no host read: its run is left
  // out (uploaded empty it would close all its alerts), and the log says so.
  assert.equal(
    evalLog.runs.map((r) => r.automationDetails?.id),
    ['rsyncguard/fleet/backups/', 'rsyncguard/fleet/mirrors/'],
  );
  assert.not.ok(sweepLog.runs.some((r) => r.automationDetails?.id === 'rsyncguard/fleet/broken/'));
  const leftOut = sweepLog.runs.flatMap((r) => r.invocations?.flatMap((i) => i.toolExecutionNotifications ?? []) ?? []).filter((n) => n.descriptor?.id === 'run-left-out');
  assert.ok(
    leftOut.some((n) => n.message.text?.includes('"broken"')),
    'a notification names the group left out',
  );
  // The results file itself (what the Ansible role writes too): the same alerts.
  const fromResults = rg(['eval', results, '--format', 'sarif']);
  assert.is(fromResults.code, 2, fromResults.stderr);
  const resultsLog = JSON.parse(fromResults.stdout) as Sarif.Log;
  assert.equal(alerts(resultsLog), a);
});

same.run();
