import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../engine/index.ts';
import { anchorOf, fingerprints, identityOf } from './sarif-identity.ts';

const t = suite('sarif identity');

const finding = (over: Partial<Finding>): Finding => ({
  rule_id: 'RSYNC-060',
  title: 't',
  severity: 'low',
  context: null,
  message: 'm',
  target: 'rsyncd.conf',
  module: null,
  path: 'config.global.address',
  location: { file: 'rsyncd.conf', line: 1, column: 1 },
  ...over,
});
const facts = (address: object | null) => ({
  config: {
    global: { address: address ?? { value: null, file: null, line: null, column: null } },
    modules: [{ header: { file: 'other.conf', line: 2, column: 1 } }, { header: { file: 'rsyncd.conf', line: 9, column: 1 } }, { header: { file: 'rsyncd.conf', line: 5, column: 1 } }],
  },
});

t('a daemon-wide finding at line 1 is shown at its global parameter, else the first module header of its file', () => {
  assert.equal(anchorOf(finding({}), facts({ value: 'x', file: 'rsyncd.conf', line: 4, column: 3 })), { file: 'rsyncd.conf', line: 4, column: 3 });
  assert.equal(anchorOf(finding({}), facts(null)), { file: 'rsyncd.conf', line: 5, column: 1 });
  assert.equal(anchorOf(finding({}), { config: { global: {}, modules: [] } }), { file: 'rsyncd.conf', line: 1, column: 1 });
  // A finding the policy placed elsewhere, or about a module, stays where it is.
  assert.equal(anchorOf(finding({ location: { file: 'rsyncd.conf', line: 1, column: 12 } }), facts(null)), { file: 'rsyncd.conf', line: 1, column: 12 });
  assert.equal(anchorOf(finding({ module: 'm', path: 'config.modules[0].params.list' }), facts(null)).line, 1);
  assert.equal(anchorOf(finding({ location: null, target: 'host:873' }), null), { file: 'host_873', line: 1, column: 1 });
});

t('the identity names the module, not its index, and never the line', () => {
  const a = finding({ module: 'm', path: 'config.modules[0].params.list', location: { file: 'rsyncd.conf', line: 3, column: 1 } });
  const b = finding({ module: 'm', path: 'config.modules[4].params.list', location: { file: 'rsyncd.conf', line: 30, column: 5 } });
  assert.is(identityOf(a, 'rsyncd.conf'), identityOf(b, 'rsyncd.conf'));
  assert.is.not(identityOf(a, 'rsyncd.conf'), identityOf(finding({ module: 'n', path: 'config.modules[0].params.list' }), 'rsyncd.conf'));
});

t('findings with one identity are numbered in file order', () => {
  const e = (line: number) => finding({ rule_id: 'RSYNC-032', path: 'secrets[0].entries', location: { file: 's', line, column: 1 } });
  const [x, y] = [e(7), e(2)];
  const fp = fingerprints([x, y], () => 's');
  assert.match(fp.get(y) ?? '', /^[0-9a-f]{16}:1$/);
  assert.is(fp.get(x), (fp.get(y) ?? '').replace(/:1$/, ':2'));
});

t.run();
