/**
 * Hostile repositories for `scan` (issue 12, items 1, 2 and 5): committed links that leave the checkout,
 * FIFOs and devices where a config should be, secrets files a discovery also matches, raw lines that could
 * be passwords, include chains deeper or wider than anything sensible. Each case builds its own input, and
 * asserts the outcome in every format: the canary absent, the note or error present, the exit code, a
 * deadline and a memory bound.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertNoCanary, IS_ROOT, mkfifo, runAllFormats, runCli, tempTree, type CliRun, type Format } from './support/cli.ts';

/** A scan that reads a few small files needs well under this; /dev/zero read to the end needs far more. */
const MEMORY_BOUND_MIB = 200;
/** A FIFO opened for reading blocks forever: the scan must be done long before this. */
const DEADLINE_MS = 20_000;

interface JsonOut {
  targets: { target: string; findings: { rule_id: string; message: string }[]; notes: { level: string; code: string; message: string; location: { file: string; line: number } | null }[]; facts: { secrets: { entries: unknown[] }[] } }[];
  errors: { target: string; message: string }[];
}

interface SarifOut {
  runs: { results: { ruleId: string; message: { text: string } }[]; invocations: { toolExecutionNotifications: { descriptor: { id: string }; message: { text: string } }[] }[] }[];
}

function scanAll(dir: string, ...args: string[]): Map<Format, CliRun> {
  return runAllFormats(['scan', '.', ...args], { cwd: dir, timeoutMs: DEADLINE_MS, env: { CANARY_TOKEN: 'CANARY-ENV-0fd1' } });
}

function json(runs: Map<Format, CliRun>): JsonOut {
  return JSON.parse(runs.get('json')?.stdout ?? '{}') as JsonOut;
}

function sarif(runs: Map<Format, CliRun>): SarifOut {
  return JSON.parse(runs.get('sarif')?.stdout ?? '{}') as SarifOut;
}

/** Finished in time, the same exit code in every format, within the memory bound. */
function assertRuns(runs: Map<Format, CliRun>, code: number): void {
  for (const [format, run] of runs) {
    assert.not.ok(run.timedOut, `${format}: the scan hit its ${DEADLINE_MS} ms deadline`);
    assert.is(run.code, code, `${format}: exit code (stderr: ${run.stderr.slice(0, 300)})`);
    assert.ok(run.peakMiB < MEMORY_BOUND_MIB, `${format}: peak memory ${run.peakMiB.toFixed(0)} MiB over ${MEMORY_BOUND_MIB}`);
  }
}

/** Every format says it: text and Markdown as written, JSON and SARIF anywhere in the document. */
function assertSaidEverywhere(runs: Map<Format, CliRun>, phrase: string): void {
  for (const [format, run] of runs) assert.ok(run.stdout.includes(phrase), `${format} does not say "${phrase}":\n${run.stdout.slice(0, 1500)}`);
}

const links = suite('committed links never lead a scan out of the repository');

links('a config that is a link to a file outside the root is named as not scanned, never read', () => {
  const outside = tempTree({ 'secret.conf': '[m]\npath = /srv\nCANARY-OUT-7c2e line without an equals sign\n' });
  const dir = tempTree({ 'etc/ok/rsyncd.conf': '[ok]\npath = /srv/ok\n' });
  symlinkSync(join(outside, 'secret.conf'), join(dir, 'rsyncd.conf'));
  const runs = scanAll(dir);
  assertNoCanary(runs, 'CANARY-OUT-7c2e');
  assertRuns(runs, 2);
  assertSaidEverywhere(runs, 'outside the scan root');
  const r = json(runs);
  assert.is(r.errors[0]?.target, 'rsyncd.conf');
  assert.ok(
    r.targets.some((t) => t.target === 'etc/ok/rsyncd.conf'),
    'the other config is still scanned',
  );
});

