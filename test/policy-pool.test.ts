/**
 * The policy pool (src/engine/policy-pool.ts): worker threads, each with its own instance of the policy,
 * give each document its own findings — the ones one engine in this thread gives —, evaluateMany yields them
 * in the order the documents came and reads ahead only a window, and a document that cannot be evaluated
 * fails alone, naming its target.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_INCLUDES } from '../src/common/index.ts';
import { builtinPolicy, customPolicy, type Finding, loadEvaluator, PolicyEngine, PolicyPool, type PolicySource } from '../src/engine/index.ts';
import { buildFacts, type FactsDocument } from '../src/facts/index.ts';
import { parseRsyncdConf } from '../src/parse/index.ts';
import { readInputFile } from '../src/sources/index.ts';

function factsOf(name: string, text: string): FactsDocument {
  const config = parseRsyncdConf(name, Buffer.from(text), NO_INCLUDES);
  return buildFacts({ target: { kind: 'file', id: name, display: name }, daemonUser: 'root', rsyncVersion: [3, 4, 0], today: '2026-11-25', config });
}

/** n modules, each raising findings that name it. */
function config(n: number): string {
  return Array.from({ length: n }, (_, i) => `[m${i}]\n path = /srv/${i}\n read only = ${i % 2 ? 'no' : 'yes'}\n${i % 3 ? '' : ' auth users = u\n'}`).join('\n');
}

function builtin(): PolicySource {
  const source = builtinPolicy();
  if (!source.ok) throw source.error;
  return source.value;
}

async function engine(source: PolicySource): Promise<PolicyEngine> {
  const e = await PolicyEngine.load(source);
  if (!e.ok) throw e.error;
  return e.value;
}

function findings(e: PolicyEngine, doc: FactsDocument): Finding[] {
  const r = e.evaluate(doc);
  if (!r.ok) throw r.error;
  return r.value;
}

async function pool(source: PolicySource, threads = 2): Promise<PolicyPool> {
  const p = await PolicyPool.load(source, { threads });
  if (!p.ok) throw p.error;
  return p.value;
}

// Sizes out of order, so a later small document finishes before an earlier large one.
const SIZES = [40, 1, 3, 60, 2, 1, 25, 5, 1, 50, 4, 8, 1, 33, 2, 7, 1, 45, 6, 3];
const docs = SIZES.map((n, i) => factsOf(`c${i}.conf`, config(n)));

const order = suite('a pool of policy threads');

order('evaluateMany yields every document with its findings, in order, as one engine judges them', async () => {
  const one = await engine(builtin());
  const p = await pool(builtin());
  try {
    const seen: string[] = [];
    for await (const [doc, result] of p.evaluateMany(docs)) {
      if (!result.ok) throw result.error;
      assert.equal(result.value, findings(one, doc), doc.target.id);
      assert.ok(result.value.length > 0);
      seen.push(doc.target.id);
    }
    assert.equal(
      seen,
      docs.map((d) => d.target.id),
    );
    // Overlapping evaluate calls: each promise settles with its own document's findings.
    const all = await Promise.all(docs.map((d) => p.evaluate(d)));
    all.forEach((r, i) => {
      if (!r.ok) throw r.error;
      assert.ok(
        r.value.every((f) => f.target === docs[i]?.target.id),
        `document ${i}`,
      );
      assert.equal(r.value, findings(one, docs[i] as FactsDocument));
    });
  } finally {
    p.close();
  }
});

order('evaluateMany reads documents only a window ahead of what it has yielded', async () => {
  const p = await pool(builtin());
  try {
    let read = 0;
    let yielded = 0;
    let ahead = 0;
    function* lazily(): Generator<FactsDocument> {
      for (let i = 0; i < 40; i++) {
        read++;
        yield factsOf(`lazy${i}.conf`, config(1 + (i % 5)));
      }
    }
    for await (const [, r] of p.evaluateMany(lazily(), 4)) {
      assert.ok(r.ok);
      ahead = Math.max(ahead, read - ++yielded);
    }
    assert.equal(yielded, 40);
    assert.ok(ahead <= 4, `read ${ahead} documents ahead`);
  } finally {
    p.close();
  }
});

