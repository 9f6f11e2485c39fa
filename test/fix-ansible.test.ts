/**
 * The Ansible fix format on the awkward cases, applied by the real ansible-playbook on local files
 * (connection local): a line that occurs twice, CRLF, continuation lines, insertion at the end of a file
 * without a final newline, regex and Jinja characters, deletions, an insertion next to a line another fix
 * replaces (CRLF and LF). Each file must end byte for byte as applyEdits makes it, check mode must change
 * nothing, and a second run must change nothing. Hostile host documents (a `{{ lookup('pipe', …) }}` in a
 * config path or a host name, `..` in a path) must never run the command on the controller, not even in
 * check mode, and `--format ansible` is refused for repository paths.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  // An insertion right after a header whose next line another fix replaces (adv16b finding 2), CRLF and LF; in
  // the LF file the inserted line already occurs in another module, so lineinfile cannot be used.
  {
    name: 'adjacent-crlf',
    text: 'uid = nobody\r\n[m]\r\n  transfer logging = no\r\n  path = /srv/m\r\n',
    edits: [
      { file: '', start: 3, end: 2, lines: ['  list = no'] },
      { file: '', start: 3, end: 3, lines: ['  transfer logging = yes'] },
    ],
  },
  {
    name: 'adjacent-lf',
    text: '[a]\n  path = /a\n  list = no\n[m]\n  transfer logging = no\n  path = /srv/m\n',
    edits: [
      { file: '', start: 5, end: 4, lines: ['  list = no'] },
      { file: '', start: 5, end: 5, lines: ['  transfer logging = yes'] },
    ],
  },
  // An insertion right after a replaced line, and two replaced lines in a row.
  {
    name: 'after-replaced',
    text: '[m]\n  read only = no\n  path = /m\n  use chroot = no\n  strict modes = no\n',
    edits: [
      { file: '', start: 2, end: 2, lines: ['  read only = yes'] },
      { file: '', start: 3, end: 2, lines: ['  list = no'] },
      { file: '', start: 4, end: 4, lines: ['  use chroot = yes'] },
      { file: '', start: 5, end: 5, lines: [] },
    ],
  },
  // The end of a CRLF file without a final line end: the old last line gains its CRLF, the new one has none.
  { name: 'crlf-eof', text: '[a]\r\n    path = /a', edits: [{ file: '', start: 3, end: 2, lines: ['    hosts deny = *'] }] },
  // Characters YAML reads as line breaks or controls, kept byte for byte.
  { name: 'unicode', text: '[a]\n    comment = caf\u00e9 \u2028 \u0085 \u{1f600} # x\n    path = /a\n', edits: [{ file: '', start: 2, end: 2, lines: ['    # x', '    comment = caf\u00e9 \u2028 \u0085 \u{1f600}'] }] },
];

const fmt = suite('fix --format ansible, applied by ansible-playbook');

fmt('every case ends as applyEdits makes it, check mode changes nothing, a second run changes nothing', () => {
  if (!hasAnsible) return;
  const dir = mkdtempSync(join(tmpdir(), 'rg-fix-ansible-'));
  try {
    // A config whose path is a Jinja expression that runs a command if Ansible ever templates it.
    const hostile = `r{{ lookup('pipe','touch marker') }}`;
    const cases = [...CASES, { ...(CASES[0] as Case), name: hostile }];
    const fixes: TargetFixes[] = cases.map((c) => {
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
    // Host and group names that would run the command are refused by the renderer too (the runner refuses them first).
    const evilHost = `h{{ lookup('pipe','touch marker') }}`;
    const evilGroup = `g{{ lookup('pipe','touch marker') }}`;
    const extra = (target: string): TargetFixes => ({ ...(fixes[0] as TargetFixes), target });
    const hostOf = (t: string) => (t === 'evil-host' ? evilHost : 'localhost');
    const groupOf = (t: string) => (t === 'evil-group' ? evilGroup : 'all');
    const ctx = { report: { targets: [] }, hostOf, groupOf } as unknown as FixContext;
    const play = join(dir, 'play.yml');
    const text = FIX_FORMATS.ansible.render([...fixes, extra('evil-host'), extra('evil-group')], ctx);
    writeFileSync(play, text);
    // Every string from the document is !unsafe; the host is a variable, never part of the when: expression.
    for (const line of text.split('\n').filter((l) => l.includes('{{') && !l.trimStart().startsWith('#'))) assert.match(line, /^\s*(path|regexp|line|replace): !unsafe "/, line);
    assert.match(text, 'when: inventory_hostname == rsyncguard_host');
    assert.ok(/^[\x20-\x7e\n]*$/.test(text), 'only printable ASCII in the playbook');
    const run = (...extra: string[]) => {
      const r = spawnSync('ansible-playbook', ['-i', 'localhost,', '-c', 'local', play, ...extra], { cwd: dir, encoding: 'utf8', env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(dir, 'tmp') } });
      assert.is(r.status, 0, `${readFileSync(play, 'utf8')}\n${r.stdout.slice(-3000)}${r.stderr.slice(-1000)}`);
      return Number(/changed=(\d+)/.exec(r.stdout)?.[1] ?? -1);
    };
    assert.ok(run('--check', '--diff') > 0);
    assert.not.ok(existsSync(join(dir, 'marker')), 'check mode ran a command from the document');
    for (const c of cases) assert.is(readFileSync(join(dir, `${c.name}.conf`), 'utf8'), c.text, `${c.name}: check mode changed it`);
    assert.ok(run() > 0);
    for (const [i, c] of cases.entries()) {
      const got = readFileSync(join(dir, `${c.name}.conf`), 'utf8');
      const want = fixes[i]?.files[0]?.after ?? '';
      assert.is(got, want, `${c.name}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
    }
    assert.is(run(), 0);
    assert.not.ok(existsSync(join(dir, 'marker')), 'the playbook ran a command from the document');
    // A file changed since the sweep is refused, not edited blind.
    writeFileSync(join(dir, 'twice.conf'), '[a]\n    read only = no\n');
    const r = spawnSync('ansible-playbook', ['-i', 'localhost,', '-c', 'local', play], { encoding: 'utf8', env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(dir, 'tmp') } });
    assert.is.not(r.status, 0);
    assert.is(readFileSync(join(dir, 'twice.conf'), 'utf8'), '[a]\n    read only = no\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A collector document (rsyncguard/host-raw@1) for one config file, as a host would send it. */
