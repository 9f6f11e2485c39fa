/**
 * The chart's Deployment, run as the kubelet would run it: the real CLI (node --import tsx src/cli/main.ts) with
 * the rendered args, its TLS files from the Secret the chart generated, only the listen addresses moved to free
 * loopback ports and the mount paths to a temporary directory. The probes' paths answer on the ports they name,
 * the certificate is trusted through the webhook's caBundle for the Service's name (as the API server checks
 * it), the metrics port serves Prometheus text, and every path the webhooks call answers in its mode.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { freePort } from '../integration/support/rsync-daemon.ts';
import { container, type Deployment, NAMESPACE, one, render, ROOT, type Secret, type WebhookConfiguration } from './support/chart.ts';

// Every mode a namespace label may choose, so that every path a webhook can call is exercised below.
const { docs } = render(['--set-json', 'namespaceModes.allowed=["enforce","warn","audit"]']);
const deployment = one<Deployment>(docs, 'Deployment');
const secret = one<Secret>(docs, 'Secret');
const webhooks = one<WebhookConfiguration>(docs, 'ValidatingWebhookConfiguration').webhooks;
const ca = Buffer.from(webhooks[0]?.clientConfig.caBundle ?? '', 'base64');
const SERVICE = `rsyncguard-admission.${NAMESPACE}.svc`;

const work = mkdtempSync(join(tmpdir(), 'rg-chart-serve-'));
const tls = join(work, 'tls');
mkdirSync(tls);
for (const key of ['tls.crt', 'tls.key']) writeFileSync(join(tls, key), Buffer.from(secret.data[key] ?? '', 'base64'));
// The registry volume without a Secret: an empty directory.
mkdirSync(join(work, 'registry'));

interface Answer {
  status: number;
  type: string;
  body: string;
}

interface Running {
  https: number;
  metrics: number;
  child: ChildProcess;
  log(): string;
}

/** HTTPS to the webhook on loopback, verified as the API server verifies it: the caBundle, the Service's name. */
function callWebhook(port: number, method: string, path: string, body?: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = httpsRequest({ host: '127.0.0.1', port, method, path, ca, servername: SERVICE, headers: body ? { 'content-type': 'application/json' } : {}, timeout: 30_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

function scrape(port: number, path: string): Promise<Answer> {
  return new Promise((done, fail) => {
    httpRequest({ host: '127.0.0.1', port, path, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: text }));
    })
      .on('error', fail)
      .end();
  });
}

/** The Deployment's container started as rendered, but for its addresses and mount paths; once /readyz says so. */
async function start(d: Deployment): Promise<Running> {
  const https = await freePort();
  const metrics = await freePort();
  const moved: Record<string, string> = { '0.0.0.0:8443': `127.0.0.1:${https}`, '0.0.0.0:9090': `127.0.0.1:${metrics}`, '/tls/tls.crt': join(tls, 'tls.crt'), '/tls/tls.key': join(tls, 'tls.key') };
  const args = container(d).args.map((a) => moved[a] ?? a);
  const env = Object.fromEntries((container(d).env ?? []).map((e) => [e.name, e.value === '/registry' ? join(work, 'registry') : (e.value ?? '')]));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let log = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (log = (log + c).slice(-20_000)));
  for (let i = 0; i < 600; i++) {
    const ready = await callWebhook(https, 'GET', '/readyz').catch(() => undefined);
    if (ready?.status === 200) return { https, metrics, child, log: () => log };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the webhook never became ready with the chart's args ${args.join(' ')}:\n${log}`);
}

const children: ChildProcess[] = [];
let server: Running;

const run = suite("the chart's Deployment, run");

run.before(async () => {
  server = await start(deployment);
});

run.after(() => {
  for (const c of children) c.kill('SIGTERM');
});

