import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseReview } from './admission-review.ts';

const review = (containers: unknown[]) => ({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid: 'u', kind: { kind: 'Pod' }, operation: 'CREATE', object: { kind: 'Pod', spec: { containers } } } });

test('an image name no registry accepts is refused at its container, and never kept as an image', () => {
  const giant = `r.example/${'a'.repeat(1_000_000)}:1`;
  const got = parseReview(
    review([
      { name: 'app', image: 'r.example/ok:1' },
      { name: 'big', image: giant },
    ]),
  );
  if (typeof got === 'string') throw new Error(got);
  assert.equal(got.images, ['r.example/ok:1']);
  assert.equal(got.unreadable, [{ container: 'containers[1] "big"', reason: 'the image name is 1000010 characters; registries accept at most 255 (host, port and repository together)', refused: true }]);
});

test.run();
