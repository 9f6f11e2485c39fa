import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../engine/index.ts';
import type { Report, TargetReport } from './model.ts';
import { toSarif } from './sarif.ts';
import { historyRecords, NOT_EVALUATED, parseHistoryRecord } from './trend-record.ts';
import { toTrendMarkdown } from './trend-markdown.ts';
import { computeTrend } from './trend.ts';
import { compareWithBaseline, type Baseline } from './baseline.ts';
import { reportFingerprints } from './baseline-identity.ts';
import { toTrendHtml } from './html/index.ts';
import { toTrendJson } from './trend-json.ts';

const SECRET = 'hunter2-backup-password';

function finding(target: string, rule_id: string, line: number, module: string | null = 'pub'): Finding {
  return {
    rule_id,
    title: `title of ${rule_id}`,
    severity: 'high',
    context: null,
    message: `${rule_id} on ${module ?? 'the daemon'}`,
    target,
    module,
    path: 'config.modules[0].read_only',
    location: { file: 'etc/rsyncd.conf', line, column: 1 },
  };
}

function target(id: string, findings: Finding[], waived: Finding[] = []): TargetReport {
  // The facts hold config text and a secret: none of it may reach a history line.
  return {
    target: id,
    kind: 'host',
    findings,
    waived: waived.map((finding) => ({ finding, waiver: { rule: finding.rule_id, reason: 'accepted', source: 'w.yml', expires: null } })) as TargetReport['waived'],
    notes: [],
    facts: { config: { text: `secrets = ${SECRET}` }, secret: SECRET },
  };
}

const report: Report = {
  tool: { name: 'rsyncguard', version: '0.1.0' },
  rules: ['RSYNC-002', 'RSYNC-010', 'RSYNC-045'].map((id) => ({ id, title: id, description: id, severity: 'high' as const, security_severity: '7.0', cwe: 'CWE-284', tags: [], help: id, help_uri: null, package: 'rsyncguard' })),
  targets: [
    target('web1:/etc/rsyncd.conf', [finding('web1:/etc/rsyncd.conf', 'RSYNC-002', 3), finding('web1:/etc/rsyncd.conf', 'RSYNC-045', 4)], [finding('web1:/etc/rsyncd.conf', 'RSYNC-010', 5)]),
    target('web2:/etc/rsyncd.conf', [finding('web2:/etc/rsyncd.conf', 'RSYNC-002', 3)]),
    target('web3:/etc/rsyncd.conf', [finding('web3:/etc/rsyncd.conf', 'RSYNC-002', 3)]),
  ],
  errors: [
    { target: 'gone', message: 'unreachable: connection refused' },
    { target: 'web3:/etc/rsyncd.d/extra.conf', message: 'cannot parse the include' },
  ],
  expired_waivers: [],
};

const hostOf = (t: string) => t.split(':')[0] ?? t;
const AT = '2026-11-30T23:10:05.000Z';
const SWEPT = [
  { host: 'web1', group: 'web', status: 'ok', reason: '' },
  { host: 'web2', group: 'web', status: 'ok', reason: '' },
  { host: 'web3', group: 'db', status: 'ok', reason: '' },
  { host: 'gone', group: 'db', status: 'unreachable', reason: 'connection refused' },
  { host: 'empty', group: 'db', status: 'ok', reason: '' },
];

const r = suite('history lines');

