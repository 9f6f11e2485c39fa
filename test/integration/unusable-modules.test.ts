/**
 * Modules rsync will not serve, against a real rsync 3.5.0 daemon on 127.0.0.1: for each, the client's
 * "@ERROR: …" line is the one simulateAccess predicts, and the facts document says the module is unusable.
 * The daemon's own /etc/passwd and /etc/group are the name database, as an image's would be.
 * Reference: shared/reference/rsyncd.md §3.1 (uid/gid and path are checked after the login), §3.6.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_INCLUDES } from '../../src/common/index.ts';
import { buildFacts, type NameDatabase, simulateAccess } from '../../src/facts/index.ts';
import { parseRsyncdConf } from '../../src/parse/index.ts';
import { listModules, moduleDir, scratchDir, startDaemon } from './support/rsync-daemon.ts';

const ROOT = process.getuid?.() === 0;

function names(file: string): Set<string> {
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.split(':')[0] ?? '')
      .filter((n) => n !== '' && !n.startsWith('#')),
  );
}

const HOST_NAMES: NameDatabase = { users: names('/etc/passwd'), groups: names('/etc/group'), source: "this host's" };

/** The first "@ERROR" line the client prints (the daemon's refusal), or "ok". */
function download(port: number, module: string): Promise<string> {
  return new Promise((done) => {
    const child = spawn('rsync', ['--no-motd', `rsync://prober@127.0.0.1:${port}/${module}/`], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, RSYNC_PASSWORD: 'not-the-password' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      // Without a greeting the client prints its own line: the daemon's child died before it could answer.
      const line = stderr.split('\n').find((l) => l.startsWith('@ERROR') || l.startsWith('rsync: didn'));
      done(code === 0 ? 'ok' : (line?.trimEnd() ?? `exit ${code}: ${stderr.trim()}`));
    });
  });
}

const MODULES: { name: string; lines: string[]; expect: string; unusable: boolean }[] = [
  { name: 'comment_uid', lines: ['uid = 0 # the owner'], expect: '@ERROR: invalid uid 0 # the owner', unusable: true },
  { name: 'comment_gid', lines: ['gid = 0 # the group'], expect: '@ERROR: invalid gid #', unusable: true },
  { name: 'unknown_user', lines: ['uid = rsyncguard-no-such-user'], expect: '@ERROR: invalid uid rsyncguard-no-such-user', unusable: true },
  { name: 'comma_gid', lines: ['gid = , no such group'], expect: '@ERROR: invalid gid no such group', unusable: true },
  { name: 'no_path', lines: [], expect: '@ERROR: no path setting.', unusable: true },
  { name: 'off', lines: ['max connections = -1'], expect: '@ERROR: max connections (-1) reached -- try again later', unusable: true },
  // The login comes first: a client without the password never learns the uid is broken.
  { name: 'login_first', lines: ['uid = 0 # the owner', 'auth users = joe', 'secrets file = /nonexistent'], expect: '@ERROR: auth failed on module login_first', unusable: true },
  { name: 'numeric', lines: ['uid = 0', 'gid = 0'], expect: 'ok', unusable: false },
  // Host refusals come before everything: `access` quotes these lines too (the host is rsync's verified name).
  { name: 'denied', lines: ['hosts deny = *'], expect: '@ERROR: access denied to denied from localhost (127.0.0.1)', unusable: false },
  { name: 'hidden', lines: ['hosts deny = *', 'list = no'], expect: "@ERROR: Unknown module 'hidden'", unusable: false },
  // Not all digits, so a name; and no database holds a name with a leading '-'.
  { name: 'negative', lines: ['uid = -1'], expect: '@ERROR: invalid uid -1', unusable: true },
  // id_parse takes (uid_t)-1, which setuid/setgid refuse; one past it the daemon's child dies.
  { name: 'max_uid', lines: ['uid = 4294967295'], expect: '@ERROR: setuid failed', unusable: true },
  { name: 'max_gid', lines: ['gid = 4294967295'], expect: '@ERROR: setgid failed', unusable: true },
  { name: 'past_uid_t', lines: ['uid = 4294967296'], expect: "rsync: didn't get server startup line", unusable: true },
  // %VAR% comes from the daemon's environment (expand_vars): set, it is the id; unset, the text stays.
  { name: 'env_uid', lines: ['uid = %RG_TEST_UID%'], expect: 'ok', unusable: false },
  { name: 'env_unset', lines: ['uid = %RG_TEST_UNSET%'], expect: '@ERROR: invalid uid %RG_TEST_UNSET%', unusable: false },
];

/** The daemon's environment, as an image's Env would give it: one variable set, the other left to run time. */
const DAEMON_ENV = new Map<string, string | null>([['RG_TEST_UID', '65534']]);

/** What simulateAccess says the client gets: its "@ERROR" line where the refusal has one. */
function predicted(reasons: string[], read: string): string {
  if (read === 'ok') return 'ok';
  const quoted = reasons.map((r) => /gets "((?:@ERROR: |rsync: )[^"]*)"/.exec(r)?.[1]).find((m) => m !== undefined);
  return quoted ?? read;
}

const real = suite('modules rsync will not serve, against rsync --daemon');

