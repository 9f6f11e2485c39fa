/**
 * Property test of `fix` (issue 16, "every proposed fix passes verification and never raises another finding's
 * severity"): generated configs (seeded; FIX_PROPERTY_SEED=n reproduces a run, FIX_PROPERTY_COUNT=n sizes it),
 * fixed one rule at a time with `fix --write --rules R`, then judged by an independent `scan`:
 *   - no finding of another identity appears at or above the severity of the findings the fix removed;
 *   - no finding that stays has a higher severity than before;
 *   - no parse diagnostic appears that was not there (count per code per target);
 *   - no target stops being evaluated;
 *   - running the same fix again proposes nothing and changes nothing.
 * Then every rule at once, twice: the second run changes nothing.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { generateConfig } from './support/fix-generate.ts';
import { changed, cli, identity, type Scanned, type ScannedFinding, SEVERITY_RANK, scan, snapshot } from './support/fix-run.ts';

const SEED = Number(process.env['FIX_PROPERTY_SEED'] ?? 16016);
const COUNT = Number(process.env['FIX_PROPERTY_COUNT'] ?? 30);
/** The rules issue 16 gives a mechanical fix, and the mechanical extras. */
const FIXED_RULES = ['RSYNC-002', 'RSYNC-004', 'RSYNC-005', 'RSYNC-009', 'RSYNC-010', 'RSYNC-015', 'RSYNC-021', 'RSYNC-040', 'RSYNC-041', 'RSYNC-042', 'RSYNC-044', 'RSYNC-071', 'RSYNC-072'];
/** Modelled as 3.4.2, so the CVE rules (RSYNC-071/072) and their refuse-options mitigations are exercised too. */
const VERSION = ['--rsync-version', '3.4.2'];

function pristine(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-fix-property-'));
  for (let i = 0; i < COUNT; i++) writeFileSync(join(dir, `g${String(i).padStart(3, '0')}.conf`), generateConfig(SEED + i));
  return dir;
}

function byTarget(s: Scanned): Map<string, ScannedFinding[]> {
  const out = new Map<string, ScannedFinding[]>();
  for (const f of s.findings) out.set(f.target, [...(out.get(f.target) ?? []), f]);
  return out;
}

/** What went wrong between two scans of one target after fixing `rule`, as sentences (none: it held). */
function violations(rule: string, before: ScannedFinding[], after: ScannedFinding[], notesBefore: Map<string, number>, notesAfter: Map<string, number>): string[] {
  const out: string[] = [];
  const was = new Map(before.map((f) => [identity(f), f]));
  const now = new Map(after.map((f) => [identity(f), f]));
  // Another rule's finding going away is fine (a fix can help twice).
  const removedOfRule = before.filter((f) => f.rule_id === rule && !now.has(identity(f)));
  // The threshold: the lowest severity among the findings the fix removed (the strictest reading).
  const floor = Math.min(...removedOfRule.map((f) => SEVERITY_RANK[f.severity] ?? 0));
  for (const f of after) {
    const old = was.get(identity(f));
    if (old === undefined) {
      if (removedOfRule.length > 0 && (SEVERITY_RANK[f.severity] ?? 0) >= floor) out.push(`new ${f.severity} ${f.rule_id} [${f.module}] ${f.path}: ${f.message}`);
      else if (removedOfRule.length === 0) out.push(`new ${f.severity} ${f.rule_id} [${f.module}] ${f.path} although nothing of ${rule} was fixed`);
    } else if ((SEVERITY_RANK[f.severity] ?? 0) > (SEVERITY_RANK[old.severity] ?? 0)) out.push(`${f.rule_id} [${f.module}] ${f.path} rose from ${old.severity} to ${f.severity}`);
  }
  for (const [code, n] of notesAfter) if (n > (notesBefore.get(code) ?? 0)) out.push(`parse diagnostic ${code}: ${notesBefore.get(code) ?? 0} → ${n}`);
  return out;
}

const test = suite('fix: generated configs');

