import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { HistoryRecord, HistoryRun, Report } from '../report/index.ts';
import { historyFileName, historyFiles, prepareHistoryDir, readHistory, recordSweep, writeHistory } from './history.ts';

const START = new Date(Date.UTC(2026, 10, 30, 23, 10, 5, 250));

const rec = (at: string, host: string, status = 'ok'): HistoryRecord => ({
  at,
  host,
  group: 'g',
  status,
  reason: '',
  findings: status === 'ok' ? [{ fingerprint: `${host}:1`, rule_id: 'RSYNC-002', severity: 'high', module: 'pub', path: 'p', message: 'm' }] : [],
});

let base = '';
const h = suite('sweep --history files');
h.before.each(() => {
  base = mkdtempSync(join(tmpdir(), 'rg-history-'));
});
h.after.each(() => {
  rmSync(base, { recursive: true, force: true });
});

const read = (dir: string) => {
  const runs: HistoryRun[] = [];
  const warnings: string[] = [];
  const n = readHistory(
    dir,
    (r) => runs.push(r),
    (m) => warnings.push(m),
  );
  return { n, runs, warnings };
};

h('file names are the UTC start time, colons replaced, numbered on collision', () => {
  assert.is(historyFileName(START), '2026-11-30T23-10-05Z.jsonl');
  assert.is(historyFileName(START, 3), '2026-11-30T23-10-05Z-3.jsonl');
});

h('a missing directory is created private; a file where it should be is refused', () => {
  const dir = join(base, 'a', 'b');
  assert.ok(prepareHistoryDir(dir).ok);
  assert.is(statSync(dir).mode & 0o777, 0o700);
  assert.equal(readdirSync(dir), [], 'the write probe is gone');
  writeFileSync(join(base, 'file'), '');
  const r = prepareHistoryDir(join(base, 'file'));
  assert.not.ok(r.ok);
  if (!r.ok) assert.match(r.error.message, 'not a directory');
});

h('an unwritable directory is refused before the sweep', () => {
  if (process.getuid?.() === 0) return; // root writes anywhere: nothing to check
  const dir = join(base, 'ro');
  mkdirSync(dir, { mode: 0o500 });
  const r = prepareHistoryDir(dir);
  chmodSync(dir, 0o700);
  assert.not.ok(r.ok);
});

h('two sweeps started in the same second get two files, each whole; no temporary file is left', () => {
  const a = writeHistory(base, [rec(START.toISOString(), 'web1'), rec(START.toISOString(), 'web2')], START);
  const b = writeHistory(base, [rec(START.toISOString(), 'web1', 'unreachable')], START);
  assert.ok(a.ok && b.ok);
  assert.equal(readdirSync(base).sort(), ['2026-11-30T23-10-05Z-2.jsonl', '2026-11-30T23-10-05Z.jsonl']);
  const lines = readFileSync(join(base, '2026-11-30T23-10-05Z.jsonl'), 'utf8').split('\n');
  assert.is(lines.length, 3);
  assert.is(lines[2], '');
  assert.is(statSync(join(base, '2026-11-30T23-10-05Z.jsonl')).mode & 0o777, 0o600);
  const { runs } = read(base);
  assert.equal(
    runs.map((r) => [r.file, r.records.length]),
    [
      ['2026-11-30T23-10-05Z.jsonl', 2],
      ['2026-11-30T23-10-05Z-2.jsonl', 1],
    ],
  );
});

h('a directory that is gone by the time of writing: an error, nothing half-written', () => {
  const r = writeHistory(join(base, 'missing'), [rec(START.toISOString(), 'web1')], START);
  assert.not.ok(r.ok);
  if (!r.ok) assert.match(r.error.message, '--history');
  assert.equal(readdirSync(base), []);
});

