/**
 * Less work per review (issue 19 item 5), measured at the registry: the admission controller in this
 * process, the tiny loopback registry behind a proxy that counts what it is asked. Objects a controller
 * makes from an admitted template (Deployment → ReplicaSet → Pod, CronJob → Job → Pod) are answered with
 * no registry request, even with the tag cache expired; forged, denied or expired owners are not; and
 * concurrent reviews of one cold image cost the registry what one review costs.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { AdmissionController, policiesFor, type AdmissionOptions } from '../../src/runner/index.ts';
import { parseReview, type AdmissionRequest } from '../../src/sources/index.ts';
import { simpleImage, startTinyRegistry, WRITABLE_CONF, type TinyRegistry } from '../hostile/support/registry.ts';
import { startCountingProxy, type CountingProxy } from './support/counting-proxy.ts';

let registry: TinyRegistry;
let proxy: CountingProxy;
let base: Omit<AdmissionOptions, 'cacheTtlMs'>;
const controllers: AdmissionController[] = [];
const ref = (repo: string) => `127.0.0.1:${proxy.port}/${repo}:1`;
/** Pinned by digest: a tag rides on its owner only as long as the tag cache trusts it (1 ms here), a digest for the verdict's life. */
const pinned = (repo: string) => `127.0.0.1:${proxy.port}/${repo}@${digests.get(repo) ?? ''}`;
const digests = new Map<string, string>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function controller(over: Partial<AdmissionOptions> = {}): AdmissionController {
  const c = new AdmissionController({ ...base, cacheTtlMs: 3_600_000, ...over });
  controllers.push(c);
  return c;
}

/** An AdmissionReview v1 as the API server sends it: the object with its uid and controller ownerReference. */
function review(kind: string, uid: string, images: string[], owner?: { kind: string; uid: string }, namespace = 'shop'): AdmissionRequest {
  const pod = { containers: images.map((image, i) => ({ name: `c${i}`, image })) };
  const template = { metadata: { labels: { app: 'x' } }, spec: pod };
  const spec = kind === 'Pod' ? pod : kind === 'CronJob' ? { schedule: '* * * * *', jobTemplate: { spec: { template } } } : { template };
  const ownerReferences = owner ? [{ apiVersion: 'apps/v1', kind: owner.kind, name: `${owner.kind.toLowerCase()}-x`, uid: owner.uid, controller: true, blockOwnerDeletion: true }] : [];
  const object = { kind, metadata: { name: `${kind.toLowerCase()}-x`, namespace, uid, ownerReferences }, spec };
  const r = parseReview({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid: `review-${uid}`, kind: { kind }, namespace, operation: 'CREATE', object } });
  if (typeof r === 'string') throw new Error(r);
  return r;
}

/** Registry requests made while `run` runs. */
async function requests<T>(run: () => Promise<T>): Promise<{ value: T; n: number }> {
  proxy.reset();
  const value = await run();
  return { value, n: proxy.count(/./) };
}

const owners = suite('admission: owners and shared work, counted at the registry');

owners.before(async () => {
  const app = await simpleImage(undefined);
  const side = await simpleImage(undefined);
  digests.set('t/app', app.digest).set('t/side', side.digest);
  registry = await startTinyRegistry({
    't/app': app,
    't/side': side,
    't/evil': await simpleImage(WRITABLE_CONF),
    't/cold': await simpleImage(undefined),
    't/cold2': await simpleImage(WRITABLE_CONF),
  });
  proxy = await startCountingProxy(registry.port);
  const policies = await policiesFor(undefined);
  if (!policies.ok) throw new Error(policies.error.message);
  // The tag cache expires at once: only the owner shortcut can spare a registry request.
  base = { policies: policies.value, registry: { platform: 'linux/amd64', insecure: true }, failOn: 'high', budgetMs: 20_000, failOpen: false, cacheSize: 100, workers: 1, analysisTimeoutMs: 60_000, tagTtlMs: 1 };
});

owners.after(async () => {
  await Promise.all(controllers.map((c) => c.close()));
  proxy.close();
  registry.close();
});

owners('Deployment → ReplicaSet → Pod and CronJob → Job → Pod: after the owner, no registry request', async () => {
  const c = controller();
  const images = [pinned('t/app'), pinned('t/side')];
  const dep = await requests(() => c.decide(review('Deployment', 'dep-1', images)));
  assert.ok(dep.value.allowed, dep.value.message);
  assert.ok(dep.n > 0, 'the Deployment itself is read from the registry');
  await sleep(5);
  const rs = await requests(() => c.decide(review('ReplicaSet', 'rs-1', [...images].reverse(), { kind: 'Deployment', uid: 'dep-1' })));
  assert.ok(rs.value.allowed, rs.value.message);
  assert.is(rs.n, 0, 'ReplicaSet: no tag lookup');
  await sleep(5);
  const pod = await requests(() => c.decide(review('Pod', 'pod-1', [images[0] ?? ''], { kind: 'ReplicaSet', uid: 'rs-1' })));
  assert.ok(pod.value.allowed);
  assert.is(pod.n, 0, 'Pod of the ReplicaSet: no tag lookup');
  assert.ok(pod.value.outcomes.every((o) => o.kind === 'allowed'));
  const cron = await requests(() => c.decide(review('CronJob', 'cron-1', images)));
  assert.ok(cron.value.allowed);
  await sleep(5);
  const job = await requests(() => c.decide(review('Job', 'job-1', images, { kind: 'CronJob', uid: 'cron-1' })));
  await sleep(5);
  const jobPod = await requests(() => c.decide(review('Pod', 'pod-2', images, { kind: 'Job', uid: 'job-1' })));
  assert.ok(job.value.allowed && jobPod.value.allowed);
  assert.equal([job.n, jobPod.n], [0, 0], 'Job and its Pod: no tag lookup');
});

