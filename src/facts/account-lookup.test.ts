import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { expandVars, idParse, lookup, type NameDatabase } from './account-lookup.ts';

const ids = suite('idParse');

ids('reads every id a 32-bit uid_t holds', () => {
  assert.is(idParse('0'), 0);
  assert.is(idParse('00'), 0);
  assert.is(idParse('65534'), 65534);
  assert.is(idParse('4294967295'), 4294967295);
});

ids('rejects a number past uid_t where id_parse sees the wrap, as the daemon does ("Invalid ID number")', () => {
  assert.is(idParse('4294967296'), null);
  assert.is(idParse('99999999999'), null);
});

ids.run();

const vars = suite('expandVars');
const env = new Map<string, string | null>([
  ['MYUID', '65534'],
  ['TOKEN', null],
]);

vars('replaces %VAR% (upper-case first letter) from the environment and keeps other percents', () => {
  assert.is(expandVars('%MYUID%', env), '65534');
  assert.is(expandVars('x%MYUID%y', env), 'x65534y');
  assert.is(expandVars('50%', env), '50%');
  assert.is(expandVars('%lower%', env), '%lower%');
});

vars('is unknown for a variable the target does not fix: unset in the Env, withheld, per connection, or no Env at all', () => {
  assert.is(expandVars('%NOPE%', env), null);
  assert.is(expandVars('%TOKEN%', env), null);
  assert.is(expandVars('%RSYNC_USER_NAME%', env), null);
  assert.is(expandVars('%MYUID%', undefined), null);
});

vars.run();

const names = suite('lookup');
const image: NameDatabase = { users: new Set(['root', 'nobody']), groups: new Set(['root', 'nogroup']), source: "the image's", env };

names('judges the expanded value, and leaves a value it cannot expand unknown', () => {
  assert.equal(lookup('%MYUID%', 'uid', image.users, image), { kind: 'resolves', id: 65534, value: '65534' });
  assert.is(lookup('%NOPE%', 'uid', image.users, image).kind, 'unknown');
  assert.is(lookup('%MYUID%', 'uid', undefined, undefined).kind, 'unknown');
});

names('refuses negative and out-of-range ids everywhere, a database or not', () => {
  const neg = lookup('-1', 'uid', undefined, undefined);
  assert.is(neg.kind === 'refused' && neg.message, '@ERROR: invalid uid -1');
  const big = lookup('4294967296', 'gid', undefined, undefined);
  assert.is(big.kind === 'refused' && big.message, null);
  assert.match(big.kind === 'refused' ? big.why : '', 'Invalid ID number: 4294967296');
});

names('leaves a plain name unknown without a database, and checks it against one', () => {
  assert.is(lookup('backup', 'uid', undefined, undefined).kind, 'unknown');
  assert.is(lookup('backup', 'uid', image.users, image).kind, 'refused');
  assert.is(lookup('nobody', 'uid', image.users, image).kind, 'resolves');
});

names.run();