links('a secrets file that is a link to a file outside the root is a located note; its lines never appear', () => {
  const outside = tempTree({ environ: 'ACTIONS_RUNTIME_TOKEN=CANARY-TOK-91ab:x\nCANARY-TOK-91ab\njoe:CANARY-TOK-91ab\n' });
  const dir = tempTree({ 'etc/rsyncd.conf': '[m]\npath = /srv/m\nauth users = joe\nsecrets file = /etc/rsyncd.secrets\n' });
  symlinkSync(join(outside, 'environ'), join(dir, 'etc/rsyncd.secrets'));
  const runs = scanAll(dir, '--fail-on', 'critical');
  assertNoCanary(runs, 'CANARY-TOK-91ab');
  assertNoCanary(runs, 'ACTIONS_RUNTIME_TOKEN');
  assertRuns(runs, 0);
  assertSaidEverywhere(runs, 'The secrets file /etc/rsyncd.secrets was not read');
  const t = json(runs).targets[0];
  assert.ok(
    t?.notes.some((n) => n.code === 'secrets-not-read' && n.location?.file === 'etc/rsyncd.conf' && n.location.line === 4),
    'located at the "secrets file" line',
  );
  assert.is(t?.facts.secrets[0]?.entries.length, 0, 'nothing was read from it');
  assert.not.ok(
    t?.findings.some((f) => f.rule_id === 'RSYNC-032'),
    'no password judged',
  );
});

links('a secrets file that is a link to /proc/self/environ is never opened', () => {
  const dir = tempTree({ 'rsyncd.conf': '[m]\npath = /srv/m\nauth users = joe\nsecrets file = s.secrets\n' });
  symlinkSync('/proc/self/environ', join(dir, 's.secrets'));
  const runs = scanAll(dir, '--fail-on', 'critical');
  assertNoCanary(runs, 'CANARY-ENV-0fd1');
  assertRuns(runs, 0);
  assertSaidEverywhere(runs, 'was not read');
});

links('a FIFO named rsyncd.conf (and one a content sniff would open) is refused by type, without blocking', () => {
  const dir = tempTree({ 'b/rsyncd.conf': '[b]\npath = /b\n' });
  mkfifo(join(dir, 'rsyncd.conf'));
  mkfifo(join(dir, 'daemon.conf'));
  const runs = scanAll(dir);
  assertRuns(runs, 2);
  assertSaidEverywhere(runs, 'FIFO');
  const r = json(runs);
  assert.equal(
    r.errors.map((e) => e.target),
    ['rsyncd.conf'],
  );
  assert.ok(r.targets.some((t) => t.target === 'b/rsyncd.conf'));
});

links('a socket (and, as root, a character device) named like a config is refused by type', async () => {
  const dir = tempTree();
  mkdirSync(join(dir, 'rsyncd.d'));
  const server = createServer();
  await new Promise<void>((done) => server.listen(join(dir, 'rsyncd.d/sock.conf'), done));
  try {
    if (IS_ROOT) assert.is(spawnSync('mknod', [join(dir, 'rsyncd.conf'), 'c', '1', '5']).status, 0, 'mknod /dev/zero twin');
    const runs = scanAll(dir);
    assertRuns(runs, 2);
    assertSaidEverywhere(runs, 'is a socket, not a regular file');
    if (IS_ROOT) assertSaidEverywhere(runs, 'is a character device, not a regular file');
    assert.equal(
      json(runs)
        .errors.map((e) => e.target)
        .sort(),
      IS_ROOT ? ['rsyncd.conf', 'rsyncd.d/sock.conf'] : ['rsyncd.d/sock.conf'],
    );
  } finally {
    server.close();
  }
});

links('a tracked config replaced by a FIFO in a git work tree is refused by type, without blocking', () => {
  const dir = tempTree({ 'rsyncd.conf': '[m]\npath = /srv/m\n' });
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'fixture');
  rmSync(join(dir, 'rsyncd.conf'));
  mkfifo(join(dir, 'rsyncd.conf'));
  const runs = scanAll(dir);
  assertRuns(runs, 2);
  assertSaidEverywhere(runs, 'is a FIFO (named pipe), not a regular file');
});

