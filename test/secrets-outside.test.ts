/**
 * Secrets files and includes outside the repository (issue 18), as a user meets them through `scan`: a
 * secrets file the repository does not hold is said in every format ("not in the repository, looked for
 * …"), a file several configs name is checked and reported once naming them all, and `--root DIR` is the
 * daemon's `/` for absolute paths, confined to DIR (links out of it, /proc, a DIR that is a link out of the
 * checkout are refused, and nothing read there leaks).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const TSX = import.meta.resolve('tsx');
const MAIN = resolve('src/cli/main.ts');
const FORMATS = ['text', 'json', 'markdown', 'sarif', 'html'];

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-secrets-outside-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const g = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { stdio: 'ignore' });
  g('init', '-q');
  g('add', '-A');
  g('commit', '-qm', 'fixture');
  return dir;
}

function rg(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every format's report of `scan ARGS`, by format name (the file written with --output, plus anything on stdout/stderr). */
function everyFormat(cwd: string, args: string[], env?: NodeJS.ProcessEnv): Map<string, { code: number | null; text: string }> {
  const out = mkdtempSync(join(tmpdir(), 'rg-secrets-out-'));
  const reports = new Map<string, { code: number | null; text: string }>();
  for (const format of FORMATS) {
    const file = join(out, `report.${format}`);
    const r = rg(cwd, ['scan', ...args, '--format', format, '--output', file], env);
    reports.set(format, { code: r.code, text: `${readFileSync(file, 'utf8')}${r.stdout}${r.stderr}` });
  }
  return reports;
}

/**
 * How often a report says `needle`: in JSON, among the targets' notes (the facts documents it also carries
 * repeat their diagnostics); HTML escapes a few characters, so it is compared unescaped.
 */
function said(format: string, text: string, needle: string): number {
  if (format !== 'json') return count(text, needle);
  return json(text.slice(0, text.lastIndexOf('}') + 1))
    .targets.flatMap((t) => t.notes)
    .filter((n) => n.message.includes(needle)).length;
}

