import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { SecretsFacts } from '../types.ts';
import { checkSecret, type KnownSecrets, type SecretQuery } from './secrets-check.ts';

type Entry = SecretsFacts['entries'][number];

function entry(name: string, line: number, more: Partial<Entry> = {}): Entry {
  const group = name.startsWith('@');
  return { kind: group ? 'group' : 'user', name: group ? name.slice(1) : name, line, length: 18, equals_name: false, weak: false, common: false, reused: false, dead: false, unmatchable: false, trailing_whitespace: false, ...more };
}

function file(path: string, mode: number | null, entries: Entry[], uid: number | null = 0): SecretsFacts {
  return { path, file: `/root${path}`, exists: true, mode, uid, gid: 0, owner_is_root: uid === null ? null : uid === 0, other_accessible: mode === null ? null : (mode & 6) !== 0, referenced_by: ['m'], entries };
}

const missing: SecretsFacts = { path: '/etc/missing', file: null, exists: false, mode: null, uid: null, gid: null, owner_is_root: null, other_accessible: null, referenced_by: ['m'], entries: [] };
const known: KnownSecrets = {
  files: [file('/etc/s644', 0o644, [entry('joe', 1)]), file('/etc/s600', 0o600, [entry('bob', 1)]), file('/etc/ok', 0o600, [entry('joe', 1)]), file('/etc/nobody', 0o600, [entry('joe', 1)], 65534), missing],
};

const query = (path: string, more: Partial<SecretQuery> = {}): SecretQuery => ({ path, user: 'joe', group: null, strictModes: true, root: true, jail: '', ...more });
const refusal = (path: string, more: Partial<SecretQuery> = {}, k: KnownSecrets | undefined = known) => checkSecret(query(path, more), k).refusal;

const check = suite('checkSecret');

check('a secrets file others can read is ignored under strict modes ("must not be other-accessible")', () => {
  const r = checkSecret(query('/etc/s644'), known);
  assert.is(r.refusal, 'ignoring-secrets-file');
  assert.match(r.reason, 'must not be other-accessible');
  assert.is(refusal('/etc/s644', { strictModes: false }), null, 'strict modes = no skips the check');
});

check('only the other-read and other-write bits count: 0640 and 0601 pass, 0602 fails', () => {
  for (const [mode, expected] of [
    [0o640, null],
    [0o601, null],
    [0o602, 'ignoring-secrets-file'],
  ] as const) {
    assert.is(checkSecret(query('/etc/x'), { files: [file('/etc/x', mode, [entry('joe', 1)])] }).refusal, expected, mode.toString(8));
  }
});

check('a file that does not exist, or no "secrets file" at all, fails every login ("no secrets file")', () => {
  assert.is(refusal('/etc/missing'), 'no-secrets-file');
  assert.is(refusal(''), 'no-secrets-file');
});

check('a root daemon under strict modes wants the file owned by root; a daemon without root does not', () => {
  const r = checkSecret(query('/etc/nobody'), known);
  assert.is(r.refusal, 'ignoring-secrets-file');
  assert.match(r.reason, 'owned by root');
  assert.is(refusal('/etc/nobody', { root: false }), null);
  assert.is(refusal('/etc/nobody', { strictModes: false }), null);
});

check('no line for the user is "secret not found"; a line for the user admits the right password', () => {
  const r = checkSecret(query('/etc/s600'), known);
  assert.is(r.refusal, 'secret-not-found');
  assert.match(r.reason, '"joe:"');
  assert.equal(checkSecret(query('/etc/ok'), known), { refusal: null, reason: 'Line 1 of /etc/ok holds the password for joe.', assumptions: [] });
});

check('an "@group:" line counts only when an @group rule matched that group', () => {
  const k = { files: [file('/etc/g', 0o600, [entry('@staff', 1), entry('ann', 2)])] };
  assert.is(checkSecret(query('/etc/g'), k).refusal, 'secret-not-found');
  assert.is(checkSecret(query('/etc/g', { group: 'staff' }), k).refusal, null);
  assert.is(checkSecret(query('/etc/g', { group: 'wheel' }), k).refusal, 'secret-not-found');
  // A user line named like the group is no group line.
  assert.is(checkSecret(query('/etc/g', { user: 'staff' }), k).refusal, 'secret-not-found');
});

