/**
 * What stands before the colon of a secrets-file line is shown only when it reads like an account name: a
 * pasted environment (`API_TOKEN=…:x`) must not reach any report, and a password equal to its user name (in
 * any case) is described by its line, never printed.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertNoCanary, runAllFormats, tempTree } from './support/cli.ts';

const names = suite('names in a secrets file');

const CONFIG = '[m]\n    path = /srv/m\n    auth users = alice, Zq7Bob\n    secrets file = rsyncd.secrets\n';

names('a name that may be a secret is withheld in every format; the weak password is still found', () => {
  const dir = tempTree({ 'rsyncd.conf': CONFIG, 'rsyncd.secrets': 'API_TOKEN=Zq7canaryToken:pw\nalice:Long-enough-passphrase-2026\n' });
  const runs = runAllFormats(['scan', '.'], { cwd: dir });
  assertNoCanary(runs, 'Zq7canaryToken');
  const json = runs.get('json');
  assert.match(json?.stdout ?? '', 'the password of the user on line 1 is weak');
});

names('a password equal to its user name, in another case, is described and not printed', () => {
  const dir = tempTree({ 'rsyncd.conf': CONFIG.replace('alice, Zq7Bob', 'alice'), 'rsyncd.secrets': 'Zq7Bob:zq7bob\nalice:Long-enough-passphrase-2026\n' });
  const runs = runAllFormats(['scan', '.'], { cwd: dir });
  // The user name appears nowhere else (it is not in "auth users"), so it would be there only as the password.
  assertNoCanary(runs, 'zq7bob');
  assertNoCanary(runs, 'Zq7Bob');
  assert.match(runs.get('text')?.stdout ?? '', 'has its own name as password');
});

names.run();
