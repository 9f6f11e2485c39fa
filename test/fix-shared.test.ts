/**
 * Fixes that must not change what they do not name (adv16a findings 1, 1b, 5, 8): a line another module (or
 * another target) reads through `&merge` is never edited for one of them, the verifier rejects an edit that
 * changes an unnamed module's effective parameters, a comment fix never drops a word rsync gives effect to,
 * and the easy fixes go where rsync reads them (global line before `&include`, every duplicate removed).
 */
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyEdits, findingKey, type TargetFixes } from '../src/fix/index.ts';
import { fixRepository, judgeChange, openEvaluation, parseVersion, policiesFor, realFile, reevaluate, type FixOptions } from '../src/runner/index.ts';

function repo(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'rsyncguard-fix-shared-')));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function options(): Promise<FixOptions> {
  const policies = await policiesFor(undefined);
  if (!policies.ok) throw policies.error;
  const v = parseVersion('3.5.0');
  if (!v.ok) throw v.error;
  return { exclude: [], daemonUser: 'root', rsyncVersion: v.value, today: '2026-11-30', policies: policies.value, waiverFile: undefined, inlineWaivers: true };
}

async function fixes(dir: string, rules: string[]): Promise<Map<string, TargetFixes>> {
  const run = await fixRepository([dir], { ...(await options()), rules: new Set(rules) });
  if (!run.ok) throw run.error;
  return new Map(run.value.report.targets.flatMap((t) => (t.fixes ? [[t.target, t.fixes] as const] : [])));
}

/** Each file's text after every verified fix of every target. */
function after(all: Map<string, TargetFixes>): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of all.values()) for (const f of t.files) out.set(f.file, f.after);
  return out;
}

const MAIN = ['use chroot = yes', 'transfer logging = yes', '[a]', 'path = /srv/a', '&merge /etc/x/common.inc', '[b]', 'path = /srv/b', 'auth users = alice', 'secrets file = /etc/x/sec', '&merge /etc/x/common.inc', ''].join('\n');
const COMMON = 'read only = no\n';

const shared = suite('fix: shared lines');

shared('a `&merge` line [b] (login) reads too is not edited for [a]: [a] gets its own last line', async () => {
  const dir = repo({ 'etc/rsyncd.conf': MAIN, 'etc/x/common.inc': COMMON, 'etc/x/sec': 'alice:pw\n' });
  const t = (await fixes(dir, ['RSYNC-002'])).get('etc/rsyncd.conf');
  assert.ok(t);
  const v = t.verified.find((x) => x.rule_ids.includes('RSYNC-002'));
  assert.ok(v, JSON.stringify([t.rejected, t.unfixed]));
  assert.ok(
    v.edits.every((e) => e.file === 'etc/rsyncd.conf'),
    JSON.stringify(v.edits),
  );
  const text = after(new Map([['x', t]])).get('etc/rsyncd.conf');
  assert.is(text, MAIN.replace('&merge /etc/x/common.inc\n[b]', '&merge /etc/x/common.inc\nread only = yes\n[b]'));
});

shared('the verifier rejects an edit of the shared line: [b]’s effective "read only" changes, and the fix names only [a]', async () => {
  const dir = repo({ 'etc/rsyncd.conf': MAIN, 'etc/x/common.inc': COMMON, 'etc/x/sec': 'alice:pw\n' });
  const opts = await options();
  const ev = await openEvaluation(opts);
  if (!ev.ok) throw ev.error;
  try {
    const files = [join(dir, 'etc/rsyncd.conf'), join(dir, 'etc/x/common.inc')];
    const origin = { root: dir, file: files[0] as string, files };
    const before = await reevaluate(ev.value, origin, files, {}, opts);
    const real = realFile(origin, 'etc/x/common.inc');
    assert.ok(real);
    const edited = await reevaluate(ev.value, origin, files, { overlay: new Map([[real, Buffer.from('read only = yes\n')]]) }, opts);
    const found = before.report?.findings.find((f) => f.rule_id === 'RSYNC-002' && f.module === 'a');
    assert.ok(found, JSON.stringify(before.report?.findings.map((f) => [f.rule_id, f.module])));
    const claim = { fixes: [findingKey(found)], access: { modules: ['a'], fields: ['anonymous_write' as const, 'write' as const] }, parameter: 'read only' };
    assert.match(judgeChange(before, edited, claim) ?? '', /"read only" of \[b\] \(false → true\), a module it does not name/);
    // Said as it is (both modules named), the same edit passes this check.
    assert.is(judgeChange(before, edited, { ...claim, access: { modules: ['a', 'b'], fields: claim.access.fields } }), null);
  } finally {
    ev.value.close();
  }
});