r('one line per swept host: its own findings with the report fingerprints, nothing else', () => {
  const lines = historyRecords(report, SWEPT, hostOf, AT);
  assert.equal(
    lines.map((l) => [l.host, l.group, l.status, l.findings.map((f) => f.rule_id)]),
    [
      ['web1', 'web', 'ok', ['RSYNC-002', 'RSYNC-045', 'RSYNC-010']],
      ['web2', 'web', 'ok', ['RSYNC-002']],
      ['web3', 'db', NOT_EVALUATED, ['RSYNC-002']],
      ['gone', 'db', 'unreachable', []],
      ['empty', 'db', 'ok', []],
    ],
  );
  // The alerts the SARIF report shows for the same findings.
  const sarif = JSON.parse(toSarif(report, { category: 'c/', suppressions: false, texts: new Map(), warn: () => {} })) as { runs: { results: { message: { text: string }; partialFingerprints: Record<string, string> }[] }[] };
  const alerts = new Set((sarif.runs[0]?.results ?? []).map((x) => Object.values(x.partialFingerprints).join()));
  for (const l of lines) for (const f of l.findings.filter((x) => x.waived !== true)) assert.ok(alerts.has(f.fingerprint), `${l.host} ${f.rule_id} ${f.fingerprint} is not a SARIF alert`);
  assert.is(alerts.size, 4);
  // Two hosts, one rule at the same place: two identities.
  assert.is.not(lines[0]?.findings[0]?.fingerprint, lines[1]?.findings[0]?.fingerprint);
  assert.ok(lines.every((l) => l.at === AT));
  assert.is(lines[2]?.reason, 'cannot parse the include');
  assert.is(lines[3]?.reason, 'connection refused');
  const text = JSON.stringify(lines);
  assert.not.match(text, SECRET);
  // A waived finding is kept, marked: it is still on the host (the trend must not read the waiver as a fix).
  assert.equal(
    lines[0]?.findings.map((f) => [f.rule_id, f.waived ?? false]),
    [
      ['RSYNC-002', false],
      ['RSYNC-045', false],
      ['RSYNC-010', true],
    ],
  );
  assert.equal(Object.keys(lines[0]?.findings[0] ?? {}).sort(), ['fingerprint', 'message', 'module', 'path', 'rule_id', 'severity']);
});

r('every line it writes parses back as it was', () => {
  for (const l of historyRecords(report, SWEPT, hostOf, AT)) assert.equal(parseHistoryRecord(JSON.parse(JSON.stringify(l))), l);
});

r('lines that are not history lines are refused with why', () => {
  const good = historyRecords(report, SWEPT, hostOf, AT)[0];
  const cases: [unknown, string][] = [
    [[], 'not a history line'],
    [{ ...good, at: '2026-11-30 23:10' }, '"at"'],
    [{ ...good, at: '2026-13-45T99:99:99Z' }, '"at"'],
    [{ ...good, host: '' }, 'host, group'],
    [{ ...good, findings: {} }, 'findings is not a list'],
    [{ ...good, findings: [{ ...good?.findings[0], severity: 'urgent' }] }, 'severity "urgent"'],
    [{ ...good, findings: [{ ...good?.findings[0], fingerprint: 7 }] }, 'no fingerprint'],
    [{ ...good, findings: [{ ...good?.findings[0], module: 3 }] }, 'module'],
  ];
  for (const [v, why] of cases) {
    const p = parseHistoryRecord(v);
    assert.type(p, 'string', JSON.stringify(v));
    assert.match(p as string, why);
  }
});

r('a waiver is not a fix, nor its expiry a regression; the trend and --baseline agree', () => {
  const f = finding('web1:/etc/rsyncd.conf', 'RSYNC-010', 5);
  const at = ['2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z'];
  const one = (reported: Finding[], waived: Finding[]): Report => ({ ...report, targets: [target('web1:/etc/rsyncd.conf', reported, waived)], errors: [] });
  const before = one([f], []);
  const waived = one([], [f]);
  const expired = one([f], []);
  const swept = [{ host: 'web1', group: 'web', status: 'ok', reason: '' }];
  const runOf = (rep: Report, i: number) => ({ at: at[i] ?? '', file: `${i}.jsonl`, records: historyRecords(rep, swept, hostOf, at[i] ?? '') });
  const whileWaived = computeTrend([runOf(before, 0), runOf(waived, 1)], 'v');
  const w = whileWaived.hosts[0]?.findings[0];
  assert.equal([w?.state, w?.waived, w?.fixed_at], ['open', true, null]);
  assert.equal([whileWaived.rules[0]?.open, whileWaived.rules[0]?.fixed, whileWaived.rules[0]?.waived], [1, 0, 1]);
  assert.equal([whileWaived.runs[1]?.counts.high, whileWaived.runs[1]?.waived], [0, 1]);
  const md = toTrendMarkdown(whileWaived);
  assert.match(md, 'Open findings: 1 (0 new in the last sweep, 0 regressed, 1 waived); fixed: 0 (0 in the last sweep).');
  assert.match(md, '| open, waived |');
  const page = toTrendHtml(whileWaived);
  assert.match(page, '<td>open (waived)</td>');
  assert.match(page, 'of them waived');
  assert.match(toTrendJson(whileWaived), '"waived": true');
  const after = computeTrend([runOf(before, 0), runOf(waived, 1), runOf(expired, 2)], 'v').hosts[0]?.findings[0];
  assert.equal([after?.state, after?.waived, after?.regressions, after?.fixed_at], ['open', false, 0, null]);
  // --baseline of the same change: nothing fixed either.
  const prints = reportFingerprints(before);
  const baseline: Baseline = {
    source: 'b.json',
    findings: [{ rule_id: f.rule_id, title: f.title, severity: f.severity, message: f.message, target: f.target, module: f.module, path: f.path, location: f.location, fingerprint: prints.get(f) ?? null, reported: true }],
  };
  assert.is(compareWithBaseline(waived, baseline).baseline?.counts.absent, 0);
});

