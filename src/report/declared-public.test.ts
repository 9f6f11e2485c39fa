import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo } from '../engine/index.ts';
import { paint } from './colour.ts';
import { MAX_REASON, publicLines, shownReason } from './declared-public.ts';
import { toFleetMarkdown, toGroupedSarif } from './fleet.ts';
import { toJobSummary } from './job-summary.ts';
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

shown('the job summary counts them and has the same "Declared public" table as Markdown', () => {
  const summary = toJobSummary(report());
  assert.match(summary, '| critical | high | medium | low | waived | declared public | not evaluated |');
  assert.match(summary, '| 0 | 0 | 1 | 0 | 0 | 3 | 0 |');
  assert.match(summary, '### Declared public');
  assert.match(summary, '| `rsyncd.conf:1` | declared public: Debian mirror');
  assert.match(summary, '| [debian], [ubuntu] | 2 |');
  assert.match(summary, '| `.rsyncguard.yaml:3` | declared public: CPAN mirror | [cpan] | 1 |');
  assert.not.match(summary, '\u001b');
});

const unusedEntry = { path: '/etc/rsyncd.conf', host: null, image: null, module: null, reason: 'mirror host', file: '.rsyncguard.yaml', line: 2 };

shown('a public: entry that matched no module is said in every format, at its line', () => {
  const r = { ...report(), unused_public: [unusedEntry, { ...unusedEntry, path: null, host: 'mirror-\u001b[2J', line: 5 }] };
  const text = toText(r, paint(false));
  assert.match(text, 'unused public entry at .rsyncguard.yaml:2: The public entry (path /etc/rsyncd.conf) matched no module: it declares nothing.');
  assert.match(text, '(host mirror-\\x1b[2J)');
  assert.not.match(text, '\u001b');
  assert.match(toMarkdown(r), '### Public entries that declare nothing\n\n- `.rsyncguard.yaml:2`: The public entry (path /etc/rsyncd.conf) matched no module');
  assert.match(toJobSummary(r), '**public entry declares nothing** `.rsyncguard.yaml:2`');
  const json = JSON.parse(toJson(r)) as { summary: { unused_public: number }; unused_public: { line: number }[] };
  assert.is(json.summary.unused_public, 2);
  assert.equal(
    json.unused_public.map((e) => e.line),
    [2, 5],
  );
  type Log = { runs: { invocations: { toolExecutionNotifications: { descriptor: { id: string }; level: string; locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] }[] };
  const log = JSON.parse(toSarif(r, { category: 'x/', suppressions: false, texts: new Map(), warn: () => {} })) as Log;
  const n = log.runs[0]?.invocations[0]?.toolExecutionNotifications.filter((x) => x.descriptor.id === 'public-entry-unused') ?? [];
  assert.equal(
    n.map((x) => [x.level, x.locations?.[0]?.physicalLocation.artifactLocation.uri, x.locations?.[0]?.physicalLocation.region.startLine]),
    [
      ['warning', '.rsyncguard.yaml', 2],
      ['warning', '.rsyncguard.yaml', 5],
    ],
  );
  assert.not.match(toText(report(), paint(false)), 'unused public entry');
});

shown('a fleet says an unused public: entry once: in its Markdown, and in the first SARIF run only', () => {
  const base = report();
  const target = base.targets[0]!;
  const r: Report = { ...base, targets: [target, { ...target, target: 'web2' }], unused_public: [unusedEntry] };
  assert.match(
    toFleetMarkdown(r, (t) => t),
    '### Public entries that declare nothing',
  );
  type Log = { runs: { invocations: { toolExecutionNotifications: { descriptor: { id: string } }[] }[] }[] };
  const log = JSON.parse(toGroupedSarif(r, (t) => t, 'fleet/', { suppressions: false, texts: new Map(), warn: () => {} })) as Log;
  assert.equal(
    log.runs.map((run) => run.invocations[0]?.toolExecutionNotifications.filter((x) => x.descriptor.id === 'public-entry-unused').length),
    [1, 0],
  );
});

shown('a waiver that selected nothing is said in the job summary, escaped, at its line', () => {
  const r: Report = { ...report(), unused_waivers: [{ rule: 'cis:rsync-service', reason: 'r', expires: '2099-01-01', image: 'oci:/x/oci:img\u001b[2J', source: '.rsyncguard.yaml:7' }] };
  const summary = toJobSummary(r);
  assert.match(summary, '**waiver waives nothing** `.rsyncguard.yaml:7`: The waiver cis:rsync-service (image oci:/x/oci:img\\x1b[2J) matched nothing');
  assert.not.match(summary, '\u001b');
});

shown.run();
