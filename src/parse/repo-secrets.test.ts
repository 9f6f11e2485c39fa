import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openDaemonRoot } from '../sources/index.ts';
import { parseRepoConfigs, type RepoConfig } from './repo-configs.ts';
import { SECRETS_NOT_FOUND, SECRETS_SHARED } from './repo-secrets.ts';

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

shared.run();
