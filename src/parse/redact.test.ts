import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { redactLine, redactName, redactUnknownName } from './redact.ts';
import { parseRsyncdConf } from './rsyncd-config.ts';

const line = suite('redactLine');

line('keeps a "name:" prefix and masks the rest, as a secrets line would be', () => {
  assert.is(redactLine('alice:s3cret:with:colons'), '"alice:********"');
});

line('shows only the parameter name of a parameter line without "="', () => {
  assert.is(redactLine('read only no'), '"read only ********"');
  assert.is(redactLine('path /srv/x'), '"path ********"');
});

line('describes any other line by its length, never its text', () => {
  assert.is(redactLine('hunter2hunter2'), '(14 characters, not shown: a line without "=" may be a password)');
});

line('quotes a line that is one template tag', () => {
  assert.is(redactLine('  {% endfor %}'), '"{% endfor %}"');
});

line('a line of several template tags, or a tag holding a quoted literal, is not quoted as template syntax', () => {
  assert.is(redactLine('<% end %>alice:hunter2<% end %>'), '"<% end %>alice:********"');
  assert.is(redactLine('{% if x %}hunter2{% endif %}'), '(28 characters, not shown: a line without "=" may be a password)');
  assert.is(redactLine('{{ "hunter2" }}'), '(15 characters, not shown: a line without "=" may be a password)');
  assert.is(redactLine('<%= @user %>'), '"<%= @user %>"');
});

line.run();

const name = suite('redactName');

name('masks what follows a colon in a parameter name (a password holding "=")', () => {
  assert.is(redactName('carol:pa'), 'carol:********');
  assert.is(redactName('read_only'), 'read_only');
});

name.run();

const unknown = suite('redactUnknownName');

unknown('a name that is no rsync vocabulary is described by its length, never quoted', () => {
  assert.is(redactUnknownName('smtp_password Hunter4Pw; relay'), '(30 characters, not shown: not an rsync parameter name)');
  assert.is(redactUnknownName('export TOKEN Hunter5Pw X'), '(24 characters, not shown: not an rsync parameter name)');
  // A base64 password's padding is the "=": the rest of the line is the name.
  assert.is(redactUnknownName('bXlTM2NyZXRQYXNzd29yZA'), '(22 characters, not shown: not an rsync parameter name)');
  assert.is(redactUnknownName('correct horse battery'), '(21 characters, not shown: not an rsync parameter name)');
});

unknown('a misspelt parameter is shown so the user can find it', () => {
  assert.is(redactUnknownName('trasnfer logging'), 'trasnfer logging');
  assert.is(redactUnknownName('max conections'), 'max conections');
  assert.is(redactUnknownName('read_onyl'), 'read_onyl');
  assert.is(redactUnknownName('Tranfer Loging'), 'Tranfer Loging');
});

unknown.run();

const header = suite('an unclosed section header');

header('is located, never quoted: a merged secrets file may hold "[password"', () => {
  const config = parseRsyncdConf('/etc/rsyncd.conf', Buffer.from('[m]\npath = /srv\n[PW-BRACKET-9\n'), { resolve: (path) => ({ kind: 'missing', path, reason: 'no such file' }) });
  const d = config.diagnostics.find((x) => x.code === 'badly-formed-header');
  assert.ok(d, JSON.stringify(config.diagnostics));
  assert.is(d.at.line, 3);
  assert.not.match(JSON.stringify(config.diagnostics), 'PW-BRACKET');
});

header.run();
