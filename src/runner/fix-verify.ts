/**
 * Verification of fixes (issue 16, "Every fix is verified"): a candidate's edited text is parsed again
 * through the scan root (so confinement, includes and secrets files are read exactly as `scan` reads them),
 * its facts rebuilt and evaluated with the run's own engines, waivers and declared purposes, and the result
 * compared with the state before the edit. Host and fleet fixes (src/runner/fix-hosts.ts) reuse `judgeChange`
 * with their own re-parse: it needs only two evaluated states and what the fix claims.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { severityRank, type Finding, type Severity } from '../engine/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import { findingKey, type AccessField, type FindingKey } from '../fix/index.ts';
import { parseRepoConfigs, type ReparseOptions } from '../parse/index.ts';
import type { TargetError, TargetReport } from '../report/index.ts';
import { displayPath, within } from '../sources/index.ts';
import { evaluateDocument, type Evaluation } from './evaluate-targets.ts';
import { factsFor, type ConfigOrigin, type ScanOptions } from './scan-repository.ts';

/** One target evaluated: its report entry (null when no policy could judge it) and its errors. */
export interface EvaluatedState {
  report: TargetReport | null;
  errors: TargetError[];
}

/** What a fix says it does: the findings it removes, and the only access answers it may change. */
export interface FixClaim {
  fixes: FindingKey[];
  access: { modules: string[]; fields: AccessField[] };
  /**
   * The parameter(s) it sets (a FixCandidate's `parameter`): a fix of a daemon-wide finding (no module, or a
   * CVE's) may change these in any module; every other effective parameter may change only in the modules the
   * claim names (its findings' modules and `access.modules`).
   */
  parameter?: string | readonly string[];
}

const ACCESS_FIELDS: readonly AccessField[] = ['listed', 'auth_required', 'open_to_any_host', 'host_allowed', 'anonymous_read', 'anonymous_write', 'read', 'write'];
/** Booleans where `true` is more access: an allowed change may only turn them off. */
const WIDENS: Partial<Record<AccessField, boolean>> = { listed: true, open_to_any_host: true, anonymous_read: true, anonymous_write: true, auth_required: false };

function everyFinding(r: TargetReport): Finding[] {
  return [...r.findings, ...r.waived.map((w) => w.finding), ...(r.declared_public ?? []).map((s) => s.finding)];
}

/** The facts document a report entry was evaluated from: the report types it as `object` for JSON, evaluateDocument puts a FactsDocument there. */
export function factsOf(r: TargetReport): FactsDocument {
  return r.facts as FactsDocument;
}

function label(k: FindingKey): string {
  return `${k.rule_id}${k.module === null ? '' : ` [${k.module}]`}${k.cves ? ` (${k.cves.join(', ')})` : ''}`;
}

function countByCode(doc: FactsDocument): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of doc.config.diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return counts;
}

/**
 * The identity the verifier compares findings by, as a string to group by. A CVE finding (it names CVEs) stands
 * for every module the CVE reaches, and the module it names first is just one of them: when a fix closes that
 * module the same finding names the next one. So it is one finding per rule, target and CVEs; any other is
 * findingKey's (rule, target, module, facts path). Grouped, not compared pairwise: a config of hundreds of
 * modules has thousands of findings, and comparing each with every other per candidate made verification
 * quadratic.
 */
export function identityOf(k: FindingKey): string {
  const cves = k.cves ?? [];
  return JSON.stringify(cves.length > 0 ? [k.rule_id, k.target, cves] : [k.rule_id, k.target, k.module, k.path]);
}

function byIdentity(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const id = identityOf(f);
    const list = out.get(id);
    if (list) list.push(f);
    else out.set(id, [f]);
  }
  return out;
}

/**
 * null when `after` is what `claim` applied to `before` may give; else why not, in words for the report.
 * `floor`: new findings at or above it reject the fix (default: the lowest severity among the fixed findings).
 * Finding identity ignores lines: an inserted line moves every finding below it.
 */