h('reading: runs oldest first; a link, a torn last line and junk are named and left out', () => {
  const at = (d: number) => new Date(Date.UTC(2026, 10, d)).toISOString();
  writeFileSync(join(base, '2026-11-03T00-00-00Z.jsonl'), `${JSON.stringify(rec(at(3), 'web1'))}\n${JSON.stringify(rec(at(3), 'web2')).slice(0, 40)}`);
  writeFileSync(join(base, '2026-11-01T00-00-00Z.jsonl'), `${JSON.stringify(rec(at(1), 'web1'))}\nnot json\n{"at":"yesterday"}\n${JSON.stringify(rec(at(1), 'web2'))}\n`);
  writeFileSync(join(base, '2026-11-02T00-00-00Z.jsonl'), 'nothing here\n');
  writeFileSync(join(base, 'README'), 'not a run');
  writeFileSync(join(base, '.tmp-1-2-x.jsonl'), 'a write in progress');
  const outside = join(base, 'outside.json');
  writeFileSync(outside, `${JSON.stringify(rec(at(4), 'intruder'))}\n`);
  symlinkSync(outside, join(base, '2026-11-04T00-00-00Z.jsonl'));
  const { n, runs, warnings } = read(base);
  assert.ok(n.ok);
  if (n.ok) assert.is(n.value, 2);
  assert.equal(
    runs.map((r) => [r.file, r.at, r.records.map((x) => x.host)]),
    [
      ['2026-11-01T00-00-00Z.jsonl', at(1), ['web1', 'web2']],
      ['2026-11-03T00-00-00Z.jsonl', at(3), ['web1']],
    ],
  );
  const said = warnings.join('\n');
  assert.match(said, '2026-11-01T00-00-00Z.jsonl:2: not JSON');
  assert.match(said, '2026-11-01T00-00-00Z.jsonl:3: no valid "at"');
  assert.match(said, '2026-11-03T00-00-00Z.jsonl:2: the last line was cut short');
  assert.match(said, '2026-11-02T00-00-00Z.jsonl: no history line');
  assert.match(said, '2026-11-04T00-00-00Z.jsonl: not a regular file');
  assert.not.match(said, 'README');
  assert.match(said, '2026-11-02T00-00-00Z.jsonl:1: not JSON');
  assert.is(warnings.length, 6, said);
});

h("a file whose lines' time is not its name's is placed by its lines and named; a line of another time is left out", () => {
  const at = (d: number) => new Date(Date.UTC(2026, 10, d)).toISOString();
  writeFileSync(join(base, '2026-11-01T00-00-00Z.jsonl'), `${JSON.stringify(rec(at(1), 'web1'))}\n`);
  writeFileSync(join(base, '2026-11-02T00-00-00Z.jsonl'), `${JSON.stringify(rec(at(2), 'web1'))}\n${JSON.stringify(rec(at(5), 'web2'))}\n`);
  // Named as the latest run, dated by its lines long before the others.
  writeFileSync(join(base, '2026-12-01T00-00-03Z.jsonl'), `${JSON.stringify(rec('1999-01-01T00:00:00Z', 'web1'))}\n`);
  const { n, runs, warnings } = read(base);
  assert.ok(n.ok);
  assert.equal(
    runs.map((r) => [r.file, r.at, r.records.map((x) => x.host)]),
    [
      ['2026-12-01T00-00-03Z.jsonl', '1999-01-01T00:00:00Z', ['web1']],
      ['2026-11-01T00-00-00Z.jsonl', at(1), ['web1']],
      ['2026-11-02T00-00-00Z.jsonl', at(2), ['web1']],
    ],
  );
  const said = warnings.join('\n');
  assert.match(said, "2026-12-01T00-00-03Z.jsonl: its lines say the sweep started 1999-01-01T00:00:00Z, its name 2026-12-01T00:00:03Z: ordered by its lines' time");
  assert.match(said, `2026-11-02T00-00-00Z.jsonl:2: "at" ${at(5)} is not this sweep's`);
  assert.is(warnings.length, 2, said);
});

h('a history directory that is not one is an error, not an empty history', () => {
  const r = historyFiles(join(base, 'nope'), () => {});
  assert.not.ok(r.ok);
  writeFileSync(join(base, 'f'), '');
  const f = historyFiles(join(base, 'f'), () => {});
  assert.not.ok(f.ok);
  if (!f.ok) assert.match(f.error.message, 'not a directory');
});

h('recordSweep writes this run and returns the trend with it', () => {
  const earlier = new Date(Date.UTC(2026, 10, 29, 12));
  writeHistory(base, [rec(earlier.toISOString(), 'web1'), rec(earlier.toISOString(), 'web2')], earlier);
  const report: Report = { tool: { name: 'rsyncguard', version: 'v' }, rules: [], targets: [], errors: [{ target: 'web2', message: 'timeout: no banner' }], expired_waivers: [] };
  const trend = recordSweep(
    base,
    report,
    [
      { host: 'web1', group: 'g', status: 'ok', reason: '' },
      { host: 'web2', group: 'g', status: 'timeout', reason: 'no banner' },
    ],
    (t) => t,
    START,
    () => {},
  );
  assert.ok(trend.ok);
  if (!trend.ok) return;
  assert.equal(
    trend.value.runs.map((r) => r.at),
    [earlier.toISOString(), START.toISOString()],
  );
  const web1 = trend.value.hosts.find((x) => x.host === 'web1');
  assert.is(web1?.findings[0]?.state, 'fixed');
  assert.is(web1?.findings[0]?.fixed_at, START.toISOString());
  const web2 = trend.value.hosts.find((x) => x.host === 'web2');
  assert.is(web2?.unreachable_runs, 1);
  assert.is(web2?.findings[0]?.state, 'open');
});

h.run();
