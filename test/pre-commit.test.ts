/**
 * The pre-commit hook (.pre-commit-hooks.yaml), run by the real `pre-commit` tool as a user's repository runs
 * it: rsyncguard is the hook repository (a git repository holding the hooks file, the wrapper script and the
 * committed dist/), a throwaway repository names it in .pre-commit-config.yaml, and `git commit` goes through
 * pre-commit's installed git hook. PRE_COMMIT_HOME is a temporary directory; nothing is fetched (the hook is
 * `language: script`: pre-commit clones the local hook repository and installs nothing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { discoverConfigs } from '../src/sources/index.ts';

const ROOT = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'rg-pre-commit-'));

/** git and pre-commit with no user or system configuration, no colour, and their state in the temp dir. */
const { FORCE_COLOR: _, ...inherited } = process.env;
const ENV: NodeJS.ProcessEnv = {
  ...inherited,
  HOME: join(work, 'home'),
  PRE_COMMIT_HOME: join(work, 'cache'),
  PRE_COMMIT_COLOR: 'never',
  NO_COLOR: '1',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
};
mkdirSync(join(work, 'home'), { recursive: true });

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function write(dir: string, file: string, text: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}

/** rsyncguard as pre-commit sees it: a git repository at a commit, holding what the hook runs. */
function hookRepository(): { path: string; rev: string } {
  const path = join(work, 'rsyncguard');
  mkdirSync(join(path, 'scripts'), { recursive: true });
  cpSync(join(ROOT, '.pre-commit-hooks.yaml'), join(path, '.pre-commit-hooks.yaml'));
  cpSync(join(ROOT, 'scripts/pre-commit-hook.sh'), join(path, 'scripts/pre-commit-hook.sh'));
  // The mode the working tree has is the mode git commits (the test below holds the repository's to 755).
  chmodSync(join(path, 'scripts/pre-commit-hook.sh'), statSync(join(ROOT, 'scripts/pre-commit-hook.sh')).mode & 0o777);
  cpSync(join(ROOT, 'dist'), join(path, 'dist'), { recursive: true });
  git(path, 'init', '-q');
  git(path, 'add', '.');
  git(path, 'commit', '-q', '-m', 'rsyncguard');
  return { path, rev: git(path, 'rev-parse', 'HEAD').trim() };
}

const hooks = hookRepository();
let repos = 0;

