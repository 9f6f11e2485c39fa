/**
 * `scan --exclude DIR` (adv2 #11): a directory named as Trivy's --skip-dirs or Checkov's --skip-path take it
 * (`a`, `a/`, `./a`, its absolute path) leaves out everything under it, as a .gitignore line does; a pattern
 * that matched nothing is warned about on standard error, the scan going on as before.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from './support/suite.ts';
import * as assert from 'uvu/assert';

const MAIN = resolve('src/cli/main.ts');
const TSX = import.meta.resolve('tsx');

function scan(cwd: string, ...args: string[]): { code: number | null; targets: string[]; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, 'scan', '--format', 'json', ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  const report = JSON.parse(r.stdout || '{"targets":[]}') as { targets: { target: string }[] };
  return { code: r.status, targets: report.targets.map((t) => t.target).sort(), stderr: r.stderr };
}

const exclude = suite('scan --exclude DIR leaves out the directory, and says when a pattern matched nothing');

let ws = '';
exclude.before(() => {
  ws = realpathSync(mkdtempSync(join(tmpdir(), 'rg-exclude-dir-')));
  for (const d of ['a/sub', 'b']) mkdirSync(join(ws, d), { recursive: true });
  for (const f of ['a/rsyncd.conf', 'a/sub/rsyncd.conf', 'b/rsyncd.conf']) writeFileSync(join(ws, f), '[m]\npath = /srv\nread only = no\n');
  spawnSync('git', ['init', '-q'], { cwd: ws });
});
exclude.after(() => rmSync(ws, { recursive: true, force: true }));

exclude('a, a/, ./a and the absolute path of a leave out a and all under it; no warning', () => {
  for (const spelling of ['a', 'a/', './a', join(ws, 'a'), 'a/**']) {
    const r = scan(ws, '.', '--exclude', spelling, '--fail-on', 'none');
    assert.is(r.code, 0, r.stderr);
    assert.equal(r.targets, ['b/rsyncd.conf'], spelling);
    assert.not.match(r.stderr, /matched nothing/, spelling);
  }
});

exclude('a pattern that matched nothing is named on standard error; the scan is unchanged', () => {
  const r = scan(ws, '.', '--exclude', 'vendor,b', '--fail-on', 'none');
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.targets, ['a/rsyncd.conf', 'a/sub/rsyncd.conf']);
  assert.match(r.stderr, 'rsyncguard scan: warning: --exclude vendor: it matched nothing under the paths scanned');
  assert.not.match(r.stderr, /--exclude[^\n]*\bb\b[^\n]*matched nothing/);
  const quiet = scan(ws, '.', '--exclude', 'vendor', '--fail-on', 'none', '--quiet');
  assert.is(quiet.stderr, '');
});

exclude('with several PATHs a pattern is unmatched only if it matched under none of them', () => {
  const r = scan(ws, 'a', 'b', '--exclude', 'sub', '--fail-on', 'none');
  assert.equal(r.targets, ['a/rsyncd.conf', 'b/rsyncd.conf']);
  assert.not.match(r.stderr, /matched nothing/);
});

exclude.run();
