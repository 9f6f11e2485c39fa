import { chmodSync, chownSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_INCLUDES } from '../../common/index.ts';
import { localSecrets, parseRsyncdConf } from '../../parse/index.ts';
import { buildFacts } from '../build-facts.ts';
import { offlineResolve } from './offline-resolve.ts';
import { type SimulationOptions, simulateAccess } from './simulate.ts';

const CONF = [
  '[a]',
  'path=/srv',
  'auth users = joe',
  'secrets file = /etc/s644',
  '[b]',
  'path=/srv',
  'auth users = joe',
  'secrets file = /etc/missing',
  '[c]',
  'path=/srv',
  'auth users = joe',
  'secrets file = /etc/s600',
  '[ok]',
  'path=/srv',
  'auth users = joe',
  'secrets file = /etc/ok',
  '[loose]',
  'path=/srv',
  'auth users = joe',
  'strict modes = no',
  'secrets file = /etc/s644',
  '',
].join('\n');

/** The daemon's filesystem under a --root: secrets files with the modes the case needs. */
function daemonRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'rg-sim-secrets-'));
  mkdirSync(join(root, 'etc'));
  const put = (name: string, text: string, mode: number) => {
    writeFileSync(join(root, 'etc', name), text);
    chmodSync(join(root, 'etc', name), mode);
  };
  put('s644', 'joe:longpassword123456\n', 0o644);
  put('s600', 'bob:longpassword123456\n', 0o600);
  put('ok', 'joe:longpassword123456\n', 0o600);
  put('g600', '@staff:longpassword123456\n', 0o600);
  return root;
}

/** `access CONFIG --root ROOT --user U`: the facts document's secrets, as the command hands them over. */
function simulate(text: string, user: string, root: string | undefined, more: Partial<SimulationOptions> = {}) {
  const path = join(root ?? tmpdir(), 'etc', 'rsyncd.conf');
  const config = parseRsyncdConf(path, Buffer.from(text), NO_INCLUDES);
  const facts = buildFacts({ target: { kind: 'file', id: path, display: path }, daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-12-02', config, secrets: localSecrets(config, path, root) });
  const opts: SimulationOptions = { daemonUser: 'root', version: [3, 5, 0], resolve: offlineResolve, secrets: { files: facts.secrets, diagnostics: facts.config.diagnostics }, ...more };
  return new Map(simulateAccess(config, { addr: '127.0.0.1', user }, opts).modules.map((m) => [m.name, m]));
}

const access = suite('simulateAccess: a login and the secrets file');

access('refuses a login rsync refuses: other-accessible file, no file, no line for the user', () => {
  const by = simulate(CONF, 'joe', daemonRoot());
  assert.equal(
    ['a', 'b', 'c', 'ok', 'loose'].map((n) => [n, by.get(n)?.user?.result, by.get(n)?.user?.read]),
    [
      ['a', 'ignoring-secrets-file', false],
      ['b', 'no-secrets-file', false],
      ['c', 'secret-not-found', false],
      ['ok', 'password', true],
      ['loose', 'password', true],
    ],
  );
  assert.match(by.get('a')?.user?.reason ?? '', 'must not be other-accessible');
  assert.equal(by.get('ok')?.assumptions, []);
});

access('a secrets file outside what was read is an assumption, never a silent admission', () => {
  const c = simulate(CONF, 'joe', undefined).get('c');
  assert.is(c?.user?.result, 'password');
  assert.match(c?.assumptions.join(' ') ?? '', /\/etc\/s600 exists.*mode 0600.*password for joe/);
});

access('an @group rule also takes the matched group\'s "@group:" line, and only then', () => {
  const text = '[g]\npath=/srv\nauth users = @st*\nsecrets file = /etc/g600\n';
  const root = daemonRoot();
  assert.is(simulate(text, 'joe', root, { groupsOf: () => ['users', 'staff'] }).get('g')?.user?.result, 'password');
  assert.is(simulate(text.replace('@st*', 'joe'), 'joe', root).get('g')?.user?.result, 'secret-not-found');
  // The user's groups not read: the @group rule is taken to match, and that is said, never a silent refusal.
  const unknown = simulate(text.replace('@st*', '@staff'), 'joe', root).get('g');
  assert.is(unknown?.user?.result, 'password');
  assert.match(unknown?.assumptions.join(' ') ?? '', 'joe is a user of the daemon\'s host in a group matching "@staff"');
});

access('a root daemon under strict modes refuses a secrets file not owned by root; one without root does not check', () => {
  const root = daemonRoot();
  const foreign = join(root, 'etc', 'foreign');
  writeFileSync(foreign, 'joe:longpassword123456\n', { mode: 0o600 });
  // A test without root owns the file itself, which is just as foreign to a root daemon.
  if (process.getuid?.() === 0) chownSync(foreign, 65534, 65534);
  const text = '[f]\npath=/srv\nauth users = joe\nsecrets file = /etc/foreign\n';
  const f = simulate(text, 'joe', root, { daemonUser: 'root' }).get('f');
  assert.is(f?.user?.result, 'ignoring-secrets-file');
  assert.match(f?.user?.reason ?? '', 'owned by root');
  assert.is(simulate(text, 'joe', root, { daemonUser: 'nonroot' }).get('f')?.user?.result, 'password');
  assert.is(simulate(text.replace('[f]', '[f]\nstrict modes = no'), 'joe', root, { daemonUser: 'root' }).get('f')?.user?.result, 'password');
});

access.run();
