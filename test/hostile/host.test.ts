/**
 * Hostile hosts for `rsyncguard host` (issue 12, item 3): processes that only call themselves rsync daemons
 * and name a root-only config, and a real rsync daemon whose config names files it could not read itself.
 * Each case runs the CLI as root in its own PID and network namespace, beside the processes it starts, so
 * other daemons on this machine stay out of the picture and everything ends with the namespace.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertNoCanary, CLI, FORMATS, IS_ROOT, mkfifo, runAllFormats, runCli, tempTree, type CliRun, type Format } from './support/cli.ts';

const PEAK_RSS = resolve('test/hostile/support/peak-rss.mjs');
const NOBODY = 65534;
const MAX_MIB = 200;

/** Waits (inside the namespace) until PID runs EXE, so the collector never sees a half-started process. */
const WAIT_EXE =
  'wait_exe() { i=0; while [ "$(readlink /proc/$1/exe)" != "$2" ] && [ $i -lt 200 ]; do sleep 0.02; i=$((i+1)); done; }\n' +
  // A daemon listens only once it has read its config: a config changed before that would stop it starting.
  'wait_port() { i=0; while ! awk -v p="$(printf %04X "$1")" \'$4 == "0A" && $2 ~ ":" p "$" { f = 1 } END { exit !f }\' /proc/net/tcp && [ $i -lt 200 ]; do sleep 0.02; i=$((i+1)); done; }';

/** `rsyncguard host --format F --fail-on none` after SETUP (bash) has started its processes, per format. */
function hostRuns(setup: string, env: Record<string, string> = {}): Map<Format, CliRun> {
  const runs = new Map<Format, CliRun>();
  for (const format of FORMATS) {
    const rssDir = mkdtempIn('rg-rss-');
    const script = `ip link set lo up; ${WAIT_EXE}\n${setup}\nexec "${process.execPath}" --import "${PEAK_RSS}" "${CLI}" host --format ${format} --fail-on none`;
    const r = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', '--net', 'bash', '-c', script], {
      env: { ...process.env, NO_COLOR: '1', RSYNCGUARD_TEST_RSS_FILE: join(rssDir, 'rss'), ...env },
      encoding: 'utf8',
      timeout: 60_000,
      killSignal: 'SIGKILL',
      maxBuffer: 64 << 20,
    });
    let peakMiB = Number.NaN;
    try {
      peakMiB = Number(readFileSync(join(rssDir, 'rss'), 'utf8')) / 1024;
    } catch {
      // Reported by the bound below.
    }
    rmSync(rssDir, { recursive: true, force: true });
    runs.set(format, { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', peakMiB, timedOut: r.error !== undefined });
  }
  return runs;
}

function mkdtempIn(prefix: string): string {
  return tempTree({}, prefix);
}

