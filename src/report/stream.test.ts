import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo, Severity } from '../engine/index.ts';
import { JsonStream, toJson } from './json.ts';
import type { Report, TargetReport } from './model.ts';
import { LIMITS, toSarif } from './sarif.ts';
import { SarifStream } from './sarif-stream.ts';
import { memorySpool } from './spool.ts';
import type { ReportStream } from './stream.ts';
import { paint } from './colour.ts';
import { TextStream, toText } from './text.ts';

const rule = (id: string, severity: Severity): RuleInfo => ({ id, title: `Rule ${id}`, description: 'd', severity, security_severity: '5.0', cwe: 'CWE-306', tags: ['access'], help: 'Set it. Then more.', help_uri: null, package: 'p' });
const RULES = [rule('RSYNC-001', 'medium'), rule('RSYNC-070', 'high'), rule('RSYNC-050', 'low')];
const SEVERITIES: Severity[] = ['low', 'critical', 'medium', 'high'];

function finding(target: string, i: number, over: Partial<Finding> = {}): Finding {
  return { rule_id: 'RSYNC-001', title: 't', severity: 'medium', context: null, message: `finding ${i}`, target, module: `m${i % 7}`, path: `config.modules[${i % 7}].params`, location: { file: target, line: 1 + (i % 30), column: 1 }, ...over };
}

/** Targets with every kind of thing a SARIF run or JSON report holds: raised severities, CVEs, waived, public, notes, an unknown rule. */
function report(perTarget: number, targets: number): Report {
  const comment = { reason: 'Debian mirror', source: 'comment' as const, file: 't0.conf', line: 1 };
  const made: TargetReport[] = Array.from({ length: targets }, (_, n) => {
    const target = `t${n}.conf`;
    const findings = Array.from({ length: perTarget }, (_, i) => {
      const severity = SEVERITIES[(i + n) % 4] ?? 'low';
      if (i % 11 === 3) return finding(target, i, { rule_id: 'RSYNC-070', severity, cves: [`CVE-2024-${1000 + ((i + n) % 5)}`], context: null });
      if (i % 13 === 5) return finding(target, i, { rule_id: 'RSYNC-999', severity });
      return finding(target, i, { severity, context: severity === 'medium' ? null : `reason ${(i + n) % 3}` });
    });
    return {
      target,
      kind: 'file',
      findings,
      waived: [{ finding: finding(target, 1000, { rule_id: 'RSYNC-050', severity: 'low' }), waiver: { rule: 'RSYNC-050', reason: 'logged elsewhere', expires: null, source: '.rsyncguard.yaml:2' } }],
      declared_public: [{ finding: finding(target, 1001), declared_public: comment }],
      notes: [{ level: 'warning', code: 'unknown-parameter', message: `line ${n}`, location: { file: target, line: 2, column: 1 } }],
      facts: { target: { id: target } },
    };
  });
  return {
    tool: { name: 'rsyncguard', version: '0.1.0' },
    rules: RULES,
    targets: made,
    errors: [{ target: 'bad.conf', message: 'cannot read', hint: 'check it' }],
    expired_waivers: [],
    unused_public: [{ path: 'x', host: null, image: null, module: null, reason: 'r', file: '.rsyncguard.yaml', line: 9 }],
    unused_waivers: [{ rule: 'RSYNC-001', reason: 'r', expires: null, path: 'nowhere', source: '.rsyncguard.yaml:4' }],
  };
}

function texts(report: Report): Map<string, string> {
  return new Map(report.targets.map((t) => [t.target, Array.from({ length: 40 }, (_, i) => `line ${i} of ${t.target}${' '.repeat(i)}`).join('\r\n')]));
}

/** The report given to a stream target by target, and the document it writes. */
function streamed(r: Report, stream: ReportStream, all: ReadonlyMap<string, string>): string {
  for (const t of r.targets) stream.target(t, new Map([...all].filter(([k]) => k === t.target)));
  for (const e of r.errors) stream.error(e);
  const parts: string[] = [];
  stream.end(r, (p) => parts.push(p));
  stream.close();
  return parts.join('');
}

const stream = suite('streamed reports');

for (const suppressions of [false, true]) {
  stream(`SARIF streamed is toSarif's bytes (suppressions ${suppressions})`, () => {
    const r = report(40, 12);
    const opts = { category: 'rsyncguard/', suppressions, warn: () => {} };
    const whole = toSarif(r, { ...opts, texts: texts(r) });
    assert.fixture(streamed(r, new SarifStream(r, opts, memorySpool), texts(r)), whole);
  });
}

stream("SARIF past GitHub's result limit: the same results kept, in the same order, the same notice", () => {
  const r = report(LIMITS.results / 10 + 37, 12);
  const warned: string[][] = [[], []];
  const whole = toSarif(r, { category: 'c/', suppressions: true, texts: texts(r), warn: (m) => warned[0]?.push(m) });
  const out = streamed(r, new SarifStream(r, { category: 'c/', suppressions: true, warn: (m) => warned[1]?.push(m) }, memorySpool), texts(r));
  assert.ok(whole.includes('results-left-out'), 'the run is cut');
  assert.fixture(out, whole);
  assert.equal(warned[1], warned[0]);
});

stream('SARIF of no targets, and of errors only', () => {
  const r: Report = { ...report(0, 0), unused_public: [], unused_waivers: [] };
  const opts = { category: 'rsyncguard/', suppressions: false, warn: () => {} };
  assert.fixture(streamed(r, new SarifStream(r, opts, memorySpool), new Map()), toSarif(r, { ...opts, texts: new Map() }));
  const clean: Report = { ...r, errors: [] };
  assert.fixture(streamed(clean, new SarifStream(clean, opts, memorySpool), new Map()), toSarif(clean, { ...opts, texts: new Map() }));
});

stream("JSON streamed is toJson's bytes", () => {
  for (const r of [report(30, 9), { ...report(0, 0), errors: [] }]) assert.fixture(streamed(r, new JsonStream(r, memorySpool), new Map()), toJson(r));
});

stream("text streamed is toText's bytes, with and without colour, hints and --explain", () => {
  const r = report(30, 9);
  // Control characters from files are escaped in the target lines and in the errors after them.
  const hostile: Report = { ...r, targets: r.targets.map((t, i) => (i === 2 ? { ...t, target: 'evil\u001b[2J.conf' } : t)), errors: [...r.errors, { target: 'x\u009b.conf', message: 'm\u202e' }] };
  for (const colour of [false, true]) {
    for (const opts of [
      { explain: false, hints: true },
      { explain: true, hints: false },
    ]) {
      assert.fixture(streamed(hostile, new TextStream(hostile, paint(colour), opts, memorySpool), new Map()), toText(hostile, paint(colour), opts));
    }
  }
  const none: Report = { ...report(0, 0), errors: [], unused_public: [], unused_waivers: [] };
  assert.fixture(streamed(none, new TextStream(none, paint(false), { explain: false, hints: true }, memorySpool), new Map()), toText(none, paint(false)));
});

stream.run();
