import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { redactArgv, redactEnv, redactText, WITHHELD } from './image-redact.ts';

const env = suite('redactEnv');

env('withholds the value of every credential-like name, whatever its case or place in the name', () => {
  for (const name of ['RSYNC_PASSWORD', 'db_passwd', 'MYSQL_PWD', 'SMTP_PASS', 'app_secret', 'GitHubToken', 'AWS_ACCESS_KEY', 'X_CREDENTIALS', 'BASIC_AUTH']) {
    assert.equal(redactEnv(`${name}=v`), { name, value: null }, name);
  }
});

env('keeps harmless values and names that hold a path to the secret', () => {
  assert.equal(redactEnv('TZ=UTC'), { name: 'TZ', value: 'UTC' });
  assert.equal(redactEnv('RSYNC_PASSWORD_FILE=/run/secrets/rsync'), { name: 'RSYNC_PASSWORD_FILE', value: '/run/secrets/rsync' });
});

env('withholds URL userinfo in any other value', () => {
  assert.equal(redactEnv('MIRROR=rsync://bk:pw@host/mod'), { name: 'MIRROR', value: `rsync://${WITHHELD}@host/mod` });
  assert.equal(redactEnv('REPO=https://ghp_abc@github.com/o/r'), { name: 'REPO', value: `https://${WITHHELD}@github.com/o/r` });
});

const text = suite('redactText and redactArgv');

text('withholds assignments and options in a shell string, keeps a password file name', () => {
  assert.is(redactText('RSYNC_PASSWORD=s3 rsync --password=s4 --password-file=/run/pw rsync://u@h/m'), `RSYNC_PASSWORD=${WITHHELD} rsync --password=${WITHHELD} --password-file=/run/pw rsync://${WITHHELD}@h/m`);
  assert.is(redactText(`export API_TOKEN='a b'; run --token "x y" --verbose`), `export API_TOKEN=${WITHHELD}; run --token ${WITHHELD} --verbose`);
});

text('withholds the word after a bare credential option in an argv', () => {
  assert.equal(redactArgv(['app', '--token', 's', '--password-file', '/run/pw', '-v']), ['app', '--token', WITHHELD, '--password-file', '/run/pw', '-v']);
});

env('a *_FILE variable keeps a path, never a value that is no path (the secret itself)', () => {
  assert.equal(redactEnv('PASSWORD_FILE=/run/secrets/pw'), { name: 'PASSWORD_FILE', value: '/run/secrets/pw' });
  assert.equal(redactEnv('PASSWORD_FILE=Sup3rS3cretPW'), { name: 'PASSWORD_FILE', value: null });
  assert.is(redactText('rsync://u:p@ss@h/m'), `rsync://${WITHHELD}@h/m`);
});

env.run();
text.run();