/** A 0600 root-owned rsyncd config whose every line carries the canary. */
function rootOnlyConfig(dir: string, canary: string): string {
  const path = join(dir, 'root-only.conf');
  writeFileSync(path, `[${canary}]\n    path = /${canary}\n${canary} not a parameter line\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

function assertRan(runs: Map<Format, CliRun>): void {
  for (const [format, run] of runs) {
    assert.not.ok(run.timedOut, `${format}: the run hit its deadline`);
    assert.is(run.code, 0, `${format}: exit ${run.code}: ${run.stderr}`);
    assert.ok(run.peakMiB < MAX_MIB, `${format}: peak ${run.peakMiB} MiB ≥ ${MAX_MIB} MiB`);
  }
}

/** On stderr as it happens, and in the report itself in every format (a host with no target still gets one). */
function assertNote(runs: Map<Format, CliRun>, pattern: RegExp): void {
  for (const [format, run] of runs) {
    assert.match(run.stderr, pattern, `${format}: no note matching ${pattern} in: ${run.stderr}`);
    assert.match(run.stdout, /looks like an rsync daemon but was not followed|was not read/, `${format}: the report does not carry the note: ${run.stdout.slice(0, 400)}`);
  }
}

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

/** A world-traversable folder outside /tmp's per-test dirs' 0700 default: a nobody daemon must reach it. */
function openDir(prefix: string): string {
  const dir = join(tmpdir(), `${prefix}${process.pid}-${Date.now()}`);
  mkdirSync(dir, { mode: 0o755 });
  chmodSync(dir, 0o755);
  return dir;
}

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

/** The collector's own document (what leaves the host, and what `sweep --results` keeps) after SETUP. */
function collectorDoc(setup: string): { stdout: string; stderr: string; code: number | null } {
  const script = `ip link set lo up; ${WAIT_EXE}\n${setup}\nexec sh "${resolve('dist/rsync-facts.sh')}"`;
  const r = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', '--net', 'bash', '-c', script], { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', maxBuffer: 64 << 20 });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', code: r.status };
}

interface DocFile {
  path: string;
  text?: string | null;
  unreadable?: string;
}

/** A root-only file laid out like /etc/shadow, every line carrying the canary. */
function shadowLike(dir: string, canary: string): string {
  const path = join(dir, 'shadow');
  writeFileSync(path, `root:$6$${canary}$x:19000:0:99999:7:::\n${canary}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

/** A directory and a config in it that user nobody owns (a local user's own files). */
function nobodysConfig(dir: string, text = '[pub]\n    path = /srv\n'): string {
  const home = join(dir, 'home');
  mkdirSync(home, { mode: 0o755 });
  chownSync(home, NOBODY, NOBODY);
  const conf = join(home, 'rsyncd.conf');
  writeFileSync(conf, text, { mode: 0o644 });
  chownSync(conf, NOBODY, NOBODY);
  return conf;
}

/** The canary in no stream of the collector's document nor of any format, and FILE noted as not read with REASON. */
function assertNotSent(doc: { stdout: string; stderr: string; code: number | null }, runs: Map<Format, CliRun>, canary: string, file: string, reason: string): void {
  assert.is(doc.code, 0, doc.stderr);
  assert.not.ok(doc.stdout.includes(canary), 'the canary left the host in the collector document');
  const files = (JSON.parse(doc.stdout) as { files: DocFile[] }).files;
  const f = files.find((x) => x.path === file);
  assert.ok(f, `${file} is not in the document: ${JSON.stringify(files.map((x) => x.path))} ${doc.stdout.slice(0, 1500)}`);
  assert.is(f.text, null);
  assert.is(f.unreadable, reason);
  assertRan(runs);
  assertNoCanary(runs, canary);
}

const WORLD_ONLY = 'not world-readable, and users other than root can change it or the config naming it';

host("a user's own rsync daemon in a user namespace (unshare -Ur, every capability there): read with the user's rights", () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  const dir = openDir('rg-hostile-userns-');
  const canary = 'CANARY_USERNS_SHADOW_3b91';
  const shadow = shadowLike(dir, canary);
  const conf = nobodysConfig(dir);
  // rsync checks includes at start-up only; the user adds the hostile one once the daemon runs.
  const setup = `setpriv --reuid=nobody --regid=nogroup --clear-groups unshare -Ur rsync --daemon --no-detach --port=8873 --address=127.0.0.1 --config=${conf} & wait_exe $! /usr/bin/rsync; wait_port 8873; printf '[pub]\\n    path = /srv\\n&include ${shadow}\\n' > ${conf}`;
  assertNotSent(collectorDoc(setup), hostRuns(setup), canary, shadow, `the daemon (uid ${NOBODY}) could not read it`);
  rmSync(dir, { recursive: true, force: true });
});

host('a root daemon whose config a user owns: what it &includes is read only if world-readable', () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  const dir = openDir('rg-hostile-userconf-');
  const canary = 'CANARY_USER_CONFIG_SHADOW_58e2';
  const shadow = shadowLike(dir, canary);
  const conf = nobodysConfig(dir);
  const setup = `rsync --daemon --no-detach --port=8873 --address=127.0.0.1 --config=${conf} & wait_exe $! /usr/bin/rsync; wait_port 8873; setpriv --reuid=nobody --regid=nogroup --clear-groups sh -c "printf '[pub]\\n    path = /srv\\n&include ${shadow}\\n' > ${conf}"`;
  assertNotSent(collectorDoc(setup), hostRuns(setup), canary, shadow, WORLD_ONLY);
  rmSync(dir, { recursive: true, force: true });
});

host('a root daemon whose config a user replaced with a link to a root-only file: not read', () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  const dir = openDir('rg-hostile-userlink-');
  const canary = 'CANARY_LINKED_CONFIG_c07d';
  const shadow = shadowLike(dir, canary);
  const conf = nobodysConfig(dir);
  const setup = `rsync --daemon --no-detach --port=8873 --address=127.0.0.1 --config=${conf} & wait_exe $! /usr/bin/rsync; wait_port 8873; setpriv --reuid=nobody --regid=nogroup --clear-groups ln -sf ${shadow} ${conf}`;
  assertNotSent(collectorDoc(setup), hostRuns(setup), canary, conf, WORLD_ONLY);
  rmSync(dir, { recursive: true, force: true });
});

