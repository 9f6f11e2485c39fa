/**
 * What a requester can make the webhook pay for, over real HTTPS against `admission serve` from the source
 * tree and images from a loopback registry: an image too costly to analyse is denied even under
 * --fail-open, cached and counted, while a registry that only trickles stays the failure policy's call;
 * image names longer than any registry accepts are refused at their container, and kept nowhere; the
 * registry label of the error metric takes only registries the operator named; a Docker config whose
 * parts cannot be used is named at start.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { get, makeCertificate, memoryImage, post, simpleImage, startTinyRegistry, verdictOf, whiteoutHeavyImage, type Certificate, type TinyRegistry, type Webhook } from '../hostile/support/webhook.ts';
import { parseExposition, sample } from './support/exposition.ts';
import { startSourceWebhook } from './support/source-webhook.ts';

let cert: Certificate;
let registry: TinyRegistry;
let hook: Webhook;
let slowHook: Webhook | undefined;
let budgetHook: Webhook | undefined;
let giantHook: Webhook | undefined;
let heavyLayers: string[] = [];
/** Bytes of the heavy image's largest layer, and of the small images' layers together. */
let heavyLayerBytes = 0;
let smallBytes = 0;
/** Repositories whose names no registry accepts, which this registry serves all the same. */
const GIANTS = 480;
/** The giant-name webhook's heap: about twice what it uses (18–22 MiB measured), below that plus one copy of the names (29 MB). */
const GIANT_HEAP_MIB = 40;
const giantRepo = (n: number) => `test/${'g'.repeat(60_000)}${String(n).padStart(5, '0')}`;

const test = suite('admission: costly images, giant names, metric labels, unusable credentials');

function review(uid: string, kind: 'Pod' | 'Deployment', images: string[], objectUid?: string): string {
  const spec = { containers: images.map((image, i) => ({ name: `c${i}`, image })) };
  const object = kind === 'Pod' ? { kind, metadata: { uid: objectUid }, spec } : { kind, metadata: { uid: objectUid }, spec: { template: { spec } } };
  return JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid, kind: { group: kind === 'Pod' ? '' : 'apps', version: 'v1', kind }, namespace: 'team-a', operation: 'CREATE', object } });
}

async function metrics(h: Webhook): Promise<ReturnType<typeof parseExposition>> {
  const a = await get(h, '/metrics');
  assert.is(a.status, 200);
  return parseExposition(a.text);
}

test.before(async () => {
  cert = makeCertificate();
  // Enough entries and whiteouts that merging them keeps a thread busy past a one-second analysis timeout.
  const heavy = await whiteoutHeavyImage(100_000, 50_000);
  heavyLayers = heavy.layers;
  const slow = await simpleImage(undefined);
  const clean = await simpleImage(undefined);
  // More entries than the second webhook's reader indexes (RSYNCGUARD_MAX_IMAGE_ENTRIES=50 there).
  const crowded = await memoryImage([Array.from({ length: 120 }, (_, i) => ({ name: `data/f${i}` }))], ['/bin/sh']);
  const bytes = (i: typeof heavy) => i.layers.map((d) => i.blobs.get(d)?.length ?? 0);
  heavyLayerBytes = Math.max(...bytes(heavy));
  smallBytes = [slow, crowded].flatMap(bytes).reduce((a, b) => a + b, 0);
  const images = { 'test/heavy': heavy, 'test/slow': slow, 'test/clean': clean, 'test/crowded': crowded };
  for (let n = 0; n < GIANTS; n++) Object.assign(images, { [giantRepo(n)]: clean });
  registry = await startTinyRegistry(images, { blobs: new Set(slow.layers), ms: 200 });
  // Credentials that cannot be used: an "auths" that is no object, and a credential helper.
  const config = join(cert.dir, 'docker-config.json');
  writeFileSync(config, JSON.stringify({ auths: 'oops', credsStore: 'desktop' }));
  hook = await startSourceWebhook(cert, ['--insecure-registry', `127.0.0.1:${registry.port}`, '--fail-open', '--analysis-timeout', '1', '--budget-ms', '20000', '--workers', '1', '--docker-config', config]);
});

