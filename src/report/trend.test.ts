import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Severity } from '../engine/index.ts';
import { compareRunFiles, computeTrend, daysBetween, trendBuilder, type HistoryRun } from './trend.ts';
import type { HistoryFinding, HistoryRecord } from './trend-record.ts';

/** Sweep times: day N at noon UTC, so the open-days arithmetic is checkable by hand. */
const day = (n: number, hour = 12) => new Date(Date.UTC(2026, 10, n, hour)).toISOString();

const finding = (fingerprint: string, rule_id = 'RSYNC-002', severity: Severity = 'high'): HistoryFinding => ({ fingerprint, rule_id, severity, module: 'pub', path: 'config.modules[0].read_only', message: `${rule_id} at ${fingerprint}` });

const line = (at: string, host: string, status: string, findings: HistoryFinding[] = [], group = 'web'): HistoryRecord => ({ at, host, group, status, reason: status === 'ok' ? '' : `${status}: ssh said so`, findings });

const run = (at: string, ...records: ((at: string) => HistoryRecord)[]): HistoryRun => ({ at, file: `${at.slice(0, 19).replace(/:/g, '-')}Z.jsonl`, records: records.map((r) => r(at)) });

const ok =
  (host: string, ...fs: HistoryFinding[]) =>
  (at: string) =>
    line(at, host, 'ok', fs);
const down =
  (host: string, status = 'unreachable', ...fs: HistoryFinding[]) =>
  (at: string) =>
    line(at, host, status, fs);

const A = finding('aaaa:1');
const B = finding('bbbb:1', 'RSYNC-045', 'critical');

const t = suite('trend arithmetic');

t('a finding open since the first sweep: first seen, open days to the last sweep, state open', () => {
  const trend = computeTrend([run(day(1), ok('web1', A)), run(day(4), ok('web1', A)), run(day(8, 0), ok('web1', A))], '1.2.3');
  const f = trend.hosts[0]?.findings[0];
  assert.equal(
    { first_seen: f?.first_seen, last_seen: f?.last_seen, fixed_at: f?.fixed_at, state: f?.state, regressions: f?.regressions, open_days: f?.open_days },
    { first_seen: day(1), last_seen: day(8, 0), fixed_at: null, state: 'open', regressions: 0, open_days: 6.5 },
  );
  assert.equal(trend.tool, { name: 'rsyncguard', version: '1.2.3' });
});

t('fixed: gone in an ok sweep; open days stop at the fix', () => {
  const trend = computeTrend([run(day(1), ok('web1', A, B)), run(day(3), ok('web1', B)), run(day(10), ok('web1', B))], 'v');
  const a = trend.hosts[0]?.findings.find((f) => f.fingerprint === 'aaaa:1');
  assert.is(a?.state, 'fixed');
  assert.is(a?.fixed_at, day(3));
  assert.is(a?.last_seen, day(1));
  assert.is(a?.open_days, 2);
  const b = trend.hosts[0]?.findings.find((f) => f.fingerprint === 'bbbb:1');
  assert.is(b?.state, 'open');
  assert.is(b?.open_days, 9);
});

t('waived: still there, open and marked waived; the waiver ending is no regression', () => {
  const W: HistoryFinding = { ...A, waived: true };
  const waived = computeTrend([run(day(1), ok('web1', A)), run(day(2), ok('web1', W))], 'v');
  const f = waived.hosts[0]?.findings[0];
  assert.equal({ state: f?.state, waived: f?.waived, fixed_at: f?.fixed_at, last_seen: f?.last_seen }, { state: 'open', waived: true, fixed_at: null, last_seen: day(2) });
  assert.equal(waived.rules, [{ rule_id: 'RSYNC-002', severity: 'high', open: 1, fixed: 0, regressed: 0, waived: 1 }]);
  const ended = computeTrend([run(day(1), ok('web1', A)), run(day(2), ok('web1', W)), run(day(3), ok('web1', A))], 'v').hosts[0]?.findings[0];
  assert.equal({ state: ended?.state, waived: ended?.waived, regressions: ended?.regressions }, { state: 'open', waived: false, regressions: 0 });
  // Fixed while waived: gone from an ok line, as any finding.
  const gone = computeTrend([run(day(1), ok('web1', W)), run(day(2), ok('web1'))], 'v').hosts[0]?.findings[0];
  assert.equal({ state: gone?.state, waived: gone?.waived, fixed_at: gone?.fixed_at }, { state: 'fixed', waived: false, fixed_at: day(2) });
});

