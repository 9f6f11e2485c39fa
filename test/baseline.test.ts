/**
 * `--baseline FILE` end to end (issue 17 §1), through the command line run from source: a config edited
 * above its findings keeps them unchanged, a fixed one is listed as fixed (absent), an added one is new, a
 * severity change is updated; --fail-on judges only new and updated findings; the SARIF log with
 * baselineState passes the schema, the SARIF Multitool and GitHub's rules; host findings are told apart.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { suite } from './support/suite.ts';
import * as assert from 'uvu/assert';
import { githubProblems, multitoolProblems, schemaProblems } from './support/sarif-check.ts';
import { hostRawDoc } from './support/host-doc.ts';

interface JsonFinding {
  rule_id: string;
  module: string | null;
  severity: string;
  target: string;
  fingerprint?: string;
  baseline_state?: string;
}
interface JsonReport {
  targets: { target: string; findings: JsonFinding[] }[];
  summary: { baseline?: Record<string, number> };
  baseline?: { source: string; counts: Record<string, number>; absent: JsonFinding[]; not_evaluated?: number };
}

const MAIN = resolve('src/cli/main.ts');
// The runs happen in a temporary directory: tsx is named by its path, not looked up from there.
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
let dir = '';
let repo = '';

function rg(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(...args: string[]): { code: number | null; report: JsonReport } {
  const r = rg(...args, '--format', 'json');
  assert.ok(r.stdout.startsWith('{'), `no JSON report: ${r.stderr}`);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport };
}

const states = (r: JsonReport): string[] =>
  r.targets
    .flatMap((t) => t.findings.map((f) => `${f.rule_id} ${f.module ?? '-'} ${f.baseline_state}`))
    .filter((s) => !s.endsWith(' unchanged'))
    .sort();

// [pub]: anonymous and writable from anywhere (RSYNC-002 raised to critical); [data]: a login, no hosts allow (RSYNC-003).
const V1 = ['[pub]', '    path = /srv/pub', '    read only = no', '', '[data]', '    path = /srv/data', '    auth users = alice', '    secrets file = /etc/rsyncd.secrets', ''].join('\n');

const cli = suite('--baseline on the command line');

cli.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rg-baseline-'));
  repo = join(dir, 'repo');
  mkdirSync(repo);
  writeFileSync(join(repo, 'rsyncd.conf'), V1);
  assert.is(rg('scan', '.', '--format', 'json', '--output', join(dir, 'base.json')).code, 1);
  assert.is(rg('scan', '.', '--format', 'sarif', '--output', join(dir, 'base.sarif')).code, 1);
});
cli.after(() => rmSync(dir, { recursive: true, force: true }));

cli('the JSON report carries the fingerprint SARIF gives each finding', () => {
  const report = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as JsonReport;
  const log = JSON.parse(readFileSync(join(dir, 'base.sarif'), 'utf8')) as Sarif.Log;
  const fromJson = report.targets.flatMap((t) => t.findings.map((f) => f.fingerprint)).sort();
  const fromSarif = (log.runs[0]?.results ?? []).map((r) => r.partialFingerprints?.['primaryLocationLineHash']).sort();
  assert.ok(fromJson.length > 3);
  assert.equal(fromJson, fromSarif);
});

for (const base of ['base.json', 'base.sarif']) {
  cli(`${base}: lines added above every finding change nothing; old findings do not fail the run`, () => {
    writeFileSync(join(repo, 'rsyncd.conf'), `# moved down by three lines\n\n# still the same findings\n${V1}`);
    const { code, report } = json('scan', '.', '--baseline', join(dir, base), '--fail-on', 'low');
    assert.equal(states(report), []);
    assert.is(report.baseline?.counts['new'], 0);
    assert.is(report.baseline?.counts['absent'], 0);
    assert.ok((report.baseline?.counts['unchanged'] ?? 0) > 3);
    assert.is(code, 0, 'nothing new: exit 0 even with findings at or above --fail-on');
    // Without the baseline the same findings fail the run.
    assert.is(rg('scan', '.', '--fail-on', 'low').code, 1);
  });

  cli(`${base}: a fixed finding is absent, an added one new, a severity change updated`, () => {
    // [data] gets hosts allow (fixes RSYNC-003 there); [pub] gets uid = root (new RSYNC-042) and hosts allow,
    // which lowers RSYNC-002 from critical (any host) to its base severity and fixes RSYNC-003 in [pub].
    writeFileSync(
      join(repo, 'rsyncd.conf'),
      V1.replace('read only = no', 'read only = no\n    uid = root\n    hosts allow = 10.0.0.0/8').replace('secrets file = /etc/rsyncd.secrets', 'secrets file = /etc/rsyncd.secrets\n    hosts allow = 10.1.0.0/16'),
    );
    const { code, report } = json('scan', '.', '--baseline', join(dir, base), '--fail-on', 'high');
    const changed = states(report);
    assert.ok(changed.includes('RSYNC-042 pub new'), changed.join('; '));
    assert.ok(changed.includes('RSYNC-002 pub updated'), changed.join('; '));
    const absent = (report.baseline?.absent ?? []).map((a) => `${a.rule_id} ${a.module}`).sort();
    assert.ok(absent.includes('RSYNC-003 data') && absent.includes('RSYNC-003 pub'), absent.join('; '));
    assert.equal(report.summary.baseline, report.baseline?.counts);
    assert.is(report.baseline?.counts['absent'], absent.length);
    assert.is(code, 1, 'a new high finding fails --fail-on high');
    // The new finding is high: --fail-on critical lets it pass although an unchanged finding may be critical.
    assert.is(rg('scan', '.', '--baseline', join(dir, base), '--fail-on', 'critical').code, 0);
    // Text says the same.
    const c = report.baseline?.counts ?? {};
    const text = rg('scan', '.', '--baseline', join(dir, base)).stdout;
    assert.ok(text.includes(`${base}: ${c['new']} new, ${c['updated']} updated, ${c['unchanged']} unchanged, ${c['absent']} fixed.`), text);
    assert.match(text, /RSYNC-042 .*\[new\]/);
  });
}

cli('SARIF with a baseline: every result has baselineState, the fixed ones are absent, and the log is valid for GitHub', () => {
  writeFileSync(join(repo, 'rsyncd.conf'), V1.replace('secrets file = /etc/rsyncd.secrets', 'secrets file = /etc/rsyncd.secrets\n    hosts allow = 10.1.0.0/16').replace('read only = no', 'read only = no\n    uid = root'));
  const r = rg('scan', '.', '--baseline', join(dir, 'base.json'), '--format', 'sarif');
  const log = JSON.parse(r.stdout) as Sarif.Log;
  const results = log.runs[0]?.results ?? [];
  assert.ok(results.length > 3);
  assert.ok(results.every((x) => x.baselineState !== undefined));
  const byState = (s: string) => results.filter((x) => x.baselineState === s).map((x) => x.ruleId);
  assert.equal(byState('absent'), ['RSYNC-003']);
  assert.equal(byState('new'), ['RSYNC-042']);
  assert.equal(schemaProblems(log), []);
  assert.equal(githubProblems(log), []);
  assert.equal(multitoolProblems(r.stdout), []);
  // That log is a baseline too: its absent result is not one of its findings.
  writeFileSync(join(dir, 'second.sarif'), r.stdout);
  const again = json('scan', '.', '--baseline', join(dir, 'second.sarif'));
  assert.equal(again.report.baseline?.counts, { new: 0, unchanged: results.length - 1, updated: 0, absent: 0 });
});

cli('a baseline that is not a report is exit 2 with where and why, and nothing of its text', () => {
  writeFileSync(join(dir, 'rsyncd.secrets'), 'alice:hunter2-not-to-be-quoted\n');
  const r = rg('scan', '.', '--baseline', join(dir, 'rsyncd.secrets'));
  assert.is(r.code, 2);
  assert.match(r.stderr, 'rsyncd.secrets');
  assert.match(r.stderr, 'cannot read the baseline: it is not valid JSON');
  assert.not.match(r.stderr + r.stdout, 'hunter2');
  writeFileSync(join(dir, 'other.json'), JSON.stringify({ schema: 'rsyncguard/report@1', targets: [{ findings: [{ rule_id: 'X-1', severity: 'hunter2' }] }] }));
  const bad = rg('scan', '.', '--baseline', join(dir, 'other.json'));
  assert.is(bad.code, 2);
  assert.match(bad.stderr, 'targets[0].findings[0].severity is not one of critical, high, medium, low');
  assert.not.match(bad.stderr, 'hunter2');
});

const hosts = suite('--baseline with host documents (eval)');

hosts.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rg-baseline-hosts-'));
  repo = dir;
});
hosts.after(() => rmSync(dir, { recursive: true, force: true }));

hosts('the same finding on two hosts is two findings: fixing it on one leaves the other unchanged', () => {
  const PUB = '[pub]\n    path = /srv/pub\n    read only = no\n';
  const FIXED = '[pub]\n    path = /srv/pub\n    read only = yes\n';
  writeFileSync(join(dir, 'before.json'), JSON.stringify([hostRawDoc('web1', PUB), hostRawDoc('web2', PUB)]));
  writeFileSync(join(dir, 'after.json'), JSON.stringify([hostRawDoc('web1', FIXED), hostRawDoc('web2', PUB)]));
  assert.is(rg('eval', 'before.json', '--format', 'json', '--output', 'base.json').code, 1);
  const { code, report } = json('eval', 'after.json', '--baseline', 'base.json');
  const web2 = report.targets.find((t) => t.target.startsWith('web2:'));
  assert.ok(web2 && web2.findings.length > 0);
  assert.ok(web2.findings.every((f) => f.baseline_state === 'unchanged'));
  const gone = report.baseline?.absent ?? [];
  assert.equal(
    gone.map((a) => `${a.target} ${a.rule_id}`),
    ['web1:/etc/rsyncd.conf RSYNC-002'],
  );
  assert.match(rg('eval', 'after.json', '--baseline', 'base.json').stdout, /fixed\s+RSYNC-002 web1:\/etc\/rsyncd\.conf etc\/rsyncd\.conf:3:17/);
  assert.is(report.baseline?.counts['new'], 0);
  assert.is(code, 0);
});

hosts('a document not read is exit 2 with a baseline too, even when nothing is new', () => {
  const PUB = '[pub]\n    path = /srv/pub\n    read only = no\n';
  writeFileSync(join(dir, 'one.json'), JSON.stringify([hostRawDoc('web1', PUB)]));
  assert.is(rg('eval', 'one.json', '--format', 'json', '--output', 'base1.json').code, 1);
  writeFileSync(join(dir, 'broken.json'), '{"schema": "rsyncguard/host-raw@1"');
  const { code, report } = json('eval', 'one.json', 'broken.json', '--baseline', 'base1.json', '--fail-on', 'none');
  assert.equal(report.baseline?.counts, { new: 0, unchanged: report.targets[0]?.findings.length ?? -1, updated: 0, absent: 0 });
  assert.is(code, 2);
});

const action = suite('the Action input baseline (run from source)');

interface ActionRun {
  outputs: Record<string, string>;
  summary: string;
  sarif: Sarif.Log | null;
  log: string;
}

function runAction(workspace: string, inputs: Record<string, string>): ActionRun {
  const outputFile = join(dir, 'outputs');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, ['--import', TSX, resolve('src/action/index.ts')], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
  const outputs: Record<string, string> = {};
  for (const m of readFileSync(outputFile, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1] ?? ''] = m[3] ?? '';
  const file = join(workspace, outputs['sarif-file'] ?? 'rsyncguard.sarif');
  const sarif = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Sarif.Log) : null;
  return { outputs, summary: readFileSync(summaryFile, 'utf8'), sarif, log: r.stdout + r.stderr };
}

action.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rg-baseline-action-'));
  repo = join(dir, 'ws');
  mkdirSync(repo);
});
action.after(() => rmSync(dir, { recursive: true, force: true }));

action('old findings pass, a fixed one is in the summary, and the uploaded SARIF has no absent result', () => {
  writeFileSync(join(repo, 'rsyncd.conf'), V1);
  const first = runAction(repo, { 'sarif-file': 'main.sarif' });
  assert.is(first.outputs['exit-code'], '1', first.log.slice(-1500));
  assert.is(first.outputs['new-findings'], first.outputs['findings']);
  // The pull request unlists [data] (fixing RSYNC-005 there) and adds a comment above everything.
  writeFileSync(join(repo, 'rsyncd.conf'), `# reviewed\n${V1.replace('secrets file = /etc/rsyncd.secrets', 'secrets file = /etc/rsyncd.secrets\n    list = no')}`);
  const pr = runAction(repo, { baseline: 'main.sarif', 'sarif-file': 'pr.sarif', 'fail-on': 'low' });
  assert.is(pr.outputs['exit-code'], '0', pr.log.slice(-1500));
  assert.is(pr.outputs['new-findings'], '0');
  assert.match(pr.summary, 'Since the baseline');
  assert.match(pr.summary, /\| ✅ low \| RSYNC-005 \|/);
  assert.ok(pr.sarif);
  const results = pr.sarif.runs[0]?.results ?? [];
  assert.ok(results.length > 0 && results.every((r) => r.baselineState === 'unchanged'));
  assert.equal(sarifProblemsOf(pr.sarif), []);
});

action('a baseline input that is not a report fails the step, naming the input', () => {
  writeFileSync(join(repo, 'notes.txt'), 'not json');
  const r = runAction(repo, { baseline: 'notes.txt' });
  assert.match(r.log, 'Input "baseline": cannot read the baseline: it is not valid JSON');
});

function sarifProblemsOf(log: Sarif.Log): string[] {
  return [...schemaProblems(log), ...githubProblems(log)];
}

const identity = suite('--baseline: what a finding is about, not where it sits or what sits beside it');

identity.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rg-baseline-identity-'));
  repo = dir;
});
identity.after(() => rmSync(dir, { recursive: true, force: true }));

/** `scan DIR` of a fresh directory holding these files. */
function tree(name: string, files: Record<string, string>): string {
  mkdirSync(join(dir, name));
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, name, f), text, { mode: 0o600 });
  return name;
}

