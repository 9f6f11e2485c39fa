import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { failureKind } from '../sources/index.ts';
import { RegistryLookups } from './registry-lookups.ts';

const lookups = suite('RegistryLookups');

/** A lookup that runs until released, and says when it started. */
function held(started: string[], name: string): { lookup: () => Promise<string>; release: () => void } {
  let release = () => {};
  const done = new Promise<string>((r) => (release = () => r(name)));
  return {
    lookup: () => {
      started.push(name);
      return done;
    },
    release: () => release(),
  };
}

const turn = () => new Promise((r) => setImmediate(r));

lookups('eight at once per registry host; the next starts when one ends, and a slow host does not hold another up', async () => {
  const l = new RegistryLookups();
  const started: string[] = [];
  const slow = Array.from({ length: 10 }, (_, i) => held(started, `slow${i}`));
  const runs = slow.map((h) => l.run('slow.example', h.lookup));
  const other = held(started, 'other');
  const otherRun = l.run('other.example', other.lookup);
  await turn();
  assert.equal(started, [...Array.from({ length: 8 }, (_, i) => `slow${i}`), 'other']);
  slow[0]?.release();
  other.release();
  assert.is(await otherRun, 'other');
  await turn();
  assert.is(started.at(-1), 'slow8', 'the first waiting lookup of that host goes next');
  for (const h of slow) h.release();
  assert.equal(
    await Promise.all(runs),
    slow.map((_, i) => `slow${i}`),
  );
});

lookups('64 at once in all, 512 waiting; beyond that a lookup fails at once, as the environment', async () => {
  const l = new RegistryLookups();
  const started: string[] = [];
  const all = Array.from({ length: 64 + 512 }, (_, i) => held(started, `h${i}`));
  const runs = all.map((h, i) => l.run(`r${i % 100}.example`, h.lookup));
  await turn();
  assert.is(started.length, 64);
  const refused = await l.run('late.example', async () => 'never').catch((e: unknown) => e);
  assert.instance(refused, Error);
  assert.is(failureKind(refused), 'environment');
  assert.match(String(refused), '512 registry lookups are already waiting');
  for (const h of all) h.release();
  assert.is((await Promise.all(runs)).length, 64 + 512);
});

lookups.run();
