/**
 * The CI formats of a real sweep (issue 18), over the sshd test fleet: CSV has one row per host swept — read,
 * unreachable, refused, timed out, or read with no rsyncd config on it — with the sweep's own status; JUnit
 * passes Jenkins' schema with a suite per host config and per host not read; Code Quality passes our schema of
 * GitLab's fields. Runs the command line from src (tsx).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { codeQualityProblems, junitProblems } from '../support/ci-format-check.ts';
import { startFleet, type Fleet } from './support/ssh-fleet.ts';

let fleet: Fleet;

function sweep(...extra: string[]): { code: number | null; stdout: string; stderr: string } {
  const args = ['sweep', '--inventory', fleet.inventory, '--ssh-config', fleet.sshConfig, '--connect-timeout', '3', '--timeout', '8', '--max-output', '1000000', ...extra];
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** RFC 4180 rows; these cells hold no quote, comma or line break except where quoted. */
function rows(text: string): string[][] {
  assert.ok(text.endsWith('\r\n'), 'CRLF line ends');
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => (m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, 10));
}

const s = suite('CI formats of a real sweep');
s.before(async () => {
  fleet = await startFleet();
  // h8 is read but holds no rsyncd config: its row must say so rather than vanish.
  rmSync(join(fleet.base, 'h8', 'etc', 'rsyncd.conf'));
});
s.after(() => fleet?.stop());

s('csv: every host swept is a row, with the status the sweep gave it', () => {
  const r = sweep('--format', 'csv');
  assert.is(r.code, 2, r.stderr);
  const [head, ...body] = rows(r.stdout);
  assert.equal(head, ['host', 'group', 'status', 'critical', 'high', 'medium', 'low', 'top_rules', 'notes', 'reason']);
  assert.equal(
    body.map((x) => x[0]),
    fleet.hosts.map((h) => h.name).sort((a, b) => a.localeCompare(b)),
  );
  for (const h of fleet.hosts) {
    const row = body.find((x) => x[0] === h.name) ?? [];
    assert.is(row[1], h.group, h.name);
    const want = h.expect !== 'ok' ? h.expect : h.name === 'h8' ? 'no-config' : 'evaluated';
    assert.is(row[2], want, `${h.name}: ${row.join(' | ')}`);
    if (h.expect !== 'ok') assert.ok((row[9] ?? '').startsWith(`${h.expect}: `), `${h.name} says why: ${row[9]}`);
    // A host not read has no counts (empty, never 0s a spreadsheet would sum as none); one read with no config has 0s.
    if (h.expect !== 'ok') assert.equal(row.slice(3, 7), ['', '', '', ''], `${h.name}: ${row.join(' | ')}`);
    if (h.name === 'h8') assert.is(row[9], 'no rsync daemon configuration found');
    if (h.name === 'h8') assert.equal(row.slice(3, 7), ['0', '0', '0', '0']);
  }
  const h1 = body.find((x) => x[0] === 'h1') ?? [];
  assert.ok(Number(h1[3]) + Number(h1[4]) > 0, `h1's anonymous writable module: ${h1.join(' | ')}`);
  assert.match(h1[7] ?? '', /RSYNC-\d{3} \(\d+\)/);
});

s('junit and gitlab: valid for their readers, and every host not read is said', () => {
  const junit = sweep('--format', 'junit');
  assert.equal(junitProblems(junit.stdout), []);
  for (const h of fleet.hosts.filter((x) => x.expect !== 'ok')) assert.match(junit.stdout, new RegExp(`<testsuite name="${h.name}" tests="1" failures="0" errors="1"`), h.name);
  const issues = JSON.parse(sweep('--format', 'gitlab').stdout) as { check_name: string; description: string; location: { path: string } }[];
  assert.equal(codeQualityProblems(issues), []);
  const unread = issues.filter((i) => i.check_name === 'rsyncguard/not-evaluated').map((i) => i.description.split(' ')[0]);
  assert.equal(
    unread.sort(),
    fleet.hosts
      .filter((x) => x.expect !== 'ok')
      .map((x) => x.name)
      .sort(),
  );
  // Under the host's name, never the repository's etc/rsyncd.conf.
  assert.ok(issues.some((i) => /^\[host h1:\/etc\/rsyncd\.conf\] /.test(i.description) && i.location.path === '[host h1]/etc/rsyncd.conf'));
  assert.not.ok(issues.some((i) => i.location.path.startsWith('etc/')));
});

s.run();