t('regressed: back after a fix, counted each time; fixed again after that', () => {
  const runs = [run(day(1), ok('web1', A)), run(day(2), ok('web1')), run(day(3), ok('web1', A)), run(day(4), ok('web1')), run(day(5), ok('web1', A))];
  const f = computeTrend(runs, 'v').hosts[0]?.findings[0];
  assert.is(f?.state, 'regressed');
  assert.is(f?.regressions, 2);
  assert.is(f?.fixed_at, null);
  assert.is(f?.first_seen, day(1));
  // Open days count from the first sighting: the finding has been a problem on and off since then.
  assert.is(f?.open_days, 4);
  const again = computeTrend([...runs, run(day(7), ok('web1'))], 'v').hosts[0]?.findings[0];
  assert.is(again?.state, 'fixed');
  assert.is(again?.fixed_at, day(7));
  assert.is(again?.regressions, 2);
});

t('an unreachable host: streak counted, findings stay open (absence is not a fix)', () => {
  const trend = computeTrend([run(day(1), ok('web1', A), ok('web2')), run(day(2), down('web1'), ok('web2')), run(day(3), down('web1', 'timeout'), ok('web2')), run(day(4), down('web1'), ok('web2'))], 'v');
  const h = trend.hosts.find((x) => x.host === 'web1');
  assert.is(h?.unreachable_runs, 3);
  assert.is(h?.status, 'unreachable');
  assert.is(h?.last_ok, day(1));
  assert.is(h?.findings[0]?.state, 'open');
  assert.is(h?.findings[0]?.open_days, 3);
  assert.is(trend.hosts.find((x) => x.host === 'web2')?.unreachable_runs, 0);
  assert.equal(
    trend.runs.map((r) => [r.hosts, r.evaluated, r.unreachable]),
    [
      [2, 2, 0],
      [2, 1, 1],
      [2, 1, 1],
      [2, 1, 1],
    ],
  );
});

t('the streak ends with an ok sweep, and a host never swept has no last_ok', () => {
  const trend = computeTrend([run(day(1), down('web1'), down('web9', 'auth-failed')), run(day(2), down('web1'), down('web9', 'auth-failed')), run(day(3), ok('web1'), down('web9', 'auth-failed'))], 'v');
  assert.is(trend.hosts.find((x) => x.host === 'web1')?.unreachable_runs, 0);
  assert.is(trend.hosts.find((x) => x.host === 'web1')?.last_ok, day(3));
  const never = trend.hosts.find((x) => x.host === 'web9');
  assert.is(never?.unreachable_runs, 3);
  assert.is(never?.last_ok, null);
  assert.is(never?.status, 'auth-failed');
});

t('a host swept but not fully evaluated: what it lists is seen, what it does not list is not fixed', () => {
  const trend = computeTrend([run(day(1), ok('web1', A, B)), run(day(2), down('web1', 'not-evaluated', B))], 'v');
  const h = trend.hosts[0];
  assert.is(h?.unreachable_runs, 1);
  assert.equal(
    h?.findings.map((f) => [f.fingerprint, f.state, f.last_seen]),
    [
      ['bbbb:1', 'open', day(2)],
      ['aaaa:1', 'open', day(1)],
    ],
  );
});

t('a finding seen again during an outage after its fix counts as regressed', () => {
  const f = computeTrend([run(day(1), ok('web1', A)), run(day(2), ok('web1')), run(day(3), down('web1', 'not-evaluated', A))], 'v').hosts[0]?.findings[0];
  assert.is(f?.state, 'regressed');
  assert.is(f?.regressions, 1);
});

