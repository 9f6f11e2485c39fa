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
t('a finding is shown where the policy placed it; one without a file at line 1 of its target', () => {
  assert.equal(anchorOf(finding({})), { file: 'rsyncd.conf', line: 1, column: 1 });
  assert.equal(anchorOf(finding({ location: { file: 'rsyncd.conf', line: 7, column: 12 } })), { file: 'rsyncd.conf', line: 7, column: 12 });
  assert.equal(anchorOf(finding({ location: null, target: 'host:873' })), { file: 'host_873', line: 1, column: 1 });
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

t('two CVEs at one line are two alerts, each stable; other findings keep their identity', () => {
  const at = { file: 'rsyncd.conf', line: 4, column: 1 };
  const a = finding({ rule_id: 'RSYNC-071', path: 'config.global.proxy_protocol', location: at, cves: ['CVE-2026-53791'] });
  const b = finding({ rule_id: 'RSYNC-071', path: 'config.global.proxy_protocol', location: at, cves: ['CVE-2026-70452'] });
  assert.is.not(identityOf(a, 'rsyncd.conf'), identityOf(b, 'rsyncd.conf'));
  const fp = fingerprints([a, b], () => 'rsyncd.conf');
  assert.match(fp.get(a) ?? '', /:1$/);
  assert.match(fp.get(b) ?? '', /:1$/);
  assert.is(fingerprints([b, a], () => 'rsyncd.conf').get(a), fp.get(a));
  // The order of a finding's CVEs is not part of what it is about.
  assert.is(identityOf(finding({ cves: ['CVE-2024-12085', 'CVE-2024-12084'] }), 'f'), identityOf(finding({ cves: ['CVE-2024-12084', 'CVE-2024-12085'] }), 'f'));
  assert.is(identityOf(finding({}), 'rsyncd.conf'), JSON.stringify(['v1', 'RSYNC-060', 'rsyncd.conf', 'rsyncd.conf', 'daemon', 'config.global.address']));
});

t('a version finding is the daemon’s: the module that reaches it first, and its facts path, are not its identity', () => {
  const at = (line: number) => ({ file: 'rsyncd.conf', line, column: 1 });
  const a = finding({ rule_id: 'RSYNC-071', module: 'a', path: 'config.modules[0].params.refuse options', location: at(3), cves: ['CVE-2024-12084'] });
  const b = finding({ rule_id: 'RSYNC-071', module: 'b', path: 'config.modules[1]', location: at(9), cves: ['CVE-2024-12084'] });
  const daemon = finding({ rule_id: 'RSYNC-071', module: null, path: 'rsync.version', location: at(1), cves: ['CVE-2024-12084'] });
  assert.is(identityOf(a, 'rsyncd.conf'), identityOf(b, 'rsyncd.conf'));
  // The same as a daemon-wide finding had before: RSYNC-070 and daemon-wide CVE alerts keep their prints.
  assert.is(identityOf(a, 'rsyncd.conf'), JSON.stringify(['v1', 'RSYNC-071', 'rsyncd.conf', 'rsyncd.conf', 'daemon', 'rsync.version', 'CVE-2024-12084']));
  assert.is(identityOf(daemon, 'rsyncd.conf'), identityOf(a, 'rsyncd.conf'));
  assert.is.not(identityOf(a, 'rsyncd.conf'), identityOf({ ...a, cves: ['CVE-2024-12085'] }, 'rsyncd.conf'));
  assert.is.not(identityOf(a, 'rsyncd.conf'), identityOf({ ...a, rule_id: 'RSYNC-072' }, 'rsyncd.conf'));
});

t('entries of one secrets file are told apart by the name their message shows, never by their order', () => {
  const e = (line: number, message: string) => finding({ rule_id: 'RSYNC-032', path: 'secrets[0].entries', location: { file: 's', line, column: 1 }, message });
  const joe = e(1, 's: the password of user "joe" is weak (3 characters).');
  const ann = e(2, 's: the password of user "ann" is weak (it is a commonly used password).');
  const bob = e(3, 's: the password of user "bob" is weak (5 characters).');
  const all = fingerprints([joe, ann, bob], () => 's');
  // joe fixed: ann and bob keep their prints (before, bob slid to ann's `:2`).
  const later = fingerprints(
    [
      { ...ann, location: { file: 's', line: 2, column: 1 } },
      { ...bob, location: { file: 's', line: 3, column: 1 } },
    ],
    () => 's',
  );
  assert.equal([...later.values()], [all.get(ann), all.get(bob)]);
  for (const p of all.values()) assert.match(p, /:1$/);
  // A group, and the weakness (it changes with the password) is not the identity.
  assert.is(identityOf(e(4, 's: the password of user "joe" is weak (it is a commonly used password).'), 's'), identityOf(joe, 's'));
  assert.is.not(identityOf(e(1, 's: group "joe" shares its password with another entry.'), 's'), identityOf(e(1, 's: user "joe" shares its password with another entry.'), 's'));
  // A withheld name (it may be the password) adds nothing: such entries keep the identity and numbering they had.
  const withheld = e(1, 's: the user on line 1 has its own name as password.');
  assert.is(identityOf(withheld, 's'), JSON.stringify(['v1', 'RSYNC-032', 'rsyncd.conf', 's', 'daemon', 'secrets[0].entries']));
  // Only a secrets entry's message is read: another finding that quotes a user keeps its identity.
  assert.is(identityOf(finding({ message: 'user "joe" is admitted' }), 'f'), identityOf(finding({}), 'f'));
});

t.run();
