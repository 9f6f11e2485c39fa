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
      const line = stderr.split('\n').find((l) => l.startsWith('@ERROR'));
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
];

/** What simulateAccess says the client gets: its "@ERROR" line where the refusal has one. */
function predicted(reasons: string[], read: string, name: string): string {
  if (read === 'ok') return 'ok';
  if (read === 'auth-failed') return `@ERROR: auth failed on module ${name}`;
  if (read === 'max-connections') return '@ERROR: max connections (-1) reached -- try again later';
  const quoted = reasons.map((r) => /gets "(@ERROR: [^"]*)"/.exec(r)?.[1]).find((m) => m !== undefined);
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
  const daemon = await startDaemon(conf, join(base, 'rsyncd.log'));
  try {
    assert.is(daemon.exited, null, 'the daemon refused the configuration');
    const config = parseRsyncdConf(conf, readFileSync(conf), NO_INCLUDES);
    const opts = { daemonUser: 'root' as const, version: [3, 5, 0] as [number, number, number], resolve: () => ({ kind: 'unresolvable' as const }), names: HOST_NAMES };
    const sim = simulateAccess(config, { addr: '127.0.0.1', name: 'localhost' }, opts);
    const facts = buildFacts({ target: { kind: 'file', id: conf, display: conf }, daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-30', config, names: HOST_NAMES });
    // The listing checks none of this (§3.1 step 5): RSYNC-005 still speaks of what it shows.
    assert.equal(
      await listModules(daemon.port),
      MODULES.map((m) => m.name),
    );
    for (const m of MODULES) {
      const observed = await download(daemon.port, m.name);
      assert.is(observed, m.expect, `[${m.name}]: the real daemon`);
      const s = sim.modules.find((x) => x.name === m.name);
      assert.ok(s, `[${m.name}] simulated`);
      assert.is(predicted(s.reasons, s.read, m.name), observed, `[${m.name}]: simulateAccess`);
      const f = facts.config.modules.find((x) => x.name === m.name);
      assert.is(f?.effective.unusable.value, m.unusable, `[${m.name}]: effective.unusable`);
    }
  } finally {
    daemon.stop();
  }
});

real('a daemon without root resolves an explicit uid and gid too, before it tries to switch', async () => {
  if (!ROOT) return;
  const base = scratchDir('rg-unusable-nobody-');
  const logs = moduleDir(base, 'logs');
  const cases = [
    ['comment_uid', 'uid = 0 # the owner', '@ERROR: invalid uid 0 # the owner'],
    ['comment_gid', 'gid = 0 # the group', '@ERROR: invalid gid #'],
  ] as const;
  const conf = join(base, 'rsyncd.conf');
  writeFileSync(conf, `use chroot = no\n${cases.map(([n, line]) => `[${n}]\npath = ${moduleDir(base, n)}\n${line}`).join('\n')}\n`);
  const daemon = await startDaemon(conf, join(logs, 'rsyncd.log'), { asNobody: true });
  try {
    assert.is(daemon.exited, null, 'the daemon refused the configuration');
    const sim = simulateAccess(parseRsyncdConf(conf, readFileSync(conf), NO_INCLUDES), { addr: '127.0.0.1' }, { daemonUser: 'nonroot', version: [3, 5, 0], resolve: () => ({ kind: 'unresolvable' }) });
    for (const [name, , expect] of cases) {
      assert.is(await download(daemon.port, name), expect, `[${name}]: the real daemon`);
      const s = sim.modules.find((x) => x.name === name);
      assert.is(s ? predicted(s.reasons, s.read, name) : 'missing', expect, `[${name}]: simulateAccess`);
    }
  } finally {
    daemon.stop();
  }
});

real.run();
