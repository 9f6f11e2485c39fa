/**
 * A reverse proxy on 127.0.0.1 in front of a loopback registry: it counts every request by method and
 * path (what the registry was asked, seen from outside, whatever the client caches), and with `basic` it
 * asks for HTTP Basic credentials as a registry with htpasswd auth does (401 + WWW-Authenticate: Basic).
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface CountingProxy {
  port: number;
  /** `METHOD /v2/...` → requests answered (401s included). */
  seen: Map<string, number>;
  /** Requests whose path matches. */
  count(path: RegExp): number;
  reset(): void;
  close(): void;
}

export async function startCountingProxy(upstreamPort: number, basic?: { user: string; password: string }): Promise<CountingProxy> {
  const seen = new Map<string, number>();
  const sockets = new Set<Socket>();
  const expected = basic ? `Basic ${Buffer.from(`${basic.user}:${basic.password}`).toString('base64')}` : undefined;
  const server: Server = createServer((req, res) => {
    const line = `${req.method} ${req.url}`;
    seen.set(line, (seen.get(line) ?? 0) + 1);
    if (expected !== undefined && req.headers.authorization !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="test"', 'content-type': 'application/json' });
      return void res.end('{"errors":[{"code":"UNAUTHORIZED"}]}');
    }
    const up = request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${upstreamPort}` } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    count: (path) => [...seen].filter(([line]) => path.test(line)).reduce((n, [, k]) => n + k, 0),
    reset: () => seen.clear(),
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}