order('a document that cannot be serialized fails alone, naming its target', async () => {
  const p = await pool(builtin());
  try {
    const bad = factsOf('bad.conf', config(2));
    (bad.config as unknown as Record<string, unknown>)['extra'] = 10n;
    const results = await Promise.all([docs[0], bad, docs[1]].map((d) => p.evaluate(d as FactsDocument)));
    assert.ok(results[0]?.ok && results[2]?.ok);
    const failed = results[1];
    assert.ok(failed && !failed.ok);
    assert.match(failed.error.message, 'cannot be serialized');
    assert.equal((failed.error as { where?: string }).where, 'bad.conf');
  } finally {
    p.close();
  }
});

order('a document the policy stops on fails alone, naming its target; the thread goes on', async () => {
  // A policy whose complete rule has two values for a module named "boom": OPA stops with a conflict error.
  execFileSync('scripts/opa.sh', ['version']);
  process.env['RSYNCGUARD_OPA'] = resolve('.cache/bin/opa');
  const dir = mkdtempSync(join(tmpdir(), 'rg-pool-'));
  const meta = '# METADATA\n# title: T\n# description: d\n# custom:\n#   id: BOOM-001\n#   severity: low\n#   security_severity: "1.0"\n#   cwe: CWE-1\n#   tags: [t]\n#   help: h\n';
  writeFileSync(
    join(dir, 'boom.rego'),
    `package rsyncguard.custom.boom\n\n${meta}findings contains f if {\n\tsome i, mod in input.config.modules\n\tlevel > 0\n\tf := {"rule_id": "BOOM-001", "severity": null, "context": null, "message": mod.name, "module": mod.name, "path": sprintf("config.modules[%d]", [i]), "location": null}\n}\n\nlevel := 1 if { some m in input.config.modules; m.name == "boom" }\n\nlevel := 2 if { some m in input.config.modules; m.name == "boom" }\n\nlevel := 3 if { not boom }\n\nboom if { some m in input.config.modules; m.name == "boom" }\n`,
  );
  const custom = await customPolicy(dir, readInputFile);
  if (!custom.ok) throw custom.error;
  // Without limits, so that it runs in the pool (a user's policy has them and runs sandboxed).
  const { limits: _, ...source } = custom.value;
  const p = await pool(source, 1);
  try {
    const named = ['ok1', 'boom', 'ok2', 'boom', 'ok3'].map((n, i) => factsOf(`t${i}.conf`, `[${n}]\n path = /srv\n`));
    const results = await Promise.all(named.map((d) => p.evaluate(d)));
    for (const i of [0, 2, 4]) {
      const r = results[i];
      if (!r?.ok) throw r?.error;
      assert.equal(
        r.value.map((f) => f.message),
        [`ok${i / 2 + 1}`],
      );
    }
    for (const i of [1, 3]) {
      const r = results[i];
      assert.ok(r && !r.ok);
      assert.match(r.error.message, 'conflict');
      assert.equal((r.error as { where?: string }).where, `t${i}.conf`);
    }
  } finally {
    p.close();
  }
});

order('loadEvaluator with threads is a pool; closing it fails what is still waiting, naming each target', async () => {
  const e = await loadEvaluator(builtin(), { threads: 2 });
  if (!e.ok) throw e.error;
  const first = await e.value.evaluate(docs[1] as FactsDocument);
  assert.ok(first.ok);
  const pending = docs.map((d) => e.value.evaluate(d));
  e.value.close();
  const results = await Promise.all(pending);
  const closed = results.filter((r) => !r.ok);
  assert.ok(closed.length > 0, 'some documents were still waiting');
  for (const r of closed) if (!r.ok) assert.match(r.error.message, 'closed');
  assert.equal(
    results.map((r, i) => (r.ok ? docs[i]?.target.id : (r.error as { where?: string }).where)),
    docs.map((d) => d.target.id),
  );
});

order.run();
