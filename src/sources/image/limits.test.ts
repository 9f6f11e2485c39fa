import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { costLimitExceeded, readImageLimits } from './limits.ts';

const limits = suite('readImageLimits');

limits('a cap that is not a positive whole number is an error naming the variable, never NaN (no cap)', () => {
  for (const value of ['abc', '-1', '1.5', '0', '8GiB']) {
    const r = readImageLimits({ RSYNCGUARD_MAX_LAYER_BYTES: value });
    assert.ok(!r.ok, value);
    if (!r.ok) assert.match(r.error.message, `RSYNCGUARD_MAX_LAYER_BYTES="${value}" is not a positive whole number`);
  }
});

limits('unset means the default; a free-space reserve may be 0', () => {
  const r = readImageLimits({ RSYNCGUARD_MIN_FREE_BYTES: '0' });
  assert.ok(r.ok);
  if (r.ok) {
    assert.is(r.value.minFreeBytes, 0);
    assert.is(r.value.layerBytes, 8 * 2 ** 30);
  }
});

limits('a cost limit is told from its message; the free-space reserve is the disk, not the image', () => {
  assert.ok(costLimitExceeded('more than 50 entries in the image; too many to index (RSYNCGUARD_MAX_IMAGE_ENTRIES)'));
  assert.ok(costLimitExceeded('linux/arm64: layer sha256:1: decompresses to more than 9 bytes (RSYNCGUARD_MAX_LAYER_BYTES)'));
  assert.not.ok(costLimitExceeded('blob sha256:1 needs 9 MiB in /tmp, whose disk has 1 MiB free and must keep 256 MiB free (RSYNCGUARD_MIN_FREE_BYTES); not written.'));
  assert.not.ok(costLimitExceeded('layer sha256:1: not a valid tar archive'));
});

limits.run();
