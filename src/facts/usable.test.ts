import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_INCLUDES } from '../common/index.ts';
import { parseRsyncdConf } from '../parse/index.ts';
import { offlineResolve } from './access/offline-resolve.ts';
import { simulateAccess } from './access/simulate.ts';
import { buildFacts } from './build-facts.ts';
import { type NameDatabase, namesSeenByDaemon, setupRefusal, unusable } from './usable.ts';
import { validateFacts } from './validate.ts';

const param = (value: string | number | boolean | null) => ({ value });
const v350: [number, number, number] = [3, 5, 0];
const image: NameDatabase = { users: new Set(['root', 'nobody', 'backup']), groups: new Set(['root', 'nogroup', 'backup']), source: "the image's" };

const refusal = suite('setupRefusal');

refusal('keeps an inline comment in "uid": "0 # the owner" is no number and no user anywhere', () => {
  const r = setupRefusal({ path: param('/srv'), uid: param('0 # the owner') }, true, v350);
  assert.is(r?.outcome, 'invalid-uid');
  assert.is(r?.message, '@ERROR: invalid uid 0 # the owner');
});

refusal('reads an all-digit uid as a number, and leaves other names to a database it does not know', () => {
  assert.is(setupRefusal({ path: param('/srv'), uid: param('00') }, true, v350), undefined);
  assert.is(setupRefusal({ path: param('/srv'), uid: param('backup') }, true, v350), undefined);
  assert.is(setupRefusal({ path: param('/srv'), uid: param('www data') }, true, v350)?.outcome, 'invalid-uid');
  assert.is(setupRefusal({ path: param('/srv'), uid: param('a:b') }, true, v350)?.outcome, 'invalid-uid');
  assert.is(setupRefusal({ path: param('/srv'), uid: param('#1000') }, true, v350)?.outcome, 'invalid-uid');
});

refusal('leaves template expressions alone: the rendered file holds something else', () => {
  assert.is(setupRefusal({ path: param('/srv'), uid: param("{{ rsync_uid | default('nobody') }}"), gid: param('<%= @gid %>') }, true, v350), undefined);
  assert.is(setupRefusal({ path: param('/srv'), uid: param('${RSYNC_UID}') }, true, v350, image), undefined);
});

refusal('checks names against the image database when it is known', () => {
  assert.is(setupRefusal({ path: param('/srv'), uid: param('backup') }, true, v350, image), undefined);
  const r = setupRefusal({ path: param('/srv'), uid: param('mirror') }, true, v350, image);
  assert.is(r?.message, '@ERROR: invalid uid mirror');
  assert.match(r?.reason ?? '', "the image's /etc/passwd does not list");
});

refusal('resolves nobody for a root daemon without "uid", and nothing for a daemon without root', () => {
  const none: NameDatabase = { users: new Set(['root']), groups: new Set(['root', 'nogroup']), source: 'db' };
  assert.is(setupRefusal({ path: param('/srv') }, true, v350, none)?.message, '@ERROR: invalid uid nobody');
  assert.is(setupRefusal({ path: param('/srv') }, false, v350, none), undefined);
  // An explicit uid is resolved before any switch, with or without root.
  assert.is(setupRefusal({ path: param('/srv'), uid: param('0 # x') }, false, v350)?.outcome, 'invalid-uid');
});

refusal('splits "gid" as conf_strtok does and names the first token that fails', () => {
  assert.is(setupRefusal({ path: param('/srv'), gid: param('0 # the group') }, true, v350)?.message, '@ERROR: invalid gid #');
  assert.is(setupRefusal({ path: param('/srv'), gid: param(', my group') }, true, v350)?.message, '@ERROR: invalid gid my group');
  assert.is(setupRefusal({ path: param('/srv'), gid: param('*, backup') }, true, v350, image), undefined);
  assert.is(setupRefusal({ path: param('/srv'), gid: param('staff') }, true, v350, image)?.message, '@ERROR: invalid gid staff');
  const noNobodyGroup: NameDatabase = { users: new Set(['nobody']), groups: new Set(['root']), source: 'db' };
  assert.is(setupRefusal({ path: param('/srv') }, true, v350, noNobodyGroup)?.outcome, 'invalid-gid');
});

