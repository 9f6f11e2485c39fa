/**
 * `fix --write` round trips (issue 16): the smallest edit, in the file that holds the effective value (an
 * `&merge`d or `&include`d file when that is where it is written), and every other byte kept: CRLF, tabs,
 * continuation lines, comments, blank lines, a missing final newline. A second `--write` changes nothing.
 * Judged from the files themselves and an independent `scan`, not from what `fix` says.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { lineDiff, rawLines, terminator } from './support/fix-lines.ts';
import { changed, cli, scan, snapshot } from './support/fix-run.ts';

const RULES = ['RSYNC-002', 'RSYNC-004', 'RSYNC-009'];
/** The parameters those rules' fixes may rewrite: no other line may be deleted. */
const EDITABLE = /^\s*(read only|hosts deny)\s*=/;

const FILES: Record<string, string> = {
  // CRLF, tab indentation, a comment inside a value.
  'crlf.conf': [
    '# Mirror daemon',
    '',
    'uid = nobody',
    'gid = nogroup',
    'use chroot = yes',
    '',
    '[up]',
    '\tpath = /srv/up',
    '\t# uploads from the build farm',
    '\tread only = no',
    '\tcomment = build farm',
    '',
    '[notes]',
    '\tpath = /srv/notes',
    '\tread only = no # writable for the wiki',
    '\tcomment = wiki',
    '',
  ].join('\r\n'),
  // No final newline, and the value to fix on that last line.
  'nofinal.conf': ['uid = nobody', 'gid = nogroup', '[pub]', '  path = /srv/pub', '  comment = public drop', '  read only = no'].join('\n'),
  // Continuation lines: the whole logical line is the value.
  'cont.conf': [
    'uid = nobody',
    'gid = nogroup',
    '# hosts of the lab',
    '[lan]',
    '    path = /srv/lan',
    '    hosts allow = 10.0.0.0/8 \\',
    '        192.168.0.0/16',
    '    hosts deny = 172.16.0.0/12 \\',
    '        10.9.9.9',
    '    comment = lan only',
    '',
    '[drop]',
    '    path = /srv/drop',
    '    read only = \\',
    '        no',
    '    # end of drop',
    '',
  ].join('\n'),
  // The values live in included files: the fix must land there, and the including file stay as it is.
  'etc/rsyncd.conf': ['uid = nobody', 'gid = nogroup', '', '[up]', 'path = /srv/up', '&merge /etc/rsyncd.d/up.inc', '', '&include /etc/rsyncd.d/mods.conf', ''].join('\n'),
  'etc/rsyncd.d/up.inc': ['# shared upload policy', 'read only = no', 'max connections = 4', ''].join('\n'),
  'etc/rsyncd.d/mods.conf': ['[inc]', '\tpath = /srv/inc', '\t# from the include', '\tread only = no', ''].join('\n'),
};

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-fix-roundtrip-'));
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The physical lines of every logical line that sets an editable parameter (its continuation lines too). */
function editableLines(text: string): Set<string> {
  const out = new Set<string>();
  let continuing = false;
  for (const line of rawLines(text)) {
    if (continuing || EDITABLE.test(line)) out.add(line);
    continuing = (continuing || EDITABLE.test(line)) && /\\\r?\n$/.test(line);
  }
  return out;
}

const test = suite('fix --write round trips');

