/**
 * Hostile admission reviews and hostile clients against `rsyncguard admission serve` (a child on
 * 127.0.0.1 with a self-signed certificate; images from a tiny registry in this process). Each case builds
 * its own review or attack and asserts the outcome: a partial answer never allows, the budget holds while a
 * heavy image is analysed, slow clients cannot hold the server, an oversized body gets 413.
 */
import { rmSync } from 'node:fs';
import { connect } from 'node:tls';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  get,
  imagesReview,
  makeCertificate,
  podReview,
  post,
  simpleImage,
  slowClients,
  startTinyRegistry,
  startWebhook,
  verdictOf,
  whiteoutHeavyImage,
  WRITABLE_CONF,
  type Certificate,
  type TinyRegistry,
  type Webhook,
} from './support/webhook.ts';

const BUDGET_MS = 1000;
const ESC = '\u001b';
let cert: Certificate;
let registry: TinyRegistry;
/** A port nobody listens on: an image there cannot be resolved. */
let gone = '';
let trickled = '';
const hooks: Webhook[] = [];

async function webhook(...flags: string[]): Promise<Webhook> {
  const hook = await startWebhook(cert, flags);
  hooks.push(hook);
  return hook;
}

const test = suite('admission: hostile reviews and clients');

test.before(async () => {
  cert = makeCertificate();
  // A small image whose layer trickles in over ~5 s: its analysis outlasts the budget on any machine.
  const slow = await simpleImage(`# slow\n${WRITABLE_CONF}`);
  trickled = slow.layers[0] ?? '';
  // The heavy image's last, small layer trickles too: however fast the merge, the analysis outlasts the budget.
  const heavy = await whiteoutHeavyImage(20_000, 7_000, [{ name: 'etc/motd', body: 'heavy\n' }]);
  const images = { 'test/escape': await simpleImage(`[p${ESC}[2Jub]\npath = /srv\nread only = no\n`), 'test/bad': await simpleImage(WRITABLE_CONF), 'test/clean': await simpleImage(undefined), 'test/heavy': heavy, 'test/slow': slow };
  registry = await startTinyRegistry(images, { blobs: new Set([trickled, heavy.layers[2] ?? '']), ms: 100 });
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
  assert.match(v.message, `image "${registry.ref('test/bad')}": denied`);
  assert.match(v.message, 'RSYNC-002');
  assert.match(v.message, `image "${gone}": could not be evaluated`);
});

test('item 7: under --fail-open only the image that could not be evaluated is let through, and said so', async () => {
  const hook = await webhook('--fail-open');
  const v = verdictOf(await post(hook, imagesReview('open', [registry.ref('test/clean'), gone])));
  assert.is(v.allowed, true, v.message);
  assert.match(v.message, `image "${registry.ref('test/clean')}": allowed`);
  assert.match(v.message, `image "${gone}": could not be evaluated`);
  assert.ok(v.warnings.some((w) => w.includes(gone) && w.includes('--fail-open')), JSON.stringify(v.warnings));
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
  const template = { spec: { containers: [{ name: 'a', image: 42 }, { name: 'b', image: { ref: registry.ref('test/clean') } }] } };
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
  await new Promise((r) => setTimeout(r, 100));
  assert.match(hook.stderr(), 'p\\x1b[2Jub');
  assert.not.ok(hook.stderr().includes(ESC), 'a raw ESC in the log');
});

test('item 8: /healthz and a cached review keep answering while a whiteout-heavy image is analysed', async () => {
  const hook = await webhook('--budget-ms', String(BUDGET_MS));
  const cached = registry.ref('test/bad');
  const heavy = registry.ref('test/heavy');
  // Warm until the verdict is cached: the first analysis also starts the thread, which may outlast the budget.
  let warm = verdictOf(await post(hook, imagesReview('warm', [cached])));
  for (let i = 0; i < 20 && !warm.message.includes('RSYNC-002'); i++) warm = verdictOf(await post(hook, imagesReview(`warm${i}`, [cached])));
  assert.match(warm.message, 'RSYNC-002');
  const started = performance.now();
  const first = post(hook, imagesReview('heavy', [heavy]));
  let analysed = false;
  let slowestHealth = 0;
  let slowestCached = 0;
  // Until the analysis has finished (its verdict comes from the cache), or 30 s.
  while (!analysed && performance.now() - started < 30_000) {
    slowestHealth = Math.max(slowestHealth, (await get(hook, '/healthz', 30_000)).ms);
    const quick = await post(hook, imagesReview('quick', [cached]), 30_000);
    slowestCached = Math.max(slowestCached, quick.ms);
    const again = verdictOf(await post(hook, imagesReview('again', [heavy]), 30_000));
    analysed = again.message.includes('RSYNC-002');
    await new Promise((r) => setTimeout(r, 50));
  }
  const answer = await first;
  console.log(`  whiteout-heavy image: first review answered in ${answer.ms.toFixed(0)} ms (budget ${BUDGET_MS}); analysed in ${(performance.now() - started).toFixed(0)} ms; slowest /healthz meanwhile ${slowestHealth.toFixed(0)} ms, slowest cached review ${slowestCached.toFixed(0)} ms`);
  assert.ok(analysed, 'the heavy image was never analysed');
  assert.ok(answer.ms < BUDGET_MS + 400, `the first review was answered after ${answer.ms.toFixed(0)} ms`);
  assert.is(verdictOf(answer).allowed, false);
  assert.match(verdictOf(answer).message, `not evaluated within the ${BUDGET_MS} ms budget`);
  assert.ok(slowestHealth < 150, `/healthz took ${slowestHealth.toFixed(0)} ms`);
  assert.ok(slowestCached < 300, `a cached review took ${slowestCached.toFixed(0)} ms`);
});

