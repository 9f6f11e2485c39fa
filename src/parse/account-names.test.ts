import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { accountNames, filesOnly } from './account-names.ts';

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

const nss = suite('accountNames with /etc/nsswitch.conf');

nss('keeps the names when the database reads only the files (or compat), or has no line', () => {
  const passwd = 'root:x:0:0::/root:/bin/sh\n';
  assert.equal(accountNames(passwd, { text: 'passwd: files\ngroup: files ldap\n', database: 'passwd' }), ['root']);
  assert.equal(accountNames(passwd, { text: 'passwd:  compat [NOTFOUND=return] files # old\n', database: 'passwd' }), ['root']);
  assert.equal(accountNames(passwd, { text: 'hosts: files dns\n', database: 'passwd' }), ['root']);
});

nss('gives up when another source serves the database: its names are not in the file', () => {
  const group = 'root:x:0:\n';
  assert.is(accountNames(group, { text: 'passwd: files\ngroup: files sss\n', database: 'group' }), null);
  assert.is(accountNames(group, { text: 'group:\tfiles [SUCCESS=merge] systemd\n', database: 'group' }), null);
  assert.is(filesOnly('passwd: files ldap # directory\n', 'passwd'), false);
  assert.is(filesOnly('# passwd: ldap\npasswd: files\n', 'passwd'), true);
});

nss.run();