export function judgeChange(before: EvaluatedState, after: EvaluatedState, claim: FixClaim, floor?: Severity): string | null {
  if (after.report === null || after.errors.length > before.errors.length) {
    const e = after.errors[after.errors.length - 1];
    return `the edited configuration could not be evaluated${e ? `: ${e.message}` : ''}`;
  }
  if (before.report === null) return 'the configuration could not be evaluated before the edit';
  const b = before.report;
  const a = after.report;
  const old = byIdentity(everyFinding(b));
  const now = byIdentity(everyFinding(a));
  const peersNow = byIdentity(a.findings);
  const claimed = new Map<string, number>();
  for (const k of claim.fixes) claimed.set(identityOf(k), (claimed.get(identityOf(k)) ?? 0) + 1);
  // Counted per identity: one module can hold two findings of one identity (two comment-in-boolean lines), and
  // a fix of one leaves the other, which is still reported, as it should be.
  for (const [id, n] of claimed) {
    const was = old.get(id)?.length ?? 0;
    const left = now.get(id) ?? [];
    if (left.length > Math.max(0, was - n)) return `${label(findingKey(left[0] as Finding))} is still reported after the edit`;
  }
  const fixedSeverities = b.findings.filter((f) => claimed.has(identityOf(f))).map((f) => severityRank(f.severity));
  const threshold = floor !== undefined ? severityRank(floor) : fixedSeverities.length > 0 ? Math.min(...fixedSeverities) : 0;
  for (const f of a.findings) {
    const id = identityOf(f);
    const olds = old.get(id) ?? [];
    const peers = peersNow.get(id) ?? [];
    if (peers.length > olds.length && severityRank(f.severity) >= threshold) return `it would raise ${label(findingKey(f))} (${f.severity}): ${f.message}`;
    const worst = Math.max(-1, ...olds.map((o) => severityRank(o.severity)));
    if (olds.length > 0 && severityRank(f.severity) > worst) return `it would raise ${label(findingKey(f))} from ${(olds[0] as Finding).severity} to ${f.severity}`;
  }
  const bf = factsOf(b);
  const af = factsOf(a);
  const counts = countByCode(bf);
  for (const [code, n] of countByCode(af)) {
    if (n > (counts.get(code) ?? 0)) {
      const d = af.config.diagnostics.find((x) => x.code === code);
      return `it would add a parse diagnostic (${code}${d ? `: ${d.message}` : ''})`;
    }
  }
  if (bf.config.starts && !af.config.starts) return 'the daemon would no longer start';
  if (bf.config.serves && !af.config.serves) return 'the daemon would no longer serve';
  return accessChange(bf, af, claim) ?? paramChange(bf, af, claim);
}

/**
 * The first effective parameter (value, where it is set, which file) of a module the claim does not name that
 * changed; null when none. The access answers model anonymous clients only: a `read only` line shared through
 * `&merge` with a module whose users log in changes what they may do, and only its parameters show it. Lines
 * are not compared: an inserted line moves every line below it; the value and the file it comes from are what
 * rsync acts on.
 */
function paramChange(b: FactsDocument, a: FactsDocument, claim: FixClaim): string | null {
  const named = new Set([...claim.access.modules, ...claim.fixes.map((k) => k.module).filter((m): m is string => m !== null)]);
  const daemonWide = claim.fixes.some((k) => k.module === null || (k.cves ?? []).length > 0);
  const wide = new Set(daemonWide ? (typeof claim.parameter === 'string' ? [claim.parameter] : (claim.parameter ?? [])) : []);
  const shown = (p: { value: unknown; origin: string; file: string | null } | undefined) => (p === undefined ? 'unset' : JSON.stringify([p.value, p.origin, p.file]));
  for (const [i, mb] of b.config.modules.entries()) {
    const ma = a.config.modules[i];
    if (ma === undefined || named.has(mb.name)) continue;
    for (const name of new Set([...Object.keys(mb.params), ...Object.keys(ma.params)])) {
      if (wide.has(name) || shown(mb.params[name]) === shown(ma.params[name])) continue;
      const value = (p: { value: unknown } | undefined) => (p === undefined ? 'unset' : JSON.stringify(p.value));
      return `it would change "${name}" of [${mb.name}] (${value(mb.params[name])} → ${value(ma.params[name])}), a module it does not name`;
    }
  }
  return null;
}

