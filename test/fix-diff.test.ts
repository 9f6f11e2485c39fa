/**
 * The `diff` fix format applied by the real tools: every patch must pass `git apply --check` and
 * `patch -p1 --dry-run` against the files it was made from, and applying it must give the fixed text byte for
 * byte — CRLF files, files without a final newline, tabs, insertions at the start and the end, several hunks and
 * several files. The fixes are made by hand (applyEdits over fixed edits), so this tests the format alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { TargetFixes } from '../src/fix/index.ts';
import { FIX_FORMATS, formatNames, toFixDiff } from '../src/report/index.ts';
import { targetFixes, verified } from './support/fix-fixtures.ts';

function tool(cmd: string, args: string[], cwd: string, input: string): { status: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd, input, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Writes the originals twice (for git and for patch), checks and applies the patch with both, compares bytes. */
function applies(all: TargetFixes[]): string {
  const patch = toFixDiff(all);
  for (const [cmd, check, apply] of [
    ['git', ['apply', '--check', '-v', '-'], ['apply', '-']],
    ['patch', ['-p1', '--dry-run', '--batch'], ['-p1', '--batch', '--quiet']],
  ] as const) {
    const dir = mkdtempSync(join(tmpdir(), `rg-fixdiff-${cmd}-`));
    for (const t of all)
      for (const f of t.files) {
        mkdirSync(dirname(join(dir, f.file)), { recursive: true });
        writeFileSync(join(dir, f.file), f.before);
      }
    if (cmd === 'git') spawnSync('git', ['init', '-q'], { cwd: dir });
    const c = tool(cmd, [...check], dir, patch);
    assert.is(c.status, 0, `${cmd} check failed:\n${c.out}\n--- patch ---\n${patch}`);
    const a = tool(cmd, [...apply], dir, patch);
    assert.is(a.status, 0, `${cmd} apply failed:\n${a.out}\n--- patch ---\n${patch}`);
    for (const t of all) for (const f of t.files) assert.is(readFileSync(join(dir, f.file), 'utf8'), f.after, `${cmd}: ${f.file} after the patch`);
  }
  return patch;
}

const CONF = [
  '# rsyncd.conf',
  'uid = root',
  'use chroot = no',
  '',
  '[incoming]',
  '\tpath = /srv/in',
  '\tread only = no',
  '\tcomment = drop box',
  '',
  '[pub]',
  '\tpath = /srv/pub',
  '\tlist = yes',
  '',
  '[other]',
  '\tpath = /srv/other',
  '\tstrict modes = no',
  '',
].join('\n');

const diff = suite('fix diff format');

