/**
 * stunnel's `exec = rsync` mode (RSYNC-061's help): stunnel hands each accepted socket to `rsync --daemon`
 * on its stdin/stdout, and that rsync serves the config its `--config` names, nothing else (clientserver.c
 * daemon_main: am_server with a socket on stdin is the inetd path). Here a plain socket server stands in for
 * stunnel, and the real rsync decides which modules a client sees; rsyncguard must give the exec service to
 * that config only, not to a loopback daemon's config beside it (adv3 #12).
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { freePort, listModules, moduleDir, scratchDir } from './support/rsync-daemon.ts';

const test = suite('stunnel exec = rsync: the rsync it runs serves only its --config');

test("the exec'd rsync lists only the modules of its --config; scan gives the front end to that config alone", async () => {
  const repo = scratchDir('rg-stunnel-exec-');
  const pub = moduleDir(repo, 'pub');
  const internal = moduleDir(repo, 'internal');
  const tls = join(repo, 'rsyncd-tls.conf');
  writeFileSync(join(repo, 'rsyncd.conf'), `address = 127.0.0.1\nport = 8730\nuse chroot = no\n[internal]\npath = ${internal}\nread only = no\n`);
  writeFileSync(tls, `address = 127.0.0.1\nuse chroot = no\n[public]\npath = ${pub}\nread only = yes\n`);
  writeFileSync(join(repo, 'stunnel-tls.conf'), `[rsync-tls]\naccept = 874\nexec = /usr/bin/rsync\nexecargs = rsync --daemon --config=${tls}\n`);
  const port = await freePort();
  // What stunnel does per client in exec mode: the connection is the child's stdin and stdout.
  const server = createServer((socket) => {
    const child = spawn('rsync', ['--daemon', `--config=${tls}`], { stdio: [socket, socket, 'ignore'] });
    child.on('exit', () => socket.destroy());
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  try {
    assert.equal(await listModules(port), ['public']);
  } finally {
    server.close();
  }
  const scan = spawnSync(process.execPath, ['dist/cli.js', 'scan', repo, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
  type Target = { facts: { config: { modules: { name: string }[]; effective: { reach: { value: string; front_end: string | null } } } } };
  const targets = (JSON.parse(scan.stdout) as { targets: Target[] }).targets;
  const reach = (name: string) => targets.find((t) => t.facts.config?.modules?.some((m) => m.name === name))?.facts.config.effective.reach;
  assert.is(reach('internal')?.value, 'local');
  assert.is(reach('internal')?.front_end, null);
  assert.is(reach('public')?.value, 'any');
  assert.match(reach('public')?.front_end ?? '', /^stunnel on port 874 in .*stunnel-tls\.conf:2$/);
});

test.run();