const stateOf = (r: JsonReport, rule: RegExp): string[] =>
  r.targets
    .flatMap((t) => t.findings)
    .filter((f) => rule.test(f.rule_id))
    .map((f) => f.baseline_state ?? '-');

identity('swapping two modules, or removing one, leaves every CVE finding unchanged (they are the daemon’s)', () => {
  const conf = (...mods: string[]) => mods.map((m) => `[${m}]\n  path = /srv/${m}\n`).join('');
  const before = tree('c1', { 'rsyncd.conf': conf('a', 'b') });
  assert.is(rg('scan', before, '--rsync-version', '3.2.7', '--format', 'json', '--output', 'c1.json', '--fail-on', 'none').code, 0);
  for (const [name, text] of [
    ['c2', conf('b', 'a')],
    ['c3', conf('b')],
  ] as const) {
    rmSync(join(dir, 'c1'), { recursive: true });
    // The same directory name: the target (and so the identity) is the same file.
    tree('c1', { 'rsyncd.conf': text });
    const { code, report } = json('scan', 'c1', '--rsync-version', '3.2.7', '--baseline', 'c1.json', '--fail-on', 'high');
    const cves = stateOf(report, /^RSYNC-07[012]$/);
    assert.ok(cves.length > 0, `${name}: no CVE finding`);
    assert.equal([...new Set(cves)], ['unchanged'], name);
    // Module [a]'s own findings are fixed when it is removed; no CVE is.
    assert.equal(
      (report.baseline?.absent ?? []).filter((a) => /^RSYNC-07/.test(a.rule_id)),
      [],
      name,
    );
    if (name === 'c2') assert.is(report.baseline?.counts['absent'], 0);
    assert.is(code, 0, name);
  }
});

