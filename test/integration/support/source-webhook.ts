/**
 * `admission serve` run from the source tree (`node --import tsx src/cli/main.ts`), never from a dist/
 * that may be stale, on 127.0.0.1 with plain HTTP to loopback registries; ready once /readyz answers 200.
 * The requests themselves are the shared helpers of test/hostile/support/webhook.ts.
 */
import { resolve } from 'node:path';
import { spawnWebhook, type Certificate, type Webhook } from '../../hostile/support/webhook.ts';

const MAIN = resolve('src/cli/main.ts');

/**
 * `logFile`: the webhook's stderr goes to this file instead of a pipe to this process. A benchmark needs
 * it: a pipe this process is too busy to drain fills, and the webhook's log writes then block its answers.
 */
export function startSourceWebhook(cert: Certificate, flags: string[], env: Record<string, string | undefined> = {}, logFile?: string): Promise<Webhook> {
  // tsx compiles the tree at start: slower than the bundle, so more tries. Ready once /readyz says so.
  return spawnWebhook(cert, { entry: ['--import', 'tsx', MAIN], flags, env, ...(logFile !== undefined ? { logFile } : {}), readyPath: '/readyz', tries: 600 });
}