diff('a replacement: headers, 3 lines of context, the rule in the @@ heading, notes before the header', () => {
  const fix = verified('RSYNC-002', 'incoming', 'read only = yes', [{ file: 'etc/rsyncd.conf', start: 7, end: 7, lines: ['\tread only = yes'] }], ['to keep uploads, set auth users and secrets file']);
  const patch = applies([targetFixes('etc/rsyncd.conf', { 'etc/rsyncd.conf': CONF }, [fix])]);
  assert.match(patch, /^# rsyncguard fix: etc\/rsyncd.conf\n/);
  assert.match(patch, /# {3}note: to keep uploads, set auth users and secrets file\n--- a\/etc\/rsyncd.conf\n\+\+\+ b\/etc\/rsyncd.conf\n@@ -4,7 \+4,7 @@ RSYNC-002: \[incoming\] read only = yes\n/);
  assert.match(patch, /\n-\tread only = no\n\+\tread only = yes\n/);
});

diff('several hunks in one file, merged when close, each heading naming its own fixes', () => {
  const f1 = verified('RSYNC-042', null, 'uid = nobody', [{ file: 'rsyncd.conf', start: 2, end: 2, lines: ['uid = nobody'] }]);
  const f2 = verified('RSYNC-040', null, 'use chroot = yes', [{ file: 'rsyncd.conf', start: 3, end: 3, lines: ['use chroot = yes'] }]);
  const f3 = verified('RSYNC-021', 'other', 'strict modes removed', [{ file: 'rsyncd.conf', start: 16, end: 16, lines: [] }]);
  const patch = applies([targetFixes('rsyncd.conf', { 'rsyncd.conf': CONF }, [f1, f2, f3])]);
  const headings = patch.split('\n').filter((l) => l.startsWith('@@'));
  assert.is(headings.length, 2, patch);
  assert.match(headings[0] ?? '', /RSYNC-040, RSYNC-042: uid = nobody; use chroot = yes$/);
  assert.match(headings[1] ?? '', /RSYNC-021: \[other\] strict modes removed$/);
});

diff('CRLF file, insertion after a header, and a file without a final newline', () => {
  const crlf = CONF.replace(/\n/g, '\r\n');
  const ins = verified('RSYNC-005', 'pub', 'list = no', [{ file: 'crlf.conf', start: 11, end: 10, lines: ['\tlist = no'] }]);
  const noEol = 'uid = root\n[a]\n\tpath = /a\n\tread only = no';
  const last = verified('RSYNC-002', 'a', 'read only = yes', [{ file: 'noeol.conf', start: 4, end: 4, lines: ['\tread only = yes'] }]);
  const patch = applies([targetFixes('crlf.conf', { 'crlf.conf': crlf }, [ins]), targetFixes('noeol.conf', { 'noeol.conf': noEol }, [last])]);
  assert.match(patch, /\+\tlist = no\r\n/);
  assert.match(patch, /-\tread only = no\n\\ No newline at end of file\n\+\tread only = yes\n\\ No newline at end of file\n/);
});

diff('insertions at the start and at the end of a file (with and without a final newline), an empty file', () => {
  const start = verified('RSYNC-042', null, 'uid = nobody', [{ file: 'a.conf', start: 1, end: 0, lines: ['uid = nobody'] }]);
  const end = verified('RSYNC-004', 'x', 'hosts deny = *', [{ file: 'b.conf', start: 4, end: 3, lines: ['\thosts deny = *'] }]);
  const endNoEol = verified('RSYNC-004', 'x', 'hosts deny = *', [{ file: 'c.conf', start: 3, end: 2, lines: ['  hosts deny = *'] }]);
  const empty = verified('RSYNC-040', null, 'use chroot = yes', [{ file: 'd.conf', start: 1, end: 0, lines: ['use chroot = yes'] }]);
  applies([
    targetFixes('a.conf', { 'a.conf': '[m]\n\tpath = /m\n' }, [start]),
    targetFixes('b.conf', { 'b.conf': '[x]\n\tpath = /x\n\thosts allow = 10.0.0.0/8\n' }, [end]),
    targetFixes('c.conf', { 'c.conf': '[x]\n  hosts allow = 10.0.0.1' }, [endNoEol]),
    targetFixes('d.conf', { 'd.conf': '' }, [empty]),
  ]);
});

diff('continuation lines replaced as one logical line; a file in a subdirectory (an include)', () => {
  const inc = 'read only = no\nhosts allow = 10.0.0.1 \\\n   10.0.0.2 \\\n   10.0.0.3\nlist = yes\n';
  const fix = verified('RSYNC-010', 'inc', 'hosts allow = 10.0.0.1 10.0.0.2 10.0.0.3', [{ file: 'conf.d/inc.inc', start: 2, end: 4, lines: ['hosts allow = 10.0.0.1 10.0.0.2 10.0.0.3'] }]);
  applies([targetFixes('rsyncd.conf', { 'rsyncd.conf': '[inc]\n&include conf.d/inc.inc\n', 'conf.d/inc.inc': inc }, [fix])]);
});

diff('a path with a space: the file names end with a tab, so patch -p1 takes them as git apply does', () => {
  const fix = verified('RSYNC-002', 'a', 'read only = yes', [{ file: 'my dir/rsyncd.conf', start: 3, end: 3, lines: ['read only = yes'] }]);
  const patch = applies([targetFixes('my dir/rsyncd.conf', { 'my dir/rsyncd.conf': '[a]\npath = /a\nread only = no\n' }, [fix])]);
  assert.match(patch, /\n--- a\/my dir\/rsyncd\.conf\t\n\+\+\+ b\/my dir\/rsyncd\.conf\t\n/);
});

diff('unfixed findings, commands and rejected candidates are # comments the tools skip; nothing to fix is empty', () => {
  const fix = verified('RSYNC-002', 'incoming', 'read only = yes', [{ file: 'rsyncd.conf', start: 7, end: 7, lines: ['\tread only = yes'] }]);
  const key = { rule_id: 'RSYNC-030', target: 'rsyncd.conf', module: 'incoming', path: 'secrets[0].mode' };
  const t = targetFixes('rsyncd.conf', { 'rsyncd.conf': CONF }, [fix], {
    commands: [{ finding: key, command: 'chmod 600 etc/rsyncd.secrets', summary: 'the secrets file readable by its owner only' }],
    unfixed: [{ finding: { ...key, rule_id: 'RSYNC-050' }, reason: 'no automatic fix for RSYNC-050: pick the hosts', suggestion: 'hosts allow = 192.0.2.0/24\nhosts deny = *' }],
    rejected: [{ candidate: fix, reason: 'a new high finding RSYNC-099 appeared' }],
  });
  const patch = applies([t, targetFixes('clean.conf', { 'clean.conf': 'x\n' }, [])]);
  assert.match(patch, /# {3}run: chmod 600 etc\/rsyncd.secrets\n/);
  assert.match(patch, /# {3}suggested: hosts deny = \*\n/);
  assert.match(patch, /no safe automatic fix: a new high finding/);
  assert.not.match(patch, /clean.conf/);
  assert.is(FIX_FORMATS.diff.render([targetFixes('clean.conf', { 'clean.conf': 'x\n' }, [])], undefined as never), '');
});

diff('a module name with control characters cannot break a patch line', () => {
  const fix = verified('RSYNC-005', 'evil\r\n--- a/x', 'list = no', [{ file: 'e.conf', start: 2, end: 2, lines: ['list = no'] }]);
  const patch = applies([targetFixes('e.conf', { 'e.conf': '[evil]\nlist = yes\n' }, [fix])]);
  assert.ok(
    patch.split('\n').every((l) => !l.startsWith('--- a/x')),
    patch,
  );
});

diff('the registry: diff, sarif and markdown, each with its own extension (ansible is added by one entry)', () => {
  const names = formatNames(FIX_FORMATS);
  for (const n of ['diff', 'sarif', 'markdown']) assert.ok(names.includes(n), n);
  const ext = Object.values(FIX_FORMATS).map((f) => f.extension);
  assert.is(new Set(ext).size, ext.length);
  for (const f of Object.values(FIX_FORMATS)) assert.match(f.extension, /^\.[a-z]+$/);
});

diff.run();
