import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SecretsEntry } from '../common/index.ts';
import type { Finding } from './finding.ts';
import { entryName, withSecretsEntries } from './secrets-entry-finding.ts';

const entry = (line: number, name: string): SecretsEntry => ({
  kind: 'user',
  name,
  line,
  length: 5,
  equals_name: name === '********',
  weak: true,
  common: false,
  reused: false,
  dead: false,
  unmatchable: false,
  trailing_whitespace: false,
});

const finding = (path: string, line: number): Finding => ({ rule_id: 'RSYNC-032', title: 't', severity: 'high', context: null, message: 'm', target: 'rsyncd.conf', module: null, path, location: { file: 's', line, column: 1 } });

test('a shown name is its message form; a withheld one nothing (it is numbered in file order)', () => {
  assert.is(entryName(entry(1, 'joe')), 'user "joe"');
  assert.is(entryName(entry(1, '********')), null);
});

test('each finding on secrets[i].entries gets the entry at its line; others are left as they are', () => {
  const facts = { secrets: [{ entries: [entry(1, '********'), entry(2, 'bob')] }, { entries: [entry(1, 'ann')] }] } as unknown as Parameters<typeof withSecretsEntries>[1];
  const out = withSecretsEntries([finding('secrets[0].entries', 1), finding('secrets[0].entries', 2), finding('secrets[1].entries', 1), finding('secrets[0].mode', 1), finding('secrets[0].entries', 9)], facts);
  assert.equal(
    out.map((f) => f.entry),
    [undefined, 'user "bob"', 'user "ann"', undefined, undefined],
  );
});

test.run();
