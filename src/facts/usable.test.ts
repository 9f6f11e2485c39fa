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
