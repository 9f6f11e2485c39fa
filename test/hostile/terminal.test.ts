/**
 * Issue 12, item 12: terminal and pipes. Control characters that came from files never reach a terminal
 * raw (text, access text, Markdown, stderr); a reader that closes the pipe early ends the output quietly;
 * `eval` refuses a FIFO or a device by its type before reading a byte.
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertNoCanary, CLI, mkfifo, runAllFormats, runCli, tempTree, type CliRun } from './support/cli.ts';

/** Clears the screen, then paints red: what a hostile module name would do to a terminal. */
const ESCAPES = '\u001b[2J\u001b[31m';
const EVIL = `${ESCAPES}evil\u009b1m\u202egnp.exe`;
/** How each control must appear instead. */
const SHOWN = '\\x1b[2J\\x1b[31mevil\\x9b1m\\u202egnp.exe';

function hostileConfig(): string {
  return tempTree({ 'rsyncd.conf': `[${EVIL}]\n    path = /srv/x\n    read only = no\n\n[données-日本]\n    path = /srv/y\n` });
}

function assertNoRawControls(run: CliRun, what: string): void {
  for (const [name, text] of [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
  ] as const) {
    assert.not.ok(text.includes('\u001b'), `${what}: raw ESC in ${name}`);
    assert.not.ok(text.includes('\u009b'), `${what}: raw CSI in ${name}`);
    assert.not.ok(text.includes('\u202e'), `${what}: raw right-to-left override in ${name}`);
  }
}

const terminal = suite('terminal and pipes (issue 12, item 12)');

terminal('a module name with ESC sequences is shown escaped in the text report, colours on or off', () => {
  const dir = hostileConfig();
  const envs: Record<string, string>[] = [{}, { FORCE_COLOR: '1', NO_COLOR: '' }];
  for (const env of envs) {
    const r = runCli(['scan', dir, '--format', 'text'], { env });
    assert.is(r.code, 1, r.stderr);
    assert.ok(r.stdout.includes(SHOWN), `the module is shown, escaped:\n${r.stdout}`);
    assert.ok(r.stdout.includes('[données-日本]'), 'legitimate UTF-8 is kept');
    assert.not.ok(r.stdout.includes(ESCAPES), 'the escape sequence reached the terminal');
    if (Object.keys(env).length === 0) assertNoRawControls(r, 'text');
    else assert.ok(r.stdout.includes('\u001b[1m'), 'FORCE_COLOR still paints (our own codes)');
  }
});

terminal('Markdown neutralises them too', () => {
  const r = runCli(['scan', hostileConfig(), '--format', 'markdown']);
  assert.is(r.code, 1, r.stderr);
  assert.ok(r.stdout.includes(SHOWN), r.stdout);
  assertNoRawControls(r, 'markdown');
});

terminal('JSON and SARIF printed to a terminal carry none either, and still hold the exact name', () => {
  for (const format of ['json', 'sarif']) {
    const r = runCli(['scan', hostileConfig(), '--format', format]);
    assert.is(r.code, 1, r.stderr);
    assertNoRawControls(r, format);
    assert.ok(r.stdout.includes('\\u001b[2J\\u001b[31mevil\\u009b1m\\u202egnp.exe'), `${format}: the name, JSON-escaped`);
  }
  const facts = runCli(['facts', join(hostileConfig(), 'rsyncd.conf')]);
  assertNoRawControls(facts, 'facts');
  const doc = JSON.parse(facts.stdout) as { config: { modules: { name: string }[] } };
  assert.is(doc.config.modules[0]?.name, EVIL, 'the value is unchanged for programs');
});

terminal('access text escapes the module name', () => {
  const dir = hostileConfig();
  const r = runCli(['access', join(dir, 'rsyncd.conf'), '--client', '192.0.2.10']);
  assert.is(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes(`[${SHOWN}]`), r.stdout);
  assert.ok(r.stdout.includes('[données-日本]'));
  assertNoRawControls(r, 'access');
});

