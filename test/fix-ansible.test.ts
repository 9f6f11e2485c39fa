/**
 * The Ansible fix format on the awkward cases, applied by the real ansible-playbook on local files
 * (connection local): a line that occurs twice, CRLF, continuation lines, insertion at the end of a file
 * without a final newline, regex and Jinja characters, deletions. Each file must end exactly as applyEdits
 * makes it, check mode must change nothing, and a second run must change nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyEdits, type LineEdit, type TargetFixes } from '../src/fix/index.ts';
import { FIX_FORMATS, type FixContext } from '../src/report/index.ts';

const hasAnsible = spawnSync('ansible-playbook', ['--version']).status === 0;

interface Case {
  name: string;
  text: string;
  edits: LineEdit[];
}

const CASES: Case[] = [
  // The same line in two modules: only the second is edited.
  { name: 'twice', text: '[a]\n    read only = no\n[b]\n    read only = no\n', edits: [{ file: '', start: 4, end: 4, lines: ['    read only = yes'] }] },
  {
    name: 'crlf',
    text: '[a]\r\n    path = /a\r\n    read only = no\r\n',
    edits: [
      { file: '', start: 3, end: 3, lines: ['    read only = yes'] },
      { file: '', start: 2, end: 1, lines: ['    list = no'] },
    ],
  },
  { name: 'continued', text: '[a]\n    refuse options = a \\\n        b\n    path = /a\n', edits: [{ file: '', start: 2, end: 3, lines: ['    refuse options = a b compress'] }] },
  { name: 'eof', text: '[a]\n    path = /a', edits: [{ file: '', start: 3, end: 2, lines: ['    hosts deny = *'] }] },
  {
    name: 'specials',
    text: '[a]\n    comment = x.*(y) \\1 {{ z }} $HOME\n    strict modes = no\n    path = /a\n',
    edits: [
      { file: '', start: 2, end: 2, lines: ['    # {{ z }} \\1', '    comment = x.*(y)'] },
      { file: '', start: 3, end: 3, lines: [] },
    ],
  },
  { name: 'first', text: 'uid = root\n[a]\n    path = /a\n', edits: [{ file: '', start: 1, end: 0, lines: ['use chroot = yes'] }] },
];

const fmt = suite('fix --format ansible, applied by ansible-playbook');

fmt('every case ends as applyEdits makes it, check mode changes nothing, a second run changes nothing', () => {
  if (!hasAnsible) return;
  const dir = mkdtempSync(join(tmpdir(), 'rg-fix-ansible-'));
  try {
    const fixes: TargetFixes[] = CASES.map((c) => {
      const file = join(dir, `${c.name}.conf`);
      writeFileSync(file, c.text);
      const edits = c.edits.map((e) => ({ ...e, file }));
      return {
        target: file,
        verified: [
          { fixes: [{ rule_id: 'RSYNC-002', target: file, module: 'a', path: 'config.modules[0].params.read only' }], parameter: 'read only', summary: `${c.name} case`, notes: [], edits, access: { modules: [], fields: [] }, rule_ids: ['RSYNC-002'] },
        ],
        rejected: [],
        unfixed: [],
        commands: [],
        files: [{ file, before: c.text, after: applyEdits(c.text, edits) }],
      };
    });
    const ctx = { report: { targets: [] } } as unknown as FixContext;
    const play = join(dir, 'play.yml');
    writeFileSync(play, FIX_FORMATS.ansible.render(fixes, ctx));
    const run = (...extra: string[]) => {
      const r = spawnSync('ansible-playbook', ['-i', 'localhost,', '-c', 'local', play, ...extra], { encoding: 'utf8', env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(dir, 'tmp') } });
      assert.is(r.status, 0, `${readFileSync(play, 'utf8')}\n${r.stdout.slice(-3000)}${r.stderr.slice(-1000)}`);
      return Number(/changed=(\d+)/.exec(r.stdout)?.[1] ?? -1);
    };
    assert.ok(run('--check', '--diff') > 0);
    for (const c of CASES) assert.is(readFileSync(join(dir, `${c.name}.conf`), 'utf8'), c.text, `${c.name}: check mode changed it`);
    assert.ok(run() > 0);
    for (const [i, c] of CASES.entries()) {
      const got = readFileSync(join(dir, `${c.name}.conf`), 'utf8');
      const want = fixes[i]?.files[0]?.after ?? '';
      // lineinfile ends the line it writes; the text is otherwise exact.
      assert.ok(got === want || got === `${want}\n`, `${c.name}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
    }
    assert.is(run(), 0);
    // A file changed since the sweep is refused, not edited blind.
    writeFileSync(join(dir, 'twice.conf'), '[a]\n    read only = no\n');
    const r = spawnSync('ansible-playbook', ['-i', 'localhost,', '-c', 'local', play], { encoding: 'utf8', env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(dir, 'tmp') } });
    assert.is.not(r.status, 0);
    assert.is(readFileSync(join(dir, 'twice.conf'), 'utf8'), '[a]\n    read only = no\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

fmt.run();
