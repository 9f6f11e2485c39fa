/**
 * The habits people bring from Trivy, Checkov and friends (issue 18), as a user meets them: case-insensitive
 * values, short flags, -h and -v, our own one-line errors with a did-you-mean, and `--severity` filtering
 * what is reported — and so what --fail-on judges — without a hidden finding ever counting as fixed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hostRawDoc } from './support/host-doc.ts';

/** The CLI from source, as `npm run dev` runs it: no dist/ needed. */
function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** examples/templated has a finding of every severity: 1 critical, 1 high, 3 medium, 3 low. */
const REPO = 'examples/templated';
const dir = mkdtempSync(join(tmpdir(), 'rsyncguard-conventions-'));

interface JsonReport {
  targets: { findings: { severity: string; rule_id: string; baseline_state?: string }[] }[];
  baseline?: { counts: Record<string, number>; absent: unknown[] };
}
const severities = (r: JsonReport) => r.targets.flatMap((t) => t.findings.map((f) => f.severity));

const values = suite('values and short flags');

values('choices are case-insensitive: --fail-on HIGH, --format SARIF, --daemon-user NonRoot', () => {
  const r = cli('scan', REPO, '--fail-on', 'MEDIUM', '--format', 'SARIF', '--daemon-user', 'NonRoot');
  assert.is(r.code, 1, r.stderr);
  assert.is(r.stderr, '');
  const sarif = JSON.parse(r.stdout) as { version: string; runs: { results: unknown[] }[] };
  assert.is(sarif.version, '2.1.0');
  // As a non-root daemon the critical and the high finding (root's) are gone, the 7 others stay.
  assert.is(sarif.runs.flatMap((run) => run.results).length, 7);
});

values('-f, -o and -q: the report goes to the file, nothing to the terminal', () => {
  const out = join(dir, 'short.json');
  const r = cli('scan', REPO, '-qf', 'json', '-o', out);
  assert.is(r.code, 1, r.stderr);
  assert.is(r.stdout, '');
  assert.is(severities(JSON.parse(readFileSync(out, 'utf8')) as JsonReport).length, 8);
});

values('-h is help for every command, and shows the short names beside the long ones', () => {
  const scan = cli('scan', REPO, '-h');
  assert.is(scan.code, 0);
  assert.match(scan.stdout, /^Usage: rsyncguard scan/);
  assert.match(scan.stdout, '  -f, --format text|json|');
  assert.match(scan.stdout, '  -o, --output FILE');
  assert.match(scan.stdout, '  -q, --quiet');
  assert.match(scan.stdout, '      --severity LEVELS');
  const rules = cli('rules', '-h');
  assert.is(rules.code, 0);
  assert.match(rules.stdout, '  -h, --help');
  // After --, -h is a path: the command runs (and finds nothing called -h).
  assert.not.match(cli('facts', '--', '-h').stdout, 'Usage:');
});

values('help COMMAND is COMMAND --help', () => {
  const r = cli('help', 'scan');
  assert.is(r.code, 0);
  assert.match(r.stdout, /^Usage: rsyncguard scan/);
});

values('-v, -V and --version print the version', () => {
  const lines = ['-v', '-V', '--version'].map((flag) => cli(flag));
  for (const r of lines) {
    assert.is(r.code, 0);
    assert.match(r.stdout, /^rsyncguard \d+\.\d+\.\d+\n$/);
  }
  assert.is(lines[0]?.stdout, lines[2]?.stdout);
});

values.run();

const errors = suite('our own one-line errors');

errors('an unknown option: one line with a did-you-mean and a hint, exit 2', () => {
  const r = cli('scan', REPO, '--formt', 'json');
  assert.is(r.code, 2);
  assert.is(r.stderr, 'rsyncguard scan: unknown option --formt; did you mean --format?\n  hint: See rsyncguard scan --help.\n');
  assert.is(r.stdout, '');
});

errors("a missing value and a value for a boolean: ours, never Node's parseArgs prose", () => {
  const missing = cli('scan', REPO, '--format');
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /^rsyncguard scan: --format needs a value \(text\|json\|[^)]*\)\n {2}hint: See rsyncguard scan --help\.\n$/);
  const boolean = cli('scan', REPO, '--quiet=yes');
  assert.is(boolean.code, 2);
  assert.is(boolean.stderr, 'rsyncguard scan: --quiet takes no value, not "yes": write --quiet alone\n  hint: See rsyncguard scan --help.\n');
  const dash = cli('scan', REPO, '--output', '-q');
  assert.is(dash.code, 2);
  for (const r of [missing, boolean, dash]) {
    assert.not.match(r.stderr, 'To specify an option argument');
    assert.not.match(r.stderr, "Option '");
    assert.is(r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('  hint:')).length, 1);
  }
});

errors('an unknown command: did you mean, exit 2', () => {
  const r = cli('scna', REPO);
  assert.is(r.code, 2);
  assert.match(r.stderr, /^rsyncguard: unknown command "scna"; did you mean "scan"\?\n {2}hint: Commands: scan, /);
});

