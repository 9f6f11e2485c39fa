/**
 * Stopping without failing a review. When Kubernetes ends a webhook Pod it sends SIGTERM while the API
 * servers may still hold this Pod in their endpoints for a few seconds, and still send it reviews over
 * kept-alive connections. So on SIGTERM /readyz turns 503 at once (the endpoint is withdrawn), reviews keep
 * being answered for --shutdown-delay — each with `Connection: close`, so the API server's next review
 * opens a connection through the Service to a replica that stays — then the listeners close, idle
 * connections end, and reviews still being decided get their budget to finish before the rest are cut.
 * A second signal stops at once.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Readiness } from './admission-health.ts';
import { logEvent } from './admission-log.ts';

export const SHUTDOWN_DELAY = { min: 0, max: 60, fallback: 5 };

export interface Drain {
  servers: Listener[];
  readiness: Readiness;
  /** How long reviews are still taken after the signal. */
  delayMs: number;
  /** How long requests in flight then get before their connections are cut: a review's budget and a margin. */
  finishMs: number;
}

export interface Draining {
  /** Resolves once the drain is over and every connection is closed. */
  done: Promise<void>;
  /** Ends the drain now (for a start-up that fails after listening). */
  stop(): void;
}

/** The HTTPS listener and, with --metrics-listen, the plain one. */
export type Listener = HttpServer | HttpsServer;

const closeAll = (s: Listener) => s.closeAllConnections();

/** Counts requests in flight on the servers and, once draining, asks each client to close its connection. */
function track(servers: Listener[], draining: () => boolean): () => number {
  let inFlight = 0;
  const onRequest = (_req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    if (draining() && !res.headersSent) res.setHeader('connection', 'close');
    res.once('close', () => inFlight--);
  };
  // Ahead of the handler, which may answer a probe at once: the header must be set before it writes.
  for (const s of servers) s.prependListener('request', onRequest);
  return () => inFlight;
}

/** Waits for SIGTERM or SIGINT, then drains as described above. */
export function drainOnSignal(o: Drain): Draining {
  let signalled = false;
  const inFlight = track(o.servers, () => signalled);
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const timers: NodeJS.Timeout[] = [];
  const end = () => {
    for (const t of timers) clearTimeout(t);
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    for (const s of o.servers) {
      s.close();
      closeAll(s);
    }
    finish();
  };
  const closeListeners = () => {
    for (const s of o.servers) {
      s.close();
      s.closeIdleConnections();
    }
    const until = performance.now() + o.finishMs;
    const poll = () => {
      if (inFlight() === 0 || performance.now() >= until) {
        if (inFlight() > 0) logEvent('warn', 'reviews still in flight at shutdown were cut off', { in_flight: inFlight() });
        return end();
      }
      timers.push(setTimeout(poll, 50));
    };
    poll();
  };
  function onSignal(signal: NodeJS.Signals): void {
    if (signalled) {
      logEvent('warn', 'second signal: stopping now', { signal });
      end();
      return;
    }
    signalled = true;
    o.readiness.waiting('shutting down');
    logEvent('info', 'shutting down', { signal, delay_s: o.delayMs / 1000, in_flight: inFlight() });
    timers.push(setTimeout(closeListeners, o.delayMs));
  }
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return { done, stop: end };
}