/** A fresh repository with the hook installed (`pre-commit install`), `args` given to the hook if any. */
function userRepository(args?: string[]): string {
  const dir = join(work, `repo-${++repos}`);
  mkdirSync(dir);
  git(dir, 'init', '-q');
  const hookArgs = args ? `\n        args: ${JSON.stringify(args)}` : '';
  write(dir, '.pre-commit-config.yaml', `repos:\n  - repo: ${hooks.path}\n    rev: ${hooks.rev}\n    hooks:\n      - id: rsyncguard${hookArgs}\n`);
  write(dir, 'README.md', '# deploy\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '--no-verify', '-m', 'start');
  execFileSync('pre-commit', ['install'], { cwd: dir, env: ENV, stdio: 'ignore' });
  return dir;
}

/** `git add` the files, then `git commit` through the installed hook: its status, output and whether HEAD moved. */
function commit(dir: string, files: Record<string, string>): { status: number | null; output: string; committed: boolean } {
  for (const [file, text] of Object.entries(files)) write(dir, file, text);
  git(dir, 'add', ...Object.keys(files));
  const before = git(dir, 'rev-parse', 'HEAD');
  const r = spawnSync('git', ['commit', '-m', 'change'], { cwd: dir, env: ENV, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}`, committed: git(dir, 'rev-parse', 'HEAD') !== before };
}

const HARDENED = readFileSync(join(ROOT, 'examples/hardened/rsyncd.conf'), 'utf8');
/** An anonymous upload module: RSYNC-002 (critical), whatever else the catalog says about it. */
const OPEN = 'uid = nobody\ngid = nogroup\nuse chroot = yes\n\n[incoming]\n    path = /srv/incoming\n    read only = no\n';
/** Anonymous reading, nothing worse: RSYNC-001 (high). */
const READABLE = 'uid = nobody\ngid = nogroup\nuse chroot = yes\n\n[pub]\n    path = /srv/pub\n';

const run = suite('the rsyncguard hook, run by pre-commit on git commit');

run('passes a hardened config and the commit is made', () => {
  const dir = userRepository();
  const r = commit(dir, { 'etc/rsyncd.conf': HARDENED });
  assert.is(r.status, 0, r.output);
  assert.match(r.output, /rsyncguard \(rsyncd configs\)\.+Passed/);
  assert.ok(r.committed, 'the commit was not made');
});

run('fails on an open config (exit 1), shows the findings, and the commit is not made', () => {
  const dir = userRepository();
  const r = commit(dir, { 'etc/rsyncd.conf': OPEN });
  assert.is(r.status, 1, r.output);
  assert.match(r.output, /rsyncguard \(rsyncd configs\)\.+Failed/);
  assert.match(r.output, '- exit code: 1');
  assert.match(r.output, /CRITICAL RSYNC-002 etc\/rsyncd\.conf:\d+:\d+ /);
  assert.not.ok(r.committed, 'the commit went through');
});

run('an Ansible template of rsyncd.conf triggers it by name', () => {
  const dir = userRepository();
  const r = commit(dir, { 'roles/rsync/templates/rsyncd.conf.j2': OPEN.replace('/srv/incoming', '{{ incoming_path }}') });
  assert.is(r.status, 1, r.output);
  assert.match(r.output, 'roles/rsync/templates/rsyncd.conf.j2');
});

run('scans the whole repository: a config already committed fails a commit of its secrets file', () => {
  const dir = userRepository();
  // Committed past the hook, as a repository that adopts it has configs from before.
  write(dir, 'rsyncd.conf', OPEN);
  git(dir, 'add', 'rsyncd.conf');
  git(dir, 'commit', '-q', '--no-verify', '-m', 'old config');
  const r = commit(dir, { 'rsyncd.secrets': 'backup:Correct-Horse-Battery-Staple-9\n' });
  assert.is(r.status, 1, r.output);
  assert.match(r.output, /RSYNC-002 rsyncd\.conf:/);
});

run('does not run when no staged file is an rsync file', () => {
  const dir = userRepository();
  write(dir, 'rsyncd.conf', OPEN);
  git(dir, 'add', 'rsyncd.conf');
  git(dir, 'commit', '-q', '--no-verify', '-m', 'old config');
  const r = commit(dir, { 'README.md': '# deploy\n\nHow we sync.\n' });
  assert.is(r.status, 0, r.output);
  assert.match(r.output, /rsyncguard \(rsyncd configs\)\.+\(no files to check\)Skipped/);
  assert.ok(r.committed);
});

run("takes scan's options from the hook's args (--fail-on critical lets high findings through)", () => {
  const strict = commit(userRepository(), { 'rsyncd.conf': READABLE });
  assert.is(strict.status, 1, strict.output);
  assert.match(strict.output, /HIGH +RSYNC-001 rsyncd\.conf:/);
  const r = commit(userRepository(['--fail-on', 'critical']), { 'rsyncd.conf': READABLE });
  assert.is(r.status, 0, r.output);
  assert.match(r.output, /rsyncguard \(rsyncd configs\)\.+Passed/);
});

run('pre-commit run --all-files checks a repository once, as in CI', () => {
  const dir = userRepository();
  write(dir, 'mirror/rsyncd.conf', OPEN);
  git(dir, 'add', '.');
  const r = spawnSync('pre-commit', ['run', '--all-files'], { cwd: dir, env: ENV, encoding: 'utf8', timeout: 120_000 });
  assert.is(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /RSYNC-002 mirror\/rsyncd\.conf:/);
});

run.run();

const files = suite('the hook\'s "files" pattern');

/** The pattern as pre-commit applies it: its own Python, its YAML loader, re.search on each path. */
function hookMatches(paths: string[]): boolean[] {
  const python = /^#!(\S+)/.exec(readFileSync(execFileSync('sh', ['-c', 'command -v pre-commit'], { encoding: 'utf8' }).trim(), 'utf8'))?.[1] ?? 'python3';
  const program = 'import json, re, sys, yaml\nhook = yaml.safe_load(open(sys.argv[1]))[0]\nfiles = re.compile(hook["files"])\nprint(json.dumps([bool(files.search(p)) for p in json.load(sys.stdin)]))\n';
  const out = execFileSync(python, ['-c', program, join(ROOT, '.pre-commit-hooks.yaml')], { input: JSON.stringify(paths), encoding: 'utf8' });
  return JSON.parse(out) as boolean[];
}

const DIRS = ['', 'etc/', 'etc/rsyncd.d/', 'rsyncd.d/', 'roles/rsync/templates/', 'deploy/', 'xinetd.d/'];
const STEMS = ['rsyncd', 'rsync', 'backup-rsyncd', 'rsyncd-backup', 'stunnel-rsyncd', 'Rsyncd', 'modules', 'smb', 'app'];
const EXTS = [
  '',
  '.conf',
  '.inc',
  '.cfg',
  '.conf.j2',
  '.conf.jinja2',
  '.conf.erb',
  '.conf.epp',
  '.conf.tmpl',
  '.conf.gtpl',
  '.conf.tpl',
  '.conf.tftpl',
  '.conf.ctmpl',
  '.inc.j2',
  '.conf.example',
  '.conf.sample',
  '.conf.dist',
  '.conf.header',
  '.conf.footer',
  '.conf.head',
  '.conf.tail',
  '.conf.inc',
  '.conf.in',
  '.conf.local',
  '.header',
  '.footer',
  '.secrets',
  '.secret',
  '.passwd',
  '.pass',
  '.pwd',
  '.service',
  '.socket',
  '.md',
  '.sh',
  '.yml',
];

files('matches every path scan reads as an rsyncd config by its name, and no path that does not say rsync', () => {
  const dir = join(work, 'names');
  const paths = DIRS.flatMap((d) => STEMS.flatMap((s) => EXTS.map((e) => `${d}${s}${e}`)));
  for (const p of paths) write(dir, p, '');
  // Empty files: discovery lists a file only by its name then (content decides nothing).
  const byName = new Set(
    discoverConfigs(dir, { exclude: [] })
      .filter((f) => f.by === 'name')
      .map((f) => f.path),
  );
  assert.ok(byName.size > 100, `only ${byName.size} paths are rsyncd configs by name: the table lost its point`);
  const matched = hookMatches(paths);
  paths.forEach((p, i) => {
    if (byName.has(p)) assert.ok(matched[i], `scan reads ${p} as an rsyncd config by its name, but the hook does not run for it`);
    if (!/rsync/i.test(p)) assert.not.ok(matched[i], `${p} does not say rsync, yet the hook runs for it`);
  });
  for (const p of ['README.md', 'docs/rsync.md', 'scripts/rsync-backup.sh', 'roles/rsync/tasks/main.yml', 'nginx.conf', 'etc/secrets']) assert.not.ok(hookMatches([p])[0], p);
});

files('matches the rsync-named files scan finds by their content (secrets, units, xinetd, includes)', () => {
  const dir = join(work, 'content');
  const samples: Record<string, string> = {
    'etc/rsyncd.secrets': 'backup:Correct-Horse-Battery-Staple-9\n',
    'rsync/users.passwd': 'backup:Correct-Horse-Battery-Staple-9\n',
    'systemd/rsyncd.service': '[Unit]\nDescription=rsync\n\n[Service]\nExecStart=/usr/bin/rsync --daemon --no-detach\n',
    'xinetd.d/rsync': 'service rsync\n{\n\tsocket_type = stream\n\tserver = /usr/bin/rsync\n\tserver_args = --daemon\n}\n',
    'rsync/globals.inc': 'uid = nobody\nuse chroot = yes\nread only = yes\n',
    'rsync.conf': 'uid = nobody\n\n[data]\n  path = /srv/data\n',
  };
  for (const [p, text] of Object.entries(samples)) write(dir, p, text);
  const found = discoverConfigs(dir, { exclude: [] }).map((f) => f.path);
  assert.equal(found, Object.keys(samples).sort(), 'discovery no longer finds the samples: update them');
  assert.equal(
    hookMatches(found),
    found.map(() => true),
    found.join(', '),
  );
});

files.run();

const script = suite('the hook script');

script('is committed executable (pre-commit runs `language: script` entries directly)', () => {
  const staged = git(ROOT, 'ls-files', '-s', '--', 'scripts/pre-commit-hook.sh');
  if (staged !== '') assert.match(staged, /^100755 /, staged);
  assert.ok((statSync(join(ROOT, 'scripts/pre-commit-hook.sh')).mode & 0o111) !== 0);
});

script('says in one line that node is missing (exit 2), rather than a shell error', () => {
  const r = spawnSync('/bin/sh', [join(hooks.path, 'scripts/pre-commit-hook.sh')], { cwd: work, env: { ...ENV, PATH: join(work, 'no-such-dir') }, encoding: 'utf8' });
  assert.is(r.status, 2, r.stderr);
  assert.is(r.stderr, 'rsyncguard pre-commit hook: node is not on PATH; install Node.js 20 or later\n');
});

script('says which Node is too old (exit 2)', () => {
  const bin = join(work, 'old-node');
  write(bin, 'node', '#!/bin/sh\ncase "$1" in -p) echo 18;; --version) echo v18.19.0;; *) exit 99;; esac\n');
  chmodSync(join(bin, 'node'), 0o755);
  const r = spawnSync('/bin/sh', [join(hooks.path, 'scripts/pre-commit-hook.sh')], { cwd: work, env: { ...ENV, PATH: `${bin}:/usr/bin:/bin` }, encoding: 'utf8' });
  assert.is(r.status, 2, r.stderr);
  assert.is(r.stderr, 'rsyncguard pre-commit hook: Node.js v18.19.0 is too old; rsyncguard needs 20 or later\n');
});

script('is POSIX sh that shellcheck passes', () => {
  const r = spawnSync('shellcheck', ['-s', 'sh', join(ROOT, 'scripts/pre-commit-hook.sh')], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stdout + r.stderr);
});

script.run();
