/**
 * What the admission tests and the admission benchmark share: images made in memory with tar-stream and
 * served by a tiny registry on 127.0.0.1 (which can trickle a blob, to make analysis slow on purpose), a
 * self-signed certificate, the webhook started as a child (`node dist/cli.js admission serve`), reviews
 * made by the caller, and slow clients that hold sockets open.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Agent, request } from 'node:https';
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect as tlsConnect, createSecureContext, type SecureContext } from 'node:tls';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

export const CLI = resolve('dist/cli.js');

/** A config whose anonymous writable module is a high finding (RSYNC-002). */
export const WRITABLE_CONF = '[pub]\npath = /srv\nread only = no\n';

export type LayerEntry = { name: string; body?: string; type?: 'file' | 'directory' };

async function tarOf(entries: Iterable<LayerEntry>): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => {
    if (Buffer.isBuffer(c)) chunks.push(c);
  });
  const ended = new Promise<void>((ok) => p.on('end', () => ok()));
  for (const e of entries) {
    if (e.type === 'directory') p.entry({ name: e.name, type: 'directory', mode: 0o755 });
    else p.entry({ name: e.name, mode: 0o644 }, e.body ?? '');
  }
  p.finalize();
  await ended;
  return Buffer.concat(chunks);
}

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export interface MemoryImage {
  manifest: Buffer;
  digest: string;
  blobs: Map<string, Buffer>;
  /** The layers' digests, in order. */
  layers: string[];
  /** More manifests served by digest from the same repository (the images of an index). */
  manifests?: Map<string, Buffer>;
}

/** An OCI image whose layers hold these entries (gzip); by default its config starts rsync --daemon. */
export async function memoryImage(layers: Iterable<LayerEntry>[], entrypoint = ['rsync', '--daemon', '--no-detach']): Promise<MemoryImage> {
  const blobs = new Map<string, Buffer>();
  const diffIds: string[] = [];
  const layerDescs: { mediaType: string; digest: string; size: number }[] = [];
  for (const entries of layers) {
    const tar = await tarOf(entries);
    const gz = gzipSync(tar, { level: 1 });
    diffIds.push(sha(tar));
    blobs.set(sha(gz), gz);
    layerDescs.push({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha(gz), size: gz.length });
  }
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Entrypoint: entrypoint }, rootfs: { type: 'layers', diff_ids: diffIds } }));
  blobs.set(sha(config), config);
  const manifest = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length }, layers: layerDescs }),
  );
  return { manifest, digest: sha(manifest), blobs, layers: layerDescs.map((l) => l.digest) };
}

/**
 * An OCI index of these images, one per platform ("os/arch[/variant]", or "unknown/unknown" for an
 * attestation manifest), served from one repository: the index by tag, each image by its digest.
 */
export function memoryIndex(platforms: [string, MemoryImage][]): MemoryImage {
  const blobs = new Map<string, Buffer>();
  const manifests = new Map<string, Buffer>();
  const entries = platforms.map(([platform, image]) => {
    for (const [d, b] of image.blobs) blobs.set(d, b);
    manifests.set(image.digest, image.manifest);
    const [os, architecture, variant] = platform.split('/');
    return { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: image.digest, size: image.manifest.length, platform: { os, architecture, ...(variant ? { variant } : {}) } };
  });
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: entries }));
  return { manifest, digest: sha(manifest), blobs, layers: [], manifests };
}

/**
 * An OCI image whose layers are these blobs as they are (gzip or not, valid or not), with these diff_ids
 * in its config (by default the blobs' own digests).
 */
export function rawImage(layerBlobs: Buffer[], entrypoint = ['rsync', '--daemon', '--no-detach'], diffIds = layerBlobs.map(sha)): MemoryImage {
  const blobs = new Map<string, Buffer>();
  for (const b of layerBlobs) blobs.set(sha(b), b);
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Entrypoint: entrypoint }, rootfs: { type: 'layers', diff_ids: diffIds } }));
  blobs.set(sha(config), config);
  const layers = layerBlobs.map((b) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha(b), size: b.length }));
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length }, layers }));
  return { manifest, digest: sha(manifest), blobs, layers: layers.map((l) => l.digest) };
}

/** A small image that runs rsync --daemon with this rsyncd.conf, or (without one) a shell and no rsync. */
export function simpleImage(conf: string | undefined): Promise<MemoryImage> {
  const etc: LayerEntry[] = [{ name: 'etc/', type: 'directory' }, ...(conf === undefined ? [] : [{ name: 'etc/rsyncd.conf', body: conf }])];
  return memoryImage([etc], conf === undefined ? ['/bin/sh'] : undefined);
}

/**
 * Many files in one directory, many of them deleted again by whiteouts in the next layer: the costly case
 * for a merge; `tail`, when given, is one more (small) layer.
 */
export function whiteoutHeavyImage(files: number, whiteouts: number, tail?: LayerEntry[]): Promise<MemoryImage> {
  function* first(): Iterable<LayerEntry> {
    yield { name: 'etc/rsyncd.conf', body: WRITABLE_CONF };
    for (let i = 0; i < files; i++) yield { name: `data/f${i}` };
  }
  function* second(): Iterable<LayerEntry> {
    for (let i = 0; i < whiteouts; i++) yield { name: `data/.wh.f${i}` };
  }
  return memoryImage([first(), second(), ...(tail ? [tail] : [])]);
}

