/**
 * A real `rsync --daemon` for the `fix` truth tests, with what the shared helper does not give: the daemon's
 * PID (to look at the per-connection child: its uid and its root directory, i.e. what `uid` and `use chroot`
 * really did), a client that logs in with a password, binds a chosen source address (127.0.0.2 is a host
 * in neither host list), passes extra options (`-z`), and says why the daemon refused.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connects, freePort } from '../integration/support/rsync-daemon.ts';

export interface RealDaemon {
  port: number;
  pid: number;
  exited(): number | null;
  stop(): Promise<void>;
}

export async function startRealDaemon(config: string, log: string): Promise<RealDaemon> {
  const port = await freePort();
  const child: ChildProcess = spawn('rsync', ['--daemon', '--no-detach', `--config=${config}`, `--port=${port}`, '--address=127.0.0.1', `--log-file=${log}`], { stdio: 'ignore' });
  let code: number | null = null;
  const gone = new Promise<void>((done) =>
    child.on('exit', (c) => {
      code = c ?? -1;
      done();
    }),
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('rsync --daemon did not start');
  const daemon: RealDaemon = {
    port,
    pid,
    exited: () => code,
    stop: async () => {
      if (code === null) child.kill('SIGTERM');
      await gone;
    },
  };
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (code !== null) throw new Error(`rsync --daemon exited with ${code} (see ${log})`);
    if (await connects('127.0.0.1', port)) return daemon;
    await new Promise((r) => setTimeout(r, 25));
  }
  await daemon.stop();
  throw new Error(`rsync --daemon did not listen on port ${port}`);
}

export interface Transfer {
  port: number;
  module: string;
  /** Inside the module ('' for its top). */
  path?: string;
  user?: string;
  password?: string;
  /** The client's source address (`--address`): 127.0.0.1 unless given. */
  from?: string;
  /** Upload this local file (else: download `path`, recursively, into a fresh folder, so nothing is skipped as up to date). */
  upload?: string;
  /** Where servingIdentity's slow download goes. */
  into?: string;
  extra?: string[];
}

/** 'ok', or why the daemon refused: one word for the refusals the tests expect, else the first error line. */
export type Outcome = 'ok' | 'auth-failed' | 'access-denied' | 'read-only' | 'unknown-module' | 'permission-denied' | 'option-refused' | `other: ${string}`;

const REFUSALS: [RegExp, Outcome][] = [
  [/@ERROR: auth failed on module/, 'auth-failed'],
  [/@ERROR: access denied to/, 'access-denied'],
  [/@ERROR: Unknown module/, 'unknown-module'],
  [/ERROR: module is read only/, 'read-only'],
  [/Permission denied \(13\)/, 'permission-denied'],
  [/refuse|may not be used with this server|is disabled/i, 'option-refused'],
];

function url(t: Transfer): string {
  const who = t.user === undefined ? 'anonymous@' : `${t.user}@`;
  return `rsync://${who}127.0.0.1:${t.port}/${t.module}/${t.path ?? ''}`;
}

export function transfer(t: Transfer): Promise<Outcome> {
  // -I: never skip a file as up to date (a second try of the same upload or download must reach the file).
  const args = ['--no-motd', '-I', ...(t.from ? [`--address=${t.from}`] : []), ...(t.extra ?? [])];
  if (t.upload !== undefined) args.push(t.upload, url(t));
  else args.push('-r', url(t), mkdtempSync(join(tmpdir(), 'rg-fix-got-')));
  return new Promise((done) => {
    // A wrong password for an anonymous try: an auth module refuses it and the client never prompts.
    const child = spawn('rsync', args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, RSYNC_PASSWORD: t.password ?? 'not-the-password' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) return done('ok');
      for (const [re, o] of REFUSALS) if (re.test(stderr)) return done(o);
      done(`other: ${(stderr.trim().split('\n')[0] ?? '') || `exit ${code}`}`);
    });
  });
}

/** The module names the daemon lists (anonymous listing), or null when it fails. Not with --no-motd: it hides the list too. */
export function listing(port: number): Promise<string[] | null> {
  return new Promise((done) => {
    const child = spawn('rsync', [`rsync://127.0.0.1:${port}/`], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, RSYNC_PASSWORD: 'x' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) =>
      done(
        code === 0
          ? out
              .split('\n')
              .filter((l) => l.includes('\t'))
              .map((l) => (l.split('\t')[0] ?? '').trim())
          : null,
      ),
    );
  });
}

/** The children of `pid` (from /proc, the kernel's own list). */
function children(pid: number): number[] {
  const out: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      out.push(
        ...readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
          .split(/\s+/)
          .filter((s) => s !== '')
          .map(Number),
      );
    } catch {
      // The task ended meanwhile.
    }
  }
  return out;
}

export interface ConnectionIdentity {
  /** The root directory of the process serving the connection (what `use chroot` did). */
  root: string;
  /** Its real uid and gid (what `uid`/`gid` did). */
  uid: number;
  gid: number;
}

/**
 * Who serves a connection: start a slow download of `path` (bandwidth-limited), find the daemon's child once it
 * has dropped privileges or chrooted (or once it has stayed as it was for two seconds), read /proc, then stop
 * the client.
 */
export async function servingIdentity(daemon: RealDaemon, t: Transfer & { into: string }): Promise<ConnectionIdentity> {
  const client = spawn('rsync', ['--no-motd', '--bwlimit=20', url(t), t.into], { stdio: 'ignore', env: { ...process.env, RSYNC_PASSWORD: t.password ?? 'not-the-password' } });
  try {
    const deadline = Date.now() + 15_000;
    let seen: ConnectionIdentity | null = null;
    let firstSeen = 0;
    while (Date.now() < deadline) {
      for (const c of children(daemon.pid)) {
        try {
          const status = readFileSync(`/proc/${c}/status`, 'utf8');
          const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
          const gid = Number(/^Gid:\s+(\d+)/m.exec(status)?.[1]);
          seen = { root: readlinkSync(`/proc/${c}/root`), uid, gid };
          if (firstSeen === 0) firstSeen = Date.now();
        } catch {
          // Gone meanwhile.
        }
      }
      // The child authenticates, then chroots and drops to the module's uid: give it time to get there.
      if (seen !== null && (seen.uid !== 0 || seen.root !== '/' || Date.now() - firstSeen > 2_000)) return seen;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no daemon child served the slow download');
  } finally {
    client.kill('SIGKILL');
  }
}
