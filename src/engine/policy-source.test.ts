import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fail, UserError, type ReadInput } from '../common/index.ts';
import { loadPolicies } from './policy-source.ts';

/** The engine reads the user's files only through the reader it is given. */
const refuse: ReadInput = (path, spec) => fail(new UserError(`refused ${spec.what}`, path, spec.hint));

const load = suite('loadPolicies');

load('without --policy, the built-in policy alone', async () => {
  const r = await loadPolicies(undefined, refuse);
  assert.ok(r.ok);
  if (r.ok) assert.is(r.value.length, 1);
});

load('a --policy that does not exist is a failed Result naming it, not a throw', async () => {
  const r = await loadPolicies('/no/such/policy', refuse);
  assert.ok(!r.ok);
  if (!r.ok) {
    assert.is(r.error.where, '/no/such/policy');
    assert.match(r.error.message, 'does not exist');
  }
});

load('a .wasm policy is read through the given reader, and its failure is returned', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-policy-'));
  writeFileSync(join(dir, 'policy.wasm'), '');
  writeFileSync(join(dir, 'rules.json'), '{}');
  const r = await loadPolicies(join(dir, 'policy.wasm'), refuse);
  assert.ok(!r.ok);
  if (!r.ok) assert.match(r.error.message, 'refused the rule catalog');
});

load.run();
