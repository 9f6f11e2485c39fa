/**
 * `--baseline` when something could not be read (review adv17b findings 1, 4, 8, 10, 17), end to end from
 * source: a secrets file that could not be read (a FIFO in a repository, `unreadable` from the collector
 * on a host) is a located note in every format and exit 2, and its baseline findings are "not known",
 * never fixed; a host document that cannot be read leaves its host's findings not known; a baseline that
 * had not evaluated a host says why that host's findings are new; the same scan from another directory
 * matches its baseline; a BOM is skipped; an empty SARIF log of any tool is refused.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from './support/suite.ts';
import * as assert from 'uvu/assert';
import { hostRawDoc } from './support/host-doc.ts';

interface JsonReport {
  targets: { target: string; findings: { rule_id: string; baseline_state?: string }[]; notes: { code: string; location: { file: string; line: number } | null }[] }[];
  errors: { target: string; message: string }[];
  baseline?: { counts: Record<string, number>; absent: unknown[]; not_evaluated?: number; new_not_evaluated_in_baseline?: number; renamed?: boolean; no_shared_target?: boolean };
}

const MAIN = resolve('src/cli/main.ts');
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
let dir = '';

function rg(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(cwd: string, ...args: string[]): { code: number | null; report: JsonReport } {
  const r = rg(cwd, ...args, '--format', 'json');
  assert.ok(r.stdout.startsWith('{'), `no JSON report: ${r.stderr}`);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport };
}

const CONF = '[m]\n    path = /srv/m\n    auth users = joe, ann\n    secrets file = weak.secrets\n';
const HOST_CONF = '[m]\n    path = /srv/m\n    auth users = joe, ann\n    secrets file = /etc/rsyncd.secrets\n';

function hostDoc(name: string, unreadable: boolean): Record<string, unknown> {
  const entry = unreadable
    ? { path: '/etc/rsyncd.secrets', exists: true, mode: '600', uid: 0, gid: 0, entries: null, unreadable: 'permission denied' }
    : {
        path: '/etc/rsyncd.secrets',
        exists: true,
        mode: '600',
        uid: 0,
        gid: 0,
        entries: ['joe', 'ann'].map((name, i) => ({ kind: 'user', name, line: i + 1, length: 3, equals_name: true, weak: true, common: false, reused: false, dead: false, unmatchable: false, trailing_whitespace: false })),
      };
  return hostRawDoc(name, HOST_CONF, { secrets: [entry], ...(unreadable ? { collector_uid: 1000 } : {}) });
}

const t = suite('--baseline when something was not read');

t.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rg-baseline-unread-'));
});
t.after(() => rmSync(dir, { recursive: true, force: true }));

t('a repository secrets file that is a FIFO: a located note everywhere, exit 2, its baseline findings not known', () => {
  const repo = join(dir, 'r1');
  mkdirSync(repo);
  writeFileSync(join(repo, 'rsyncd.conf'), CONF);
  writeFileSync(join(repo, 'weak.secrets'), 'joe:joe\nann:changeme\n', { mode: 0o600 });
  const base = join(dir, 'b1.json');
  rg(repo, 'scan', '.', '--format', 'json', '--output', base, '--fail-on', 'none');
  assert.ok(
    (JSON.parse(readFileSync(base, 'utf8')) as JsonReport).targets[0]?.findings.some((f) => f.rule_id === 'RSYNC-032'),
    'the baseline has the weak passwords',
  );
  rmSync(join(repo, 'weak.secrets'));
  assert.is(spawnSync('mkfifo', [join(repo, 'weak.secrets')]).status, 0);
  const { code, report } = json(repo, 'scan', '.', '--baseline', base, '--fail-on', 'high');
  assert.is(code, 2, 'not fully read');
  assert.is(report.baseline?.counts['absent'], 0, 'nothing fixed');
  assert.ok((report.baseline?.not_evaluated ?? 0) >= 2, 'the weak passwords are not known');
  const note = report.targets[0]?.notes.find((n) => n.code === 'secrets-unreadable');
  assert.equal(note?.location && [note.location.file, note.location.line], ['rsyncd.conf', 4], 'located at the "secrets file" line');
  assert.ok(report.errors.some((e) => e.target === 'rsyncd.conf' && e.message.includes('weak.secrets could not be read')));
  for (const format of ['text', 'markdown', 'sarif', 'html']) {
    const r = rg(repo, 'scan', '.', '--baseline', base, '--format', format);
    assert.is(r.code, 2, format);
    assert.ok(r.stdout.includes('weak.secrets could not be read'), `${format} says so`);
    assert.not.ok(r.stdout.includes('changeme'), `${format} quotes nothing of the file`);
  }
});

t('a host whose collector could not read the secrets file: a note, exit 2, the weak passwords not known (not fixed)', () => {
  writeFileSync(join(dir, 's1.json'), JSON.stringify(hostDoc('s1', false)));
  writeFileSync(join(dir, 's1-unread.json'), JSON.stringify(hostDoc('s1', true)));
  const base = join(dir, 's1b.json');
  rg(dir, 'eval', 's1.json', '--format', 'json', '--output', base, '--fail-on', 'none');
  assert.ok(
    (JSON.parse(readFileSync(base, 'utf8')) as JsonReport).targets[0]?.findings.some((f) => f.rule_id === 'RSYNC-032'),
    'the baseline has the weak passwords',
  );
  const { code, report } = json(dir, 'eval', 's1-unread.json', '--baseline', base, '--fail-on', 'high');
  assert.is(code, 2);
  assert.is(report.baseline?.counts['absent'], 0);
  assert.ok((report.baseline?.not_evaluated ?? 0) >= 2);
  assert.ok(report.targets[0]?.notes.some((n) => n.code === 'secrets-unreadable' && n.location?.line === 4));
  const text = rg(dir, 'eval', 's1-unread.json', '--baseline', base);
  assert.match(text.stdout, /rsyncd\.secrets could not be read: permission denied/);
  assert.match(text.stdout, /not known/);
});

t('a host document that cannot be read: its host baseline findings are not known, not fixed', () => {
  writeFileSync(join(dir, 'h1.json'), JSON.stringify(hostDoc('h1', false)));
  writeFileSync(join(dir, 'h2.json'), JSON.stringify(hostDoc('h2', false)));
  const base = join(dir, 'hb.json');
  rg(dir, 'eval', 'h1.json', 'h2.json', '--format', 'json', '--output', base, '--fail-on', 'none');
  writeFileSync(join(dir, 'h1-cut.json'), readFileSync(join(dir, 'h1.json'), 'utf8').slice(0, 200));
  const { code, report } = json(dir, 'eval', 'h1-cut.json', 'h2.json', '--baseline', base);
  assert.is(code, 2);
  assert.is(report.baseline?.counts['absent'], 0, "h1's findings are not fixed");
  assert.ok((report.baseline?.not_evaluated ?? 0) > 0);
});

t('a baseline that had not evaluated a host: its findings stay new, and the reports say why', () => {
  const base = join(dir, 'down.json');
  const doc = { schema: 'rsyncguard/report@1', targets: [], errors: [{ target: 'h1', message: 'unreachable' }] };
  writeFileSync(base, JSON.stringify(doc));
  const { code, report } = json(dir, 'eval', 'h1.json', '--baseline', base, '--fail-on', 'high');
  assert.is(code, 1, 'nothing proves they were known');
  assert.ok((report.baseline?.new_not_evaluated_in_baseline ?? 0) > 0);
  for (const format of ['text', 'markdown', 'html']) {
    assert.match(rg(dir, 'eval', 'h1.json', '--baseline', base, '--format', format).stdout, /on targets the baseline had not evaluated/, format);
  }
});

t('the same scan from another directory matches its baseline; a baseline of other paths is said to share nothing', () => {
  const repo = join(dir, 'r2');
  mkdirSync(repo);
  writeFileSync(join(repo, 'rsyncd.conf'), CONF);
  writeFileSync(join(repo, 'weak.secrets'), 'joe:joe\nann:changeme\n', { mode: 0o600 });
  const base = join(dir, 'cwd.json');
  rg(dir, 'scan', repo, '--format', 'json', '--output', base, '--fail-on', 'none');
  const { code, report } = json(repo, 'scan', repo, '--baseline', base, '--fail-on', 'high');
  assert.is(code, 0);
  assert.equal([report.baseline?.counts['new'], report.baseline?.counts['absent'], report.baseline?.renamed], [0, 0, true]);
  const other = join(dir, 'other.json');
  writeFileSync(
    other,
    JSON.stringify({ schema: 'rsyncguard/report@1', targets: [{ target: 'elsewhere/rsyncd.conf', findings: [{ rule_id: 'RSYNC-003', severity: 'medium', message: 'm', target: 'elsewhere/rsyncd.conf', module: 'm', path: 'p', location: null }] }] }),
  );
  assert.match(rg(repo, 'scan', '.', '--baseline', other, '--fail-on', 'none').stdout, /share nothing with this run's/);
});

t('a baseline with a UTF-8 byte order mark is read; an empty SARIF log of any tool is refused', () => {
  const repo = join(dir, 'r2');
  const base = join(dir, 'bom.json');
  rg(repo, 'scan', '.', '--format', 'json', '--output', base, '--fail-on', 'none');
  writeFileSync(base, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(base)]));
  const r = json(repo, 'scan', '.', '--baseline', base, '--fail-on', 'high');
  assert.is(r.code, 0);
  assert.is(r.report.baseline?.counts['new'], 0);
  writeFileSync(join(dir, 'empty.sarif'), '{"version":"2.1.0","runs":[]}');
  const e = rg(repo, 'scan', '.', '--baseline', join(dir, 'empty.sarif'));
  assert.is(e.code, 2);
  assert.match(e.stderr, /runs is empty/);
});

t.run();