identity('a file this run leaves out (--exclude, another PATH) is not fixed; a file removed is', () => {
  const conf = (m: string) => `[${m}]\n    path = /srv/${m}\n    read only = no\n`;
  tree('x1', {});
  mkdirSync(join(dir, 'x1', 'a'));
  mkdirSync(join(dir, 'x1', 'b'));
  writeFileSync(join(dir, 'x1', 'a', 'rsyncd.conf'), conf('a'));
  writeFileSync(join(dir, 'x1', 'b', 'rsyncd.conf'), conf('b'));
  assert.is(rg('scan', 'x1', '--format', 'json', '--output', 'x1.json', '--fail-on', 'none').code, 0);
  const all = (JSON.parse(readFileSync(join(dir, 'x1.json'), 'utf8')) as JsonReport).targets;
  const inB = all.find((t) => t.target === 'x1/b/rsyncd.conf')?.findings.length ?? 0;
  assert.ok(inB > 0, 'no finding in x1/b');
  for (const args of [['x1', '--exclude', 'b'], ['x1/a']]) {
    const { report } = json('scan', ...args, '--baseline', 'x1.json', '--fail-on', 'none');
    assert.is(report.baseline?.counts['absent'], 0, args.join(' '));
    assert.is((report.baseline as { not_scanned?: number } | undefined)?.not_scanned, inB, args.join(' '));
    const text = rg('scan', ...args, '--baseline', 'x1.json', '--fail-on', 'none').stdout;
    assert.match(text, `${inB} findings of the baseline are in files this run left out`);
    assert.match(rg('scan', ...args, '--baseline', 'x1.json', '--fail-on', 'none', '--format', 'markdown').stdout, `> ${inB} findings of the baseline are in files this run left out`);
  }
  // From inside x1/a, the baseline written from above: x1/b is still there, above this run's directory.
  const above = repo;
  repo = join(dir, 'x1', 'a');
  const inside = json('scan', '.', '--baseline', '../../x1.json', '--fail-on', 'none').report;
  repo = above;
  assert.is(inside.baseline?.counts['absent'], 0, 'from x1/a');
  assert.is((inside.baseline as { not_scanned?: number } | undefined)?.not_scanned, inB, 'from x1/a');
  // Ignored by git, it was not scanned either.
  spawnSync('git', ['init', '-q'], { cwd: join(dir, 'x1') });
  writeFileSync(join(dir, 'x1', '.gitignore'), 'b/\n');
  const ignored = json('scan', 'x1', '--baseline', 'x1.json', '--fail-on', 'none').report;
  assert.is(ignored.baseline?.counts['absent'], 0, 'ignored by git');
  assert.is((ignored.baseline as { not_scanned?: number } | undefined)?.not_scanned, inB, 'ignored by git');
  rmSync(join(dir, 'x1', '.git'), { recursive: true });
  // Removed, it is gone: its findings are fixed.
  rmSync(join(dir, 'x1', 'b'), { recursive: true });
  const { report } = json('scan', 'x1', '--baseline', 'x1.json', '--fail-on', 'none');
  assert.is(report.baseline?.counts['absent'], inB);
  assert.is((report.baseline as { not_scanned?: number } | undefined)?.not_scanned, undefined);
});