errors('control characters in an unknown option are escaped, never sent raw to the terminal', () => {
  const r = cli('scan', REPO, '--x\u001b[31m');
  assert.is(r.code, 2);
  assert.not.match(r.stderr, '\u001b');
  assert.match(r.stderr, 'unknown option --x');
});

errors.run();

const severity = suite('--severity');

severity('reports only the severities named (any case), and says which are allowed when one is not', () => {
  const r = cli('scan', REPO, '--severity', 'Critical,HIGH', '-f', 'json');
  assert.equal(severities(JSON.parse(r.stdout) as JsonReport).sort(), ['critical', 'high']);
  const bad = cli('scan', REPO, '--severity', 'critical,severe');
  assert.is(bad.code, 2);
  assert.is(bad.stderr, 'rsyncguard scan: --severity must be a comma-separated list of critical, high, medium, low, not "severe"\n  hint: See rsyncguard scan --help.\n');
});

severity('the exit code judges what is reported (Trivy): hidden findings never fail the run', () => {
  // Unfiltered, the critical and the high finding fail --fail-on high.
  assert.is(cli('scan', REPO).code, 1);
  assert.is(cli('scan', REPO, '--severity', 'medium,low').code, 0);
  assert.is(cli('scan', REPO, '--severity', 'low', '--fail-on', 'low').code, 1);
  assert.is(cli('scan', REPO, '--severity', 'critical', '--fail-on', 'high').code, 1);
});

severity('text shows only the kept severities', () => {
  const r = cli('scan', REPO, '--severity', 'low');
  assert.is(r.code, 0);
  assert.match(r.stdout, 'LOW');
  assert.not.match(r.stdout, /CRITICAL|HIGH|MEDIUM/);
});

severity('with --baseline, a hidden finding is not fixed: not absent in JSON or SARIF, and the counts are of what is shown', () => {
  const base = join(dir, 'base.json');
  assert.is(cli('scan', REPO, '-f', 'json', '-o', base).code, 1);
  const json = cli('scan', REPO, '--baseline', base, '--severity', 'high', '-f', 'json');
  assert.is(json.code, 0, json.stderr);
  const doc = JSON.parse(json.stdout) as JsonReport;
  assert.equal(doc.baseline?.counts, { new: 0, unchanged: 1, updated: 0, absent: 0 });
  assert.equal(doc.baseline?.absent, []);
  const sarif = cli('scan', REPO, '--baseline', base, '--severity', 'high', '-f', 'sarif');
  const results = (JSON.parse(sarif.stdout) as { runs: { results: { level: string; baselineState?: string }[] }[] }).runs.flatMap((run) => run.results);
  assert.equal(
    results.map((x) => x.baselineState),
    ['unchanged'],
  );
});

severity('a --compliance section is judged on every finding: no control passes because its findings are hidden', () => {
  type Section = { summary: { failing: number } };
  const section = (...extra: string[]) => (JSON.parse(cli('scan', REPO, '--compliance', 'nist', '-f', 'json', ...extra).stdout) as { compliance: Section }).compliance;
  const all = section();
  // 14 NIST controls fail on this repository, most of them through its critical, high and medium findings.
  assert.ok(all.summary.failing > 0);
  assert.equal(section('--severity', 'low'), all);
});

severity('eval filters too: a facts document through standard input', () => {
  const facts = cli('facts', join(REPO, 'roles/rsyncd/templates/rsyncd.conf.j2'));
  assert.is(facts.code, 0, facts.stderr);
  const file = join(dir, 'facts.json');
  writeFileSync(file, facts.stdout);
  const all = cli('eval', file, '-f', 'json');
  const low = cli('eval', file, '--severity', 'LOW', '-f', 'json', '--fail-on', 'medium');
  assert.ok(severities(JSON.parse(all.stdout) as JsonReport).some((s) => s !== 'low'));
  assert.ok(severities(JSON.parse(low.stdout) as JsonReport).every((s) => s === 'low'));
  assert.is(low.code, 0);
});

severity('a fleet (eval of host documents, laid out as sweep) is filtered and judged the same way', () => {
  const text = readFileSync('examples/public-mirror/rsyncd.conf', 'utf8');
  const file = join(dir, 'fleet.json');
  writeFileSync(file, JSON.stringify([hostRawDoc('web1', text), hostRawDoc('web2', text)]));
  const all = cli('eval', file, '-f', 'json');
  assert.is(all.code, 1, all.stderr);
  assert.ok(severities(JSON.parse(all.stdout) as JsonReport).includes('high'));
  const medium = cli('eval', file, '-f', 'json', '--severity', 'medium');
  assert.is(medium.code, 0, medium.stderr);
  const shown = severities(JSON.parse(medium.stdout) as JsonReport);
  assert.ok(shown.length > 0 && shown.every((s) => s === 'medium'));
});

severity.run();