shared('a line another target reads (a `&merge` file two daemons share) is not edited for one of them', async () => {
  const b = ['transfer logging = yes', '&merge /etc/shared/common.inc', 'use chroot = yes', '[b]', 'path = /srv/b', ''].join('\n');
  const a = ['transfer logging = yes', 'use chroot = yes', '&merge /etc/shared/common.inc', '[a]', 'path = /srv/a', 'list = no', 'auth users = alice', 'secrets file = /etc/sec', ''].join('\n');
  const dir = repo({ 'etc/rsyncd.conf': a, 'etc/rsyncd-b.conf': b, 'etc/shared/common.inc': 'read only = no\n', 'etc/sec': 'alice:pw\n' });
  const all = await fixes(dir, ['RSYNC-002']);
  const tb = all.get('etc/rsyncd-b.conf');
  assert.ok(tb);
  const v = tb.verified.find((x) => x.rule_ids.includes('RSYNC-002'));
  assert.ok(v, JSON.stringify([tb.rejected, tb.unfixed]));
  assert.equal(
    v.edits.map((e) => e.file),
    ['etc/rsyncd-b.conf'],
  );
  assert.not.ok(after(all).has('etc/shared/common.inc'));
});

const placing = suite('fix: placed where rsync reads it');

placing('a global line goes before the first `&include` (the included modules copy booleans when first seen)', async () => {
  const main = ['use chroot = yes', '&include /etc/rsyncd.d', 'max connections = 4', '[tail]', 'path = /srv/t', 'list = no', 'read only = yes', ''].join('\n');
  const dir = repo({ 'etc/rsyncd.conf': main, 'etc/rsyncd.d/up.conf': '[up]\npath = /srv/up\nlist = no\n' });
  const t = (await fixes(dir, ['RSYNC-050'])).get('etc/rsyncd.conf');
  assert.ok(t);
  assert.equal(t.rejected, []);
  assert.is(after(new Map([['x', t]])).get('etc/rsyncd.conf'), main.replace('&include', 'transfer logging = yes\n&include'));
});

placing('"strict modes = no" twice in a section: every such line is removed', async () => {
  const conf = ['use chroot = yes', 'transfer logging = yes', '[m]', 'path = /srv/m', 'auth users = alice', 'strict modes = no', 'secrets file = /etc/sec', 'list = no', 'read only = yes', 'strict modes = no', ''].join('\n');
  const dir = repo({ 'rsyncd.conf': conf });
  const t = (await fixes(dir, ['RSYNC-021'])).get('rsyncd.conf');
  assert.ok(t);
  assert.equal(t.rejected, []);
  const v = t.verified[0];
  assert.ok(v, JSON.stringify(t.unfixed));
  assert.is(applyEdits(conf, v.edits), conf.replace(/strict modes = no\n/g, ''));
});

const lists = suite('fix: RSYNC-009 never drops a word rsync gives effect to');

lists('refuse options, hosts deny, auth users: unfixed with both readings; hosts allow: fixed, saying who loses access', async () => {
  const conf = [
    'use chroot = yes',
    'transfer logging = yes',
    'max connections = 5',
    '[r]',
    'path = /srv/r',
    'list = no',
    'refuse options = delete ; compress',
    '[h]',
    'path = /srv/h',
    'list = no',
    'hosts allow = 10.0.0.1 # office',
    '[d]',
    'path = /srv/d',
    'list = no',
    'hosts deny = 10.0.0.1 # office',
    '[u]',
    'path = /srv/u',
    'list = no',
    'auth users = alice # bob',
    'secrets file = /etc/sec',
    '[n]',
    'path = /srv/n',
    'list = no',
    'refuse options = delete ; see ticket',
    '',
  ].join('\n');
  const dir = repo({ 'rsyncd.conf': conf });
  const t = (await fixes(dir, ['RSYNC-009'])).get('rsyncd.conf');
  assert.ok(t);
  const reason = (m: string) => t.unfixed.find((u) => u.finding.module === m);
  assert.match(reason('r')?.reason ?? '', /rsync reads "compress" as an option to refuse today; decide whether the comment or the option is meant/);
  assert.match(reason('r')?.suggestion ?? '', /refuse options = delete compress/);
  assert.match(reason('d')?.reason ?? '', /"office" as a host to deny/);
  assert.match(reason('u')?.reason ?? '', /rsync reads "bob" as a user today; decide whether the comment or the user is meant/);
  assert.match(reason('u')?.suggestion ?? '', /# bob\nauth users = alice\n.*\nauth users = alice bob/);
  const fixed = t.verified.flatMap((v) => v.fixes.map((k) => k.module)).sort();
  assert.equal(fixed, ['h', 'n']);
  const h = t.verified.find((v) => v.fixes.some((k) => k.module === 'h'));
  assert.match(h?.notes.join(' ') ?? '', /clients matching them lose access to \[h\]/);
});

lists('a password-like word after the comment is in no note, reason or suggestion', async () => {
  const conf = ['use chroot = yes', '[u]', 'path = /srv/u', 'list = no', 'read only = yes', 'auth users = alice # bob:hunter2', 'secrets file = /etc/sec', ''].join('\n');
  const dir = repo({ 'rsyncd.conf': conf });
  const t = (await fixes(dir, ['RSYNC-009'])).get('rsyncd.conf');
  assert.ok(t);
  const shown = JSON.stringify([t.verified.map((v) => [v.summary, v.notes]), t.rejected.map((r) => r.reason), t.unfixed]);
  assert.not.match(shown, 'hunter2');
  assert.ok(t.unfixed.some((u) => u.finding.rule_id === 'RSYNC-009'));
});

shared.run();
placing.run();
lists.run();