function hostDoc(name: string, path: string, text: string): object {
  return {
    schema: 'rsyncguard/host-raw@1',
    collector_uid: 0,
    host: { name, os: 'test', kernel: 'test' },
    rsync: { version_line: 'rsync  version 3.5.0  protocol version 32', package: '' },
    processes: [{ pid: 100, uid: 0, gid: 0, cmdline: ['rsync', '--daemon', `--config=${path}`], config: path, root: '/', cwd: '/', exe: '/usr/bin/rsync', socket_inodes: [], trust: 'rsync' }],
    listeners: [],
    units: [],
    defaults: [],
    secrets: [],
    errors: [],
    files: [{ path, exists: true, dir: false, mode: '644', uid: 0, gid: 0, size: text.length, text }],
  };
}

const CONF = 'uid = nobody\ngid = nogroup\n[m]\n  transfer logging = no\n  path = /srv/m\n  auth users = bob\n  secrets file = /etc/s\n  hosts allow = 10.0.0.0/8\n  hosts deny = *\n';

fmt('hostile collected documents: refused (exit 2, located) or rendered !unsafe; no command runs on the controller, check mode or not', () => {
  if (!hasAnsible) return;
  const dir = mkdtempSync(join(tmpdir(), 'rg-fix-ansible-evil-'));
  try {
    const evilPath = join(dir, `r{{ lookup('pipe','touch marker') }}.conf`);
    const good = join(dir, 'good.conf');
    for (const f of [evilPath, good]) writeFileSync(f, CONF);
    const docs: [string, object][] = [
      ['good.json', hostDoc('good', good, CONF)],
      ['evilpath.json', hostDoc('evilpath', evilPath, CONF)],
      ['evilname.json', hostDoc(`n{{ lookup('pipe','touch marker') }}`, good, CONF)],
      ['dotdot.json', hostDoc('dotdot', `${dir}/../${dir.split('/').pop()}/good.conf`, CONF)],
      ['relative.json', hostDoc('relative', 'tmp/good.conf', CONF)],
    ];
    for (const [f, d] of docs) writeFileSync(join(dir, f), JSON.stringify(d));
    const play = join(dir, 'play.yml');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'fix', '--collected', '--format', 'ansible', '--output', play, ...docs.map(([f]) => join(dir, f))], { encoding: 'utf8' });
    assert.is(r.status, 2, r.stderr);
    assert.match(r.stderr, /evilname\.json: not fixed: host\.name "n\{\{ lookup/);
    assert.match(r.stderr, /dotdot\.json: not fixed: files\[0\]\.path ".*" has a `\.` or `\.\.` component/);
    assert.match(r.stderr, /relative\.json: not fixed: files\[0\]\.path "tmp\/good\.conf" is not absolute/);
    const text = readFileSync(play, 'utf8');
    // The other hosts are still fixed.
    assert.match(text, 'rsyncguard_host: !unsafe "good"');
    assert.match(text, 'rsyncguard_host: !unsafe "evilpath"');
    assert.not.match(text, /rsyncguard_host: .*(dotdot|relative|lookup)/);
    writeFileSync(join(dir, 'inv'), 'good ansible_connection=local\nevilpath ansible_connection=local\n');
    const run = (...extra: string[]) => {
      const p = spawnSync('ansible-playbook', ['-i', join(dir, 'inv'), play, ...extra], { cwd: dir, encoding: 'utf8', env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(dir, 'tmp') } });
      assert.is(p.status, 0, `${text}\n${p.stdout.slice(-3000)}${p.stderr.slice(-1000)}`);
      return p.stdout;
    };
    run('--check', '--diff');
    assert.not.ok(existsSync(join(dir, 'marker')), 'check mode ran a command from a collected document');
    assert.is(readFileSync(evilPath, 'utf8'), CONF);
    run();
    assert.not.ok(existsSync(join(dir, 'marker')), 'the playbook ran a command from a collected document');
    // Both hosts' fixes applied (list = no inserted after [m] next to the replaced transfer logging line).
    for (const f of [evilPath, good]) assert.match(readFileSync(f, 'utf8'), '[m]\n  list = no\n  transfer logging = yes\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

fmt('--format ansible on repository paths is refused (exit 2): it is for hosts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-fix-ansible-repo-'));
  try {
    mkdirSync(join(dir, 'etc'));
    writeFileSync(join(dir, 'etc', 'rsyncd.conf'), '[m]\n  path = /srv/m\n  read only = no\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'fix', dir, '--format', 'ansible'], { encoding: 'utf8' });
    assert.is(r.status, 2, r.stderr);
    assert.match(r.stderr, '--format ansible is for hosts: use --inventory or --collected');
    assert.is(r.stdout, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

fmt.run();
