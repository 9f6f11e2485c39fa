import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseRepoConfigs, type RepoConfig } from './repo-configs.ts';

function repo(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-other-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const parsed = (files: Record<string, string | Buffer>): RepoConfig[] => {
  const root = repo(files);
  return [
    ...parseRepoConfigs(
      root,
      Object.keys(files).map((f) => join(root, f)),
    ),
  ];
};

const summary = (r: RepoConfig) => (r.kind === 'other' ? `${r.fileKind}:${r.analysis.analyzer}` : r.kind);

const other = suite('parseRepoConfigs: files that are not rsyncd configs');

other('reads each file by the analyzer of its kind, never as rsyncd.conf', () => {
  const out = parsed({
    'a/rsyncd.service': '[Service]\nExecStart=-/usr/bin/rsync --daemon --no-detach\nNoNewPrivileges=yes\n',
    'b/backup.secrets': 'backup:Correct-Horse-Battery-9\n',
    'c/Dockerfile': 'FROM alpine\nRUN apk add rsync\nCMD ["rsync", "--daemon", "--no-detach"]\n',
    'd/stunnel.conf': '[rsync]\naccept = 874\nconnect = 127.0.0.1:873\n',
  });
  assert.equal(out.map(summary), ['systemd-unit:systemd-unit', 'rsync-secrets:secrets', 'dockerfile:dockerfile', 'stunnel:none']);
  const unit = out[0];
  assert.ok(unit?.kind === 'other' && unit.analysis.analyzer === 'systemd-unit' && unit.analysis.unit.hardening.includes('NoNewPrivileges'));
});

other('a secrets file a config names stays that config’s: no target of its own', () => {
  const out = parsed({ 'rsyncd.conf': '[m]\n  path = /srv\n  auth users = joe\n  secrets file = rsyncd.secrets\n', 'rsyncd.secrets': 'joe:Correct-Horse-Battery-9\n' });
  assert.equal(out.map(summary), ['config']);
  assert.ok(out[0]?.kind === 'config' && out[0].secrets[0]?.entries?.length === 1);
});

other('skips a unit or Dockerfile that does not concern rsync, saying why', () => {
  const out = parsed({ 'web.service': '[Service]\nExecStart=/usr/bin/node app.js\n', Dockerfile: 'FROM node:20\nCMD ["node", "app.js"]\n' });
  assert.equal(out.map(summary), ['dockerfile:none', 'systemd-unit:none']);
  for (const r of out) assert.ok(r.kind === 'other' && r.diagnostics[0]?.code === 'not-analyzed');
});

other('a binary file is still refused as before, not classified', () => {
  const out = parsed({ 'rsyncd.conf': Buffer.from([0x5b, 0x6d, 0x5d, 0, 0x0a]) });
  assert.equal(out.map(summary), ['error']);
});

other.run();
