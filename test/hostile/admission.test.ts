/**
 * Hostile admission reviews against `rsyncguard admission serve` (a child on 127.0.0.1 with a self-signed
 * certificate; images from a tiny registry in this process): what a review names, and how. Each case builds
 * its own review and asserts the verdict: a partial answer never allows, a review the webhook cannot map is
 * still answered, and nothing an image or a review carries (control characters, credentials, huge names)
 * reaches the message or the log raw. Hostile clients and load are in admission-load.test.ts.
 */
import { rmSync } from 'node:fs';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { imagesReview, makeCertificate, podReview, post, reviewLine, simpleImage, startTinyRegistry, startWebhook, verdictOf, WRITABLE_CONF, type Certificate, type TinyRegistry, type Webhook } from './support/webhook.ts';

const ESC = '\u001b';
/** "image "REF": denied", with the short digest the message gives a resolved image between them. */
const said = (ref: string, what: string) => new RegExp(`image "${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"(?: \\(sha256:[0-9a-f]{12}\\))?: ${what}`);
let cert: Certificate;
let registry: TinyRegistry;
/** A port nobody listens on: an image there cannot be resolved. */
let gone = '';
const hooks: Webhook[] = [];

async function webhook(...flags: string[]): Promise<Webhook> {
  const hook = await startWebhook(cert, flags);
  hooks.push(hook);
  return hook;
}

const test = suite('admission: hostile reviews');

test.before(async () => {
  cert = makeCertificate();
  // Module names as long as the image's author likes: findings quote them.
  const longNames = Array.from({ length: 8 }, (_, i) => `[${String(i).repeat(6000)}]\npath = /srv\nread only = no\n`).join('');
  registry = await startTinyRegistry({
    'test/long': await simpleImage(longNames),
    'test/escape': await simpleImage(`[p${ESC}[2Jub]\npath = /srv\nread only = no\n`),
    'test/bad': await simpleImage(WRITABLE_CONF),
    'test/clean': await simpleImage(undefined),
  });
  const unused = await startTinyRegistry({});
  gone = unused.ref('test/gone');
  unused.close();
});

test.after(() => {
  for (const h of hooks) h.stop();
  registry.close();
  rmSync(cert.dir, { recursive: true, force: true });
});

test('item 7: one image with findings and one that cannot be resolved deny under --fail-open, each named', async () => {
  const hook = await webhook('--fail-open');
  const v = verdictOf(await post(hook, imagesReview('mixed', [registry.ref('test/bad'), gone])));
  assert.is(v.uid, 'mixed');
  assert.is(v.allowed, false, v.message);
  assert.match(v.message, said(registry.ref('test/bad'), 'denied'));
  assert.match(v.message, 'RSYNC-002');
  assert.match(v.message, said(gone, 'could not be evaluated'));
});

test('item 7: under --fail-open only the image that could not be evaluated is let through, and said so', async () => {
  const hook = await webhook('--fail-open');
  const v = verdictOf(await post(hook, imagesReview('open', [registry.ref('test/clean'), gone])));
  assert.is(v.allowed, true, v.message);
  assert.match(v.message, said(registry.ref('test/clean'), 'allowed'));
  assert.match(v.message, said(gone, 'could not be evaluated'));
  assert.ok(
    v.warnings.some((w) => w.includes(gone) && w.includes('--fail-open')),
    JSON.stringify(v.warnings),
  );
});

test('item 7: containers without an image field are denied when failing closed, and named', async () => {
  const hook = await webhook();
  const spec = { initContainers: [{ name: 'setup' }], containers: [{ name: 'app', image: registry.ref('test/clean') }], ephemeralContainers: [{ name: 'debug' }] };
  const v = verdictOf(await post(hook, podReview('no-image', spec)));
  assert.is(v.allowed, false, v.message);
  assert.match(v.message, 'initContainers[0] "setup": could not be evaluated — no image field');
  assert.match(v.message, 'ephemeralContainers[0] "debug": could not be evaluated — no image field');
});