host("a root-owned config that &includes a directory a user can write: the user's planted include reaches nothing of root's", () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  const dir = openDir('rg-hostile-userdir-');
  const canary = 'CANARY_PLANTED_INCLUDE_9a4f';
  const shadow = shadowLike(dir, canary);
  const confd = join(dir, 'conf.d');
  mkdirSync(confd, { mode: 0o755 });
  chownSync(confd, NOBODY, NOBODY);
  const conf = join(dir, 'rsyncd.conf');
  writeFileSync(conf, `[pub]\n    path = /srv\n&include ${confd}\n`, { mode: 0o644 });
  const planted = join(confd, 'planted.conf');
  const setup = `rsync --daemon --no-detach --port=8873 --address=127.0.0.1 --config=${conf} & wait_exe $! /usr/bin/rsync; wait_port 8873; setpriv --reuid=nobody --regid=nogroup --clear-groups sh -c "printf '&include ${shadow}\\n' > ${planted}"`;
  const doc = collectorDoc(setup);
  assertNotSent(doc, hostRuns(setup), canary, shadow, WORLD_ONLY);
  // The root-owned config itself is still read with the daemon's rights.
  assert.match((JSON.parse(doc.stdout) as { files: DocFile[] }).files.find((f) => f.path === conf)?.text ?? '', `&include ${confd}`);
  rmSync(dir, { recursive: true, force: true });
});

host("a user's own daemon on root's config, started first, hides nothing the root daemon includes", () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  const dir = openDir('rg-hostile-shared-');
  const hidden = join(dir, 'hidden.conf');
  writeFileSync(hidden, '[hidden]\n    path = /srv\n    read only = no\n', { mode: 0o600 });
  chmodSync(hidden, 0o600);
  const conf = join(dir, 'rsyncd.conf');
  writeFileSync(conf, '[pub]\n    path = /srv\n', { mode: 0o644 });
  // Two-digit pids for both daemons, so the user's sorts first in /proc as it would on a busy host.
  const setup = [
    'for i in 1 2 3 4 5 6 7 8 9 10 11 12; do /bin/true; done',
    `setpriv --reuid=nobody --regid=nogroup --clear-groups rsync --daemon --no-detach --port=8873 --address=127.0.0.1 --config=${conf} & wait_exe $! /usr/bin/rsync; wait_port 8873`,
    `rsync --daemon --no-detach --port=8874 --address=127.0.0.1 --config=${conf} & wait_exe $! /usr/bin/rsync; wait_port 8874`,
    `printf '[pub]\\n    path = /srv\\n&include ${hidden}\\n' > ${conf}`,
  ].join('\n');
  const runs = hostRuns(setup);
  assertRan(runs);
  const json = JSON.parse(runs.get('json')?.stdout ?? '{}') as { targets: { target: string; findings: { rule_id: string; module: string | null }[] }[] };
  const t = json.targets.find((x) => x.target.endsWith(`:${conf}`));
  assert.ok(t, runs.get('json')?.stderr);
  assert.ok(
    t.findings.some((f) => f.rule_id === 'RSYNC-002' && f.module === 'hidden'),
    `the root daemon's writable [hidden] is not reported: ${JSON.stringify(t.findings.map((f) => `${f.rule_id} ${f.module}`))}`,
  );
  for (const [format, run] of runs) if (format !== 'json') assert.match(run.stdout, 'hidden', `${format}: [hidden] is missing`);
  rmSync(dir, { recursive: true, force: true });
});

host('a daemon given --config twice is judged by the config it serves: the last one', () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  const dir = openDir('rg-hostile-twoconf-');
  const decoy = join(dir, 'decoy.conf');
  const served = join(dir, 'served.conf');
  writeFileSync(decoy, '[decoy]\n    path = /srv\n    auth users = alice\n');
  writeFileSync(served, '[served]\n    path = /srv\n    read only = no\n');
  const runs = hostRuns(`rsync --daemon --no-detach --port=8873 --address=127.0.0.1 --config=${decoy} --config ${served} & wait_exe $! /usr/bin/rsync`);
  assertRan(runs);
  const json = JSON.parse(runs.get('json')?.stdout ?? '{}') as { targets: { target: string; findings: { rule_id: string; module: string | null }[] }[] };
  const t = json.targets.find((x) => x.target.endsWith(`:${served}`));
  assert.ok(t, `no target for ${served}: ${json.targets.map((x) => x.target).join(', ')}`);
  assert.ok(t.findings.some((f) => f.rule_id === 'RSYNC-002' && f.module === 'served'));
  rmSync(dir, { recursive: true, force: true });
});

