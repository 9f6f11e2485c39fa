/**
 * Declared purpose as users write it: a mirror config of 20 modules, scanned before and after a
 * `# rsyncguard: public` comment (or a `public:` entry of .rsyncguard.yaml), through the bundled CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hostRawDoc } from './support/host-doc.ts';

const CLI = resolve('dist/cli.js');

interface JsonReport {
  summary: { findings: Record<string, number>; declared_public: number };
  targets: { findings: { rule_id: string; module: string | null; severity: string; message: string }[]; declared_public: { finding: { rule_id: string; module: string | null }; declared_public: { reason: string; source: string } }[] }[];
}

const DISTROS = ['debian', 'ubuntu', 'fedora', 'centos', 'alpine', 'arch', 'gentoo', 'opensuse', 'slackware', 'void', 'nixos', 'mint', 'kali', 'rocky', 'alma', 'freebsd', 'openbsd', 'netbsd', 'gnu', 'cpan'];
// A typical mirror: listed, anonymous, open to everyone, read-only, uid nobody, no per-module limits.
const MIRROR = `uid = nobody\ngid = nogroup\nuse chroot = yes\nmax connections = 50\ntransfer logging = yes\nlog file = /var/log/rsyncd.log\n\n${DISTROS.map((d) => `[${d}]\n    path = /srv/mirror/${d}\n    comment = ${d} mirror\n    read only = yes\n`).join('\n')}`;
const DECLARED = `# rsyncguard: public-file distribution mirrors, read-only by design\n${MIRROR}`;

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

/** A repository of several files (paths relative to it), scanned whole like `rsyncguard scan .`. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-public-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function run(dir: string, args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args, '--fail-on', 'none'], { cwd: dir, encoding: 'utf8' });
}

type Full = {
  summary: JsonReport['summary'];
  targets: { findings: { rule_id: string; module: string | null }[]; notes: { code: string; message: string; location: { file: string; line: number } | null }[] }[];
  unused_public: { line: number }[];
};
const json = (dir: string, args: string[]): Full => {
  const r = run(dir, [...args, '--format', 'json']);
  assert.is(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Full;
};
const reported = (r: Full, module: string) => r.targets.flatMap((t) => t.findings.filter((f) => f.module === module).map((f) => f.rule_id));
const noteCodes = (r: Full) => r.targets.flatMap((t) => t.notes.filter((n) => n.code.startsWith('public-')).map((n) => [n.code, n.location?.file, n.location?.line]));

const INCLUDES = { 'etc/rsyncd.conf': '&include /etc/rsyncd.d\n[mirror]\npath = /srv/mirror\n', 'etc/rsyncd.d/backup.conf': '[backup]\npath = /srv/backup\ncomment = nightly backups, internal\n' };

declared("a public: entry for a config declares the modules whose header is in it, not its includes' (#5)", () => {
  const r = json(tree({ ...INCLUDES, '.rsyncguard.yaml': 'public:\n  - path: "etc/rsyncd.conf"\n    reason: the mirror is public\n' }), ['scan', '.']);
  assert.ok(reported(r, 'backup').includes('RSYNC-001'), 'the included [backup] keeps RSYNC-001');
  assert.not.ok(reported(r, 'mirror').includes('RSYNC-001'));
  assert.equal(r.unused_public, []);
});

declared('public: entries are scoped to a host with host:, and one that matches nothing is reported (#6, #15c)', () => {
  const host = (name: string, text: string) => JSON.stringify(hostRawDoc(name, text));
  const files = { 'h3.json': host('h3', '[mirror]\npath=/srv\n'), 'h4.json': host('backup-host', '[backups]\npath=/srv\n') };
  const scoped = json(tree({ ...files, 'p.yaml': 'public:\n  - host: h3\n    path: /etc/rsyncd.conf\n    reason: mirror host\n' }), ['eval', 'h3.json', 'h4.json', '--waivers', 'p.yaml']);
  assert.not.ok(reported(scoped, 'mirror').includes('RSYNC-001'));
  assert.ok(reported(scoped, 'backups').includes('RSYNC-001'), 'the other host keeps its findings');
  // A path alone names every host's etc/rsyncd.conf: it selects no host, and says so.
  const dir = tree({ ...files, 'p.yaml': 'public:\n  - path: "etc/rsyncd.conf"\n    reason: mirror host\n' });
  const loose = json(dir, ['eval', 'h3.json', 'h4.json', '--waivers', 'p.yaml']);
  assert.ok(reported(loose, 'mirror').includes('RSYNC-001') && reported(loose, 'backups').includes('RSYNC-001'));
  assert.equal(
    loose.unused_public.map((e) => e.line),
    [2],
  );
  // (The label before it may be coloured.)
  assert.match(run(dir, ['eval', 'h3.json', 'h4.json', '--waivers', 'p.yaml']).stdout, ' at p.yaml:2: The public entry (path etc/rsyncd.conf) matched no module: it declares nothing.');
});

declared('a declared-public module behind a login silences nothing, and the declaration gets a note (#8)', () => {
  const conf = '# rsyncguard: public everything is fine\n[etc]\npath = /etc\nhosts allow = *.example.com\nhosts deny = *\nsecrets file = /etc/rsyncd.secrets\nauth users = joe:ro\n';
  const dir = tree({ 'rsyncd.conf': conf });
  const r = json(dir, ['scan', 'rsyncd.conf']);
  assert.is(r.summary.declared_public, 0);
  assert.ok(reported(r, 'etc').includes('RSYNC-007'), 'the DNS host rule is a real guard here');
  assert.equal(noteCodes(r), [['public-declaration-needs-login', 'rsyncd.conf', 1]]);
  assert.match(run(dir, ['scan', 'rsyncd.conf']).stdout, 'rsyncd.conf:1:1 Module [etc] is declared public, but it requires a login');
});

declared('a declaration directly above an &include declares nothing and says so; the other modules keep their findings (#9)', () => {
  const dir = tree({
    'etc/rsyncd.conf': '# rsyncguard: public the Debian mirror included here\n&include /etc/rsyncd.d/debian.conf\n\n[backup]\npath = /srv/backup\ncomment = internal backups\n',
    'etc/rsyncd.d/debian.conf': '[debian]\npath = /srv/debian\n',
  });
  const r = json(dir, ['scan', '.']);
  assert.is(r.summary.declared_public, 0);
  assert.ok(reported(r, 'backup').includes('RSYNC-001'));
  assert.equal(noteCodes(r), [['public-declaration-misplaced', 'etc/rsyncd.conf', 1]]);
  assert.match(run(dir, ['scan', '.', '--format', 'markdown']).stdout, 'stands above an "&include"/"&merge" line');
});

declared('a declaration a blank line above an &include declares nothing either: the module after the include keeps its HIGH (adv3 #7)', () => {
  const dir = tree({
    'etc/rsyncd.conf': 'uid = nobody\ngid = nogroup\n\n# rsyncguard: public Debian mirror (in rsyncd.d/mirror.conf)\n\n&include /etc/rsyncd.d\n\n[internal-docs]\n    path = /srv/internal\n    read only = yes\n',
    'etc/rsyncd.d/mirror.conf': '[debian]\n    path = /srv/mirror/debian\n    read only = yes\n',
  });
  const r = json(dir, ['scan', '.']);
  assert.is(r.summary.declared_public, 0);
  assert.ok(reported(r, 'internal-docs').includes('RSYNC-001'));
  assert.equal(noteCodes(r), [['public-declaration-misplaced', 'etc/rsyncd.conf', 4]]);
});

declared('"public" a blank line above the first module marks no module, so it cannot reach the next one; "public-file" marks them all (adv3 #13)', () => {
  const conf = (word: string) =>
    `uid = nobody\ngid = nogroup\nuse chroot = yes\n\n# rsyncguard: ${word} Debian mirror, read-only by design\n\n[debian]\n    path = /srv/mirror/debian\n    read only = yes\n\n[backups]\n    path = /srv/backups\n    read only = yes\n`;
  const plain = json(tree({ 'rsyncd.conf': conf('public') }), ['scan', 'rsyncd.conf']);
  assert.ok(reported(plain, 'backups').includes('RSYNC-001'));
  assert.is(plain.summary.declared_public, 0);
  assert.equal(noteCodes(plain), [['public-declaration-misplaced', 'rsyncd.conf', 5]]);
  assert.match(plain.targets[0]?.notes[0]?.message ?? '', 'separated from the module header below it by a blank line');
  const file = json(tree({ 'rsyncd.conf': conf('public-file') }), ['scan', 'rsyncd.conf']);
  assert.not.ok(reported(file, 'backups').includes('RSYNC-001'));
  assert.equal(noteCodes(file), []);
});

declared('a misspelt "public-…" word declares nothing, and every format says so', () => {
  const dir = tree({ 'rsyncd.conf': '# rsyncguard: public-all the mirrors\n[debian]\npath = /srv/debian\n' });
  const r = json(dir, ['scan', 'rsyncd.conf']);
  assert.ok(reported(r, 'debian').includes('RSYNC-001'));
  assert.equal(noteCodes(r), [['public-declaration-unknown', 'rsyncd.conf', 1]]);
  assert.match(run(dir, ['scan', 'rsyncd.conf', '--format', 'markdown']).stdout, 'neither "public" nor "public-file"');
});

declared('a file-wide declaration in a file whose modules are all included declares nothing, and says so (#15a)', () => {
  const dir = tree({ 'etc/rsyncd.conf': '# rsyncguard: public-file all of it\nuid = nobody\n&include /etc/rsyncd.d\n', 'etc/rsyncd.d/m.conf': '[mirror]\npath = /srv/mirror\n' });
  const r = json(dir, ['scan', '.']);
  assert.ok(reported(r, 'mirror').includes('RSYNC-001'));
  assert.equal(noteCodes(r), [['public-declaration-covers-nothing', 'etc/rsyncd.conf', 1]]);
  assert.match(run(dir, ['scan', '.']).stdout, 'etc/rsyncd.conf:1:1 This "rsyncguard: public-file" comment marks every module of its file, but no module header is in this file');
});

declared('[GLO BAL] is the global section: a declaration after it, before the first module, marks the file (#19)', () => {
  const r = json(tree({ 'rsyncd.conf': '[GLO BAL]\nuse chroot = yes\n# rsyncguard: public-file all mirrors here\n\n[pub]\npath=/srv/p\n' }), ['scan', 'rsyncd.conf']);
  assert.equal(noteCodes(r), []);
  assert.not.ok(reported(r, 'pub').includes('RSYNC-001'));
  assert.ok(r.summary.declared_public > 0);
});

declared.run();
