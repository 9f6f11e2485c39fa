/**
 * A checkout git cannot read (adv2 #17): a worktree whose `.git` file points at a git directory that is not
 * there, as in a container that mounts only the worktree. The scan walks the tree, so a file .gitignore leaves
 * out is scanned: that is said in a note beside each config, in text and JSON. A checkout git reads, and a
 * directory that is no checkout at all, get no such note.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const MAIN = resolve('src/cli/main.ts');
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
const work = mkdtempSync(join(tmpdir(), 'rsyncguard-git-unreadable-'));
const CONF = '[m]\npath = /srv\nread only = yes\nauth users = u\nsecrets file = /etc/rsyncd.secrets\nhosts allow = 10.0.0.0/8\n';

function scan(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, 'scan', '.', ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd, stdio: 'pipe' });

/** A repository with rsyncd.conf and an ignored d99/rsyncd.conf, and a worktree of it with the ignored file too. */
function checkout(): { repo: string; worktree: string } {
  const repo = join(work, 'repo');
  mkdirSync(repo);
  writeFileSync(join(repo, 'rsyncd.conf'), CONF);
  writeFileSync(join(repo, '.gitignore'), 'd99/\n');
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'x');
  const worktree = join(work, 'wt');
  git(repo, 'worktree', 'add', '-q', worktree);
  mkdirSync(join(worktree, 'd99'));
  writeFileSync(join(worktree, 'd99', 'rsyncd.conf'), CONF);
  return { repo, worktree };
}

const { worktree } = checkout();
const notes = (json: string) => (JSON.parse(json) as { targets: { target: string; notes: { code: string; message: string }[] }[] }).targets.map((t) => [t.target, t.notes.filter((n) => n.code === 'git-unreadable').length]);

const test = suite('a checkout git cannot read');

test('a worktree git reads: .gitignore is honoured, no note', () => {
  const r = scan(worktree, '--format', 'json');
  assert.equal(notes(r.stdout), [['rsyncd.conf', 0]], r.stderr);
});

test('its git directory not there (a container mounting only the worktree): the ignored file is scanned, and each config says why', () => {
  // What the container sees: the .git file names a path outside the mount.
  renameSync(join(worktree, '.git'), join(work, 'wt.git'));
  writeFileSync(join(worktree, '.git'), `gitdir: ${join(work, 'not-mounted', '.git', 'worktrees', 'wt')}\n`);
  try {
    const json = scan(worktree, '--format', 'json');
    assert.equal(
      notes(json.stdout),
      [
        ['d99/rsyncd.conf', 1],
        ['rsyncd.conf', 1],
      ],
      json.stderr,
    );
    const text = scan(worktree);
    assert.match(text.stdout, /note +rsyncd\.conf:1:1 git could not read \.git \(fatal: not a git repository: [^)]*\), so the tree was walked instead: \.gitignore and the modes files were committed with are not used/);
  } finally {
    rmSync(join(worktree, '.git'));
    renameSync(join(work, 'wt.git'), join(worktree, '.git'));
  }
});

test('a directory that is no checkout: walked without a note', () => {
  const plain = join(work, 'plain');
  mkdirSync(plain);
  writeFileSync(join(plain, 'rsyncd.conf'), CONF);
  assert.equal(notes(scan(plain, '--format', 'json').stdout), [['rsyncd.conf', 0]]);
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
