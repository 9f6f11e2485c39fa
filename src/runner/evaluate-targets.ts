/**
 * The orchestrator from facts to report: one engine instance for every target, waivers applied per
 * target, and every target that fails recorded as an error without hiding the others.
 */
import { existsSync } from 'node:fs';
import { fail, MiB, ok, UserError, type Result } from '../common/index.ts';
import { applyDeclaredPublic, declarePublic, parsePublicEntries, usedPublicEntries, type PublicEntry } from '../engine/index.ts';
import { applyWaivers, compareFindings, controlWaivers, loadEvaluator, parseWaiverFile, severityRank, SEVERITIES, type PolicyEvaluator, type PolicySource, type Severity, type WaivedControl, type Waiver } from '../engine/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import { type Note, type Report, type TargetError, vulnerabilitiesOf } from '../report/index.ts';
import { readInputFile } from '../sources/index.ts';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from './exit-codes.ts';
import { VERSION } from './version.ts';

export const DEFAULT_WAIVER_FILE = '.rsyncguard.yaml';
export const FAIL_ON = [...SEVERITIES, 'none'] as const;
export const MAX_WAIVER_BYTES = MiB;

export interface EvaluateOptions {
  /** The built-in policy, then any --policy: each loaded once, every target evaluated by all of them. */
  policies: PolicySource[];
  /** A waiver file named by --waivers (must exist), or undefined for the default when present. */
  waiverFile: string | undefined;
  inlineWaivers: boolean;
  /** Told how long loading the policies and evaluating took (for --timings and the benchmarks). */
  onTiming?: (stage: 'policy load' | 'evaluate', ms: number) => void;
}

export function loadWaivers(file: string | undefined): Result<Waiver[]> {
  const path = file ?? (existsSync(DEFAULT_WAIVER_FILE) ? DEFAULT_WAIVER_FILE : undefined);
  if (path === undefined) return ok([]);
  // A waiver file lists a few accepted risks; a huge one would only exhaust the YAML parser (48 MB aborted V8).
  const bytes = readInputFile(path, { what: 'the waiver file', maxBytes: MAX_WAIVER_BYTES, hint: 'A waiver file holds a short list of waivers; check --waivers (or .rsyncguard.yaml).' });
  if (!bytes.ok) return bytes;
  return parseWaiverFile(bytes.value.toString('utf8'), path);
}

/** The `public:` entries of the same file (src/engine/public-entries.ts); read after its waivers validated it. */
export function loadPublicEntries(file: string | undefined): Result<PublicEntry[]> {
  const path = file ?? (existsSync(DEFAULT_WAIVER_FILE) ? DEFAULT_WAIVER_FILE : undefined);
  if (path === undefined) return ok([]);
  const bytes = readInputFile(path, { what: 'the waiver file', maxBytes: MAX_WAIVER_BYTES, hint: 'A waiver file holds a short list of waivers; check --waivers (or .rsyncguard.yaml).' });
  if (!bytes.ok) return bytes;
  return parsePublicEntries(bytes.value.toString('utf8'), path);
}

/** What every front end evaluates: facts documents, and targets that could not be read (as they come). */
export type Targets = Iterable<FactsDocument | TargetError> | AsyncIterable<FactsDocument | TargetError>;

/**
 * Every target through every policy into one report; an error only when nothing could be evaluated (a
 * policy that does not load, two policies defining one rule, a bad waiver file).
 */
export async function evaluateTargets(targets: Targets, opts: EvaluateOptions): Promise<Result<Report>> {
  const loadStarted = performance.now();
  const engines: PolicyEvaluator[] = [];
  try {
    for (const source of opts.policies) {
      const loaded = await loadEvaluator(source);
      if (!loaded.ok) return loaded;
      engines.push(loaded.value);
    }
    return await evaluateWith(engines, targets, opts, loadStarted);
  } finally {
    for (const e of engines) e.close();
  }
}