refusal('checks uid, then gid, then path, as rsync_module does', () => {
  assert.is(setupRefusal({ uid: param('0 # x'), gid: param('# y') }, true, v350)?.outcome, 'invalid-uid');
  assert.is(setupRefusal({ gid: param('# y') }, true, v350)?.outcome, 'invalid-gid');
  assert.is(setupRefusal({}, true, v350)?.message, '@ERROR: no path setting.');
});

refusal('leaves names to a "name converter" when the module has one', () => {
  assert.is(setupRefusal({ path: param('/srv'), uid: param('mirror'), 'name converter': param('/usr/bin/nc') }, true, v350, image), undefined);
});

refusal.run();

const fact = suite('unusable');

fact('holds for a disabled module and for one rsync cannot set up, not for a served one', () => {
  assert.ok(unusable({ path: param('/srv'), 'max connections': param(-1) }, true, v350).value);
  assert.ok(unusable({ path: param('/srv'), uid: param('0 # x') }, true, v350).value);
  assert.ok(unusable({}, true, v350).value);
  assert.not.ok(unusable({ path: param('/srv'), uid: param('0') }, true, v350).value);
});

fact('ignores the target database after "daemon chroot": the jail has its own files', () => {
  assert.is(namesSeenByDaemon({ 'daemon chroot': param('/jail') }, image), undefined);
  assert.is(namesSeenByDaemon({}, image), image);
});

fact.run();

const access = suite('simulateAccess: modules rsync will not serve');
const opts = { daemonUser: 'root' as const, version: v350, resolve: offlineResolve };

function conf(text: string) {
  return parseRsyncdConf('rsyncd.conf', Buffer.from(text), NO_INCLUDES);
}

access('an anonymous client gets "invalid uid", and reads nothing', () => {
  const r = simulateAccess(conf('[m]\npath = /srv\nuid = 0 # the owner\nread only = no\n'), { addr: '203.0.113.7' }, opts);
  const m = r.modules[0];
  assert.is(m?.read, 'invalid-uid');
  assert.is(m?.write, 'invalid-uid');
  assert.not.ok(m?.anonymous_read);
  assert.match(m?.reasons.join(' ') ?? '', '@ERROR: invalid uid 0 # the owner');
});

access('a login comes first: without one the client sees "auth failed"; with one, the refusal', () => {
  const r = simulateAccess(conf('[m]\npath = /srv\ngid = 0 # g\nauth users = joe\nsecrets file = /etc/s\n'), { addr: '203.0.113.7', user: 'joe' }, opts);
  assert.is(r.modules[0]?.read, 'auth-failed');
  assert.is(r.modules[0]?.user?.read, false);
  assert.match(r.modules[0]?.user?.reason ?? '', '@ERROR: invalid gid #');
});

access('uses the image names it is given', () => {
  const r = simulateAccess(conf('[m]\npath = /srv\nuid = mirror\n'), { addr: '203.0.113.7' }, { ...opts, names: image });
  assert.is(r.modules[0]?.read, 'invalid-uid');
});

access.run();

const facts = suite('effective.unusable in the facts document');

facts('is in the document, and filled in for a document made before it existed', () => {
  const doc = buildFacts({ target: { kind: 'file', id: 'c', display: 'c' }, daemonUser: 'root', rsyncVersion: v350, today: '2026-11-30', config: conf('[m]\npath = /srv\nuid = 0 # x\n') });
  assert.ok(doc.config.modules[0]?.effective.unusable.value);
  const old = JSON.parse(JSON.stringify(doc)) as { config: { modules: { effective: Record<string, unknown> }[] } };
  delete old.config.modules[0]?.effective['unusable'];
  const r = validateFacts(old);
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
  if (r.ok) assert.ok(r.value.config.modules[0]?.effective.unusable.value);
});

facts.run();

const nonroot = suite('unusable on a daemon without root');

nonroot('refuses uid root or 0, any gid, and a chroot: it cannot make those switches', () => {
  const u = (p: Record<string, ReturnType<typeof param>>, chroot = false) => unusable({ path: param('/srv'), ...p }, false, v350, undefined, chroot);
  assert.equal([u({ uid: param('root') }).param, u({ uid: param('00') }).param, u({ gid: param('root') }).param, u({}, true).param], ['uid', 'uid', 'gid', 'use chroot']);
  assert.match(u({ uid: param('0') }).reason, 'setuid failed');
  assert.match(u({ gid: param('0') }).reason, 'setgid failed');
  assert.match(u({}, true).reason, 'chroot failed');
});

