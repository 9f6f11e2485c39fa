/**
 * `fix --write` on the login lines, end to end: the RSYNC-009 fix of `auth users` writes the file's own text
 * (never the facts' masked text), and the RSYNC-021 fix is held back while the secrets file is readable by
 * others (strict modes would then refuse every login).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from './support/fix-run.ts';

const TAIL = ['  secrets file = /etc/rsyncd.secrets', '  read only = yes', '  list = no', '  hosts allow = 10.0.0.0/8', '  hosts deny = *', ''];

function repo(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'rsyncguard-fix-auth-')));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const auth = suite('fix --write: auth users and strict modes');

auth('RSYNC-009 on auth users: the comment survives verbatim, no mask is written, a second run changes nothing', () => {
  // "owner:" is a user with an empty option to rsync: the facts used to mask every colon of this line.
  for (const line of ['  auth users = bob, carol:ro # owner: ops team, see https://wiki/x:y', '  auth users = bob, carol:ro # owner: ops team']) {
    const text = ['[m]', '  path = /x', line, ...TAIL].join('\n');
    const dir = repo({ 'rsyncd.conf': text });
    const r = cli(dir, ['fix', '--rules', 'RSYNC-009', '--write']);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const after = readFileSync(join(dir, 'rsyncd.conf'), 'utf8');
    assert.not.match(after, '********');
    // A suggestion (a `#` line) may quote the facts' masked words; the diff itself never carries a mask.
    assert.not.match(
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .join('\n'),
      '********',
    );
    // A user word after the comment (rsync reads "owner:" as a user today) is for a person to decide.
    assert.match(r.stdout, /rsync reads "owner:" as a user today/);
    // Fixed (the comment moved verbatim, the value as written) or, where a line could hold a password, untouched.
    const fixed = ['[m]', '  path = /x', `  ${line.slice(line.indexOf('#'))}`, '  auth users = bob, carol:ro', ...TAIL].join('\n');
    assert.ok(after === text || after === fixed, after);
    assert.is(cli(dir, ['fix', '--rules', 'RSYNC-009', '--write']).status, 0);
    assert.is(readFileSync(join(dir, 'rsyncd.conf'), 'utf8'), after);
  }
});

auth('RSYNC-021 with a committed secrets file (git mode 644): the line stays, the chmod where it is deployed is asked for', () => {
  const conf = ['[db]', '  path = /db', '  auth users = bob', '  secrets file = rsyncd.secrets', '  strict modes = no', '  read only = yes', '  list = no', '  hosts allow = 10.0.0.0/8', '  hosts deny = *', ''].join('\n');
  const dir = repo({ 'rsyncd.conf': conf, 'rsyncd.secrets': 'bob:x7Qp2vLm9sKd4fZt\n' });
  // The repository's mode is git's: a committed file is 644 whatever the checkout's mode.
  for (const args of [
    ['init', '-q'],
    ['add', '.'],
  ])
    assert.is(spawnSync('git', args, { cwd: dir }).status, 0);
  const r = cli(dir, ['fix', '--rules', 'RSYNC-021', '--write']);
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.is(readFileSync(join(dir, 'rsyncd.conf'), 'utf8'), conf);
  assert.match(r.stdout, /refuses every login to \[db\] while its secrets file is readable by others, and rsyncd\.secrets is committed with mode 644/);
  assert.match(r.stdout, /suggested: chmod 600 rsyncd\.secrets/);
  assert.not.match(r.stdout, 'x7Qp2vLm9sKd4fZt');
});

auth.run();
