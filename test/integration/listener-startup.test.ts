/**
 * What the real rsync 3.5.0 daemon binds, or whether it starts at all, for the listener settings the issue 14
 * review found misread: `&include DIR` in the startup parse (*.conf), an `address` getaddrinfo cannot
 * resolve, an explicit wildcard, inet_aton spellings, and `-M address=` over the file. Each case checks the
 * daemon first, then that rsyncguard's facts say the same (config.starts, config.effective.reach).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_INCLUDES } from '../../src/common/index.ts';
import { buildFacts } from '../../src/facts/index.ts';
import { parseRsyncdConf } from '../../src/parse/index.ts';
import { connects, freePort, moduleDir, scratchDir } from './support/rsync-daemon.ts';

const test = suite('listener startup: what the daemon binds, or that it never starts');

interface Run {
  port: number;
  /** The exit code when the daemon stopped by itself within the wait, else null (it listens on `on`). */
  exited: number | null;
  stop(): void;
}

/** rsync --daemon with the file's own address (no --address) and `extra` options; waits until it listens on `on` or exits. */
async function daemon(config: string, on: string, extra: string[] = []): Promise<Run> {
  const port = await freePort();
  const child = spawn('rsync', ['--daemon', '--no-detach', `--config=${config}`, `--port=${port}`, `--log-file=${config}.log`, ...extra], { stdio: 'ignore' });
  const run: Run = {
    port,
    exited: null,
    stop: () => {
      if (run.exited === null) child.kill('SIGTERM');
    },
  };
  child.on('exit', (code) => {
    run.exited = code ?? -1;
  });
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    if (run.exited !== null || (await connects(on, port))) return run;
    await new Promise((r) => setTimeout(r, 25));
  }
  run.stop();
  throw new Error(`rsync --daemon neither listened on ${on} nor exited`);
}

function write(base: string, name: string, head: string[]): string {
  const path = join(base, name);
  writeFileSync(path, [...head, '[pub]', `    path = ${moduleDir(base, 'pub')}`, '    use chroot = no', ''].join('\n'));
  return path;
}

interface Facts {
  config: { starts: boolean; diagnostics: { code: string; file: string; line: number }[]; effective: { reach: { value: string; addresses: string[]; every_interface: boolean } } };
}

/** `rsyncguard facts FILE` (includes followed on this machine). */
async function factsOf(path: string): Promise<Facts> {
  const r = spawnSync(process.execPath, ['dist/cli.js', 'facts', path], { encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(r.stdout) as Facts;
}

test('&include DIR in the startup parse reads *.conf: an included address is what the daemon binds', async () => {
  const base = scratchDir('rg-startup-');
  mkdirSync(join(base, 'incd'));
  writeFileSync(join(base, 'incd', 'a.conf'), 'address = 127.0.0.2\n');
  writeFileSync(join(base, 'incd', 'b.inc'), 'address = 127.0.0.3\n');
  const path = write(base, 'main.conf', [`&include ${join(base, 'incd')}`]);
  const run = await daemon(path, '127.0.0.2');
  try {
    assert.is(run.exited, null, 'the daemon starts');
    assert.ok(await connects('127.0.0.2', run.port), 'listens on the included address');
    assert.not.ok(await connects('127.0.0.1', run.port), 'and nowhere else');
  } finally {
    run.stop();
  }
  const reach = (await factsOf(path)).config.effective.reach;
  assert.is(reach.value, 'local');
  assert.equal(reach.addresses, ['127.0.0.2']);
});

test('a fatal line in an included *.conf before the first module: the daemon never starts, and the facts say so', async () => {
  const base = scratchDir('rg-startup-');
  mkdirSync(join(base, 'incd'));
  writeFileSync(join(base, 'incd', 'a.conf'), '&bogus x\n[x]\npath = /tmp\n');
  const path = write(base, 'main.conf', ['address = 127.0.0.1', `&include ${join(base, 'incd')}`]);
  const run = await daemon(path, '127.0.0.1');
  run.stop();
  assert.is(run.exited, 1, 'Failed to parse config file');
  const facts = await factsOf(path);
  assert.is(facts.config.starts, false);
  assert.ok(facts.config.diagnostics.some((d) => d.code === 'daemon-refuses-to-start' && d.file.endsWith('a.conf')));
});

test('"address = 127.0.0.1 # loopback" and "address = [::1]": getaddrinfo fails, the daemon exits 10, and the facts say it never starts', async () => {
  for (const value of ['127.0.0.1 # loopback', '[::1]']) {
    const base = scratchDir('rg-startup-');
    const path = write(base, 'c.conf', [`address = ${value}`]);
    const run = await daemon(path, '127.0.0.1');
    run.stop();
    assert.is(run.exited, 10, value);
    assert.match(readFileSync(`${path}.log`, 'utf8'), /getaddrinfo: bind address/);
    const facts = await factsOf(path);
    assert.is(facts.config.starts, false, value);
    assert.ok(
      facts.config.diagnostics.some((d) => d.code === 'daemon-refuses-to-start' && d.line === 1),
      value,
    );
  }
});

test('an explicit wildcard binds every interface; inet_aton spellings bind loopback only', async () => {
  const base = scratchDir('rg-startup-');
  const wild = write(base, 'wild.conf', ['address = 0.0.0.0']);
  const run = await daemon(wild, '127.0.0.1');
  try {
    assert.is(run.exited, null);
    for (const host of ['127.0.0.1', '127.0.0.3']) assert.ok(await connects(host, run.port), host);
  } finally {
    run.stop();
  }
  const reach = (await factsOf(wild)).config.effective.reach;
  assert.is(reach.value, 'any');
  assert.ok(reach.every_interface, 'RSYNC-060 applies');
  for (const value of ['127.1', '0177.0.0.1', '2130706433']) {
    const path = write(base, `aton-${value}.conf`, [`address = ${value}`]);
    const aton = await daemon(path, '127.0.0.1');
    try {
      assert.is(aton.exited, null, value);
      assert.not.ok(await connects('127.0.0.2', aton.port), `${value}: loopback 127.0.0.1 only`);
    } finally {
      aton.stop();
    }
    assert.is((await factsOf(path)).config.effective.reach.value, 'local', value);
  }
});

test('-M address= beats the file: the daemon binds it, and reach follows the command line', async () => {
  const base = scratchDir('rg-startup-');
  const path = write(base, 'm.conf', ['address = 127.0.0.1']);
  for (const option of [['-M', 'address=127.0.0.2'], ['--dparam=address=127.0.0.2']]) {
    const run = await daemon(path, '127.0.0.2', option);
    try {
      assert.is(run.exited, null);
      assert.ok(await connects('127.0.0.2', run.port), `${option.join(' ')}: listens on 127.0.0.2`);
      assert.not.ok(await connects('127.0.0.1', run.port), `${option.join(' ')}: not on the file's 127.0.0.1`);
    } finally {
      run.stop();
    }
  }
  const config = parseRsyncdConf(path, readFileSync(path), NO_INCLUDES);
  const cmdline = ['rsync', '--daemon', `--config=${path}`, '-M', 'address=0.0.0.0'];
  const daemonFacts = { processes: [{ pid: 1, uid: 0, cmdline, config_path: path, root: '/', chrooted: false }], listeners: [], units: [], probes: [] };
  const facts = buildFacts({ target: { kind: 'file', id: path, display: path }, daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-30', config, daemon: daemonFacts });
  assert.is(facts.config.effective.reach.value, 'any');
  assert.match(facts.config.effective.reach.reason, /-M address=0\.0\.0\.0/);
});

test.run();
