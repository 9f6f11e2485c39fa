/**
 * Running the collector on one host over the system OpenSSH client: the user's ~/.ssh/config, agent,
 * ProxyJump and known_hosts apply; BatchMode means nothing ever waits for a password; host-key checking
 * stays as configured. The script is streamed to `sh -s` on stdin, so nothing is copied to or left on the
 * host. Every way this can fail has a name.
 *
 * Each ssh runs in a process group of its own, and every stop (time limit, output cap, the sweep being
 * interrupted) kills that whole group: a ProxyCommand or anything else ssh started goes with it.
 */
import { spawn } from 'node:child_process';
import type { InventoryHost } from './inventory.ts';

export type HostStatus =
  | 'ok'
  | 'unreachable'
  | 'auth-failed'
  /** No key is known for the host: trusting it on first use is the operator's call (--accept-new-host-keys). */
  | 'host-key-unknown'
  /** The host offers a key other than the one known for it: a possible man-in-the-middle, never accepted. */
  | 'host-key-mismatch'
  | 'timeout'
  | 'ssh-error'
  | 'collector-error'
  | 'output-too-large'
  | 'malformed-output'
  | 'interrupted';

/** Every status, for readers of recorded outcomes (sweep --results). */
export const HOST_STATUSES: readonly HostStatus[] = ['ok', 'unreachable', 'auth-failed', 'host-key-unknown', 'host-key-mismatch', 'timeout', 'ssh-error', 'collector-error', 'output-too-large', 'malformed-output', 'interrupted'];

export interface SshOptions {
  /** An ssh_config file (-F); default: the user's. */
  sshConfig?: string;
  connectTimeoutSeconds: number;
  /** The whole exchange, connect included. */
  totalTimeoutMs: number;
  maxOutputBytes: number;
  /** `-o StrictHostKeyChecking=accept-new`, only when the user asks for it. */
  acceptNewHostKeys: boolean;
}

export interface SshResult {
  status: HostStatus;
  stdout: string;
  reason: string;
  /**
   * Worth one more try: a reset or a refusal (a daemon restarting, MaxStartups dropping a connection under
   * load). A timeout is not: a host that did not answer within the connect timeout costs that much again.
   */
  transient: boolean;
}

/**
 * The remote command: the script on stdin. With become, `sudo -n` (never a password prompt) and the become
 * user single-quoted: the line is read by the host's login shell, and a name must not become shell text.
 */
