import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo, Severity } from '../engine/index.ts';
import { compareWithBaseline, type Baseline } from './baseline.ts';
import type { Report } from './model.ts';
import { filterBySeverity, parseSeverities } from './severity-filter.ts';
import { toSarif } from './sarif.ts';

const rule = (id: string, severity: Severity): RuleInfo => ({ id, title: `title ${id}`, description: 'd', severity, security_severity: '5.5', cwe: 'CWE-306', tags: [], help: 'h', help_uri: null, package: 'p' });

function finding(rule_id: string, severity: Severity, line: number): Finding {
  return { rule_id, title: `title ${rule_id}`, severity, context: null, message: `${rule_id} at ${line}`, target: 'rsyncd.conf', module: 'm', path: `config.modules[${line}].x`, location: { file: 'rsyncd.conf', line, column: 1 } };
}

const ALL = [finding('RSYNC-001', 'critical', 1), finding('RSYNC-002', 'high', 2), finding('RSYNC-003', 'medium', 3), finding('RSYNC-004', 'low', 4)];

function report(findings: Finding[]): Report {
  return {
    tool: { name: 'rsyncguard', version: '0.1.0' },
    rules: [rule('RSYNC-001', 'critical'), rule('RSYNC-002', 'high'), rule('RSYNC-003', 'medium'), rule('RSYNC-004', 'low'), rule('RSYNC-005', 'low')],
    targets: [
      {
        target: 'rsyncd.conf',
        kind: 'file',
        findings,
        waived: [{ finding: finding('RSYNC-005', 'low', 9), waiver: { rule: 'RSYNC-005', reason: 'r', expires: null, source: '.rsyncguard.yaml' } }],
        notes: [],
        facts: {},
      },
    ],
    errors: [],
    expired_waivers: [],
  };
}

const baselineOf = (findings: Finding[]): Baseline => ({
  source: 'base.json',
  findings: findings.map((f) => ({ rule_id: f.rule_id, title: f.title, severity: f.severity, message: f.message, target: f.target, module: f.module, path: f.path, location: f.location, fingerprint: null, reported: true })),
});

const parse = suite('parseSeverities');

parse('reads a comma list case-insensitively, in severity order, without repeats', () => {
  const r = parseSeverities(' HIGH,critical , High,');
  assert.equal(r.ok && r.value, ['critical', 'high']);
});

parse('an unknown word is an error naming the allowed ones and the word', () => {
  const r = parseSeverities('critical,severe');
  assert.is(r.ok, false);
  if (!r.ok) assert.is(r.error.message, '--severity must be a comma-separated list of critical, high, medium, low, not "severe"');
});

parse('an empty list is an error, named as the caller says (the Action names its input)', () => {
  const r = parseSeverities(' , ', 'Input "severity"');
  assert.is(r.ok, false);
  if (!r.ok) assert.is(r.error.message, 'Input "severity" needs at least one of critical, high, medium, low');
});

parse.run();

const filter = suite('filterBySeverity');

filter('keeps only the findings (and waived findings) of the severities named, and counts what it hid', () => {
  const r = filterBySeverity(report(ALL), ['critical', 'high']);
  assert.equal(
    r.targets[0]?.findings.map((f) => f.severity),
    ['critical', 'high'],
  );
  assert.equal(r.targets[0]?.waived, []);
  assert.equal(r.severity_filter, { severities: ['critical', 'high'], hidden: 2 });
});

filter('without severities, or with all four, the report is the same object', () => {
  const r = report(ALL);
  assert.is(filterBySeverity(r, undefined), r);
  assert.is(filterBySeverity(r, ['low', 'medium', 'high', 'critical']), r);
});

filter('after a baseline comparison: a hidden finding is not absent, and the counts are of what is shown', () => {
  // The baseline had all four; this run still has all four, one of them (low) moved. Filtered to high:
  // nothing is absent — the hidden ones are still here — and only the high one is counted.
  const low = ALL[3] as Finding;
  const now = [...ALL.slice(0, 3), { ...low, location: { file: 'rsyncd.conf', line: 40, column: 1 } }];
  const compared = compareWithBaseline(report(now), baselineOf(ALL));
  assert.equal(compared.baseline?.counts, { new: 0, unchanged: 4, updated: 0, absent: 0 });
  const r = filterBySeverity(compared, ['high']);
  assert.equal(r.baseline?.counts, { new: 0, unchanged: 1, updated: 0, absent: 0 });
  assert.equal(r.baseline?.absent, []);
  // SARIF shows no result as absent (fixed) for the hidden findings.
  const sarif = JSON.parse(toSarif(r, { category: 'rsyncguard/', suppressions: false, texts: new Map(), warn: () => {} })) as { runs: { results: { ruleId: string; baselineState?: string }[] }[] };
  const results = sarif.runs[0]?.results ?? [];
  assert.equal(
    results.map((x) => [x.ruleId, x.baselineState]),
    [['RSYNC-002', 'unchanged']],
  );
});

filter('a finding really gone since the baseline is absent only when its severity is shown', () => {
  const compared = compareWithBaseline(report(ALL.slice(0, 2)), baselineOf(ALL));
  assert.is(compared.baseline?.absent.length, 2);
  assert.equal(
    filterBySeverity(compared, ['medium']).baseline?.absent.map((a) => a.rule_id),
    ['RSYNC-003'],
  );
  assert.equal(filterBySeverity(compared, ['critical']).baseline?.absent, []);
});

filter.run();
