/**
 * `access --user` and the secrets file, against a real rsync 3.5.0 daemon: check_secret refuses every
 * password when the file is missing, is other-accessible under strict modes, is not root's on a root
 * daemon, or holds no line for the user; `rsyncguard access` must say so, with rsync's own reason, when
 * --root lets it read the file. Reference: shared/reference/rsyncd.md §4, §10 cases 29 and 30.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loginAs, moduleDir, scratchDir, startDaemon } from './support/rsync-daemon.ts';

const ROOT = process.getuid?.() === 0;
const PASSWORD = 'longpassword123456';

interface UserReport {
  modules: { name: string; assumptions: string[]; user?: { result: string; read: boolean } }[];
}

const test = suite('access --user follows check_secret, as the real daemon does');

test('a missing, other-accessible, foreign-owned or userless secrets file refuses joe; rsyncguard says why', async () => {
  const base = scratchDir('rg-access-secrets-');
  const etc = join(base, 'etc');
  mkdirSync(etc);
  const put = (name: string, text: string, mode: number) => {
    writeFileSync(join(etc, name), text);
    chmodSync(join(etc, name), mode);
  };
  put('s644', `joe:${PASSWORD}\n`, 0o644);
  put('s600', `bob:${PASSWORD}\n`, 0o600);
  put('ok', `joe:${PASSWORD}\n`, 0o600);
  put('nobody', `joe:${PASSWORD}\n`, 0o600);
  // Strict modes on a root daemon want the file owned by root (only a root test can give it away).
  if (ROOT) chownSync(join(etc, 'nobody'), 65534, 65534);
  const srv = moduleDir(base, 'srv');
  const module = (name: string, secrets: string, extra: string[] = []) => [`[${name}]`, `path = ${srv}`, 'auth users = joe', `secrets file = ${join(etc, secrets)}`, ...extra].join('\n');
  const conf = join(base, 'rsyncd.conf');
  const modules = [module('a', 's644'), module('b', 'missing'), module('c', 's600'), module('ok', 'ok'), module('loose', 's644', ['strict modes = no']), ...(ROOT ? [module('foreign', 'nobody')] : [])];
  writeFileSync(conf, ['use chroot = no', ...modules, ''].join('\n'));

  const daemon = await startDaemon(conf, join(base, 'rsyncd.log'));
  const real = new Map<string, string>();
  try {
    assert.is(daemon.exited, null, 'the daemon refused the configuration');
    for (const name of ['a', 'b', 'c', 'ok', 'loose', ...(ROOT ? ['foreign'] : [])]) real.set(name, await loginAs(daemon.port, name, 'joe', PASSWORD));
  } finally {
    daemon.stop();
  }
  const log = readFileSync(join(base, 'rsyncd.log'), 'utf8');

  // The config names real paths, so --root / reads each file where the daemon opened it.
  const args = ['access', conf, '--root', '/', '--client', '127.0.0.1', '--user', 'joe', '--daemon-user', ROOT ? 'root' : 'nonroot', '--hosts-map', 'test/fixtures/hosts', '--format', 'json'];
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', timeout: 60_000 });
  assert.is(r.status, 0, r.stderr);
  const said = new Map((JSON.parse(r.stdout) as UserReport).modules.map((m) => [m.name, m]));
  const expected: Record<string, string> = { a: 'ignoring-secrets-file', b: 'no-secrets-file', c: 'secret-not-found', ok: 'password', loose: 'password', foreign: 'ignoring-secrets-file' };
  for (const [name, outcome] of real) {
    const m = said.get(name);
    assert.is(m?.user?.read, outcome === 'ok', `[${name}] rsync: ${outcome}; rsyncguard: ${m?.user?.result}`);
    assert.is(m?.user?.result, expected[name], `[${name}]`);
    assert.equal(m?.assumptions, [], `[${name}] the file was read: nothing is assumed`);
    // rsync's log names the same reason ("auth failed on module a from … for joe: ignoring secrets file").
    if (outcome !== 'ok') assert.match(log, new RegExp(`auth failed on module ${name} from .* for joe: ${expected[name]?.replace(/-/g, ' ')}`), `[${name}] the daemon's log`);
  }
  assert.is(real.get('ok'), 'ok', 'the control module admits joe');
  assert.match(real.get('a') ?? '', 'auth failed on module a');
});

test.run();