export interface TinyRegistry {
  port: number;
  /** `127.0.0.1:PORT/REPO:1` for a repository served here. */
  ref(repo: string): string;
  /** Blob requests seen, by digest. */
  served: Map<string, number>;
  close(): void;
}

/**
 * The read half of the distribution API, enough for rsyncguard: /v2/, manifests by tag or digest, blobs.
 * A blob listed in `trickle` is sent in small pieces `trickleMs` apart.
 */
export async function startTinyRegistry(images: Record<string, MemoryImage>, trickle: { blobs: Set<string>; ms: number } = { blobs: new Set(), ms: 0 }): Promise<TinyRegistry> {
  const served = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const m = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(req.url ?? '');
    if (req.url === '/v2/' || req.url === '/v2') return void res.writeHead(200).end('{}');
    const image = m?.[1] ? images[m[1]] : undefined;
    if (!m || !image) return void res.writeHead(404).end();
    if (m[2] === 'manifests') {
      const other = m[3] === '1' || m[3] === image.digest ? undefined : image.manifests?.get(m[3] ?? '');
      if (m[3] !== '1' && m[3] !== image.digest && !other) return void res.writeHead(404).end();
      const body = other ?? image.manifest;
      const parsed = JSON.parse(body.toString('utf8')) as { mediaType?: string };
      res.writeHead(200, { 'content-type': parsed.mediaType ?? 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': other ? (m[3] ?? '') : image.digest, 'content-length': body.length });
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    const digest = m[3] ?? '';
    const blob = image.blobs.get(digest);
    if (!blob) return void res.writeHead(404).end();
    served.set(digest, (served.get(digest) ?? 0) + 1);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': blob.length });
    if (!trickle.blobs.has(digest)) return void res.end(blob);
    const piece = Math.max(1, Math.ceil(blob.length / 50));
    let at = 0;
    const timer = setInterval(() => {
      if (res.destroyed || at >= blob.length) {
        clearInterval(timer);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(blob.subarray(at, at + piece));
      at += piece;
    }, trickle.ms);
    res.on('close', () => clearInterval(timer));
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    ref: (repo) => `127.0.0.1:${port}/${repo}:1`,
    served,
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

export interface Certificate {
  dir: string;
  cert: string;
  key: string;
  ca: Buffer;
}

/** A self-signed P-256 certificate for 127.0.0.1 (cheaper handshakes than RSA, as a real cluster would use). */
export function makeCertificate(): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'rg-webhook-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { dir, cert, key, ca: readFileSync(cert) };
}

export interface Webhook {
  port: number;
  ca: Buffer;
  child: ChildProcess;
  stderr(): string;
  stop(): void;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

/** `admission serve` on 127.0.0.1 with the given extra flags, once /healthz answers. */
export async function startWebhook(cert: Certificate, flags: string[]): Promise<Webhook> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'admission', 'serve', '--listen', `127.0.0.1:${port}`, '--tls-cert', cert.cert, '--tls-key', cert.key, '--insecure-registry', ...flags], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-20_000)));
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
  for (let i = 0; i < 200; i++) {
    if ((await get(hook, '/healthz', 1000).catch(() => undefined))?.status === 200) return hook;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  hook.stop();
  throw new Error(`the webhook did not start: ${err.slice(-2000)}`);
}

export interface Answer {
  status: number;
  text: string;
  ms: number;
}

const contexts = new WeakMap<Buffer, SecureContext>();
const freshAgents = new WeakMap<Buffer, Agent>();

/**
 * One TLS context per trusted certificate: a `ca` option builds a new one for every connection, which costs
 * the client more than the whole handshake costs the server.
 */
function trusting(ca: Buffer): SecureContext {
  let context = contexts.get(ca);
  if (!context) {
    context = createSecureContext({ ca });
    contexts.set(ca, context);
  }
  return context;
}

/** An agent that opens a new connection, with a full handshake, for every request. */
function fresh(ca: Buffer): Agent {
  let agent = freshAgents.get(ca);
  if (!agent) {
    agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY, maxCachedSessions: 0, secureContext: trusting(ca) });
    freshAgents.set(ca, agent);
  }
  return agent;
}

function call(hook: Webhook, method: string, path: string, body: string | undefined, timeoutMs: number, headers: Record<string, string> = {}, agent: Agent | false = false): Promise<Answer> {
  const t = performance.now();
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: hook.port, path, method, agent: agent || fresh(hook.ca), headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, text, ms: performance.now() - t }));
      res.on('error', fail);
    });
    // The server may answer (413) and close while the body is still being sent: the answer is what counts.
    req.on('error', fail);
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.end(body);
  });
}

export function get(hook: Webhook, path: string, timeoutMs = 10_000): Promise<Answer> {
  return call(hook, 'GET', path, undefined, timeoutMs);
}

