/**
 * The 40 tricky cases of shared/reference/rsyncd.md §10, one test each, named after its row. They run
 * the parser and the access simulator in-process; the integration suite checks the access-related rows
 * against a real daemon as well.
 */
import { posix } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ConfigSource } from '../src/common/index.ts';
import { NO_INCLUDES } from '../src/common/index.ts';
import { buildFacts, simulateAccess, type AccessReport, type Resolution, type Version } from '../src/facts/index.ts';
import { parseRsyncdConf, parseSecrets, type RsyncdConfig } from '../src/parse/index.ts';

const V350: Version = [3, 5, 0];

function parse(text: string | Uint8Array, source: ConfigSource = NO_INCLUDES): RsyncdConfig {
  return parseRsyncdConf('rsyncd.conf', typeof text === 'string' ? Buffer.from(text, 'latin1') : text, source);
}

const hostsFile = (name: string): Resolution => (name === 'localhost' ? { kind: 'addrs', addrs: ['127.0.0.1'] } : { kind: 'unresolvable' });

function access(text: string, opts: { name?: string; user?: string; version?: Version; daemonUser?: 'root' | 'nonroot'; addr?: string } = {}): AccessReport {
  const client = { addr: opts.addr ?? '127.0.0.1', ...(opts.name === undefined ? { name: 'localhost' } : opts.name === '' ? {} : { name: opts.name }), ...(opts.user ? { user: opts.user } : {}) };
  return simulateAccess(parse(text), client, { daemonUser: opts.daemonUser ?? 'root', version: opts.version ?? V350, resolve: hostsFile });
}

function mod(report: AccessReport, name: string) {
  const m = report.modules.find((x) => x.name === name);
  assert.ok(m, `no module ${name}`);
  return m;
}

const param = (c: RsyncdConfig, module: string, name: string) => c.modules.find((m) => m.name === module)?.params[name]?.value;
const codes = (c: RsyncdConfig) => c.diagnostics.map((d) => d.code);

const rows = suite('rsyncd.md §10 tricky cases');

rows('#1 "list = no # hide" is a badly formed boolean: the module stays listed; "read only = no # x" stays read-only', () => {
  const c = parse('[m]\npath=/srv\nlist = no # hide\nread only = no # x\n');
  assert.is(param(c, 'm', 'list'), true);
  assert.is(param(c, 'm', 'read only'), true);
  assert.is(codes(c).filter((x) => x === 'comment-in-boolean').length, 2);
});

rows('#2 "use chroot = on" stays Unset; N o, FALSE and 0 are valid; y, n, 2, 00 and empty are not', () => {
  assert.is(param(parse('[m]\nuse chroot = on\n'), 'm', 'use chroot'), 'unset');
  for (const ok of ['N o', 'FALSE', '0']) assert.is(param(parse(`[m]\nuse chroot = ${ok}\n`), 'm', 'use chroot'), false, ok);
  for (const bad of ['y', 'n', '2', '00', '']) assert.is(param(parse(`[m]\nread only = ${bad}\n`), 'm', 'read only'), true, bad);
});

rows('#3 listener settings after an explicit [global] are invisible to the listener', () => {
  const c = parse('port = 18751\n[global]\nport = 18752\npid file = /x.pid\naddress = 10.0.0.5\n');
  assert.is(c.listener['port']?.value, 18751);
  assert.is(c.listener['pid file']?.value, null);
  assert.is(c.listener['address']?.value, null);
  assert.is(c.global['port']?.value, 18752);
});

rows('#4 a later [global] "hosts deny = *" denies an earlier module; a later "list = no" does not hide it', () => {
  const text = '[early]\npath=/e\n[global]\nhosts deny = *\nlist = no\n';
  const c = parse(text);
  assert.is(param(c, 'early', 'hosts deny'), '*');
  assert.is(c.modules[0]?.params['hosts deny']?.origin, 'global');
  assert.is(param(c, 'early', 'list'), true);
  assert.is(mod(access(text), 'early').read, 'access-denied');
});