links('a FIFO given to scan directly is refused, not opened', () => {
  const dir = tempTree();
  mkfifo(join(dir, 'rsyncd.conf'));
  const run = runCli(['scan', 'rsyncd.conf', '--format', 'json'], { cwd: dir, timeoutMs: DEADLINE_MS });
  assert.not.ok(run.timedOut);
  assert.is(run.code, 2);
  assert.match(run.stdout, 'FIFO');
});

links('an include that is a link to /dev/zero is not followed: bounded time and memory, a located note', () => {
  const dir = tempTree({ 'etc/rsyncd.conf': '&include /etc/zero.conf\n[m]\npath = /srv/m\nauth users = joe\nsecrets file = /etc/s\n&merge /etc/zero.inc\n' });
  symlinkSync('/dev/zero', join(dir, 'etc/zero.conf'));
  symlinkSync('/dev/zero', join(dir, 'etc/zero.inc'));
  const runs = scanAll(dir, '--fail-on', 'critical');
  assertRuns(runs, 0);
  assertSaidEverywhere(runs, '&include /etc/zero.conf was not followed');
  assertSaidEverywhere(runs, '&merge /etc/zero.inc was not followed');
});

links('a config discovered by name that links to /dev/zero is named as not scanned', () => {
  const dir = tempTree({ 'etc/rsyncd.conf': '[m]\npath = /srv/m\n' });
  mkdirSync(join(dir, 'etc/rsyncd.d'));
  symlinkSync('/dev/zero', join(dir, 'etc/rsyncd.d/zero.conf'));
  const runs = scanAll(dir);
  assertRuns(runs, 2);
  assert.equal(
    json(runs).errors.map((e) => e.target),
    ['etc/rsyncd.d/zero.conf'],
  );
});

links('an include of a directory that is a link out of the root is not followed, and none of its files is read', () => {
  const outside = tempTree({ 'a.conf': '[CANARY-DIR-44d0]\npath = /srv/x\nread only = no\n' });
  const dir = tempTree({ 'etc/rsyncd.conf': '&include /etc/rsyncd.d\n[m]\npath = /srv/m\nauth users = joe\nsecrets file = /etc/s\n' });
  symlinkSync(outside, join(dir, 'etc/rsyncd.d'));
  const runs = scanAll(dir, '--fail-on', 'critical');
  assertNoCanary(runs, 'CANARY-DIR-44d0');
  assertRuns(runs, 0);
  assertSaidEverywhere(runs, '&include /etc/rsyncd.d was not followed');
  const note = json(runs).targets[0]?.notes.find((n) => n.code === 'include-refused');
  assert.equal(note?.location, { file: 'etc/rsyncd.conf', line: 1, column: 1 });
});

links('a file in an included directory that links out of the root is skipped with a note; its siblings are read', () => {
  const outside = tempTree({ 'x.conf': '[CANARY-ENT-19fe]\npath = /srv/x\n' });
  const dir = tempTree({ 'etc/rsyncd.conf': '&include /etc/rsyncd.d\n', 'etc/rsyncd.d/a.conf': '[a]\npath = /srv/a\nread only = no\n' });
  symlinkSync(join(outside, 'x.conf'), join(dir, 'etc/rsyncd.d/b.conf'));
  const runs = scanAll(dir);
  assertNoCanary(runs, 'CANARY-ENT-19fe');
  assertRuns(runs, 1);
  assertSaidEverywhere(runs, 'b.conf was not followed');
  assert.ok(
    json(runs).targets[0]?.findings.some((f) => f.rule_id === 'RSYNC-002'),
    'the sibling module was evaluated',
  );
});

links('a config reached through a link inside the root is scanned once, as the file it is, and says so', () => {
  const dir = tempTree({ 'conf/main.cfg': '[pub]\npath = /srv/pub\nread only = no\n' });
  symlinkSync('conf/main.cfg', join(dir, 'rsyncd.conf'));
  const runs = scanAll(dir);
  assertRuns(runs, 1);
  assertSaidEverywhere(runs, 'Found through a link: rsyncd.conf → conf/main.cfg');
  assert.equal(
    json(runs).targets.map((t) => t.target),
    ['conf/main.cfg'],
  );
});

