import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { iwildmatch, wildmatch } from './wildmatch.ts';

const wild = suite('wildmatch');

wild('matches "*" within a path segment only, and "**" across slashes', () => {
  assert.ok(wildmatch('a*c', 'abbbc'));
  assert.not.ok(wildmatch('a*c', 'ab/c'));
  assert.ok(wildmatch('a**c', 'ab/c'));
});

wild('supports classes, negation, ranges, [:name:] and a "]" first in a class', () => {
  assert.ok(wildmatch('[a-c]x', 'bx'));
  assert.not.ok(wildmatch('[!a-c]x', 'bx'));
  assert.ok(wildmatch('[^a-c]x', 'dx'));
  assert.ok(wildmatch('[[:digit:]]', '7'));
  assert.ok(wildmatch('[]]', ']'));
  assert.not.ok(wildmatch('[a', 'a'), 'an unterminated class matches nothing');
});

wild('is case-sensitive, while iwildmatch folds both sides, classes included (3.5.0)', () => {
  assert.not.ok(wildmatch('Joe', 'joe'));
  assert.ok(iwildmatch('LOCAL*', 'localhost'));
  assert.ok(iwildmatch('[L]ocalhost', 'LOCALHOST'));
});

wild('answers "no match" for a pathological pattern instead of searching without end', () => {
  assert.not.ok(wildmatch('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000)));
});

wild.run();
