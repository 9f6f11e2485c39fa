/**
 * The Action's `fix-patch` input, run from source (`src/action/index.ts` under tsx) the way test/action.test.ts
 * runs the bundle, so it needs no rebuilt dist: the patch is written where the input says, the `fix-patch`
 * output names it, `git apply --check` takes it in the workspace, the SARIF file's results carry the same
 * fixes, and no line of a secrets file is in it. Without the input the output is empty and no fix is computed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type * as Sarif from 'sarif';
import { sarifProblems } from './support/sarif-check.ts';

const ENTRY = resolve('src/action/index.ts');
const TSX = import.meta.resolve('tsx');

function runAction(inputs: Record<string, string>): { code: number | null; log: string; outputs: Record<string, string>; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rg-action-fix-'));
  cpSync('examples', join(dir, 'examples'), { recursive: true });
  const outputFile = `${dir}.outputs`;
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: outputFile };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, ['--import', TSX, ENTRY], { cwd: tmpdir(), env, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 << 20 });
  const outputs: Record<string, string> = {};
  for (const m of readFileSync(outputFile, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1] ?? ''] = m[3] ?? '';
  return { code: r.status, log: `${r.stdout}${r.stderr}`, outputs, dir };
}

const action = suite('the Action: fix-patch');

action('fix-patch writes the verified patch, git apply takes it, SARIF carries the fixes, no secret is quoted', () => {
  const run = runAction({ paths: 'examples', 'fail-on': 'none', 'fix-patch': 'rsyncguard.patch' });
  assert.is(run.code, 0, run.log.slice(-2000));
  assert.is(run.outputs['fix-patch'], 'rsyncguard.patch');
  const patchFile = join(run.dir, 'rsyncguard.patch');
  assert.ok(existsSync(patchFile), run.log.slice(-2000));
  const patch = readFileSync(patchFile, 'utf8');
  assert.match(patch, /^--- a\/examples\/.*\n\+\+\+ b\/examples\//m);
  assert.match(patch, /^@@ -\d+,\d+ \+\d+,\d+ @@ RSYNC-\d{3}/m);
  assert.match(run.log, /verified fix(es)? written to rsyncguard\.patch/);
  spawnSync('git', ['init', '-q'], { cwd: run.dir });
  const check = spawnSync('git', ['apply', '--check', 'rsyncguard.patch'], { cwd: run.dir, encoding: 'utf8' });
  assert.is(check.status, 0, check.stderr);
  // The secrets files' passwords: the patch edits configs only, and says chmod about a secrets file, never its lines.
  // (The distinctive ones: "backup" is also a module's name in the config.)
  const passwords = readFileSync('examples/backup-target/rsyncd.secrets', 'utf8')
    .split('\n')
    .map((l) => l.slice(l.indexOf(':') + 1))
    .filter((p) => p.length >= 10);
  assert.ok(passwords.length >= 2);
  for (const p of passwords) assert.not.ok(patch.includes(p), 'a password is in the patch');
  const sarif = readFileSync(join(run.dir, 'rsyncguard.sarif'), 'utf8');
  assert.equal(sarifProblems(sarif), []);
  const results = (JSON.parse(sarif) as Sarif.Log).runs[0]?.results ?? [];
  assert.ok(results.some((r) => (r.fixes?.length ?? 0) > 0));
});

action('without fix-patch (or blank): the output is empty, no fix is computed, the SARIF has none', () => {
  const run = runAction({ paths: 'examples', 'fail-on': 'none', 'fix-patch': '  ' });
  assert.is(run.code, 0, run.log.slice(-2000));
  assert.is(run.outputs['fix-patch'], '');
  const results = (JSON.parse(readFileSync(join(run.dir, 'rsyncguard.sarif'), 'utf8')) as Sarif.Log).runs[0]?.results ?? [];
  assert.ok(results.length > 0 && results.every((r) => r.fixes === undefined));
});

action('a patch path that cannot be written fails the step and names the input; a missing directory is created', () => {
  // Its parent is a file: no directory can be made there.
  const run = runAction({ paths: 'examples', 'fail-on': 'none', 'fix-patch': 'examples/backup-target/rsyncd.conf/x.patch' });
  assert.is(run.code, 1);
  assert.match(run.log, /Input "fix-patch": examples\/backup-target\/rsyncd\.conf\/x\.patch cannot be written/);
  const created = runAction({ paths: 'examples', 'fail-on': 'none', 'fix-patch': 'no/such/dir/x.patch' });
  assert.is(created.code, 0, created.log.slice(-2000));
  assert.ok(existsSync(join(created.dir, 'no/such/dir/x.patch')));
});

action.run();
