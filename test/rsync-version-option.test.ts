/**
 * `--rsync-version` given on the command line is the target's rsync version: the version rules judge it
 * (facts `rsync.source` "--rsync-version"). The default models semantics only and says nothing about the target.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const CLI = resolve('dist/cli.js');

function config(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-version-'));
  writeFileSync(join(dir, 'rsyncd.conf'), '[m]\n    path = /srv/m\n');
  return dir;
}

function run(cwd: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return r.stdout;
}

function versionRules(cwd: string, ...extra: string[]): string[] {
  const report = JSON.parse(run(cwd, 'scan', '.', '--format', 'json', ...extra)) as { targets: { findings: { rule_id: string }[] }[] };
  const ids = report.targets.flatMap((t) => t.findings.map((f) => f.rule_id)).filter((id) => /^RSYNC-07\d$/.test(id));
  return [...new Set(ids)].sort();
}

// An anonymous readable module with chroot: on 3.2.7 the any-daemon CVEs (070), the readable-module ones
// (071) and CVE-2024-12747, which needs a local user (072); on 3.4.1 that one is fixed.
test('scan --rsync-version 3.2.7 fires RSYNC-070, 071 and 072', () => {
  assert.equal(versionRules(config(), '--rsync-version', '3.2.7'), ['RSYNC-070', 'RSYNC-071', 'RSYNC-072']);
});

test('scan --rsync-version=3.4.1 fires RSYNC-070 and 071, and 3.5.0 none', () => {
  const dir = config();
  assert.equal(versionRules(dir, '--rsync-version=3.4.1'), ['RSYNC-070', 'RSYNC-071']);
  assert.equal(versionRules(dir, '--rsync-version', '3.5.0'), []);
});

test('the default version is no statement about the target', () => {
  assert.equal(versionRules(config()), []);
  const facts = JSON.parse(run(config(), 'facts', 'rsyncd.conf')) as { rsync: Record<string, unknown> };
  assert.equal([facts.rsync['version'], facts.rsync['source'], facts.rsync['package']], [null, null, null]);
  assert.match(String(facts.rsync['unknown']), /--rsync-version/);
});

test('facts --rsync-version gives source "--rsync-version"', () => {
  const facts = JSON.parse(run(config(), 'facts', 'rsyncd.conf', '--rsync-version', '3.2.7')) as { rsync: Record<string, unknown> };
  const { cves: _judged, ...rsync } = facts.rsync;
  assert.equal(rsync, { version: '3.2.7', source: '--rsync-version', package: null, distro: null, range: null, unknown: null, compress: null });
});

test.run();
