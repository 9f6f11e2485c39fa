/**
 * Same Rego, same documents (issue 20): the built-in policy (policies/rsyncguard, entrypoint
 * data.rsyncguard.main.findings, the CVE table as data) evaluated over the same 1,000 facts documents by
 * rsyncguard's engine, by OPA's Go evaluator (tools/opa-bench: query prepared once, inputs pre-parsed), by
 * Conftest (one run over the documents as JSON files, a shim `deny` over the same entrypoint) and by one
 * batched `opa eval`. The engines take turns round by round, so load on the shared machine hits them alike.
 * The comparison only counts if every engine finds the same number of findings on every document.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cvePolicyData, NO_INCLUDES } from '../src/common/index.ts';
import { builtinPolicy, PolicyEngine, PolicyPool } from '../src/engine/index.ts';
import { buildFacts, type FactsDocument } from '../src/facts/index.ts';
import { parseRsyncdConf } from '../src/parse/index.ts';
import { scanRepository } from '../src/runner/index.ts';
import { configWithModules } from './engine.ts';
import { type Measured, rate, type Row } from './stats.ts';

/** 1,000 as in the issue; fewer for a quick look (RSYNCGUARD_BENCH_DOCS). */
const DOCUMENTS = Number(process.env['RSYNCGUARD_BENCH_DOCS'] ?? '1000');
const ROUNDS = 3;
const CORPUS = resolve('..', 'shared', 'corpus');
const POLICY = 'policies/rsyncguard';
const CONTEXT: { daemonUser: 'root'; rsyncVersion: [number, number, number]; today: string } = { daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-25' };

/** Conftest's view of the policy: its `deny` rules in package main, one message per finding (the finding as JSON). */
const SHIM = 'package main\n\ndeny contains msg if {\n\tsome f in data.rsyncguard.main.findings\n\tmsg := json.marshal(f)\n}\n';

/**
 * 1,000 five-module configs. Module names and paths differ per document (the same five kinds, renumbered),
 * so an engine that remembers identical modules or documents is measured on documents as a fleet has them.
 */
function fiveModuleDocuments(): FactsDocument[] {
  const text = configWithModules(5);
  return Array.from({ length: DOCUMENTS }, (_, k) => {
    const renumbered = text.replace(/(\[[a-z]+|\/srv\/[a-z]+\/)(\d+)/g, (_m, prefix: string, i: string) => `${prefix}${k * 5 + Number(i)}`);
    const id = `c${k}.conf`;
    return buildFacts({ target: { kind: 'file', id, display: id }, ...CONTEXT, config: parseRsyncdConf(id, Buffer.from(renumbered), NO_INCLUDES) });
  });
}

/** Every document the scan of ../shared/corpus yields, in turn until there are 1,000 (each with its own target id). */
function corpusDocuments(): FactsDocument[] {
  const docs = scanRepository([CORPUS], { exclude: [], ...CONTEXT }).targets.filter((t): t is FactsDocument => 'config' in t);
  if (docs.length === 0) return [];
  return Array.from({ length: DOCUMENTS }, (_, k) => {
    const d = docs[k % docs.length] as FactsDocument;
    // A plain copy: scan results may be read-only views, and every engine must get the same bytes.
    const copy = JSON.parse(JSON.stringify(d)) as FactsDocument;
    copy.target = { ...copy.target, id: `${copy.target.id}#${k}` };
    return copy;
  });
}

function goBinary(tool: 'opa-bench' | 'conftest' | 'opa'): string | null {
  const probe = tool === 'opa-bench' ? ['-h'] : ['version'];
  spawnSync('scripts/go-tool.sh', [tool, ...probe], { encoding: 'utf8', timeout: 900_000 });
  const bin = resolve('.cache/bin', tool);
  return existsSync(bin) ? bin : null;
}

function median(values: number[]): Measured {
  const v = [...values].sort((a, b) => a - b);
  return { median: v[Math.floor(v.length / 2)] ?? Number.NaN, min: v[0] ?? Number.NaN, max: v[v.length - 1] ?? Number.NaN };
}

const show = (m: Measured) => (Number.isNaN(m.median) ? 'not run' : `${m.median.toFixed(0)} (${m.min.toFixed(0)}–${m.max.toFixed(0)}) documents/s`);

interface Engines {
  rsyncguard: PolicyEngine;
  pool: PolicyPool | null;
  opaBench: string | null;
  conftest: string | null;
  opa: string | null;
}

/** The policy's .rego files without tests, for the tools that take a folder (data files there would load at other paths). */
function copyPolicy(to: string): void {
  cpSync(POLICY, to, { recursive: true, filter: (src) => !src.endsWith('_test.rego') && !/\.(ya?ml|json)$/.test(src) });
}

/** Findings per document as the engine completes them (checked, catalog-filled, deduplicated): the count compared. */
function completedCount(engine: PolicyEngine, raw: unknown[][], docs: FactsDocument[]): number[] {
  return docs.map((d, i) => {
    const done = engine.complete(raw[i] ?? [], d.target.id);
    return done.ok ? done.value.length : -1;
  });
}

/** Documents per second through the pool's evaluateMany for about `seconds` (after one warm-up pass); findings per document from the warm-up. */
async function poolRate(pool: PolicyPool, docs: FactsDocument[], seconds: number, counts?: number[]): Promise<number> {
  for await (const [, r] of pool.evaluateMany(docs)) counts?.push(r.ok ? r.value.length : -1);
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for await (const _ of pool.evaluateMany(docs)) n++;
  }
  return n / ((performance.now() - started) / 1000);
}

function differences(a: number[], b: number[]): number {
  return a.reduce((n, x, i) => n + (x === b[i] ? 0 : 1), 0);
}

async function compareOn(label: string, docs: FactsDocument[], engines: Engines, rows: Row[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rg-bench-compare-'));
  try {
    const policy = join(dir, 'policy');
    copyPolicy(join(policy, 'rsyncguard'));
    writeFileSync(join(policy, 'shim.rego'), SHIM);
    const data = join(dir, 'cves.json');
    writeFileSync(data, JSON.stringify(cvePolicyData()));
    const input = join(dir, 'documents.json');
    writeFileSync(input, JSON.stringify(docs));
    mkdirSync(join(dir, 'docs'));
    const files = docs.map((d, i) => {
      const f = join(dir, 'docs', `d${String(i).padStart(4, '0')}.json`);
      writeFileSync(f, JSON.stringify(d));
      return f;
    });
    writeFileSync(join(dir, 'batch.json'), JSON.stringify({ bench: docs }));

    const ours = docs.map((d) => {
      const r = engines.rsyncguard.evaluate(d);
      return r.ok ? r.value.length : -1;
    });
    const counts: Record<string, number[] | null> = { pool: null, 'OPA Go': null, Conftest: null, 'opa eval': null };
    const times: Record<string, number[]> = { rsyncguard: [], pool: [], 'OPA Go': [], Conftest: [], 'opa eval': [] };
    const failed: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      times['rsyncguard']?.push(rate(docs, (d) => engines.rsyncguard.evaluate(d), 1));
      if (engines.pool) {
        const c: number[] = [];
        times['pool']?.push(await poolRate(engines.pool, docs, 1, round === 0 ? c : undefined));
        if (round === 0) counts['pool'] = c;
      }
      if (engines.opaBench) {
        const dump = join(dir, 'go-findings.json');
        const r = spawnSync(engines.opaBench, ['-policy', join(policy, 'rsyncguard'), '-data', data, '-input', input, '-rounds', '1', '-seconds', '1', ...(round === 0 ? ['-dump', dump] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
        if (r.status !== 0) failed.push(`OPA Go: ${r.stderr.trim().slice(0, 200)}`);
        else {
          const out = JSON.parse(r.stdout) as { rates: number[] };
          times['OPA Go']?.push(...out.rates);
          if (round === 0) counts['OPA Go'] = completedCount(engines.rsyncguard, JSON.parse(readFileSync(dump, 'utf8')) as unknown[][], docs);
        }
      }
      if (engines.conftest) {
        const t = performance.now();
        const r = spawnSync(engines.conftest, ['test', '--no-color', '--output', 'json', '-p', policy, '--data', data, ...files], { encoding: 'utf8', maxBuffer: 1 << 30 });
        const seconds = (performance.now() - t) / 1000;
        if (r.status !== 0 && r.status !== 1) failed.push(`Conftest: ${r.stderr.trim().slice(0, 200)}`);
        else {
          times['Conftest']?.push(docs.length / seconds);
          if (round === 0) {
            const results = JSON.parse(r.stdout) as { filename: string; failures?: { msg: string }[] }[];
            const byFile = new Map(results.map((x) => [resolve(x.filename), (x.failures ?? []).map((f) => JSON.parse(f.msg) as unknown)]));
            counts['Conftest'] = completedCount(
              engines.rsyncguard,
              files.map((f) => byFile.get(resolve(f)) ?? []),
              docs,
            );
          }
        }
      }
      if (engines.opa) {
        const t = performance.now();
        const query = 'x := [fs | some doc in data.bench; fs := data.rsyncguard.main.findings with input as doc]';
        const r = spawnSync(engines.opa, ['eval', '-f', 'json', '-d', join(policy, 'rsyncguard'), '-d', data, '-d', join(dir, 'batch.json'), query], { encoding: 'utf8', maxBuffer: 1 << 30 });
        if (r.status !== 0) failed.push(`opa eval: ${r.stderr.trim().slice(0, 200)}`);
        else {
          times['opa eval']?.push(docs.length / ((performance.now() - t) / 1000));
          if (round === 0) {
            const out = JSON.parse(r.stdout) as { result?: { bindings: { x: unknown[][] } }[] };
            counts['opa eval'] = completedCount(engines.rsyncguard, out.result?.[0]?.bindings.x ?? [], docs);
          }
        }
      }
    }

    const rsg = median(times['rsyncguard'] ?? []);
    const pooled = median(times['pool'] ?? []);
    const findings = ours.reduce((a, b) => a + b, 0);
    const agree = Object.entries(counts).map(([name, c]) => (c === null ? `${name} not run` : `${name} differs on ${differences(ours, c)} of ${docs.length}`));
    const void_ = Object.values(counts).some((c) => c !== null && differences(ours, c) > 0) || ours.includes(-1);
    const note = `${findings} findings in all; ${agree.join(', ')}${void_ ? ' — COMPARISON VOID: the engines disagree' : ''}`;
    // Issue 20's throughput goals are for the typical (5-module) config.
    const typical = label.includes('5-module');
    rows.push({ benchmark: `same Rego, ${label}: rsyncguard engine (one instance)`, figure: show(rsg), goal: typical ? '≥ 2,500/s on one core' : '', met: typical ? rsg.median >= 2500 : null, note });
    const threads = engines.pool?.threads ?? 0;
    rows.push({
      benchmark: `same Rego, ${label}: rsyncguard PolicyPool (${threads} threads)`,
      figure: show(pooled),
      goal: typical ? '≥ 5,000/s on 2 cores' : '',
      met: typical && engines.pool ? pooled.median >= 5000 : null,
      note: engines.pool ? 'evaluateMany over the documents, the main thread serializing' : 'the pool did not load',
    });
    const go = median(times['OPA Go'] ?? []);
    rows.push({ benchmark: `same Rego, ${label}: OPA Go rego (prepared once, inputs pre-parsed)`, figure: show(go), goal: '', met: null, note: 'tools/opa-bench on the Rego source, the OPA of tools/go.mod; converting the inputs is not timed' });
    const ct = median(times['Conftest'] ?? []);
    rows.push({ benchmark: `same Rego, ${label}: Conftest, one run over ${docs.length} JSON files`, figure: show(ct), goal: '', met: null, note: "whole process (start, compile, file parsing, evaluation, JSON output); tools/conftest's own OPA pin" });
    const oe = median(times['opa eval'] ?? []);
    rows.push({ benchmark: `same Rego, ${label}: opa eval, all documents in one batch`, figure: show(oe), goal: '', met: null, note: 'whole process; documents loaded as data, each evaluated with `with input as`' });
    const ratio = (other: Measured, goal: number, name: string) => {
      const r = rsg.median / other.median;
      const ok = !void_ && !Number.isNaN(r);
      const byPool = engines.pool ? `; the pool: ${(pooled.median / other.median).toFixed(2)}×` : '';
      rows.push({
        benchmark: `same Rego, ${label}: rsyncguard (one instance) ÷ ${name}`,
        figure: ok ? `${r.toFixed(2)}×` : 'not measured',
        goal: `≥ ${goal}×`,
        met: ok ? r >= goal : null,
        note: void_ ? 'void: finding counts differ' : `medians of ${ROUNDS} alternating rounds${byPool}`,
      });
    };
    ratio(ct, 5, 'Conftest');
    ratio(go, 3, 'OPA Go');
    if (failed.length > 0) rows.push({ benchmark: `same Rego, ${label}: failures`, figure: `${failed.length}`, goal: '', met: null, note: failed.join('; ') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCompare(rows: Row[]): Promise<void> {
  const source = builtinPolicy();
  if (!source.ok) throw source.error;
  const loaded = await PolicyEngine.load(source.value);
  if (!loaded.ok) throw loaded.error;
  const pool = await PolicyPool.load(source.value);
  const engines: Engines = { rsyncguard: loaded.value, pool: pool.ok ? pool.value : null, opaBench: goBinary('opa-bench'), conftest: goBinary('conftest'), opa: goBinary('opa') };
  try {
    await compareOn(`${DOCUMENTS} 5-module documents`, fiveModuleDocuments(), engines, rows);
    const corpus = corpusDocuments();
    if (corpus.length > 0) await compareOn(`${DOCUMENTS} corpus documents`, corpus, engines, rows);
  } finally {
    engines.pool?.close();
  }
}
