import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { classifyHostList } from './acl-tokens.ts';
import { describeAuthRules } from './auth-users.ts';

const acl = suite('classifyHostList');

acl('names each token by how access.c will treat it', () => {
  const kinds = classifyHostList('10.0.0.1 10.0.0.0/8 10.0.0.0/255.0.0.0 0.0.0.0/0 ::/0 1.2.3.4/0.0.0.0 *.example.com db.example.com @ops UNKNOWN 10.0.0.0/33 1.2.3.4.5 127.0.0.*');
  assert.equal(
    kinds.map((k) => k.kind),
    ['address', 'network', 'network', 'any-address', 'any-address', 'any-address', 'wildcard', 'hostname', 'netgroup', 'placeholder', 'malformed', 'malformed', 'wildcard'],
  );
});

acl('marks the tokens of a templated list as template, not host names', () => {
  const kinds = classifyHostList("{{ share.hosts | join(' ') }}").map((k) => k.kind);
  assert.equal([...new Set(kinds)], ['template']);
  assert.is(kinds.length, 6);
});

acl.run();

const rules = suite('describeAuthRules');

rules('marks a rule that an earlier catch-all or literal match shadows', () => {
  const r = describeAuthRules('*, joe:deny, @ops:rw', [3, 5, 0]);
  assert.equal(
    r.map((x) => x.shadowed_by),
    [null, '*', null],
  );
});

rules('keeps "joe :deny" as two rules: joe, and an empty pattern with a deny option', () => {
  const r = describeAuthRules('joe :deny', [3, 5, 0]);
  assert.equal(
    r.map((x) => [x.pattern, x.option, x.empty]),
    [
      ['joe', null, false],
      ['', 'deny', true],
    ],
  );
});

rules('reports an option rsync ignores', () => {
  assert.is(describeAuthRules('joe:readwrite', [3, 5, 0])[0]?.ignored_option, 'readwrite');
});

rules.run();
