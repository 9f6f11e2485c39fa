import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { refuseNameMatches, unknownRefuseNames } from './refuse-options.ts';

test('names rsync does not know refuse nothing', () => {
  assert.equal(unknownRefuseNames('delete blockdot compress tarpit'), ['blockdot', 'tarpit']);
});

test('short names, negation, a/archive and wildcards that match count as known', () => {
  assert.equal(unknownRefuseNames('z !copy-devices a archive delete-* *'), []);
  assert.ok(refuseNameMatches('log-file*'));
  assert.ok(refuseNameMatches('[xz]'));
});

test('a wildcard that matches no option is unknown; comma or tab tokens are left to RSYNC-010', () => {
  assert.equal(unknownRefuseNames('tarp*'), ['tarp*']);
  assert.equal(unknownRefuseNames('delete,compress'), []);
  assert.equal(unknownRefuseNames(null), []);
});

test.run();
