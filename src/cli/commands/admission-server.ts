/**
 * The webhook's HTTPS server, hardened against clients that are slow on purpose: TLS handshakes, headers
 * and bodies each have a deadline, bodies a size cap (413 with a message, never a reset), and connections
 * a cap that, when reached, ends the oldest connection with no request in flight rather than refusing the
 * newcomer — so idle or stalled sockets can never crowd out the API server, nor can one client's busy ones.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';

export const MAX_BODY = 4 << 20;
const HANDSHAKE_MS = 5_000;
const HEADERS_MS = 5_000;
/** From the first byte of a request to its last; the API server sends a review in one go. */
const REQUEST_MS = 10_000;
const KEEP_ALIVE_MS = 15_000;
/** The body's own deadline, inside REQUEST_MS, so the client gets this server's message rather than Node's bare 408. */
const BODY_MS = 8_000;

export interface ServerLimits {
  maxConnections: number;
}

export type BodyResult = { ok: true; text: string } | { ok: false; status: 408 | 413 | 503; message: string };

/**
 * Bodies held in memory at once: in all, and per client address. 512 connections each sending a 4 MiB
 * body would otherwise hold 2 GiB (and kill a webhook in a 1 GiB container); one client — a Pod of the
 * cluster — may hold four bodies at the cap, so many clients are needed to fill the total, and the API
 * server's reviews (kilobytes each) fit beside them.
 */
const MAX_BUFFERED = 96 << 20;
const MAX_BUFFERED_PER_CLIENT = 16 << 20;
let buffered = 0;
const bufferedBy = new Map<string, number>();

function hold(address: string, bytes: number): void {
  buffered += bytes;
  const n = (bufferedBy.get(address) ?? 0) + bytes;
  if (n > 0) bufferedBy.set(address, n);
  else bufferedBy.delete(address);
}

export function send(res: ServerResponse, code: number, body: unknown, close = false): void {
  if (res.headersSent || res.destroyed) return;
  const text = typeof body === 'string' ? `${body}\n` : JSON.stringify(body);
  res.writeHead(code, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json', 'content-length': Buffer.byteLength(text), ...(close ? { connection: 'close' } : {}) });
  res.end(text);
}

const tooLarge = (size: string): BodyResult => ({
  ok: false,
  status: 413,
  message: `request body ${size} is larger than the ${MAX_BODY >> 20} MiB cap for an AdmissionReview; the API server sends smaller reviews, so check what is calling this webhook`,
});

/**
 * Past the cap a body is still read, and dropped, up to this much: a client that is still sending when the
 * socket closes gets a reset and never sees the 413 that would have told it why.
 */
const DRAIN_LIMIT = 16 << 20;
/** …and for at most this long once over the cap. */
const LINGER_MS = 1_000;

/** The body, up to the cap and within the request deadline; the caller answers 408/413 with the message. */
export function readBody(req: IncomingMessage): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > DRAIN_LIMIT) return Promise.resolve(tooLarge(`(${declared} bytes declared)`));
  const address = req.socket.remoteAddress ?? '';
  return new Promise((done) => {
    let size = 0;
    let held = 0;
    const chunks: Buffer[] = [];
    let linger: NodeJS.Timeout | undefined;
    const over = () => tooLarge(declared > MAX_BODY ? `(${declared} bytes declared)` : '(more than that was sent)');
    const finish = (r: BodyResult) => {
      hold(address, -held);
      held = 0;
      clearTimeout(timer);
      clearTimeout(linger);
      req.removeAllListeners('data');
      req.removeAllListeners('end');
      if (!r.ok) req.pause();
      done(r);
    };
    const timer = setTimeout(() => finish(size > MAX_BODY ? over() : { ok: false, status: 408, message: `the request body did not arrive within ${BODY_MS / 1000} s; send the whole AdmissionReview at once` }), BODY_MS);
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > DRAIN_LIMIT) finish(over());
      else if (size <= MAX_BODY && !(declared > MAX_BODY)) {
        if (buffered + c.length > MAX_BUFFERED || (bufferedBy.get(address) ?? 0) + c.length > MAX_BUFFERED_PER_CLIENT) {
          return finish({ ok: false, status: 503, message: `this client has more than ${MAX_BUFFERED_PER_CLIENT >> 20} MiB of request bodies in flight (or all clients ${MAX_BUFFERED >> 20} MiB); retry once earlier reviews are answered` });
        }
        hold(address, c.length);
        held += c.length;
        chunks.push(c);
      } else linger ??= setTimeout(() => finish(over()), LINGER_MS);
    });
    // A review usually arrives in one chunk: decoded as it is, not copied into a new buffer first.
    const whole = () => (chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
    req.on('end', () => finish(size > MAX_BODY || declared > MAX_BODY ? over() : { ok: true, text: whole() }));
    req.on('error', () => finish({ ok: false, status: 408, message: 'the request body was cut off' }));
  });
}