real('the client gets the error simulateAccess predicts, and the facts say unusable', async () => {
  if (!ROOT) {
    console.log('  skipped: the cases assume a root daemon (uid/gid switching)');
    return;
  }
  const base = scratchDir('rg-unusable-');
  const text = MODULES.map((m) => [`[${m.name}]`, ...(m.name === 'no_path' ? [] : [`path = ${moduleDir(base, m.name)}`]), ...m.lines].join('\n')).join('\n');
  const conf = join(base, 'rsyncd.conf');
  writeFileSync(conf, `use chroot = no\n${text}\n`);
  // The daemon inherits the test's environment: the one variable `env_uid` expands.
  process.env['RG_TEST_UID'] = '65534';
  const daemon = await startDaemon(conf, join(base, 'rsyncd.log'));
  delete process.env['RG_TEST_UID'];
  try {
    assert.is(daemon.exited, null, 'the daemon refused the configuration');
    const config = parseRsyncdConf(conf, readFileSync(conf), NO_INCLUDES);
    const names = { ...HOST_NAMES, env: DAEMON_ENV };
    const opts = { daemonUser: 'root' as const, version: [3, 5, 0] as [number, number, number], resolve: () => ({ kind: 'unresolvable' as const }), names };
    const sim = simulateAccess(config, { addr: '127.0.0.1', name: 'localhost' }, opts);
    const facts = buildFacts({ target: { kind: 'file', id: conf, display: conf }, daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-30', config, names });
    // The listing checks none of this (§3.1 step 5): RSYNC-005 still speaks of what it shows.
    assert.equal(
      await listModules(daemon.port),
      MODULES.filter((m) => m.name !== 'hidden').map((m) => m.name),
    );
    for (const m of MODULES) {
      const observed = await download(daemon.port, m.name);
      assert.is(observed, m.expect, `[${m.name}]: the real daemon`);
      const s = sim.modules.find((x) => x.name === m.name);
      assert.ok(s, `[${m.name}] simulated`);
      // A variable the environment does not set may be set at run time: never called unusable, but stated as a condition.
      if (m.name === 'env_unset') assert.match(s.assumptions.join(' '), "depends on the daemon's environment");
      else assert.is(predicted(s.reasons, s.read), observed, `[${m.name}]: simulateAccess`);
      const f = facts.config.modules.find((x) => x.name === m.name);
      assert.is(f?.effective.unusable.value, m.unusable, `[${m.name}]: effective.unusable`);
    }
  } finally {
    daemon.stop();
  }
});

real('a daemon without root resolves an explicit uid and gid, then cannot chroot, setgid or setuid to root', async () => {
  if (!ROOT) return;
  const base = scratchDir('rg-unusable-nobody-');
  const logs = moduleDir(base, 'logs');
  // [name, line, the client's line, effective.unusable]
  const cases = [
    ['comment_uid', 'uid = 0 # the owner', '@ERROR: invalid uid 0 # the owner', true],
    ['comment_gid', 'gid = 0 # the group', '@ERROR: invalid gid #', true],
    ['uid_root', 'uid = root', '@ERROR: setuid failed', true],
    ['uid_zero', 'uid = 00', '@ERROR: setuid failed', true],
    ['gid_root', 'gid = root', '@ERROR: setgid failed', true],
    ['chroot', 'use chroot = yes', '@ERROR: chroot failed', true],
    ['lock', 'max connections = 5', '@ERROR: failed to open lock file', true],
    // claim_connection opens the lock file before it compares the count, a negative limit too.
    ['off', 'max connections = -1', '@ERROR: failed to open lock file', true],
    // The daemon runs as nobody here, so it can "switch" to nobody; rsyncguard cannot know that, so it never calls it unusable.
    ['uid_nobody', 'uid = nobody', 'ok', false],
  ] as const;
  const conf = join(base, 'rsyncd.conf');
  writeFileSync(conf, `use chroot = no\n${cases.map(([n, line]) => `[${n}]\npath = ${moduleDir(base, n)}\n${line}`).join('\n')}\n`);
  const daemon = await startDaemon(conf, join(logs, 'rsyncd.log'), { asNobody: true });
  try {
    assert.is(daemon.exited, null, 'the daemon refused the configuration');
    const config = parseRsyncdConf(conf, readFileSync(conf), NO_INCLUDES);
    const sim = simulateAccess(config, { addr: '127.0.0.1' }, { daemonUser: 'nonroot', version: [3, 5, 0], resolve: () => ({ kind: 'unresolvable' }) });
    const facts = buildFacts({ target: { kind: 'file', id: conf, display: conf }, daemonUser: 'nonroot', rsyncVersion: [3, 5, 0], today: '2026-11-30', config });
    for (const [name, , expect, isUnusable] of cases) {
      assert.is(await download(daemon.port, name), expect, `[${name}]: the real daemon`);
      const s = sim.modules.find((x) => x.name === name);
      if (name !== 'uid_nobody') assert.is(s ? predicted(s.reasons, s.read) : 'missing', expect, `[${name}]: simulateAccess`);
      else assert.match(s?.reasons.join(' ') ?? '', 'unless it runs as that user itself');
      assert.is(facts.config.modules.find((x) => x.name === name)?.effective.unusable.value, isUnusable, `[${name}]: effective.unusable`);
    }
  } finally {
    daemon.stop();
  }
});

real.run();
