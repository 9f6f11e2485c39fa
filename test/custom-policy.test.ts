/** --policy: extra rules from a Rego directory (compiled with opa), a bundle, or nothing valid. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const CLI = resolve('dist/cli.js');
const FIXTURES = resolve('test/fixtures/custom-policy');
// The pinned OPA (built by scripts/opa.sh) stands in for the opa a user has on PATH.
execFileSync('scripts/opa.sh', ['version']);
const OPA = resolve('.cache/bin/opa');

const dir = mkdtempSync(join(tmpdir(), 'rg-custom-'));
writeFileSync(join(dir, 'rsyncd.conf'), '[pub]\n    path = /srv/pub\n');
const facts = execFileSync(process.execPath, [CLI, 'facts', join(dir, 'rsyncd.conf')], { encoding: 'utf8' });

function evalWith(policy: string, opa: string) {
  const r = spawnSync(process.execPath, [CLI, 'eval', '-', '--format', 'json', '--policy', policy], { input: facts, encoding: 'utf8', env: { ...process.env, RSYNCGUARD_OPA: opa } });
  const report = r.stdout ? (JSON.parse(r.stdout) as { targets: { findings: { rule_id: string; title: string; severity: string }[] }[] }) : undefined;
  return { code: r.status, stderr: r.stderr, findings: report?.targets[0]?.findings ?? [] };
}

const custom = suite('custom policies');

custom('a Rego directory is compiled with opa and its rules report next to the built-in ones', () => {
  const r = evalWith(join(FIXTURES, 'good'), OPA);
  const team = r.findings.find((f) => f.rule_id === 'TEAM-001');
  assert.ok(team, r.stderr);
  assert.is(team.title, 'Module without a comment');
  assert.is(team.severity, 'low');
  assert.ok(
    r.findings.some((f) => f.rule_id === 'RSYNC-001'),
    'built-in rules still run',
  );
});

custom('a compiled bundle loads without opa', () => {
  const bundle = join(dir, 'team.tar.gz');
  writeFileSync(join(dir, 'main.rego'), 'package rsyncguard.custom_main\n\nfindings := [f | some family; some f in data.rsyncguard.custom[family].findings]\n');
  execFileSync(OPA, ['build', '-t', 'wasm', '-e', 'rsyncguard/custom_main/findings', '-o', bundle, join(dir, 'main.rego'), 'dist/policy-lib.rego', join(FIXTURES, 'good')]);
  const r = evalWith(bundle, '/nonexistent/opa');
  assert.ok(
    r.findings.some((f) => f.rule_id === 'TEAM-001'),
    r.stderr,
  );
});

custom('a directory scan keeps several targets in flight: each gets its own findings from the sandboxed policy, and the run ends', () => {
  const bundle = join(dir, 'team.tar.gz');
  const repo = mkdtempSync(join(tmpdir(), 'rg-custom-scan-'));
  const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
  for (const name of names) {
    mkdirSync(join(repo, name));
    writeFileSync(join(repo, name, 'rsyncd.conf'), `[${name}]\n    path = /srv/${name}\n`);
  }
  const r = spawnSync(process.execPath, [CLI, 'scan', repo, '--format', 'json', '--policy', bundle], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, RSYNCGUARD_OPA: '/nonexistent/opa' } });
  assert.is(r.signal, null, `the scan did not finish: ${r.stderr}`);
  assert.is(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { targets: { target: string; findings: { rule_id: string; module?: string; message: string }[] }[] };
  assert.is(report.targets.length, names.length);
  for (const t of report.targets) {
    const team = t.findings.filter((f) => f.rule_id === 'TEAM-001');
    assert.is(team.length, 1, `${t.target}: ${JSON.stringify(team)}`);
    const own = names.find((n) => t.target.includes(n));
    assert.ok(own, t.target);
    assert.match(JSON.stringify(team[0]), own, `${t.target} got another target's finding`);
  }
});

custom('a Rego directory without opa on PATH is exit 2 with what to do', () => {
  const r = evalWith(join(FIXTURES, 'good'), '/nonexistent/opa');
  assert.is(r.code, 2);
  assert.match(r.stderr, 'opa CLI');
  assert.match(r.stderr, 'bundle');
});

custom('a findings rule without an id is rejected, naming the file and line', () => {
  const r = evalWith(join(FIXTURES, 'no-id'), OPA);
  assert.is(r.code, 2);
  assert.match(r.stderr, 'bad.rego:3');
  assert.match(r.stderr, 'custom.id');
});

custom('a rule id that is not LETTERS-DIGITS is rejected at load, before any SARIF is written', () => {
  const r = evalWith(join(FIXTURES, 'bad-id'), OPA);
  assert.is(r.code, 2);
  assert.match(r.stderr, 'raised.rego:3');
  assert.match(r.stderr, 'RSYNC-001/high');
});

custom('a directory with no rules is rejected', () => {
  const empty = mkdtempSync(join(tmpdir(), 'rg-empty-policy-'));
  const r = evalWith(empty, OPA);
  assert.is(r.code, 2);
  assert.match(r.stderr, 'no findings rules');
});

custom.run();
