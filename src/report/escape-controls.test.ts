import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { escapeAllText, escapeControls, escapeJsonText } from './escape-controls.ts';

const controls = suite('escapeControls');

controls('shows C0 controls and DEL as \\xNN, so an ESC sequence cannot drive the terminal', () => {
  assert.is(escapeControls('a\u001b[2Jb\u0007c\u007f'), 'a\\x1b[2Jb\\x07c\\x7f');
  assert.is(escapeControls('tab\tnew\nline\rret'), 'tab\\x09new\\x0aline\\x0dret');
});

controls('escapes C1 controls (U+009B is CSI to some terminals) and bidirectional overrides', () => {
  assert.is(escapeControls('\u009b31m'), '\\x9b31m');
  assert.is(escapeControls('invoice\u202egnp.exe'), 'invoice\\u202egnp.exe');
  assert.is(escapeControls('a\u2028b\u2066c'), 'a\\u2028b\\u2066c');
});

controls('keeps printable Unicode as it is', () => {
  for (const s of ['données', '日本語', 'mirror 🪞', 'C:\\path\\x1b']) assert.is(escapeControls(s), s);
});

const all = suite('escapeAllText');

all('escapes every string of a nested value, but leaves facts and non-strings alone', () => {
  const value = { target: 'a\u001b', n: 3, ok: true, none: null, list: ['\u001b', { m: '\u202e' }], facts: { raw: '\u001b' } };
  assert.equal(escapeAllText(value), { target: 'a\\x1b', n: 3, ok: true, none: null, list: ['\\x1b', { m: '\\u202e' }], facts: { raw: '\u001b' } });
  assert.is(value.target, 'a\u001b', 'the input is not modified');
});

const json = suite('escapeJsonText');

json('writes what JSON.stringify leaves raw as \\u escapes: the same JSON value, nothing for a terminal', () => {
  const value = { name: 'a\u009b2J\u202eb\u007f\u2028c', plain: 'données 日本' };
  const text = escapeJsonText(JSON.stringify(value));
  assert.is(text, '{"name":"a\\u009b2J\\u202eb\\u007f\\u2028c","plain":"données 日本"}');
  assert.equal(JSON.parse(text), value);
});

controls.run();
json.run();
all.run();