/**
 * Connections in arrival order, and the requests each has in flight. At the cap, a connection goes to make
 * room: from the client address holding the most connections, its oldest that is not waiting for a verdict
 * (idle, still handshaking, or still sending a body — the API server sends a review at once); failing that,
 * when the newcomer comes from another address and that address holds more than half the cap, its oldest
 * connection whatever it does. So one
 * client — a Pod of the cluster trickling bodies, or posting reviews of images that never resolve — can
 * hold at most its share of the connections, never all of them and the API server's with them.
 */
function capConnections(server: Server, limits: ServerLimits): void {
  const open = new Set<Socket>();
  const inFlight = new Map<string, Set<IncomingMessage>>();
  const peer = (s: { remoteAddress?: string | undefined; remotePort?: number | undefined }) => `${s.remoteAddress ?? ''}|${s.remotePort ?? ''}`;
  /** A request whose body has arrived is being decided: its connection is ended only to make room for another client. */
  const deciding = (s: Socket) => [...(inFlight.get(peer(s)) ?? [])].some((r) => r.complete);
  const evict = (s: Socket) => {
    s.destroy();
    open.delete(s);
  };
  server.on('connection', (socket: Socket) => {
    if (open.size >= limits.maxConnections) {
      const byAddress = new Map<string, Socket[]>();
      for (const s of open) {
        const list = byAddress.get(s.remoteAddress ?? '');
        if (list) list.push(s);
        else byAddress.set(s.remoteAddress ?? '', [s]);
      }
      // Most connections first; the Set keeps arrival order, so each list is oldest first.
      const addresses = [...byAddress.entries()].sort((a, b) => b[1].length - a[1].length);
      const [top, mine] = [addresses[0], socket.remoteAddress ?? ''];
      const victim = top?.[1].find((s) => !deciding(s)) ?? (top && top[0] !== mine && top[1].length > limits.maxConnections / 2 ? top[1][0] : undefined) ?? addresses.flatMap(([, list]) => list).find((s) => !deciding(s));
      if (!victim) return void socket.destroy();
      evict(victim);
    }
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  // The request's socket is the TLS layer over the TCP socket seen above; the peer address names both.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const key = peer(req.socket);
    const set = inFlight.get(key) ?? new Set<IncomingMessage>();
    inFlight.set(key, set.add(req));
    res.on('close', () => {
      set.delete(req);
      if (set.size === 0 && inFlight.get(key) === set) inFlight.delete(key);
    });
  });
}

export function createWebhookServer(tls: { cert: Buffer; key: Buffer }, limits: ServerLimits, handle: (req: IncomingMessage, res: ServerResponse) => void): Server {
  const server = createServer(
    {
      ...tls,
      handshakeTimeout: HANDSHAKE_MS,
      headersTimeout: HEADERS_MS,
      requestTimeout: REQUEST_MS,
      keepAliveTimeout: KEEP_ALIVE_MS,
      // Node checks the header and request deadlines on this interval (30 s by default).
      connectionsCheckingInterval: 1_000,
    },
    handle,
  );
  server.on('tlsClientError', (_e, socket) => socket.destroy());
  capConnections(server, limits);
  return server;
}
