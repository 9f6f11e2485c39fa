import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openDaemonRoot } from '../sources/index.ts';
import { parseRepoConfigs, type RepoConfig } from './repo-configs.ts';
import { SECRETS_NOT_FOUND, SECRETS_SHARED, SECRETS_TEMPLATED } from './repo-secrets.ts';

type Config = Extract<RepoConfig, { kind: 'config' }>;

/** A scan root of `files`, parsed as `scan` parses it (run from inside the root, so paths show root-relative). */
function parsed(files: Record<string, string>, rootDir?: string): Config[] {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'rg-repo-secrets-')));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const was = process.cwd();
  process.chdir(dir);
  try {
    const daemon = rootDir === undefined ? undefined : openDaemonRoot(rootDir);
    if (daemon !== undefined && !daemon.ok) throw daemon.error;
    const configs = Object.keys(files)
      .filter((f) => f.endsWith('.conf'))
      .map((f) => join(dir, f));
    return [...parseRepoConfigs(dir, configs, { daemonRoot: daemon?.value })].filter((c): c is Config => c.kind === 'config');
  } finally {
    process.chdir(was);
  }
}

const conf = (secrets: string) => `[m]\npath = /srv/m\nauth users = joe\nsecrets file = ${secrets}\n`;
const notes = (c: Config | undefined) => (c?.secrets ?? []).flatMap((s) => s.diagnostics ?? []);

const absent = suite('repoSecrets: a secrets file the scan did not find');

absent('is a located note saying where it was looked for, and its state stays unknown', () => {
  const [c] = parsed({ 'rsyncd.conf': conf('/etc/rsyncd.secrets') });
  const [note] = notes(c);
  assert.is(note?.code, SECRETS_NOT_FOUND);
  assert.is(note?.message, 'secrets file /etc/rsyncd.secrets: not in the repository, looked for etc/rsyncd.secrets');
  assert.is(note?.at.line, 4);
  assert.is(c?.secrets[0]?.stat, undefined, 'a repository that lacks /etc says nothing of whether the daemon has it');
});

absent('under --root it does not exist (stat null) and the note names --root', () => {
  const [c] = parsed({ 'rsyncd.conf': conf('/etc/rsyncd.secrets'), 'rootfs/etc/motd': 'hi\n' }, 'rootfs');
  assert.is(c?.secrets[0]?.stat, null);
  assert.is(notes(c)[0]?.message, 'secrets file /etc/rsyncd.secrets: not under --root rootfs, looked for rootfs/etc/rsyncd.secrets');
});

absent.run();

const shared = suite('repoSecrets: one file, several configs');

shared('the first config reads it and names every config; the others carry no facts of it, only where it is', () => {
  const configs = parsed({ 'etc/s': 'joe:joe\n', 'a/rsyncd.conf': conf('/etc/s'), 'b/rsyncd.conf': conf('../etc/s'), 'c/rsyncd.conf': conf('/etc/s') });
  const [a, b, c] = configs;
  assert.is(a?.secrets[0]?.entries?.length, 1, 'read once, with a');
  assert.is(notes(a).find((n) => n.code === SECRETS_SHARED)?.message, 'secrets file /etc/s (etc/s) is named by a/rsyncd.conf:4, b/rsyncd.conf:4 and c/rsyncd.conf:4: checked and reported once, here.');
  for (const other of [b, c]) {
    assert.is(other?.secrets[0]?.entries, undefined);
    assert.is(other?.secrets[0]?.stat, undefined);
    assert.equal(
      notes(other).map((n) => n.code),
      [SECRETS_SHARED],
    );
    assert.ok(notes(other)[0]?.message.includes('with a/rsyncd.conf'));
  }
});

