/**
 * `admission serve` run from the source tree (`node --import tsx src/cli/main.ts`), never from a dist/
 * that may be stale, on 127.0.0.1 with plain HTTP to loopback registries; ready once /readyz answers 200.
 * The requests themselves are the shared helpers of test/hostile/support/webhook.ts.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { get, type Certificate, type Webhook } from '../../hostile/support/webhook.ts';

const MAIN = resolve('src/cli/main.ts');

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

/**
 * `logFile`: the webhook's stderr goes to this file instead of a pipe to this process. A benchmark needs
 * it: a pipe this process is too busy to drain fills, and the webhook's log writes then block its answers.
 */
export async function startSourceWebhook(cert: Certificate, flags: string[], env: Record<string, string | undefined> = {}, logFile?: string): Promise<Webhook> {
  const port = await freePort();
  const args = ['--import', 'tsx', MAIN, 'admission', 'serve', '--listen', `127.0.0.1:${port}`, '--tls-cert', cert.cert, '--tls-key', cert.key, '--insecure-registry', ...flags];
  const log = logFile === undefined ? 'pipe' : openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', log], env: Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined)) });
  if (typeof log === 'number') closeSync(log);
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-50_000)));
  const hook: Webhook = {
    port,
    ca: cert.ca,
    child,
    stderr: () => (logFile === undefined ? err : readFileSync(logFile, 'utf8').slice(-50_000)),
    stop() {
      child.kill('SIGTERM');
      child.unref();
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    },
  };
  // tsx compiles the tree at start: slower than the bundle.
  for (let i = 0; i < 600; i++) {
    // Ready once /readyz says so (policy loaded, analysis threads up); /healthz alone answers earlier.
    if ((await get(hook, '/readyz', 1000).catch(() => undefined))?.status === 200) return hook;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  hook.stop();
  throw new Error(`the webhook did not start: ${err.slice(-2000)}`);
}