rows('#5 the last duplicate wins, and an empty value clears an earlier one', () => {
  const text = '[m]\npath=/m\nhosts allow = 127.0.0.1\nhosts allow = 10.0.0.1\n[n]\npath=/n\nhosts deny = 127.0.0.1\nhosts deny =\n';
  assert.is(mod(access(text), 'm').host_allowed, false);
  assert.is(mod(access(text), 'n').host_allowed, true);
});

rows('#6 [Alpha] then [alpha] is one module named Alpha with comment x', () => {
  const c = parse('[Alpha]\npath=/a\n[alpha]\ncomment=x\n');
  assert.equal(
    c.modules.map((m) => m.name),
    ['Alpha'],
  );
  assert.is(param(c, 'Alpha', 'comment'), 'x');
});

rows('#7 "name = other" serves and lists the module as other', () => {
  const c = parse('[zeta]\npath=/z\nname = other\n');
  assert.equal(
    c.modules.map((m) => m.name),
    ['other'],
  );
});

rows('#8 ReadOnly is read only; read_only and postxfer exec are unknown', () => {
  const c = parse('[m]\nReadOnly = no\nread_only = yes\npostxfer exec = x\n');
  assert.is(param(c, 'm', 'read only'), false);
  assert.is(codes(c).filter((x) => x === 'unknown-parameter').length, 2);
});

rows('#9 quotes are kept and "# old" is part of the path', () => {
  const c = parse('[m]\ncomment = "q"\npath = /srv/x # old\n');
  assert.is(param(c, 'm', 'comment'), '"q"');
  assert.is(param(c, 'm', 'path'), '/srv/x # old');
  assert.ok(codes(c).includes('inline-comment'));
});

rows('#10 a continued value keeps the spaces before "\\" and the next line\'s indentation', () => {
  assert.is(param(parse('[m]\ncomment = a   \\\n   b\n'), 'm', 'comment'), 'a      b');
});

rows('#11 text after "]" is discarded, so "[m] path = /srv" has no path', () => {
  const text = '[m] path = /srv\n';
  assert.is(param(parse(text), 'm', 'path'), null);
  assert.is(mod(access(text), 'm').read, 'no-path');
});

rows('#12 a BOM makes the first header a badly formed line: its path becomes a global default, only n exists', () => {
  const c = parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[m]\npath=/srv\n[n]\n')]));
  assert.equal(
    c.modules.map((m) => m.name),
    ['n'],
  );
  assert.is(param(c, 'n', 'path'), '/srv');
  assert.ok(codes(c).includes('utf8-bom'));
});

rows('#12 a BOM before a parameter makes its name unknown: "<BOM>auth users = alice" is ignored, the module stays anonymous', () => {
  const text = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('auth users = alice\nsecrets file = /etc/s\n[up]\npath=/srv\nread only = no\n')]);
  const c = parse(text);
  assert.is(param(c, 'up', 'auth users'), null);
  assert.is(param(c, 'up', 'secrets file'), '/etc/s');
  assert.ok(codes(c).includes('unknown-parameter'));
  const bom = c.diagnostics.find((d) => d.code === 'utf8-bom');
  assert.match(bom?.message ?? '', /Unknown Parameter encountered/);
  assert.not.match(bom?.message ?? '', /header/);
  const up = simulateAccess(c, { addr: '127.0.0.1', name: 'localhost' }, { daemonUser: 'root', version: V350, resolve: hostsFile }).modules.find((m) => m.name === 'up');
  assert.is(up?.write, 'ok');
  // The header case says the header is lost.
  const header = parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[m]\npath=/srv\n[n]\n')]));
  assert.match(header.diagnostics.find((d) => d.code === 'utf8-bom')?.message ?? '', /Ignoring badly formed line.*no header for rsync/);
});

rows('#13 a NUL at the start of a line ends the file', () => {
  const c = parse('[a]\npath=/a\n\0hosts deny = *\n[c]\npath=/c\n');
  assert.equal(
    c.modules.map((m) => m.name),
    ['a'],
  );
  assert.is(param(c, 'a', 'hosts deny'), null);
});

