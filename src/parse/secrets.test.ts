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

secrets('a withheld name carries a 4-hex tag of itself (stable, its own per name and kind); a shown name none', () => {
  const r = parse('carol:carol\ndave:dave\nAPI_TOKEN=Zq7canary:pw\n@carol:carol\nalice:longer-password-1\n');
  const tags = r.entries.map((e) => e.name_tag);
  assert.ok(
    tags.slice(0, 4).every((t) => t !== undefined && /^[0-9a-f]{4}$/.test(t)),
    String(tags),
  );
  assert.is(new Set(tags.slice(0, 4)).size, 4, 'carol, dave, the token and the group carol are told apart');
  assert.is(tags[4], undefined);
  assert.is(parse('x:y\ncarol:carol\n').entries[1]?.name_tag, tags[0], 'the same name, another line: the same tag');
  assert.not.match(JSON.stringify(r), /carol|dave|Zq7canary/);
});

secrets.run();
