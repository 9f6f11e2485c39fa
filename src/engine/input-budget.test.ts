/**
 * A target whose policy input is too large for the policy's memory is refused before it is evaluated, named,
 * with its module count and the memory, in this thread and in a pool; the other targets are evaluated.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_INCLUDES } from '../common/index.ts';
import { buildFacts, type FactsDocument } from '../facts/index.ts';
import { parseRsyncdConf } from '../parse/index.ts';
import { isMemoryFailure, overBudget, PEAK_HEAP_PER_BYTE, tooLarge } from './input-budget.ts';
import { PolicyEngine, refuseOversized } from './policy-engine.ts';
import { PolicyPool } from './policy-pool.ts';
import { builtinPolicy } from './policy-source.ts';

const MiB = 2 ** 20;
const GiB = 1024 * MiB;

function factsOf(name: string, text: string): FactsDocument {
  const config = parseRsyncdConf(name, Buffer.from(text), NO_INCLUDES);
  return buildFacts({ target: { kind: 'file', id: name, display: name }, daemonUser: 'root', rsyncVersion: [3, 4, 0], today: '2026-11-25', config });
}

const MODULE = '[m]\n path = /srv/m\n read only = no\n hosts allow = 10.0.0.0/24 host.example\n auth users = u, @g:rw\n secrets file = /etc/s\n comment = a module\n';

/**
 * 20,000 copies of one module's facts: the policy input of a 20,000-module config (over 64 MiB, more than 1 GiB
 * of policy memory can evaluate) at the cost of serializing it, without parsing 3 MB of config.
 */
function oversized(name: string): FactsDocument {
  const doc = factsOf(name, MODULE);
  const one = doc.config.modules[0];
  if (one === undefined) throw new Error('no module');
  doc.config.modules = Array.from({ length: 20_000 }, () => one);
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
  const started = performance.now();
  const big = engine.value.evaluate(oversized('big/rsyncd.conf'));
  // Evaluating it would take tens of seconds and 1 GiB before failing.
  assert.ok(performance.now() - started < 10_000, 'it was evaluated');
  assert.not.ok(big.ok);
  if (big.ok) return;
  assert.is(big.error.message, 'too large to evaluate (20,000 modules, 1 GiB policy memory): split it or exclude it (--exclude)');
  assert.is(big.error.where, 'big/rsyncd.conf');
  const small = engine.value.evaluate(factsOf('small/rsyncd.conf', MODULE));
  assert.ok(small.ok && small.value.length > 0, 'the next target is evaluated');
});

budget('a pool refuses an oversized target alone, in the main thread, and evaluates the others', async () => {
  const pool = await PolicyPool.load(builtin, { threads: 2 });
  if (!pool.ok) throw pool.error;
  try {
    const docs = [factsOf('a/rsyncd.conf', MODULE), oversized('big/rsyncd.conf'), factsOf('b/rsyncd.conf', MODULE)];
    const started = performance.now();
    const results = await Promise.all(docs.map((d) => pool.value.evaluate(d)));
    assert.ok(performance.now() - started < 15_000, 'it was evaluated');
    const [a, big, b] = results;
    assert.ok(a?.ok && a.value.length > 0);
    assert.ok(b?.ok && b.value.length > 0);
    assert.ok(big !== undefined && !big.ok);
    if (big.ok) return;
    assert.is(big.error.message, 'too large to evaluate (20,000 modules, 1 GiB policy memory): split it or exclude it (--exclude)');
    assert.is(big.error.where, 'big/rsyncd.conf');
  } finally {
    pool.value.close();
  }
});

budget('a pool evaluates heavy documents one at a time across its threads, the others side by side', async () => {
  const docs = ['a', 'b', 'c'].map((n) => factsOf(`${n}/rsyncd.conf`, MODULE));
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
