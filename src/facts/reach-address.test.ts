import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { classify, ipv4, unresolvable } from './reach-address.ts';
import { reachOf } from './reach.ts';

const forms = suite('ipv4: the spellings inet_aton (and so getaddrinfo) takes');

forms('short, octal, hex and single-number forms', () => {
  const cases: [string, number[] | null][] = [
    ['127.1', [127, 0, 0, 1]],
    ['0177.0.0.1', [127, 0, 0, 1]],
    ['2130706433', [127, 0, 0, 1]],
    ['0x7f.1', [127, 0, 0, 1]],
    ['10.1.258', [10, 1, 1, 2]],
    ['1.2.3.4', [1, 2, 3, 4]],
    ['256.1.1.1', null],
    ['1.2.3.4.5', null],
    ['08.1.1.1', null],
    ['1.2.3.', null],
    ['4294967296', null],
  ];
  for (const [text, bytes] of cases) assert.equal(ipv4(text), bytes, text);
});

const classes = suite('classify: address spellings the daemon binds');

classes('inet_aton forms of loopback are local, not host names', () => {
  for (const a of ['127.1', '0177.0.0.1', '2130706433']) assert.is(classify(a).value, 'local', a);
});

classes('a scoped IPv6 address is judged without its scope', () => {
  assert.equal(classify('fe80::1%lo'), { value: 'private', network: 'fe80::/10' });
  assert.is(classify('::1%lo').value, 'local');
});

classes('explicit wildcards are told apart from public addresses', () => {
  assert.is(classify('0.0.0.0').note, 'wildcard4');
  assert.is(classify('::').note, 'wildcard6');
  assert.is(classify('0').note, 'wildcard4');
  assert.is(classify('198.51.100.1').note, 'public');
});

classes('brackets are no part of an address getaddrinfo takes', () => {
  assert.is(classify('[::1]').note, 'name');
});

const never = suite('unresolvable');

never('whitespace, # and brackets can never resolve; names and numbers may', () => {
  for (const a of ['127.0.0.1 # loopback', '0.0.0.0 127.0.0.1', '127.0.0.1#x', '[::1]']) assert.ok(unresolvable(a), a);
  for (const a of ['127.0.0.1', 'rsync.example.com', 'fe80::1%eth0', '%ADDR%']) assert.is(unresolvable(a), null, a);
  // An escape sequence holds a "[": it is named for what it is, not as IPv6 brackets.
  assert.is(unresolvable('127.0.0.1\x1b[31m'), 'it holds control characters');
});

never('a template tag renders later: it is never judged unresolvable, whitespace and all', () => {
  for (const a of ['{{ swift_replication_address }}', '<%= @address %>', '${BIND_ADDRESS}', '{% if x %}0.0.0.0{% endif %}']) assert.is(unresolvable(a), null, a);
});

const wording = suite('reachOf: an explicit wildcard');

wording('binds every interface, and the reason says so', () => {
  const file = (address: string) => ({ listener: { address: { value: address } }, processes: [], listeners: [], units: [], image: null });
  const v4 = reachOf(file('0.0.0.0'));
  assert.is(v4.value, 'any');
  assert.ok(v4.every_interface);
  assert.match(v4.reason, /binds 0\.0\.0\.0 \(every IPv4 interface\)/);
  assert.not.match(v4.reason, / only /);
  assert.ok(reachOf(file('::')).every_interface);
  assert.match(reachOf(file('::')).reason, /every IPv6 interface/);
  assert.not.ok(reachOf(file('198.51.100.1')).every_interface);
  assert.not.ok(reachOf(file('127.0.0.1')).every_interface);
});

forms.run();
classes.run();
never.run();
wording.run();
