/**
 * A real `rsync --daemon` on 127.0.0.1 for the tests, and a client that asks it what an anonymous user can
 * do. The daemon is started on a free port, waited for by polling the port, and stopped by its own PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import type { Outcome } from '../../../src/facts/index.ts';

/** What the real daemon said: one of the simulator's outcomes, or something neither knows. */
export type Observed = Outcome | `unclassified: ${string}`;

const CLIENT_TIMEOUT_MS = 20_000;
const START_TIMEOUT_MS = 10_000;

/** A world-traversable scratch folder: modules run as `nobody` under a root daemon. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join('/tmp', prefix));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'probe.txt'), 'probe\n');
  return dir;
}

/** A module directory anyone may read and write. */
export function moduleDir(base: string, name: string): string {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777);
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface Daemon {
  port: number;
  /** The daemon exited by itself (e.g. it refused the configuration) with this code. */
  exited: number | null;
  stop(): void;
}

/**
 * `asNobody`: run the daemon as nobody:nogroup with no supplementary groups, as an unprivileged service
 * would (setpriv execs rsync, so the PID stopped is the daemon's). A test that is not root already runs it
 * unprivileged. The config, the module folders and the log file must then be usable by nobody.
 */
export async function startDaemon(configPath: string, logPath: string, opts: { asNobody?: boolean; address?: string | null; waitOn?: string } = {}): Promise<Daemon> {
  const port = await freePort();
  // `address: null` starts the daemon without --address, so the config's `address` decides what it binds;
  // `waitOn` is then where it is expected to listen.
  const address = opts.address === null ? (opts.waitOn ?? '127.0.0.1') : (opts.address ?? '127.0.0.1');
  const bind = opts.address === null ? [] : [`--address=${address}`];
  const args = ['--daemon', '--no-detach', `--config=${configPath}`, `--port=${port}`, ...bind, `--log-file=${logPath}`];
  const drop = opts.asNobody === true && process.getuid?.() === 0;
  const child: ChildProcess = drop ? spawn('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'rsync', ...args], { stdio: 'ignore' }) : spawn('rsync', args, { stdio: 'ignore' });
  const daemon: Daemon = {
    port,
    exited: null,
    stop: () => {
      if (daemon.exited === null && child.pid !== undefined) child.kill('SIGTERM');
    },
  };
  child.on('exit', (code) => {
    daemon.exited = code ?? -1;
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (daemon.exited !== null) return daemon;
    if (await listening(port, address)) return daemon;
    await new Promise((r) => setTimeout(r, 25));
  }
  daemon.stop();
  throw new Error(`rsync --daemon did not listen on ${address} port ${port} within ${START_TIMEOUT_MS} ms`);
}

function listening(port: number, host: string): Promise<boolean> {
  return connects(host, port);
}

/** Whether a TCP connection to host:port is accepted (then closed at once). */
export function connects(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

function client(args: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((done) => {
    const child = spawn('rsync', args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Any password: an auth module must refuse it, and the client must never wait for a prompt.
      env: { ...process.env, RSYNC_PASSWORD: 'not-the-password' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), CLIENT_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** The module names the daemon lists, or null when the listing itself fails. */
export async function listModules(port: number): Promise<string[] | null> {
  const r = await client([`rsync://127.0.0.1:${port}/`]);
  if (r.code !== 0) return null;
  return r.stdout
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => (l.split('\t')[0] ?? '').trimEnd());
}

/** Download the module's listing: what `read` means for an anonymous client (from `host`, 127.0.0.1 or ::1). */
export async function tryRead(port: number, module: string, host = '127.0.0.1'): Promise<Observed> {
  const at = host.includes(':') ? `[${host}]` : host;
  return classify(await client(['--no-motd', `rsync://prober@${at}:${port}/${module}/`]));
}

/** Upload one small file: what `write` means. */
export async function tryWrite(port: number, module: string, file: string): Promise<Observed> {
  return classify(await client(['--no-motd', file, `rsync://prober@127.0.0.1:${port}/${module}/`]));
}

/** Upload `link` as a symlink (`-l`): where the daemon stores it shows whether it munges symlinks. */
export async function tryWriteSymlink(port: number, module: string, link: string): Promise<Observed> {
  return classify(await client(['--no-motd', '-l', link, `rsync://prober@127.0.0.1:${port}/${module}/`]));
}

const ERRORS: [RegExp, Observed][] = [
  [/@ERROR: Unknown module/, 'unknown-module'],
  [/@ERROR: access denied to/, 'access-denied'],
  [/@ERROR: max connections/, 'max-connections'],
  [/@ERROR: failed to open lock file/, 'lock-file'],
  [/@ERROR: auth failed on module/, 'auth-failed'],
  [/@ERROR: invalid uid /, 'invalid-uid'],
  [/@ERROR: invalid gid /, 'invalid-gid'],
  [/@ERROR: no path setting/, 'no-path'],
  [/@ERROR: chroot failed/, 'chroot-failed'],
  [/@ERROR: setgid failed/, 'setgid-failed'],
  [/@ERROR: setuid failed/, 'setuid-failed'],
  [/ERROR: module is read only/, 'read-only'],
  [/ERROR: module is write only/, 'write-only'],
  [/did not see server greeting|Connection reset|connection unexpectedly closed|unexpected end of file/i, 'connection-failed'],
];

function classify(r: { code: number | null; stderr: string }): Observed {
  if (r.code === 0) return 'ok';
  for (const [re, outcome] of ERRORS) if (re.test(r.stderr)) return outcome;
  return `unclassified: ${r.stderr.trim().split('\n')[0] ?? `exit ${r.code}`}`;
}

/** Download the module's listing with extra client options (`-z`, `--delete`): whether `refuse options` refuses them. */
export async function readWithOptions(port: number, module: string, options: string[]): Promise<{ code: number | null; stderr: string }> {
  const r = await client(['--no-motd', ...options, `rsync://prober@127.0.0.1:${port}/${module}/`]);
  return { code: r.code, stderr: r.stderr };
}

/** List a module as `user` with `password` (RSYNC_PASSWORD): 'ok', or the daemon's error line (`@ERROR: auth failed …`). */
export function loginAs(port: number, module: string, user: string, password: string): Promise<string> {
  return new Promise((done) => {
    const child = spawn('rsync', ['--no-motd', `rsync://${user}@127.0.0.1:${port}/${module}/`], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, RSYNC_PASSWORD: password } });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done(code === 0 ? 'ok' : (/@ERROR[^\n]*/.exec(stderr)?.[0] ?? `exit ${code}`));
    });
  });
}
