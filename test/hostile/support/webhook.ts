/**
 * What the admission tests and the admission benchmark share: a self-signed certificate, the webhook
 * started as a child (`node dist/cli.js admission serve`), reviews made by the caller, and slow clients
 * that hold sockets open. The images and the registry they come from are in registry.ts, re-exported here.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Agent, request } from 'node:https';
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect as tlsConnect, createSecureContext, type SecureContext } from 'node:tls';

export * from './registry.ts';

export const CLI = resolve('dist/cli.js');

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

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

export interface SpawnWebhook {
  /** Node's arguments before `admission serve` (the CLI, and `--import tsx` when run from source). */
  entry: string[];
  flags: string[];
  env?: Record<string, string | undefined>;
  /** stderr to this file rather than a pipe (a busy benchmark cannot drain a pipe, and the webhook's writes then block). */
  logFile?: string;
  /** The path that says it is up: /healthz (listening) or /readyz (policy loaded, threads up). */
  readyPath: '/healthz' | '/readyz';
  /** Tries 50 ms apart. */
  tries: number;
}

/** `admission serve` on 127.0.0.1 as a child process, once readyPath answers 200. */
export async function spawnWebhook(cert: Certificate, o: SpawnWebhook): Promise<Webhook> {
  const port = await freePort();
  const args = [...o.entry, 'admission', 'serve', '--listen', `127.0.0.1:${port}`, '--tls-cert', cert.cert, '--tls-key', cert.key, '--insecure-registry', ...o.flags];
  const log = o.logFile === undefined ? 'pipe' : openSync(o.logFile, 'w');
  const env = Object.fromEntries(Object.entries({ ...process.env, ...o.env }).filter(([, v]) => v !== undefined));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', log], env });
  if (typeof log === 'number') closeSync(log);
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-50_000)));
  const hook: Webhook = {
    port,
    ca: cert.ca,
    child,
    stderr: () => (o.logFile === undefined ? err : readFileSync(o.logFile, 'utf8').slice(-50_000)),
    stop() {
      child.kill('SIGTERM');
      child.unref();
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    },
  };
  for (let i = 0; i < o.tries; i++) {
    if ((await get(hook, o.readyPath, 1000).catch(() => undefined))?.status === 200) return hook;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  hook.stop();
  throw new Error(`the webhook did not start: ${hook.stderr().slice(-2000)}`);
}

/** `admission serve` from dist/ with the given extra flags, once /healthz answers. */
export function startWebhook(cert: Certificate, flags: string[]): Promise<Webhook> {
  return spawnWebhook(cert, { entry: [CLI], flags, readyPath: '/healthz', tries: 200 });
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
 * The JSON events of a webhook's log text, line by line. A line still being written (no newline yet: review
 * lines are written in batches that a reader may see half of) is left for the next read.
 */
export function logEvents(text: string): Record<string, unknown>[] {
  const lines = text.split('\n');
  lines.pop();
  return lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
}

/**
 * The log line of review `uid`, once written: review lines wait up to 25 ms to be written together, so a
 * test reads the log only after this (and a check that something is absent from the log sees the line).
 */
export function reviewLine(stderr: () => string, uid: string, timeoutMs = 5_000): Promise<Record<string, unknown>> {
  return waitFor(
    () => logEvents(stderr()).find((e) => e['msg'] === 'admission review' && e['uid'] === uid),
    timeoutMs,
    () => `no log line for review ${uid} in:\n${stderr().slice(-2000)}`,
  );
}

/** What `probe` gives once it gives something, polled every 20 ms for up to `ms`; else an error saying what was awaited. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number, what = () => `not within ${ms} ms`): Promise<T> {
  const until = performance.now() + ms;
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (performance.now() > until) throw new Error(what());
    await new Promise((r) => setTimeout(r, 20));
  }
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

/**
 * A Node HTTPS server that only reads each body, parses it and answers a constant, as a child process on
 * 127.0.0.1: what this machine allows at a given rate, whatever the webhook does. Stopped once `run` settles.
 */
export async function withTrivialServer<T>(cert: Certificate, run: (port: number) => Promise<T>): Promise<T> {
  const code = `const fs = require('node:fs');
    const s = require('node:https').createServer({ key: fs.readFileSync(${JSON.stringify(cert.key)}), cert: fs.readFileSync(${JSON.stringify(cert.cert)}) }, (q, r) => {
      const c = []; q.on('data', (d) => c.push(d));
      q.on('end', () => { JSON.parse(Buffer.concat(c)); const b = '{"response":{"allowed":true}}'; r.writeHead(200, { 'content-type': 'application/json', 'content-length': b.length }); r.end(b); });
    });
    s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const port = Number(await new Promise<string>((ok) => child.stdout?.once('data', (d: Buffer) => ok(d.toString()))));
    return await run(port);
  } finally {
    child.kill();
  }
}
