/**
 * Vulnerabilities through the bundled CLI (issue 15 §2, §6): every CVE of the reviewed data file has a source
 * and is listed by `rules --cves` with its rule; a scan reports the CVEs a setting reaches at that setting,
 * with ids in every format, and says in JSON and `--explain` which CVEs it considered and why each is not
 * reported; no version known means no version findings and a sentence saying why.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { builtinPolicy, PolicyEngine } from '../src/engine/index.ts';
import { sarifProblems } from './support/sarif-check.ts';

const CLI = resolve('dist/cli.js');

function cli(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function repo(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-cves-'));
  writeFileSync(join(dir, 'rsyncd.conf'), config);
  return dir;
}

interface DataCve {
  id: string;
  applies: string;
  rule: string | null;
  sources: string[];
}
const data = parse(readFileSync('policies/rsyncguard/cves/data.yaml', 'utf8')) as { cves: DataCve[]; not_covered?: { id: string; sources: string[] }[]; unverified?: { id: string; sources: string[] }[] };

const coverage = suite('rules --cves');

coverage('every CVE of the data file has a source URL and is listed by rules --cves with its rule', () => {
  assert.ok(data.cves.length >= 40, `${data.cves.length} CVEs`);
  const listed = JSON.parse(cli('.', 'rules', '--cves', '--format', 'json').stdout) as { cves: { id: string; rule: string | null; coverage: string; fixed: string; severity: string }[] };
  const byId = new Map(listed.cves.map((c) => [c.id, c]));
  const text = cli('.', 'rules', '--cves').stdout;
  for (const c of data.cves) {
    assert.ok(c.sources.length > 0 && c.sources.every((s) => /^https?:\/\/\S+/.test(s)), `${c.id} has a source URL`);
    const l = byId.get(c.id);
    assert.ok(l, `${c.id} is in rules --cves --format json`);
    assert.is(l?.rule ?? null, c.rule, c.id);
    assert.match(text, new RegExp(`^${c.id.replace(/\./g, '\\.')} `, 'm'), `${c.id} is in rules --cves`);
    if (c.applies === 'not-daemon') assert.is(l?.coverage, 'client side: not applicable', c.id);
  }
  assert.equal(
    listed.cves.map((c) => c.id),
    data.cves.map((c) => c.id),
  );
  // The ids the file leaves to no rule (before 2024, unverified) are listed too, each with a source.
  for (const c of [...(data.not_covered ?? []), ...(data.unverified ?? [])]) {
    assert.ok(c.sources.length > 0 && c.sources.every((s) => /^https?:\/\/\S+/.test(s)), `${c.id} has a source URL`);
    assert.match(text, new RegExp(`^${c.id} +(not covered|unverified): `, 'm'), `${c.id} is in rules --cves`);
  }
});

coverage('rules --cves takes --format like rules, and refuses an unknown one', () => {
  assert.match(cli('.', 'rules', '--cves', '--format', 'markdown').stdout, '| vulnerability | severity | introduced | fixed in | rule | reached when |');
  const r = cli('.', 'rules', '--cves', '--format', 'sarif');
  assert.is(r.code, 2);
  assert.match(r.stderr, '--format must be one of text, json, markdown');
});

interface JsonReport {
  targets: {
    findings: { rule_id: string; severity: string; location: { line: number } | null; cves?: string[] }[];
    vulnerabilities?: { version: string | null; version_unknown: string | null; reported: { id: string; rule_id: string }[]; considered: { id: string; state: string; why: string }[] };
  }[];
}

const PROXY = 'proxy protocol = yes\n[m]\n    path = /srv/m\n    auth users = alice\n    secrets file = /etc/rsyncd.secrets\n    hosts allow = 10.0.0.0/8\n';

const scan = suite('scan: CVEs joined with the configuration');

scan('proxy protocol = yes on 3.4.4: CVE-2026-53791, critical, at that line, in every format', () => {
  const dir = repo(PROXY);
  const doc = JSON.parse(cli(dir, 'scan', '.', '--rsync-version', '3.4.4', '--format', 'json').stdout) as JsonReport;
  const [t] = doc.targets;
  const f = t?.findings.find((x) => x.cves?.includes('CVE-2026-53791'));
  assert.ok(f, 'a finding carries CVE-2026-53791');
  assert.is(f?.severity, 'critical');
  assert.is(f?.location?.line, 1);
  assert.ok(t?.vulnerabilities?.reported.some((r) => r.id === 'CVE-2026-53791'));
  assert.is(t?.vulnerabilities?.version, '3.4.4');
  const considered = new Map(t?.vulnerabilities?.considered.map((c) => [c.id, c.why]));
  assert.match(considered.get('CVE-2024-12084') ?? '', /^fixed in this version \(/);
  // Client side and fixed in 3.4.3: what is said is that 3.4.4 has the fix.
  assert.match(considered.get('CVE-2026-43620') ?? '', /^fixed in this version \(/);
  assert.is(considered.get('CVE-2026-53783'), 'client side: not applicable to a daemon');
  assert.match(cli(dir, 'scan', '.', '--rsync-version', '3.4.4').stdout, 'CVE-2026-53791');
  assert.match(cli(dir, 'scan', '.', '--rsync-version', '3.4.4', '--format', 'markdown').stdout, '[CVE-2026-53791](https://www.cve.org/CVERecord?id=CVE-2026-53791)');
  const sarifText = cli(dir, 'scan', '.', '--rsync-version', '3.4.4', '--format', 'sarif').stdout;
  assert.equal(sarifProblems(sarifText), []);
  const sarif = JSON.parse(sarifText) as { runs: { results: { properties: { cves?: string[] }; message: { text: string } }[] }[] };
  const r = sarif.runs[0]?.results.find((x) => x.properties.cves?.includes('CVE-2026-53791'));
  assert.match(r?.message.text ?? '', 'CVE-2026-53791');
});

scan('the same settings on the fixed version: no finding, and --explain says fixed', () => {
  const dir = repo(PROXY);
  const doc = JSON.parse(cli(dir, 'scan', '.', '--rsync-version', '3.5.0', '--format', 'json').stdout) as JsonReport;
  assert.not.ok(doc.targets[0]?.findings.some((f) => f.cves?.includes('CVE-2026-53791')));
  const text = cli(dir, 'scan', '.', '--rsync-version', '3.5.0', '--explain').stdout;
  assert.match(text, /CVE-2026-53791 +not reported: fixed in this version/);
});

scan('a condition that does not hold is not a finding; JSON and --explain give the condition', () => {
  const dir = repo('[m]\n    path = /srv/m\n    auth users = alice\n    secrets file = /etc/rsyncd.secrets\n    hosts allow = 10.0.0.0/8\n');
  const doc = JSON.parse(cli(dir, 'scan', '.', '--rsync-version', '3.4.4', '--format', 'json').stdout) as JsonReport;
  const c = doc.targets[0]?.vulnerabilities?.considered.find((x) => x.id === 'CVE-2026-53791');
  assert.is(c?.state, 'affected');
  assert.match(c?.why ?? '', /^its condition does not hold: proxy protocol = yes/);
  assert.not.ok(doc.targets[0]?.findings.some((f) => f.cves?.includes('CVE-2026-53791')));
  const text = cli(dir, 'scan', '.', '--rsync-version', '3.4.4', '--explain').stdout;
  assert.match(text, /CVE-2026-53791 +not reported: its condition does not hold: /);
  assert.match(text, /CVE-2026-53783 +not reported: client side: not applicable to a daemon/);
  const md = cli(dir, 'scan', '.', '--rsync-version', '3.4.4', '--explain', '--format', 'markdown').stdout;
  assert.match(md, '### Vulnerabilities considered');
});

scan('a setting the release does not have yet reaches nothing: proxy protocol on 3.1.3 is ignored by rsync', () => {
  const dir = repo(PROXY);
  const doc = JSON.parse(cli(dir, 'scan', '.', '--rsync-version', '3.1.3', '--format', 'json').stdout) as JsonReport;
  assert.not.ok(doc.targets[0]?.findings.some((f) => f.cves?.includes('CVE-2026-53791')));
  const c = doc.targets[0]?.vulnerabilities?.considered.find((x) => x.id === 'CVE-2026-53791');
  assert.match(c?.why ?? '', /predates the flaw/);
  // 3.2.0 has the parameter, and the flaw.
  const on320 = JSON.parse(cli(dir, 'scan', '.', '--rsync-version', '3.2.0', '--format', 'json').stdout) as JsonReport;
  assert.ok(on320.targets[0]?.findings.some((f) => f.cves?.includes('CVE-2026-53791')));
});

scan('no version known: no version findings, and JSON and --explain say why', () => {
  const dir = repo(PROXY);
  const doc = JSON.parse(cli(dir, 'scan', '.', '--format', 'json').stdout) as JsonReport;
  const [t] = doc.targets;
  assert.equal(
    t?.findings.filter((f) => /^RSYNC-07[012]$/.test(f.rule_id) || f.cves),
    [],
  );
  assert.match(t?.vulnerabilities?.version_unknown ?? '', /^version unknown: .*--rsync-version/);
  assert.match(cli(dir, 'scan', '.', '--explain').stdout, /vulnerabilities: version unknown: .*; no version findings/);
});

const engine = suite('the engine keeps one finding per CVE');

engine('raw findings that differ only in their CVE stay two findings; the same CVE twice is one', async () => {
  const source = builtinPolicy();
  if (!source.ok) throw source.error;
  const loaded = await PolicyEngine.load(source.value);
  if (!loaded.ok) throw loaded.error;
  const raw = (cves: string[]) => ({ rule_id: 'RSYNC-071', severity: null, context: null, message: 'm', module: null, path: 'config.global.proxy_protocol', location: { file: 'rsyncd.conf', line: 1, column: 1 }, cves });
  const done = loaded.value.complete([raw(['CVE-2026-70452']), raw(['CVE-2026-53791']), raw(['CVE-2026-53791'])], 'rsyncd.conf');
  assert.ok(done.ok);
  if (done.ok)
    assert.equal(
      done.value.map((f) => f.cves),
      [['CVE-2026-53791'], ['CVE-2026-70452']],
    );
});

coverage.run();
engine.run();
scan.run();
