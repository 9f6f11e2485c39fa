/**
 * --severity in the formats for people and code scanning (issue 18 review): a filtered report never reads as a
 * complete one. Text says per target what it hid, SARIF's run and the HTML overview say a filter was applied,
 * and JSON keeps the hidden findings out of its targets (its summary counts them).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo, Severity } from '../engine/index.ts';
import { paint } from './colour.ts';
import { toHtml } from './html/index.ts';
import { toJson } from './json.ts';
import type { Report } from './model.ts';
import { toSarif } from './sarif.ts';
import { filterBySeverity } from './severity-filter.ts';
import { toText } from './text.ts';

const rule = (id: string, severity: Severity): RuleInfo => ({ id, title: id, description: 'd', severity, security_severity: '5.0', cwe: '', tags: [], help: 'h', help_uri: null, package: 'p' });
const finding = (target: string, rule_id: string, severity: Severity, line: number): Finding => ({
  rule_id,
  title: rule_id,
  severity,
  context: null,
  message: `${rule_id} here`,
  target,
  module: null,
  path: 'config.global.x',
  location: { file: target, line, column: 1 },
});

const report = (): Report => ({
  tool: { name: 'rsyncguard', version: '0.1.0' },
  rules: [rule('RSYNC-002', 'critical'), rule('RSYNC-001', 'high'), rule('RSYNC-011', 'low')],
  targets: [
    { target: 'a/rsyncd.conf', kind: 'file', findings: [finding('a/rsyncd.conf', 'RSYNC-001', 'high', 2), finding('a/rsyncd.conf', 'RSYNC-011', 'low', 3)], waived: [], notes: [], facts: {} },
    { target: 'b/rsyncd.conf', kind: 'file', findings: [finding('b/rsyncd.conf', 'RSYNC-002', 'critical', 1), finding('b/rsyncd.conf', 'RSYNC-011', 'low', 4)], waived: [], notes: [], facts: {} },
  ],
  errors: [],
  expired_waivers: [],
});

const shown = suite('--severity in text, SARIF, HTML and JSON');

shown('text: a target with only hidden findings is not "no findings"; one with some says how many it hid', () => {
  const text = toText(filterBySeverity(report(), ['critical']), paint(false), { hints: false });
  assert.match(text, 'a/rsyncd.conf\n  no critical findings (2 of other severities not shown)\n');
  assert.not.match(text, 'no findings');
  assert.match(text, '  (1 finding of other severities not shown)');
  assert.match(toText(filterBySeverity(report(), ['critical', 'high']), paint(false), { hints: false }), /b\/rsyncd.conf[\s\S]*\(1 finding of other severities not shown\)/);
  // Unfiltered, as before.
  const clean = report();
  clean.targets = clean.targets.map((t) => ({ ...t, findings: [] }));
  assert.match(toText(clean, paint(false)), 'a/rsyncd.conf\n  no findings\n');
  // An include left unread: the silence is of what was read only.
  const first = clean.targets[0];
  if (first) clean.targets[0] = { ...first, notes: [{ level: 'note', code: 'include-not-followed', message: '&include /etc/rsyncd.d was not followed', location: { file: 'a/rsyncd.conf', line: 9, column: 1 } }] };
  assert.match(toText(clean, paint(false)), 'no findings in what was read: an include above was not read');
});

shown('SARIF: the run says which severities its results were limited to and how many were left out', () => {
  const opts = { category: 'rsyncguard/', suppressions: false, texts: new Map<string, string>(), warn: () => {} };
  const log = JSON.parse(toSarif(filterBySeverity(report(), ['critical']), opts)) as { runs: { properties?: { severity_filter?: unknown } }[] };
  assert.equal(log.runs[0]?.properties?.severity_filter, { severities: ['critical'], hidden: 3 });
  const all = JSON.parse(toSarif(report(), opts)) as { runs: { properties?: unknown }[] };
  assert.is(all.runs[0]?.properties, undefined);
});

shown('HTML: the overview says the counts are of the severities shown', () => {
  const page = toHtml(filterBySeverity(report(), ['critical']), { texts: new Map() });
  assert.match(page, /<p class="error severity-filter">3 findings of other severities not shown \(--severity critical\)\. The counts are of the findings shown\.<\/p>/);
  assert.not.match(toHtml(report(), { texts: new Map() }), 'severity-filter');
});

shown('JSON: the hidden findings stay out of the targets; the summary counts them', () => {
  const doc = JSON.parse(toJson(filterBySeverity(report(), ['critical']))) as { summary: { severity_filter: unknown }; targets: Record<string, unknown>[] };
  assert.equal(doc.summary.severity_filter, { severities: ['critical'], hidden: 3 });
  for (const t of doc.targets) assert.not.ok('hidden' in t);
});

shown.run();