test.after(() => {
  hook?.stop();
  slowHook?.stop();
  budgetHook?.stop();
  giantHook?.stop();
  registry?.close();
  if (cert) rmSync(cert.dir, { recursive: true, force: true });
});

test('a Docker config whose parts cannot be used is named at start, without what it holds (before the log grows past what is kept)', () => {
  const lines = hook
    .stderr()
    .split('\n')
    .filter((l) => l.includes('docker config: part of it is ignored'))
    .map((l) => JSON.parse(l) as { file: string; ignored: string });
  assert.equal(
    lines.map((l) => l.ignored.slice(0, 30)),
    ['"auths" is a string, not an ob', '"credsStore" names a credentia'],
  );
  for (const l of lines) assert.is(l.file, join(cert.dir, 'docker-config.json'));
  assert.not.match(hook.stderr(), 'desktop');
});

test('an image too costly to analyse is denied under --fail-open, and the verdict is cached and counted', async () => {
  const ref = registry.ref('test/heavy');
  const first = verdictOf(await post(hook, review('costly-1', 'Pod', [ref])));
  assert.is(first.allowed, false, first.message);
  assert.match(
    first.message,
    /image "127\.0\.0\.1:\d+\/test\/heavy:1" \(sha256:[0-9a-f]{12}\): too costly to analyse — too costly to analyse: the analysis did not finish within 1 s and was stopped \(--analysis-timeout\), its thread busy \d+%/,
    first.message,
  );
  assert.match(first.message, 'denied even under --fail-open');
  const served = heavyLayers.map((d) => registry.served.get(d) ?? 0);
  // The same image again, and under another tag-less spelling of the same digest: answered from the cache.
  const again = await post(hook, review('costly-2', 'Pod', [ref]));
  const second = verdictOf(again);
  assert.is(second.allowed, false, second.message);
  assert.match(second.message, 'too costly to analyse');
  assert.ok(again.ms < 1000, `answered from the cache in ${again.ms.toFixed(0)} ms`);
  assert.equal(
    heavyLayers.map((d) => registry.served.get(d) ?? 0),
    served,
    'no layer fetched again',
  );
  const m = await metrics(hook);
  assert.is(sample(m, 'rsyncguard_admission_image_evaluations_total', { outcome: 'too_costly' }), 2);
  assert.is(sample(m, 'rsyncguard_admission_reviews_total', { decision: 'deny', mode: 'enforce' }), 2);
});

test('a registry that trickles, past the analysis timeout, is the environment: --fail-open lets it through; a reader limit is the image', async () => {
  // Its own webhook: the analysis timeout must outlast a fresh thread's first steps to judge waiting from working.
  // Its scratch space holds the small images' layers but not the heavy image's largest (the next test).
  const scratch = Math.floor(heavyLayerBytes / 2);
  assert.ok(smallBytes < scratch, `small images ${smallBytes} bytes, heavy layer ${heavyLayerBytes}`);
  slowHook = await startSourceWebhook(cert, ['--insecure-registry', `127.0.0.1:${registry.port}`, '--fail-open', '--analysis-timeout', '4', '--budget-ms', '20000', '--workers', '1'], {
    RSYNCGUARD_MAX_IMAGE_ENTRIES: '50',
    RSYNCGUARD_MAX_SCRATCH_BYTES: String(scratch),
  });
  const v = verdictOf(await post(slowHook, review('slow-1', 'Pod', [registry.ref('test/slow')])));
  assert.is(v.allowed, true, v.message);
  assert.match(v.message, /did not finish within 4 s and was stopped, its thread waiting \d+% of that time \(a slow registry\)/, v.message);
  assert.match(v.message, 'allowed by --fail-open');
  const crowded = verdictOf(await post(slowHook, review('crowded-1', 'Pod', [registry.ref('test/crowded')])));
  assert.is(crowded.allowed, false, crowded.message);
  assert.match(crowded.message, /too costly to analyse — .*RSYNCGUARD_MAX_IMAGE_ENTRIES/, crowded.message);
  const again = await post(slowHook, review('crowded-2', 'Pod', [registry.ref('test/crowded')]));
  assert.match(verdictOf(again).message, 'too costly to analyse — ');
  const m = await metrics(slowHook);
  assert.is(sample(m, 'rsyncguard_admission_image_evaluations_total', { outcome: 'too_costly' }), 2);
  assert.is(sample(m, 'rsyncguard_admission_image_evaluations_total', { outcome: 'error' }), 1);
  // The second review of the crowded image was a verdict-cache hit, not a second analysis.
  assert.is(sample(m, 'rsyncguard_admission_image_evaluation_duration_seconds_count', {}), 2);
});

