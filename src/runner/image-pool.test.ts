import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BUSY, costOf } from './image-pool.ts';

const opts = { heapMiB: 256, jobTimeoutMs: 300_000 };

test('out of heap is always the image’s cost, denied and cached as too costly', () => {
  const stop = costOf('heap', 0, opts);
  assert.is(stop.kind, 'image');
  assert.is(stop.costly, true);
  assert.match(stop.why, 'too costly to analyse: the analysis needed more than 256 MiB of heap');
});

test('out of time: a thread busy working is the image’s cost; one mostly waiting is a slow registry', () => {
  const busy = costOf('timeout', 0.92, opts);
  assert.equal([busy.kind, busy.costly], ['image', true]);
  assert.match(busy.why, 'too costly to analyse: the analysis did not finish within 300 s and was stopped (--analysis-timeout), its thread busy 92%');
  const waiting = costOf('timeout', 0.17, opts);
  assert.equal([waiting.kind, waiting.costly], ['environment', undefined]);
  assert.match(waiting.why, 'did not finish within 300 s and was stopped, its thread waiting 83% of that time (a slow registry)');
  // The line itself: half the time working is enough to call the image costly.
  assert.is(costOf('timeout', BUSY, opts).kind, 'image');
  assert.is(costOf('timeout', BUSY - 0.01, opts).kind, 'environment');
});

test.run();
