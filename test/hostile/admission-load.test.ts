/**
 * Hostile clients and load against `rsyncguard admission serve` (a child on 127.0.0.1 with a self-signed
 * certificate; images from a tiny registry in this process). Each case builds its own attack and asserts
 * the outcome: the budget holds while a heavy image is analysed, a registry that never answers holds up
 * nothing else, slow or greedy clients cannot hold the server, an oversized body gets 413. What reviews
 * say is in admission.test.ts.
 */
import { readFileSync, rmSync } from 'node:fs';
import { connect as netConnect, createServer, type Server, type Socket } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { get, imagesReview, makeCertificate, post, simpleImage, slowClients, startTinyRegistry, startWebhook, verdictOf, whiteoutHeavyImage, WRITABLE_CONF, type Certificate, type TinyRegistry, type Webhook } from './support/webhook.ts';

const BUDGET_MS = 1000;
let cert: Certificate;
let registry: TinyRegistry;
/** Serves an image whose layer takes minutes to arrive. */
let glacial: TinyRegistry;
let trickled = '';
const hooks: Webhook[] = [];
/** A registry that accepts connections and never answers; counts them. */
let hanging: { server: Server; port: number; connections: number; sockets: Set<Socket> };

async function webhook(...flags: string[]): Promise<Webhook> {
  const hook = await startWebhook(cert, flags);
  hooks.push(hook);
  return hook;
}

const test = suite('admission: hostile clients and load');

test.before(async () => {
  cert = makeCertificate();
  // A small image whose layer trickles in over ~5 s: its analysis outlasts the budget on any machine.
  const slow = await simpleImage(`# slow\n${WRITABLE_CONF}`);
  trickled = slow.layers[0] ?? '';
  // The heavy image's last, small layer trickles too: however fast the merge, the analysis outlasts the budget.
  const heavy = await whiteoutHeavyImage(20_000, 7_000, [{ name: 'etc/motd', body: 'heavy\n' }]);
  const images = {
    'test/bad': await simpleImage(WRITABLE_CONF),
    'test/clean': await simpleImage(undefined),
    'test/heavy': heavy,
    'test/slow': slow,
  };
  registry = await startTinyRegistry(images, { blobs: new Set([trickled, heavy.layers[2] ?? '']), ms: 100 });
  const crawl = await simpleImage(`# glacial\n${WRITABLE_CONF}`);
  glacial = await startTinyRegistry({ 'test/glacial': crawl }, { blobs: new Set(crawl.layers), ms: 3000 });
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    hanging.connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  });
  // Not on 127.0.0.1, where the registry with the real images is: lookups are limited per registry host.
  await new Promise<void>((ok) => server.listen(0, '127.0.0.3', ok));
  hanging = { server, port: (server.address() as { port: number }).port, connections: 0, sockets };
});

test.after(() => {
  for (const h of hooks) h.stop();
  registry.close();
  glacial.close();
  for (const s of hanging.sockets) s.destroy();
  hanging.server.close();
  rmSync(cert.dir, { recursive: true, force: true });
});

test('item 8: a registry that never answers gets a few lookups at a time, and other registries are not held up', async () => {
  const hook = await webhook('--budget-ms', String(BUDGET_MS));
  // The same host on other ports is the same registry host: four more listeners that never answer either.
  const more = await Promise.all(
    Array.from({ length: 4 }, async () => {
      const server = createServer((sock) => {
        hanging.connections++;
        hanging.sockets.add(sock);
        sock.on('close', () => hanging.sockets.delete(sock));
        sock.on('error', () => undefined);
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.2', ok));
      return server;
    }),
  );
  const before = hanging.connections;
  const ports = [hanging.port, ...more.map((m) => (m.address() as { port: number }).port)];
  const stuck = Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? `127.0.0.3:${hanging.port}/stuck/x:t${i}` : `127.0.0.2:${ports[i % 5] ?? 0}/stuck/x:t${i}`));
  const [first, other] = await Promise.all([
    post(hook, imagesReview('hang', stuck)),
    (async () => {
      await new Promise((r) => setTimeout(r, 200));
      return post(hook, imagesReview('other', [registry.ref('test/bad')]));
    })(),
  ]);
  assert.is(verdictOf(first).allowed, false);
  await new Promise((r) => setTimeout(r, 300));
  const opened = hanging.connections - before;
  for (const m of more) m.close();
  // 8 images on 127.0.0.3, 32 on four ports of 127.0.0.2: at most 8 lookups for each host.
  assert.ok(opened <= 16, `${opened} connections to the registries that never answer`);
  // The first analysis also starts the thread and may outlast the budget; the lookup itself was not held up.
  let later = verdictOf(other);
  for (let i = 0; i < 20 && !later.message.includes('RSYNC-002'); i++) later = verdictOf(await post(hook, imagesReview(`other${i}`, [registry.ref('test/bad')])));
  assert.match(later.message, 'RSYNC-002');
});