test('item 7: a workload template whose image is not a string is denied when failing closed', async () => {
  const hook = await webhook();
  const template = {
    spec: {
      containers: [
        { name: 'a', image: 42 },
        { name: 'b', image: { ref: registry.ref('test/clean') } },
      ],
    },
  };
  const body = JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid: 'odd', kind: { group: 'apps', version: 'v1', kind: 'Deployment' }, object: { kind: 'Deployment', spec: { template } } } });
  const v = verdictOf(await post(hook, body));
  assert.is(v.allowed, false, v.message);
  assert.match(v.message, 'containers[0] "a": could not be evaluated — image is a number, not a string');
  assert.match(v.message, 'containers[1] "b": could not be evaluated — image is a object, not a string');
});

test('item 7: control characters from an image config reach neither the message nor the log', async () => {
  const hook = await webhook();
  const v = verdictOf(await post(hook, imagesReview('esc', [registry.ref('test/escape')])));
  assert.is(v.allowed, false, v.message);
  assert.match(v.message, 'p\\x1b[2Jub');
  assert.not.ok(v.message.includes(ESC), 'a raw ESC in the status message');
  // The log is JSON lines: the finding's message, read back, has the same escape as the status message.
  const line = (await reviewLine(() => hook.stderr(), 'esc')) as { images?: { findings: { message: string }[] }[] };
  assert.ok(
    line?.images?.[0]?.findings.some((f) => f.message.includes('p\\x1b[2Jub')),
    JSON.stringify(line),
  );
  assert.not.ok(hook.stderr().includes(ESC), 'a raw ESC in the log');
});

/** A review of any kind, as the API server sends it. */
function anyReview(uid: string, kind: string, object: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid, kind: { group: 'x', version: 'v1', kind }, operation: 'CREATE', object, ...extra } });
}

test('item 7: an image past the first 64 is denied even under --fail-open (it cannot hide behind 64 others)', async () => {
  const hook = await webhook('--fail-open');
  // 64 images nobody can resolve (let through by --fail-open), then one with a high finding.
  const decoys = Array.from({ length: 64 }, (_, i) => gone.replace(/:1$/, `:decoy${i}`));
  const v = verdictOf(await post(hook, imagesReview('decoys', [...decoys, registry.ref('test/bad')])));
  assert.is(v.allowed, false, v.message.slice(0, 300));
  assert.match(v.message, `image "${registry.ref('test/bad')}": denied — the review names more than 64 distinct images`);
});