function remoteCommand(host: InventoryHost): string {
  if (!host.sudo) return 'sh -s';
  return host.becomeUser === undefined ? 'sudo -n sh -s' : `sudo -n -u ${shellQuote(host.becomeUser)} sh -s`;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * ssh takes the first value it obtains for an option, command line before config files. So rsyncguard's
 * own options come first and the inventory's (ansible_ssh_common_args/extra_args) after them: an inventory
 * may add options but not undo these (two exceptions, handled where the inventory is read: ssh reads the
 * last -F, so an inventory's -F replaces --ssh-config, with a note; -q and -y would override LogLevel, and
 * are left out):
 * - BatchMode: nothing waits for a password.
 * - LogLevel=INFO (ssh's default): every failure is named from what ssh says. An unknown key ("Host key
 *   verification failed.") and a changed one (the "REMOTE HOST IDENTIFICATION HAS CHANGED" banner) are told
 *   apart only by ssh's messages, and a reset is said at INFO only ("Connection reset by …"): a config's QUIET
 *   or ERROR would hide them, its DEBUG bury them.
 * - StrictHostKeyChecking=yes (accept-new when asked): a changed key stays refused even where a config or an
 *   inventory says `StrictHostKeyChecking=no`, which would let a man-in-the-middle answer for the host.
 * - ControlMaster=no: each host gets one command, so a connection kept open saves nothing, and a user's
 *   `ControlMaster auto` + `ControlPersist 10m` would leave one ssh per host running after the sweep. A master
 *   the user already has open at their ControlPath is still used (ssh tries it before connecting).
 * KexAlgorithms is left as configured (docs/fleet.md, "The cost of a connection").
 */
export function sshArgs(host: InventoryHost, opts: SshOptions): string[] {
  return [
    ...(opts.sshConfig ? ['-F', opts.sshConfig] : []),
    '-o',
    'BatchMode=yes',
    '-o',
    'LogLevel=INFO',
    '-o',
    `StrictHostKeyChecking=${opts.acceptNewHostKeys ? 'accept-new' : 'yes'}`,
    '-o',
    'ControlMaster=no',
    '-o',
    `ConnectTimeout=${opts.connectTimeoutSeconds}`,
    ...(host.port !== null ? ['-p', String(host.port)] : []),
    ...(host.user !== null ? ['-l', host.user] : []),
    ...(host.jump !== null ? ['-J', host.jump] : []),
    // The inventory names this host's key: offering the agent's other keys first could use up the
    // server's MaxAuthTries ("Too many authentication failures") before this one is tried.
    ...(host.identityFile !== undefined ? ['-i', host.identityFile, '-o', 'IdentitiesOnly=yes'] : []),
    ...(host.sshArgs ?? []),
    '--',
    host.address,
    remoteCommand(host),
  ];
}

interface SshFailure {
  status: HostStatus;
  /** Matched against each line ssh wrote to stderr. */
  line: RegExp;
  transient: boolean;
  /** What the report says instead of ssh's own line. */
  reason?: string;
}

/** In order: the first that matches any line of ssh's stderr names the failure (a changed key says "verification failed" too). */
const SSH_FAILURES: SshFailure[] = [
  {
    status: 'host-key-mismatch',
    line: /REMOTE HOST IDENTIFICATION HAS CHANGED|REVOKED HOST KEY|host key for .* has changed|differs from the key for the IP address|host key .* mismatch/i,
    transient: false,
    reason: 'the host offered a key other than the one known for it (a possible man-in-the-middle): check the host, then replace its known_hosts entry',
  },
  {
    status: 'host-key-unknown',
    line: /Host key verification failed|No \S+ host key is known/i,
    transient: false,
    reason: "no host key is known for it: check the host's key fingerprint, then run again with --accept-new-host-keys to trust it on first use",
  },
  { status: 'auth-failed', line: /Permission denied|Too many authentication failures/i, transient: false },
  // A listener that never speaks ("timed out during banner exchange") or a host that never answers: once is enough.
  { status: 'timeout', line: /timed out|Timeout/i, transient: false },
  { status: 'unreachable', line: /Connection reset|Connection closed|kex_exchange_identification|Connection refused/i, transient: true },
  { status: 'unreachable', line: /No route to host|Network is unreachable|Could not resolve|Name or service not known/i, transient: false },
];

function classify(code: number | null, lines: string[]): { status: HostStatus; transient: boolean; reason?: string } {
  if (code !== 255) return { status: 'collector-error', transient: false };
  for (const f of SSH_FAILURES) {
    const line = lines.find((l) => f.line.test(l));
    if (line !== undefined) return { status: f.status, transient: f.transient, reason: f.reason ?? line };
  }
  return { status: 'ssh-error', transient: false };
}

/** `signal` aborts the exchange: the ssh process group is killed and the result is `interrupted`. */
export function collectOverSsh(host: InventoryHost, script: string, opts: SshOptions, signal?: AbortSignal): Promise<SshResult> {
  if (signal?.aborted) return Promise.resolve({ status: 'interrupted', stdout: '', reason: 'the sweep was interrupted', transient: false });
  return new Promise((done) => {
    // detached: a new session and process group, so the group can be killed as one.
    const child = spawn('ssh', sshArgs(host, opts), { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let over: 'timeout' | 'output-too-large' | 'interrupted' | null = null;
    const stop = (why: 'timeout' | 'output-too-large' | 'interrupted') => {
      over ??= why;
      killGroup(child.pid);
    };
    const onAbort = () => stop('interrupted');
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => stop('timeout'), opts.totalTimeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size > opts.maxOutputBytes) stop('output-too-large');
      else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (stderr.length < 16_384) stderr += b.toString('utf8');
    });
    child.stdin.on('error', () => {});
    child.stdin.end(script);
    child.on('error', (e) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      done({ status: 'ssh-error', stdout: '', reason: `cannot run ssh: ${e.message}`, transient: false });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      const lines = stderr
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('Warning: Permanently added'));
      if (over === 'interrupted') return done({ status: 'interrupted', stdout: '', reason: 'the sweep was interrupted', transient: false });
      if (over === 'timeout') return done({ status: 'timeout', stdout: '', reason: `no complete answer within ${opts.totalTimeoutMs / 1000} s`, transient: false });
      if (over === 'output-too-large') return done({ status: 'output-too-large', stdout: '', reason: `more than ${opts.maxOutputBytes} bytes of output`, transient: false });
      if (code === 0) return done({ status: 'ok', stdout: Buffer.concat(out).toString('utf8'), reason: '', transient: false });
      const c = classify(code, lines);
      done({ status: c.status, transient: c.transient, stdout: '', reason: c.reason ?? lines.at(-1) ?? `exit ${code}` });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}
