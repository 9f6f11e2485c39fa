import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo } from '../engine/index.ts';
import { paint } from './colour.ts';
import { MAX_REASON, publicLines, shownReason } from './declared-public.ts';
import { toJson } from './json.ts';
import { toMarkdown } from './markdown.ts';
import type { Report } from './model.ts';
import { toSarif } from './sarif.ts';
import { toText } from './text.ts';

const rule: RuleInfo = { id: 'RSYNC-001', title: 'Module without authentication', description: 'd', severity: 'medium', security_severity: '5.3', cwe: 'CWE-306', tags: ['access'], help: 'h', help_uri: null, package: 'p', quiet_when_public: true };
const finding = (module: string | null, line: number): Finding => ({
  rule_id: 'RSYNC-001',
  title: 't',
  severity: 'medium',
  context: null,
  message: `m ${module}`,
  target: 'rsyncd.conf',
  module,
  path: '',
  location: { file: 'rsyncd.conf', line, column: 1 },
});
const comment = { reason: 'Debian mirror\u001b[2J', source: 'comment' as const, file: 'rsyncd.conf', line: 1 };
const entry = { reason: 'CPAN mirror', source: 'config' as const, file: '.rsyncguard.yaml', line: 3 };

function report(): Report {
  return {
    tool: { name: 'rsyncguard', version: '0.1.0' },
    rules: [rule],
    targets: [
      {
        target: 'rsyncd.conf',
        kind: 'file',
        findings: [finding('private', 9)],
        waived: [],
        declared_public: [
          { finding: finding('debian', 3), declared_public: comment },
          { finding: finding('ubuntu', 5), declared_public: comment },
          { finding: finding('cpan', 7), declared_public: entry },
        ],
        notes: [],
        facts: {},
      },
    ],
    errors: [],
    expired_waivers: [],
  };
}

const shown = suite('declared public in reports');

shown('text says "declared public: <reason>" per declaration with the count it left out', () => {
  const text = toText(report(), paint(false));
  assert.match(text, 'declared public: Debian mirror\\x1b[2J (rsyncd.conf:1): 2 findings not reported ([debian], [ubuntu])');
  assert.match(text, 'declared public: CPAN mirror (.rsyncguard.yaml:3): 1 finding not reported ([cpan])');
  assert.not.match(text, '\u001b');
});

shown('Markdown has a "Declared public" table', () => {
  const md = toMarkdown(report());
  assert.match(md, '### Declared public');
  assert.match(md, '| `rsyncd.conf:1` | declared public: Debian mirror');
  assert.match(md, '| [debian], [ubuntu] | 2 |');
});

shown('JSON lists each left-out finding with its declaration, and counts them', () => {
  const doc = JSON.parse(toJson(report())) as { summary: { declared_public: number }; targets: { declared_public: { finding: Finding; declared_public: { reason: string } }[] }[] };
  assert.is(doc.summary.declared_public, 3);
  assert.equal(
    doc.targets[0]?.declared_public.map((s) => [s.finding.rule_id, s.finding.module, s.finding.location?.line, s.declared_public.reason]),
    [
      ['RSYNC-001', 'debian', 3, comment.reason],
      ['RSYNC-001', 'ubuntu', 5, comment.reason],
      ['RSYNC-001', 'cpan', 7, 'CPAN mirror'],
    ],
  );
});

shown('SARIF suppresses them like waived findings (only with suppressions on), in source for a comment', () => {
  type Log = { runs: { results: { properties: { module: string }; suppressions?: { kind: string; justification: string }[] }[] }[] };
  const sarif = (suppressions: boolean) => JSON.parse(toSarif(report(), { category: 'x/', suppressions, texts: new Map(), warn: () => {} })) as Log;
  assert.is(sarif(false).runs[0]?.results.length, 1);
  const results = sarif(true).runs[0]?.results ?? [];
  const by = (m: string) => results.find((r) => r.properties.module === m)?.suppressions?.[0];
  assert.is(by('private'), undefined);
  assert.is(by('debian')?.kind, 'inSource');
  assert.is(by('cpan')?.kind, 'external');
  assert.is(by('cpan')?.justification, 'declared public: CPAN mirror (.rsyncguard.yaml:3)');
});

shown('a reason is capped, in SARIF too, and a target with none shows nothing', () => {
  assert.is(shownReason('x'.repeat(200)).length, MAX_REASON);
  const long = report();
  const first = long.targets[0]?.declared_public?.[0];
  if (first) first.declared_public = { ...first.declared_public, reason: 'y'.repeat(500) };
  const log = JSON.parse(toSarif(long, { category: 'x/', suppressions: true, texts: new Map(), warn: () => {} })) as { runs: { results: { suppressions?: { justification: string }[] }[] }[] };
  assert.ok(log.runs[0]?.results.every((r) => (r.suppressions?.[0]?.justification.length ?? 0) < 150));
  assert.equal(publicLines({}), []);
});

shown.run();
