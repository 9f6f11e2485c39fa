/**
 * A few facts must be written twice because two languages need them: the host collector is POSIX sh run on
 * machines without rsyncguard, so it cannot import the TypeScript constant. These tests hold each copy to
 * the one in src/common, so the collector and the image scan never look in different places.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { USUAL_CONFIG_PATHS } from '../src/common/index.ts';

const COLLECTOR = join(import.meta.dirname, '..', 'collectors', 'rsync-facts.sh');

const copies = suite('facts written in two languages');

copies('the collector looks for configs where the rest of rsyncguard does', () => {
  const text = readFileSync(COLLECTOR, 'utf8');
  // The loop over the usual places: `for c in /etc/rsyncd.conf …; do`.
  const loops = [...text.matchAll(/^\s*for \w+ in (\/etc\/rsyncd\.conf[^;]*); do$/gm)];
  assert.is(loops.length, 1, 'collectors/rsync-facts.sh should have one loop over the usual config paths');
  assert.equal(loops[0]?.[1]?.trim().split(/\s+/), [...USUAL_CONFIG_PATHS]);
});

copies.run();
