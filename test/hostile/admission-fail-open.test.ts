/**
 * --fail-open is the operator's answer to an outage, not the image author's: an image whose own bytes keep
 * it from being read (a layer that does not match its digest, a layer that is not a tar, a daemon config
 * the image lacks, more entries than the reader indexes) is denied under --fail-open, with "the image
 * could not be read"; a registry that is unreachable or answers 503 is still let through, as before.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { imagesReview, makeCertificate, memoryImage, post, rawImage, simpleImage, startTinyRegistry, startWebhook, verdictOf, type Certificate, type TinyRegistry, type Webhook } from './support/webhook.ts';

/** "image "REF": WHAT", with the short digest the message gives a resolved image between them. */
const said = (ref: string, what: string) => new RegExp(`image "${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"(?: \\(sha256:[0-9a-f]{12}\\))?: ${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

let cert: Certificate;
let registry: TinyRegistry;
let unavailable: Server;
let unavailablePort = 0;
let gone = '';
const hooks: Webhook[] = [];

const test = suite('admission: --fail-open never covers what the image causes');

test.before(async () => {
  cert = makeCertificate();
  // A layer swapped for other bytes under the same digest: the registry serves what the author pushed.
  const swapped = await simpleImage('# clean\n');
  swapped.blobs.set(swapped.layers[0] ?? '', gzipSync(Buffer.from('not the layer the manifest names\n')));
  // A layer that is gzip, with the right digest, of something that is not a tar.
  const notTar = rawImage([gzipSync(Buffer.alloc(4096, 'A'))]);
  // The daemon reads a config the image does not have.
  const noConfig = await memoryImage([[{ name: 'etc/', type: 'directory' }]], ['rsync', '--daemon', '--no-detach', '--config=/srv/missing.cfg']);
  // More entries than the reader's limit (set to 50 for one webhook below).
  const crowded = await memoryImage([Array.from({ length: 120 }, (_, i) => ({ name: `data/f${i}` }))], ['/bin/sh']);
  registry = await startTinyRegistry({ 'test/swapped': swapped, 'test/nottar': notTar, 'test/noconfig': noConfig, 'test/crowded': crowded, 'test/clean': await simpleImage(undefined) });
  unavailable = createServer((_req, res) => res.writeHead(503).end('maintenance'));
  await new Promise<void>((ok) => unavailable.listen(0, '127.0.0.1', ok));
  unavailablePort = (unavailable.address() as AddressInfo).port;
  const unused = await startTinyRegistry({});
  gone = unused.ref('test/gone');
  unused.close();
});

test.after(() => {
  for (const h of hooks) h.stop();
  registry.close();
  unavailable.close();
  rmSync(cert.dir, { recursive: true, force: true });
});

async function webhook(env: Record<string, string> = {}, ...flags: string[]): Promise<Webhook> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const hook = await startWebhook(cert, flags);
    hooks.push(hook);
    return hook;
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

for (const [repo, why] of [
  ['test/swapped', 'digest mismatch'],
  ['test/nottar', 'not a valid tar archive'],
  ['test/noconfig', '/srv/missing.cfg'],
] as const) {
  test(`${repo}: an image whose own content cannot be read is denied under --fail-open (${why})`, async () => {
    const hook = await webhook({}, '--fail-open');
    const v = verdictOf(await post(hook, imagesReview(repo, [registry.ref(repo)])));
    assert.is(v.allowed, false, v.message);
    assert.match(v.message, said(registry.ref(repo), 'could not be read — '));
    assert.match(v.message, why);
    assert.match(v.message, 'even under --fail-open');
    assert.equal(v.warnings, []);
  });
}

test('an image with more entries than the reader indexes is denied under --fail-open, as too costly to analyse', async () => {
  const hook = await webhook({ RSYNCGUARD_MAX_IMAGE_ENTRIES: '50' }, '--fail-open');
  const v = verdictOf(await post(hook, imagesReview('crowded', [registry.ref('test/crowded')])));
  assert.is(v.allowed, false, v.message);
  assert.match(v.message, 'too costly to analyse — ');
  assert.match(v.message, 'RSYNCGUARD_MAX_IMAGE_ENTRIES');
});

test('failures of the environment (unreachable, HTTP 503) are still let through by --fail-open, and denied without it', async () => {
  const down = `127.0.0.1:${unavailablePort}/test/down:1`;
  const open = await webhook({}, '--fail-open');
  const v = verdictOf(await post(open, imagesReview('env', [registry.ref('test/clean'), gone, down])));
  assert.is(v.allowed, true, v.message);
  assert.match(v.message, said(gone, 'could not be evaluated'));
  assert.match(v.message, said(down, 'could not be evaluated'));
  assert.match(v.message, 'HTTP 503');
  const closed = await webhook();
  const w = verdictOf(await post(closed, imagesReview('env-closed', [down])));
  assert.is(w.allowed, false, w.message);
  assert.match(w.message, 'could not be evaluated');
});

test('an unreadable image next to an unreachable one denies, each named with its own outcome', async () => {
  const hook = await webhook({}, '--fail-open');
  const v = verdictOf(await post(hook, imagesReview('both', [registry.ref('test/nottar'), gone])));
  assert.is(v.allowed, false, v.message);
  assert.match(v.message, said(registry.ref('test/nottar'), 'could not be read — '));
  assert.match(v.message, said(gone, 'could not be evaluated'));
});

test.run();
