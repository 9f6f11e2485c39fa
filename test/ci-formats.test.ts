/**
 * The CI formats as a user meets them (issue 18): `--format junit|gitlab|csv` through the CLI, each report
 * held to its reader's validator — JUnit XML to Jenkins' schema with xmllint, Code Quality JSON to GitLab's
 * documented fields with ajv (test/support/ci-format-check.ts) — and to the JSON report of the same run, so a
 * format can neither lose nor invent a finding.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from './support/suite.ts';
import * as assert from 'uvu/assert';
import { codeQualityProblems, junitProblems } from './support/ci-format-check.ts';
import { hostRawDoc } from './support/host-doc.ts';

const ENTRY = resolve('src/cli/main.ts');
const TSX = import.meta.resolve('tsx');

function cli(args: string[], cwd = process.cwd()): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, ENTRY, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  targets: { target: string; findings: { rule_id: string; severity: string; fingerprint: string; location: { file: string; line: number } | null }[]; notes: { code: string; level: string }[] }[];
  errors: { target: string; message: string }[];
}

interface Issue {
  check_name: string;
  severity: string;
  fingerprint: string;
  description: string;
  location: { path: string; lines: { begin: number } };
}

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF), as a spreadsheet reads them. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else if (c === '\n' || c === '\r') throw new Error(`a bare line break at ${i}: not RFC 4180`);
    else cell += c;
  }
  return rows;
}

let examples: JsonReport | undefined;
/** The JSON report of `scan examples`, the account each format is held to. */
function examplesJson(): JsonReport {
  examples ??= JSON.parse(cli(['scan', 'examples', '--format', 'json', '--fail-on', 'none']).stdout) as JsonReport;
  return examples;
}

let dir = '';
const ci = suite('CI formats through the CLI');

ci.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rg-ci-formats-'));
});
ci.after(() => rmSync(dir, { recursive: true, force: true }));

ci('junit: valid against Jenkins’ schema; a testsuite per target, a testcase per finding, one per rule that applies and did not fire', () => {
  const json = examplesJson();
  const r = cli(['scan', 'examples', '-f', 'junit', '--fail-on', 'none']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(junitProblems(r.stdout), []);
  const suites = [...r.stdout.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)"[\s\S]*?<\/testsuite>/g)];
  assert.equal(
    suites.map((m) => m[1]),
    json.targets.map((t) => t.target),
  );
  for (const t of json.targets) {
    const m = suites.find((s) => s[1] === t.target);
    const body = m?.[0] ?? '';
    // Jenkins reads one <failure> per testcase: a finding is a testcase of its own.
    assert.is(Number(m?.[3]), t.findings.length, `${t.target}: a failing testcase per finding`);
    for (const c of body.split('<testcase ').slice(1)) assert.ok((c.match(/<failure /g) ?? []).length <= 1, c);
    assert.not.match(body, /classname="[^"]*\./, 'a classname Jenkins would split at a dot');
  }
  const failures = (r.stdout.match(/<failure /g) ?? []).length;
  assert.is(
    failures,
    json.targets.reduce((n, t) => n + t.findings.length, 0),
  );
  assert.ok(failures > 10, 'the examples have findings');
  // The stunnel configuration is read by no analyzer: no rule judges it, and no rule is said to pass there.
  assert.match(r.stdout, /<testsuite name="examples\/hardened\/stunnel-rsyncd.conf" tests="0"/);
});