const md = suite('trend Markdown');

md('hostile host names, groups and messages stay text; hosts not swept say for how many sweeps', () => {
  const evil = 'web1](https://evil.example) <img src=x onerror=alert(1)> @admins | x \u001b[2J';
  const line = (at: string, status: string) => ({
    at,
    host: evil,
    group: '<script>g</script>',
    status,
    reason: '',
    findings: status === 'ok' ? [{ fingerprint: 'f:1', rule_id: 'RSYNC-002', severity: 'high' as const, module: 'm`|<b>', path: 'p', message: 'see [docs](http://x) #12 <b>' }] : [],
  });
  const runs = ['2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z', '2026-11-04T00:00:00.000Z'].map((at, i) => ({ at, file: `${i}.jsonl`, records: [line(at, i === 0 ? 'ok' : 'unreachable')] }));
  const out = toTrendMarkdown(computeTrend(runs, 'v'));
  assert.not.match(out, '](https://');
  assert.not.match(out, '](http://');
  // Inside a code span (the module) nothing renders; everywhere else a '<' is escaped.
  assert.not.match(out.replace(/``.*?``/g, ''), /(^|[^\\])<(img|script|b>)/m);
  assert.not.match(out, '@admins');
  assert.not.match(out, '\u001b');
  assert.match(out, 'unreachable for 3 sweeps (last swept 2026-11-01 00:00 UTC)');
  assert.match(out, '4 sweeps from 2026-11-01 00:00 UTC to 2026-11-04 00:00 UTC');
  // Each table row keeps its column count: no pipe from a host splits a cell.
  for (const row of out.split('\n').filter((l) => l.startsWith('| ') && l.includes('RSYNC-002') && l.includes('web1'))) assert.is(row.replace(/\\\|/g, '').split('|').length, 11, row);
});

md('new, fixed and regressed counts of the last sweep are in the summary', () => {
  const f = (fp: string) => ({ fingerprint: fp, rule_id: 'RSYNC-002', severity: 'high' as const, module: null, path: 'p', message: 'm' });
  const at = ['2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z'];
  const rec = (i: number, ...fs: string[]) => ({ at: at[i] ?? '', host: 'h', group: 'g', status: 'ok', reason: '', findings: fs.map(f) });
  const out = toTrendMarkdown(
    computeTrend(
      at.map((a, i) => ({ at: a, file: `${i}.jsonl`, records: [[rec(0, 'a', 'b', 'c'), rec(1, 'b', 'c'), rec(2, 'a', 'd')][i] ?? rec(0)] })),
      'v',
    ),
  );
  // a: fixed then back (regressed); b, c: fixed in the last sweep; d: new.
  assert.match(out, 'Open findings: 2 (1 new in the last sweep, 1 regressed); fixed: 2 (2 in the last sweep).');
});

md('no sweeps: said, not an empty table', () => {
  assert.match(toTrendMarkdown(computeTrend([], 'v')), 'No sweeps recorded.');
});

r.run();
md.run();
