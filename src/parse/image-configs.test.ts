import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { secretsNamedIn } from './image-configs.ts';

const named = suite('secretsNamedIn');

named('finds the secrets files of the global section and of every module, as rsync spells the parameter', () => {
  const conf = 'Secrets File = /etc/global.secrets\n[a]\n path = /srv/a\n S E C R E T S F I L E = /etc/a.pw\n[b]\n path = /srv/b\n secrets file = rel/b\n';
  assert.equal(secretsNamedIn('etc/rsyncd.conf', Buffer.from(conf)).sort(), ['/etc/a.pw', '/etc/global.secrets', 'rel/b']);
});

named("a file that names no secrets file (another program's .conf) names none", () => {
  assert.equal(secretsNamedIn('etc/nginx/nginx.conf', Buffer.from('server { listen 80; }\n')), []);
  assert.equal(secretsNamedIn('etc/rsyncd.conf', Buffer.from('[a]\n path = /srv\n# secrets file = /etc/x\n')), []);
});

named.run();
