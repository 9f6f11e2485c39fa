/**
 * Parity: the compiled WASM policy in Node and OPA's Go evaluator (`opa eval`, the pinned CLI) must give
 * identical findings on every rule fixture. Known differences: none.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { builtinPolicy, PolicyEngine, withSecretsEntries } from '../src/engine/index.ts';
import { loadRuleFixtures } from './support/rule-fixtures.ts';

/** JSON with object keys sorted: Go's encoder sorts them, JavaScript keeps insertion order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));
}

const parity = suite('WASM in Node and opa eval agree');

parity('on every rule fixture, finding for finding', async () => {
  const fixtures = loadRuleFixtures();
  const source = builtinPolicy();
  if (!source.ok) throw source.error;
  const engine = await PolicyEngine.load(source.value);
  if (!engine.ok) throw engine.error;

  const dir = mkdtempSync(join(tmpdir(), 'rg-parity-'));
  const inputs = Object.fromEntries(fixtures.map((f) => [`${f.rule}/${f.kind}`, f.facts]));
  writeFileSync(join(dir, 'data.json'), JSON.stringify({ parity: inputs }));
  // One opa process for all fixtures: each document evaluated with `with input as`.
  const query = 'x := {name: fs | some name, doc in data.parity; fs := data.rsyncguard.main.findings with input as doc}';
  // The CVE table loads at data.rsyncguard.cves as under `opa test policies/` (rooted here, it would be data.cves).
  const cves = 'rsyncguard.cves:policies/rsyncguard/cves/data.yaml';
  const out = execFileSync('scripts/opa.sh', ['eval', '-f', 'json', '-d', 'policies/rsyncguard', '--ignore', '*_test.rego', '-d', cves, '-d', join(dir, 'data.json'), query], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const go = (JSON.parse(out) as { result: { bindings: { x: Record<string, unknown[]> } }[] }).result[0]?.bindings.x ?? {};

  let compared = 0;
  const differences: string[] = [];
  for (const f of fixtures) {
    const name = `${f.rule}/${f.kind}`;
    const wasm = engine.value.evaluate(f.facts);
    if (!wasm.ok) throw wasm.error;
    const completed = engine.value.complete(go[name] ?? [], f.facts.target.id);
    if (!completed.ok) throw completed.error;
    // The engine adds which secrets entry a finding is about from the facts after evaluating (not the policy's
    // doing): the same step on OPA's answer, so the two compare what the policies said.
    const fromGo = withSecretsEntries(completed.value, f.facts);
    const fromWasm = wasm.value;
    compared += fromWasm.length;
    if (canonical(fromGo) !== canonical(fromWasm)) differences.push(`${name}: go ${canonical(fromGo).slice(0, 400)}… wasm ${canonical(fromWasm).slice(0, 400)}…`);
  }
  console.log(`  parity: ${fixtures.length} documents, ${compared} findings, ${differences.length} differences`);
  assert.ok(compared > 100, 'too few findings compared for parity to mean anything');
  assert.equal(differences.slice(0, 5), []);
});

parity.run();
