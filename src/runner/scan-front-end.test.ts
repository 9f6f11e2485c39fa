import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { scanRepository } from './scan-repository.ts';

const test = suite('scanRepository: a stunnel config beside the daemon');

const OPTS = { exclude: [], daemonUser: 'root' as const, rsyncVersion: [3, 5, 0] as [number, number, number], today: '2026-11-30' };
const DAEMON = 'address = 127.0.0.1\nport = 8873\n[data]\npath = /srv/data\nread only = no\n';

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rg-front-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

function reachOfConfig(root: string) {
  const doc = scanRepository([root], OPTS).targets.find((t) => 'config' in t && t.config.modules.length > 0);
  if (!doc || !('config' in doc)) throw new Error('no config target');
  return doc.config.effective.reach;
}

test("stunnel relaying to the daemon's loopback port: any host, named in the reason", () => {
  const reach = reachOfConfig(repo({ 'etc/rsyncd.conf': DAEMON, 'etc/stunnel/stunnel-rsyncd.conf': '[rsync]\naccept = 874\nconnect = 127.0.0.1:8873\n' }));
  assert.is(reach.value, 'any');
  assert.is(reach.front_end, 'stunnel on port 874 in etc/stunnel/stunnel-rsyncd.conf:2');
  assert.match(reach.reason, /^stunnel on port 874 in etc\/stunnel\/stunnel-rsyncd\.conf:2 relays any client to it/);
});

test('finds the stunnel service whatever its file is called (Debian reads every /etc/stunnel/*.conf)', () => {
  for (const name of ['etc/stunnel/stunnel.conf', 'etc/stunnel/rsync.conf', 'stunnel-rsync.conf']) {
    const reach = reachOfConfig(repo({ 'etc/rsyncd.conf': DAEMON, [name]: '[rsync]\naccept = 874\nconnect = 127.0.0.1:8873\ncert = /etc/ssl/rsyncd/server.pem\n' }));
    assert.is(reach.front_end, `stunnel on port 874 in ${name}:2`, name);
  }
});

test('a stunnel exec service fronts only the config its execargs name, not a loopback daemon beside it', () => {
  const root = repo({
    'rsyncd.conf': 'address = 127.0.0.1\nport = 8730\n[internal]\npath = /srv/internal\nread only = no\n',
    'rsyncd-tls.conf': 'address = 127.0.0.1\n[public]\npath = /srv/pub\nread only = yes\nauth users = bob\nsecrets file = /etc/rsyncd.secrets\n',
    'stunnel-tls.conf': '[rsync-tls]\naccept = 874\nexec = /usr/bin/rsync\nexecargs = rsync --daemon --config=/etc/rsyncd-tls.conf\n',
  });
  const reaches = new Map(scanRepository([root], OPTS).targets.flatMap((t) => ('config' in t && t.config.modules[0] ? [[t.config.modules[0].name, t.config.effective.reach] as const] : [])));
  assert.is(reaches.get('internal')?.value, 'local');
  assert.is(reaches.get('internal')?.front_end, null);
  assert.is(reaches.get('public')?.front_end, 'stunnel on port 874 in stunnel-tls.conf:2');
});

test('stunnel relaying elsewhere leaves the daemon local', () => {
  const reach = reachOfConfig(repo({ 'etc/rsyncd.conf': DAEMON, 'etc/stunnel/stunnel.conf': '[web]\naccept = 443\nconnect = 127.0.0.1:8080\n' }));
  assert.is(reach.value, 'local');
  assert.is(reach.front_end, null);
});

test.run();
