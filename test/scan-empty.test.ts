/**
 * An empty result is not a silent pass (issue 18): `scan PATH` that finds no rsyncd config under a directory
 * says so on standard error, naming the path as typed and what discovery looked for, exits 0 and still writes
 * the report, which says it too (JSON `empty_paths`, a SARIF notification, a line in text and Markdown, a CSV row, an HTML section). The names the warning lists are checked against what discovery really finds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const MAIN = resolve('src/cli/main.ts');
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;

const work = mkdtempSync(join(tmpdir(), 'rsyncguard-empty-'));

function scan(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, 'scan', ...args], { cwd: work, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tree(dir: string, files: Record<string, string>): string {
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(work, dir, name, '..'), { recursive: true });
    writeFileSync(join(work, dir, name), body);
  }
  return dir;
}

const WARNING = /^rsyncguard scan: warning: no rsyncd configs found under (.+); looked for rsyncd\.conf, rsyncd\.d\/\*\.conf, rsyncd\*\.conf templates \(([^)]+)\), .+ and \*\.conf, \*\.cfg, \*\.inc or template files that read like one$/;

const MODULE = '[pub]\n    path = /srv/pub\n    read only = yes\n';

const empty = suite('scan of a directory without rsyncd configs');
empty.after(() => rmSync(work, { recursive: true, force: true }));

empty('warns once, naming the path as typed and what was looked for; exit 0 and the report written', () => {
  tree('site', { 'README.md': '# rsync mirror docs\n', 'nginx/nginx.conf': 'events {}\nhttp { server { listen 80; } }\n' });
  const r = scan('site', '--format', 'json', '--output', 'report.json');
  assert.is(r.code, 0, r.stderr);
  const lines = r.stderr.trimEnd().split('\n');
  assert.is(lines.length, 1, r.stderr);
  assert.is(WARNING.exec(lines[0] ?? '')?.[1], 'site');
  const report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as { summary: { targets: number } };
  assert.is(report.summary.targets, 0);
  // Text to standard output: the summary is still printed, after the warning on standard error.
  const text = scan('site');
  assert.is(text.code, 0);
  assert.match(text.stdout, '0 targets: 0 critical');
  assert.match(text.stderr, 'no rsyncd configs found under site;');
});

empty('the report says it too, in each format that reads as a result, even with -q (a report of nothing is no clean pass)', () => {
  tree('bare', { 'notes.txt': 'nothing\n' });
  // JSON is written as the targets come, SARIF and Markdown with verified fixes: each path to a report says it.
  const json = JSON.parse(scan('bare', '-q', '--format', 'json').stdout) as { summary: { empty_paths: number }; empty_paths: { path: string; message: string }[] };
  assert.is(json.summary.empty_paths, 1);
  assert.equal(
    json.empty_paths.map((e) => e.path),
    ['bare'],
  );
  assert.match(json.empty_paths[0]?.message ?? '', /^no rsyncd configs found under bare; looked for rsyncd\.conf/);
  const sarif = JSON.parse(scan('bare', '-q', '--format', 'sarif').stdout) as { runs: { invocations: { toolExecutionNotifications: { level: string; descriptor: { id: string }; message: { text: string } }[] }[] }[] };
  const notes = sarif.runs[0]?.invocations[0]?.toolExecutionNotifications ?? [];
  assert.equal(
    notes.map((n) => [n.level, n.descriptor.id]),
    [['warning', 'nothing-scanned']],
  );
  assert.match(notes[0]?.message.text ?? '', 'no rsyncd configs found under bare');
  const csv = scan('bare', '-q', '--format', 'csv').stdout.split('\r\n');
  assert.match(csv[1] ?? '', /^bare,path,no-config,,,,,,,"?no rsyncd configs found under bare;/);
  const page = scan('bare', '-q', '--format', 'html').stdout;
  assert.match(page, /<h2 id="empty-h" class="error">Nothing scanned \(1\)<\/h2><ul><li>no rsyncd configs found under bare;/);
  assert.match(scan('bare', '-q', '--format', 'markdown').stdout, /\*\*Nothing scanned:\*\* no rsyncd configs found under bare; looked for rsyncd\.conf, rsyncd\.d\/\\\*\.conf/);
  const text = scan('bare', '-q', '--output', 'bare.txt');
  assert.is(text.stderr, '');
  assert.match(readFileSync(join(work, 'bare.txt'), 'utf8'), /^nothing scanned: no rsyncd configs found under bare;/m);
  // A directory that held a config is not in the list.
  tree('held', { 'etc/rsyncd.conf': MODULE });
  const both = JSON.parse(scan('held', 'bare', '-q', '--format', 'json', '--fail-on', 'none').stdout) as { empty_paths: { path: string }[] };
  assert.equal(
    both.empty_paths.map((e) => e.path),
    ['bare'],
  );
});

empty('says it per directory: only the directory that held none', () => {
  tree('with', { 'etc/rsyncd.conf': MODULE });
  tree('without', { 'notes.txt': 'nothing\n' });
  const r = scan('with', 'without', './without/', '--fail-on', 'none');
  assert.is(r.code, 0, r.stderr);
  const warned = r.stderr
    .trimEnd()
    .split('\n')
    .map((l) => WARNING.exec(l)?.[1]);
  assert.equal(warned, ['without', './without/']);
  assert.match(r.stdout, 'with/etc/rsyncd.conf');
});

empty('every template the warning names is found, and so is a config found by its content', () => {
  const r = scan('site');
  const extensions = (WARNING.exec(r.stderr.trimEnd())?.[2] ?? '').split(' ');
  assert.ok(extensions.length >= 4 && extensions.includes('.j2') && extensions.includes('.erb'), extensions.join(' '));
  const dirs = extensions.map((ext, i) => tree(`tpl${i}`, { [`roles/rsync/templates/rsyncd.conf${ext}`]: MODULE }));
  dirs.push(tree('dropin', { 'etc/rsyncd.d/10-pub.conf': MODULE }));
  dirs.push(tree('bycontent', { 'deploy/mirror-daemon.conf': `# served by rsync --daemon\nuid = nobody\n${MODULE}` }));
  const found = scan(...dirs, '--fail-on', 'none', '--format', 'json');
  assert.is(found.code, 0, found.stderr);
  assert.is(found.stderr, '', 'no directory is called empty');
  const doc = JSON.parse(found.stdout) as { targets: { target: string }[] };
  assert.is(doc.targets.length, dirs.length);
});

empty('--quiet and -q silence the warning; a directory with an unreadable config is not called empty', () => {
  assert.is(scan('site', '-q').stderr, '');
  assert.is(scan('site', '--quiet').stderr, '');
  tree('broken', { 'rsyncd.conf': 'binary\u0000bytes\n' });
  const r = scan('broken');
  assert.is(r.code, 2);
  assert.not.match(r.stderr, 'no rsyncd configs found');
  assert.match(r.stdout, 'cannot scan this file');
});

empty.run();
