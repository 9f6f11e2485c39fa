/**
 * AdmissionReview v1 bodies as the API server sends them — every field it fills (userInfo, options,
 * managedFields, status, ownerReferences, a defaulted pod spec), a Pod with init containers, an
 * ephemeral container added through the pods/ephemeralcontainers subresource, a Deployment, a CronJob,
 * several images, one the registry does not have — to the webhook (from source) over HTTPS, against the
 * tiny loopback registry. The verdict of each image is read from the review's JSON log line, the answer
 * from the wire.
 */
import { rmSync } from 'node:fs';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { makeCertificate, memoryImage, post, reviewLine, simpleImage, startTinyRegistry, verdictOf, WRITABLE_CONF, type Certificate, type TinyRegistry, type Webhook } from '../hostile/support/webhook.ts';
import { startSourceWebhook } from './support/source-webhook.ts';

let cert: Certificate;
let registry: TinyRegistry;
let hook: Webhook;
const img = (repo: string) => registry.ref(`shop/${repo}`);

/** A container as the API server has it after defaulting. */
const container = (name: string, image: string) => ({
  name,
  image,
  resources: {},
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  imagePullPolicy: 'IfNotPresent',
});

function podSpec(containers: string[], init: string[] = [], ephemeral: string[] = []): Record<string, unknown> {
  return {
    volumes: [{ name: 'kube-api-access-x', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }], defaultMode: 420 } }],
    ...(init.length ? { initContainers: init.map((image, i) => container(`init-${i}`, image)) } : {}),
    containers: containers.map((image, i) => container(`c-${i}`, image)),
    ...(ephemeral.length ? { ephemeralContainers: ephemeral.map((image, i) => ({ ...container(`debugger-${i}`, image), stdin: true, tty: true, targetContainerName: 'c-0' })) } : {}),
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    serviceAccountName: 'default',
    securityContext: {},
    schedulerName: 'default-scheduler',
    tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
    priority: 0,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
  };
}

const GROUPS: Record<string, [string, string, string]> = {
  Pod: ['', 'v1', 'pods'],
  Deployment: ['apps', 'v1', 'deployments'],
  CronJob: ['batch', 'v1', 'cronjobs'],
};

/** The review the API server sends for `object` (`operation`, `subResource` and `old` as for kubectl debug). */
function review(uid: string, kind: string, object: Record<string, unknown>, operation = 'CREATE', subResource?: string, old: Record<string, unknown> = object): string {
  const [group, version, resource] = GROUPS[kind] ?? ['', 'v1', 'x'];
  const gvk = { group, version, kind };
  const gvr = { group, version, resource };
  const metadata = object['metadata'] as Record<string, unknown>;
  return JSON.stringify({
    kind: 'AdmissionReview',
    apiVersion: 'admission.k8s.io/v1',
    request: {
      uid,
      kind: gvk,
      resource: gvr,
      ...(subResource ? { subResource } : {}),
      requestKind: gvk,
      requestResource: gvr,
      ...(subResource ? { requestSubResource: subResource } : {}),
      name: metadata['name'],
      namespace: 'shop',
      operation,
      userInfo: { username: 'system:serviceaccount:kube-system:replicaset-controller', uid: '3f1c', groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'] },
      object,
      oldObject: operation === 'UPDATE' ? old : null,
      dryRun: false,
      options: { kind: operation === 'CREATE' ? 'CreateOptions' : 'UpdateOptions', apiVersion: 'meta.k8s.io/v1' },
    },
  });
}

function meta(name: string, uid: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    namespace: 'shop',
    uid,
    creationTimestamp: null,
    labels: { app: 'web' },
    managedFields: [{ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'v1', time: '2026-12-01T05:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': {} } }],
    ...extra,
  };
}

/** How the status message says an image denied: quoted as written, its short digest, then "denied". */
const deniedIn = (image: string) => new RegExp(`${JSON.stringify(image).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(sha256:[0-9a-f]{12}\\): denied`);

interface Logged {
  image: string;
  digest: string | null;
  outcome: string;
  findings: { rule_id: string }[];
  reason: string | null;
}

/** The review's JSON log line: each image with its outcome. */
async function logged(uid: string): Promise<Logged[]> {
  return ((await reviewLine(() => hook.stderr(), uid))['images'] as Logged[] | undefined) ?? [];
}

/** Each image → its outcome (and rule ids when denied), as the log says. */
async function perImage(uid: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await logged(uid)) out[e.image] = e.outcome === 'denied' ? `denied ${e.findings.map((f) => f.rule_id).join(',')}` : e.outcome;
  return out;
}

async function send(body: string): Promise<{ allowed: boolean; message: string; uid: string }> {
  const a = await post(hook, body, 60_000);
  assert.is(a.status, 200, a.text);
  return verdictOf(a);
}

const shapes = suite('admission: reviews shaped like the API server', { setup: false });

