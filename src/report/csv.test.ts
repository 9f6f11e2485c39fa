import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo, Severity } from '../engine/index.ts';
import { csvCell, toCsv, toFleetCsv } from './csv.ts';
import type { Report, TargetReport } from './model.ts';
import { filterBySeverity } from './severity-filter.ts';

const rule = (id: string, severity: Severity): RuleInfo => ({ id, title: id, description: 'd', severity, security_severity: '5.0', cwe: '', tags: [], help: 'h', help_uri: null, package: 'p' });

const finding = (target: string, rule_id: string, severity: Severity): Finding => ({ rule_id, title: rule_id, severity, context: null, message: 'm', target, module: null, path: '', location: null });

const target = (name: string, findings: [string, Severity][], over: Partial<TargetReport> = {}): TargetReport => ({
  target: name,
  kind: 'file',
  findings: findings.map(([id, s]) => finding(name, id, s)),
  waived: [],
  notes: [],
  facts: {},
  ...over,
});

const report = (targets: TargetReport[], errors: Report['errors'] = []): Report => ({
  tool: { name: 'rsyncguard', version: '0.1.0' },
  rules: [rule('RSYNC-001', 'high'), rule('RSYNC-002', 'critical'), rule('RSYNC-011', 'low'), rule('RSYNC-050', 'low')],
  targets,
  errors,
  expired_waivers: [],
});