host("a user's own daemon naming root's config as its secrets file (or a path that starts like it) hides nothing", () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  const dir = openDir('rg-hostile-secretsname-');
  const conf = join(dir, 'rsyncd.conf');
  writeFileSync(conf, '[pub]\n    path = /srv\n    read only = no\n', { mode: 0o644 });
  const mine = nobodysConfig(dir, `[u1]\n    path = /srv\n    auth users = a\n    secrets file = ${conf}\n[u2]\n    path = /srv\n    auth users = a\n    secrets file = ${conf} /zz\n`);
  const setup = [
    `setpriv --reuid=nobody --regid=nogroup --clear-groups rsync --daemon --no-detach --port=8874 --address=127.0.0.1 --config=${mine} & wait_exe $! /usr/bin/rsync; wait_port 8874`,
    `rsync --daemon --no-detach --port=8873 --address=127.0.0.1 --config=${conf} & wait_exe $! /usr/bin/rsync; wait_port 8873`,
  ].join('\n');
  const runs = hostRuns(setup);
  assertRan(runs);
  const json = JSON.parse(runs.get('json')?.stdout ?? '{}') as { targets: { target: string; findings: { rule_id: string; module: string | null }[] }[] };
  const t = json.targets.find((x) => x.target.endsWith(`:${conf}`));
  assert.ok(t, `root's config is not evaluated: ${json.targets.map((x) => x.target).join(', ')} ${runs.get('json')?.stderr}`);
  assert.ok(t.findings.some((f) => f.rule_id === 'RSYNC-002' && f.module === 'pub'));
  rmSync(dir, { recursive: true, force: true });
});

host("a user's own daemon with a 1.4 MB argv and 16 configs of 250 KB of quotes: the collector stays fast", () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  const dir = openDir('rg-hostile-bigargv-');
  // Every character needs escaping in JSON: the worst case for the collector's escaping.
  const quotes = '"'.repeat(250_000);
  const includes = Array.from({ length: 15 }, (_, i) => join(dir, 'home', `more-${i}.conf`));
  const conf = nobodysConfig(dir, `[pub]\n    path = /srv\n${includes.map((f) => `&include ${f}\n`).join('')}${quotes}\n`);
  for (const f of includes) {
    writeFileSync(f, `${quotes}\n`);
    chownSync(f, NOBODY, NOBODY);
  }
  const setup = [
    'L=$(head -c 120000 /dev/zero | tr "\\0" "\\"")',
    `setpriv --reuid=nobody --regid=nogroup --clear-groups rsync --daemon --no-detach --port=8873 --address=127.0.0.1 --config=${conf} ${Array.from({ length: 12 }, () => '-M "motd file=$L"').join(' ')} & wait_exe $! /usr/bin/rsync; wait_port 8873`,
  ].join('\n');
  const started = performance.now();
  const doc = collectorDoc(setup);
  const seconds = (performance.now() - started) / 1000;
  console.log(`  collector with a 1.4 MB argv and 16 configs of 250 KB: ${seconds.toFixed(1)} s`);
  assert.is(doc.code, 0, doc.stderr);
  const raw = JSON.parse(doc.stdout) as { processes: { cmdline: string[] }[]; files: DocFile[] };
  assert.ok((raw.processes[0]?.cmdline.join('').length ?? 0) > 1_400_000, 'the whole argv is there');
  assert.equal(raw.files.filter((f) => f.text?.includes(quotes)).length, 16, 'every config is read whole');
  assert.ok(seconds < 30, `the collector took ${seconds.toFixed(1)} s`);
  rmSync(dir, { recursive: true, force: true });
});

host('--raw FILE that is not JSON, a FIFO or /dev/zero: refused, nothing of it quoted, nothing hangs', () => {
  const canary = 'CANARY_RAW_NOT_JSON_2d8e';
  const dir = tempTree({ 'raw.json': `{"schema": ${canary} }\n` });
  const runs = runAllFormats(['host', '--raw', join(dir, 'raw.json')]);
  assertNoCanary(runs, canary);
  for (const [format, run] of runs) {
    assert.is(run.code, 2, format);
    assert.match(run.stderr, 'cannot read the collector document: it is not valid JSON', format);
  }
  mkfifo(join(dir, 'fifo'));
  for (const [path, kind] of [
    ['/dev/zero', 'a character device'],
    [join(dir, 'fifo'), 'a FIFO (named pipe)'],
  ] as const) {
    const r = runCli(['host', '--raw', path], { timeoutMs: 20_000 });
    assert.not.ok(r.timedOut, `${path}: hung`);
    assert.is(r.code, 2, r.stderr);
    assert.match(r.stderr, `the collector document is ${kind}, not a regular file`);
    assert.ok(r.peakMiB < MAX_MIB, `${path}: peak ${r.peakMiB} MiB`);
  }
  rmSync(dir, { recursive: true, force: true });
});

host.run();