test(`every fix of one rule holds up under an independent scan (seed ${SEED}, ${COUNT} configs)`, () => {
  const base = pristine();
  const before = scan(base, ['.'], VERSION);
  const present = FIXED_RULES.filter((r) => before.findings.some((f) => f.rule_id === r));
  // The generator must reach most of the rules, or the property says little.
  assert.ok(present.length >= 8, `the generated configs raise only ${present.join(', ')}`);
  const problems: string[] = [];
  let fixedTotal = 0;
  for (const rule of present) {
    const dir = mkdtempSync(join(tmpdir(), `rg-fix-property-${rule}-`));
    cpSync(base, dir, { recursive: true });
    const snap = snapshot(dir);
    const run = cli(dir, ['fix', '.', '--write', '--rules', rule, ...VERSION]);
    if (run.status !== 0 && run.status !== 1) {
      problems.push(`${rule}: fix exited ${run.status}: ${run.stderr.slice(0, 400)}`);
      continue;
    }
    const touched = changed(snap, snapshot(dir));
    assert.is(run.status === 1, touched.length > 0, `${rule}: exit ${run.status} but ${touched.length} files changed`);
    const after = scan(dir, ['.'], VERSION);
    if (after.errors.length > before.errors.length) problems.push(`${rule}: targets no longer evaluated: ${after.errors.map((e) => `${e.target}: ${e.message}`).join('; ')}`);
    const was = byTarget(before);
    const now = byTarget(after);
    for (const target of new Set([...was.keys(), ...now.keys()])) {
      const b = was.get(target) ?? [];
      const a = now.get(target) ?? [];
      fixedTotal += b.filter((f) => f.rule_id === rule).length - a.filter((f) => f.rule_id === rule).length;
      const v = violations(rule, b, a, before.notes.get(target) ?? new Map(), after.notes.get(target) ?? new Map());
      problems.push(...v.map((s) => `${rule} ${target} (seed ${SEED + Number(target.replace(/\D/g, ''))}): ${s}`));
    }
    const again = cli(dir, ['fix', '.', '--write', '--rules', rule, ...VERSION]);
    const snapAfter = snapshot(dir);
    if (again.status !== 0) problems.push(`${rule}: the second run exits ${again.status} (something is proposed again)`);
    const twice = changed(snapAfter, snapshot(dir));
    if (twice.length > 0) problems.push(`${rule}: the second run changed ${twice.join(', ')}`);
  }
  assert.ok(fixedTotal > 0, 'no finding was fixed at all');
  assert.equal(problems, [], problems.join('\n'));
});

test(`every rule at once, twice (seed ${SEED})`, () => {
  const dir = pristine();
  const before = scan(dir, ['.'], VERSION);
  const first = cli(dir, ['fix', '.', '--write', ...VERSION]);
  assert.is(first.status, 1, first.stderr);
  const after = scan(dir, ['.'], VERSION);
  const now = new Map(after.findings.map((f) => [identity(f), f]));
  const gone = before.findings.filter((f) => !now.has(identity(f)));
  assert.ok(gone.length > 0, 'nothing was fixed');
  // Nothing rises, and no new finding reaches the most severe one fixed in its target.
  const was = new Map(before.findings.map((f) => [identity(f), f]));
  const problems: string[] = [];
  for (const f of after.findings) {
    const old = was.get(identity(f));
    if (old !== undefined && (SEVERITY_RANK[f.severity] ?? 0) > (SEVERITY_RANK[old.severity] ?? 0)) problems.push(`${f.target} ${f.rule_id} [${f.module}] rose from ${old.severity} to ${f.severity}`);
    if (old === undefined) {
      const fixedHere = gone.filter((g) => g.target === f.target).map((g) => SEVERITY_RANK[g.severity] ?? 0);
      if ((SEVERITY_RANK[f.severity] ?? 0) >= Math.min(...fixedHere, 99)) problems.push(`${f.target}: new ${f.severity} ${f.rule_id} [${f.module}] ${f.path}: ${f.message}`);
    }
  }
  assert.equal(problems, [], problems.join('\n'));
  const snap = snapshot(dir);
  const second = cli(dir, ['fix', '.', '--write', ...VERSION]);
  assert.is(second.status, 0, `the second run proposes fixes again:\n${second.stdout}`);
  assert.equal(changed(snap, snapshot(dir)), []);
});

test.run();