nonroot('leaves another uid possible: the daemon may run as that user', () => {
  assert.is(unusable({ path: param('/srv'), uid: param('nobody') }, false, v350).value, false);
  assert.is(setupRefusal({ path: param('/srv'), uid: param('nobody') }, false, v350)?.conditional, true);
});

nonroot('refuses "max connections" with the default lock file, which it cannot open', () => {
  const lock = { 'lock file': param('/var/run/rsyncd.lock'), 'max connections': param(5), path: param('/srv') };
  assert.match(unusable(lock, false, v350).reason, '@ERROR: failed to open lock file');
  assert.is(unusable(lock, true, v350).value, false);
});

nonroot.run();

const ranges = suite('unusable: ids rsync cannot use');

ranges('refuses ids past uid_t, negative ids and (uid_t)-1, on any target', () => {
  for (const uid of ['4294967296', '99999999999', '-1', '4294967295']) assert.ok(unusable({ path: param('/srv'), uid: param(uid) }, true, v350).value, uid);
  assert.match(unusable({ path: param('/srv'), gid: param('4294967295') }, true, v350).reason, 'setgid failed');
  assert.not.ok(unusable({ path: param('/srv'), uid: param('4294967294') }, true, v350).value);
});

ranges.run();

const expand = suite('unusable: %VAR% in uid and gid');

expand('judges the value the image Env gives, and never calls an unknown variable unusable', () => {
  const env = new Map<string, string | null>([['MYUID', '65534']]);
  const withEnv: NameDatabase = { ...image, env };
  assert.not.ok(unusable({ path: param('/srv'), uid: param('%MYUID%') }, true, v350, withEnv).value);
  assert.not.ok(unusable({ path: param('/srv'), uid: param('%OTHER%'), gid: param('%OTHER%') }, true, v350, withEnv).value);
  assert.not.ok(unusable({ path: param('/srv'), uid: param('%MYUID%') }, true, v350, image).value);
  assert.ok(unusable({ path: param('/srv'), uid: param('%MYUID%x') }, true, v350, withEnv).value);
  assert.not.ok(unusable({ path: param('/srv'), uid: param('%MYUID%') }, true, v350, namesSeenByDaemon({ 'daemon chroot': param('/jail') }, withEnv)).value);
});

expand.run();

const said = suite("simulateAccess: what it cannot check, and the daemon's own lines");

said('states a name it cannot check as a condition, not as a fact', () => {
  const r = simulateAccess(conf('use chroot = no\n[m]\npath = /srv\nuid = nosuchuser\ngid = staff\n'), { addr: '203.0.113.7' }, opts);
  assert.is(r.modules[0]?.read, 'ok');
  assert.match(r.modules[0]?.assumptions.join(' ') ?? '', "only if user nosuchuser exists on the daemon's host");
  assert.match(r.modules[0]?.assumptions.join(' ') ?? '', 'only if group staff exists');
});

said('quotes the exact line for every refusal it models (claim_connection opens the lock file for a negative limit too)', () => {
  const off = simulateAccess(conf('[off]\npath = /srv\nmax connections = -1\n'), { addr: '203.0.113.7' }, opts);
  assert.match(off.modules[0]?.reasons.join(' ') ?? '', 'gets "@ERROR: max connections (-1) reached -- try again later"');
  const text = '[off]\npath = /srv\nmax connections = -1\n[lock]\npath = /srv\nmax connections = 5\n[uid]\npath = /srv\nuid = root\n[chroot]\npath = /srv\nuse chroot = yes\n[gid]\npath = /srv\ngid = 0\n[deny]\npath = /srv\nhosts deny = *\n';
  const r = simulateAccess(conf(text), { addr: '203.0.113.7' }, { ...opts, daemonUser: 'nonroot' });
  const line = (name: string) => /gets "([^"]*)"/.exec(r.modules.find((m) => m.name === name)?.reasons.join(' ') ?? '')?.[1];
  assert.equal(['off', 'lock', 'uid', 'chroot', 'gid', 'deny'].map(line), [
    '@ERROR: failed to open lock file',
    '@ERROR: failed to open lock file',
    '@ERROR: setuid failed',
    '@ERROR: chroot failed',
    '@ERROR: setgid failed',
    '@ERROR: access denied to deny from UNKNOWN (203.0.113.7)',
  ]);
});

said.run();
