/**
 * Hostile hosts for `rsyncguard host` (issue 12, item 3): processes that only call themselves rsync daemons
 * and name a root-only config, and a real rsync daemon whose config names files it could not read itself.
 * Each case runs the CLI as root in its own PID and network namespace, beside the processes it starts, so
 * other daemons on this machine stay out of the picture and everything ends with the namespace. Daemons
 * and configs that users own are in host-users.test.ts.
 */
import { chmodSync, chownSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertNoCanary, IS_ROOT, mkfifo, tempTree } from './support/cli.ts';
import { assertNote, assertRan, hostRuns, NOBODY, openDir, rootOnlyConfig } from './support/host-runs.ts';

const host = suite('rsyncguard host reads only what the daemon could');

host('argv0 "rsync" on another binary (exec -a): not followed, noted, the root-only config never read', () => {
  if (!IS_ROOT) return console.log('  skipped: needs root (namespaces, a root-only file)');
  const dir = tempTree();
  const canary = 'CANARY_EXEC_A_7f3e';
  const conf = rootOnlyConfig(dir, canary);
  const runs = hostRuns(`(exec -a rsync dash -c 'sleep 100; :' --daemon --config=${conf}) & wait_exe $! /usr/bin/dash`);
  assertRan(runs);
  assertNoCanary(runs, canary);
  assertNote(runs, /process \d+ \(uid 0\) looks like an rsync daemon but was not followed: it runs \/usr\/bin\/dash, not rsync/);
  rmSync(dir, { recursive: true, force: true });
});

host('a binary named rsync that a user owns: not followed, noted, the config never read', () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  const dir = tempTree();
  const canary = 'CANARY_USER_BINARY_51c0';
  const conf = rootOnlyConfig(dir, canary);
  const fake = join(dir, 'rsync');
  copyFileSync('/bin/dash', fake);
  chmodSync(fake, 0o755);
  chownSync(fake, NOBODY, NOBODY);
  const runs = hostRuns(`${fake} -c 'sleep 100; :' --daemon --config=${conf} & wait_exe $! ${fake}`);
  assertRan(runs);
  assertNoCanary(runs, canary);
  assertNote(runs, new RegExp(`was not followed: ${fake} is not owned by root in directories only root can write`));
  rmSync(dir, { recursive: true, force: true });
});

host('a root-owned binary named rsync under world-writable /tmp: not followed (anyone could have planted it)', () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  const dir = tempTree();
  const canary = 'CANARY_TMP_BINARY_9d24';
  const conf = rootOnlyConfig(dir, canary);
  const fake = join(dir, 'rsync');
  copyFileSync('/bin/dash', fake);
  chmodSync(fake, 0o755);
  const runs = hostRuns(`${fake} -c 'sleep 100; :' --daemon --config=${conf} & wait_exe $! ${fake}`);
  assertRan(runs);
  assertNoCanary(runs, canary);
  assertNote(runs, /was not followed: .* is not owned by root in directories only root can write/);
  rmSync(dir, { recursive: true, force: true });
});

host('a real rsync daemon running as nobody: what it cannot read is reported, never sent', () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  const dir = openDir('rg-hostile-nobody-');
  const canaries = ['CANARY_INCLUDE_0600_a1', 'CANARY_BEHIND_0700_b2', 'CANARY_SECRET_PW_c3'];
  writeFileSync(join(dir, 'closed.conf'), `[${canaries[0]}]\n    path = /${canaries[0]}\n`, { mode: 0o600 });
  chmodSync(join(dir, 'closed.conf'), 0o600);
  mkdirSync(join(dir, 'private'), { mode: 0o700 });
  writeFileSync(join(dir, 'private', 'open.conf'), `[${canaries[1]}]\n    path = /${canaries[1]}\n`, { mode: 0o644 });
  writeFileSync(join(dir, 'secrets'), `${canaries[2]}:${canaries[2]}-password\n`, { mode: 0o600 });
  chmodSync(join(dir, 'secrets'), 0o600);
  const conf = join(dir, 'rsyncd.conf');
  writeFileSync(conf, `[pub]\n    path = ${dir}\n    auth users = someone\n    secrets file = ${dir}/secrets\n&include ${dir}/closed.conf\n&include ${dir}/private/open.conf\n`, { mode: 0o644 });
  chmodSync(conf, 0o644);
  const runs = hostRuns(`setpriv --reuid=nobody --regid=nogroup --clear-groups rsync --daemon --no-detach --port=8873 --address=127.0.0.1 --config=${conf} & wait_exe $! /usr/bin/rsync`);
  assertRan(runs);
  for (const c of canaries) assertNoCanary(runs, c);
  const json = JSON.parse(runs.get('json')?.stdout ?? '{}') as { targets: { target: string; notes: { message: string }[]; facts: { daemon: { processes: { uid: number }[] } } }[] };
  const t = json.targets.find((x) => x.target.endsWith(`:${conf}`));
  assert.ok(t, `no target for ${conf}: ${runs.get('json')?.stderr}`);
  assert.equal(
    t.facts.daemon.processes.map((p) => p.uid),
    [NOBODY],
  );
  const notes = t.notes.map((n) => n.message).join('\n');
  assert.match(notes, `&include ${dir}/closed.conf was not followed: the daemon (uid ${NOBODY}) could not read it`);
  assert.match(notes, `&include ${dir}/private/open.conf was not followed: the daemon (uid ${NOBODY}) could not read it (a directory above it is not searchable)`);
  // A secrets file the daemon cannot read holds no login it accepts: said, and not a gap in the reading (exit 0 above).
  assert.match(notes, `The secrets file ${dir}/secrets was not read: the daemon (uid ${NOBODY}) could not read it`);
  rmSync(dir, { recursive: true, force: true });
});