test('item 8: an analysis nobody waits for any more gives its thread to an image a review waits for', async () => {
  const hook = await webhook('--workers', '1', '--budget-ms', '3000');
  // The requester's image trickles in over minutes: its review is answered at the budget, the analysis goes on.
  const slow = verdictOf(await post(hook, imagesReview('glacial', [glacial.ref('test/glacial')])));
  assert.match(slow.message, 'not evaluated within the 3000 ms budget');
  // Another review's image must not wait behind it for the analysis timeout (300 s).
  const next = verdictOf(await post(hook, imagesReview('behind', [registry.ref('test/bad')])));
  assert.match(next.message, 'RSYNC-002');
  // The stopped analysis is started again by the next review that asks for it.
  const again = verdictOf(await post(hook, imagesReview('glacial-again', [glacial.ref('test/glacial')])));
  assert.match(again.message, 'not evaluated within the 3000 ms budget');
});

/** A TLS connection to the webhook from another loopback address, which sends `text` and then holds. */
function holdFrom(hook: Webhook, address: string, text: string): Promise<TLSSocket> {
  return new Promise((ok) => {
    const tcp = netConnect({ host: '127.0.0.1', port: hook.port, localAddress: address });
    const s = connect({ socket: tcp, host: '127.0.0.1', ca: hook.ca }, () => {
      s.write(text);
      ok(s);
    });
    s.on('error', () => ok(s));
    s.resume();
  });
}

/** Peak resident memory of a child process, in MiB. */
function peakMiB(pid: number | undefined): number {
  const line =
    readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:')) ?? '';
  return Number(/(\d+)/.exec(line)?.[1] ?? 0) / 1024;
}

test('item 8: many 4 MiB reviews from one client at once do not grow the webhook past a bound', async () => {
  const hook = await webhook('--budget-ms', '3000');
  // Under the cap, but 4 MiB of tiny objects each, and an image that never resolves: every review waits its budget.
  const head = `{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"fat","kind":{"kind":"Pod"},"object":{"spec":{"containers":[{"name":"c","image":"127.0.0.3:${hanging.port}/fat/x:1"}]}},"pad":[`;
  const body = `${head}${'{},'.repeat(Math.floor(((4 << 20) - head.length - 10) / 3))}{}]}}`;
  const request = `POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const senders = Array.from({ length: 80 }, () => holdFrom(hook, '127.0.0.2', request));
  const sockets = await Promise.all(senders);
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const answer = await post(hook, imagesReview('beside-fat', [registry.ref('test/bad')]), 20_000);
    assert.is(answer.status, 200, answer.text.slice(0, 200));
    await new Promise((r) => setTimeout(r, 4000));
    const peak = peakMiB(hook.child.pid);
    console.log(`  80 reviews of 4 MiB from one client: webhook peak RSS ${peak.toFixed(0)} MiB`);
    assert.is(hook.child.exitCode, null, 'the webhook exited');
    assert.ok(peak < 1000, `peak RSS ${peak.toFixed(0)} MiB`);
  } finally {
    for (const s of sockets) s.destroy();
  }
});

test('item 8: one client holding every connection with requests in flight cannot lock out another', async () => {
  const hook = await webhook('--max-connections', '40', '--budget-ms', '6000');
  const held: TLSSocket[] = [];
  try {
    // From 127.0.0.2: bodies that trickle (declared, never finished), and complete reviews of images that never resolve.
    for (let i = 0; i < 25; i++) held.push(await holdFrom(hook, '127.0.0.2', 'POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a'));
    for (let i = 0; i < 25; i++) {
      const body = imagesReview(`busy${i}`, [`127.0.0.3:${hanging.port}/busy/x:t${i}`]);
      held.push(await holdFrom(hook, '127.0.0.2', `POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`));
    }
    await new Promise((r) => setTimeout(r, 300));
    const answer = await post(hook, imagesReview('api-server', [registry.ref('test/bad')]), 10_000).catch((e: unknown) => e as Error);
    assert.ok(!(answer instanceof Error), `the review from another client was refused: ${answer instanceof Error ? answer.message : ''}`);
    if (answer instanceof Error) return;
    assert.match(verdictOf(answer).message, 'RSYNC-002');
  } finally {
    for (const s of held) s.destroy();
  }
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
  console.log(
    `  whiteout-heavy image: first review answered in ${answer.ms.toFixed(0)} ms (budget ${BUDGET_MS}); analysed in ${(performance.now() - started).toFixed(0)} ms; slowest /healthz meanwhile ${slowestHealth.toFixed(0)} ms, slowest cached review ${slowestCached.toFixed(0)} ms`,
  );
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
  // The tag was resolved before the budget ran out: the message gives its short digest too.
  assert.match(v.message, new RegExp(`image "${slow}"(?: \\(sha256:[0-9a-f]{12}\\))?: could not be evaluated — not evaluated within the ${BUDGET_MS} ms budget`));
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
  assert.match(v.message, `not evaluated within the ${BUDGET_MS} ms budget`);
  assert.ok(
    v.warnings.some((w) => w.includes(registry.ref('test/slow')) && w.includes('over budget, allowed by --fail-open')),
    JSON.stringify(v.warnings),
  );
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