check('a file that was not read is an assumption, stated with the mode and owner strict modes want', () => {
  for (const k of [undefined, { files: [] }, { files: [{ ...missing, path: '/etc/s600', exists: null }] }]) {
    const r = checkSecret(query('/etc/s600'), k);
    assert.is(r.refusal, null);
    assert.is(r.assumptions.length, 1);
    assert.match(r.assumptions[0] ?? '', /\/etc\/s600 exists.*mode 0600.*owned by root.*password for joe/);
  }
  const nonroot = checkSecret(query('/etc/s600', { root: false, strictModes: true }), undefined);
  assert.not.match(nonroot.assumptions[0] ?? '', 'owned by root');
});

check('the facts of a path do not hold when the daemon opens another file: a jail, a relative path, a %VAR%', () => {
  const jailed = checkSecret(query('/etc/s600', { jail: '/jail' }), known);
  assert.is(jailed.refusal, null);
  assert.match(jailed.assumptions.join(' '), 'daemon chroot /jail');
  const relative = checkSecret(query('s600'), { files: [{ ...known.files[1], path: 's600' } as SecretsFacts] });
  assert.is(relative.refusal, null);
  assert.match(relative.assumptions.join(' '), 'relative path');
  assert.match(checkSecret(query('/etc/%RSYNC_MODULE_NAME%.secrets'), known).assumptions.join(' '), '%VAR%');
});

check('a mode or owner not read (a repository keeps only the mode) is an assumption', () => {
  const r = checkSecret(query('/etc/r'), { files: [file('/etc/r', 0o600, [entry('joe', 1)], null)] });
  assert.is(r.refusal, null);
  assert.match(r.assumptions.join(' '), 'owned by root (its owner was not read)');
  // A daemon that is not root must be able to open it: whose it is was not read, so that is assumed.
  assert.equal(checkSecret(query('/etc/r', { root: false }), { files: [file('/etc/r', 0o600, [entry('joe', 1)], null)] }).assumptions, ["The daemon's user can read /etc/r (owned by uid unknown, mode 0600)."]);
});

check('a daemon that is not root when it checks (daemon uid) cannot open a file of root\'s others cannot read: "no secrets file"', () => {
  const rootOwned = { files: [file('/etc/r', 0o600, [entry('joe', 1)], 0)] };
  const r = checkSecret(query('/etc/r', { root: false }), rootOwned);
  assert.is(r.refusal, 'no-secrets-file');
  assert.match(r.reason, 'cannot open it');
  // Readable by its group: depends on the daemon's groups, an assumption.
  const grouped = checkSecret(query('/etc/r', { root: false }), { files: [file('/etc/r', 0o640, [entry('joe', 1)], 0)] });
  assert.is(grouped.refusal, null);
  assert.match(grouped.assumptions.join(' '), 'in the group of /etc/r');
});

check("a line whose name is withheld may be the user's: an assumption, not a refusal", () => {
  const k = { files: [file('/etc/w', 0o600, [entry('********', 3, { equals_name: true })])] };
  const r = checkSecret(query('/etc/w'), k);
  assert.is(r.refusal, null);
  assert.match(r.assumptions.join(' '), 'Line 3 of /etc/w');
  // A withheld name that does not read like an account name cannot be "joe".
  assert.is(checkSecret(query('/etc/w'), { files: [file('/etc/w', 0o600, [entry('********', 3)])] }).refusal, 'secret-not-found');
});

check('a user name starting with "#" is refused once the file passes strict modes ("invalid username")', () => {
  assert.is(refusal('/etc/ok', { user: '#joe' }), 'invalid-username');
  assert.is(refusal('/etc/s644', { user: '#joe' }), 'ignoring-secrets-file', 'strict modes come first');
  assert.is(refusal('/etc/unknown', { user: '#joe' }, undefined), 'invalid-username');
});

check('a file the daemon cannot read is "no secrets file"; one only rsyncguard could not read is an assumption', () => {
  const files = [file('/etc/h', 0o600, [])];
  const daemon = { files, diagnostics: [{ code: 'secrets-not-read', message: 'The secrets file /etc/h was not read: the daemon (uid 65534) could not read it (permission denied).' }] };
  assert.is(checkSecret(query('/etc/h'), daemon).refusal, 'no-secrets-file');
  const collector = { files, diagnostics: [{ code: 'secrets-unreadable', message: 'The secrets file /etc/h could not be read: permission denied; its entries were not checked.' }] };
  const r = checkSecret(query('/etc/h'), collector);
  assert.is(r.refusal, null);
  assert.match(r.assumptions.join(' '), 'holds a password for joe');
});

check.run();
