import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { interner } from './intern.ts';

const intern = suite('interner');

intern('the first value of a key is returned for every later one', () => {
  const same = interner<{ v: number }>();
  const a = { v: 1 };
  assert.is(same('k', a), a);
  assert.is(same('k', { v: 1 }), a);
  assert.is.not(same('j', { v: 1 }), a);
});

intern('past its limit a new key is not kept: the value comes back as given', () => {
  const same = interner<{ v: number }>(2);
  same('a', { v: 1 });
  same('b', { v: 2 });
  const c = { v: 3 };
  assert.is(same('c', c), c);
  assert.is.not(same('c', { v: 3 }), c);
});

intern.run();
