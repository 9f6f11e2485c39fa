/**
 * UPDATEs as the controllers send them, over real HTTPS to the webhook (from source, fail-closed) in front
 * of the tiny loopback registry, reached through a counting relay: an UPDATE is judged only on what it
 * adds. A finalizer removed from a terminating Pod and an old ReplicaSet scaled to 0 — both running an
 * image that denies — are allowed without a single registry request; a Deployment moved to a bad image and
 * an ephemeral container with a bad image (kubectl debug) are denied.
 */
import { request as httpRequest, createServer, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { makeCertificate, post, simpleImage, startTinyRegistry, verdictOf, WRITABLE_CONF, type Certificate, type TinyRegistry, type Webhook } from '../hostile/support/webhook.ts';
import { startSourceWebhook } from './support/source-webhook.ts';

let cert: Certificate;
let registry: TinyRegistry;
let relay: Server;
let relayPort = 0;
let hook: Webhook;
/** Paths asked of the registry through the relay, in order. */
const asked: string[] = [];

/** An image reached through the relay; each test names repositories of its own, so no cache answers for it. */
const img = (repo: string) => `127.0.0.1:${relayPort}/${repo}:1`;
const pairs = (images: string[]) => images.map((image, i) => ({ name: `c-${i}`, image }));
const askedFor = (repo: string) => asked.filter((p) => p.startsWith(`/v2/${repo}/`));

function review(uid: string, group: string, kind: string, object: Record<string, unknown>, oldObject: Record<string, unknown>, subResource?: string): string {
  const resource = { group, version: 'v1', resource: `${kind.toLowerCase()}s` };
  return JSON.stringify({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid,
      kind: { group, version: 'v1', kind },
      resource,
      ...(subResource ? { subResource } : {}),
      namespace: 'team-a',
      operation: 'UPDATE',
      object,
      oldObject,
      dryRun: false,
      options: { kind: 'UpdateOptions', apiVersion: 'meta.k8s.io/v1' },
    },
  });
}

async function send(body: string): Promise<{ allowed: boolean; message: string }> {
  const a = await post(hook, body, 60_000);
  assert.is(a.status, 200, a.text);
  return verdictOf(a);
}

const updates = suite('admission: UPDATEs are judged on what they add', { setup: false });

updates.before(async () => {
  cert = makeCertificate();
  const bad = await simpleImage(WRITABLE_CONF);
  const clean = await simpleImage(undefined);
  registry = await startTinyRegistry({ 'team/job-bad': bad, 'team/web-bad': bad, 'team/web-v1': clean, 'team/web-v2-bad': bad, 'team/app': clean, 'team/debug-bad': bad });
  // A relay, so every request the webhook makes of the registry (manifests too) is seen here.
  relay = createServer((req, res) => {
    asked.push(req.url ?? '');
    const upstream = httpRequest({ host: '127.0.0.1', port: registry.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((ok) => relay.listen(0, '127.0.0.1', ok));
  const address = relay.address();
  relayPort = typeof address === 'object' && address !== null ? address.port : 0;
  hook = await startSourceWebhook(cert, ['--insecure-registry', `127.0.0.1:${relayPort}`, '--budget-ms', '20000']);
});

updates.after(() => {
  hook.stop();
  relay.close();
  registry.close();
  rmSync(cert.dir, { recursive: true, force: true });
});

updates('a finalizer removed from a terminating Pod that runs a denied image: allowed, the registry never asked', async () => {
  const metadata = { name: 'job-x-abc', namespace: 'team-a', uid: 'p-1', deletionTimestamp: '2026-12-01T12:00:00Z', deletionGracePeriodSeconds: 0 };
  const spec = { containers: pairs([img('team/job-bad')]), restartPolicy: 'Never' };
  const oldPod = { apiVersion: 'v1', kind: 'Pod', metadata: { ...metadata, finalizers: ['batch.kubernetes.io/job-tracking'] }, spec };
  const pod = { ...oldPod, metadata: { ...metadata, finalizers: [] } };
  const v = await send(review('finalizer', '', 'Pod', pod, oldPod));
  assert.ok(v.allowed, v.message);
  assert.match(v.message, /being deleted/);
  assert.equal(askedFor('team/job-bad'), []);
});

updates('an old ReplicaSet scaled to 0 during a rollout away from its denied image: allowed as "no new images", the registry never asked', async () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: pairs([img('team/web-bad'), img('team/app')]) } };
  const oldRs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-old', namespace: 'team-a', uid: 'rs-1', generation: 3 }, spec: { replicas: 3, template } };
  const rs = { ...oldRs, metadata: { ...oldRs.metadata, generation: 4 }, spec: { ...oldRs.spec, replicas: 0 } };
  const v = await send(review('scale-down', 'apps', 'ReplicaSet', rs, oldRs));
  assert.ok(v.allowed, v.message);
  assert.match(v.message, /no new images/);
  assert.equal(askedFor('team/web-bad'), []);
  assert.equal(askedFor('team/app'), []);
});

updates('a Deployment whose template moves to a denied image: denied on that image alone, the unchanged sidecar not asked for', async () => {
  const deployment = (image: string) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'team-a', uid: 'd-1' },
    spec: {
      replicas: 3,
      template: {
        spec: {
          containers: [
            { name: 'web', image },
            { name: 'sidecar', image: img('team/app') },
          ],
        },
      },
    },
  });
  const v = await send(review('deploy-bad', 'apps', 'Deployment', deployment(img('team/web-v2-bad')), deployment(img('team/web-v1'))));
  assert.not.ok(v.allowed, v.message);
  assert.match(v.message, /RSYNC-002/);
  assert.ok(askedFor('team/web-v2-bad').length > 0, asked.join(' '));
  assert.equal(askedFor('team/app'), []);
  assert.equal(askedFor('team/web-v1'), []);
});

updates('kubectl debug: an ephemeral container with a denied image added to a running Pod is denied', async () => {
  const spec = { containers: pairs([img('team/app')]) };
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'team-a', uid: 'p-2' }, spec };
  const debugged = { ...pod, spec: { ...spec, ephemeralContainers: [{ name: 'debugger-x', image: img('team/debug-bad'), targetContainerName: 'c-0', stdin: true, tty: true }] } };
  const v = await send(review('debug-bad', '', 'Pod', debugged, pod, 'ephemeralcontainers'));
  assert.not.ok(v.allowed, v.message);
  assert.match(v.message, /debug-bad/);
  assert.ok(askedFor('team/debug-bad').length > 0, asked.join(' '));
  assert.equal(askedFor('team/app'), []);
});

updates.run();
