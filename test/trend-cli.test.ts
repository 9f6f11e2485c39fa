/**
 * `rsyncguard trend DIR` on synthetic history files, and `sweep --history DIR` end to end on hosts that
 * refuse connections (no sshd needed: the real one is in test/integration/sweep-history.test.ts). Runs the
 * command line from src (tsx), as dist is rebuilt by the release, not by this test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Trend {
  schema: string;
  runs: { at: string; hosts: number; evaluated: number; unreachable: number; counts: Record<string, number> }[];
  hosts: { host: string; group: string; status: string; unreachable_runs: number; last_ok: string | null; findings: { fingerprint: string; state: string; first_seen: string; fixed_at: string | null; regressions: number; open_days: number }[] }[];
  rules: { rule_id: string; open: number; fixed: number; regressed: number }[];
}

const at = (d: number) => new Date(Date.UTC(2026, 10, d, 6)).toISOString();
const f = (fingerprint: string, rule_id = 'RSYNC-002') => ({ fingerprint, rule_id, severity: 'high', module: 'pub', path: 'config.modules[0].read_only', message: `${rule_id} on pub` });
const line = (d: number, host: string, status: string, findings: object[] = []) => JSON.stringify({ at: at(d), host, group: 'web', status, reason: status === 'ok' ? '' : 'ssh: connect to host: Connection refused', findings });

let dir = '';
const t = suite('rsyncguard trend');
t.before.each(() => {
  dir = mkdtempSync(join(tmpdir(), 'rg-trend-'));
  // Day 1: both hosts open. Day 3: web1 fixed, web2 unreachable. Day 5, 9: web2 still down, web1's finding back.
  writeFileSync(join(dir, '2026-11-01T06-00-00Z.jsonl'), `${line(1, 'web1', 'ok', [f('a:1')])}\n${line(1, 'web2', 'ok', [f('b:1', 'RSYNC-045')])}\n`);
  writeFileSync(join(dir, '2026-11-03T06-00-00Z.jsonl'), `${line(3, 'web1', 'ok')}\n${line(3, 'web2', 'unreachable')}\n`);
  writeFileSync(join(dir, '2026-11-05T06-00-00Z.jsonl'), `${line(5, 'web1', 'ok', [f('a:1')])}\n${line(5, 'web2', 'unreachable')}\n`);
  writeFileSync(join(dir, '2026-11-09T06-00-00Z.jsonl'), `${line(9, 'web1', 'ok', [f('a:1')])}\n${line(9, 'web2', 'timeout')}\n`);
});
t.after.each(() => rmSync(dir, { recursive: true, force: true }));

t('JSON: per host and per rule, fixed, regressed, open days and the unreachable streak', () => {
  const r = cli('trend', dir, '--format', 'json');
  assert.is(r.code, 0, r.stderr);
  const trend = JSON.parse(r.stdout) as Trend;
  assert.is(trend.schema, 'rsyncguard/trend@1');
  assert.equal(
    trend.runs.map((x) => [x.at, x.hosts, x.evaluated, x.unreachable]),
    [
      [at(1), 2, 2, 0],
      [at(3), 2, 1, 1],
      [at(5), 2, 1, 1],
      [at(9), 2, 1, 1],
    ],
  );
  const web1 = trend.hosts.find((h) => h.host === 'web1');
  assert.equal(
    web1?.findings.map((x) => [x.fingerprint, x.state, x.first_seen, x.fixed_at, x.regressions, x.open_days]),
    [['a:1', 'regressed', at(1), null, 1, 8]],
  );
  const web2 = trend.hosts.find((h) => h.host === 'web2');
  assert.equal([web2?.status, web2?.unreachable_runs, web2?.last_ok], ['timeout', 3, at(1)]);
  assert.equal(
    web2?.findings.map((x) => [x.state, x.open_days]),
    [['open', 8]],
  );
  assert.equal(
    trend.rules.map((x) => [x.rule_id, x.open, x.regressed, x.fixed]),
    [
      ['RSYNC-002', 1, 1, 0],
      ['RSYNC-045', 1, 0, 0],
    ],
  );
});

t("a file whose lines' time is not its name's: named, ordered by its lines, exit 2", () => {
  // Named as the newest run; its lines say it is the oldest.
  writeFileSync(join(dir, '2026-12-01T00-00-03Z.jsonl'), `${JSON.stringify({ at: '1999-01-01T00:00:00Z', host: 'web1', group: 'web', status: 'ok', reason: '', findings: [] })}\n`);
  const r = cli('trend', dir, '--format', 'json');
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, "2026-12-01T00-00-03Z.jsonl: its lines say the sweep started 1999-01-01T00:00:00Z, its name 2026-12-01T00:00:03Z: ordered by its lines' time");
  const trend = JSON.parse(r.stdout) as Trend;
  assert.equal(
    trend.runs.map((x) => x.at),
    ['1999-01-01T00:00:00Z', at(1), at(3), at(5), at(9)],
  );
  // Never fixed before it was first seen.
  for (const h of trend.hosts) for (const x of h.findings) assert.ok(x.fixed_at === null || x.fixed_at > x.first_seen, JSON.stringify(x));
});

t('Markdown is the default; hosts not swept are named with their streak; --output writes the file', () => {
  const r = cli('trend', dir);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, '## rsyncguard fleet trend');
  assert.match(r.stdout, '- **web2** (web): timeout for 3 sweeps (last swept 2026-11-01 06:00 UTC)');
  assert.match(r.stdout, '4 sweeps from 2026-11-01 06:00 UTC to 2026-11-09 06:00 UTC');
  const out = join(dir, 'trend.md');
  const w = cli('trend', dir, '--output', out);
  assert.is(w.code, 0);
  assert.is(w.stdout, '');
  assert.is(readFileSync(out, 'utf8'), r.stdout);
  const html = cli('trend', dir, '--format', 'html');
  assert.is(html.code, 0, html.stderr);
  assert.match(html.stdout, /^<!doctype html>/i);
  assert.match(html.stdout, 'web2');
});

t('a file not read whole is said and makes the exit 2, with the rest still reported', () => {
  writeFileSync(join(dir, '2026-11-10T06-00-00Z.jsonl'), `${line(10, 'web1', 'ok')}\n${line(10, 'web2', 'ok').slice(0, 30)}`);
  const r = cli('trend', dir, '--format', 'json');
  assert.is(r.code, 2);
  assert.match(r.stderr, '2026-11-10T06-00-00Z.jsonl:2: the last line was cut short');
  const trend = JSON.parse(r.stdout) as Trend;
  assert.is(trend.runs.length, 5);
  assert.is(trend.hosts.find((h) => h.host === 'web1')?.findings[0]?.state, 'fixed');
});

t('usage errors: no directory, an empty one, a format it does not have', () => {
  assert.is(cli('trend').code, 2);
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  const e = cli('trend', empty);
  assert.is(e.code, 2);
  assert.match(e.stderr, 'no sweep recorded');
  const x = cli('trend', dir, '--format', 'sarif');
  assert.is(x.code, 2);
  assert.match(x.stderr, 'json');
  assert.match(x.stderr, 'markdown');
  assert.match(cli('--help').stdout, 'trend DIR');
});

const s = suite('sweep --history');

s('each sweep adds one file of one line per host; trend counts the sweeps a host could not be reached', async () => {
  const base = mkdtempSync(join(tmpdir(), 'rg-sweep-history-'));
  // A port nobody listens on: ssh is refused at once, a real "unreachable" outcome.
  const port = await new Promise<number>((done) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => done(typeof a === 'object' && a !== null ? a.port : 0));
    });
  });
  try {
    const inventory = join(base, 'hosts.yml');
    writeFileSync(inventory, ['groups:', '  edge:', '    hosts:', `      gone1: { address: 127.0.0.1, port: ${port} }`, `      gone2: { address: 127.0.0.1, port: ${port} }`, ''].join('\n'));
    const config = join(base, 'ssh_config');
    writeFileSync(config, 'Host *\n  StrictHostKeyChecking yes\n  UserKnownHostsFile /dev/null\n  BatchMode yes\n');
    const history = join(base, 'history', 'fleet');
    const page = join(base, 'sweep.html');
    for (const format of ['json', 'html']) {
      const r = cli('sweep', '--inventory', inventory, '--ssh-config', config, '--connect-timeout', '2', '--history', history, '--format', format, '--output', page);
      assert.is(r.code, 2, r.stderr);
    }
    // The HTML report of the second sweep charts the history, this sweep included.
    assert.match(readFileSync(page, 'utf8'), '2 sweeps in the history, including this one');
    const files = readdirSync(history).sort();
    assert.is(files.length, 2, files.join(', '));
    for (const file of files) {
      assert.match(file, /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(-\d+)?\.jsonl$/);
      const lines = readFileSync(join(history, file), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { host: string; group: string; status: string; findings: unknown[] });
      assert.equal(
        lines.map((l) => [l.host, l.group, l.status, l.findings.length]),
        [
          ['gone1', 'edge', 'unreachable', 0],
          ['gone2', 'edge', 'unreachable', 0],
        ],
      );
    }
    const trend = JSON.parse(cli('trend', history, '--format', 'json').stdout) as Trend;
    assert.equal(
      trend.hosts.map((h) => [h.host, h.status, h.unreachable_runs, h.last_ok]),
      [
        ['gone1', 'unreachable', 2, null],
        ['gone2', 'unreachable', 2, null],
      ],
    );
    const notDir = cli('sweep', '--inventory', inventory, '--ssh-config', config, '--history', inventory);
    assert.is(notDir.code, 2);
    assert.match(notDir.stderr, '--history');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

t.run();
s.run();
