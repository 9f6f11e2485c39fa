import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { effectiveDaemon, effectiveModule, imageRunsAsRoot, versionOf } from './effective.ts';

const param = (value: string | number | boolean | null) => ({ value });

const daemon = suite('effectiveDaemon');

daemon('a root daemon keeps root unless "daemon uid" names another user', () => {
  assert.ok(effectiveDaemon('root', {}).root.value);
  assert.ok(effectiveDaemon('root', { 'daemon uid': param('root') }).root.value);
  assert.ok(effectiveDaemon('root', { 'daemon uid': param('0') }).root.value);
  assert.ok(effectiveDaemon('root', { 'daemon uid': param('00') }).root.value);
  assert.ok(effectiveDaemon('root', { 'daemon uid': param('') }).root.value);
  assert.not.ok(effectiveDaemon('root', { 'daemon uid': param('rsync') }).root.value);
  assert.not.ok(effectiveDaemon('nonroot', {}).root.value);
});

daemon.run();

const chroot = suite('effectiveModule: chroot');
const v350 = versionOf('3.5.0');
const v326 = versionOf('3.2.6');

chroot('an explicit yes or no is what rsync does, root or not', () => {
  assert.ok(effectiveModule({ 'use chroot': param(true) }, false, v350).chroot.value);
  assert.not.ok(effectiveModule({ 'use chroot': param(false) }, true, v350).chroot.value);
});

chroot('unset since 3.2.7: chroot("/") decides, so root chroots and a non-root daemon does not', () => {
  assert.ok(effectiveModule({ 'use chroot': param('unset'), path: param('/srv') }, true, v350).chroot.value);
  assert.not.ok(effectiveModule({ 'use chroot': param('unset'), path: param('/srv') }, false, v350).chroot.value);
});

chroot('unset since 3.2.7 with a /./ path requires the chroot even without root', () => {
  assert.ok(effectiveModule({ 'use chroot': param('unset'), path: param('/srv/./m') }, false, v350).chroot.value);
});

chroot('unset before 3.2.7 means yes, for a non-root daemon too', () => {
  const e = effectiveModule({ 'use chroot': param('unset'), path: param('/srv') }, false, v326);
  assert.ok(e.chroot.value);
  assert.match(e.chroot.reason, 'before rsync 3.2.7');
});

chroot.run();

const disabled = suite('effectiveModule: disabled');

disabled('a negative "max connections" disables the module; zero and unset do not', () => {
  assert.ok(effectiveModule({ 'max connections': param(-1) }, true, v350).disabled.value);
  assert.not.ok(effectiveModule({ 'max connections': param(0) }, true, v350).disabled.value);
  assert.not.ok(effectiveModule({}, true, v350).disabled.value);
});

disabled.run();

const image = suite('imageRunsAsRoot');

// runc's GetExecUser: the user part alone sets the uid, an empty one keeps uid 0, a numeric one is a uid
// whether or not /etc/passwd lists it. policies/rsyncguard/rules/image/image_test.rego holds the same table.
image('only the user part of User decides root, as the container runtime reads it', () => {
  const cases: [string | null, boolean][] = [
    [null, true],
    ['', true],
    [':1000', true],
    ['0:0', true],
    ['root:x', true],
    ['0', true],
    ['00', true],
    ['root', true],
    ['1000:0', false],
    ['1000', false],
    ['rsync', false],
    ['not-in-passwd', false],
    ['rooty', false],
  ];
  for (const [user, root] of cases) assert.is(imageRunsAsRoot(user).value, root, `User ${JSON.stringify(user)}`);
  assert.match(imageRunsAsRoot(':1000').reason, 'empty user part');
  assert.match(imageRunsAsRoot('not-in-passwd').reason, '/etc/passwd');
});

image.run();
