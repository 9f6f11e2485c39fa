/**
 * `sweep --history` against the real sshd test fleet, twice, with one host's finding fixed and another's
 * added between the sweeps: the history keeps one line per host and nothing of the configs, and `trend`
 * says what was fixed, what is new, what stays open, and that the broken hosts failed both sweeps. Runs the
 * command line from src (tsx): dist is rebuilt by the release.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startFleet, type Fleet } from './support/ssh-fleet.ts';

let fleet: Fleet;

function rsyncguard(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sweep = (history: string) => rsyncguard('sweep', '--inventory', fleet.inventory, '--ssh-config', fleet.sshConfig, '--connect-timeout', '3', '--timeout', '8', '--max-output', '1000000', '--history', history, '--format', 'json');

interface Trend {
  runs: { at: string; hosts: number; evaluated: number; unreachable: number }[];
  hosts: { host: string; group: string; status: string; unreachable_runs: number; last_ok: string | null; findings: { rule_id: string; module: string | null; state: string; first_seen: string; fixed_at: string | null }[] }[];
  rules: { rule_id: string; open: number; fixed: number }[];
}

const s = suite('sweep --history over real sshd hosts');
s.before(async () => {
  fleet = await startFleet();
});
s.after(() => fleet?.stop());

s('two sweeps: one file each, one line per host, and a trend of what was fixed, added and unreachable', () => {
  const history = join(fleet.base, 'history');
  const first = sweep(history);
  assert.is(first.code, 2, first.stderr);
  // Between the sweeps: h1's anonymous writable module becomes read-only; h2 gains one.
  const h1 = join(fleet.base, 'h1', 'etc', 'rsyncd.conf');
  writeFileSync(h1, readFileSync(h1, 'utf8').replace('read only = no', 'read only = yes'));
  appendFileSync(join(fleet.base, 'h2', 'etc', 'rsyncd.conf'), '[drop]\n    path = /srv/drop\n    read only = no\n');
  const second = sweep(history);
  assert.is(second.code, 2, second.stderr);

  const files = readdirSync(history).sort();
  assert.is(files.length, 2, files.join(', '));
  // A history line's fingerprint is the one the JSON report (and SARIF, and --baseline) gives the finding.
  const reported = JSON.parse(second.stdout) as { targets: { target: string; findings: { rule_id: string; fingerprint: string }[] }[] };
  const latest = readFileSync(join(history, files[1] ?? ''), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { host: string; findings: { rule_id: string; fingerprint: string }[] });
  for (const t of reported.targets) {
    const line = latest.find((l) => t.target.startsWith(`${l.host}:`));
    assert.equal(line?.findings.map((f) => [f.rule_id, f.fingerprint]).sort(), t.findings.map((f) => [f.rule_id, f.fingerprint]).sort(), t.target);
  }
  for (const f of files) {
    const text = readFileSync(join(history, f), 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { host: string; status: string; at: string });
    assert.equal(lines.map((l) => l.host).sort(), fleet.hosts.map((h) => h.name).sort());
    for (const h of fleet.hosts) assert.is(lines.find((l) => l.host === h.name)?.status, h.expect, h.name);
    // Nothing of the configs or the secrets files: only what a report prints.
    // (Messages may name a setting, "read only = no"; a config line with its indentation is config text.)
    assert.not.match(text, '    read only = no');
    assert.not.match(text, 'path = /srv/');
    assert.not.match(text, 'backup:backup');
    assert.not.match(text, '"facts"');
  }

  const r = rsyncguard('trend', history, '--format', 'json');
  assert.is(r.code, 0, r.stderr);
  const trend = JSON.parse(r.stdout) as Trend;
  const [run1, run2] = trend.runs;
  const healthy = fleet.hosts.filter((h) => h.expect === 'ok').length;
  assert.equal(
    trend.runs.map((x) => [x.hosts, x.evaluated, x.unreachable]),
    [
      [fleet.hosts.length, healthy, fleet.hosts.length - healthy],
      [fleet.hosts.length, healthy, fleet.hosts.length - healthy],
    ],
  );
  const host = (name: string) => trend.hosts.find((h) => h.host === name);
  const fixed = host('h1')?.findings.find((f) => f.rule_id === 'RSYNC-002' && f.module === 'pub');
  assert.equal([fixed?.state, fixed?.first_seen, fixed?.fixed_at], ['fixed', run1?.at, run2?.at]);
  const added = host('h2')?.findings.find((f) => f.rule_id === 'RSYNC-002' && f.module === 'drop');
  assert.equal([added?.state, added?.first_seen], ['open', run2?.at]);
  const kept = host('h3')?.findings.find((f) => f.rule_id === 'RSYNC-045');
  assert.equal([kept?.state, kept?.first_seen, kept?.fixed_at], ['open', run1?.at, null]);
  // h5 has h1's config, untouched: its RSYNC-002 stays open (host is part of the identity).
  assert.is(host('h5')?.findings.find((f) => f.rule_id === 'RSYNC-002')?.state, 'open');
  for (const h of fleet.hosts.filter((x) => x.expect !== 'ok')) {
    assert.equal([host(h.name)?.status, host(h.name)?.unreachable_runs, host(h.name)?.last_ok], [h.expect, 2, null], h.name);
  }
  const md = rsyncguard('trend', history);
  assert.match(md.stdout, '- **gone** (broken): unreachable for 2 sweeps (never swept)');
  assert.match(md.stdout, '- **silent** (broken): timeout for 2 sweeps (never swept)');
});

s.run();