links.run();

const secrets = suite('a secrets file is never a config, and no diagnostic quotes a line that could be a secret');

secrets('a secrets file that discovery matches is read only as a secrets file: not a target, not included', () => {
  const dir = tempTree({
    'etc/rsyncd.conf': '&include /etc/rsyncd.d\n',
    'etc/rsyncd.d/mod.conf': '[m]\npath = /srv/m\nauth users = alice, bob\nsecrets file = /etc/rsyncd.d/users.conf\n',
    'etc/rsyncd.d/users.conf': 'alice:CANARY-PW-5e1a\nbob:CANARY-PW-5e1a\ncarol:pw=CANARY-PW-5e1a\n',
  });
  const runs = scanAll(dir, '--fail-on', 'critical');
  assertNoCanary(runs, 'CANARY-PW-5e1a');
  assertRuns(runs, 0);
  const r = json(runs);
  assert.equal(
    r.targets.map((t) => t.target),
    ['etc/rsyncd.conf'],
    'users.conf is no target of its own',
  );
  assert.is(r.targets[0]?.facts.secrets[0]?.entries.length, 3, 'it was read as the secrets file');
  assertSaidEverywhere(runs, 'is the secrets file a module names');
  assert.ok(
    r.targets[0]?.findings.some((f) => f.rule_id === 'RSYNC-033'),
    'the shared password is found',
  );
  assert.not.ok(
    r.targets[0]?.notes.some((n) => n.code === 'badly-formed-line'),
    'no password line parsed as a config line',
  );
});

secrets('lines rsync ignores are described, never quoted: user:password, bare words, a password holding "="', () => {
  const dir = tempTree({ 'rsyncd.conf': '[m]\npath = /srv/m\nalice:CANARY-LN-77b3\nCANARY-LN-77b3\ncarol:CANARY-LN-77b3=x\npath /srv/old\nzed:CANARY-LN-77b3' });
  const runs = scanAll(dir, '--fail-on', 'critical');
  assertNoCanary(runs, 'CANARY-LN-77b3');
  assertRuns(runs, 0);
  const messages =
    json(runs)
      .targets[0]?.notes.map((n) => n.message)
      .join('\n') ?? '';
  assert.match(messages, '"alice:********"');
  assert.match(messages, 'Unknown parameter "carol:********"');
  assert.match(messages, '"path ********"');
  assert.match(messages, 'not shown');
});

secrets('a line that is a password with base64 padding, or one word before an "=", is never quoted', () => {
  const dir = tempTree({ 'rsyncd.conf': '[m]\npath = /srv/m\nQ0FOQVJZLUI2NC05ZTQx==\nQ0FOQVJZLUI2NC05ZTQx=rest\nQ0FOQVJZLUI2NC05ZTQx words = x\n' });
  const runs = scanAll(dir, '--fail-on', 'critical');
  assertNoCanary(runs, 'Q0FOQVJZLUI2NC05ZTQx');
  assertRuns(runs, 0);
});

secrets('a password written as an auth users option (alice:password) is masked in the facts too', () => {
  const dir = tempTree({ 'rsyncd.conf': 'auth users = carol:CANARY-AU-5d2e\n[m]\npath = /srv/m\nauth users = alice:CANARY-AU-5d2e, bob:ro, eve:readonly\nsecrets file = /etc/rsyncd.secrets\n' });
  const runs = scanAll(dir, '--fail-on', 'critical');
  assertNoCanary(runs, 'CANARY-AU-5d2e');
  assertRuns(runs, 0);
  // What reads like an access level is still shown.
  assert.match(JSON.stringify(json(runs)), 'eve:readonly');
});

secrets.run();

const includes = suite('deep and wide includes: modelled as rsync reads them, never a silent pass');

