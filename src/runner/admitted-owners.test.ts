import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { AdmissionRequest } from '../sources/index.ts';
import { AdmittedOwners, type Cached } from './admitted-owners.ts';

const TTL = 1000;
const D1 = 'r/app@sha256:1';
const D2 = 'r/side@sha256:2';

function req(over: Partial<AdmissionRequest>): AdmissionRequest {
  return { uid: 'review', kind: 'Pod', namespace: 'shop', owners: [], images: [], unreadable: [], ...over };
}

/** A verdict cache holding D1 and D2, made at `at`. */
const cache =
  (at: number, digests = [D1, D2]) =>
  (d: string): Cached<string> | undefined =>
    digests.includes(d) ? { at, value: `verdict of ${d}` } : undefined;

const digestOf = (image: string) => ({ 'app:1': D1, 'side:1': D2 })[image];

function admittedDeployment(owners: AdmittedOwners, at = 0): void {
  const deployment = req({ kind: 'Deployment', objectUid: 'dep-1', images: ['app:1', 'side:1'] });
  owners.remember(deployment, deployment.images, digestOf, cache(at), at);
}

const owners = suite('AdmittedOwners');

owners('a ReplicaSet of an admitted Deployment, then its Pod, are answered by the owner digests', () => {
  const o = new AdmittedOwners(10, TTL, TTL);
  admittedDeployment(o);
  const rs = req({ kind: 'ReplicaSet', objectUid: 'rs-1', owners: [{ kind: 'Deployment', uid: 'dep-1' }], images: ['side:1', 'app:1'] });
  const got = o.verdicts(rs, rs.images, cache(0), 10);
  assert.equal(got, { digests: [D2, D1], verdicts: [`verdict of ${D2}`, `verdict of ${D1}`] });
  o.remember(rs, rs.images, (image) => got?.digests[rs.images.indexOf(image)], cache(0), 10);
  const pod = req({ objectUid: 'pod-1', owners: [{ kind: 'ReplicaSet', uid: 'rs-1' }], images: ['app:1'] });
  assert.equal(o.verdicts(pod, pod.images, cache(0), 20)?.digests, [D1]);
  assert.is(o.size, 2, 'a Pod is no owner');
});

owners('a claim never brings in an image the owner did not have, even under another spelling', () => {
  const o = new AdmittedOwners(10, TTL, TTL);
  admittedDeployment(o);
  const claim = [{ kind: 'Deployment', uid: 'dep-1' }];
  for (const images of [['app:1', 'evil:1'], ['docker.io/library/app:1'], ['app:2'], ['APP:1']]) assert.is(o.verdicts(req({ kind: 'ReplicaSet', owners: claim, images }), images, cache(0), 10), undefined, images.join(' '));
});

owners('a claim must name the owner kind, its namespace, and carry nothing unread', () => {
  const o = new AdmittedOwners(10, TTL, TTL);
  admittedDeployment(o);
  const images = ['app:1'];
  assert.is(o.verdicts(req({ kind: 'ReplicaSet', owners: [{ kind: 'ReplicaSet', uid: 'dep-1' }], images }), images, cache(0), 10), undefined, 'kind');
  assert.is(o.verdicts(req({ owners: [{ kind: 'Deployment', uid: 'dep-1' }], images }), images, cache(0), 10), undefined, 'a Pod is made by a ReplicaSet, never by a Deployment');
  assert.ok(o.verdicts(req({ kind: 'ReplicaSet', owners: [{ kind: 'Deployment', uid: 'dep-1' }], images }), images, cache(0), 10), 'the same claim from a ReplicaSet holds');
  assert.is(o.verdicts(req({ kind: 'ReplicaSet', namespace: 'other', owners: [{ kind: 'Deployment', uid: 'dep-1' }], images }), images, cache(0), 10), undefined, 'namespace');
  assert.is(o.verdicts(req({ kind: 'ReplicaSet', owners: [{ kind: 'Deployment', uid: 'dep-2' }], images }), images, cache(0), 10), undefined, 'uid');
  const unread = req({ kind: 'ReplicaSet', owners: [{ kind: 'Deployment', uid: 'dep-1' }], images, unreadable: [{ container: 'containers[1]', reason: 'no image field' }] });
  assert.is(o.verdicts(unread, images, cache(0), 10), undefined, 'unreadable container');
  const capped = req({ kind: 'ReplicaSet', owners: [{ kind: 'Deployment', uid: 'dep-1' }], images: ['app:1', 'side:1'] });
  assert.is(o.verdicts(capped, ['app:1'], cache(0), 10), undefined, 'images past the cap');
});

