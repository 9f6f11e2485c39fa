/**
 * The engine writes the policy's input into WASM memory and calls opa_eval itself (src/engine/wasm-policy.ts),
 * and sizes each instance's memory to its input. Checked here against the SDK's own evaluate on the same
 * module: every corpus document, every rule fixture, generated configs of 1 to 1,000 modules and text outside
 * ASCII, evaluated in an order that makes the engine replace its instance (a large input after small ones and
 * back). And a 5,000-module config, which needs more than the 256 MiB the memory was once capped at, evaluates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_INCLUDES } from '../src/common/index.ts';
import { builtinPolicy, type Finding, PolicyEngine } from '../src/engine/index.ts';
import { buildFacts, type FactsDocument } from '../src/facts/index.ts';
import { parseRsyncdConf } from '../src/parse/index.ts';
import { CORPUS, corpusTest } from './support/corpus.ts';
import { loadRuleFixtures } from './support/rule-fixtures.ts';

function factsOf(name: string, text: string): FactsDocument {
  const config = parseRsyncdConf(name, Buffer.from(text), NO_INCLUDES);
  return buildFacts({ target: { kind: 'file', id: name, display: name }, daemonUser: 'root', rsyncVersion: [3, 4, 0], today: '2026-11-25', config });
}

/** n modules of five kinds, each kind raising different rules. */
function modules(n: number): string {
  const kinds = [
    (i: number) => `[pub${i}]\n path = /srv/pub/${i}\n read only = yes\n`,
    (i: number) => `[in${i}]\n path = /srv/in/${i}\n read only = no\n hosts allow = 10.0.0.0/8\n`,
    (i: number) => `[bk${i}]\n path = /srv/bk/${i}\n read only = no\n auth users = web:rw\n secrets file = /etc/s\n`,
    (i: number) => `[db${i}]\n path = /srv/db/${i}\n auth users = db\n strict modes = no\n`,
    (i: number) => `[adm${i}]\n path = /\n list = no\n uid = root\n`,
  ];
  return `use chroot = no\nmax connections = 0\n\n${Array.from({ length: n }, (_, i) => kinds[i % kinds.length]?.(i)).join('\n')}`;
}

async function engines(): Promise<{ direct: PolicyEngine; sdk: PolicyEngine }> {
  const source = builtinPolicy();
  if (!source.ok) throw source.error;
  const direct = await PolicyEngine.load(source.value);
  const sdk = await PolicyEngine.load(source.value, { viaSdk: true });
  if (!direct.ok) throw direct.error;
  if (!sdk.ok) throw sdk.error;
  return { direct: direct.value, sdk: sdk.value };
}

function compare(docs: FactsDocument[], e: { direct: PolicyEngine; sdk: PolicyEngine }): number {
  let findings = 0;
  for (const doc of docs) {
    const a = e.direct.evaluate(doc);
    const b = e.sdk.evaluate(doc);
    if (!a.ok) throw a.error;
    if (!b.ok) throw b.error;
    assert.equal(a.value, b.value, `${doc.target.id}: the direct path and the SDK disagree`);
    findings += a.value.length;
  }
  return findings;
}

const direct = suite('evaluating through opa_eval directly');

corpusTest(direct, 'gives what the SDK gives on every corpus document', async () => {
  const files = readdirSync(CORPUS).filter((f) => f !== 'SOURCES.tsv');
  const docs = files.map((f) => factsOf(f, readFileSync(join(CORPUS, f), 'latin1')));
  const findings = compare(docs, await engines());
  assert.ok(findings > docs.length, `only ${findings} findings on ${docs.length} documents`);
});

direct('gives what the SDK gives on every rule fixture', async () => {
  const docs = loadRuleFixtures().map((f) => f.facts);
  assert.ok(compare(docs, await engines()) > 100);
});

direct('gives what the SDK gives from 1 to 1,000 modules, large inputs between small ones, and text beyond ASCII', async () => {
  const e = await engines();
  const small = factsOf('small.conf', modules(3));
  const unicode = factsOf('ünïcode.conf', '[café]\n path = /srv/日本/☕\n comment = naïve — “quoted” 🚀\n read only = no\n');
  const docs = [small, factsOf('one.conf', modules(1)), factsOf('big.conf', modules(1000)), small, unicode, factsOf('mid.conf', modules(100)), small, unicode];
  compare(docs, e);
  const after = e.direct.evaluate(small);
  if (!after.ok) throw after.error;
  assert.ok(after.value.some((f) => f.module === 'pub0'));
  const u = e.direct.evaluate(unicode);
  if (!u.ok) throw u.error;
  assert.ok(
    u.value.some((f) => f.module === 'café'),
    'a finding names the module as written',
  );
});

direct('a 5,000-module config evaluates (its heap needs more than 256 MiB), in time linear in modules, and the engine goes on', async () => {
  const { direct: engine } = await engines();
  const timed = (n: number): { findings: Finding[]; ms: number } => {
    const doc = factsOf(`m${n}.conf`, modules(n));
    const started = process.cpuUsage();
    const r = engine.evaluate(doc);
    const used = process.cpuUsage(started);
    if (!r.ok) throw r.error;
    return { findings: r.value, ms: (used.user + used.system) / 1000 };
  };
  const thousand = timed(1000);
  const big = timed(5000);
  const perModule = (r: { findings: Finding[] }) => r.findings.filter((f) => f.module !== null).length;
  assert.equal(perModule(big), perModule(thousand) * 5, 'every module judged');
  assert.ok(
    big.findings.some((f) => f.module === 'adm4999'),
    'the last module judged',
  );
  // Page-by-page growth made this quadratic (5,000 modules: about 2 minutes); sized up front it is linear.
  console.log(`  1,000 modules: ${thousand.ms.toFixed(0)} ms CPU; 5,000: ${big.ms.toFixed(0)} ms CPU (${(big.ms / thousand.ms).toFixed(1)}×)`);
  assert.ok(big.ms < thousand.ms * 10, `5,000 modules took ${(big.ms / thousand.ms).toFixed(1)}× the CPU of 1,000`);
  // The grown instance is dropped; the next document is judged as by a fresh engine.
  const small = factsOf('small.conf', modules(5));
  const fresh = (await engines()).direct.evaluate(small);
  assert.equal(engine.evaluate(small), fresh);
});

direct.run();
