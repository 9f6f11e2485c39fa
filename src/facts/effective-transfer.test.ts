import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { gidTokens, transferIdentity } from './effective-transfer.ts';
import { effectiveModule, versionOf } from './effective.ts';

const v350 = versionOf('3.5.0');
const p = (params: Record<string, string | null>) => Object.fromEntries(Object.entries(params).map(([k, value]) => [k, { value }]));
const uidRoot = (params: Record<string, string | null>, root = true, v = v350) => transferIdentity(p(params), root, v).transfer_uid_root.value;
const gidRoot = (params: Record<string, string | null>, root = true, v = v350) => transferIdentity(p(params), root, v).transfer_gid_root.value;

const uid = suite('transferIdentity: uid');

uid('unset or empty on a root daemon means nobody', () => {
  assert.not.ok(uidRoot({}));
  assert.not.ok(uidRoot({ uid: '' }));
  assert.not.ok(uidRoot({ uid: null }));
  assert.match(transferIdentity({}, true, v350).transfer_uid_root.reason, /nobody/);
});

uid('root and every all-digit zero are uid 0', () => {
  for (const v of ['root', '0', '00', '000']) assert.ok(uidRoot({ uid: v }), v);
});

uid('other numbers and names are other accounts; wheel is a group name, not a user', () => {
  for (const v of ['65534', '1000', 'rsync', 'wheel', '-0', '+0', 'Root']) assert.not.ok(uidRoot({ uid: v }), v);
  assert.match(transferIdentity(p({ uid: '0100' }), true, v350).transfer_uid_root.reason, /uid 100/);
});

uid('a daemon without root cannot switch, whatever the module says', () => {
  const t = transferIdentity(p({ uid: 'root', gid: '0' }), false, v350);
  assert.not.ok(t.transfer_uid_root.value);
  assert.not.ok(t.transfer_gid_root.value);
  assert.match(t.transfer_uid_root.reason, /no root privileges/);
});

uid.run();

const gid = suite('transferIdentity: gid');
const v310 = versionOf('3.1.0');
const v309 = versionOf('3.0.9');

gid('unset means the nobody group', () => {
  assert.not.ok(gidRoot({}));
  assert.not.ok(gidRoot({ gid: '' }));
});

gid('root, wheel and all-digit zero are group 0, anywhere in the list', () => {
  for (const v of ['root', 'wheel', '0', '00', 'rsync root', 'rsync,0', 'rsync\twheel', ', rsync , root']) assert.ok(gidRoot({ gid: v }), v);
  for (const v of ['rsync', 'nogroup', '65534', 'rsync, staff', 'rootish']) assert.not.ok(gidRoot({ gid: v }), v);
});

gid('a leading comma splits on commas only (3.1.3+), so a token with a space is one name', () => {
  assert.equal(gidTokens(', root group ,x', v350), ['root group', 'x']);
  assert.not.ok(gidRoot({ gid: ',root group' }));
  assert.equal(gidTokens(',root group', versionOf('3.1.2')), ['root', 'group']);
});

gid('before 3.1.0 gid is one group name, so a list names no group at all', () => {
  assert.equal(gidTokens('rsync root', v309), ['rsync root']);
  assert.not.ok(gidRoot({ gid: 'rsync root' }, true, v309));
  assert.ok(gidRoot({ gid: 'root' }, true, v309));
  assert.ok(gidRoot({ gid: 'rsync root' }, true, v310));
});

gid("\"*\" first takes the uid's groups: root's include group 0, nobody's are taken not to", () => {
  assert.ok(gidRoot({ uid: 'root', gid: '*' }));
  assert.ok(gidRoot({ uid: '0', gid: '* rsync' }));
  assert.not.ok(gidRoot({ gid: '*' }));
  assert.match(transferIdentity(p({ gid: '*' }), true, v350).transfer_gid_root.reason, /nobody/);
  assert.not.ok(gidRoot({ uid: 'rsync', gid: '*' }));
  // Not first, "*" is an ordinary (missing) group name.
  assert.not.ok(gidRoot({ uid: 'root', gid: 'rsync *' }));
});

gid('effectiveModule carries both facts', () => {
  const e = effectiveModule(p({ uid: 'root', gid: 'rsync' }), true, v350);
  assert.ok(e.transfer_uid_root.value);
  assert.not.ok(e.transfer_gid_root.value);
});

gid.run();
