/**
 * `eval` judges the CVEs from the document's own rsync block (version, package, distro) with this build's
 * table, whatever `cves` list the document carries, and takes `--rsync-version` as `scan` does (issue 15 §3).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const CLI = resolve('dist/cli.js');

type Report = { targets: { findings: { rule_id: string; cves?: string[] }[] }[] };

function cli(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
}

/** A facts document as Ansible or an older rsyncguard might write it: Debian 12's 3.2.7-1+deb12u5, a stale `cves` list. */
function factsFile(rsync: Record<string, unknown>): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rg-eval-cves-'));
  writeFileSync(join(dir, 'rsyncd.conf'), '[m]\n    path = /srv/m\n    read only = yes\n');
  const made = cli(dir, 'facts', 'rsyncd.conf');
  assert.is(made.status, 0, made.stderr);
  const doc = JSON.parse(made.stdout) as Record<string, unknown>;
  doc['rsync'] = rsync;
  const file = join(dir, 'facts.json');
  writeFileSync(file, JSON.stringify(doc));
  return { dir, file };
}

const DEBIAN12 = {
  version: '3.2.7',
  source: 'dpkg status',
  package: { manager: 'dpkg', name: 'rsync', version: '3.2.7-1+deb12u5', source: '/var/lib/dpkg/status' },
  distro: { id: 'debian', version_id: '12', id_like: [], source: '/etc/os-release' },
  range: null,
  unknown: null,
};

function cvesOf(r: ReturnType<typeof cli>): string[] {
  const report = JSON.parse(r.stdout) as Report;
  const found = report.targets.flatMap((t) => t.findings.filter((f) => /^RSYNC-07\d$/.test(f.rule_id)).flatMap((f) => f.cves ?? []));
  return [...new Set(found)].sort();
}

test('a document without cves, or with a stale list, is judged from its version, package and distro', () => {
  for (const cves of [undefined, [], [{ id: 'CVE-2024-12084', state: 'affected', basis: 'stale' }]]) {
    const { dir, file } = factsFile(cves === undefined ? DEBIAN12 : { ...DEBIAN12, cves });
    const r = cli(dir, 'eval', file, '--format', 'json', '--fail-on', 'none');
    const found = cvesOf(r);
    // 3.5.0's batch reached bookworm only as 3.5.0+ds1-0+deb12u1: deb12u5 still has CVE-2026-70464.
    assert.ok(found.includes('CVE-2026-70464'), `${JSON.stringify(cves)}: ${found.join(' ')} ${r.stderr}`);
    // deb12u1 carries the 3.4.0 fixes: the stale "affected" entry does not stand.
    assert.not.ok(found.includes('CVE-2024-12084'), found.join(' '));
  }
});

test('eval --rsync-version states the release the targets run, and a malformed one is refused', () => {
  const { dir, file } = factsFile(DEBIAN12);
  assert.equal(cvesOf(cli(dir, 'eval', file, '--format', 'json', '--fail-on', 'none', '--rsync-version', '3.5.0')), []);
  const old = cvesOf(cli(dir, 'eval', file, '--format', 'json', '--fail-on', 'none', '--rsync-version', '3.3.0'));
  assert.ok(old.includes('CVE-2024-12084'), old.join(' '));
  const bad = cli(dir, 'eval', file, '--rsync-version', '3.x');
  assert.is(bad.status, 2, bad.stderr);
  assert.match(bad.stderr, '--rsync-version must look like');
});

test.run();