function count(haystack: string, needle: string): number {
  const plain = haystack
    .replace(/&#x2F;|&#47;/g, '/')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
  return plain.split(needle).length - 1;
}

interface JsonReport {
  targets: { target: string; findings: { rule_id: string; message: string; location: { file: string } }[]; notes: { code: string; message: string }[] }[];
  errors: { target: string; message: string }[];
}

const json = (text: string) => JSON.parse(text) as JsonReport;

const AUTH = (secrets: string) => `[m]\npath = /srv/m\nauth users = joe\nsecrets file = ${secrets}\nhosts allow = 192.0.2.1\nhosts deny = *\n`;

const absent = suite('a secrets file the repository does not hold');

absent('is said in every format, located, with where it was looked for', () => {
  const dir = repo({ 'rsyncd.conf': AUTH('/etc/rsyncd.secrets') });
  const note = 'secrets file /etc/rsyncd.secrets: not in the repository, looked for etc/rsyncd.secrets';
  for (const [format, r] of everyFormat(dir, [])) {
    assert.is(said(format, r.text, note), 1, `${format} says the secrets file was not found, once`);
    assert.ok(r.code === 0 || r.code === 1, `${format}: a file the repository lacks is no error (exit ${r.code})`);
  }
  const located = json(rg(dir, ['scan', '--format', 'json']).stdout).targets[0]?.notes.find((n) => n.code === 'secrets-not-found');
  assert.ok(located, 'a located note with its own code');
});

absent('shows the root as the user reached it: a subdirectory scanned from its parent', () => {
  const dir = repo({ 'deploy/rsyncd.conf': AUTH('/etc/rsyncd.secrets') });
  const r = rg(dir, ['scan', 'deploy']);
  assert.ok(r.stdout.includes('looked for deploy/etc/rsyncd.secrets'), r.stdout);
});

absent('a relative path that leaves the repository is said too, never read', () => {
  const outside = mkdtempSync(join(tmpdir(), 'rg-secrets-elsewhere-'));
  writeFileSync(join(outside, 'rsyncd.secrets'), 'joe:OutsideMarker-771\n');
  const dir = repo({ 'rsyncd.conf': AUTH(`../${outside.split('/').pop()}/rsyncd.secrets`) });
  for (const [format, r] of everyFormat(dir, [])) {
    assert.not.ok(r.text.includes('OutsideMarker'), `${format} leaks text read outside the repository`);
    assert.ok(r.text.includes('outside the repository, not read'), format);
  }
});

absent.run();

const shared = suite('a secrets file two configs name');

shared('not in the repository: said once, naming both configs', () => {
  const dir = repo({ 'a/rsyncd.conf': AUTH('/etc/rsyncd.secrets'), 'b/rsyncd.conf': AUTH('/etc/rsyncd.secrets') });
  const note = 'secrets file /etc/rsyncd.secrets: not in the repository, looked for etc/rsyncd.secrets (named by a/rsyncd.conf:4 and b/rsyncd.conf:4)';
  for (const [format, r] of everyFormat(dir, [])) {
    assert.is(said(format, r.text, note), 1, `${format} says it once, naming both:\n${r.text.slice(0, 3000)}`);
    assert.is(said(format, r.text, 'not in the repository'), 1, `${format} does not repeat it for the second config`);
  }
  const report = json(rg(dir, ['scan', '--format', 'json']).stdout);
  const b = report.targets.find((t) => t.target === 'b/rsyncd.conf');
  assert.ok(
    b?.notes.some((n) => n.code === 'secrets-shared' && n.message === 'secrets file /etc/rsyncd.secrets: not checked (not found); said once, with a/rsyncd.conf, which names it too.'),
    `the second config says where the file is reported, and never that it was checked: ${JSON.stringify(b?.notes)}`,
  );
});

shared('in the repository: its findings reported once, with the first config, the note naming every config', () => {
  const dir = repo({
    'etc/rsyncd.secrets': 'joe:joe\nann:password\n',
    'a/rsyncd.conf': AUTH('/etc/rsyncd.secrets'),
    'b/rsyncd.conf': AUTH('/etc/rsyncd.secrets'),
    'c/rsyncd.conf': AUTH('../etc/rsyncd.secrets'),
  });
  const report = json(rg(dir, ['scan', '--format', 'json']).stdout);
  const weak = report.targets.flatMap((t) => t.findings.filter((f) => f.rule_id === 'RSYNC-032').map((f) => `${t.target} ${f.location.file}`));
  assert.equal(weak, ['a/rsyncd.conf etc/rsyncd.secrets', 'a/rsyncd.conf etc/rsyncd.secrets'], 'two weak entries, each reported once');
  // The mode git records (0644) is reported once as well.
  assert.is(report.targets.flatMap((t) => t.findings.filter((f) => f.rule_id === 'RSYNC-030')).length, 1);
  const a = report.targets.find((t) => t.target === 'a/rsyncd.conf');
  assert.ok(
    a?.notes.some((n) => n.code === 'secrets-shared' && n.message.includes('a/rsyncd.conf:4, b/rsyncd.conf:4 and c/rsyncd.conf:4')),
    JSON.stringify(a?.notes),
  );
  for (const [format, r] of everyFormat(dir, [])) {
    assert.is(said(format, r.text, 'is named by a/rsyncd.conf:4, b/rsyncd.conf:4 and c/rsyncd.conf:4'), 1, format);
    assert.is(r.code, 1, `${format}: the weak passwords still fail the run`);
  }
});

shared('a waiver for one config does not silence the shared file for the others', () => {
  const waiver = (path: string) => `waivers:\n  - rule: RSYNC-032\n    path: "${path}"\n    reason: fixture\n    expires: 2099-12-31\n`;
  const files = { 'etc/rsyncd.secrets': 'joe:joe\n', 'a/rsyncd.conf': AUTH('/etc/rsyncd.secrets'), 'b/rsyncd.conf': AUTH('/etc/rsyncd.secrets') };
  const weak = (path: string) => {
    const dir = repo({ ...files, '.rsyncguard.yaml': waiver(path) });
    const r = rg(dir, ['scan', '--format', 'json']);
    return json(r.stdout).targets.flatMap((t) => t.findings.filter((f) => f.rule_id === 'RSYNC-032')).length;
  };
  assert.is(weak('a/rsyncd.conf'), 1, 'b names the file too and does not waive it');
  assert.is(weak('*/rsyncd.conf'), 0, 'every config that names it waives it');
  assert.is(weak('etc/rsyncd.secrets'), 0, 'a waiver for the file itself');
});

shared.run();

const root = suite('scan --root DIR');

root('looks absolute secrets and include paths up under DIR', () => {
  const dir = repo({
    'conf/rsyncd.conf': `${AUTH('/etc/rsyncd.secrets')}&include /etc/rsyncd.d\n`,
    'rootfs/etc/rsyncd.secrets': 'joe:joe\n',
    'rootfs/etc/rsyncd.d/extra.conf': '[extra]\npath = /srv/extra\nread only = no\n',
  });
  const report = json(rg(dir, ['scan', 'conf', '--root', 'rootfs', '--format', 'json']).stdout);
  const t = report.targets.find((x) => x.target === 'conf/rsyncd.conf');
  assert.ok(t, JSON.stringify(report));
  assert.ok(
    t.findings.some((f) => f.rule_id === 'RSYNC-032' && f.location.file === 'rootfs/etc/rsyncd.secrets'),
    'the secrets file under --root was read and judged',
  );
  assert.ok(
    t.findings.some((f) => f.message.includes('[extra]')),
    'the include under --root was followed',
  );
  // Without --root the same scan cannot know either file.
  const plain = json(rg(dir, ['scan', 'conf', '--format', 'json']).stdout).targets.find((x) => x.target === 'conf/rsyncd.conf');
  assert.not.ok(plain?.findings.some((f) => f.rule_id === 'RSYNC-032'));
});

root('several PATHs sharing DIR: a secrets file under it is still reported once', () => {
  const dir = repo({ 'a/rsyncd.conf': AUTH('/etc/rsyncd.secrets'), 'b/rsyncd.conf': AUTH('/etc/rsyncd.secrets'), 'rootfs/etc/rsyncd.secrets': 'joe:joe\n' });
  const report = json(rg(dir, ['scan', 'a', 'b', '--root', 'rootfs', '--format', 'json']).stdout);
  assert.equal(
    report.targets.flatMap((t) => t.findings.filter((f) => f.rule_id === 'RSYNC-032').map(() => t.target)),
    ['a/rsyncd.conf'],
  );
  const b = report.targets.find((t) => t.target === 'b/rsyncd.conf');
  assert.ok(
    b?.notes.some((n) => n.code === 'secrets-shared' && n.message.includes('with a/rsyncd.conf')),
    JSON.stringify(b?.notes),
  );
});

root('a secrets file not under DIR is said as the user wrote DIR, and rsync finds none: every login fails', () => {
  const dir = repo({ 'conf/rsyncd.conf': AUTH('/etc/rsyncd.secrets'), 'rootfs/etc/motd': 'hello\n' });
  const note = 'secrets file /etc/rsyncd.secrets: not under --root rootfs, looked for rootfs/etc/rsyncd.secrets';
  for (const [format, r] of everyFormat(dir, ['conf', '--root', 'rootfs/'])) {
    assert.is(said(format, r.text, note), 1, `${format}:\n${r.text.slice(0, 2000)}`);
  }
  const t = json(rg(dir, ['scan', 'conf', '--root', 'rootfs', '--format', 'json']).stdout).targets[0];
  assert.ok(
    t?.findings.some((f) => f.rule_id === 'RSYNC-020' && f.message.includes('does not exist')),
    JSON.stringify(t?.findings.map((f) => f.rule_id)),
  );
});

root('DIR may lie outside the repository (an unpacked image); it is shown as given', () => {
  const image = mkdtempSync(join(tmpdir(), 'rg-rootfs-'));
  mkdirSync(join(image, 'etc'));
  writeFileSync(join(image, 'etc/rsyncd.secrets'), 'joe:joe\n');
  const dir = repo({ 'rsyncd.conf': AUTH('/etc/rsyncd.secrets') });
  const t = json(rg(dir, ['scan', '--root', image, '--format', 'json']).stdout).targets[0];
  assert.ok(
    t?.findings.some((f) => f.rule_id === 'RSYNC-032' && f.location.file === `${image}/etc/rsyncd.secrets`),
    JSON.stringify(t?.findings),
  );
  // Its mode is the file's own there, not one git records: never "in the repository".
  const mode = t?.findings.find((f) => f.rule_id === 'RSYNC-030');
  assert.is(mode?.message, 'The secrets file /etc/rsyncd.secrets has mode 644: other users can read (or write) it.');
});

root('under DIR, a secrets file git does not track has its own mode; a tracked one keeps the mode it was committed with', () => {
  // A plain directory given as the daemon's filesystem, no checkout: the mode on disk is what rsync meets.
  const plain = mkdtempSync(join(tmpdir(), 'rg-plain-root-'));
  mkdirSync(join(plain, 'etc'));
  writeFileSync(join(plain, 'etc/rsyncd.conf'), AUTH('/etc/rsyncd.secrets'));
  writeFileSync(join(plain, 'etc/rsyncd.secrets'), 'joe:Xk3v9qLmP2rT8wZy\n', { mode: 0o644 });
  chmodSync(join(plain, 'etc/rsyncd.secrets'), 0o644);
  const modeFinding = (cwd: string, args: string[]) => json(rg(cwd, ['scan', ...args, '--format', 'json']).stdout).targets[0]?.findings.find((f) => f.rule_id === 'RSYNC-030');
  assert.is(modeFinding(plain, ['etc/rsyncd.conf', '--root', '.'])?.message, 'The secrets file /etc/rsyncd.secrets has mode 644: other users can read (or write) it.');
  chmodSync(join(plain, 'etc/rsyncd.secrets'), 0o600);
  assert.is(modeFinding(plain, ['etc/rsyncd.conf', '--root', '.']), undefined);
  // Committed at 644 and made 0600 on disk since: what is deployed is what git holds.
  const dir = repo({ 'rootfs/etc/rsyncd.conf': AUTH('/etc/rsyncd.secrets'), 'rootfs/etc/rsyncd.secrets': 'joe:Xk3v9qLmP2rT8wZy\n' });
  chmodSync(join(dir, 'rootfs/etc/rsyncd.secrets'), 0o600);
  assert.match(modeFinding(dir, ['rootfs', '--root', 'rootfs'])?.message ?? '', 'is in the repository with mode 644');
  // The same when the scan's PATH is elsewhere in the repository: DIR's file is still the one committed.
  const split = repo({ 'conf/rsyncd.conf': AUTH('/etc/rsyncd.secrets'), 'sys/etc/rsyncd.secrets': 'joe:Xk3v9qLmP2rT8wZy\n' });
  chmodSync(join(split, 'sys/etc/rsyncd.secrets'), 0o600);
  assert.match(modeFinding(split, ['conf', '--root', 'sys'])?.message ?? '', 'is in the repository with mode 644');
});

root('stays confined: a link out of DIR and /proc are never read, and nothing of them leaks', () => {
  const outside = mkdtempSync(join(tmpdir(), 'rg-secrets-elsewhere-'));
  writeFileSync(join(outside, 's'), 'joe:LinkedMarker-5521\n');
  const dir = repo({ 'conf/rsyncd.conf': `${AUTH('/etc/rsyncd.secrets')}[e]\npath = /srv/e\nauth users = joe\nsecrets file = /proc/self/environ\n`, 'rootfs/etc/.keep': '' });
  // An absolute link is the image's own path (DIR/tmp/…, not there); a relative one that climbs out is refused.
  symlinkSync(join(outside, 's'), join(dir, 'rootfs/etc/rsyncd.secrets'));
  symlinkSync(`../../../../../../../..${join(outside, 's')}`, join(dir, 'rootfs/etc/up.secrets'));
  writeFileSync(join(dir, 'conf/rsyncd.conf'), `${readFileSync(join(dir, 'conf/rsyncd.conf'), 'utf8')}[u]\npath = /srv/u\nauth users = joe\nsecrets file = /etc/up.secrets\n`);
  const env = { ...process.env, RG_ENV_MARKER: 'EnvironMarker-9034' };
  for (const [format, r] of everyFormat(dir, ['conf', '--root', 'rootfs'], env)) {
    assert.not.ok(r.text.includes('LinkedMarker'), `${format} leaks a file linked from outside --root`);
    assert.ok(r.text.includes('a symbolic link climbs above --root rootfs'), `${format} says the climbing link was refused`);
    assert.ok(r.text.includes(`a symbolic link to something that does not exist here: etc/rsyncd.secrets → ${join(outside, 's')}`), `${format} says the absolute link leads nowhere under --root`);
  }
  // `--root /`: the machine itself, but never the kernel's files.
  for (const [format, r] of everyFormat(dir, ['conf', '--root', '/'], env)) {
    assert.not.ok(r.text.includes('EnvironMarker'), `${format} leaks /proc/self/environ`);
    assert.ok(r.text.includes('is in /proc'), `${format} says /proc was refused`);
  }
});

root('an unpacked image: absolute links inside DIR lead to DIR/…, as the daemon in the image sees them', () => {
  const image = mkdtempSync(join(tmpdir(), 'rg-image-rootfs-'));
  mkdirSync(join(image, 'etc/rsyncd'), { recursive: true });
  mkdirSync(join(image, 'etc/conf.real'));
  writeFileSync(join(image, 'etc/rsyncd/real.secrets'), 'joe:joe\n');
  symlinkSync('/etc/rsyncd/real.secrets', join(image, 'etc/rsyncd.secrets'));
  writeFileSync(join(image, 'etc/conf.real/x.conf'), '[inc]\npath = /y\nread only = no\n');
  symlinkSync('/etc/conf.real', join(image, 'etc/rsyncd.d'));
  const dir = repo({ 'rsyncd.conf': `${AUTH('/etc/rsyncd.secrets')}&include /etc/rsyncd.d\n` });
  const r = rg(dir, ['scan', '--root', image, '--format', 'json']);
  const t = json(r.stdout).targets[0];
  const rules = (t?.findings ?? []).map((f) => `${f.rule_id} ${f.location.file}`);
  assert.ok(rules.includes(`RSYNC-032 ${image}/etc/rsyncd/real.secrets`), `the linked secrets file is read: ${rules}`);
  assert.ok(rules.includes(`RSYNC-002 ${image}/etc/conf.real/x.conf`), `the linked include directory is followed: ${rules}`);
  assert.not.ok(
    rules.some((x) => x.startsWith('RSYNC-100')),
    'the daemon starts',
  );
  assert.is(r.code, 1);
});

root('overlapping PATHs: each config is one target, and a shared secrets file is counted once', () => {
  const dir = repo({ 'a/rsyncd.conf': AUTH('/etc/rsyncd.secrets'), 'b/rsyncd.conf': AUTH('/etc/rsyncd.secrets'), 'etc/rsyncd.secrets': 'joe:joe\n' });
  const report = json(rg(dir, ['scan', 'b', '.', '--root', '.', '--format', 'json']).stdout);
  assert.equal(
    report.targets.map((t) => t.target),
    ['b/rsyncd.conf', 'a/rsyncd.conf'],
  );
  assert.is(report.targets.flatMap((t) => t.findings.filter((f) => f.rule_id === 'RSYNC-032')).length, 1);
});

root('DIR that is a link out of the working directory, a missing DIR or a file: one located error, exit 2', () => {
  const dir = repo({ 'rsyncd.conf': AUTH('/etc/rsyncd.secrets') });
  symlinkSync('/', join(dir, 'rootfs'));
  const link = rg(dir, ['scan', '--root', 'rootfs']);
  assert.is(link.code, 2);
  assert.match(link.stderr, /^rsyncguard scan: --root rootfs: it is a symbolic link .* leads outside the working directory/);
  assert.is(link.stdout, '', 'nothing is scanned');
  const missing = rg(dir, ['scan', '--root', 'nope']);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /--root nope: no such directory/);
  const file = rg(dir, ['scan', '--root', 'rsyncd.conf']);
  assert.is(file.code, 2);
  assert.match(file.stderr, /--root rsyncd.conf: not a directory/);
});

root('is in scan --help', () => {
  const r = rg(tmpdir(), ['scan', '--help']);
  assert.match(r.stdout, /--root DIR/);
});

root.run();