rows('#14 a bad header after the first "[" fails every connection; "&bogus" or "= v" before it stops the daemon', () => {
  for (const bad of ['[bad/name]', '[]', '[x', '= v']) {
    const c = parse(`[ok]\npath=/a\n${bad}\n`);
    assert.is(c.starts, true, bad);
    assert.is(c.serves, false, bad);
  }
  for (const bad of ['&bogus x', '= v']) assert.is(parse(`${bad}\n[ok]\npath=/a\n`).starts, false, bad);
});

const tree: Record<string, string[] | string> = {
  '/d': ['.h.conf', 'Z.conf', 'a.conf', 'b.inc'],
  '/d/.h.conf': '[h]\npath=/h\n',
  '/d/Z.conf': '[z]\npath=/z\n',
  '/d/a.conf': '[a]\npath=/a\n',
  '/d/b.inc': '[b]\npath=/b\n',
  '/d/x.conf': '[inc]\npath = /i\n',
  '/motd.conf': 'motd file = /m\n',
};
const treeSource: ConfigSource = {
  resolve: (name, from) => {
    const target = posix.isAbsolute(name) ? name : posix.join(posix.dirname(from), name);
    const entry = tree[target];
    if (Array.isArray(entry)) return { kind: 'dir', path: target, entries: entry };
    if (typeof entry === 'string') return { kind: 'file', path: target, bytes: Buffer.from(entry) };
    return { kind: 'missing', path: target, reason: 'no such file or directory' };
  },
};

rows('#15 after an &include the parser is in global context: "read only = no" there reaches m2, not m1', () => {
  const c = parse('[m1]\npath=/a\n&include /d/x.conf\nread only = no\ncomment = c\n[m2]\npath=/b\n', treeSource);
  assert.is(param(c, 'm1', 'read only'), true);
  assert.is(param(c, 'm2', 'read only'), false);
  // A string is not frozen: m1 and the included module fall back to the final global, as a live 3.5.0
  // daemon lists them (the reference's "not m1" holds for frozen types only).
  assert.equal(
    c.modules.map((m) => m.params['comment']?.value),
    ['c', 'c', 'c'],
  );
});

rows('#16 a directory include reads .h.conf, Z.conf, a.conf in byte order; b.inc only via &merge', () => {
  assert.equal(
    parse('&include /d\n', treeSource).modules.map((m) => m.name),
    ['h', 'z', 'a'],
  );
  assert.equal(
    parse('&merge /d\n', treeSource).modules.map((m) => m.name),
    ['b'],
  );
});

rows('#17 "motd file" set inside an &include is reverted; via &merge it takes effect', () => {
  assert.is(parse('&include /motd.conf\n', treeSource).global['motd file']?.value, null);
  assert.is(parse('&merge /motd.conf\n', treeSource).global['motd file']?.value, '/m');
});

rows('#18 "%%" is no escape and %VAR% stays unexpanded, but flagged', () => {
  const c = parse('[m]\ncomment = 100%% %HOME% %lower%\n');
  assert.is(param(c, 'm', 'comment'), '100%% %HOME% %lower%');
  const note = c.diagnostics.find((d) => d.code === 'percent-var');
  assert.ok(note?.message.includes('%HOME%') && !note.message.includes('%lower%'));
});

rows('#19 allow 10.0.0.0/8 + deny 192.168.0.0/16 admits 127.0.0.1, which is in neither', () => {
  assert.is(mod(access('[m]\npath=/m\nhosts allow = 10.0.0.0/8\nhosts deny = 192.168.0.0/16\n'), 'm').host_allowed, true);
});

rows('#20 "127.0.0.*" does not match 127.0.0.1 whose PTR is localhost', () => {
  assert.is(mod(access('[m]\npath=/m\nhosts allow = 127.0.0.*\n'), 'm').host_allowed, false);
});

rows('#21 /0 matches all, /33 and /-1 are malformed, a dotted mask applies bit by bit, 0177.0.0.1 is 127.0.0.1', () => {
  const allowed = (token: string) => mod(access(`[m]\npath=/m\nhosts allow = ${token}\n`), 'm').host_allowed;
  assert.is(allowed('10.1.1.1/0'), true);
  assert.is(allowed('127.0.0.1/33'), false);
  assert.is(allowed('127.0.0.1/-1'), false);
  assert.is(allowed('127.9.0.1/255.0.255.255'), true);
  assert.is(allowed('0177.0.0.1'), true);
});

