/**
 * `admission serve` run from the source tree (`node --import tsx src/cli/main.ts`), never from a dist/
 * that may be stale, on 127.0.0.1 with plain HTTP to loopback registries; ready once /healthz answers.
 * The requests themselves are the shared helpers of test/hostile/support/webhook.ts.
 */
import { spawn } from 'node:child_process';
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

export async function startSourceWebhook(cert: Certificate, flags: string[], env: Record<string, string | undefined> = {}): Promise<Webhook> {
  const port = await freePort();
  const args = ['--import', 'tsx', MAIN, 'admission', 'serve', '--listen', `127.0.0.1:${port}`, '--tls-cert', cert.cert, '--tls-key', cert.key, '--insecure-registry', ...flags];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined)) });
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-50_000)));
  const hook: Webhook = {
    port,
    ca: cert.ca,
    child,
    stderr: () => err,
    stop() {
      child.kill('SIGTERM');
      child.unref();
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    },
  };
  // tsx compiles the tree at start: slower than the bundle.
  for (let i = 0; i < 600; i++) {
    if ((await get(hook, '/healthz', 1000).catch(() => undefined))?.status === 200) return hook;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  hook.stop();
  throw new Error(`the webhook did not start: ${err.slice(-2000)}`);
}
