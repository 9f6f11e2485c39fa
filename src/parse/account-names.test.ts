import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { accountNames } from './account-names.ts';

const names = suite('accountNames');

names('reads the name before the first colon of each entry', () => {
  assert.equal(accountNames('root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/sbin/nologin\n'), ['root', 'nobody']);
});

names('skips blank lines and comments, as the files backend does', () => {
  assert.equal(accountNames('# users\n\n  # indented\r\nbackup:x:34:\r\n'), ['backup']);
});

names('gives up on NIS compat lines: another service answers then', () => {
  assert.is(accountNames('root:x:0:0::/:/bin/sh\n+::::::\n'), null);
});

names.run();
