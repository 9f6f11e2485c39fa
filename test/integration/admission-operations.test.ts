/**
 * Running the webhook: readiness, metrics, modes and what a denial says, over real HTTPS against
 * `admission serve` from the source tree, with images from the loopback registry of the hostile support.
 * The webhook runs with `--mode WARN` (any case), so /validate answers in warn mode, and the paths force
 * the others; every review sent is counted here and the scraped metrics must agree.
 */
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { makeCertificate, reviewLine, simpleImage, startTinyRegistry, WRITABLE_CONF, type Certificate, type TinyRegistry } from '../hostile/support/webhook.ts';
import { parseExposition, sample } from './support/exposition.ts';

interface Answer {
  status: number;
  type: string;
  text: string;
}

interface Review {
  allowed: boolean;
  code: number;
  message: string;
  warnings: string[];
}

let cert: Certificate;
let registry: TinyRegistry;
let port = 0;
let metricsPort = 0;
let stderr = '';
let stop = () => {};
/** /readyz answers seen while the webhook started, in order. */
const readyz: Answer[] = [];
/** Reviews sent, by "decision/mode", to compare with what the metrics count. */
const sent = new Map<string, number>();
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const address = s.address();
  await new Promise<void>((ok) => s.close(() => ok()));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

function call(method: string, path: string, body?: string, plain = false): Promise<Answer> {
  return new Promise((done, fail) => {
    const options = { host: '127.0.0.1', port: plain ? metricsPort : port, path, method, headers: { 'content-type': 'application/json' } };
    const onResponse = (res: import('node:http').IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text }));
    };
    const req = plain ? httpRequest(options, onResponse) : request({ ...options, ca: cert.ca }, onResponse);
    req.on('error', fail);
    req.setTimeout(60_000, () => req.destroy(new Error(`no answer to ${method} ${path} within 60 s`)));
    req.end(body);
  });
}

function podReview(uid: string, images: string[]): string {
  const spec = { containers: images.map((image, i) => ({ name: `c${i}`, image })) };
  return JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid, kind: { group: '', version: 'v1', kind: 'Pod' }, namespace: 'team-a', operation: 'CREATE', object: { kind: 'Pod', spec } } });
}

/** POST a review and count it under the decision enforce would make and the mode that answered. */
async function review(path: string, uid: string, images: string[], count: { decision: 'allow' | 'deny'; mode: string }): Promise<Review> {
  const a = await call('POST', path, podReview(uid, images));
  assert.is(a.status, 200, a.text.slice(0, 300));
  const r = (JSON.parse(a.text) as { response: { uid: string; allowed: boolean; status: { code: number; message: string }; warnings?: string[] } }).response;
  assert.is(r.uid, uid);
  const key = `${count.decision}/${count.mode}`;
  sent.set(key, (sent.get(key) ?? 0) + 1);
  return { allowed: r.allowed, code: r.status.code, message: r.status.message, warnings: r.warnings ?? [] };
}

/**
 * The JSON log line of one review. The webhook writes it just after it answers, and its stderr reaches
 * this process through a pipe: wait for it, a bounded while.
 */
function logLine(uid: string): Promise<Record<string, unknown>> {
  return reviewLine(() => stderr, uid);
}

const ops = suite('admission serve: readiness, metrics, modes and decisions');