rows('#22 with "reverse lookup = no", "hosts allow = UNDETERMINED" admits everyone; UNKNOWN matches clients without a PTR', () => {
  assert.is(mod(access('reverse lookup = no\n[m]\npath=/m\nhosts allow = UNDETERMINED\n', { addr: '198.51.100.9', name: '' }), 'm').host_allowed, true);
  assert.is(mod(access('[m]\npath=/m\nhosts allow = UNKNOWN\n', { addr: '198.51.100.9', name: '' }), 'm').host_allowed, true);
});

rows('#23 "hosts deny = ALL" denies everyone in 3.5.0 (fail closed) and no one before', () => {
  const text = '[m]\npath=/m\nhosts deny = ALL\n';
  assert.is(mod(access(text), 'm').host_allowed, false);
  assert.is(mod(access(text, { version: [3, 4, 1] }), 'm').host_allowed, true);
});

rows('#24 "::ffff:127.0.0.1" and "::1" never match an IPv4 client', () => {
  for (const token of ['::ffff:127.0.0.1', '::1']) assert.is(mod(access(`[m]\npath=/m\nhosts allow = ${token}\n`), 'm').host_allowed, false, token);
});

rows('#25 "joe :deny" admits joe; ", joe :deny" has the pattern "joe " that matches no one', () => {
  assert.is(mod(access('[m]\npath=/m\nauth users = joe :deny\nsecrets file = /s\n', { user: 'joe' }), 'm').user?.result, 'password');
  assert.is(mod(access('[m]\npath=/m\nauth users = , joe :deny\nsecrets file = /s\n', { user: 'joe' }), 'm').user?.result, 'no-matching-rule');
});

rows('#26 ":dog" denies, ":rwx" is rw, ":readwrite" is no override', () => {
  const user = (opt: string) => mod(access(`[m]\npath=/m\nauth users = joe:${opt}\nsecrets file = /s\n`, { user: 'joe' }), 'm').user;
  assert.is(user('dog')?.result, 'denied-by-rule');
  assert.is(user('rwx')?.write, true);
  assert.is(user('readwrite')?.write, false, 'read only stays the default yes');
});

rows('#27 "auth users = joe:deny" denies everyone: others have no matching rule', () => {
  const text = '[m]\npath=/m\nauth users = joe:deny\nsecrets file = /s\n';
  assert.is(mod(access(text, { user: 'joe' }), 'm').user?.result, 'denied-by-rule');
  assert.is(mod(access(text, { user: 'ann' }), 'm').user?.result, 'no-matching-rule');
});

rows('#28 the first line for a name decides, leading whitespace never matches, trailing spaces are kept', () => {
  const { entries } = parseSecrets(Buffer.from('joe:pw1\njoe:pw2\n bob:x\nann:x   \n'), 'rsyncd.secrets');
  assert.equal(
    entries.map((e) => [e.name, e.dead, e.unmatchable, e.trailing_whitespace, e.length]),
    [
      ['joe', false, false, false, 3],
      ['joe', true, false, false, 3],
      [' bob', false, true, false, 1],
      ['ann', false, false, true, 4],
    ],
  );
});

rows('#29 strict modes rejects 0644 and 0602, accepts 0640 and 0601, and wants root as owner under a root daemon', () => {
  const c = parse('[m]\npath=/m\nauth users = joe\nsecrets file = /s\n');
  const facts = (mode: number, uid = 0) => buildFacts({ target: { kind: 'file', id: 'x', display: 'x' }, daemonUser: 'root', rsyncVersion: V350, today: '2026-11-25', config: c, secrets: [{ path: '/s', stat: { mode, uid, gid: 0 } }] }).secrets[0];
  assert.equal(
    [0o644, 0o602, 0o640, 0o601].map((m) => facts(m)?.other_accessible),
    [true, true, false, false],
  );
  assert.is(facts(0o600, 65534)?.owner_is_root, false);
});

rows('#30 "auth users" without a secrets file: every login fails', () => {
  const m = mod(access('[m]\npath=/m\nauth users = joe\n', { user: 'joe' }), 'm');
  assert.is(m.user?.result, 'no-secrets-file');
  assert.is(m.user?.read, false);
});