/** POST a review; with `agent`, over its kept-alive connections (as the API server does), else a new one. */
export function post(hook: Webhook, body: string, timeoutMs = 60_000, headers: Record<string, string> = {}, agent: Agent | false = false): Promise<Answer> {
  return call(hook, 'POST', '/validate', body, timeoutMs, { 'content-type': 'application/json', ...headers }, agent);
}

/** A client that keeps up to `sockets` connections to the webhook alive between requests. */
export function keepAliveAgent(hook: Webhook, sockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: sockets, ca: hook.ca });
}

/** An AdmissionReview v1 for a Pod with this spec. */
export function podReview(uid: string, spec: Record<string, unknown>): string {
  return JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid, kind: { group: '', version: 'v1', kind: 'Pod' }, object: { kind: 'Pod', spec } } });
}

/** A Pod review whose containers run these images. */
export function imagesReview(uid: string, images: string[]): string {
  return podReview(uid, { containers: images.map((image, i) => ({ name: `c${i}`, image })) });
}

export interface Verdict {
  uid: string;
  allowed: boolean;
  message: string;
  warnings: string[];
}

/** The response of an answered review, or an assertion-friendly error. */
export function verdictOf(a: Answer): Verdict {
  const v: unknown = JSON.parse(a.text);
  const r = typeof v === 'object' && v !== null && 'response' in v ? (v.response as { uid: string; allowed: boolean; status?: { message?: string }; warnings?: string[] }) : undefined;
  if (!r) throw new Error(`not an AdmissionReview response: ${a.text.slice(0, 200)}`);
  return { uid: r.uid, allowed: r.allowed, message: r.status?.message ?? '', warnings: r.warnings ?? [] };
}

/**
 * Clients that connect and stall: half of them finish TLS and send half a request header, the others send
 * a few bytes of nothing and never finish the handshake. Resolves once all are connected (or refused).
 */
export async function slowClients(hook: Webhook, count: number): Promise<{ open(): number; close(): void }> {
  const sockets: Socket[] = [];
  const opened = Array.from(
    { length: count },
    (_, i) =>
      new Promise<void>((ok) => {
        const s: Socket =
          i % 2 === 0
            ? tlsConnect({ host: '127.0.0.1', port: hook.port, secureContext: trusting(hook.ca) }, () => {
                s.write('POST /validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty');
                ok();
              })
            : netConnect({ host: '127.0.0.1', port: hook.port }, () => {
                s.write(Buffer.from([0x16, 0x03, 0x01]));
                ok();
              });
        s.on('error', () => ok());
        s.on('close', () => ok());
        // Read (and drop) what the server sends, or its close goes unnoticed here.
        s.resume();
        sockets.push(s);
      }),
  );
  await Promise.all(opened);
  return {
    open: () => sockets.filter((s) => !s.destroyed && !s.closed).length,
    close: () => {
      for (const s of sockets) s.destroy();
    },
  };
}

export interface LeanClient {
  /** POST a review on connection `i` (one request at a time per connection); the status and the time taken. */
  post(i: number, body: string, timeoutMs?: number): Promise<{ status: number; ms: number; text: string }>;
  close(): void;
}

/**
 * `n` kept-alive TLS connections, handshaken up front, each sending prebuilt HTTP/1.1 requests and reading
 * just enough of the answer (status line, Content-Length, body). A load generator this light measures the
 * server rather than the client's http module, which costs as much per request as the server does.
 */
export async function leanClient(hook: Pick<Webhook, 'port' | 'ca'>, n: number): Promise<LeanClient> {
  const sockets = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<Socket>((ok, ko) => {
          const s = tlsConnect({ host: '127.0.0.1', port: hook.port, secureContext: trusting(hook.ca) }, () => ok(s));
          s.once('error', ko);
        }),
    ),
  );
  return {
    post(i, body, timeoutMs = 30_000) {
      const s = sockets[i];
      if (!s) return Promise.reject(new Error(`no connection ${i}`));
      const t = performance.now();
      return new Promise((done, fail) => {
        // A connection that has timed out is unusable (its answer may still come): it is closed.
        const timer = setTimeout(() => {
          s.destroy();
          fail(new Error(`no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        let got = Buffer.alloc(0);
        const onData = (c: Buffer) => {
          got = Buffer.concat([got, c]);
          const end = got.indexOf('\r\n\r\n');
          if (end < 0) return;
          const head = got.subarray(0, end).toString('latin1');
          let text: string;
          if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
            if (!got.subarray(got.length - 5).equals(Buffer.from('0\r\n\r\n'))) return;
            text = got
              .subarray(end + 4)
              .toString('utf8')
              .replace(/(?:^|\r\n)[0-9a-f]+\r\n/g, '');
          } else {
            const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
            if (got.length < end + 4 + length) return;
            text = got.subarray(end + 4, end + 4 + length).toString('utf8');
          }
          clearTimeout(timer);
          s.off('data', onData);
          s.off('error', fail);
          done({ status: Number(head.slice(9, 12)), ms: performance.now() - t, text });
        };
        s.on('data', onData);
        s.once('error', fail);
        s.write(`POST /validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      });
    },
    close: () => {
      for (const s of sockets) s.destroy();
    },
  };
}
