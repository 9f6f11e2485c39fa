/**
 * Where a `# rsyncguard: public` comment lands depends on which lines rsync reads as module headers; these
 * two cases are checked against the real daemon: `[GLO BAL]` is the global section (strwiEQ ignores case
 * and spaces, reference §1.2), and a header that repeats an earlier module's name re-opens it instead of
 * starting a module, so a declaration above it covers nothing. And an `&include` brings in another file's
 * modules, which the daemon serves beside the including file's own: a declaration above it covers neither.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { listModules, moduleDir, scratchDir, startDaemon } from './support/rsync-daemon.ts';

interface Scan {
  targets: { findings: { rule_id: string; module: string | null }[]; declared_public: { finding: { module: string | null } }[]; notes: { code: string; location: { line: number } | null }[] }[];
}

function scan(conf: string): Scan {
  const r = spawnSync(process.execPath, ['dist/cli.js', 'scan', conf, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Scan;
}

const publicNotes = (s: Scan) => s.targets.flatMap((t) => t.notes.filter((n) => n.code.startsWith('public-')).map((n) => [n.code, n.location?.line]));

async function served(conf: string, base: string): Promise<string[] | null> {
  const daemon = await startDaemon(conf, join(base, 'rsyncd.log'));
  try {
    assert.is(daemon.exited, null, 'the daemon runs');
    return await listModules(daemon.port);
  } finally {
    daemon.stop();
  }
}

const test = suite('public declarations where rsync reads the headers');

test('[GLO BAL] is the global section: no module of that name, and a declaration after it marks the file', async () => {
  const base = scratchDir('rg-public-global-');
  const conf = join(base, 'rsyncd.conf');
  writeFileSync(conf, ['[GLO BAL]', 'use chroot = no', '# rsyncguard: public-file all mirrors here', '', '[pub]', `path = ${moduleDir(base, 'pub')}`, ''].join('\n'));
  assert.equal(await served(conf, base), ['pub']);
  const s = scan(conf);
  assert.equal(publicNotes(s), []);
  assert.ok(s.targets[0]?.declared_public.some((d) => d.finding.module === 'pub'));
  assert.not.ok(s.targets[0]?.findings.some((f) => f.rule_id === 'RSYNC-001' && f.module === 'pub'));
});

test('a header that re-opens an earlier module starts none: a declaration above it covers nothing, and says so', async () => {
  const base = scratchDir('rg-public-reopen-');
  const conf = join(base, 'rsyncd.conf');
  const lines = ['use chroot = no', '[mirror]', `path = ${moduleDir(base, 'mirror')}`, '[other]', `path = ${moduleDir(base, 'other')}`, '# rsyncguard: public the mirror', '[Mirror]', 'comment = public', ''];
  writeFileSync(conf, lines.join('\n'));
  assert.equal(await served(conf, base), ['mirror', 'other']);
  const s = scan(conf);
  assert.equal(publicNotes(s), [['public-declaration-covers-nothing', 6]]);
  assert.equal(s.targets[0]?.declared_public, []);
  assert.ok(s.targets[0]?.findings.some((f) => f.rule_id === 'RSYNC-001' && f.module === 'mirror'));
});

test('the daemon serves an included mirror and the module after the &include: a declaration above the include, a blank line apart, covers neither (adv3 #7)', async () => {
  const base = scratchDir('rg-public-include-');
  const conf = join(base, 'rsyncd.conf');
  mkdirSync(join(base, 'rsyncd.d'));
  writeFileSync(join(base, 'rsyncd.d', 'mirror.conf'), ['[debian]', `path = ${moduleDir(base, 'debian')}`, 'read only = yes', ''].join('\n'));
  const lines = ['use chroot = no', '', '# rsyncguard: public Debian mirror (in rsyncd.d/mirror.conf)', '', `&include ${join(base, 'rsyncd.d')}`, '', '[internal-docs]', `path = ${moduleDir(base, 'internal-docs')}`, 'read only = yes', ''];
  writeFileSync(conf, lines.join('\n'));
  assert.equal(await served(conf, base), ['debian', 'internal-docs']);
  const s = scan(conf);
  assert.equal(publicNotes(s), [['public-declaration-misplaced', 3]]);
  assert.equal(s.targets[0]?.declared_public, []);
  // The scan reads the file alone (the include is outside its root): what matters is that [internal-docs] keeps its HIGH.
  assert.ok(s.targets[0]?.findings.some((f) => f.rule_id === 'RSYNC-001' && f.module === 'internal-docs'));
});

test.run();