test('item 8: an image that is not analysed within the budget is denied at the budget, and the analysis goes on', async () => {
  const hook = await webhook('--budget-ms', String(BUDGET_MS));
  const slow = registry.ref('test/slow');
  const before = registry.served.get(trickled) ?? 0;
  const answer = await post(hook, imagesReview('slow', [slow]));
  const v = verdictOf(answer);
  assert.ok(answer.ms < BUDGET_MS + 400, `answered after ${answer.ms.toFixed(0)} ms`);
  assert.is(v.allowed, false);
  assert.match(v.message, `image "${slow}": could not be evaluated — not evaluated within the ${BUDGET_MS} ms budget`);
  // Once the layer has arrived, the verdict comes from the cache; every review meanwhile shared one analysis.
  let later = v;
  for (let i = 0; i < 20 && !later.message.includes('RSYNC-002'); i++) later = verdictOf(await post(hook, imagesReview(`later${i}`, [slow])));
  assert.match(later.message, 'RSYNC-002');
  assert.is((registry.served.get(trickled) ?? 0) - before, 1, 'every review of the slow image shares one analysis');
});

test('item 8: under --fail-open an image over budget is allowed as not evaluated, with the message saying so', async () => {
  const hook = await webhook('--budget-ms', String(BUDGET_MS), '--fail-open');
  const answer = await post(hook, imagesReview('slow-open', [registry.ref('test/slow')]));
  const v = verdictOf(answer);
  assert.ok(answer.ms < BUDGET_MS + 400, `answered after ${answer.ms.toFixed(0)} ms`);
  assert.is(v.allowed, true);
  assert.ok(v.warnings.some((w) => w.includes(`not evaluated within the ${BUDGET_MS} ms budget`)), JSON.stringify(v.warnings));
});

test('item 8: an analysis that outlasts --analysis-timeout is stopped with its thread, and the next one runs', async () => {
  const hook = await webhook('--budget-ms', '5000', '--analysis-timeout', '1', '--workers', '1');
  const answer = await post(hook, imagesReview('stuck', [registry.ref('test/slow')]));
  const v = verdictOf(answer);
  assert.is(v.allowed, false);
  assert.match(v.message, 'the analysis did not finish within 1 s and was stopped');
  assert.ok(answer.ms < 3000, `answered after ${answer.ms.toFixed(0)} ms`);
  // The only thread was ended; a new one takes the next image.
  assert.match(verdictOf(await post(hook, imagesReview('next', [registry.ref('test/bad')]))).message, 'RSYNC-002');
});

test('item 8: 150 stalled connections do not keep a review from being answered', async () => {
  const hook = await webhook('--max-connections', '100');
  const slow = await slowClients(hook, 150);
  try {
    const answer = await post(hook, imagesReview('among-slow', [registry.ref('test/clean')]), 10_000);
    assert.is(verdictOf(answer).allowed, true);
    assert.ok((await get(hook, '/healthz', 2000)).status === 200);
    // Stalled handshakes and half-sent headers are ended by the server's deadlines, not held forever.
    await new Promise((r) => setTimeout(r, 7000));
    assert.is(slow.open(), 0, 'stalled sockets outlived the header and handshake deadlines');
  } finally {
    slow.close();
  }
});

test('item 8: a body that stops arriving gets 408 with a message, and the connection is closed', async () => {
  const hook = await webhook();
  const started = performance.now();
  const answer = await new Promise<string>((done) => {
    const s = connect({ host: '127.0.0.1', port: hook.port, ca: hook.ca }, () => s.write('POST /validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"apiVersion":'));
    let text = '';
    s.setEncoding('utf8').on('data', (d: string) => (text += d));
    s.on('error', () => undefined);
    s.on('close', () => done(text));
    setTimeout(() => s.destroy(), 20_000).unref();
  });
  const ms = performance.now() - started;
  assert.match(answer, /^HTTP\/1\.1 408/);
  assert.match(answer, 'the request body did not arrive within 8 s');
  assert.ok(ms < 12_000, `closed after ${ms.toFixed(0)} ms`);
});

test('item 8: a body over the 4 MiB cap gets 413 with a message, declared or streamed', async () => {
  const hook = await webhook();
  const big = imagesReview('big', ['x'.repeat(5 << 20)]);
  const declared = await post(hook, big);
  assert.is(declared.status, 413);
  assert.match(declared.text, '4 MiB cap');
  // Without a Content-Length (chunked), the cap is enforced while reading.
  const streamed = await new Promise<{ status: number; text: string }>((done, fail) => {
    const s = connect({ host: '127.0.0.1', port: hook.port, ca: hook.ca }, () => {
      s.write('POST /validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
      const chunk = Buffer.alloc(1 << 20, 0x20);
      for (let i = 0; i < 5; i++) s.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`);
    });
    let text = '';
    s.setEncoding('utf8').on('data', (d: string) => (text += d));
    s.on('error', () => undefined);
    s.on('close', () => done({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0), text }));
    setTimeout(() => fail(new Error('no answer to a streamed oversized body')), 10_000).unref();
  });
  assert.is(streamed.status, 413, streamed.text.slice(0, 200));
  assert.match(streamed.text, '4 MiB cap');
});

test.run();