host("a root daemon's includes of a FIFO, /dev/zero and /proc/self/environ: refused by type, nothing hangs or leaks", () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  const dir = openDir('rg-hostile-special-');
  const canary = 'CANARY_ENVIRON_d4e5';
  mkfifo(join(dir, 'fifo.conf'));
  const conf = join(dir, 'rsyncd.conf');
  writeFileSync(conf, '[pub]\n    path = /srv\n', { mode: 0o644 });
  const hostile = `[pub]\n    path = /srv\n&include ${dir}/fifo.conf\n&include /dev/zero\n&include /proc/self/environ\n`;
  // rsync refuses such includes at start-up: the config turns hostile once the daemon runs (it re-reads it
  // for every connection), which is also when an attacker with write access would change it.
  const runs = hostRuns(`rsync --daemon --no-detach --port=8873 --address=127.0.0.1 --config=${conf} & wait_exe $! /usr/bin/rsync; wait_port 8873; printf '%s' '${hostile}' > ${conf}`, { RG_HOSTILE_CANARY: canary });
  assertRan(runs);
  assertNoCanary(runs, canary);
  const json = JSON.parse(runs.get('json')?.stdout ?? '{}') as { targets: { target: string; notes: { message: string }[] }[] };
  const notes =
    json.targets
      .find((x) => x.target.endsWith(`:${conf}`))
      ?.notes.map((n) => n.message)
      .join('\n') ?? '';
  for (const p of [`${dir}/fifo.conf`, '/dev/zero', '/proc/self/environ']) assert.match(notes, `&include ${p} was not followed: not a regular file`);
  rmSync(dir, { recursive: true, force: true });
});

host('a secrets file a config also includes: only derived facts leave the host, never its lines', () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  const dir = openDir('rg-hostile-secrets-');
  const canary = 'CANARY_PASSWORD_f6a7';
  const secrets = join(dir, 'users.conf');
  writeFileSync(secrets, `alice:${canary}\nbob:${canary}-2\n`, { mode: 0o600 });
  chmodSync(secrets, 0o600);
  const conf = join(dir, 'rsyncd.conf');
  writeFileSync(conf, '[pub]\n    path = /srv\n', { mode: 0o644 });
  const hostile = `[pub]\n    path = /srv\n    auth users = alice\n    secrets file = ${secrets}\n&include ${secrets}\n`;
  const runs = hostRuns(`rsync --daemon --no-detach --port=8873 --address=127.0.0.1 --config=${conf} & wait_exe $! /usr/bin/rsync; wait_port 8873; printf '%s' '${hostile}' > ${conf}`);
  assertRan(runs);
  assertNoCanary(runs, canary);
  const json = JSON.parse(runs.get('json')?.stdout ?? '{}') as { targets: { target: string; notes: { message: string }[]; facts: { secrets: { entries: { name: string; length: number }[] }[] } }[] };
  const t = json.targets.find((x) => x.target.endsWith(`:${conf}`));
  assert.ok(t, runs.get('json')?.stderr);
  assert.match(t.notes.map((n) => n.message).join('\n'), `&include ${secrets} was not followed: `);
  assert.equal(
    t.facts.secrets[0]?.entries.map((e) => `${e.name} ${e.length}`),
    [`alice ${canary.length}`, `bob ${canary.length + 2}`],
  );
  rmSync(dir, { recursive: true, force: true });
});

host.run();
