/**
 * A target whose policy input is too large for the policy's memory is refused before it is evaluated, named,
 * with its module count and the memory, in this thread and in a pool; the other targets are evaluated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { FactsDocument } from '../facts/index.ts';
import { isMemoryFailure, overBudget, PEAK_HEAP_PER_BYTE, tooLarge } from './input-budget.ts';
import { PolicyEngine, refuseOversized } from './policy-engine.ts';
import { PolicyPool } from './policy-pool.ts';
import { builtinPolicy } from './policy-source.ts';

const MiB = 2 ** 20;
const GiB = 1024 * MiB;

/**
 * The facts of a config of one module with users, hosts, a secrets file and a comment (rsyncguard facts, the
 * engine sees no config text), named `name`.
 */
const FIXTURE = readFileSync(join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'engine', 'one-module.facts.json'), 'utf8');
function factsOf(name: string): FactsDocument {
  const doc = JSON.parse(FIXTURE) as FactsDocument;
  doc.target = { kind: 'file', id: name, display: name };
  return doc;
}

/**
 * 25,000 copies of one module's facts: the policy input of a 25,000-module config (over 80 MB, more than 1 GiB
 * of policy memory can evaluate) at the cost of serializing it, without parsing 4 MB of config.
 */
function oversized(name: string): FactsDocument {
  const doc = factsOf(name);
  const one = doc.config.modules[0];
  if (one === undefined) throw new Error('no module');
  doc.config.modules = Array.from({ length: 25_000 }, () => one);
  return doc;
}

const source = builtinPolicy();
if (!source.ok) throw source.error;
const builtin = source.value;

const budget = suite('the policy input budget');

budget('the budget is the memory over the measured peak heap per input byte, counted in UTF-8 bytes', () => {
  const max = 16 * MiB;
  const limit = max / PEAK_HEAP_PER_BYTE;
  assert.is(overBudget('a'.repeat(limit), max), null);
  assert.is(overBudget('a'.repeat(limit + 1), max), limit + 1);
  // Three UTF-8 bytes per unit: a third as many units already fill the budget.
  const units = Math.floor(limit / 3);
  assert.is(overBudget('€'.repeat(units), max), null);
  assert.is(overBudget('€'.repeat(units + 1), max), (units + 1) * 3);
  assert.is(overBudget(new Uint8Array(limit + 1), max), limit + 1);
});

budget("only the built-in policy's inputs are judged by its measured appetite; a user's policy runs and may run out", () => {
  const input = 'a'.repeat(64 * MiB + 1);
  assert.match(refuseOversized(builtin, input, 't', 3)?.message ?? '', 'too large to evaluate (3 modules, 1 GiB policy memory)');
  assert.is(refuseOversized(builtin, input.slice(1), 't', 3), null);
  assert.is(refuseOversized({ ...builtin, limits: { timeoutMs: 5000, memoryMiB: 128 } }, input, 't', 3), null);
});

budget('what counts as running out of memory: OPA giving up, or memory that cannot grow', () => {
  assert.ok(isMemoryFailure('opa_malloc: failed'));
  assert.ok(isMemoryFailure({ message: 'opa_malloc: failed' }));
  assert.ok(isMemoryFailure(new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded')));
  assert.not.ok(isMemoryFailure('/p/team/boom.rego:12:1: var assignment conflict'));
});

budget('the message names the modules and the memory, and the hint names the policy once', () => {
  const e = tooLarge('big/rsyncd.conf', 20_000, GiB, 'built-in policy');
  assert.is(e.message, 'too large to evaluate (20,000 modules, 1 GiB policy memory): split it or exclude it (--exclude)');
  assert.is(e.where, 'big/rsyncd.conf');
  assert.match(e.hint ?? '', /^The built-in policy needs about 16 bytes/);
  assert.match(tooLarge('t', 1, 128 * MiB, '/p').message, '(1 module, 128 MiB policy memory)');
  assert.match(tooLarge('t', 1, 128 * MiB, '/p').hint ?? '', /^The policy \/p /);
});

budget('an engine refuses an oversized target before evaluating it and goes on with the next', async () => {
  const engine = await PolicyEngine.load(builtin);
  if (!engine.ok) throw engine.error;
  // Evaluated, it would take its instance to 1 GiB for tens of seconds (and fail, or give findings).
  const big = engine.value.evaluate(oversized('big/rsyncd.conf'));
  assert.not.ok(big.ok);
  if (big.ok) return;
  assert.is(big.error.message, 'too large to evaluate (25,000 modules, 1 GiB policy memory): split it or exclude it (--exclude)');
  assert.is(big.error.where, 'big/rsyncd.conf');
  const small = engine.value.evaluate(factsOf('small/rsyncd.conf'));
  assert.ok(small.ok && small.value.length > 0, 'the next target is evaluated');
});

budget('a pool refuses an oversized target alone, in the main thread, and evaluates the others', async () => {
  const pool = await PolicyPool.load(builtin, { threads: 2 });
  if (!pool.ok) throw pool.error;
  try {
    const docs = [factsOf('a/rsyncd.conf'), oversized('big/rsyncd.conf'), factsOf('b/rsyncd.conf')];
    const results = await Promise.all(docs.map((d) => pool.value.evaluate(d)));
    const [a, big, b] = results;
    assert.ok(a?.ok && a.value.length > 0);
    assert.ok(b?.ok && b.value.length > 0);
    assert.ok(big !== undefined && !big.ok);
    if (big.ok) return;
    assert.is(big.error.message, 'too large to evaluate (25,000 modules, 1 GiB policy memory): split it or exclude it (--exclude)');
    assert.is(big.error.where, 'big/rsyncd.conf');
  } finally {
    pool.value.close();
  }
});

budget('a pool evaluates heavy documents one at a time across its threads, the others side by side', async () => {
  const docs = ['a', 'b', 'c'].map((n) => factsOf(`${n}/rsyncd.conf`));
  const one = await PolicyEngine.load(builtin);
  if (!one.ok) throw one.error;
  for (const [heavyInputBytes, inFlight] of [
    [1, 1],
    [undefined, 3],
  ] as const) {
    const pool = await PolicyPool.load(builtin, { threads: 2, ...(heavyInputBytes ? { heavyInputBytes } : {}) });
    if (!pool.ok) throw pool.error;
    try {
      const results = docs.map((d) => pool.value.evaluate(d));
      assert.equal(pool.value.pending, { inFlight, waiting: docs.length - inFlight }, `heavy over ${heavyInputBytes ?? 'the default'} bytes`);
      const settled = await Promise.all(results);
      settled.forEach((r, i) => {
        if (!r.ok) throw r.error;
        const doc = docs[i] as FactsDocument;
        assert.equal(r.value, (one.value.evaluate(doc) as { value: unknown }).value, doc.target.id);
      });
      assert.equal(pool.value.pending, { inFlight: 0, waiting: 0 });
    } finally {
      pool.value.close();
    }
  }
});

budget.run();
