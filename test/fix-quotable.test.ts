/**
 * "Never leak": every fix format quotes config lines (diff context and edits, suggestions and their anchors,
 * SARIF inserted text, Ansible anchors), so a line that could hold a password — a bare line without `=`, an
 * unknown parameter, a `name:` before the `=`, an `auth users` option that is no access word, also continued
 * over several lines — must reach none of them. Canaries are planted next to every edit the planner would make
 * and a few lines away (diff context), and every format of `fix` and of `scan --fixes yes` is searched; the
 * fixes of clean modules are still proposed, and the diff still applies with the real tools.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { quotable, quotableLines } from '../src/fix/index.ts';
import { FIX_FORMATS, type Report, toFixDiff } from '../src/report/index.ts';
import { targetFixes, verified } from './support/fix-fixtures.ts';
import { cli } from './support/fix-run.ts';

const CANARY = 'CANARY-QT';

const CONF = [
  `auth users = carol:${CANARY}1`,
  'uid = root',
  'use chroot = no',
  '',
  '[up]',
  `    auth users = alice:${CANARY}2, bob:ro`,
  '    path = /srv/up',
  '    read only = no',
  `    ${CANARY}3`,
  '    list = yes',
  `    smtp_password ${CANARY}4; relay = mail`,
  `    auth users = bob, \\`,
  `        alice:${CANARY}6`,
  `    alice:${CANARY}5 = x`,
  '',
  '[pub]',
  '    path = /srv/pub',
  '    read only = no',
  '    hosts allow = 10.0.0.0/8',
  '',
].join('\n');

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-fixquote-'));
  writeFileSync(join(dir, 'rsyncd.conf'), CONF);
  return dir;
}

const unit = suite('which config lines fix output may quote');

unit('known parameters, headers, directives, comments and blanks are quotable; what could be a password is not', () => {
  for (const l of ['', '  # a comment', '; old', '[pub]', '&include /etc/rsyncd.d', '&merge /etc/m', 'read only = no', 'auth users = bob:ro, eve:readonly, @staff:deny', '{% endfor %}']) assert.ok(quotable(l), l);
  for (const l of ['hunter2', 'alice:hunter2', 'alice:pa = ss', 'smtp_password = x', 'auth users = alice:hunter2', '[m] hunter2', '&hunter2', 'bXlTM2NyZXQ=']) assert.not.ok(quotable(l), l);
});

unit('a continued line shares the verdict of its logical line', () => {
  assert.equal(quotableLines(['auth users = bob, \\', '  alice:hunter2', 'path = /x']), [false, false, true]);
  assert.equal(quotableLines(['comment = a \\', '  hunter2', 'hunter2']), [true, true, false]);
});

unit.run();

const formats = suite('no fix format quotes a line that could hold a password');

formats('fix (diff, sarif, markdown) and scan --fixes yes (sarif, markdown, json): no canary, clean fixes still proposed', () => {
  const dir = repo();
  const runs: [string, string[]][] = [
    ...['diff', 'sarif', 'markdown'].map((f): [string, string[]] => [`fix ${f}`, ['fix', '.', '--format', f]]),
    ...['sarif', 'markdown', 'json'].map((f): [string, string[]] => [`scan ${f}`, ['scan', '.', '--format', f, '--fixes', 'yes', '--fail-on', 'none']]),
  ];
  for (const [name, args] of runs) {
    const r = cli(dir, args);
    assert.ok(r.status === 0 || r.status === 1, `${name} exited ${r.status}: ${r.stderr}`);
    for (const out of [r.stdout, r.stderr]) assert.not.ok(out.includes(CANARY), `${name} quoted a canary:\n${out}`);
    assert.ok(r.stdout.includes('[pub]') || r.stdout.includes('pub'), `${name}: the clean module's fix is still there`);
  }
  const diff = cli(dir, ['fix', '.']).stdout;
  // [pub]'s header is far from every canary: list = no goes after it, and is shown.
  assert.match(diff, '+    list = no');
  // [up]'s header is followed by an auth users line with a password: not proposed there, and said why.
  assert.match(diff, /RSYNC-005 \[up\]: no automatic fix for RSYNC-005: [^\n]*could hold a password/);
  assert.is((diff.match(/^\+ {4}list = no$/gm) ?? []).length, 1, diff);
  // The global line next to the planted global auth users line is shown with one line of context on each side.
  assert.match(diff, '+use chroot = yes');
});

formats('the diff cut around such lines still applies with git apply and patch -p1', () => {
  const dir = repo();
  const patch = cli(dir, ['fix', '.']).stdout;
  assert.ok(patch.includes('@@'), patch);
  for (const [cmd, args] of [
    ['git', ['apply', '--check', '-v', '-']],
    ['patch', ['-p1', '--dry-run', '--batch']],
  ] as const) {
    const copy = mkdtempSync(join(tmpdir(), `rg-fixquote-${cmd}-`));
    cpSync(dir, copy, { recursive: true });
    if (cmd === 'git') spawnSync('git', ['init', '-q'], { cwd: copy });
    const r = spawnSync(cmd, [...args], { cwd: copy, input: patch, encoding: 'utf8' });
    assert.is(r.status, 0, `${cmd}: ${r.stdout}${r.stderr}\n${patch}`);
    assert.not.match(`${r.stdout}${r.stderr}`, /fuzz/i, `${cmd} needed fuzz:\n${patch}`);
  }
  // fix --write writes what the diff shows, and leaves every planted line as it was.
  cli(dir, ['fix', '.', '--write']);
  const after = readFileSync(join(dir, 'rsyncd.conf'), 'utf8');
  for (const n of [1, 2, 3, 4, 5, 6]) assert.ok(after.includes(`${CANARY}${n}`), `canary ${n} kept in the file`);
});

/**
 * The renderers hold the rule on their own too (the planner proposes no such fix): verified fixes made by hand
 * next to planted lines, rendered by every format.
 */