shared('a missing file two configs name is said once, naming both; a config alone is not "shared"', () => {
  const [a, b] = parsed({ 'a/rsyncd.conf': conf('/etc/s'), 'b/rsyncd.conf': conf('/etc/s') });
  assert.is(notes(a)[0]?.message, 'secrets file /etc/s: not in the repository, looked for etc/s (named by a/rsyncd.conf:4 and b/rsyncd.conf:4)');
  assert.is(notes(b)[0]?.code, SECRETS_SHARED);
  const [alone] = parsed({ 'rsyncd.conf': `${conf('/etc/s')}[n]\npath = /srv/n\nauth users = ann\nsecrets file = /etc/s\n` });
  assert.not.ok(
    notes(alone).some((n) => n.code === SECRETS_SHARED),
    'two modules of one config are one config',
  );
});

shared('only a file that was read is "checked": one that was not says so beside every config', () => {
  const [, b] = parsed({ 'a/rsyncd.conf': conf('/etc/s'), 'b/rsyncd.conf': conf('/etc/s') });
  const said = notes(b)[0]?.message ?? '';
  assert.not.ok(said.includes('checked and reported'), said);
  assert.is(said, 'secrets file /etc/s: not checked (not found); said once, with a/rsyncd.conf, which names it too.');
});

shared('the config that reports a shared file carries every config that names it (for waivers)', () => {
  const [a, b] = parsed({ 'etc/s': 'joe:joe\n', 'a/rsyncd.conf': conf('/etc/s'), 'b/rsyncd.conf': conf('/etc/s') });
  assert.equal(a?.secrets[0]?.namedBy, ['a/rsyncd.conf', 'b/rsyncd.conf']);
  assert.is(b?.secrets[0]?.namedBy, undefined);
  const [alone] = parsed({ 'etc/s': 'joe:joe\n', 'rsyncd.conf': conf('/etc/s') });
  assert.is(alone?.secrets[0]?.namedBy, undefined, "a file one config names is simply that config's");
});

shared.run();

const templated = suite('repoSecrets: a templated secrets file');

templated('is said as a template, never looked up, and never shared by its expression', () => {
  const [a, b] = parsed({ 'a/rsyncd.conf': conf('{{ rsyncd_secrets_path }}'), 'b/rsyncd.conf': conf('<%= @secrets %>') });
  for (const [c, engine] of [
    [a, 'Jinja'],
    [b, 'ERB'],
  ] as const) {
    const [note] = notes(c);
    assert.is(note?.code, SECRETS_TEMPLATED);
    assert.ok(note?.message.includes(`a template expression (${engine}), decided when the template is rendered`), note?.message);
    assert.not.ok(note?.message.includes('looked for'), 'nothing was looked for');
    assert.is(c?.secrets[0]?.stat, undefined, 'unknown, not missing');
  }
  const [x, y] = parsed({ 'x/rsyncd.conf': conf('{{ p }}'), 'y/rsyncd.conf': conf('{{ p }}') });
  assert.equal(
    [...notes(x), ...notes(y)].map((n) => n.code),
    [SECRETS_TEMPLATED, SECRETS_TEMPLATED],
    'two templates with one variable are not "one file"',
  );
});

templated.run();

const subdir = suite("repoSecrets: a scan root below the repository's top");

subdir('says "not under" the scan root, not "not in the repository", and how to look it up from the top', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'rg-repo-secrets-top-')));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'etc'));
  writeFileSync(join(dir, 'etc/rsyncd.secrets'), 'joe:joe\n');
  writeFileSync(join(dir, 'a/rsyncd.conf'), conf('/etc/rsyncd.secrets'));
  const was = process.cwd();
  process.chdir(dir);
  try {
    const [c] = [...parseRepoConfigs(join(dir, 'a'), [join(dir, 'a/rsyncd.conf')])].filter((x): x is Config => x.kind === 'config');
    const [note] = notes(c);
    assert.is(note?.message, 'secrets file /etc/rsyncd.secrets: not under a (the scan root), looked for a/etc/rsyncd.secrets');
    assert.ok(note?.hint?.includes('--root .'), note?.hint);
    const [top] = [...parseRepoConfigs(dir, [join(dir, 'a/rsyncd.conf')])].filter((x): x is Config => x.kind === 'config');
    assert.is(top?.secrets[0]?.entries?.length, 1, 'from the top it is found');
  } finally {
    process.chdir(was);
  }
});

subdir.run();