run('the probes: /readyz and /healthz over HTTPS, trusted through caBundle for the Service name', async () => {
  const ready = await callWebhook(server.https, 'GET', '/readyz');
  assert.is(ready.status, 200);
  assert.is(ready.body.trim(), 'ready');
  assert.is((await callWebhook(server.https, 'GET', '/healthz')).body.trim(), 'ok');
  // The same certificate for another name is refused: the SAN is what makes the call work.
  const wrongName = await new Promise<string>((done) => {
    httpsRequest({ host: '127.0.0.1', port: server.https, path: '/healthz', ca, servername: 'rsyncguard-admission.elsewhere.svc' }, () => done('accepted'))
      .on('error', (e) => done(e.message))
      .end();
  });
  assert.match(wrongName, 'rsyncguard-admission.elsewhere.svc');
});

run('the metrics port serves Prometheus text in plain HTTP, and the probes too', async () => {
  const m = await scrape(server.metrics, '/metrics');
  assert.is(m.status, 200, server.log());
  assert.match(m.type, 'text/plain');
  assert.match(m.body, '# TYPE rsyncguard_admission_reviews_total counter');
  assert.is((await scrape(server.metrics, '/readyz')).status, 200);
  assert.is((await scrape(server.metrics, '/healthz')).status, 200);
});

run('every path the webhooks call answers, in its mode', async () => {
  // An image whose registry refuses the connection: it cannot be evaluated, which enforce denies.
  const image = '127.0.0.1:1/app:1';
  const review = (uid: string) =>
    JSON.stringify({
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      request: { uid, namespace: 'apps', operation: 'CREATE', kind: { group: '', version: 'v1', kind: 'Pod' }, object: { kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image }] } } },
    });
  const expected: Record<string, { allowed: boolean; warned: boolean }> = {
    '/validate': { allowed: false, warned: false },
    '/validate/enforce': { allowed: false, warned: false },
    '/validate/warn': { allowed: true, warned: true },
    '/validate/audit': { allowed: true, warned: false },
  };
  for (const w of webhooks) {
    const path = w.clientConfig.service.path;
    const want = expected[path];
    if (!want) throw new Error(`the chart calls ${path}, which this test does not know`);
    const a = await callWebhook(server.https, 'POST', path, review(`uid-${w.name}`));
    assert.is(a.status, 200, `${path}: ${a.body}\n${server.log()}`);
    const r = (JSON.parse(a.body) as { response: { uid: string; allowed: boolean; warnings?: string[] } }).response;
    assert.is(r.uid, `uid-${w.name}`);
    assert.is(r.allowed, want.allowed, `${path}: ${a.body}`);
    assert.is((r.warnings ?? []).length > 0, want.warned, `${path}: ${a.body}`);
  }
});

run('with every optional argument the chart passes (but --policy, which needs a bundle), it starts and answers in the mode given', async () => {
  const all = one<Deployment>(
    render(['--set', 'mode=warn', '--set', 'failOn=critical', '--set', 'budgetMs=28000', '--set', 'workers=3', '--set', 'failOpen=true', '--set-json', 'insecureRegistries=["127.0.0.1:5000","[::1]:5001"]']).docs,
    'Deployment',
  );
  const args = container(all).args;
  for (const flag of ['--mode', '--fail-on', '--budget-ms', '--workers', '--fail-open', '--insecure-registry']) assert.ok(args.includes(flag), flag);
  const other = await start(all);
  const body = JSON.stringify({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: { uid: 'u', namespace: 'apps', operation: 'CREATE', kind: { group: '', version: 'v1', kind: 'Pod' }, object: { kind: 'Pod', spec: { containers: [{ name: 'a', image: '127.0.0.1:1/app:1' }] } } },
  });
  const a = await callWebhook(other.https, 'POST', '/validate', body);
  const r = (JSON.parse(a.body) as { response: { allowed: boolean; warnings?: string[] } }).response;
  assert.is(r.allowed, true, a.body);
  assert.ok((r.warnings ?? []).length > 0, a.body);
  other.child.kill('SIGTERM');
});

run.run();
