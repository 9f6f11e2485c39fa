import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { costLimitExceeded } from './limits.ts';
import { failureKind } from './registry-failure.ts';
import { clearScratchSlot, scratchAccount, scratchInUse, scratchPrefix, ScratchLease, useScratchAccount } from './scratch-space.ts';

const scratch = suite('scratch space');

function thrown(f: () => void): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return assert.unreachable('no error');
}

scratch('an image whose own layers pass the cap is too costly, by declared size or by bytes streamed; freed at release', () => {
  const buffer = scratchAccount(2);
  useScratchAccount(buffer, 0);
  const lease = new ScratchLease(1000);
  const declared = thrown(() => lease.check('sha256:aa', 1001));
  assert.is(failureKind(declared), 'image');
  assert.ok(costLimitExceeded((declared as Error).message), (declared as Error).message);
  assert.match((declared as Error).message, 'RSYNCGUARD_MAX_SCRATCH_BYTES');
  lease.check('sha256:aa', 600);
  lease.take('sha256:aa', 600);
  // A layer with no declared size (or a wrong one) is stopped by what streams.
  lease.check('sha256:bb', 0);
  const streamed = thrown(() => lease.take('sha256:bb', 500));
  assert.is(failureKind(streamed), 'image');
  assert.is(scratchInUse(new BigInt64Array(buffer)), 1100);
  lease.release();
  assert.is(scratchInUse(new BigInt64Array(buffer)), 0);
});

scratch('the cap is for every thread together: over it only with what others hold is the environment, a retry', () => {
  const buffer = scratchAccount(3);
  useScratchAccount(buffer, 1);
  const other = new ScratchLease(1000);
  other.take('sha256:aa', 700);
  useScratchAccount(buffer, 2);
  const mine = new ScratchLease(1000);
  const e = thrown(() => mine.check('sha256:bb', 400));
  assert.is(failureKind(e), 'environment');
  assert.not.ok(costLimitExceeded((e as Error).message), 'not cached as the image’s cost');
  assert.match((e as Error).message, 'RSYNCGUARD_MAX_SCRATCH_BYTES allows');
  other.release();
  mine.check('sha256:bb', 400);
});

scratch('a thread that ended is cleared: its bytes freed and its folders removed', () => {
  const buffer = scratchAccount(2);
  useScratchAccount(buffer, 1);
  new ScratchLease(1 << 20).take('sha256:aa', 4096);
  const dir = join(tmpdir(), `${scratchPrefix(1)}test`);
  mkdirSync(dir, { recursive: true });
  const kept = join(tmpdir(), `${scratchPrefix(0)}test`);
  mkdirSync(kept, { recursive: true });
  clearScratchSlot(buffer, 1);
  assert.is(scratchInUse(new BigInt64Array(buffer)), 0);
  assert.not.ok(existsSync(dir));
  assert.ok(existsSync(kept), 'another thread’s folder stays');
  clearScratchSlot(buffer, 0);
});

scratch.run();