async function evaluateWith(engines: PolicyEvaluator[], targets: Targets, opts: EvaluateOptions, loadStarted: number): Promise<Result<Report>> {
  const rules = engines.flatMap((e) => e.rules);
  const clash = rules.find((r, i) => rules.findIndex((x) => x.id === r.id) !== i);
  if (clash) return fail(new UserError(`rule ${clash.id} is defined by two policies`, undefined, 'Give custom rules ids of their own.'));
  opts.onTiming?.('policy load', performance.now() - loadStarted);
  const evalStarted = performance.now();
  const loaded = loadWaivers(opts.waiverFile);
  if (!loaded.ok) return loaded;
  const waivers = loaded.value;
  const publicEntries = loadPublicEntries(opts.waiverFile);
  if (!publicEntries.ok) return publicEntries;
  const report: Report = { tool: { name: 'rsyncguard', version: VERSION }, rules, targets: [], errors: [], expired_waivers: [] };
  const expired = new Set<Waiver>();
  const usedEntries = new Set<PublicEntry>();
  // Waivers by where they are written: one that waives no finding and selects no target is reported.
  const usedWaivers = new Set<string>();
  for await (const target of targets) {
    if (!('schema' in target)) {
      report.errors.push(target);
      continue;
    }
    // `public:` entries become facts before evaluation: RSYNC-015 reads them like a comment's.
    const t = declarePublic(target, publicEntries.value);
    for (const e of usedPublicEntries(target, publicEntries.value)) usedEntries.add(e);
    // A parse stopped by rsyncguard's own safety limit describes part of the configuration: no verdict on it.
    const limit = t.config.diagnostics.find((d) => d.code === 'evaluation-limit');
    if (limit) {
      report.errors.push({ target: t.target.id, message: `${limit.file}:${limit.line}: ${limit.message}`, ...(limit.hint ? { hint: limit.hint } : {}) });
      continue;
    }
    const results = [];
    for (const e of engines) results.push(await e.evaluate(t));
    // A policy that failed makes the target "could not be evaluated"; what the others found is still shown.
    for (const r of results) if (!r.ok) report.errors.push({ target: t.target.id, message: r.error.message, ...(r.error.hint ? { hint: r.error.hint } : {}) });
    if (results.every((r) => !r.ok)) continue;
    const findings = results.flatMap((r) => (r.ok ? r.value : [])).sort(compareFindings);
    const quiet = applyDeclaredPublic(t, findings, rules);
    const applied = applyWaivers(t, quiet.findings, waivers, { inline: opts.inlineWaivers });
    for (const w of applied.expired) expired.add(w);
    for (const w of applied.waived) usedWaivers.add(w.waiver.source);
    for (const c of controlWaivers(t, waivers)) usedWaivers.add(c.source);
    const notes = [...t.config.diagnostics, ...quiet.diagnostics].map((d) => ({
      level: d.severity === 'fatal' ? ('error' as const) : d.severity === 'warning' ? ('warning' as const) : ('note' as const),
      code: d.code,
      message: d.message,
      location: { file: d.file, line: d.line, column: d.column },
    }));
    const vulnerabilities = vulnerabilitiesOf(t, { findings: applied.findings, waived: applied.waived.map((w) => w.finding), declaredPublic: quiet.silenced.map((s) => s.finding) });
    report.targets.push({
      target: t.target.id,
      kind: t.target.kind,
      findings: applied.findings,
      waived: applied.waived,
      declared_public: quiet.silenced,
      notes: [...hostNotes(t), ...notes],
      ...(vulnerabilities ? { vulnerabilities } : {}),
      // `rule: cis:…` waivers that select this target, for the --compliance section.
      ...waivedControls(t, waivers),
      facts: t,
    });
  }
  report.expired_waivers = [...expired];
  // Like an expired waiver: an entry that declared nothing must not look as if it did.
  report.unused_public = publicEntries.value.filter((e) => !usedEntries.has(e));
  report.unused_waivers = waivers.filter((w) => !expired.has(w) && !usedWaivers.has(w.source));
  opts.onTiming?.('evaluate', performance.now() - evalStarted);
  return ok(report);
}

function waivedControls(t: FactsDocument, waivers: Waiver[]): { waived_controls?: WaivedControl[] } {
  const controls = controlWaivers(t, waivers);
  return controls.length > 0 ? { waived_controls: controls } : {};
}

/** 2 when any target could not be evaluated (it wins), 1 for findings at or above the threshold, else 0. */
export function exitCode(report: Report, failOn: string): number {
  if (report.errors.length > 0) return EXIT_ERROR;
  if (failOn === 'none') return EXIT_OK;
  const floor = severityRank(failOn as Severity);
  const hit = report.targets.some((t) => t.findings.some((f) => severityRank(f.severity) >= floor));
  return hit ? EXIT_FINDINGS : EXIT_OK;
}

/** What a live host showed, in one line each: processes (and their chroot), sockets, the network's view. */
function hostNotes(t: FactsDocument): Note[] {
  const note = (message: string): Note => ({ level: 'note', code: 'host-state', message, location: null });
  const d = t.daemon;
  return [
    ...d.processes.map((p) => note(`process ${p.pid} (uid ${p.uid}): ${p.cmdline.join(' ')}; root ${p.root ?? 'unknown'}${p.chrooted === null ? '' : p.chrooted ? ' (chrooted)' : ' (not chrooted)'}`)),
    ...d.listeners.map((l) => note(`listening on ${l.address} port ${l.port} (${l.family})${l.pid === null ? '' : `, process ${l.pid}`}`)),
    ...d.probes.map((p) =>
      note(
        p.error !== null && p.protocol === null
          ? `probe of ${p.address}:${p.port} failed: ${p.error}`
          : `the network sees protocol ${p.protocol ?? '?'}, digests ${p.digests.join(' ') || 'none'}, ${p.motd.length} MOTD lines, modules listed to anyone: ${p.modules.map((m) => m.name).join(', ') || 'none'}`,
      ),
    ),
  ];
}
