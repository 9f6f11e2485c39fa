/**
 * A directory the scanning user cannot list is named as not scanned (exit 2), never skipped: with or without
 * git's view of the tree, and without hiding what the rest of the tree holds. Runs as `nobody` (needs root
 * to switch), from a world-readable copy of dist/ because a CI checkout may sit under a 0700 directory.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { IS_ROOT, tempTree } from './support/cli.ts';

const unreadable = suite('a directory the scan cannot list');

const CONFIG = '[drop]\n    path = /srv/drop\n    read only = no\n';

function publicDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-dist-'));
  cpSync(resolve('dist'), dir, { recursive: true });
  spawnSync('chmod', ['-R', 'a+rX', dir]);
  return join(dir, 'cli.js');
}

function asNobody(cwd: string, cli: string, format: string, git: boolean): { code: number | null; out: string } {
  const r = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, cli, 'scan', '.', '--format', format], {
    cwd,
    // git refuses a tree another user owns unless told it is safe: the git case must really use git's list.
    env: { ...process.env, HOME: tmpdir(), NO_COLOR: '1', ...(git ? { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'safe.directory', GIT_CONFIG_VALUE_0: '*' } : {}) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

function tree(git: boolean): string {
  const dir = tempTree({ 'open/rsyncd.conf': CONFIG, 'locked/rsyncd.conf': CONFIG });
  if (git) {
    const g = (...a: string[]) => spawnSync('git', ['-C', dir, '-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...a]);
    g('init', '-q');
    g('add', '-A');
    g('commit', '-qm', 'fixture');
  }
  spawnSync('chmod', ['-R', 'a+rX', dir]);
  chmodSync(dir, 0o755);
  chmodSync(join(dir, 'locked'), 0o000);
  return dir;
}

for (const git of [false, true]) {
  unreadable(`is reported in every format, and the readable config still is (${git ? 'a git work tree' : 'no git'})`, () => {
    if (!IS_ROOT) {
      console.log('  (skipped: needs root to run the scan as nobody)');
      return;
    }
    const cli = publicDist();
    const dir = tree(git);
    try {
      for (const format of ['text', 'json', 'markdown', 'sarif']) {
        const r = asNobody(dir, cli, format, git);
        assert.is(r.code, 2, `${format}: ${r.out}`);
        assert.match(r.out, 'locked', `${format} names the directory`);
        assert.match(r.out, 'permission denied', `${format} says why`);
        assert.not.match(r.out, 'not in the repository', `${format}: unreadable is not absent`);
        assert.not.match(r.out, 'internal error', format);
        assert.match(r.out, 'RSYNC-002', `${format} still reports the readable config`);
      }
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });
}

unreadable.run();