test('the edits land in the file holding the value; everything else stays byte for byte; a second --write changes nothing', () => {
  const dir = repo();
  const findings = scan(dir).findings.filter((f) => RULES.includes(f.rule_id));
  // The bed must raise what it is about, or nothing below would be tested.
  const where = new Set(findings.map((f) => `${f.rule_id} ${f.location?.file}`));
  for (const w of ['RSYNC-002 crlf.conf', 'RSYNC-009 crlf.conf', 'RSYNC-002 nofinal.conf', 'RSYNC-004 cont.conf', 'RSYNC-002 cont.conf', 'RSYNC-002 etc/rsyncd.d/up.inc', 'RSYNC-002 etc/rsyncd.d/mods.conf']) {
    assert.ok(where.has(w), `the bed raises no ${w} (got ${[...where].join(', ')})`);
  }
  const before = snapshot(dir);
  const run = cli(dir, ['fix', '.', '--write', '--rules', RULES.join(',')]);
  assert.is(run.status, 1, `fix --write: ${run.stdout}\n${run.stderr}`);
  const after = snapshot(dir);
  assert.equal(changed(before, after), ['cont.conf', 'crlf.conf', 'etc/rsyncd.d/mods.conf', 'etc/rsyncd.d/up.inc', 'nofinal.conf'], 'only the files holding the values change (not the including etc/rsyncd.conf)');

  for (const file of changed(before, after)) {
    const old = before.get(file)?.toString('utf8') ?? '';
    const now = after.get(file)?.toString('utf8') ?? '';
    const { deleted, inserted } = lineDiff(old, now);
    const allowed = editableLines(old);
    for (const line of deleted) assert.ok(allowed.has(line), `${file}: a line that is not the fixed value was removed or changed: ${JSON.stringify(line)}\n--- after:\n${now}`);
    assert.is(terminator(now), terminator(old), `${file}: line endings`);
    assert.is(now.endsWith('\n'), old.endsWith('\n'), `${file}: the final-newline state`);
    // Inserted lines are indented like the section's other lines (tabs stay tabs).
    const indent = /^[ \t]*/.exec(rawLines(old).find((l) => /^\s+\S/.test(l)) ?? '')?.[0] ?? '';
    for (const line of inserted) {
      assert.ok(/^[ \t]*(#.*|[a-z ]+?\s*=\s*\S.*)(\r?\n)?$/.test(line), `${file}: an inserted line is neither a parameter nor a comment: ${JSON.stringify(line)}`);
      assert.is(/^[ \t]*/.exec(line)?.[0], indent, `${file}: ${JSON.stringify(line)} is not indented like the file's lines (${JSON.stringify(indent)})`);
    }
  }
  const crlf = after.get('crlf.conf')?.toString('utf8') ?? '';
  assert.ok(crlf.includes('\t# writable for the wiki\r\n'), `the comment of "read only = no # writable for the wiki" must be on its own line, indented:\n${crlf}`);
  assert.ok(crlf.includes('\t# uploads from the build farm\r\n'));
  assert.is(after.get('etc/rsyncd.conf')?.toString('utf8'), FILES['etc/rsyncd.conf']);

  // Independent judgement: the fixed rules are gone, and nothing rose.
  const left = scan(dir).findings.filter((f) => RULES.includes(f.rule_id));
  assert.equal(
    left.map((f) => `${f.rule_id} ${f.location?.file}:${f.location?.line}`),
    [],
  );

  const again = cli(dir, ['fix', '.', '--write', '--rules', RULES.join(',')]);
  assert.is(again.status, 0, `the second run still finds something to fix: ${again.stdout}\n${again.stderr}`);
  assert.equal(changed(after, snapshot(dir)), [], 'the second --write changed files');
});

test('every rule at once: --write twice, the second run changes nothing and proposes nothing', () => {
  const dir = repo();
  const before = snapshot(dir);
  const first = cli(dir, ['fix', '.', '--write']);
  assert.is(first.status, 1, `${first.stdout}\n${first.stderr}`);
  const after = snapshot(dir);
  assert.ok(changed(before, after).length > 0);
  for (const file of changed(before, after)) {
    const old = before.get(file)?.toString('utf8') ?? '';
    const now = after.get(file)?.toString('utf8') ?? '';
    assert.is(terminator(now), terminator(old), `${file}: line endings`);
    assert.is(now.endsWith('\n'), old.endsWith('\n'), `${file}: the final-newline state`);
    // Comments and blank lines are never removed, whatever was fixed.
    for (const line of rawLines(old).filter((l) => /^\s*(#.*)?\r?\n?$/.test(l))) {
      assert.ok(rawLines(now).filter((l) => l === line).length >= rawLines(old).filter((l) => l === line).length, `${file}: ${JSON.stringify(line)} was removed`);
    }
  }
  const second = cli(dir, ['fix', '.', '--write']);
  assert.is(second.status, 0, `the second run proposes fixes again: ${second.stdout}\n${second.stderr}`);
  assert.equal(changed(after, snapshot(dir)), []);
});

test('without --write nothing is written, and the output is a diff naming the files', () => {
  const dir = repo();
  const before = snapshot(dir);
  const run = cli(dir, ['fix', '.', '--rules', RULES.join(',')]);
  assert.is(run.status, 1, run.stderr);
  assert.equal(changed(before, snapshot(dir)), []);
  for (const file of ['crlf.conf', 'nofinal.conf', 'cont.conf', 'etc/rsyncd.d/up.inc', 'etc/rsyncd.d/mods.conf']) assert.ok(run.stdout.includes(`+++ b/${file}`), `the diff has no +++ b/${file}:\n${run.stdout}`);
  assert.not.ok(run.stdout.includes('+++ b/etc/rsyncd.conf'), 'the including file is not edited');
});

test.run();