ci('junit --severity high: a rule whose findings were hidden is skipped, never passing; a Dockerfile is tested by image rules only', () => {
  const repo = join(dir, 'severity-junit');
  cpSync('examples/backup-target', repo, { recursive: true });
  writeFileSync(join(repo, 'Dockerfile'), 'FROM debian:12\nRUN apt-get install -y rsync\nEXPOSE 873\nCMD ["rsync", "--daemon", "--no-detach"]\n');
  const json = JSON.parse(cli(['scan', '.', '-f', 'json', '--fail-on', 'none'], repo).stdout) as JsonReport;
  const conf = json.targets.find((t) => t.target === 'rsyncd.conf');
  const hiddenRules = new Set(conf?.findings.filter((f) => f.severity !== 'high' && f.severity !== 'critical').map((f) => f.rule_id));
  assert.ok(hiddenRules.has('RSYNC-061'), 'RSYNC-061 fires (medium) on the example');
  const r = cli(['scan', '.', '--severity', 'high', '-f', 'junit', '--fail-on', 'none'], repo);
  assert.equal(junitProblems(r.stdout), []);
  const confSuite = /<testsuite name="rsyncd.conf"[\s\S]*?<\/testsuite>/.exec(r.stdout)?.[0] ?? '';
  assert.match(confSuite, '<property name="severity_filter" value="high"/>');
  for (const id of hiddenRules) {
    assert.not.match(confSuite, new RegExp(`<testcase name="${id} [^"]*"[^>]*/>`), `${id} fired: never a passing testcase`);
    assert.match(confSuite, new RegExp(`<testcase name="${id} [^"]*"[^>]*>\\n\\s*<skipped>hidden by --severity high: a (medium|low) finding`));
  }
  const docker = /<testsuite name="Dockerfile"[\s\S]*?<\/testsuite>/.exec(r.stdout)?.[0] ?? '';
  const ids = [...new Set([...docker.matchAll(/<testcase name="(RSYNC-\d+)/g)].map((m) => m[1]))].sort();
  assert.equal(ids, ['RSYNC-090', 'RSYNC-091', 'RSYNC-093']);
});

ci('a module named to break each format: junit stays valid, csv cells stay text', () => {
  const conf = join(dir, 'hostile');
  cpSync('examples/backup-target', conf, { recursive: true });
  writeFileSync(join(conf, 'rsyncd.conf'), '[<x>&"\u0001\u202e=cmd]\n    path = /srv/x\n    read only = no\n');
  const r = cli(['scan', conf, '--format', 'junit', '--fail-on', 'none']);
  assert.equal(junitProblems(r.stdout), [], r.stdout);
  assert.match(r.stdout, '&lt;x&gt;&amp;&quot;\\x01\\u202e=cmd');
  // eslint-disable-next-line no-control-regex
  assert.not.match(r.stdout, /[\u0001\u202e]/);
  const issues = JSON.parse(cli(['scan', conf, '--format', 'gitlab', '--fail-on', 'none']).stdout) as Issue[];
  assert.equal(codeQualityProblems(issues), []);
  assert.ok(issues.some((i) => i.description.includes('[<x>&"\u0001\u202e=cmd]')));
  const rows = csvRows(cli(['scan', conf, '--format', 'csv', '--fail-on', 'none']).stdout);
  for (const cell of rows.flat()) assert.not.match(cell, /^[=+\-@\t\r]/, cell);
});

ci('gitlab: valid Code Quality; one issue per finding with our fingerprints, paths relative to the repository', () => {
  const json = examplesJson();
  const r = cli(['scan', 'examples', '--format', 'gitlab', '--fail-on', 'none']);
  assert.is(r.code, 0, r.stderr);
  const issues = JSON.parse(r.stdout) as Issue[];
  assert.equal(codeQualityProblems(issues), []);
  const findings = json.targets.flatMap((t) => t.findings);
  const rules = issues.filter((i) => !i.check_name.startsWith('rsyncguard/'));
  assert.is(rules.length, findings.length);
  assert.equal(rules.map((i) => i.check_name).sort(), findings.map((f) => f.rule_id).sort());
  for (const i of issues) assert.ok(readFileSync(i.location.path, 'utf8').length > 0, `${i.location.path} is a file of the repository`);
  const rank = { critical: 'blocker', high: 'critical', medium: 'major', low: 'minor' } as const;
  assert.equal(rules.map((i) => i.severity).sort(), findings.map((f) => rank[f.severity as keyof typeof rank]).sort());
});

ci('gitlab: fingerprints survive lines moved above a finding, and the validation can fail', () => {
  const repo = join(dir, 'moved');
  cpSync('examples/backup-target', repo, { recursive: true });
  const before = JSON.parse(cli(['scan', '.', '--format', 'gitlab', '--fail-on', 'none'], repo).stdout) as Issue[];
  const file = join(repo, 'rsyncd.conf');
  writeFileSync(file, `# a comment\n\n# and another\n${readFileSync(file, 'utf8')}`);
  const after = JSON.parse(cli(['scan', '.', '--format', 'gitlab', '--fail-on', 'none'], repo).stdout) as Issue[];
  assert.ok(before.length > 3);
  assert.equal(after.map((i) => i.fingerprint).sort(), before.map((i) => i.fingerprint).sort());
  assert.ok(
    after.some((a) => before.some((b) => b.fingerprint === a.fingerprint && b.location.lines.begin !== a.location.lines.begin)),
    'lines moved',
  );
  assert.is(before[0]?.location.path, 'rsyncd.conf');
  // The checks are real: a repeated fingerprint, a severity GitLab does not know, an absolute path.
  const [first] = before;
  if (!first) throw new Error('no issue');
  assert.ok(codeQualityProblems([first, first]).length > 0);
  assert.ok(codeQualityProblems([{ ...first, severity: 'high' }]).length > 0);
  assert.ok(codeQualityProblems([{ ...first, location: { path: '/etc/rsyncd.conf', lines: { begin: 1 } } }]).length > 0);
});

ci('csv: one row per target with the counts of the JSON report, written with -o', () => {
  const json = examplesJson();
  const out = join(dir, 'report.csv');
  const r = cli(['scan', 'examples', '--format', 'csv', '-o', out, '--fail-on', 'none']);
  assert.is(r.code, 0, r.stderr);
  const [head, ...rows] = csvRows(readFileSync(out, 'utf8'));
  assert.equal(head, ['target', 'kind', 'status', 'critical', 'high', 'medium', 'low', 'top_rules', 'notes', 'reason']);
  assert.equal(
    rows.map((x) => x[0]),
    json.targets.map((t) => t.target),
  );
  for (const t of json.targets) {
    const row = rows.find((x) => x[0] === t.target) ?? [];
    const count = (s: string) => String(t.findings.filter((f) => f.severity === s).length);
    assert.equal(row.slice(2, 7), ['evaluated', count('critical'), count('high'), count('medium'), count('low')], t.target);
  }
});

ci('--severity critical: csv leaves the hidden severities empty; text says per target what it hid', () => {
  const csv = csvRows(cli(['scan', 'examples/backup-target', '--severity', 'critical', '-f', 'csv', '--fail-on', 'none']).stdout);
  assert.equal(csv[1]?.slice(0, 7), ['examples/backup-target/rsyncd.conf', 'file', 'evaluated', '0', '', '', '']);
  const text = cli(['scan', 'examples/backup-target', '--severity', 'critical', '--fail-on', 'none', '--no-hints']).stdout;
  assert.match(text, /examples\/backup-target\/rsyncd.conf\n {2}no critical findings \(\d+ of other severities not shown\)/);
  assert.not.match(text, 'no findings');
  // The summary counts only the severity reported: a "0 high" would read as none.
  assert.match(text, /^1 target: \d+ critical; 0 waived; 0 could not be evaluated\.$/m);
});

ci('gitlab: a note keeps its fingerprint when another config moves the lines it names', () => {
  const repo = join(dir, 'shared-note');
  for (const d of ['a', 'b']) {
    cpSync('examples/hardened', join(repo, d), { recursive: true });
    rmSync(join(repo, d, 'stunnel-rsyncd.conf'), { force: true });
  }
  const notes = () => (JSON.parse(cli(['scan', '.', '--format', 'gitlab', '--fail-on', 'none'], repo).stdout) as Issue[]).filter((i) => i.check_name.startsWith('rsyncguard/'));
  const before = notes();
  assert.ok(
    before.some((i) => /\/rsyncd.conf:\d+/.test(i.description)),
    'a note names a line of another config',
  );
  const file = join(repo, 'b', 'rsyncd.conf');
  writeFileSync(file, `# a comment\n${readFileSync(file, 'utf8')}`);
  const after = notes();
  assert.not.equal(
    after.map((i) => i.description),
    before.map((i) => i.description),
    'the messages changed',
  );
  assert.equal(after.map((i) => i.fingerprint).sort(), before.map((i) => i.fingerprint).sort());
});

ci('a fleet from a sweep results file: csv has a row per host with its status; junit and gitlab say the host not read', () => {
  const results = join(dir, 'results.jsonl');
  const pub = '[pub]\n    path = /srv/pub\n    read only = no\n';
  const lines = [
    { host: 'web1', group: 'web', status: 'ok', reason: '', seconds: 0.1, raw: hostRawDoc('web1', pub) },
    { host: 'db1', group: 'db', status: 'ok', reason: '', seconds: 0.1, raw: hostRawDoc('db1', '[m]\n    path = /m\n    list = no\n') },
    { host: 'gone', group: 'db', status: 'unreachable', reason: 'Connection refused', seconds: 0 },
  ];
  writeFileSync(results, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  const r = cli(['eval', results, '--format', 'csv']);
  assert.is(r.code, 2, r.stderr);
  const [head, ...rows] = csvRows(r.stdout);
  assert.equal(head?.slice(0, 3), ['host', 'group', 'status']);
  assert.equal(
    rows.map((x) => [x[0], x[1], x[2]]),
    [
      ['db1', 'db', 'evaluated'],
      ['gone', 'db', 'not-evaluated'],
      ['web1', 'web', 'evaluated'],
    ],
  );
  assert.is(rows.find((x) => x[0] === 'gone')?.[9], 'unreachable: Connection refused');
  assert.ok(Number(rows.find((x) => x[0] === 'web1')?.[4]) + Number(rows.find((x) => x[0] === 'web1')?.[3]) > 0, 'web1 has findings');
  const junit = cli(['eval', results, '--format', 'junit']);
  assert.equal(junitProblems(junit.stdout), []);
  assert.match(junit.stdout, /<testsuite name="gone" tests="1" failures="0" errors="1"/);
  const issues = JSON.parse(cli(['eval', results, '--format', 'gitlab']).stdout) as Issue[];
  assert.equal(codeQualityProblems(issues), []);
  assert.ok(issues.some((i) => i.check_name === 'rsyncguard/not-evaluated' && i.severity === 'blocker' && i.description.startsWith('gone ')));
  // A host's /etc/rsyncd.conf is not the repository's etc/rsyncd.conf: GitLab must not pin it on that file.
  const hosts = issues.filter((i) => i.description.startsWith('[host '));
  assert.ok(hosts.length > 0, 'the hosts have findings');
  for (const i of hosts) assert.match(i.location.path, /^\[host (web1|db1)\]\/etc\//, i.location.path);
});

ci.run();