test('a layer bigger than the scratch space allows is too costly under --fail-open, refused before it is fetched', async () => {
  const hook2 = slowHook as Webhook;
  const served = heavyLayers.map((d) => registry.served.get(d) ?? 0);
  const v = verdictOf(await post(hook2, review('scratch-1', 'Pod', [registry.ref('test/heavy')])));
  assert.is(v.allowed, false, v.message);
  assert.match(v.message, /too costly to analyse — .*scratch space.*RSYNCGUARD_MAX_SCRATCH_BYTES/, v.message);
  assert.match(v.message, 'denied even under --fail-open');
  // The declared size is checked before the fetch: the big layer was never asked for.
  assert.equal(
    heavyLayers.map((d) => registry.served.get(d) ?? 0),
    served,
  );
  const m = await metrics(hook2);
  assert.is(sample(m, 'rsyncguard_admission_image_evaluations_total', { outcome: 'too_costly' }), 3);
});

test('with a budget shorter than the analysis timeout, a heavy image is denied as too costly, never let through; a trickling registry still is', async () => {
  // The shape an operator runs: seconds of budget, minutes of analysis timeout.
  budgetHook = await startSourceWebhook(cert, ['--insecure-registry', `127.0.0.1:${registry.port}`, '--fail-open', '--budget-ms', '1500', '--analysis-timeout', '20', '--workers', '1']);
  // Denied every time: as too costly while its thread works past the budget, or, once an idle machine has
  // finished the analysis in the background, by its own finding (the verdict cache) — never let through.
  let costly = 0;
  for (let i = 0; i < 2; i++) {
    const v = verdictOf(await post(budgetHook, review(`heavy-budget-${i}`, 'Pod', [registry.ref('test/heavy')])));
    assert.is(v.allowed, false, v.message);
    if (/too costly to analyse — too costly to evaluate within the budget: not evaluated within the 1500 ms budget, its analysis thread busy \d+%/.test(v.message)) costly++;
    else assert.match(v.message, 'denied — RSYNC-002', v.message);
  }
  // The heavy job is nobody's now: the trickling image's review takes its thread, and is let through.
  const slow = verdictOf(await post(budgetHook, review('slow-budget', 'Pod', [registry.ref('test/slow')])));
  assert.is(slow.allowed, true, slow.message);
  assert.match(slow.message, 'not evaluated within the 1500 ms budget (the analysis goes on');
  // Let through, but waiting on its registry: its job still makes room for the next review's image.
  // (Not test/clean: it is the same image as test/slow, whose analysis it would wait for.) A fresh thread
  // may take most of the budget to start on a loaded machine: a few tries, all well within the ten seconds
  // the trickle holds the thread when its job is not stopped.
  let clean = { allowed: false, message: '' };
  for (let i = 0; i < 3 && !clean.message.includes('no findings at or above'); i++) {
    clean = verdictOf(await post(budgetHook, review(`clean-budget-${i}`, 'Pod', [registry.ref('test/crowded')])));
    assert.is(clean.allowed, true, clean.message);
  }
  assert.match(clean.message, 'no findings at or above', clean.message);
  const m = await metrics(budgetHook);
  assert.is(sample(m, 'rsyncguard_admission_image_evaluations_total', { outcome: 'too_costly' }), costly);
  assert.ok(sample(m, 'rsyncguard_admission_image_evaluations_total', { outcome: 'timeout' }) >= 1);
  assert.is(sample(m, 'rsyncguard_admission_image_evaluations_total', { outcome: 'clean' }), 1);
});

