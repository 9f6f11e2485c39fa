import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { describeAuthRules, maskIgnoredOptions, matchAuthUser, parseAuthUsers } from './auth-users.ts';

const mask = suite('maskIgnoredOptions');

mask('masks an option rsync ignores that could be a password, and only that option', () => {
  const m = maskIgnoredOptions(describeAuthRules('bob:Hunter2, carol:ro', [3, 5, 0]));
  assert.is(m.hide('bob:Hunter2, carol:ro # see https://wiki/x:y'), 'bob:********, carol:ro # see https://wiki/x:y');
  assert.equal(
    m.rules.map((r) => r.raw),
    ['bob:********', 'carol:ro'],
  );
});

mask('an empty option ("wiki:") hides nothing, so no colon of the text is masked', () => {
  const text = 'bob # wiki: https://intra/rsync';
  const rules = describeAuthRules(text, [3, 5, 0]);
  assert.ok(rules.some((r) => r.ignored_option === ''));
  const m = maskIgnoredOptions(rules);
  // "//intra/rsync" is an option rsync ignores (user "https"): masked where it follows its own colon, nowhere else.
  assert.is(m.hide(text), 'bob # wiki: https:********');
  assert.is(m.hide('bob: carol'), 'bob: carol');
  assert.equal(
    m.rules.map((r) => r.raw),
    ['bob', '#', 'wiki:', 'https:********'],
  );
});

mask.run();

const match = suite('matchAuthUser');

match('an @group rule names the first of the user\'s groups it matches: check_secret takes that "@group:" line', () => {
  const outcome = matchAuthUser(parseAuthUsers('ann, @st*:rw', [3, 5, 0]), 'joe', () => ['users', 'staff', 'stage']);
  assert.is(outcome.result, 'password');
  assert.is(outcome.group, 'staff');
  assert.is(matchAuthUser(parseAuthUsers('joe', [3, 5, 0]), 'joe', () => ['staff']).group, undefined);
});

match.run();