/** RFC 4180 records, read back the way a spreadsheet does: quoted fields, doubled quotes, CRLF. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  assert.is(cell, '', 'the text ends with CRLF');
  return rows;
}

const csv = suite('csv');

csv('a cell is quoted when RFC 4180 needs it, quotes doubled', () => {
  assert.is(csvCell('plain'), 'plain');
  assert.is(csvCell(7), '7');
  assert.is(csvCell('a,b'), '"a,b"');
  assert.is(csvCell('say "hi"'), '"say ""hi"""');
});

csv('a cell a spreadsheet would run as a formula is text; controls are escaped', () => {
  for (const lead of ['=', '+', '-', '@']) assert.is(csvCell(`${lead}cmd|' /C calc'!A0`), `'${lead}cmd|' /C calc'!A0`, lead);
  assert.is(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.is(csvCell('=1+1'), "'=1+1");
  assert.is(csvCell('-2'), "'-2");
  // Tab and carriage return are escaped as text, so they can no longer lead a formula or break a row.
  assert.is(csvCell('\t=1'), '\\x09=1');
  assert.is(csvCell('a\r\nb'), 'a\\x0d\\x0ab');
  assert.is(csvCell('\u202eevil'), '\\u202eevil');
  assert.is(csvCell('naïve 😀'), 'naïve 😀');
});

csv('a plain report: a header and one row per target, with its counts, top rules, notes and status', () => {
  const r = report(
    [
      target('a/rsyncd.conf', [
        ['RSYNC-011', 'low'],
        ['RSYNC-001', 'high'],
        ['RSYNC-011', 'low'],
        ['RSYNC-002', 'critical'],
        ['RSYNC-050', 'low'],
      ]),
      target('b/rsyncd.conf', [], { notes: [{ level: 'warning', code: 'secrets-not-read', message: 'secrets file /etc/s: not in the repository', location: null }] }),
    ],
    [{ target: 'c/rsyncd.conf', message: 'include cycle' }],
  );
  const rows = parse(toCsv(r));
  assert.equal(rows, [
    ['target', 'kind', 'status', 'critical', 'high', 'medium', 'low', 'top_rules', 'notes', 'reason'],
    // Most findings first; among equals the worse rule, then the id.
    ['a/rsyncd.conf', 'file', 'evaluated', '1', '1', '0', '3', 'RSYNC-011 (2); RSYNC-002 (1); RSYNC-001 (1)', '', ''],
    ['b/rsyncd.conf', 'file', 'evaluated', '0', '0', '0', '0', '', 'secrets file /etc/s: not in the repository', ''],
    // Nothing of it was evaluated: no count, rather than 0s a spreadsheet would sum as none.
    ['c/rsyncd.conf', '', 'not-evaluated', '', '', '', '', '', '', 'include cycle'],
  ]);
});

csv('a fleet: one row per host swept (its targets summed), the sweep status of a host not read', () => {
  const r = report(
    [target('web1:/etc/rsyncd.conf', [['RSYNC-001', 'high']]), target('web1:/etc/rsyncd.d/b.conf', [['RSYNC-001', 'high']]), target('db1:/etc/rsyncd.conf', [['RSYNC-050', 'low']]), target('db2:/etc/rsyncd.conf', [])],
    [
      { target: 'gone', message: 'unreachable: Connection refused' },
      { target: 'db2:/etc/rsyncd.conf', message: 'policy failed' },
      { target: '=cmd', message: '@SUM(1)' },
    ],
  );
  const hostOf = (t: string) => t.split(':/')[0] ?? t;
  const swept = [
    { host: 'gone', group: 'db', status: 'unreachable', reason: 'Connection refused' },
    { host: 'db2', group: 'db', status: 'ok', reason: '' },
    { host: 'empty', group: 'batch', status: 'ok', reason: '' },
    { host: 'web1', group: 'web', status: 'ok', reason: '' },
  ];
  const rows = parse(toFleetCsv(r, { hostOf, groupOf: (t) => (t.startsWith('web') ? 'web' : 'db'), swept }));
  assert.equal(rows, [
    ['host', 'group', 'status', 'critical', 'high', 'medium', 'low', 'top_rules', 'notes', 'reason'],
    ["'=cmd", 'db', 'not-evaluated', '', '', '', '', '', '', "'@SUM(1)"],
    ['db1', 'db', 'evaluated', '0', '0', '0', '1', 'RSYNC-050 (1)', '', ''],
    // Read, but a target could not be evaluated: never shown as evaluated, whatever the sweep said.
    ['db2', 'db', 'not-evaluated', '0', '0', '0', '0', '', '', 'policy failed'],
    // Read, and no rsync daemon configuration on it: a row all the same, so no host drops out of the account.
    ['empty', 'batch', 'no-config', '0', '0', '0', '0', '', '', 'no rsync daemon configuration found'],
    ['gone', 'db', 'unreachable', '', '', '', '', '', '', 'unreachable: Connection refused'],
    ['web1', 'web', 'evaluated', '0', '2', '0', '0', 'RSYNC-001 (2)', '', ''],
  ]);
});

csv('--severity: a severity left out has empty cells, never a 0 that reads as a count', () => {
  const r = filterBySeverity(
    report([
      target('a/rsyncd.conf', [
        ['RSYNC-002', 'critical'],
        ['RSYNC-001', 'high'],
        ['RSYNC-011', 'low'],
      ]),
    ]),
    ['critical'],
  );
  assert.equal(parse(toCsv(r))[1]?.slice(2, 7), ['evaluated', '1', '', '', '']);
  const fleet = parse(toFleetCsv(r, { hostOf: (t) => t, groupOf: () => 'g' }));
  assert.equal(fleet[1]?.slice(2, 7), ['evaluated', '1', '', '', '']);
  // Unfiltered, the zeros are counts.
  assert.equal(parse(toCsv(report([target('b/rsyncd.conf', [['RSYNC-002', 'critical']])])))[1]?.slice(3, 7), ['1', '0', '0', '0']);
});

csv('an empty report is the header alone', () => {
  assert.is(toCsv(report([])), 'target,kind,status,critical,high,medium,low,top_rules,notes,reason\r\n');
  assert.is(toFleetCsv(report([]), { hostOf: (t) => t, groupOf: () => 'g' }), 'host,group,status,critical,high,medium,low,top_rules,notes,reason\r\n');
});

csv('a fleet without the sweep (eval of documents): the hosts the report names, not-evaluated when unread', () => {
  const r = report([target('web1:/etc/rsyncd.conf', [])], [{ target: 'gone', message: 'unreachable: Connection refused' }]);
  const rows = parse(toFleetCsv(r, { hostOf: (t) => t.split(':/')[0] ?? t, groupOf: () => 'g' }));
  assert.equal(
    rows.slice(1).map((x) => x.slice(0, 3)),
    [
      ['gone', 'g', 'not-evaluated'],
      ['web1', 'g', 'evaluated'],
    ],
  );
});

csv.run();