/**
 * A transfer refused before and after, for another reason (a module no longer listed is "unknown" rather than
 * "access denied" to a client outside its hosts): what is allowed did not change.
 */
function sameOutcome(field: AccessField, was: unknown, now: unknown): boolean {
  return (field === 'read' || field === 'write') && was !== 'ok' && now !== 'ok';
}

/** The first access answer that changed outside the claim, or widened; null when none. */
function accessChange(b: FactsDocument, a: FactsDocument, claim: FixClaim): string | null {
  const names = (d: FactsDocument) => d.config.modules.map((m) => m.name).join('\n');
  if (names(b) !== names(a)) return 'it would change which modules the daemon defines';
  for (const [i, mb] of b.config.modules.entries()) {
    const ma = a.config.modules[i];
    if (ma === undefined) return 'it would change which modules the daemon defines';
    for (const field of ACCESS_FIELDS) {
      const was = JSON.stringify(mb.access[field]);
      const now = JSON.stringify(ma.access[field]);
      if (was === now || sameOutcome(field, mb.access[field], ma.access[field])) continue;
      const allowed = claim.access.modules.includes(mb.name) && claim.access.fields.includes(field);
      if (!allowed) return `it would change what [${mb.name}] allows (${field}: ${was} → ${now}), which it does not say`;
      const widens = WIDENS[field];
      if (widens !== undefined && ma.access[field] === widens) return `it would widen access to [${mb.name}] (${field}: ${was} → ${now})`;
    }
  }
  return null;
}

/**
 * The real path of a file a target's facts name by display path, inside the scan root; null when it is not
 * there (a display path is relative to the working directory, or to the root when the root is outside it).
 */
export function realFile(origin: ConfigOrigin, display: string): string | null {
  const rootReal = realpathSync(origin.root);
  for (const guess of [resolve(process.cwd(), display), resolve(origin.root, display)]) {
    if (displayPath(origin.root, guess) !== display) continue;
    try {
      const real = realpathSync(guess);
      if (within(rootReal, real)) return real;
    } catch {
      // Not this reading of the display path: try the other.
    }
  }
  return null;
}

/**
 * Parse one config again with `reparse.overlay` (real path → bytes) standing in for its files, rebuild its
 * facts and evaluate them with the run's engines. `files`: the files parsed alongside it (the whole scan
 * root's, or a narrower list that gave the same result, see fix-repository.ts); `reparse.modes`: the root's
 * git modes read once (gitModes), so a re-parse does not start git.
 */
export async function reevaluate(ev: Evaluation, origin: ConfigOrigin, files: string[], reparse: ReparseOptions, opts: ScanOptions): Promise<EvaluatedState> {
  for (const parsed of parseRepoConfigs(origin.root, files, { ...reparse, daemonRoot: origin.daemonRoot })) {
    if (parsed.kind === 'error' && parsed.target === displayPath(origin.root, origin.file)) return { report: null, errors: [{ target: parsed.target, message: parsed.message, hint: parsed.hint }] };
    if (parsed.kind !== 'config' || parsed.file !== origin.file) continue;
    const d = await evaluateDocument(ev, factsFor(parsed, opts));
    return { report: d.report, errors: d.errors };
  }
  return { report: null, errors: [{ target: displayPath(origin.root, origin.file), message: 'after the edit it is no longer read as an rsyncd configuration of its own' }] };
}