owners('a tag reached through its owner is resolved again once the tag TTL has passed', async () => {
  const c = controller();
  const app = ref('t/app');
  assert.ok((await c.decide(review('Deployment', 'dep-tag', [app]))).allowed);
  await sleep(5);
  const rs = await requests(() => c.decide(review('ReplicaSet', 'rs-tag', [app], { kind: 'Deployment', uid: 'dep-tag' })));
  assert.ok(rs.n > 0, 'past the tag TTL the tag is resolved again, even through an owner');
});

owners('a forged owner brings in nothing: another image, another namespace, another kind go the usual way', async () => {
  const c = controller();
  const app = ref('t/app');
  assert.ok((await c.decide(review('Deployment', 'dep-2', [app]))).allowed);
  await sleep(5);
  const smuggled = await requests(() => c.decide(review('Pod', 'p-evil', [app, ref('t/evil')], { kind: 'Deployment', uid: 'dep-2' })));
  assert.not.ok(smuggled.value.allowed, 'the image the owner did not have is evaluated, and denies');
  assert.match(smuggled.value.message, 'RSYNC-');
  assert.ok(smuggled.n > 0);
  await sleep(5);
  const elsewhere = await requests(() => c.decide(review('Pod', 'p-ns', [app], { kind: 'Deployment', uid: 'dep-2' }, 'other')));
  assert.ok(elsewhere.value.allowed && elsewhere.n > 0, 'an owner in another namespace is no owner');
  await sleep(5);
  const wrongKind = await requests(() => c.decide(review('Pod', 'p-kind', [app], { kind: 'Job', uid: 'dep-2' })));
  assert.ok(wrongKind.n > 0, 'a claim of another kind is no claim');
});

owners('a denied workload is never an owner', async () => {
  const c = controller();
  const evil = ref('t/evil');
  assert.not.ok((await c.decide(review('Deployment', 'dep-bad', [evil]))).allowed);
  await sleep(5);
  const rs = await requests(() => c.decide(review('ReplicaSet', 'rs-bad', [evil], { kind: 'Deployment', uid: 'dep-bad' })));
  assert.not.ok(rs.value.allowed);
  assert.ok(rs.n > 0, 'looked up, not taken from a denied owner');
});

owners('the shortcut ends with the verdict it reuses', async () => {
  const c = controller({ cacheTtlMs: 300 });
  const app = pinned('t/app');
  assert.ok((await c.decide(review('Deployment', 'dep-3', [app]))).allowed);
  await sleep(5);
  assert.is((await requests(() => c.decide(review('ReplicaSet', 'rs-3', [app], { kind: 'Deployment', uid: 'dep-3' })))).n, 0);
  await sleep(350);
  const late = await requests(() => c.decide(review('ReplicaSet', 'rs-4', [app], { kind: 'Deployment', uid: 'dep-3' })));
  assert.ok(late.value.allowed);
  assert.ok(late.n > 0, 'the verdict expired: the image is read again');
});

owners('eight concurrent reviews of a cold image cost the registry what one review costs', async () => {
  const c = controller({ tagTtlMs: 60_000 });
  const one = await requests(() => c.decide(review('Pod', 'one', [ref('t/cold')])));
  assert.ok(one.value.allowed, one.value.message);
  const blobs = [...proxy.seen].filter(([line]) => line.includes('/blobs/'));
  assert.ok(blobs.length >= 2 && blobs.every(([, n]) => n === 1), 'one review: each blob once');
  const shape = (seen: Map<string, number>) => [...seen.values()].sort();
  const single = shape(proxy.seen);
  const eight = await requests(() => Promise.all(Array.from({ length: 8 }, (_, i) => c.decide(review('Pod', `many-${i}`, [ref('t/cold2')])))));
  assert.ok(
    eight.value.every((d) => !d.allowed && d.message.includes('RSYNC-')),
    'all eight have the one verdict',
  );
  assert.equal(shape(proxy.seen), single, `eight reviews, one fetch set: ${[...proxy.seen].map(([l, n]) => `${n}× ${l}`).join(', ')}`);
  assert.ok(eight.n === one.n);
});

owners.run();
