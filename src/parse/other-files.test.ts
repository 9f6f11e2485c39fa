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

other('a drop-in that resets ExecStart= and then starts rsync --daemon starts the daemon (systemd.service(5)), read over its unit', () => {
  const dropin = '[Service]\nExecStart=\nExecStart=/usr/bin/rsync --daemon --no-detach --address=127.0.0.1\n';
  const [alone] = parsed({ 'rsync.service.d/override.conf': dropin });
  assert.ok(alone?.kind === 'other' && alone.analysis.analyzer === 'none' && /drop-in that starts rsync --daemon/.test(alone.analysis.reason));
  const out = parsed({ 'rsync.service': '[Service]\nExecStart=/usr/bin/rsync --daemon --no-detach\nProtectSystem=full\n', 'rsync.service.d/override.conf': dropin });
  const merged = out.find((r) => r.kind === 'other' && r.file.endsWith('override.conf'));
  assert.ok(merged?.kind === 'other' && merged.analysis.analyzer === 'systemd-unit');
  assert.equal(merged.analysis.analyzer === 'systemd-unit' && merged.analysis.unit.hardening, ['ProtectSystem']);
});

other('a unit whose ExecStart= continues on the next line starts the daemon (systemd.syntax(7))', () => {
  const out = parsed({ 'u2/rsyncd.service': '[Unit]\nDescription=x\n[Service]\nExecStart=/usr/bin/rsync \\\n    --daemon --no-detach\n[Install]\nWantedBy=multi-user.target\n' });
  assert.equal(out.map(summary), ['systemd-unit:systemd-unit']);
});

other('xinetd: disable = yes belongs to its own service block, not to the whole file', () => {
  const svc = (name: string, disable: string, user: string) => `service ${name}\n{\n\tdisable\t\t= ${disable}\n\tsocket_type\t= stream\n\tuser\t\t= ${user}\n\tserver\t\t= /usr/bin/rsync\n\tserver_args\t= --daemon\n}\n`;
  const [both] = parsed({ 'x1/rsync-xinetd': `${svc('rsync', 'no', 'root')}\n${svc('rsync-legacy', 'yes', 'nobody')}` });
  assert.ok(both?.kind === 'other' && both.analysis.analyzer === 'xinetd');
  assert.equal(both.analysis.analyzer === 'xinetd' && [both.analysis.enabled, both.analysis.user], [true, 'root']);
  const [off] = parsed({ 'x2/rsync-xinetd': `${svc('rsync', 'yes', 'root')}\n${svc('other', 'no', 'nobody').replace(/rsync/g, 'sshd')}` });
  assert.equal(off?.kind === 'other' && off.analysis.analyzer === 'xinetd' && off.analysis.enabled, false);
});

other('a Dockerfile whose only rsync word is RSYNC_PASSWORD is read for the image rules', () => {
  const [docker] = parsed({ 'dk3/Dockerfile': 'FROM debian:12\nENV RSYNC_PASSWORD=Hunter2Secret\nCMD ["/app/backup.sh"]\n' });
  assert.is(docker && summary(docker), 'dockerfile:dockerfile');
});

other('a Samba or nginx config named on the command line is skipped with a note, never read as rsyncd.conf', () => {
  const out = parsed({ 'etc/samba/smb.conf': '[global]\n workgroup = WORKGROUP\n[public]\n path = /srv/public\n read only = no\n guest ok = yes\n', 'nginx.conf': 'events {\n}\nhttp {\n  server { listen 80; }\n}\n' });
  assert.equal(out.map(summary), ['samba:none', 'other-config:none']);
  for (const r of out) assert.ok(r.kind === 'other' && r.diagnostics[0]?.code === 'not-analyzed');
});

other.run();
