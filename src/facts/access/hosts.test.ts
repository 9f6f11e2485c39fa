import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { allowAccess, tokenizeHostList, type HostRuleOptions, type Resolution } from './hosts.ts';

const none = (): Resolution => ({ kind: 'unresolvable' });
const opts: HostRuleOptions = { forwardLookup: true, resolve: none, version: [3, 5, 0] };
const peer = { addr: '192.0.2.10', host: 'UNKNOWN' };
const allowed = (allow?: string, deny?: string, p = peer, o = opts) => allowAccess(p, allow, deny, o).allowed;

const tokens = suite('tokenizeHostList');

tokens('lower-cases and splits on spaces, commas and tabs only', () => {
  assert.equal(tokenizeHostList('A,b\tC  d;e'), ['a', 'b', 'c', 'd;e']);
});

tokens.run();

const decide = suite('allowAccess');

decide('an empty list counts as unset', () => {
  assert.ok(allowed('', ''));
});

decide('short and octal IPv4 spellings are addresses, a trailing dot is not', () => {
  assert.ok(allowed('192.0.2.10'));
  assert.ok(allowed('0300.0.2.10'));
  assert.ok(allowed('192.0.522'), 'a.b.c: the last part fills two bytes');
  assert.not.ok(allowed('192.0.2.10.'));
});

decide('a prefix or mask ignores host bits; a malformed one matches nothing', () => {
  assert.ok(allowed('192.0.2.99/24'));
  assert.ok(allowed('192.0.9.10/255.255.0.255'));
  assert.not.ok(allowed('192.0.2.0/'));
  assert.not.ok(allowed('192.0.2.0/24x'));
  assert.not.ok(allowed('192.0.2.0/255.255.255.0x'));
});

decide('IPv6 tokens match IPv6 clients, with /N and "::" forms', () => {
  const v6 = { addr: '2001:db8::7', host: 'UNKNOWN' };
  assert.ok(allowed('2001:db8::/32', undefined, v6));
  assert.ok(allowed('::/0', undefined, v6));
  assert.not.ok(allowed('2001:db8::/32'), 'not an IPv4 client');
  assert.not.ok(allowed('2001:db8:::1', undefined, v6), 'three colons is not an address');
});

decide('a resolvable name admits the addresses it resolves to, only with forward lookup on', () => {
  const resolve = (n: string): Resolution => (n === 'backup.example.net' ? { kind: 'addrs', addrs: ['192.0.2.10'] } : { kind: 'unresolvable' });
  assert.ok(allowed('backup.example.net', undefined, peer, { ...opts, resolve }));
  assert.not.ok(allowed('backup.example.net', undefined, peer, { ...opts, resolve, forwardLookup: false }));
});

decide('an unknown lookup is not a match, and says what it assumed', () => {
  const d = allowAccess(peer, undefined, 'db.example.net', { ...opts, resolve: () => ({ kind: 'unknown' }) });
  assert.ok(d.allowed);
  assert.match(d.assumptions.join(' '), 'db.example.net');
});

decide('netgroups never match (and say so)', () => {
  const d = allowAccess(peer, '@ops', undefined, opts);
  assert.not.ok(d.allowed);
  assert.match(d.assumptions.join(' '), '@ops');
});

decide.run();