owners('never outlives a verdict: one expired or evicted verdict ends the shortcut', () => {
  const o = new AdmittedOwners(10, TTL, TTL);
  admittedDeployment(o, 0);
  const pod = req({ kind: 'ReplicaSet', owners: [{ kind: 'Deployment', uid: 'dep-1' }], images: ['app:1', 'side:1'] });
  assert.ok(o.verdicts(pod, pod.images, cache(0), TTL - 1));
  assert.is(o.verdicts(pod, pod.images, cache(0, [D1]), 10), undefined, 'D2 evicted from the verdict cache');
  // A newer verdict for the digests does not stretch the owner entry past its first verdict's end.
  assert.is(o.verdicts(pod, pod.images, cache(TTL), TTL), undefined, 'the entry died with its verdicts');
  assert.is(o.size, 0);
});

owners('remembers only workloads with a uid whose every image has a digest and a fresh verdict', () => {
  const o = new AdmittedOwners(10, TTL, TTL);
  const images = ['app:1'];
  o.remember(req({ kind: 'Pod', objectUid: 'p', images }), images, digestOf, cache(0), 0);
  o.remember(req({ kind: 'Deployment', images }), images, digestOf, cache(0), 0);
  o.remember(req({ kind: 'Deployment', objectUid: 'a', images: ['app:1', 'x:1'] }), ['app:1', 'x:1'], digestOf, cache(0), 0);
  o.remember(req({ kind: 'Deployment', objectUid: 'b', images }), images, digestOf, cache(0, []), 0);
  o.remember(req({ kind: 'Deployment', objectUid: 'c', images }), images, digestOf, cache(0), TTL);
  assert.is(o.size, 0);
});

owners('an UPDATE replaces what the owner ran; the least recently used owner goes first', () => {
  const o = new AdmittedOwners(2, TTL, TTL);
  admittedDeployment(o);
  const updated = req({ kind: 'Deployment', objectUid: 'dep-1', images: ['side:1'] });
  o.remember(updated, updated.images, digestOf, cache(0), 1);
  const claim = [{ kind: 'Deployment', uid: 'dep-1' }];
  assert.is(o.verdicts(req({ kind: 'ReplicaSet', owners: claim, images: ['app:1'] }), ['app:1'], cache(0), 2), undefined);
  assert.ok(o.verdicts(req({ kind: 'ReplicaSet', owners: claim, images: ['side:1'] }), ['side:1'], cache(0), 2));
  for (const uid of ['j1', 'j2']) o.remember(req({ kind: 'Job', objectUid: uid, images: ['side:1'] }), ['side:1'], digestOf, cache(0), 3);
  assert.is(o.size, 2);
  assert.is(o.verdicts(req({ kind: 'ReplicaSet', owners: claim, images: ['side:1'] }), ['side:1'], cache(0), 4), undefined, 'evicted');
});

