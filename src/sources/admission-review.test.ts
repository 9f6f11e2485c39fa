import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseReview } from './admission-review.ts';

const review = (kind: string, object: unknown) => ({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid: 'u1', kind: { kind }, object } });

const parse = suite('parseReview');

parse('reads the images of every container list of a Pod, once each', () => {
  const r = parseReview(
    review('Pod', {
      spec: {
        initContainers: [{ name: 'i', image: 'a:1' }],
        containers: [
          { name: 'c', image: 'b:1' },
          { name: 'd', image: 'a:1' },
        ],
        ephemeralContainers: [{ name: 'e', image: 'c:1' }],
      },
    }),
  );
  assert.equal(r, { uid: 'u1', kind: 'Pod', namespace: '', owners: [], images: ['a:1', 'b:1', 'c:1'], unreadable: [] });
});

parse('reads the pod template of workloads, CronJobs included', () => {
  const template = { spec: { containers: [{ name: 'c', image: 'x:1' }] } };
  for (const [kind, spec] of [
    ['Deployment', { template }],
    ['Job', { template }],
    ['CronJob', { jobTemplate: { spec: { template } } }],
  ] as const) {
    const r = parseReview(review(kind, { spec }));
    assert.ok(typeof r !== 'string' && r.images[0] === 'x:1', kind);
  }
});

parse('names every container whose image cannot be read, instead of skipping it', () => {
  const r = parseReview(review('Pod', { spec: { containers: [{ name: 'a' }, { name: 'b', image: 7 }, { name: 'c', image: ['x'] }, { name: 'd', image: ' ' }, 'junk'], initContainers: 'nope' } }));
  assert.ok(typeof r !== 'string');
  if (typeof r === 'string') return;
  assert.equal(r.images, []);
  assert.equal(
    r.unreadable.map((u) => `${u.container}: ${u.reason}`),
    [
      'initContainers: initContainers is not a list',
      'containers[0] "a": no image field',
      'containers[1] "b": image is a number, not a string',
      'containers[2] "c": image is a list, not a string',
      'containers[3] "d": image is empty',
      'containers[4]: not an object',
    ],
  );
});

parse('escapes control characters of names taken from the review', () => {
  const r = parseReview(review('Pod', { spec: { containers: [{ name: 'x\u001b[2Jy' }] } }));
  assert.ok(typeof r !== 'string' && r.unreadable[0]?.container === 'containers[0] "x\\u001b[2Jy"');
});

parse('refuses what is not a review, saying why', () => {
  assert.is(parseReview({ kind: 'Something' }), 'not an admission.k8s.io/v1 AdmissionReview');
  assert.is(parseReview({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid: 7 } }), 'request.uid is a number, not the string the API server sends');
  assert.is(parseReview({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: {} }), 'the review has no request.uid');
  assert.is(parseReview({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' }), 'the review has no request object');
});

parse('answers every review with a uid: DELETE and CONNECT start nothing, a missing object or pod spec is unreadable', () => {
  const del = { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid: 'u1', kind: { kind: 'Pod' }, operation: 'DELETE', object: null } };
  assert.equal(parseReview(del), { uid: 'u1', kind: 'Pod', namespace: '', owners: [], images: [], unreadable: [], nothingToRun: 'a DELETE starts no container' });
  const noObject = parseReview(review('Pod', null));
  assert.ok(typeof noObject !== 'string' && noObject.unreadable[0]?.container === 'request.object');
  const hollow = parseReview(review('CronJob', { spec: { schedule: '* * * * *' } }));
  assert.ok(typeof hollow !== 'string' && hollow.unreadable.length === 1 && hollow.nothingToRun === undefined);
});

parse('finds container lists anywhere in a kind it has no path for, naming where, without recursion', () => {
  const r = parseReview(review('Rollout', { spec: { template: { spec: { containers: [{ name: 'a', image: 'x:1' }, { name: 'b' }] } } }, status: { 'we\u001bird': [{ initContainers: 'no' }] } }));
  assert.ok(typeof r !== 'string');
  if (typeof r === 'string') return;
  assert.equal(r.images, ['x:1']);
  assert.equal(
    r.unreadable.map((u) => `${u.container}: ${u.reason}`),
    ['spec.template.spec.containers[1] "b": no image field', 'status."we\\u001bird"[0].initContainers: initContainers is not a list'],
  );
  const none = parseReview(review('ConfigMap', { data: { containers: 'text, not a list of containers' } }));
  assert.ok(typeof none !== 'string' && none.unreadable.length === 1);
  assert.equal(parseReview(review('ConfigMap', { data: { a: 'b' } })), { uid: 'u1', kind: 'ConfigMap', namespace: '', owners: [], images: [], unreadable: [], nothingToRun: 'this "ConfigMap" holds no container list' });
});

parse('reads the namespace, the object uid and only the controller ownerReferences', () => {
  const body = {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: 'u1',
      kind: { kind: 'Pod' },
      namespace: 'shop',
      object: {
        metadata: {
          uid: 'pod-1',
          ownerReferences: [
            { kind: 'ReplicaSet', name: 'web-1', uid: 'rs-1', controller: true },
            { kind: 'Other', name: 'x', uid: 'o-1' },
            { kind: 'Other', name: 'y', uid: 'o-2', controller: 'true' },
            { kind: 'NoUid', name: 'z', controller: true },
            'junk',
          ],
        },
        spec: { containers: [{ name: 'c', image: 'a:1' }] },
      },
    },
  };
  const r = parseReview(body);
  assert.ok(typeof r !== 'string');
  if (typeof r === 'string') return;
  assert.is(r.namespace, 'shop');
  assert.is(r.objectUid, 'pod-1');
  assert.equal(r.owners, [{ kind: 'ReplicaSet', uid: 'rs-1' }]);
  const bare = parseReview(review('Pod', { metadata: { ownerReferences: 'no' }, spec: { containers: [] } }));
  assert.ok(typeof bare !== 'string' && bare.objectUid === undefined && bare.owners.length === 0 && bare.namespace === '');
});

parse.run();
