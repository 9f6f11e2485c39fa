import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseSecrets } from './secrets.ts';

const parse = (text: string) => parseSecrets(Buffer.from(text), 'rsyncd.secrets');

const secrets = suite('parseSecrets');

secrets('derives weak, common, equals-name and reused facts, and keeps no password', () => {
  const r = parse('joe:joe\n@ops:Correct-Horse-Battery-9\nann:Correct-Horse-Battery-9\nbob:changeme\n');
  assert.equal(
    r.entries.map((e) => [e.kind, e.name, e.equals_name, e.common, e.weak, e.reused]),
    [
      ['user', '********', true, false, true, false],
      ['group', 'ops', false, false, false, true],
      ['user', 'ann', false, false, false, true],
      ['user', 'bob', false, true, true, false],
    ],
  );
  assert.not.match(JSON.stringify(r), 'Correct-Horse');
});

secrets('reads CRLF lines like rsync: the first CR ends the line', () => {
  const r = parse('joe:abcdefghijklmnop\r\n');
  assert.is(r.entries[0]?.length, 16);
  assert.is(r.entries[0]?.trailing_whitespace, false);
});

secrets('skips "#" lines and reports a line without a colon without showing it', () => {
  const r = parse('# comment\nHunter2-no-colon\n');
  assert.is(r.entries.length, 0);
  assert.is(r.diagnostics[0]?.code, 'secrets-line-without-colon');
  assert.is(r.diagnostics[0]?.at.line, 2);
  assert.not.match(JSON.stringify(r), 'Hunter2');
});

secrets("warns when a line exceeds fgets' 1024-byte buffer", () => {
  assert.is(parse(`joe:${'x'.repeat(1100)}\n`).diagnostics[0]?.code, 'secrets-line-too-long');
});

secrets('treats a password equal to its name in another case as equal to it', () => {
  assert.is(parse('Alice:alice\n').entries[0]?.equals_name, true);
});

secrets('withholds a name that does not read like an account name: it may be a secret itself', () => {
  const r = parse('API_TOKEN=Zq7canary:pw\nbad name:pw2\nalice.b@corp:pw3\n@ops:pw4\n');
  assert.equal(
    r.entries.map((e) => e.name),
    ['********', '********', 'alice.b@corp', 'ops'],
  );
  assert.not.match(JSON.stringify(r), 'Zq7canary');
});

secrets('a withheld name leaves nothing of itself: no tag, no hash, nothing but the mask', () => {
  const text = 'carol:carol\ndave:dave\nAPI_TOKEN=Zq7canary:pw\n@carol:carol\nalice:longer-password-1\n';
  const r = parse(text);
  assert.equal(
    r.entries.map((e) => e.name),
    ['********', '********', '********', '********', 'alice'],
  );
  for (const e of r.entries) assert.equal(Object.keys(e).sort(), ['common', 'dead', 'equals_name', 'kind', 'length', 'line', 'name', 'reused', 'trailing_whitespace', 'unmatchable', 'weak']);
  const out = JSON.stringify(r);
  assert.not.match(out, /carol|dave|Zq7canary/);
  // No part of a hash of the withheld names (with or without their kind) is anywhere in what the parser returns.
  for (const name of ['carol', 'dave', 'API_TOKEN=Zq7canary']) {
    for (const input of [name, `user:${name}`, `group:${name}`]) {
      for (const algo of ['sha256', 'sha1', 'md5']) assert.not.ok(out.includes(createHash(algo).update(input).digest('hex').slice(0, 4)), `${algo}(${input})`);
    }
  }
  // Equal as facts: two files that differ only in which weak password an entry has.
  assert.equal(parse('carol:carol\n').entries, parse('erin1:erin1\n').entries);
});

secrets.run();