formats('every renderer, given an edit next to such lines, leaves them out (diff, markdown, sarif, ansible)', () => {
  const file = '/etc/rsyncd.conf';
  const before = ['[a]', `alice:${CANARY}7`, 'read only = no', `${CANARY}8`, '[b]', 'path = /b', 'read only = no', 'path = /b', 'read only = no', `${CANARY}9 = x`, 'path = /b', 'read only = no', 'list = yes', ''].join('\n');
  const fixes = [
    verified('RSYNC-002', 'a', 'read only = yes', [{ file, start: 3, end: 3, lines: ['read only = yes'] }]),
    verified('RSYNC-005', 'b', 'list = no', [{ file, start: 13, end: 13, lines: ['list = no'] }]),
    // A repeated line: Ansible grows its anchor block upwards, into the planted line.
    verified('RSYNC-002', 'b', 'read only = yes', [{ file, start: 12, end: 12, lines: ['read only = yes'] }]),
  ];
  const t = targetFixes(file, { [file]: before }, fixes);
  const emptyTarget = { target: file, findings: [], waived: [], notes: [] };
  const report: Report = { tool: { name: 'rsyncguard', version: '0' }, rules: [], targets: [], errors: [], expired_waivers: [] };
  const ctx = { report, hostOf: () => 'h1', groupOf: () => 'g', colour: false, texts: new Map<string, string>(), category: 'rsyncguard', suppressions: false, warn: () => {} };
  const outs: [string, string][] = [
    ['diff', toFixDiff([t])],
    ['markdown', FIX_FORMATS.markdown.render([t], { ...ctx, report: { ...report, targets: [{ ...emptyTarget, fixes: t } as unknown as Report['targets'][number]] } })],
    ['ansible', FIX_FORMATS.ansible.render([t], ctx)],
  ];
  for (const [name, out] of outs) assert.not.ok(out.includes(CANARY), `${name} quoted a canary:\n${out}`);
  const [, diff] = outs[0] as [string, string];
  assert.match(diff, 'could hold a password');
  // A suggestion shows only its own lines: each anchor here is a known parameter line.
  const [, md] = outs[1] as [string, string];
  assert.match(md, 'list = no');
  const [, yml] = outs[2] as [string, string];
  assert.match(yml, 'ansible.builtin.fail');
});

formats.run();
