/**
 * The probes and the scrape: GET /healthz (the process answers), /readyz (the policy is loaded and the
 * analysis threads run; else 503 saying which step it is at) and /metrics (Prometheus text). They are
 * served on the HTTPS port, and with --metrics-listen also on a plain-HTTP port that serves nothing else,
 * for a Prometheus that has no TLS settings for the webhook's self-signed certificate.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AdmissionMetrics } from './admission-metrics.ts';
import { pathOf } from './admission-modes.ts';
import { send } from './admission-server.ts';

/** Where start-up is: `ready` once reviews can be judged, else the step it waits for. */
export class Readiness {
  private why: string | undefined = 'loading the policy';

  waiting(why: string): void {
    this.why = why;
  }

  ready(): void {
    this.why = undefined;
  }

  get isReady(): boolean {
    return this.why === undefined;
  }

  get reason(): string {
    return this.why ?? 'ready';
  }
}

export const GET_PATHS = ['/healthz', '/readyz', '/metrics'];

/** Answers a probe or scrape and returns true, or returns false for any other request. */
export function serveProbe(req: IncomingMessage, res: ServerResponse, readiness: Readiness, metrics: AdmissionMetrics): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = pathOf(req.url);
  if (path === '/healthz') send(res, 200, 'ok');
  else if (path === '/readyz') send(res, readiness.isReady ? 200 : 503, readiness.isReady ? 'ready' : `not ready: ${readiness.reason}`);
  else if (path === '/metrics') {
    metrics.scrape().then(
      ({ contentType, body }) => {
        if (res.headersSent || res.destroyed) return;
        res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
        res.end(body);
      },
      () => send(res, 500, 'the metrics could not be collected'),
    );
  } else return false;
  return true;
}

/** The plain-HTTP listener of --metrics-listen: the three GET paths, and 404 for everything else. */
export function createMetricsServer(readiness: Readiness, metrics: AdmissionMetrics): Server {
  const server = createServer({ headersTimeout: 5_000, requestTimeout: 10_000, keepAliveTimeout: 15_000 }, (req, res) => {
    if (!serveProbe(req, res, readiness, metrics)) send(res, 404, `this port serves only GET ${GET_PATHS.join(', ')}; reviews go to the HTTPS port`);
  });
  // Nothing here reads a body, so there is nothing to hold open: at most 64 scrapers and probes at once.
  server.maxConnections = 64;
  return server;
}