owners('a tag rides on its owner only as long as the tag cache would trust it; a digest for the verdict lifetime', () => {
  const pinnedImage = `r/app@sha256:${'a'.repeat(64)}`;
  const o = new AdmittedOwners(10, 10_000, 100);
  const deployment = req({ kind: 'Deployment', objectUid: 'dep-1', images: ['app:1', pinnedImage] });
  owners_remember(o, deployment);
  const claim = [{ kind: 'Deployment', uid: 'dep-1' }];
  const fresh = (d: string): Cached<string> => ({ at: 0, value: d });
  assert.ok(o.verdicts(req({ kind: 'ReplicaSet', owners: claim, images: ['app:1'] }), ['app:1'], fresh, 50), 'within the tag TTL');
  assert.is(o.verdicts(req({ kind: 'ReplicaSet', owners: claim, images: ['app:1'] }), ['app:1'], fresh, 150), undefined, 'a tag past its TTL is looked up again');
  const o2 = new AdmittedOwners(10, 10_000, 100);
  const onlyPinned = req({ kind: 'Deployment', objectUid: 'dep-2', images: [pinnedImage] });
  owners_remember(o2, onlyPinned);
  assert.ok(o2.verdicts(req({ kind: 'ReplicaSet', owners: [{ kind: 'Deployment', uid: 'dep-2' }], images: [pinnedImage] }), [pinnedImage], fresh, 5_000), 'a digest cannot move');
});

owners('memory is capped by accounted bytes: big owners evict the oldest, the count stays honest', () => {
  // 64 images of 255-character names (the longest a registry accepts), each at a digest reference.
  const images = Array.from({ length: 64 }, (_, i) => `registry.example/${String(i).padStart(2, '0')}${'n'.repeat(235)}:1`);
  const digests = new Map(images.map((image, i) => [image, `registry.example/${'n'.repeat(200)}@sha256:${String(i).padStart(64, '0')}`]));
  const fresh = (d: string): Cached<string> => ({ at: 0, value: d });
  const strings = images.reduce((n, image) => n + image.length + (digests.get(image) ?? '').length, 0);
  const cap = 200_000;
  const o = new AdmittedOwners(1000, TTL, TTL, cap);
  const remember = (uid: string) => o.remember(req({ kind: 'Deployment', objectUid: uid, images }), images, (image) => digests.get(image), fresh, 0);
  remember('d00');
  assert.is(o.size, 1);
  // The strings at two bytes a UTF-16 unit, plus overheads: never less than what the names hold.
  assert.ok(o.bytes >= 2 * strings, `${o.bytes} accounted for ${2 * strings} bytes of strings`);
  assert.ok(o.bytes < 2 * strings + 64 * 128 + 1024, `${o.bytes}: overheads stay modest`);
  const one = o.bytes;
  for (let i = 1; i < 20; i++) remember(`d${String(i).padStart(2, '0')}`);
  assert.is(o.size, Math.floor(cap / one), 'as many as fit the byte cap, far fewer than the 1000 the count allows');
  assert.ok(o.bytes <= cap, `${o.bytes} <= ${cap}`);
  assert.is(o.bytes, o.size * one, 'evictions give their bytes back');
  const claim = (uid: string) => req({ kind: 'ReplicaSet', owners: [{ kind: 'Deployment', uid }], images });
  assert.is(o.verdicts(claim('d00'), images, fresh, 1), undefined, 'the oldest went first');
  assert.ok(o.verdicts(claim('d19'), images, fresh, 1), 'the newest is kept');
  // An UPDATE of the same owner replaces its bytes rather than adding to them.
  remember('d19');
  assert.is(o.bytes, o.size * one);
  // An owner larger than the whole cap is not remembered (it would evict every other one for nothing).
  const small = new AdmittedOwners(1000, TTL, TTL, one - 1);
  small.remember(req({ kind: 'Deployment', objectUid: 'big', images }), images, (image) => digests.get(image), fresh, 0);
  assert.is(small.size, 0);
  assert.is(small.bytes, 0);
});

function owners_remember(o: AdmittedOwners, r: AdmissionRequest): void {
  o.remember(
    r,
    r.images,
    (image) => (image.includes('@') ? image : D1),
    (d) => ({ at: 0, value: d }),
    0,
  );
}

owners.run();
