/**
 * Declared purpose as users write it: a mirror config of 20 modules, scanned before and after a
 * `# rsyncguard: public` comment (or a `public:` entry of .rsyncguard.yaml), through the bundled CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const CLI = resolve('dist/cli.js');

interface JsonReport {
  summary: { findings: Record<string, number>; declared_public: number };
  targets: { findings: { rule_id: string; module: string | null; severity: string; message: string }[]; declared_public: { finding: { rule_id: string; module: string | null }; declared_public: { reason: string; source: string } }[] }[];
}

const DISTROS = ['debian', 'ubuntu', 'fedora', 'centos', 'alpine', 'arch', 'gentoo', 'opensuse', 'slackware', 'void', 'nixos', 'mint', 'kali', 'rocky', 'alma', 'freebsd', 'openbsd', 'netbsd', 'gnu', 'cpan'];
// A typical mirror: listed, anonymous, open to everyone, read-only, uid nobody, no per-module limits.
const MIRROR = `uid = nobody\ngid = nogroup\nuse chroot = yes\nmax connections = 50\ntransfer logging = yes\nlog file = /var/log/rsyncd.log\n\n${DISTROS.map((d) => `[${d}]\n    path = /srv/mirror/${d}\n    comment = ${d} mirror\n    read only = yes\n`).join('\n')}`;
const DECLARED = `# rsyncguard: public distribution mirrors, read-only by design\n${MIRROR}`;

function project(conf: string, yaml?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-public-'));
  writeFileSync(join(dir, 'rsyncd.conf'), conf);
  if (yaml !== undefined) writeFileSync(join(dir, '.rsyncguard.yaml'), yaml);
  return dir;
}

function scan(dir: string, format = 'json') {
  return spawnSync(process.execPath, [CLI, 'scan', 'rsyncd.conf', '--format', format, '--fail-on', 'none'], { cwd: dir, encoding: 'utf8' });
}

function report(dir: string): JsonReport {
  const r = scan(dir);
  assert.is(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as JsonReport;
}

const total = (r: JsonReport) => Object.values(r.summary.findings).reduce((a, b) => a + b, 0);
const ids = (r: JsonReport) => [...new Set(r.targets[0]?.findings.map((f) => f.rule_id))].sort();

const declared = suite('declared public mirrors (bundled CLI)');

declared('a file-wide comment leaves out what only says "public" and keeps the rest', () => {
  const before = report(project(MIRROR));
  const after = report(project(DECLARED));
  // Before: anonymous and open to any host in each of the 20 modules, plus the daemon-wide exposure.
  assert.ok(total(before) >= 40, `before: ${total(before)}`);
  assert.is(total(before) - total(after), after.summary.declared_public);
  for (const id of ['RSYNC-001', 'RSYNC-003', 'RSYNC-060', 'RSYNC-061']) assert.not.ok(ids(after).includes(id), `${id} still reported`);
  const silenced = after.targets[0]?.declared_public ?? [];
  assert.ok(silenced.filter((s) => s.finding.rule_id === 'RSYNC-001').length === 20);
  assert.ok(silenced.every((s) => s.declared_public.reason === 'distribution mirrors, read-only by design' && s.declared_public.source === 'comment'));
  // What the declaration does not cover stays: the same findings as before, minus the silenced ones.
  const kept = new Set(ids(after));
  for (const id of ids(before)) if (!silenced.some((s) => s.finding.rule_id === id)) assert.ok(kept.has(id), `${id} lost`);
});

declared('text and Markdown say "declared public: <reason>" with the count left out', () => {
  const dir = project(DECLARED);
  const n = report(dir).summary.declared_public;
  assert.match(scan(dir, 'text').stdout, `declared public: distribution mirrors, read-only by design (rsyncd.conf:1): ${n} findings not reported ((daemon), [debian], [ubuntu],`);
  assert.match(scan(dir, 'markdown').stdout, `| \`rsyncd.conf:1\` | declared public: distribution mirrors, read-only by design |`);
});

declared('a writable public module is critical (RSYNC-015) and silences nothing', () => {
  const conf = DECLARED.replace('[cpan]\n    path = /srv/mirror/cpan\n    comment = cpan mirror\n    read only = yes\n', '[cpan]\n    path = /srv/mirror/cpan\n    read only = no\n');
  const r = report(project(conf));
  const f = r.targets[0]?.findings.filter((x) => x.module === 'cpan') ?? [];
  const rsync015 = f.find((x) => x.rule_id === 'RSYNC-015');
  assert.is(rsync015?.severity, 'critical');
  assert.match(rsync015?.message ?? '', 'declared public by the comment at rsyncd.conf:1');
  assert.ok(
    f.some((x) => x.rule_id === 'RSYNC-001'),
    'RSYNC-001 stays for the writable module',
  );
  // One module is not public-and-read-only: the daemon-wide findings come back.
  assert.ok(ids(r).includes('RSYNC-061'));
});

declared('.rsyncguard.yaml public entries do the same for one module, and a missing reason is a located error', () => {
  const r = report(project(MIRROR, 'public:\n  - path: "*.conf"\n    module: debian\n    reason: Debian mirror\n'));
  const silenced = r.targets[0]?.declared_public ?? [];
  assert.ok(silenced.length > 0 && silenced.every((s) => s.finding.module === 'debian' && s.declared_public.source === 'config'));
  const bad = scan(project(MIRROR, 'public:\n  - path: "*.conf"\n    module: debian\n'));
  assert.is(bad.status, 2);
  assert.match(bad.stderr, '.rsyncguard.yaml:2');
  assert.match(bad.stderr, 'reason');
});

declared('a comment without a reason declares nothing and is reported where it is', () => {
  const r = scan(project(`# rsyncguard: public\n${MIRROR}`), 'json');
  const doc = JSON.parse(r.stdout) as JsonReport & { targets: { notes: { code: string; location: { line: number } }[] }[] };
  assert.is(doc.summary.declared_public, 0);
  assert.ok(doc.targets[0]?.notes.some((n) => n.code === 'public-declaration-without-reason' && n.location.line === 1));
  // The text report shows it too: otherwise the operator would believe the mirror declared.
  assert.match(scan(project(`# rsyncguard: public\n${MIRROR}`), 'text').stdout, 'rsyncd.conf:1:1 This "rsyncguard: public" comment gives no reason');
});

declared.run();