function chain(depth: number, last: string): Record<string, string> {
  const files: Record<string, string> = { 'etc/rsyncd.conf': '&include /etc/c/1.conf\n' };
  for (let i = 1; i < depth; i++) files[`etc/c/${i}.conf`] = `&include /etc/c/${i + 1}.conf\n`;
  files[`etc/c/${depth}.conf`] = last;
  return files;
}

const OPEN_MODULE = '[pub]\npath = /srv/pub\nread only = no\n';

includes('a 40-file chain is followed to the end, as rsync 3.5.0 does: the anonymous writable module is found', () => {
  const runs = scanAll(tempTree(chain(40, OPEN_MODULE)));
  assertRuns(runs, 1);
  const r = json(runs);
  assert.equal(
    r.targets.map((t) => t.target),
    ['etc/rsyncd.conf'],
    'the last file is part of the chain, not a target of its own',
  );
  const t = r.targets[0];
  assert.ok(
    t?.findings.some((f) => f.rule_id === 'RSYNC-002'),
    'RSYNC-002 found at the end of the chain',
  );
  assert.not.ok(t?.notes.some((n) => n.code === 'include-cycle' || n.code === 'daemon-refuses-to-start'));
});

includes('a chain deeper than rsyncguard follows is "could not be evaluated" (exit 2), located, in every format', () => {
  const runs = scanAll(tempTree(chain(300, OPEN_MODULE)));
  assertRuns(runs, 2);
  assertSaidEverywhere(runs, 'Not evaluated: the include chain is deeper than');
  assert.match(json(runs).errors[0]?.message ?? '', /^etc\/c\/\d+\.conf:1: /);
});

includes("includes that fan out exponentially stop at rsyncguard's file budget: exit 2, fast", () => {
  const files: Record<string, string> = { 'etc/rsyncd.conf': '&include /etc/d1\n' };
  for (let level = 1; level <= 8; level++) {
    for (let k = 0; k < 4; k++) files[`etc/d${level}/${k}.conf`] = level < 8 ? `&include /etc/d${level + 1}\n` : `[m${k}]\npath = /srv\n`;
  }
  const runs = scanAll(tempTree(files));
  assertRuns(runs, 2);
  assertSaidEverywhere(runs, 'Not evaluated: the configuration includes more than');
});

includes('an include cycle before the first module: the daemon refuses to start, shown in every format', () => {
  const dir = tempTree({ 'etc/rsyncd.conf': '&include /etc/loop.conf\n[pub]\npath = /srv/pub\nread only = no\n', 'etc/loop.conf': '&include /etc/rsyncd.conf\n' });
  const runs = scanAll(dir, '--fail-on', 'critical');
  assertRuns(runs, 0);
  assertSaidEverywhere(runs, 'rsync --daemon refuses to start');
  const log = sarif(runs).runs[0];
  assert.ok(
    log?.invocations[0]?.toolExecutionNotifications.some((n) => n.descriptor.id === 'daemon-refuses-to-start'),
    'SARIF notification',
  );
  assert.ok(
    log?.results.some((r) => r.ruleId === 'RSYNC-100'),
    'SARIF result',
  );
});

includes('an unknown directive before the first module: refuses to start, a finding in every format', () => {
  const runs = scanAll(tempTree({ 'rsyncd.conf': '&bogus x\n[pub]\npath = /srv/pub\nread only = no\n' }), '--fail-on', 'critical');
  assertRuns(runs, 0);
  assertSaidEverywhere(runs, 'RSYNC-100');
  assertSaidEverywhere(runs, 'refuses to start');
});

includes('a broken header after the first module: the daemon starts but fails every connection, in every format', () => {
  const runs = scanAll(tempTree({ 'rsyncd.conf': '[pub]\npath = /srv/pub\n[bad/name]\n' }), '--fail-on', 'critical');
  assertRuns(runs, 0);
  assertSaidEverywhere(runs, 'RSYNC-101');
  assertSaidEverywhere(runs, 'every connection');
});

includes.run();