const CONF = '[m]\n    path = /srv/m\n    auth users = joe, ann, bob\n    secrets file = weak.secrets\n';

identity('fixing one entry of a secrets file lists that entry as fixed and leaves the others unchanged', () => {
  tree('s1', { 'rsyncd.conf': CONF, 'weak.secrets': 'joe:joe\nann:changeme\nbob:short\n' });
  assert.is(rg('scan', 's1', '--format', 'json', '--output', 's1.json').code, 1);
  const fixedJoe = 'joe:Xq7#long-and-random-2026\nann:changeme\nbob:short\n';
  writeFileSync(join(dir, 's1', 'weak.secrets'), fixedJoe, { mode: 0o600 });
  for (const base of ['s1.json']) {
    const { code, report } = json('scan', 's1', '--baseline', base, '--fail-on', 'high');
    assert.equal(stateOf(report, /^RSYNC-03[234]$/), ['unchanged', 'unchanged']);
    assert.equal(report.baseline?.counts, { new: 0, unchanged: report.baseline?.counts['unchanged'] ?? -1, updated: 0, absent: 1 });
    assert.is(code, 0);
    const text = rg('scan', 's1', '--baseline', base, '--fail-on', 'none').stdout;
    // The entry fixed is joe's, the one whose name is its password: told by its line, never by the password.
    assert.match(text, /fixed\s+RSYNC-032 .*weak\.secrets:1\b/);
    assert.not.match(text, /fixed\s+RSYNC-032 .*"(ann|bob)"/);
    assert.not.match(text, /changeme|short\b.*:|Xq7/);
  }
});

identity('a comment above secrets entries leaves their findings unchanged (the line is not a change)', () => {
  tree('s2', { 'rsyncd.conf': CONF, 'weak.secrets': 'joe:joe\nann:changeme\nbob:short\nbob:other-long-password-2026\n' });
  assert.is(rg('scan', 's2', '--format', 'json', '--output', 's2.json').code, 1);
  writeFileSync(join(dir, 's2', 'weak.secrets'), '# rotated 2026-11\n\njoe:joe\nann:changeme\nbob:short\nbob:other-long-password-2026\n', { mode: 0o600 });
  const { code, report } = json('scan', 's2', '--baseline', 's2.json', '--fail-on', 'low');
  const entries = stateOf(report, /^RSYNC-03[234]$/);
  assert.ok(entries.length >= 4, `findings: ${entries.join(' ')}`);
  assert.equal([...new Set(entries)], ['unchanged']);
  assert.is(code, 0);
});

cli.run();
hosts.run();
action.run();
identity.run();