t('a host left out of later sweeps keeps its last state; its open days stop at the last sweep that listed it', () => {
  const trend = computeTrend([run(day(1), ok('old', A), ok('web1')), run(day(5), ok('old', A), ok('web1')), run(day(20), ok('web1'))], 'v');
  const h = trend.hosts.find((x) => x.host === 'old');
  assert.is(h?.findings[0]?.state, 'open');
  assert.is(h?.findings[0]?.open_days, 4);
  assert.is(h?.unreachable_runs, 0);
});

t('runs are folded by time whatever order they come in; the last line of a host in one run wins', () => {
  const runs = [run(day(3), ok('web1')), run(day(1), ok('web1', A)), run(day(2), ok('web1', A), ok('web1'))];
  const trend = computeTrend(runs, 'v');
  assert.equal(
    trend.runs.map((r) => r.at),
    [day(1), day(2), day(3)],
  );
  const f = trend.hosts[0]?.findings[0];
  assert.is(f?.fixed_at, day(2));
  assert.is(f?.state, 'fixed');
});

t('severity and message follow the latest sighting; run counts add up per severity', () => {
  const worse = { ...A, severity: 'critical' as const, message: 'now worse' };
  const trend = computeTrend([run(day(1), ok('web1', A, B), ok('web2', A)), run(day(2), ok('web1', worse))], 'v');
  const f = trend.hosts[0]?.findings.find((x) => x.fingerprint === 'aaaa:1');
  assert.is(f?.severity, 'critical');
  assert.is(f?.message, 'now worse');
  assert.equal(trend.runs[0]?.counts, { critical: 1, high: 2, medium: 0, low: 0 });
  assert.equal(trend.runs[1]?.counts, { critical: 1, high: 0, medium: 0, low: 0 });
});

t('per rule, counted in hosts: open, regressed among them, fixed where every finding of it is gone', () => {
  const A2 = finding('aaaa:2');
  const trend = computeTrend([run(day(1), ok('web1', A, A2), ok('web2', A), ok('web3', A), ok('web4', B)), run(day(2), ok('web1', A), ok('web2'), ok('web3'), ok('web4', B)), run(day(3), ok('web1', A), ok('web2'), ok('web3', A), ok('web4', B))], 'v');
  const r002 = trend.rules.find((r) => r.rule_id === 'RSYNC-002');
  // web1 (one of two still open), web3 (back): open 2, of which regressed 1; web2 fixed.
  assert.equal(r002, { rule_id: 'RSYNC-002', severity: 'high', open: 2, fixed: 1, regressed: 1, waived: 0 });
  assert.equal(
    trend.rules.find((r) => r.rule_id === 'RSYNC-045'),
    { rule_id: 'RSYNC-045', severity: 'critical', open: 1, fixed: 0, regressed: 0, waived: 0 },
  );
  assert.equal(
    trend.rules.map((r) => r.rule_id),
    ['RSYNC-002', 'RSYNC-045'],
  );
});

t('the builder folds run by run as computeTrend does', () => {
  const runs = [run(day(1), ok('web1', A), down('web2')), run(day(2), ok('web1'), down('web2'))];
  const b = trendBuilder('v');
  for (const r of runs) b.add(r);
  assert.equal(b.finish(), computeTrend(runs, 'v'));
});

t('daysBetween: tenths of days, never negative', () => {
  assert.is(daysBetween(day(1, 0), day(1, 6)), 0.3);
  assert.is(daysBetween(day(1), day(31)), 30);
  assert.is(daysBetween(day(5), day(1)), 0);
});

t('history file names order as their runs started, collisions numbered as numbers', () => {
  const names = ['2026-11-30T23-10-05Z-10.jsonl', '2026-11-30T23-10-05Z-2.jsonl', '2026-12-01T00-00-00Z.jsonl', '2026-11-30T23-10-05Z.jsonl', '2026-11-30T09-59-59Z.jsonl'];
  assert.equal([...names].sort(compareRunFiles), ['2026-11-30T09-59-59Z.jsonl', '2026-11-30T23-10-05Z.jsonl', '2026-11-30T23-10-05Z-2.jsonl', '2026-11-30T23-10-05Z-10.jsonl', '2026-12-01T00-00-00Z.jsonl']);
});

t.run();
