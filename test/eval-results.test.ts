/**
 * `rsyncguard eval RESULTS.jsonl`: a sweep's results file (sweep --results, the Ansible role
 * rsyncguard.audit.sweep) evaluated as sweep evaluates it: hosts read give findings, hosts not read are
 * errors with their status (exit 2), and a line that is no outcome is an error, never skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from './support/suite.ts';
import * as assert from 'uvu/assert';
import { hostRawDoc } from './support/host-doc.ts';

interface Report {
  targets: { target: string; findings: { rule_id: string }[] }[];
  errors: { target: string; message: string }[];
}

let dir = '';

function evalOf(lines: unknown[], ...extra: string[]): { code: number | null; report: Report; stderr: string } {
  const file = join(dir, `results-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'eval', file, '--format', 'json', ...extra], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, report: JSON.parse(r.stdout || '{"targets":[],"errors":[]}') as Report, stderr: r.stderr };
}

const ok = (host: string, text: string, name = host) => ({ host, group: 'web', status: 'ok', reason: '', seconds: 0.1, raw: hostRawDoc(name, text) });
const PUB = '[pub]\n    path = /srv/pub\n    read only = no\n';
const QUIET = '[mirror]\n    path = /srv/mirror\n    list = no\n';

const results = suite('eval of a sweep results file');

results.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rg-eval-results-'));
});
results.after(() => rmSync(dir, { recursive: true, force: true }));

results('hosts read are evaluated under the name the results file gives them; the others are errors with their status', () => {
  const r = evalOf([ok('web1', PUB, 'kernel-name'), ok('web2', QUIET), { host: 'gone', group: 'web', status: 'unreachable', reason: 'Connection refused', seconds: 0 }]);
  assert.is(r.code, 2, r.stderr);
  assert.equal(r.report.targets.map((t) => t.target).sort(), ['web1:/etc/rsyncd.conf', 'web2:/etc/rsyncd.conf']);
  assert.ok(r.report.targets.find((t) => t.target === 'web1:/etc/rsyncd.conf')?.findings.some((f) => f.rule_id === 'RSYNC-002'));
  assert.equal(r.report.errors, [{ target: 'gone', message: 'unreachable: Connection refused', group: 'web' }]);
});

results('every host read and nothing at the threshold: exit 0', () => {
  const r = evalOf([ok('web2', QUIET)], '--fail-on', 'critical');
  assert.is(r.code, 0, r.stderr);
  assert.is(r.report.errors.length, 0);
});

results('the last line for a host wins, as in a resumed sweep', () => {
  const r = evalOf([{ host: 'web1', group: 'web', status: 'timeout', reason: 'slow', seconds: 60 }, ok('web1', QUIET)], '--fail-on', 'critical');
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.report.errors, []);
});

results('a line that is no outcome, or an outcome with an invalid document, is an error naming the line', () => {
  const r = evalOf([ok('web2', QUIET), '{"host":"web3","group":"web","status":"ok","reason":"","seconds":1,"raw":{"schema":"x"}}', 'not json at all']);
  assert.is(r.code, 2, r.stderr);
  const web3 = r.report.errors.find((e) => e.target === 'web3');
  assert.ok(web3, JSON.stringify(r.report.errors));
  assert.match(web3.message, /results-.*\.jsonl:2: host web3/);
  assert.ok(
    r.report.errors.some((e) => /\.jsonl:3$/.test(e.target) && e.message.includes('not JSON')),
    JSON.stringify(r.report.errors),
  );
});

results('a facts document on one line is still a facts document, not a results file', () => {
  const doc = JSON.stringify(hostRawDoc('solo', PUB));
  const file = join(dir, 'solo.json');
  writeFileSync(file, doc);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'eval', file, '--format', 'json'], { encoding: 'utf8' });
  const report = JSON.parse(r.stdout) as Report;
  assert.equal(
    report.targets.map((t) => t.target),
    ['solo:/etc/rsyncd.conf'],
  );
});

results.run();
