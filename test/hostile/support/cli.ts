/**
 * The hostile suite's harness: runs the bundled CLI as a user would (`node dist/cli.js …`), with a deadline,
 * and reports the exit code, both streams and the child's peak memory, so every case can assert its outcome
 * and a bound. Inputs are made by each test in its own temporary directory.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as assert from 'uvu/assert';

export const CLI = resolve('dist/cli.js');
const PEAK_RSS = resolve('test/hostile/support/peak-rss.mjs');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the CLI process in MiB (NaN when it could not be read). */
  peakMiB: number;
  /** True when the deadline killed the run. */
  timedOut: boolean;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string | Buffer;
  timeoutMs?: number;
}

function rssFile(): { path: string; read(): number; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'rg-rss-'));
  const path = join(dir, 'rss');
  return {
    path,
    read() {
      try {
        return Number(readFileSync(path, 'utf8')) / 1024;
      } catch {
        return Number.NaN;
      }
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `node dist/cli.js ARGS…` to completion (or its deadline). */
export function runCli(args: string[], opts: CliOptions = {}): CliRun {
  const rss = rssFile();
  const r = spawnSync(process.execPath, ['--import', PEAK_RSS, CLI, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: '1', RSYNCGUARD_TEST_RSS_FILE: rss.path, ...opts.env },
    input: opts.input,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 << 20,
  });
  const run: CliRun = {
    code: r.status,
    signal: r.signal,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    peakMiB: rss.read(),
    timedOut: r.error !== undefined && 'code' in r.error && r.error.code === 'ETIMEDOUT',
  };
  rss.cleanup();
  return run;
}

/** The same, without blocking the event loop: for cases that serve something to the CLI from this process. */
export function runCliAsync(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  const rss = rssFile();
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', PEAK_RSS, CLI, ...args], {
      cwd: opts.cwd,
      env: { ...process.env, NO_COLOR: '1', RSYNCGUARD_TEST_RSS_FILE: rss.path, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 60_000);
    child.stdin.end(opts.input ?? '');
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const peakMiB = rss.read();
      rss.cleanup();
      done({ code, signal, stdout, stderr, peakMiB, timedOut });
    });
  });
}

export const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** Runs one command once per report format; the map holds each run. */
export function runAllFormats(args: string[], opts: CliOptions = {}): Map<Format, CliRun> {
  return new Map(FORMATS.map((f) => [f, runCli([...args, '--format', f], opts)]));
}

/** A canary must appear in no stream of any run. */
export function assertNoCanary(runs: Iterable<CliRun> | Map<string, CliRun>, canary: string): void {
  const list = runs instanceof Map ? [...runs.entries()] : [...runs].map((r, i) => [String(i), r] as const);
  for (const [name, run] of list) {
    assert.not.ok(run.stdout.includes(canary), `canary leaked into stdout (${name})`);
    assert.not.ok(run.stderr.includes(canary), `canary leaked into stderr (${name})`);
  }
}

/** A directory made for one test, filled with the given files (parents created). */
export function tempTree(files: Record<string, string | Buffer> = {}, prefix = 'rg-hostile-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** True when this process may make FIFOs, devices and namespaces (the suite runs as root in CI). */
export const IS_ROOT = process.getuid?.() === 0;

/** mkfifo through the system tool (Node has no binding). */
export function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  assert.is(r.status, 0, `mkfifo ${path} failed: ${r.stderr}`);
}
