import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatLocation } from './location.ts';

const format = suite('formatLocation');

format('joins file, line and column with colons, as compilers do', () => {
  assert.is(formatLocation({ file: 'etc/rsyncd.conf', line: 12, column: 3 }), 'etc/rsyncd.conf:12:3');
});

format.run();