rows('#31 max connections: abc is unlimited, -1 always refuses, 5 on a non-root daemon cannot open the default lock file', () => {
  const text = '[a]\npath=/a\nmax connections = abc\n[b]\npath=/b\nmax connections = -1\n[c]\npath=/c\nmax connections = 5\n';
  assert.is(param(parse(text), 'a', 'max connections'), 0);
  const r = access(text, { daemonUser: 'nonroot' });
  // claim_connection opens the lock file for any limit but 0: on a non-root daemon -1 fails there first (real daemon).
  assert.equal([mod(r, 'a').read, mod(r, 'b').read, mod(r, 'c').read], ['ok', 'lock-file', 'lock-file']);
  assert.is(mod(access(text, {}), 'b').read, 'max-connections');
});

rows('#32 two modules with "max connections = 1" share the default lock file', () => {
  const c = parse('[a]\npath=/a\nmax connections = 1\n[b]\npath=/b\nmax connections = 1\n');
  assert.is(param(c, 'a', 'lock file'), '/var/run/rsyncd.lock');
  assert.is(param(c, 'a', 'lock file'), param(c, 'b', 'lock file'));
});

rows('#33 "refuse options = delete,compress" is one token, kept verbatim for the policies to judge', () => {
  assert.is(param(parse('[m]\nrefuse options = delete,compress\n'), 'm', 'refuse options'), 'delete,compress');
});

rows('#34 a global "hosts deny = *" still lists the module', () => {
  const m = mod(access('hosts deny = *\n[m]\npath=/m\ncomment=c\n'), 'm');
  assert.is(m.listed, true);
  assert.is(m.read, 'access-denied');
});

rows('#35 "list = no" hides an auth module from the listing, but a request still gets "auth failed"', () => {
  const m = mod(access('[h]\npath=/h\nlist = no\nauth users = joe\n'), 'h');
  assert.is(m.listed, false);
  assert.is(m.read, 'auth-failed');
});

rows('#36 "use chroot = no" leaves "munge symlinks" unset, which rsync turns on without a chroot', () => {
  const c = parse('[m]\npath=/m\nuse chroot = no\n');
  assert.is(param(c, 'm', 'use chroot'), false);
  assert.is(param(c, 'm', 'munge symlinks'), 'unset');
});

rows('#37 "daemon uid" dropping root silently disables the module chroot instead of failing', () => {
  const m = mod(access('daemon chroot = /jail\ndaemon uid = 65534\n[m]\npath = /data\n'), 'm');
  assert.is(m.read, 'ok');
  assert.is(mod(access('daemon uid = 65534\n[m]\npath = /data\nuse chroot = yes\n'), 'm').read, 'chroot-failed');
});

rows('#38 non-root daemon: "use chroot = yes" fails, unset falls back, "uid = root" fails setuid', () => {
  const r = access('[a]\npath=/a\nuse chroot = yes\n[b]\npath=/b\n[c]\npath=/c\nuid = root\n', { daemonUser: 'nonroot' });
  assert.equal([mod(r, 'a').read, mod(r, 'b').read, mod(r, 'c').read], ['chroot-failed', 'ok', 'setuid-failed']);
});

rows('#39 "path = /srv/%RSYNC_USER_NAME%" is flagged: rsync expands it unsanitised', () => {
  const c = parse('[m]\npath = /srv/%RSYNC_USER_NAME%\n');
  assert.is(param(c, 'm', 'path'), '/srv/%RSYNC_USER_NAME%');
  assert.ok(c.diagnostics.some((d) => d.code === 'percent-var' && d.message.includes('RSYNC_USER_NAME')));
});

rows('#40 "auth digest" is a known 3.5.0 module parameter, kept as written', () => {
  const c = parse('[m]\nauth digest = sha512\n[n]\nauth digest = blake3\n');
  assert.is(param(c, 'm', 'auth digest'), 'sha512');
  assert.is(param(c, 'n', 'auth digest'), 'blake3');
  assert.not.ok(codes(c).includes('unknown-parameter'));
});

rows.run();
