/**
 * Every SARIF log the tests produce goes through three checks: the SARIF 2.1.0 JSON schema (ajv, with
 * formats), Microsoft's SARIF Multitool 5.7.0 with GitHub's ingestion rules, and the GitHub requirements
 * no validator checks (reference/sarif-github.md §2.5). Each returns a list of problems; empty is valid.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type * as Sarif from 'sarif';

const require = createRequire(import.meta.url);
const SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const MULTITOOL = resolve('node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
const RULES = resolve('test/fixtures/sarif/multitool-gh-rules.xml');

// CommonJS packages: their default export is the module itself.
const Ajv04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
// The 2.1.0 schema's `language` pattern is not a valid Unicode-mode regular expression (a known erratum).
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);

export function schemaProblems(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e: { instancePath: string; message?: string; params: unknown }) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Multitool findings at level error or warning (it exits 0 either way: read its output log). */
export function multitoolProblems(sarifText: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'rg-multitool-'));
  const input = join(dir, 'in.sarif');
  const output = join(dir, 'out.sarif');
  writeFileSync(input, sarifText);
  // Called directly: the npm wrapper passes arguments through a shell, which splits "Sarif;Ghas".
  const r = spawnSync(MULTITOOL, ['validate', input, '--rule-kind', 'Sarif;Ghas', '--config', RULES, '--output', output, '--log', 'ForceOverwrite'], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) return [`Multitool failed (exit ${r.status}): ${(r.stderr || r.stdout).slice(0, 500)}`];
  const out = JSON.parse(readFileSync(output, 'utf8')) as Sarif.Log;
  return (out.runs[0]?.results ?? []).filter((x) => (x.level ?? 'warning') !== 'note' && x.level !== 'none').map((x) => `${x.ruleId}: ${JSON.stringify(x.message.arguments ?? x.message.text ?? '')}`);
}

/** What GitHub needs that neither validator checks. */
export function githubProblems(log: Sarif.Log): string[] {
  const problems: string[] = [];
  if (log.runs.length !== 1) problems.push(`${log.runs.length} runs: one per category is expected`);
  for (const run of log.runs) {
    const rules = run.tool.driver.rules ?? [];
    if (!run.automationDetails?.id?.endsWith('/')) problems.push('automationDetails.id must end with "/"');
    if (!Array.isArray(run.results)) problems.push('results must be present, [] when clean');
    if ((run.results?.length ?? 0) > 25_000 || rules.length > 25_000) problems.push('over GitHub limits');
    for (const r of rules) {
      const sev: unknown = r.properties?.['security-severity'];
      if (typeof sev !== 'string' || !/^(10(\.0+)?|[0-9](\.[0-9]+)?)$/.test(sev) || Number(sev) <= 0) problems.push(`${r.id}: security-severity ${JSON.stringify(sev)}`);
      if ((r.shortDescription?.text.length ?? 0) > 1024 || (r.fullDescription?.text.length ?? 0) > 1024 || (r.name?.length ?? 0) > 255) problems.push(`${r.id}: text too long`);
      if ((r.properties?.tags?.length ?? 0) > 20 || !r.properties?.tags?.includes('security')) problems.push(`${r.id}: tags`);
      if (!r.help?.text || !r.help.markdown) problems.push(`${r.id}: help`);
    }
    for (const res of run.results ?? []) {
      if (rules[res.ruleIndex ?? -1]?.id !== res.ruleId) problems.push(`${res.ruleId}: ruleIndex ${res.ruleIndex} does not point at it`);
      if (!res.message.text) problems.push(`${res.ruleId}: message.text`);
      const loc = res.locations?.[0]?.physicalLocation;
      const uri = loc?.artifactLocation?.uri ?? '';
      if (uri === '' || /^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/') || uri.split('/').includes('..') || uri.includes(' ')) problems.push(`${res.ruleId}: uri ${JSON.stringify(uri)} is not repository-relative`);
      const region = loc?.region;
      if (!region?.startLine || !region.startColumn || !region.endLine || !region.endColumn) problems.push(`${res.ruleId}: region incomplete`);
    }
  }
  return problems;
}

/** All three, for one log. */
export function sarifProblems(text: string): string[] {
  const log = JSON.parse(text) as Sarif.Log;
  return [...schemaProblems(log), ...githubProblems(log), ...multitoolProblems(text)];
}
