import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { moduleWritable, patternNeverMatches } from './writable.ts';

const v350: [number, number, number] = [3, 5, 0];
const secrets = { value: '/etc/rsyncd.secrets' };
const w = (p: Record<string, { value: string | boolean }>) => moduleWritable(p, v350).value;

const writable = suite('moduleWritable: a rule that can admit nobody grants nothing');

writable('a ":rw" rule whose pattern holds a space never matches (the comma trap keeps "joe :rw" whole)', () => {
  assert.is(w({ 'read only': { value: true }, 'auth users': { value: ', joe :rw' }, 'secrets file': secrets }), false);
  assert.is(w({ 'read only': { value: true }, 'auth users': { value: ', joe:rw' }, 'secrets file': secrets }), true);
  assert.is(patternNeverMatches('joe '), true);
  assert.is(patternNeverMatches('jo[ e]'), false);
});

writable('without a "secrets file" every login fails, so ":rw" and "read only = no" upload nothing', () => {
  assert.is(w({ 'read only': { value: true }, 'auth users': { value: 'mirror:rw' } }), false);
  assert.is(w({ 'read only': { value: false }, 'auth users': { value: 'mirror' } }), false);
});

writable('"read only = no" with only ":deny" or ":ro" rules admits no one who can upload', () => {
  assert.is(w({ 'read only': { value: false }, 'auth users': { value: 'joe:deny' }, 'secrets file': secrets }), false);
  assert.is(w({ 'read only': { value: false }, 'auth users': { value: 'joe:ro, @staff:deny' }, 'secrets file': secrets }), false);
  assert.is(w({ 'read only': { value: false }, 'auth users': { value: 'joe:deny, ann' }, 'secrets file': secrets }), true);
  assert.is(w({ 'read only': { value: false } }), true);
});

writable.run();
