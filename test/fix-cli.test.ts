/**
 * `rsyncguard fix` end to end on temporary repositories, as a user runs it: exit codes (0 nothing to fix, 1
 * fixes proposed or applied, 2 a target unreadable, and 2 wins), --write (atomic, mode kept, idempotent,
 * confined), --rules, include files, waived and declared-public findings left alone; and the verification
 * itself, which must reject an edit that does something it does not say.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { findingKey } from '../src/fix/index.ts';
import { fixRepository, judgeChange, openEvaluation, parseVersion, policiesFor, realFile, reevaluate, type FixOptions } from '../src/runner/index.ts';
import { cli, scan, snapshot } from './support/fix-run.ts';

/** A daemon with one finding a fix removes (RSYNC-002: [drop] is anonymously writable); the rest tidy or with no automatic fix (RSYNC-001). */
const HEAD = ['address = 127.0.0.1', 'transfer logging = yes', 'uid = nobody', 'gid = nogroup', 'use chroot = yes', 'hosts allow = 10.0.0.0/8', 'hosts deny = *', 'max connections = 5', 'refuse options = delete compress', ''];
const WRITABLE = [...HEAD, '[drop]', '    path = /srv/drop', '    read only = no', '    list = no', ''].join('\n');
const CLEAN = [...HEAD, '[drop]', '    path = /srv/drop', '    read only = yes', '    list = no', ''].join('\n');

function repo(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'rsyncguard-fix-cli-')));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const has = (dir: string, rule: string) => scan(dir).findings.some((f) => f.rule_id === rule);

function version() {
  const v = parseVersion('3.4.1');
  if (!v.ok) throw v.error;
  return v.value;
}

const fix = suite('rsyncguard fix');

fix('a config with nothing to fix: exit 0 and no diff', () => {
  const dir = repo({ 'rsyncd.conf': CLEAN });
  const r = cli(dir, ['fix']);
  assert.is(r.status, 0, r.stderr);
  assert.not.match(r.stdout, '+++ ');
});

fix('a fixable finding: exit 1, the diff names the rule and the edit, and the file is untouched', () => {
  const dir = repo({ 'rsyncd.conf': WRITABLE });
  const r = cli(dir, ['fix']);
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stdout, '--- a/rsyncd.conf');
  assert.match(r.stdout, /@@ .*RSYNC-002/);
  assert.match(r.stdout, '-    read only = no\n+    read only = yes');
  assert.is(readFileSync(join(dir, 'rsyncd.conf'), 'utf8'), WRITABLE);
});

fix('--write applies the fix (the finding is gone), keeps the mode, and a second --write changes nothing', () => {
  const dir = repo({ 'rsyncd.conf': WRITABLE });
  const file = join(dir, 'rsyncd.conf');
  chmodSync(file, 0o640);
  const first = cli(dir, ['fix', '--write']);
  assert.is(first.status, 1, first.stderr);
  assert.is(readFileSync(file, 'utf8'), CLEAN);
  assert.is(statSync(file).mode & 0o777, 0o640);
  assert.not.ok(has(dir, 'RSYNC-002'));
  const before = snapshot(dir);
  const second = cli(dir, ['fix', '--write']);
  assert.is(second.status, 0, second.stderr);
  assert.equal(snapshot(dir), before);
});

fix('--rules restricts which rules are fixed; an unknown rule id is an error', () => {
  const text = WRITABLE.replace('    list = no\n', '');
  const dir = repo({ 'rsyncd.conf': text });
  const only = cli(dir, ['fix', '--rules', 'RSYNC-005', '--write']);
  assert.is(only.status, 1, only.stderr);
  const after = readFileSync(join(dir, 'rsyncd.conf'), 'utf8');
  assert.match(after, 'list = no');
  assert.match(after, 'read only = no');
  assert.ok(has(dir, 'RSYNC-002'));
  const bad = cli(dir, ['fix', '--rules', 'RSYNC-999']);
  assert.is(bad.status, 2);
  assert.match(bad.stderr, 'RSYNC-999');
});

fix('the file that holds the effective value is edited: a module in an included file', () => {
  const main = [...HEAD, '&include modules.inc', ''].join('\n');
  const inc = ['[drop]', '    path = /srv/drop', '    read only = no', '    list = no', ''].join('\n');
  const dir = repo({ 'rsyncd.conf': main, 'modules.inc': inc });
  const r = cli(dir, ['fix', '--write']);
  assert.is(r.status, 1, r.stderr);
  assert.is(readFileSync(join(dir, 'rsyncd.conf'), 'utf8'), main);
  assert.is(readFileSync(join(dir, 'modules.inc'), 'utf8'), inc.replace('read only = no', 'read only = yes'));
  assert.not.ok(has(dir, 'RSYNC-002'));
});