shapes.before(async () => {
  cert = makeCertificate();
  registry = await startTinyRegistry({
    'shop/web': await simpleImage(undefined),
    'shop/sidecar': await memoryImage([[{ name: 'opt/sidecar', body: 'x' }]], ['/sidecar']),
    'shop/debug': await memoryImage([[{ name: 'bin/busybox', body: 'y' }]], ['/bin/sh']),
    'shop/seed': await simpleImage(WRITABLE_CONF),
  });
  hook = await startSourceWebhook(cert, ['--budget-ms', '20000']);
});

shapes.after(() => {
  hook.stop();
  registry.close();
  rmSync(cert.dir, { recursive: true, force: true });
});

shapes('a Pod with an init container that runs a writable rsync module: that image, and only it, denies', async () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('web-7d9-abcde', 'p-1', { generateName: 'web-7d9-', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d9', uid: 'rs-x', controller: true, blockOwnerDeletion: true }] }),
    spec: podSpec([img('web'), img('sidecar')], [img('seed')]),
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
  const v = await send(review('pod-init', 'Pod', pod));
  assert.is(v.uid, 'pod-init');
  assert.not.ok(v.allowed);
  assert.match(v.message, deniedIn(img('seed')));
  assert.not.match(v.message, deniedIn(img('web')), v.message);
  assert.equal(await perImage('pod-init'), { [img('seed')]: 'denied RSYNC-002', [img('web')]: 'clean', [img('sidecar')]: 'clean' });
});

shapes('kubectl debug: an ephemeral container added through pods/ephemeralcontainers is judged, the Pod it joins is not again', async () => {
  const running = { apiVersion: 'v1', kind: 'Pod', metadata: meta('web-1', 'p-2'), spec: podSpec([img('web')]), status: { phase: 'Running' } };
  const pod = { ...running, spec: podSpec([img('web')], [], [img('debug')]) };
  const v = await send(review('pod-debug', 'Pod', pod, 'UPDATE', 'ephemeralcontainers', running));
  assert.ok(v.allowed, v.message);
  assert.equal(await perImage('pod-debug'), { [img('debug')]: 'clean' });
  const bad = { ...running, spec: podSpec([img('web')], [], [img('seed')]) };
  const w = await send(review('pod-debug-bad', 'Pod', bad, 'UPDATE', 'ephemeralcontainers', running));
  assert.not.ok(w.allowed);
  assert.equal(await perImage('pod-debug-bad'), { [img('seed')]: 'denied RSYNC-002' });
});

shapes('a Deployment: every image of its pod template, init containers included', async () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('web', 'd-1', { generation: 1, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } }),
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: podSpec([img('web'), img('sidecar')], [img('debug')]) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {},
  };
  const v = await send(review('deploy', 'Deployment', deployment));
  assert.ok(v.allowed, v.message);
  assert.equal(await perImage('deploy'), { [img('debug')]: 'clean', [img('web')]: 'clean', [img('sidecar')]: 'clean' });
});

shapes('a CronJob naming an image the registry does not have: denied, the image and the 404 named', async () => {
  const gone = registry.ref('shop/gone');
  const cron = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta('nightly', 'c-1'),
    spec: {
      schedule: '0 3 * * *',
      concurrencyPolicy: 'Allow',
      suspend: false,
      jobTemplate: { metadata: { creationTimestamp: null }, spec: { template: { metadata: { creationTimestamp: null }, spec: { ...podSpec([img('web'), gone]), restartPolicy: 'OnFailure' } } } },
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
    },
    status: {},
  };
  const v = await send(review('cron', 'CronJob', cron));
  assert.not.ok(v.allowed);
  assert.match(v.message, gone);
  assert.match(v.message, /not found/);
  const each = await logged('cron');
  assert.equal(
    each.map((e) => [e.image, e.outcome]),
    [
      [img('web'), 'clean'],
      [gone, 'error'],
    ],
  );
  assert.match(each[1]?.reason ?? '', /not found/);
  assert.is(each[1]?.digest, null, 'no digest for an image the registry does not have');
});

shapes('several images in one Pod: each judged once, the message says which deny', async () => {
  const images = [img('web'), img('sidecar'), img('debug'), img('seed'), img('web')];
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: meta('many', 'p-3'), spec: podSpec(images), status: {} };
  const v = await send(review('pod-many', 'Pod', pod));
  assert.not.ok(v.allowed);
  assert.ok(v.message.length <= 1024);
  assert.match(v.message, deniedIn(img('seed')));
  for (const ok of ['web', 'sidecar', 'debug']) assert.not.match(v.message, deniedIn(img(ok)));
  const each = await logged('pod-many');
  assert.is(each.length, 4, 'a repeated image is judged once');
  assert.ok(
    each.every((e) => e.digest?.includes('sha256:')),
    'each image logged with its digest',
  );
});

shapes.run();
