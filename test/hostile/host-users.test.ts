/**
 * Hostile hosts for `rsyncguard host` (issue 12, item 3), continued: daemons and configs that a local user
 * owns or changed (user namespaces, replaced links, planted includes, a second --config, a huge argv), and
 * `--raw` input that is not a document. Each case runs as root in its own PID and network namespace (see
 * support/host-runs.ts); what leaves the host is checked in the collector's document and in every format.
 */
import { chmodSync, chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertNoCanary, IS_ROOT, mkfifo, runAllFormats, runCli, tempTree } from './support/cli.ts';
import { assertNotSent, assertRan, collectorDoc, hostRuns, MAX_MIB, NOBODY, nobodysConfig, openDir, shadowLike, WORLD_ONLY, type DocFile } from './support/host-runs.ts';

const host = suite('rsyncguard host: what users own is read with their rights');

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