fix('a target that cannot be read gives 2, and the others are still fixed', () => {
  const dir = repo({ 'a/rsyncd.conf': WRITABLE, 'b/rsyncd.conf': `${WRITABLE}\u0000` });
  const r = cli(dir, ['fix', '--write']);
  assert.is(r.status, 2, r.stderr);
  assert.is(readFileSync(join(dir, 'a/rsyncd.conf'), 'utf8'), CLEAN);
  assert.is(readFileSync(join(dir, 'b/rsyncd.conf'), 'utf8'), `${WRITABLE}\u0000`);
});

fix('waived and declared-public findings are not fixed', () => {
  const waived = WRITABLE.replace('    read only = no', '    # rsyncguard: ignore RSYNC-002 a reviewed drop box\n    read only = no');
  const dir = repo({ 'rsyncd.conf': waived });
  const r = cli(dir, ['fix', '--write']);
  assert.is(readFileSync(join(dir, 'rsyncd.conf'), 'utf8'), waived);
  assert.is(r.status, 0, r.stdout + r.stderr);
  const publicMirror = CLEAN.replace('[drop]', '# rsyncguard: public the distribution mirror\n[drop]').replace('    list = no\n', '');
  const pub = repo({ 'rsyncd.conf': publicMirror });
  cli(pub, ['fix', '--write']);
  assert.is(readFileSync(join(pub, 'rsyncd.conf'), 'utf8'), publicMirror);
});

fix('a config reached through a link is written as the real file; the link stays a link', () => {
  const dir = repo({ 'real/rsyncd.conf': WRITABLE });
  symlinkSync('real/rsyncd.conf', join(dir, 'rsyncd.conf'));
  const r = cli(dir, ['fix', '--write']);
  assert.is(r.status, 1, r.stderr);
  assert.is(readFileSync(join(dir, 'real/rsyncd.conf'), 'utf8'), CLEAN);
  assert.ok(statSync(join(dir, 'rsyncd.conf')).isFile());
  assert.is(realpathSync(join(dir, 'rsyncd.conf')), join(dir, 'real/rsyncd.conf'));
});

fix.run();

const verify = suite('fix verification');

async function evaluation(dir: string) {
  const policies = await policiesFor(undefined);
  if (!policies.ok) throw policies.error;
  const opts: FixOptions = { exclude: [], daemonUser: 'root', rsyncVersion: version(), today: '2026-11-30', policies: policies.value, waiverFile: undefined, inlineWaivers: true };
  const ev = await openEvaluation(opts);
  if (!ev.ok) throw ev.error;
  const origin = { root: dir, file: join(dir, 'rsyncd.conf'), files: [join(dir, 'rsyncd.conf')] };
  return { ev: ev.value, origin, opts };
}

verify('an edit that changes access it does not claim, or leaves the finding, is rejected with the reason', async () => {
  // Open to every host, so the simulator's outside client really gains and loses the upload.
  const open = (t: string) => t.replace('hosts allow = 10.0.0.0/8\n', '').replace('hosts deny = *\n', '');
  const dir = repo({ 'rsyncd.conf': open(WRITABLE) });
  const { ev, origin, opts } = await evaluation(dir);
  try {
    const before = await reevaluate(ev, origin, origin.files, {}, opts);
    const real = realFile(origin, 'rsyncd.conf');
    assert.ok(real);
    const after = await reevaluate(ev, origin, origin.files, { overlay: new Map([[real, Buffer.from(open(CLEAN))]]) }, opts);
    const found = before.report?.findings.find((f) => f.rule_id === 'RSYNC-002');
    assert.ok(found);
    const key = findingKey(found);
    // Claims the fix but not the access change it makes.
    const unsaid = judgeChange(before, after, { fixes: [key], access: { modules: [], fields: [] } });
    assert.match(unsaid ?? '', /\[drop\] allows/, String(unsaid));
    // The same edit, said as it is: accepted.
    assert.is(judgeChange(before, after, { fixes: [key], access: { modules: ['drop'], fields: ['anonymous_write', 'write'] } }), null);
    // No edit at all: the finding is still there.
    assert.match(judgeChange(before, before, { fixes: [key], access: { modules: ['drop'], fields: ['anonymous_write', 'write'] } }) ?? '', 'still reported');
    // Undone: access widens, which no claim allows.
    assert.match(judgeChange(after, before, { fixes: [], access: { modules: ['drop'], fields: ['anonymous_write', 'write'] } }) ?? '', /widen|raise/);
  } finally {
    ev.close();
  }
});

verify('the runner API: each config target carries its verified fixes and the texts before and after', async () => {
  const dir = repo({ 'rsyncd.conf': WRITABLE });
  const policies = await policiesFor(undefined);
  if (!policies.ok) throw policies.error;
  const run = await fixRepository([dir], { exclude: [], daemonUser: 'root', rsyncVersion: version(), today: '2026-11-30', policies: policies.value, waiverFile: undefined, inlineWaivers: true });
  assert.ok(run.ok);
  const fixes = run.value.report.targets[0]?.fixes;
  assert.ok(fixes);
  assert.equal(
    fixes.verified.map((v) => v.rule_ids),
    [['RSYNC-002']],
  );
  assert.is(fixes.files[0]?.after, CLEAN);
});

verify.run();
