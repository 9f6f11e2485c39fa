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

export type HostStatus = 'ok' | 'unreachable' | 'auth-failed' | 'host-key-mismatch' | 'timeout' | 'ssh-error' | 'collector-error' | 'output-too-large' | 'malformed-output' | 'interrupted';

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
  /** Worth one more try: a reset or a connect that timed out. */
  transient: boolean;
}

export function sshArgs(host: InventoryHost, opts: SshOptions): string[] {
  return [
    ...(opts.sshConfig ? ['-F', opts.sshConfig] : []),
    '-o',
    'BatchMode=yes',
    '-o',
    `ConnectTimeout=${opts.connectTimeoutSeconds}`,
    ...(opts.acceptNewHostKeys ? ['-o', 'StrictHostKeyChecking=accept-new'] : []),
    ...(host.port !== null ? ['-p', String(host.port)] : []),
    ...(host.user !== null ? ['-l', host.user] : []),
    ...(host.jump !== null ? ['-J', host.jump] : []),
    '--',
    host.address,
    host.sudo ? 'sudo -n sh -s' : 'sh -s',
  ];
}

function classify(code: number | null, stderr: string): { status: HostStatus; transient: boolean } {
  if (code === 255) {
    if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed|host key .* mismatch/i.test(stderr)) return { status: 'host-key-mismatch', transient: false };
    if (/Permission denied|Too many authentication failures/i.test(stderr)) return { status: 'auth-failed', transient: false };
    if (/timed out|Timeout/i.test(stderr)) return { status: 'timeout', transient: true };
    if (/Connection reset|Connection closed|kex_exchange_identification/i.test(stderr)) return { status: 'unreachable', transient: true };
    if (/Connection refused|No route to host|Network is unreachable|Could not resolve|Name or service not known/i.test(stderr)) return { status: 'unreachable', transient: false };
    return { status: 'ssh-error', transient: false };
  }
  return { status: 'collector-error', transient: false };
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
      const lastLine =
        stderr
          .trim()
          .split('\n')
          .filter((l) => !l.startsWith('Warning: Permanently added'))
          .slice(-1)[0] ?? '';
      if (over === 'interrupted') return done({ status: 'interrupted', stdout: '', reason: 'the sweep was interrupted', transient: false });
      if (over === 'timeout') return done({ status: 'timeout', stdout: '', reason: `no complete answer within ${opts.totalTimeoutMs / 1000} s`, transient: false });
      if (over === 'output-too-large') return done({ status: 'output-too-large', stdout: '', reason: `more than ${opts.maxOutputBytes} bytes of output`, transient: false });
      if (code === 0) return done({ status: 'ok', stdout: Buffer.concat(out).toString('utf8'), reason: '', transient: false });
      const c = classify(code, stderr);
      done({ ...c, stdout: '', reason: lastLine || `exit ${code}` });
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
