import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GITHUB_LIMITS, type LayoutUnit, planRuns } from './sarif-layout.ts';

const t = suite('fleet SARIF layout');

const hosts = (group: string, n: number, results: number, from = 0): LayoutUnit[] => Array.from({ length: n }, (_, i) => ({ key: `${group}-${from + i}`, group, results }));
const sizes = (runs: ReturnType<typeof planRuns>) => runs.map((r) => r.results);
const where = (runs: ReturnType<typeof planRuns>) => new Map(runs.flatMap((r) => [...r.keys].map((k) => [k, r.category] as const)));

t('one run per group while each fits what GitHub stores', () => {
  const runs = planRuns([...hosts('web', 10, 7), ...hosts('db', 3, 2)]);
  assert.equal(
    runs.map((r) => [r.category, r.keys.size, r.results, r.parts]),
    [
      ['db/', 3, 6, 1],
      ['web/', 10, 70, 1],
    ],
  );
});

t('a group past 5,000 results is split by host into a power of two of parts, each within the limit, none lost', () => {
  const units = hosts('ungrouped', 10_000, 7);
  const runs = planRuns(units);
  assert.is(runs.length, 16);
  assert.ok(
    sizes(runs).every((n) => n <= GITHUB_LIMITS.storedPerRun),
    String(sizes(runs)),
  );
  assert.is(
    sizes(runs).reduce((a, b) => a + b, 0),
    70_000,
  );
  assert.is(new Set(runs.flatMap((r) => [...r.keys])).size, 10_000);
  assert.equal(runs[0]?.category, 'ungrouped/');
  assert.equal(runs[5]?.category, 'ungrouped/part-5/');
});

t('hosts stay in their run as the fleet grows, and move only to a new part when the parts double', () => {
  const before = where(planRuns(hosts('web', 1000, 7)));
  const grown = where(planRuns(hosts('web', 1010, 7)));
  for (const [k, c] of before) assert.is(grown.get(k), c, k);
  const doubled = planRuns(hosts('web', 1600, 7));
  const parts = doubled[0]?.parts ?? 0;
  assert.is(parts, 4);
  const moved = [...before].filter(([k, c]) => where(doubled).get(k) !== c);
  // From 2 parts to 4: a host in part b stays or goes to part b + 2, never elsewhere.
  for (const [k, c] of moved) assert.is(where(doubled).get(k), c === 'web/' ? 'web/part-2/' : 'web/part-3/', k);
  assert.ok(moved.length > 0 && moved.length < before.size);
});

t('more groups than runs: the first by name keep their own run, the rest share "other" and are named there', () => {
  // The smallest groups first: a layout by size would give them to "other".
  const units = Array.from({ length: 25 }, (_, g) => hosts(`g${String(g).padStart(2, '0')}`, g + 1, 1)).flat();
  const runs = planRuns(units);
  assert.is(runs.length, 20);
  const other = runs.find((r) => r.group === 'other');
  assert.equal(other?.merged, ['g19', 'g20', 'g21', 'g22', 'g23', 'g24']);
  assert.is(new Set(runs.flatMap((r) => [...r.keys])).size, units.length);
});

const groups = (n: number, perGroup: number, results: (g: number) => number) => Array.from({ length: n }, (_, g) => hosts(`g${String(g).padStart(2, '0')}`, perGroup, results(g))).flat();

t('past 20 groups, a group keeps its category when its counts change (no swap with another group)', () => {
  const before = where(planRuns(groups(21, 3, (g) => 10 + g)));
  // g00 gains findings and g20 loses them: sorted by size, the two would trade places.
  const after = where(planRuns(groups(21, 3, (g) => (g === 0 ? 100 : g === 20 ? 1 : 10 + g))));
  assert.equal([...after], [...before]);
  // A group with no result at all (its hosts not read) keeps its run too.
  const unread = where(planRuns(groups(21, 3, (g) => (g === 0 ? 0 : 10 + g))));
  assert.equal([...unread], [...before]);
  assert.is(before.get('g00-0'), 'g00/');
});

t('25 groups of 2,800 results: every one of the 70,000 stored, in 20 runs of at most 5,000', () => {
  const runs = planRuns(groups(25, 400, () => 7));
  assert.ok(runs.length <= 20, String(runs.length));
  assert.ok(
    sizes(runs).every((n) => n <= GITHUB_LIMITS.storedPerRun),
    String(sizes(runs)),
  );
  assert.is(
    sizes(runs).reduce((a, b) => a + b, 0),
    70_000,
  );
  // The groups that keep a run are the first by name.
  const own = runs.filter((r) => r.group !== 'other').map((r) => r.group);
  assert.ok(own.length > 0);
  assert.equal(
    own,
    Array.from({ length: own.length }, (_, g) => `g${String(g).padStart(2, '0')}`),
  );
});

t('no layout stores every result: the 20 runs store as many as they can, none past what GitHub accepts', () => {
  // Three groups of 30,000: 8 parts each would be 24 runs; 2 parts each (what GitHub accepts) store 30,000.
  const runs = planRuns([...hosts('a', 3000, 10), ...hosts('b', 3000, 10), ...hosts('c', 3000, 10)]);
  assert.is(runs.length, 20);
  assert.ok(sizes(runs).every((n) => n <= GITHUB_LIMITS.resultsPerRun));
  const stored = sizes(runs).reduce((a, n) => a + Math.min(n, GITHUB_LIMITS.storedPerRun), 0);
  assert.ok(stored >= 75_000, String(stored));
});

t('too many parts for the file: parts as large as GitHub accepts instead', () => {
  // Three groups of 30,000 results: 8 parts each of what GitHub stores would need 24 runs.
  const runs = planRuns([...hosts('a', 3000, 10), ...hosts('b', 3000, 10), ...hosts('c', 3000, 10)]);
  assert.ok(runs.length <= 20, String(runs.length));
  assert.ok(sizes(runs).every((n) => n <= GITHUB_LIMITS.resultsPerRun));
  assert.is(
    sizes(runs).reduce((a, b) => a + b, 0),
    90_000,
  );
});

t('past what any layout holds, the file still has at most 20 runs (the runs then say what they leave out)', () => {
  const runs = planRuns(hosts('x', 1000, 1), { runsPerFile: 4, resultsPerRun: 100, storedPerRun: 50 });
  assert.is(runs.length, 4);
  assert.is(
    sizes(runs).reduce((a, b) => a + b, 0),
    1000,
  );
});

t('one host is never split, however many results it has', () => {
  const runs = planRuns([{ key: 'big', group: 'g', results: 60_000 }]);
  assert.is(runs.length, 1);
  assert.is(runs[0]?.results, 60_000);
});

t.run();