test('image names longer than registries accept are refused at their container under --fail-open, and kept nowhere', async () => {
  // Its own webhook, its heap capped well below the names that go through: one copy kept anywhere (tag
  // cache, verdict cache, the owner shortcut, a log line held) and it runs out of heap and stops answering.
  // RSS could not tell: it moves by tens of MiB with garbage alone, kept or not.
  giantHook = await startSourceWebhook(cert, ['--insecure-registry', `127.0.0.1:${registry.port}`, '--fail-open', '--budget-ms', '20000', '--workers', '1'], { NODE_OPTIONS: `--max-old-space-size=${GIANT_HEAP_MIB}` });
  const giant = giantHook;
  // The registry serves every giant name: only the name's length can refuse it.
  const perDeployment = GIANTS / 24;
  for (let i = 0; i < 24; i++) {
    // Twenty distinct giant names per Deployment (1.2 MB of names), each Deployment with its own uid.
    const names = Array.from({ length: perDeployment }, (_, c) => registry.ref(giantRepo(i * perDeployment + c)));
    const answer = await post(giant, review(`giant-${i}`, 'Deployment', [registry.ref('test/clean'), ...names], `dep-${i}`)).catch((e: unknown) => {
      throw new Error(`review ${i}: the webhook with a ${GIANT_HEAP_MIB} MiB heap stopped answering (${String(e)}); did it keep the names?`);
    });
    const v = verdictOf(answer);
    assert.is(v.allowed, false, v.message);
    if (i === 0) {
      assert.match(v.message, /container containers\[1\] "c1": denied — the image name is 600\d\d characters; registries accept at most 255/);
      assert.ok(Buffer.byteLength(v.message) <= 1024);
    }
  }
  assert.is(giant.child.exitCode, null, 'the webhook is still running');
  assert.not.match((await get(giant, '/metrics')).text, /^rsyncguard_admission_registry_errors_total\{/m, 'no lookup of a giant name was made, nor failed');
});

test('registry_errors_total labels only registries the operator named; any other is "other"', async () => {
  const named = registry.ref('test/missing');
  const others = Array.from({ length: 30 }, (_, i) => `registry-${i}.invalid:${5000 + i}/app:1`);
  // Invalid references name no registry that failed: they are counted nowhere in this metric.
  const invalid = ['Registry.Example.com/Team/App:1', 'nginx:Not*A*Tag'];
  // The missing tag denies (the image's own registry says it is not there); the others are unreachable.
  const v = verdictOf(await post(hook, review('labels', 'Pod', [named, ...others, ...invalid])));
  assert.match(v.message, 'could not be evaluated');
  const m = await metrics(hook);
  assert.is(sample(m, 'rsyncguard_admission_registry_errors_total', { registry: `127.0.0.1:${registry.port}` }), 1);
  assert.is(sample(m, 'rsyncguard_admission_registry_errors_total', { registry: 'other' }), 30);
  const labels = [...(await get(hook, '/metrics')).text.matchAll(/^rsyncguard_admission_registry_errors_total\{registry="([^"]*)"\}/gm)].map((x) => x[1]);
  assert.equal(labels.sort(), [`127.0.0.1:${registry.port}`, 'other'].sort());
});

test.run();
