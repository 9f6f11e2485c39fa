import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseReview, type AdmissionRequest } from './admission-review.ts';

const update = (kind: string, object: unknown, oldObject: unknown) => ({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid: 'u1', kind: { kind }, operation: 'UPDATE', object, oldObject } });

function parsed(body: unknown): AdmissionRequest {
  const r = parseReview(body);
  if (typeof r === 'string') throw new Error(r);
  return r;
}

const containers = (...pairs: [string, string][]) => pairs.map(([name, image]) => ({ name, image }));
/** The same containers as each kind holds them. */
const holders: [string, (c: unknown[]) => unknown][] = [
  ['Pod', (c) => ({ spec: { containers: c } })],
  ['ReplicaSet', (c) => ({ spec: { replicas: 1, template: { spec: { containers: c } } } })],
  ['Deployment', (c) => ({ spec: { template: { spec: { containers: c } } } })],
  ['StatefulSet', (c) => ({ spec: { template: { spec: { containers: c } } } })],
  ['DaemonSet', (c) => ({ spec: { template: { spec: { containers: c } } } })],
  ['Job', (c) => ({ spec: { template: { spec: { containers: c } } } })],
  ['CronJob', (c) => ({ spec: { jobTemplate: { spec: { template: { spec: { containers: c } } } } } })],
  ['Rollout', (c) => ({ spec: { template: { spec: { containers: c } } } })],
];

const updates = suite('parseReview: UPDATE');

updates('an UPDATE that keeps every container is allowed unread, saying there are no new images, for every kind', () => {
  for (const [kind, hold] of holders) {
    const r = parsed(update(kind, hold(containers(['a', 'x:1'], ['b', 'y:1'])), hold(containers(['a', 'x:1'], ['b', 'y:1']))));
    assert.equal(r.images, [], kind);
    assert.is(r.nothingToRun, 'no new images: its 2 containers run the images they had before this UPDATE', kind);
  }
});

updates('only what an UPDATE adds is judged: a changed image, a new container, for every kind', () => {
  for (const [kind, hold] of holders) {
    const r = parsed(update(kind, hold(containers(['a', 'x:2'], ['b', 'y:1'], ['c', 'z:1'])), hold(containers(['a', 'x:1'], ['b', 'y:1']))));
    assert.equal(r.images, ['x:2', 'z:1'], kind);
    assert.is(r.nothingToRun, undefined, kind);
  }
});

updates('a container is its name and its image: the same image under a new name, or a name moved to another image, is new', () => {
  const hold = (c: unknown[]) => ({ spec: { containers: c } });
  assert.equal(parsed(update('Pod', hold(containers(['b', 'x:1'])), hold(containers(['a', 'x:1'])))).images, ['x:1']);
  assert.equal(parsed(update('Pod', hold(containers(['a', 'y:1'], ['b', 'x:1'])), hold(containers(['a', 'x:1'], ['b', 'y:1'])))).images, ['y:1', 'x:1']);
});

updates("kubectl debug: the ephemeral container an UPDATE adds is judged, the Pod's own containers are not", () => {
  const old = { spec: { containers: containers(['web', 'web:1']) } };
  const debugged = { spec: { containers: containers(['web', 'web:1']), ephemeralContainers: containers(['debugger-x', 'busybox:1']) } };
  assert.equal(parsed(update('Pod', debugged, old)).images, ['busybox:1']);
  // Before Kubernetes 1.22 the subresource's kind was EphemeralContainers, read wherever its lists are.
  const r = parsed(update('EphemeralContainers', { ephemeralContainers: containers(['d1', 'a:1'], ['d2', 'b:1']) }, { ephemeralContainers: containers(['d1', 'a:1']) }));
  assert.equal(r.images, ['b:1']);
});

updates('a container that could not be read stays judged unless the old object had it as it is', () => {
  const hold = (c: unknown[]) => ({ spec: { template: { spec: { containers: c } } } });
  const kept = parsed(update('Deployment', hold([{ name: 'a', image: '' }]), hold([{ name: 'a', image: '' }])));
  assert.ok(kept.unreadable.length === 0 && kept.nothingToRun !== undefined);
  const odd = parsed(update('Deployment', hold([{ name: 'a', image: 7 }]), hold([{ name: 'a', image: 7 }])));
  assert.equal(
    odd.unreadable.map((u) => u.reason),
    ['image is a number, not a string'],
  );
  const added = parsed(update('Deployment', hold([{ name: 'a', image: 'x:1' }, { name: 'b' }]), hold([{ name: 'a', image: 'x:1' }])));
  assert.equal(
    added.unreadable.map((u) => u.container),
    ['containers[1] "b"'],
  );
});

updates('an UPDATE without a readable old object, and a CREATE, are judged in full', () => {
  const pod = { spec: { containers: containers(['a', 'x:1']) } };
  for (const old of [undefined, null, 'junk', {}, { spec: 'no' }]) assert.equal(parsed(update('Pod', pod, old)).images, ['x:1']);
  const create = { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid: 'u1', kind: { kind: 'Pod' }, operation: 'CREATE', object: pod, oldObject: pod } };
  assert.equal(parsed(create).images, ['x:1']);
});

updates('an object being deleted is let through: a finalizer removed from a terminating Pod, a workload deleted in the foreground', () => {
  const at = '2026-12-01T12:00:00Z';
  const oldPod = { metadata: { deletionTimestamp: at, finalizers: ['batch.kubernetes.io/job-tracking'] }, spec: { containers: containers(['c', 'x:1']) } };
  const pod = { ...oldPod, metadata: { deletionTimestamp: at, finalizers: [] } };
  assert.equal(parsed(update('Pod', pod, oldPod)).nothingToRun, 'it is being deleted (metadata.deletionTimestamp is set), so no new container starts');
  const deploy = (image: string) => ({ metadata: { deletionTimestamp: at }, spec: { template: { spec: { containers: containers(['c', image]) } } } });
  assert.ok(parsed(update('Deployment', deploy('new:1'), deploy('x:1'))).nothingToRun !== undefined);
});

updates('a deletionTimestamp counts only on an UPDATE whose old object carries it too (as the API server keeps it)', () => {
  const at = '2026-12-01T12:00:00Z';
  const pod = { metadata: { deletionTimestamp: at }, spec: { containers: containers(['c', 'x:1']) } };
  assert.equal(parsed(update('Pod', pod, { spec: { containers: containers(['c', 'x:0']) } })).images, ['x:1']);
  const create = { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid: 'u1', kind: { kind: 'Pod' }, operation: 'CREATE', object: pod } };
  assert.equal(parsed(create).images, ['x:1']);
});

updates.run();
