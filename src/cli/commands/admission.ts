import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { UserError } from '../../common/index.ts';
import { SEVERITIES, type Severity } from '../../engine/index.ts';
import { AdmissionController, parseReview, policiesFor } from '../../runner/index.ts';
import { parseCommandArgs, stringOption, type Command } from '../command.ts';

const MAX_BODY = 4 << 20;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new Error('request body larger than 4 MiB'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, code: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(code, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
  res.end(text);
}

function log(message: string): void {
  process.stderr.write(`${new Date().toISOString()} rsyncguard admission: ${message}\n`);
}

export const admissionCommand: Command = {
  name: 'admission',
  usage: 'admission serve --tls-cert FILE --tls-key FILE',
  summary: 'Kubernetes ValidatingAdmissionWebhook: deny Pods and workloads whose images have findings at or above --fail-on',
  options: {
    listen: { type: 'string', valueName: 'HOST:PORT', help: 'Address to listen on', default: '0.0.0.0:8443' },
    'tls-cert': { type: 'string', valueName: 'FILE', help: 'PEM certificate (the API server only calls HTTPS webhooks)' },
    'tls-key': { type: 'string', valueName: 'FILE', help: 'PEM private key' },
    'fail-on': { type: 'string', valueName: 'LEVEL', help: 'Deny at or above this severity', default: 'high', choices: SEVERITIES },
    'budget-ms': { type: 'string', valueName: 'MS', help: 'Answer within this time; then apply the failure policy', default: '8000' },
    'fail-open': { type: 'boolean', help: 'Allow when an image cannot be evaluated in time (default: deny)' },
    'cache-size': { type: 'string', valueName: 'N', help: 'Image verdicts kept, by digest', default: '512' },
    'cache-ttl': { type: 'string', valueName: 'SECONDS', help: 'How long a verdict is reused', default: '3600' },
    platform: { type: 'string', valueName: 'OS/ARCH', help: 'Platform of multi-platform images', default: 'linux/amd64' },
    'insecure-registry': { type: 'boolean', help: 'Plain HTTP to registries on loopback only' },
    'docker-config': { type: 'string', valueName: 'FILE', help: 'Docker config.json with registry "auths"' },
    policy: { type: 'string', valueName: 'DIR|BUNDLE', help: 'Extra rules' },
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    if (args.positionals[0] !== 'serve') throw new UserError('usage: rsyncguard admission serve --tls-cert FILE --tls-key FILE');
    const cert = stringOption(args, 'tls-cert');
    const key = stringOption(args, 'tls-key');
    if (!cert || !key) throw new UserError('admission serve needs --tls-cert and --tls-key', undefined, 'The API server calls webhooks over HTTPS only.');
    const [host, portText] = (stringOption(args, 'listen') ?? '0.0.0.0:8443').split(/:(?=\d+$)/);
    const num = (name: string, fallback: number) => {
      const n = Number(stringOption(args, name) ?? fallback);
      if (!Number.isFinite(n) || n <= 0) throw new UserError(`--${name} must be a positive number`);
      return n;
    };
    const dockerConfig = stringOption(args, 'docker-config');
    const controller = new AdmissionController({
      policies: await policiesFor(stringOption(args, 'policy')),
      registry: { platform: stringOption(args, 'platform') ?? 'linux/amd64', insecure: args.values['insecure-registry'] === true, ...(dockerConfig ? { dockerConfig } : {}) },
      failOn: (stringOption(args, 'fail-on') ?? 'high') as Severity,
      budgetMs: num('budget-ms', 8000),
      failOpen: args.values['fail-open'] === true,
      cacheSize: num('cache-size', 512),
      cacheTtlMs: num('cache-ttl', 3600) * 1000,
    });
    const server = createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (req, res) => {
      if (req.method === 'GET' && req.url === '/healthz') return send(res, 200, 'ok');
      if (req.method !== 'POST') return send(res, 405, 'POST an AdmissionReview');
      readBody(req)
        .then(async (text) => {
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            log(`400: the body is not JSON (${text.length} bytes)`);
            return send(res, 400, 'the body is not JSON');
          }
          const review = parseReview(body);
          if (typeof review === 'string') {
            log(`400: ${review}`);
            return send(res, 400, review);
          }
          const d = await controller.decide(review);
          log(`${d.allowed ? 'allow' : 'deny'} ${review.kind} ${review.uid}: ${d.message}`);
          send(res, 200, {
            apiVersion: 'admission.k8s.io/v1',
            kind: 'AdmissionReview',
            response: { uid: d.uid, allowed: d.allowed, ...(d.allowed ? {} : { status: { code: 403, message: d.message } }), ...(d.warnings.length ? { warnings: d.warnings } : {}) },
          });
        })
        .catch((e: unknown) => {
          log(`500: ${e instanceof Error ? e.message : String(e)}`);
          if (!res.headersSent) send(res, 500, 'internal error');
        });
    });
    await new Promise<void>((done) => server.listen(Number(portText ?? 8443), host, () => done()));
    log(`listening on https://${host}:${portText}`);
    await new Promise<void>((done) => {
      // Keep-alive connections would hold close() open forever: end them too.
      const stop = () => {
        server.close(() => done());
        server.closeAllConnections();
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
    return 0;
  },
};