test('item 7: a review the webhook cannot map is answered with a verdict, never an HTTP error (failurePolicy: Ignore would admit it)', async () => {
  const hook = await webhook();
  const bad = registry.ref('test/bad');
  // A custom resource with a pod template (an Argo Rollout, say): its controller runs these images.
  const rollout = verdictOf(await post(hook, anyReview('rollout', 'Rollout', { kind: 'Rollout', spec: { template: { spec: { initContainers: [{ name: 'init', image: bad }] } } } })));
  assert.is(rollout.uid, 'rollout');
  assert.is(rollout.allowed, false, rollout.message);
  assert.match(rollout.message, 'RSYNC-002');
  assert.match(rollout.message, said(bad, 'denied'));
  const unreadable = verdictOf(await post(hook, anyReview('crd', 'Rollout', { spec: { template: { spec: { containers: [{ name: 'noimage' }] } } } })));
  assert.is(unreadable.allowed, false, unreadable.message);
  assert.match(unreadable.message, 'container spec.template.spec.containers[0] "noimage": could not be evaluated — no image field');
  // The ephemeral containers subresource of old API servers: a list at the top of the object.
  const ephemeral = verdictOf(await post(hook, anyReview('eph', 'EphemeralContainers', { ephemeralContainers: [{ name: 'dbg', image: bad }] })));
  assert.is(ephemeral.allowed, false, ephemeral.message);
  assert.match(ephemeral.message, 'RSYNC-002');
  // A container list nested 100 000 levels deep: found, and no stack overflows.
  // (Written by hand: JSON.stringify recurses, and would overflow in this process first.)
  const deep = `${'{"n":'.repeat(100_000)}${JSON.stringify({ containers: [{ name: 'deep', image: bad }] })}${'}'.repeat(100_000)}`;
  const nested = await post(hook, anyReview('deep', 'Widget', { spec: 'DEEP' }).replace('"DEEP"', deep));
  assert.is(nested.status, 200, nested.text.slice(0, 200));
  assert.is(verdictOf(nested).allowed, false);
  assert.match(verdictOf(nested).message, 'RSYNC-002');
  // An update whose object is missing: nothing was read, so it is denied when failing closed.
  const noObject = await post(hook, anyReview('noobj', 'Pod', null, { operation: 'UPDATE', oldObject: { spec: { containers: [{ name: 'c', image: registry.ref('test/clean') }] } } }));
  assert.is(noObject.status, 200, noObject.text);
  assert.is(verdictOf(noObject).allowed, false);
  assert.match(verdictOf(noObject).message, 'request.object');
  // A known kind without its pod spec is denied too.
  const hollow = verdictOf(await post(hook, anyReview('hollow', 'Deployment', { spec: { replicas: 1 } })));
  assert.is(hollow.allowed, false, hollow.message);
  // A deletion starts nothing, and a kind without containers holds nothing to check: both allowed, said why.
  const del = verdictOf(await post(hook, anyReview('del', 'Pod', null, { operation: 'DELETE', oldObject: { spec: { containers: [{ name: 'c', image: bad }] } } })));
  assert.is(del.allowed, true, del.message);
  assert.match(del.message, 'a DELETE starts no container');
  const config = verdictOf(await post(hook, anyReview('cm', 'ConfigMap', { data: { a: 'b' } })));
  assert.is(config.allowed, true, config.message);
  assert.is(hook.child.exitCode, null, 'the webhook exited');
});

test('item 7: credentials written into an image reference reach neither the message nor the log', async () => {
  const hook = await webhook('--fail-open');
  const port = registry.port;
  const v = verdictOf(await post(hook, imagesReview('userinfo', [`alice:S3cr3tT0ken@127.0.0.1:${port}/test/bad:1`, `https://bob:Pa55w0rd@127.0.0.1:${port}/test/bad:1`])));
  // Read once the review's own line is written, so the check covers it.
  await reviewLine(() => hook.stderr(), 'userinfo');
  for (const secret of ['S3cr3tT0ken', 'Pa55w0rd']) {
    assert.not.ok(v.message.includes(secret), `${secret} in the message: ${v.message}`);
    assert.not.ok(
      v.warnings.some((w) => w.includes(secret)),
      `${secret} in a warning`,
    );
    assert.not.ok(hook.stderr().includes(secret), `${secret} in the log`);
  }
  assert.match(v.message, '********@127.0.0.1');
});

test("item 7: an image naming a file on the webhook's own disk is refused, even under --fail-open, and no path is probed", async () => {
  const hook = await webhook('--fail-open');
  const hex = 'a'.repeat(64);
  const v = verdictOf(await post(hook, imagesReview('local', [`docker-archive:/etc/passwd@sha256:${hex}`, `oci:tmp/x@sha256:${hex}`])));
  assert.is(v.allowed, false, v.message);
  assert.match(v.message, 'a local image transport, not a registry reference');
  assert.not.ok(/no such (file|directory)/.test(v.message), v.message);
});

test('item 7: findings quoting huge module names do not make a huge status message', async () => {
  const hook = await webhook();
  const v = verdictOf(await post(hook, imagesReview('long', [registry.ref('test/long'), registry.ref('test/bad')])));
  assert.is(v.allowed, false);
  assert.match(v.message, 'RSYNC-002');
  assert.ok(v.message.length <= 8192, `a status message of ${v.message.length} characters`);
  assert.match(v.message, 'Next: fix the rsync configuration');
});

test.run();
