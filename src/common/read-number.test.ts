import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readEnvNumber, readNumber } from './read-number.ts';

const read = suite('readNumber');

read('reads decimal digits within the range, and the fallback when absent', () => {
  assert.equal(readNumber('--workers', '4', { min: 1, max: 64, fallback: 2 }), { ok: true, value: 4 });
  assert.equal(readNumber('--workers', undefined, { min: 1, max: 64, fallback: 2 }), { ok: true, value: 2 });
  assert.equal(readNumber('--ttl', '0.5', { min: 0, fraction: true, fallback: 1 }), { ok: true, value: 0.5 });
});

read('a non-number, a fraction, a negative or a value out of range is an error naming the setting and the range, never NaN', () => {
  for (const raw of ['abc', '1.5', '-1', '65', '', '1e3', '0x10', '12MB', 'NaN', 'Infinity', ' 4', '4 ', '+4']) {
    const r = readNumber('--workers', raw, { min: 1, max: 64, fallback: 2 });
    assert.ok(!r.ok, raw);
    if (!r.ok) {
      assert.is(r.error.message, `--workers="${raw}" is not a whole number from 1 to 64`);
      assert.match(r.error.hint ?? '', 'Pass --workers 2');
    }
  }
});

read('a value too large to be exact is refused', () => {
  assert.not.ok(readNumber('X', '99999999999999999999', { min: 1, fallback: 1 }).ok);
});

read.run();

const env = suite('readEnvNumber');

env('an unset or empty variable means the default; anything else must be a number', () => {
  const spec = { min: 1, fallback: 8 };
  assert.equal(readEnvNumber({}, 'RSYNCGUARD_MAX_LAYER_BYTES', spec), { ok: true, value: 8 });
  assert.equal(readEnvNumber({ RSYNCGUARD_MAX_LAYER_BYTES: '' }, 'RSYNCGUARD_MAX_LAYER_BYTES', spec), { ok: true, value: 8 });
  const bad = readEnvNumber({ RSYNCGUARD_MAX_LAYER_BYTES: 'abc' }, 'RSYNCGUARD_MAX_LAYER_BYTES', spec);
  assert.ok(!bad.ok);
  if (!bad.ok) {
    assert.is(bad.error.message, 'RSYNCGUARD_MAX_LAYER_BYTES="abc" is not a positive whole number');
    assert.match(bad.error.hint ?? '', 'Unset it (default 8)');
  }
  // Digits only, as for an option: a blank is not trimmed away (" 5" is not 5).
  for (const raw of [' 5', '5 ', '5\n']) assert.not.ok(readEnvNumber({ RSYNCGUARD_MAX_LAYER_BYTES: raw }, 'RSYNCGUARD_MAX_LAYER_BYTES', spec).ok, JSON.stringify(raw));
});

env.run();