terminal('an error on stderr quoting text from a file escapes it', () => {
  const dir = hostileConfig();
  writeFileSync(join(dir, 'waivers.yaml'), `waivers:\n  - rule: RSYNC-001\n    reason: x\n    expires: 2999-01-01\n    "${EVIL}": 1\n`);
  const r = runCli(['scan', dir, '--waivers', join(dir, 'waivers.yaml')]);
  assert.is(r.code, 2);
  assert.match(r.stderr, `unknown waiver field "${SHOWN}"`);
  assertNoRawControls(r, 'stderr');
});

terminal('the GitHub Action escapes them in its log, annotations and failure message', () => {
  const dir = hostileConfig();
  const outputs = join(dir, 'outputs');
  writeFileSync(outputs, '');
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: outputs, INPUT_PATHS: '.', INPUT_FORMAT: 'text' };
  env['INPUT_FAIL-ON'] = 'high';
  env['INPUT_SARIF-FILE'] = join(dir, 'out.sarif');
  const r = spawnSync(process.execPath, [resolve('dist/action.js')], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stdout, /^::error title=RSYNC-002[^\n]*::Module \[\\x1b\[2J/m);
  assertNoRawControls({ code: r.status, signal: null, stdout: r.stdout, stderr: r.stderr, peakMiB: 0, timedOut: false }, 'action');
});

/** Runs the CLI with a reader that has already gone away: every write meets a closed pipe. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

terminal('a closed pipe ends the output quietly, with the run’s own exit status', async () => {
  for (const [args, code] of [
    [['rules'], 0],
    [['scan', 'examples'], 1],
    [['rules', '--format', 'json'], 0],
  ] as const) {
    const r = await withClosedStdout([...args]);
    assert.is(r.stderr, '', `${args.join(' ')}: something on stderr`);
    assert.is(r.code, code, args.join(' '));
  }
});

terminal('eval refuses a device and a FIFO by type, at once, with bounded memory', () => {
  const dir = tempTree();
  const fifo = join(dir, 'facts.fifo');
  mkfifo(fifo);
  for (const [path, kind] of [
    ['/dev/zero', 'a character device'],
    [fifo, 'a FIFO'],
  ] as const) {
    const started = performance.now();
    const r = runCli(['eval', path], { timeoutMs: 20_000 });
    const ms = performance.now() - started;
    console.log(`  eval ${kind}: exit ${r.code} in ${ms.toFixed(0)} ms, peak ${r.peakMiB.toFixed(0)} MiB`);
    assert.not.ok(r.timedOut, `eval ${path} hung`);
    assert.is(r.code, 2, r.stderr);
    assert.match(r.stdout, `the facts file is ${kind}`);
    assert.match(r.stdout, 'not a regular file; it was not read');
    assert.ok(ms < 10_000, `${ms} ms`);
    assert.ok(r.peakMiB < 150, `peak ${r.peakMiB} MiB`);
  }
});

terminal('eval of a file that is not JSON says where it failed, never what it holds', () => {
  const canary = 'TOKEN=canary-9d1e';
  const dir = tempTree({ environ: `${canary}\0HOME=/root\0` });
  const runs = runAllFormats(['eval', join(dir, 'environ')]);
  for (const [format, r] of runs) assert.is(r.code, 2, `${format}: ${r.stderr}`);
  assert.match(runs.get('text')?.stdout ?? '', 'not a JSON facts document: it is not valid JSON');
  assertNoCanary(runs, 'canary-9d1e');
  assertNoCanary(runs, 'TOKEN=');
});

terminal('eval - still reads standard input', () => {
  const dir = tempTree({ 'rsyncd.conf': '[pub]\n    path = /srv/pub\n' });
  const facts = runCli(['facts', join(dir, 'rsyncd.conf')]);
  assert.is(facts.code, 0, facts.stderr);
  const r = runCli(['eval', '-', '--format', 'json'], { input: facts.stdout });
  assert.is(r.code, 1, r.stderr);
  assert.ok((JSON.parse(r.stdout) as { targets: unknown[] }).targets.length === 1);
});

terminal.run();
