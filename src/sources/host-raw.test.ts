import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readCollectorOutput } from './host-raw.ts';

const output = suite('readCollectorOutput');

output('output that is not JSON is named by its size and first bytes, made printable', () => {
  const r = readCollectorOutput('\u001b[2Jbash: rsync: command not found\n', 'web1');
  assert.not.ok(r.ok);
  if (r.ok) return;
  assert.is(r.error.where, 'web1');
  assert.match(r.error.message, 'the collector\'s output is not JSON (35 bytes, starts "?[2Jbash: rsync: command not found?")');
});

output('JSON that is not a host document says which fields are wrong', () => {
  const r = readCollectorOutput('{"schema":"other"}', 'web2');
  assert.not.ok(r.ok);
  if (r.ok) return;
  assert.match(r.error.message, "the collector's output is not a valid host document");
});

output.run();
