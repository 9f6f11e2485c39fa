/**
 * A multi-platform image is judged on every platform its index offers, not only --platform: an index with
 * a clean linux/amd64 image and a writable-module linux/arm64 image would otherwise pass for Pods that
 * land on arm64 nodes. Attestation manifests (unknown/unknown) are not images and are left out; a platform
 * whose image cannot be read follows the failure rules (the image's fault denies even under --fail-open).
 */
import { rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { imagesReview, makeCertificate, memoryImage, memoryIndex, post, rawImage, simpleImage, startTinyRegistry, startWebhook, verdictOf, WRITABLE_CONF, type Certificate, type TinyRegistry, type Webhook } from './support/webhook.ts';

/** "image "REF": WHAT", with the short digest the message gives a resolved image between them. */
const said = (ref: string, what: string) => new RegExp(`image "${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"(?: \\(sha256:[0-9a-f]{12}\\))?: ${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

let cert: Certificate;
let registry: TinyRegistry;
const hooks: Webhook[] = [];

const test = suite('admission: every platform of an index');

test.before(async () => {
  cert = makeCertificate();
  const clean = await simpleImage(undefined);
  const cleanArm = await memoryImage([[{ name: 'etc/motd', body: 'arm\n' }]], ['/bin/sh']);
  const bad = await simpleImage(WRITABLE_CONF);
  // Not an image at all: were attestations analysed, this would make the review "could not be read".
  const attestation = rawImage([gzipSync(Buffer.alloc(2048, 'A'))]);
  const notTar = rawImage([gzipSync(Buffer.alloc(4096, 'B'))]);
  const many = await Promise.all(Array.from({ length: 17 }, (_, i) => simpleImage(`# ${i}\n`)));
  registry = await startTinyRegistry({
    'test/split': memoryIndex([
      ['linux/amd64', clean],
      ['linux/arm64/v8', bad],
      ['unknown/unknown', attestation],
    ]),
    'test/both-clean': memoryIndex([
      ['linux/amd64', clean],
      ['linux/arm64', cleanArm],
      ['unknown/unknown', attestation],
    ]),
    'test/arm-unreadable': memoryIndex([
      ['linux/amd64', clean],
      ['linux/arm64', notTar],
    ]),
    'test/many': memoryIndex(many.map((img, i) => [`linux/arch${i}`, img] as [string, typeof img])),
  });
});

test.after(() => {
  for (const h of hooks) h.stop();
  registry.close();
  rmSync(cert.dir, { recursive: true, force: true });
});

async function webhook(...flags: string[]): Promise<Webhook> {
  const hook = await startWebhook(cert, flags);
  hooks.push(hook);
  return hook;
}

test('a clean amd64 image and a bad arm64 image in one index: denied, naming the platform', async () => {
  const hook = await webhook('--fail-open');
  const v = verdictOf(await post(hook, imagesReview('split', [registry.ref('test/split')])));
  assert.is(v.allowed, false, v.message);
  assert.match(v.message, said(registry.ref('test/split'), 'denied'));
  // High, not raised to critical: the image exposes no port, so only peers on the container network connect.
  assert.match(v.message, 'RSYNC-002 (high) on linux/arm64/v8', v.message);
  assert.not.match(v.message, 'could not be read', 'the attestation manifest is not analysed');
  // The verdict is cached per index digest, platforms included.
  const again = verdictOf(await post(hook, imagesReview('split-again', [registry.ref('test/split')])));
  assert.is(again.allowed, false);
  assert.match(again.message, 'on linux/arm64/v8');
});

test('an index clean on every platform is allowed', async () => {
  const hook = await webhook();
  const v = verdictOf(await post(hook, imagesReview('both-clean', [registry.ref('test/both-clean')])));
  assert.is(v.allowed, true, v.message);
});

test('a platform whose image cannot be read denies under --fail-open, naming the platform', async () => {
  const hook = await webhook('--fail-open');
  const v = verdictOf(await post(hook, imagesReview('arm-unreadable', [registry.ref('test/arm-unreadable')])));
  assert.is(v.allowed, false, v.message);
  assert.match(v.message, 'could not be read — linux/arm64: ');
  assert.match(v.message, 'not a valid tar archive');
});

test('an index with more platforms than are analysed is denied, not partly analysed', async () => {
  const hook = await webhook('--fail-open');
  const v = verdictOf(await post(hook, imagesReview('many', [registry.ref('test/many')])));
  assert.is(v.allowed, false, v.message);
  assert.match(v.message, 'at most 16');
});

test.run();
