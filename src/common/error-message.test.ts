import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { describeJsonError, errorMessage } from './error-message.ts';

function systemError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, syscall: 'open', path: '/x' });
}

const message = suite('errorMessage');

message('says a Node system error in words, without the code or the call', () => {
  assert.is(errorMessage(systemError('ENOENT', "ENOENT: no such file or directory, open '/x'")), 'no such file or directory');
  assert.is(errorMessage(systemError('EACCES', "EACCES: permission denied, open '/x'")), 'permission denied');
  assert.is(errorMessage(systemError('EADDRINUSE', 'listen EADDRINUSE: address already in use 0.0.0.0:8443')), 'address already in use');
  assert.is(errorMessage(systemError('EISDIR', 'EISDIR: illegal operation on a directory, read')), 'it is a directory');
});

message('keeps the first line of any other error, and turns a thrown non-Error into text', () => {
  assert.is(errorMessage(new Error('bad thing\n  at somewhere')), 'bad thing');
  assert.is(errorMessage('a string'), 'a string');
  assert.is(errorMessage(42), '42');
  assert.is(errorMessage(Object.assign(new Error('odd'), { code: 'ESOMETHINGELSE' })), 'odd');
  assert.is(errorMessage(new AggregateError([systemError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5000')], '')), 'connection refused');
});

message.run();

const json = suite('describeJsonError');

json('says where the JSON broke, never what the input holds', () => {
  let thrown: unknown;
  try {
    JSON.parse('{"a": SECRET}');
  } catch (e) {
    thrown = e;
  }
  const said = describeJsonError(thrown);
  assert.match(said, /^it is not valid JSON/);
  assert.not.match(said, 'SECRET');
});

json.run();
