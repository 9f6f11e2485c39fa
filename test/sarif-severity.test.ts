/**
 * One severity everywhere (issue 14): read the SARIF the way GitHub code scanning does — each result's
 * descriptor by ruleIndex (checked against ruleId), its `security-severity`, GitHub's band for it — and
 * require that band to be the severity the JSON report gives the same finding. Over the examples, every
 * rule fixture and the shared corpus; each log also passes the schema, the Multitool with GitHub's rules
 * and our own GitHub checks.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as Sarif from 'sarif';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CORPUS, corpusTest } from './support/corpus.ts';
import { sarifProblems } from './support/sarif-check.ts';

const CLI = resolve('dist/cli.js');
const RULES = resolve('test/fixtures/rules');

interface JsonFinding {
  rule_id: string;
  severity: string;
  target: string;
  module: string | null;
  path: string;
  location: { line: number } | null;
}
interface JsonReport {
  targets: { target: string; findings: JsonFinding[] }[];
}

function scan(cwd: string, format: 'json' | 'sarif', args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, 'scan', ...args, '--format', format, '--fail-on', 'none'], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 << 20 });
  assert.ok(r.status === 0 || r.status === 2, `exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** GitHub's bands for security-severity: critical ≥ 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9. */
function githubBand(value: unknown): string {
  const n = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(n > 0 && n <= 10)) return `none (${JSON.stringify(value)})`;
  return n >= 9 ? 'critical' : n >= 7 ? 'high' : n >= 4 ? 'medium' : 'low';
}

// Keyed by logical identity, as the fingerprints are; the line is left out so the key is the alert's.
// The lists are compared sorted, duplicates and all, so entries of one secrets file still count one each.
const key = (rule: string, target: string, module: unknown, path: unknown) => `${rule} ${target} ${String(module ?? '-')} ${String(path)}`;

/** Every finding as "identity: severity", as GitHub would show it from the SARIF. */
function fromSarif(text: string): string[] {
  const run = (JSON.parse(text) as Sarif.Log).runs[0];
  const rules = run?.tool.driver.rules ?? [];
  return (run?.results ?? []).map((r) => {
    const d = rules[r.ruleIndex ?? -1];
    assert.is(d?.id, r.ruleId, `ruleIndex ${r.ruleIndex} points at ${d?.id}, not ${r.ruleId}`);
    const p = r.properties ?? {};
    const rule = typeof p['rule'] === 'string' ? p['rule'] : (r.ruleId ?? '');
    return `${key(rule, String(p['target']), p['module'], p['facts_path'])}: ${githubBand(d?.properties?.['security-severity'])}`;
  });
}

/** Every finding as "identity: severity", as the JSON report says. */
function fromJson(text: string): string[] {
  return (JSON.parse(text) as JsonReport).targets.flatMap((t) => t.findings.map((f) => `${key(f.rule_id, f.target, f.module, f.path)}: ${f.severity}`));
}

function sameSeverities(cwd: string, args: string[]): number {
  const sarif = scan(cwd, 'sarif', args);
  const json = fromJson(scan(cwd, 'json', args)).sort();
  const github = fromSarif(sarif).sort();
  const said = new Set(json);
  const differ = github.filter((g) => !said.has(g));
  assert.equal(github, json, `${differ.length} of ${json.length} findings have another severity in GitHub than in the JSON report`);
  assert.equal(sarifProblems(sarif), []);
  return json.length;
}

const severity = suite('one severity in SARIF (as GitHub reads it) and JSON');

severity('the examples', () => {
  assert.ok(sameSeverities(process.cwd(), ['examples']) > 20, 'the examples have findings, else this proves little');
});

severity('every rule fixture', () => {
  const confs = readdirSync(RULES).flatMap((id) =>
    readdirSync(join(RULES, id))
      .filter((f) => f.endsWith('.conf'))
      .map((f) => join('test/fixtures/rules', id, f)),
  );
  assert.ok(confs.length > 100, `${confs.length} fixture configs`);
  assert.ok(sameSeverities(process.cwd(), confs) > 100);
});

corpusTest(severity, 'the shared corpus', () => {
  assert.ok(sameSeverities(CORPUS, ['.']) > 0);
});

severity.run();