ops.before(async () => {
  cert = makeCertificate();
  const bad = await simpleImage(WRITABLE_CONF);
  const images: Record<string, Awaited<ReturnType<typeof simpleImage>>> = { 'test/bad': bad, 'test/clean': await simpleImage(undefined) };
  // Ten repositories with the same offending image: ten names for one analysis.
  for (let i = 0; i < 10; i++) images[`platform-team/payments-service-${i}`] = bad;
  registry = await startTinyRegistry(images);
  [port, metricsPort] = [await freePort(), await freePort()];
  const args = ['--import', 'tsx', resolve('src/cli/main.ts'), 'admission', 'serve', '--listen', `127.0.0.1:${port}`, '--metrics-listen', `127.0.0.1:${metricsPort}`, '--tls-cert', cert.cert, '--tls-key', cert.key];
  const child = spawn(process.execPath, [...args, '--insecure-registry', '--mode', 'WARN', '--budget-ms', '25000'], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  stop = () => {
    child.kill('SIGTERM');
    child.unref();
  };
  // Probed from the first moment, so the answers before ready are seen too.
  for (let i = 0; i < 3000 && child.exitCode === null; i++) {
    const a = await call('GET', '/readyz').catch(() => undefined);
    if (a) readyz.push(a);
    if (a?.status === 200) return;
    if (a?.status === 503) assert.is((await call('GET', '/healthz')).status, 200, '/healthz answers while not ready');
    await new Promise((r) => setTimeout(r, a ? 5 : 20));
  }
  throw new Error(`the webhook did not become ready: ${stderr.slice(-2000)}`);
});

ops.after(() => {
  stop();
  registry.close();
  rmSync(cert.dir, { recursive: true, force: true });
});

ops('/readyz is 503 saying why until the policy is loaded and the threads run, then 200', () => {
  const first = readyz[0];
  assert.ok(first && first.status === 503, `first /readyz answer: ${JSON.stringify(first)}`);
  assert.match(first.text, /^not ready: (loading the policy|starting the analysis threads)\n$/);
  assert.is(readyz.at(-1)?.text, 'ready\n');
});

ops('enforce (forced by the path) denies, naming the image as written, its short digest, its worst finding and the review uid', async () => {
  const ref = registry.ref('test/bad');
  const r = await review('/validate/enforce', 'enforce-1', [ref, registry.ref('test/clean')], { decision: 'deny', mode: 'enforce' });
  assert.is(r.allowed, false);
  assert.is(r.code, 403);
  assert.match(r.message, new RegExp(`image "${ref}" \\(sha256:[0-9a-f]{12}\\): denied — RSYNC-002 \\(high\\)`));
  assert.match(r.message, `image "${registry.ref('test/clean')}": allowed`);
  assert.match(r.message, /See the webhook log for review enforce-1\.$/);
  assert.equal(r.warnings, []);
});

ops('--mode warn answers /validate: allowed, with one warning of at most 120 characters per offending image', async () => {
  const r = await review('/validate', 'warn-1', [registry.ref('test/bad'), registry.ref('test/clean')], { decision: 'deny', mode: 'warn' });
  assert.is(r.allowed, true, r.message);
  assert.match(r.message, /^rsyncguard would deny this Pod but warn mode allows it/);
  assert.is(r.warnings.length, 1, JSON.stringify(r.warnings));
  assert.match(r.warnings[0] ?? '', new RegExp(`^rsyncguard: image "${registry.ref('test/bad')}" \\(sha256:[0-9a-f]{12}\\): high: RSYNC-002`));
  for (const w of r.warnings) assert.ok(w.length <= 120, w);
});

ops('audit (forced by the path) allows without warnings, and the log line records the verdict in full', async () => {
  const ref = registry.ref('test/bad');
  const r = await review('/validate/audit', 'audit-1', [ref], { decision: 'deny', mode: 'audit' });
  assert.is(r.allowed, true);
  assert.equal(r.warnings, []);
  const line = await logLine('audit-1');
  assert.is(line['level'], 'info');
  assert.is(line['namespace'], 'team-a');
  assert.is(line['kind'], 'Pod');
  assert.is(line['mode'], 'audit');
  assert.is(line['decision'], 'deny');
  assert.is(line['allowed'], true);
  assert.type(line['duration_ms'], 'number');
  assert.ok(typeof line['time'] === 'string' && !Number.isNaN(Date.parse(line['time'])));
  const [image] = line['images'] as { image: string; digest: string; outcome: string; findings: { rule_id: string; severity: string; message: string }[] }[];
  assert.is(image?.image, ref);
  assert.match(image?.digest ?? '', /^sha256:[0-9a-f]{64}$/);
  assert.is(image?.outcome, 'denied');
  assert.ok(
    image?.findings.some((f) => f.rule_id === 'RSYNC-002' && f.severity === 'high' && f.message.length > 0),
    JSON.stringify(image?.findings),
  );
});

ops('ten offending images: the denial names each, as written with its digest, within 1 KiB', async () => {
  const refs = Array.from({ length: 10 }, (_, i) => registry.ref(`platform-team/payments-service-${i}`));
  const r = await review('/validate/enforce', 'ten-images', refs, { decision: 'deny', mode: 'enforce' });
  assert.is(r.allowed, false);
  assert.ok(bytes(r.message) <= 1024, `${bytes(r.message)} bytes: ${r.message}`);
  for (const ref of refs) assert.match(r.message, new RegExp(`"${ref}" \\(sha256:[0-9a-f]{12}\\)`));
  assert.match(r.message, 'RSYNC-002');
  assert.match(r.message, /See the webhook log for review ten-images\.$/);
  assert.is(((await logLine('ten-images'))['images'] as unknown[]).length, 10, 'the log has every image');
});

ops('an image whose tag the registry lacks is named, with the tag, repository and registry that said 404', async () => {
  const ref = registry.ref('test/bad').replace(/:1$/, ':9');
  const r = await review('/validate/enforce', 'missing-tag', [ref], { decision: 'deny', mode: 'enforce' });
  assert.is(r.allowed, false);
  assert.match(r.message, `image "${ref}": could not be read — tag 9 not found in repository test/bad at 127.0.0.1:${registry.port} (HTTP 404)`);
  assert.not.match(r.message, '/manifests/');
});

ops('a POST to any other path is a one-line 404, and the plain-HTTP port serves only the probes and metrics', async () => {
  const a = await call('POST', '/validate/strict', podReview('x', [registry.ref('test/bad')]));
  assert.is(a.status, 404);
  assert.is(a.text, 'no webhook at "/validate/strict": POST reviews to /validate, /validate/enforce, /validate/warn, /validate/audit\n');
  assert.is((await call('POST', '/validate', podReview('x', []), true)).status, 404);
  assert.is((await call('GET', '/healthz', undefined, true)).text, 'ok\n');
  assert.is((await call('GET', '/readyz', undefined, true)).text, 'ready\n');
});

ops('/metrics, on both ports, parses and counts exactly the reviews sent', async () => {
  const https = await call('GET', '/metrics');
  const plain = await call('GET', '/metrics', undefined, true);
  for (const a of [https, plain]) {
    assert.is(a.status, 200);
    assert.match(a.type, /^text\/plain; version=0\.0\.4/);
  }
  const m = parseExposition(plain.text);
  assert.is(m.types.get('rsyncguard_admission_reviews_total'), 'counter');
  assert.is(m.types.get('rsyncguard_admission_review_duration_seconds'), 'histogram');
  assert.is(m.types.get('rsyncguard_admission_image_evaluation_duration_seconds'), 'histogram');
  assert.ok(m.types.has('rsyncguard_process_cpu_seconds_total'), 'default process metrics, prefixed');
  let total = 0;
  for (const decision of ['allow', 'deny'])
    for (const mode of ['enforce', 'warn', 'audit']) {
      const want = sent.get(`${decision}/${mode}`) ?? 0;
      total += want;
      assert.is(sample(m, 'rsyncguard_admission_reviews_total', { decision, mode }), want, `${decision}/${mode}`);
    }
  assert.is(sample(m, 'rsyncguard_admission_reviews_total', { decision: 'deny', mode: 'audit' }), 1);
  assert.is(sample(m, 'rsyncguard_admission_review_duration_seconds_count', {}), total);
  // Images per review: enforce-1 2, warn-1 2, audit-1 1, ten-images 10, missing-tag 1.
  assert.is(sample(m, 'rsyncguard_admission_image_evaluations_total', { outcome: 'denied' }), 1 + 1 + 1 + 10);
  assert.is(sample(m, 'rsyncguard_admission_image_evaluations_total', { outcome: 'clean' }), 2);
  assert.is(sample(m, 'rsyncguard_admission_image_evaluations_total', { outcome: 'error' }), 1);
  assert.is(sample(m, 'rsyncguard_admission_registry_errors_total', { registry: `127.0.0.1:${registry.port}` }), 1);
  const hits = sample(m, 'rsyncguard_admission_cache_hits_total', {});
  const misses = sample(m, 'rsyncguard_admission_cache_misses_total', {});
  // Two distinct digests were analysed once each (the first lookups missed); all later lookups hit.
  assert.ok(misses >= 2, `misses ${misses}`);
  assert.is(hits + misses, 2 + 2 + 1 + 10, `hits ${hits} misses ${misses}`);
  assert.ok(sample(m, 'rsyncguard_admission_image_evaluation_duration_seconds_count', {}) >= 2);
});

ops.run();
