/**
 * The orchestrator from facts to report: one engine instance for every target, waivers applied per
 * target, and every target that fails recorded as an error without hiding the others.
 */
import { existsSync } from 'node:fs';
import { fail, MiB, ok, UserError, type Result } from '../common/index.ts';
import { applyDeclaredPublic, declarePublic, parsePublicEntries, usedPublicEntries, type PublicEntry } from '../engine/index.ts';
import { applyWaivers, compareFindings, controlWaivers, loadEvaluator, parseWaiverFile, severityRank, SEVERITIES, type PolicyEvaluator, type PolicySource, type RuleInfo, type Severity, type WaivedControl, type Waiver } from '../engine/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import { type Note, type Report, type ReportTail, storedFacts, type TargetError, type TargetReport, vulnerabilitiesOf } from '../report/index.ts';
import { readInputFile } from '../sources/index.ts';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, judgedFindings } from './exit-codes.ts';
import { VERSION } from './version.ts';

export const DEFAULT_WAIVER_FILE = '.rsyncguard.yaml';
export const FAIL_ON = [...SEVERITIES, 'none'] as const;
export const MAX_WAIVER_BYTES = MiB;
/** Targets in flight per policy thread: each thread has one to evaluate and one waiting, and the main thread parses ahead. */
const AHEAD_PER_THREAD = 4;

export interface EvaluateOptions {
  /** The built-in policy, then any --policy: each loaded once, every target evaluated by all of them. */
  policies: PolicySource[];
  /** A waiver file named by --waivers (must exist), or undefined for the default when present. */
  waiverFile: string | undefined;
  inlineWaivers: boolean;
  /** Told how long loading the policies and evaluating took (for --timings and the benchmarks). */
  onTiming?: (stage: 'policy load' | 'evaluate', ms: number) => void;
  /** Keep each target's facts deflated (src/report/stored-facts.ts): fleets of thousands of hosts (eval, sweep). */
  storeFacts?: boolean;
  /** Told after each target, with how many have been evaluated (or recorded as errors) so far: the CLI's progress line. */
  onEvaluated?: (evaluated: number) => void;
  /**
   * Worker threads for the built-in policy (the engine's PolicyPool), so targets are evaluated side by side
   * while the next are parsed; absent or 0: this thread. A policy with limits runs in its own sandbox either way.
   */
  threads?: number;
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
 * The policies, waivers and `public:` entries of one run, loaded once: `scan` evaluates every target with it,
 * and `fix` re-evaluates every edited config with the very same (src/runner/fix-verify.ts). `close()` frees
 * the engines.
 */
export interface Evaluation {
  engines: PolicyEvaluator[];
  rules: RuleInfo[];
  waivers: Waiver[];
  publicEntries: PublicEntry[];
  inlineWaivers: boolean;
  /** EvaluateOptions.storeFacts. */
  storeFacts?: boolean;
  /** Targets evaluateInto starts before the oldest is handed on (0: one at a time), so a pool's threads all have work. */
  ahead?: number;
  close(): void;
}

/** What evaluating one facts document gives: its report entry (absent when no policy could judge it), its errors, and the waivers and entries it used. */
export interface DocumentEvaluation {
  report: TargetReport | null;
  errors: TargetError[];
  expired: Waiver[];
  usedWaivers: string[];
  usedEntries: PublicEntry[];
}

/** Load every policy once, check their rule ids are distinct, and read the waiver file; an error when any fails. */
export async function openEvaluation(opts: EvaluateOptions): Promise<Result<Evaluation>> {
  const loadStarted = performance.now();
  const engines: PolicyEvaluator[] = [];
  const close = () => {
    for (const e of engines) e.close();
  };
  for (const source of opts.policies) {
    const loaded = await loadEvaluator(source, opts.threads ? { threads: opts.threads } : {});
    if (!loaded.ok) {
      close();
      return loaded;
    }
    engines.push(loaded.value);
  }
  const rules = engines.flatMap((e) => e.rules);
  const clash = rules.find((r, i) => rules.findIndex((x) => x.id === r.id) !== i);
  const failed = (e: UserError | Error): Result<Evaluation> => {
    close();
    return fail(e);
  };
  if (clash) return failed(new UserError(`rule ${clash.id} is defined by two policies`, undefined, 'Give custom rules ids of their own.'));
  opts.onTiming?.('policy load', performance.now() - loadStarted);
  const waivers = loadWaivers(opts.waiverFile);
  if (!waivers.ok) return failed(waivers.error);
  const publicEntries = loadPublicEntries(opts.waiverFile);
  if (!publicEntries.ok) return failed(publicEntries.error);
  return ok({ engines, rules, waivers: waivers.value, publicEntries: publicEntries.value, inlineWaivers: opts.inlineWaivers, ...(opts.storeFacts ? { storeFacts: true } : {}), ahead: opts.threads ? opts.threads * AHEAD_PER_THREAD : 0, close });
}

/**
 * Every target through every policy into one report; an error only when nothing could be evaluated (a
 * policy that does not load, two policies defining one rule, a bad waiver file).
 */
export async function evaluateTargets(targets: Targets, opts: EvaluateOptions): Promise<Result<Report>> {
  const ev = await openEvaluation(opts);
  if (!ev.ok) return ev;
  try {
    const evalStarted = performance.now();
    const report = await evaluateAll(ev.value, targets, opts.onEvaluated);
    opts.onTiming?.('evaluate', performance.now() - evalStarted);
    return ok(report);
  } finally {
    ev.value.close();
  }
}

/** Every target with an open evaluation, into one report (scan's, and the report `fix` starts from). */
export async function evaluateAll(ev: Evaluation, targets: Targets, onEvaluated?: (evaluated: number) => void): Promise<Report> {
  const report: Report = { tool: { name: 'rsyncguard', version: VERSION }, rules: ev.rules, targets: [], errors: [], expired_waivers: [] };
  const tail = await evaluateInto(ev, documents(targets), { target: (t) => report.targets.push(t), error: (e) => report.errors.push(e) }, onEvaluated);
  return { ...report, ...tail };
}

async function* documents(targets: Targets): AsyncGenerator<{ target: FactsDocument | TargetError }> {
  for await (const target of targets) yield { target };
}

/** Where evaluateInto hands each target's report entry and each error, as they come. */
export interface EvaluationSink {
  target(entry: TargetReport, texts: ReadonlyMap<string, string>): void;
  error(e: TargetError): void;
}

/** A target to evaluate, with the texts of its files when a report may quote them (a repository's config). */
export interface TextedTarget {
  target: FactsDocument | TargetError;
  texts?: readonly [string, string][];
}

const NO_TEXTS: ReadonlyMap<string, string> = new Map();

/**
 * Every target through the evaluation, each entry handed to `sink` as soon as it is made and held no longer
 * (a streamed report, issue 20); what is known only after the last target is returned: the waivers and
 * `public:` entries that were not used.
 */
export async function evaluateInto(ev: Evaluation, targets: Iterable<TextedTarget> | AsyncIterable<TextedTarget>, sink: EvaluationSink, onEvaluated?: (evaluated: number) => void): Promise<ReportTail> {
  const expired = new Set<Waiver>();
  const usedEntries = new Set<PublicEntry>();
  // Waivers by where they are written: one that waives no finding and selects no target is reported.
  const usedWaivers = new Set<string>();
  let evaluated = 0;
  // With a pool, a few targets are evaluated side by side; each is handed on in the order it came, so the
  // report is the same as one evaluated at a time, and at most `ahead` targets are held.
  const inFlight: { item: TextedTarget; evaluation: Promise<DocumentEvaluation> | null }[] = [];
  const handOn = async () => {
    const next = inFlight.shift();
    if (next === undefined) return;
    const { target, texts } = next.item;
    if (next.evaluation === null || !('schema' in target)) {
      if (!('schema' in target)) sink.error(target);
      onEvaluated?.(++evaluated);
      return;
    }
    const d = await next.evaluation;
    for (const e of d.errors) sink.error(e);
    if (d.report) sink.target(d.report, texts === undefined ? NO_TEXTS : new Map(texts));
    for (const w of d.expired) expired.add(w);
    for (const w of d.usedWaivers) usedWaivers.add(w);
    for (const e of d.usedEntries) usedEntries.add(e);
    onEvaluated?.(++evaluated);
  };
  for await (const item of targets) {
    const evaluation = 'schema' in item.target ? evaluateDocument(ev, item.target) : null;
    // Awaited in turn below; a failure before its turn must not count as unhandled meanwhile.
    evaluation?.catch(() => undefined);
    inFlight.push({ item, evaluation });
    while (inFlight.length > (ev.ahead ?? 0)) await handOn();
  }
  while (inFlight.length > 0) await handOn();
  return {
    expired_waivers: [...expired],
    // Like an expired waiver: an entry that declared nothing must not look as if it did.
    unused_public: ev.publicEntries.filter((e) => !usedEntries.has(e)),
    unused_waivers: ev.waivers.filter((w) => !expired.has(w) && !usedWaivers.has(w.source)),
  };
}

/** One facts document through every policy, declared purposes and waivers: its entry of the report. */
export async function evaluateDocument(ev: Evaluation, target: FactsDocument): Promise<DocumentEvaluation> {
  const out: DocumentEvaluation = { report: null, errors: [], expired: [], usedWaivers: [], usedEntries: [] };
  // `public:` entries become facts before evaluation: RSYNC-015 reads them like a comment's.
  const t = declarePublic(target, ev.publicEntries);
  out.usedEntries.push(...usedPublicEntries(target, ev.publicEntries));
  // A parse stopped by rsyncguard's own safety limit describes part of the configuration: no verdict on it.
  const limit = t.config.diagnostics.find((d) => d.code === 'evaluation-limit');
  if (limit) {
    out.errors.push({ target: t.target.id, message: `${limit.file}:${limit.line}: ${limit.message}`, ...(limit.hint ? { hint: limit.hint } : {}) });
    return out;
  }
  const results = [];
  for (const e of ev.engines) results.push(await e.evaluate(t));
  // A policy that failed makes the target "could not be evaluated"; what the others found is still shown.
  for (const r of results) if (!r.ok) out.errors.push({ target: t.target.id, message: r.error.message, ...(r.error.hint ? { hint: r.error.hint } : {}) });
  if (results.every((r) => !r.ok)) return out;
  const findings = results.flatMap((r) => (r.ok ? r.value : [])).sort(compareFindings);
  const quiet = applyDeclaredPublic(t, findings, ev.rules);
  const applied = applyWaivers(t, quiet.findings, ev.waivers, { inline: ev.inlineWaivers });
  out.expired.push(...applied.expired);
  out.usedWaivers.push(...applied.waived.map((w) => w.waiver.source), ...controlWaivers(t, ev.waivers).map((c) => c.source));
  // A secrets file that is there but could not be read leaves the target not fully read: exit 2, located, and a
  // baseline counts the target's missing findings as not known (never fixed).
  for (const d of t.config.diagnostics) {
    if (d.code === 'secrets-unreadable') out.errors.push({ target: t.target.id, message: `${d.file}:${d.line}: ${d.message}`, ...(d.hint ? { hint: d.hint } : {}) });
  }
  const notes = [...t.config.diagnostics, ...quiet.diagnostics].map((d) => ({
    level: d.severity === 'fatal' ? ('error' as const) : d.severity === 'warning' ? ('warning' as const) : ('note' as const),
    code: d.code,
    message: d.message,
    location: { file: d.file, line: d.line, column: d.column },
  }));
  const vulnerabilities = vulnerabilitiesOf(t, { findings: applied.findings, waived: applied.waived.map((w) => w.finding), declaredPublic: quiet.silenced.map((s) => s.finding) });
  out.report = {
    target: t.target.id,
    kind: t.target.kind,
    findings: applied.findings,
    waived: applied.waived,
    declared_public: quiet.silenced,
    notes: [...hostNotes(t), ...notes],
    ...(vulnerabilities ? { vulnerabilities } : {}),
    // `rule: cis:…` waivers that select this target, for the --compliance section.
    ...waivedControls(t, ev.waivers),
    facts: ev.storeFacts ? storedFacts(t) : t,
  };
  return out;
}

function waivedControls(t: FactsDocument, waivers: Waiver[]): { waived_controls?: WaivedControl[] } {
  const controls = controlWaivers(t, waivers);
  return controls.length > 0 ? { waived_controls: controls } : {};
}

/** 2 when any target could not be evaluated (it wins), 1 for findings at or above the threshold, else 0. */
export function exitCode(report: Report, failOn: string): number {
  const judged = judgedFindings(report);
  return exitCodeOf({ errors: report.errors.length, worst: judged.length === 0 ? null : judged.reduce((w, f) => (severityRank(f.severity) > severityRank(w) ? f.severity : w), judged[0]?.severity ?? 'low') }, failOn);
}

/** exitCode from what a streamed report keeps of it: how many errors, and the most severe finding judged. */
export function exitCodeOf(run: { errors: number; worst: Severity | null }, failOn: string): number {
  if (run.errors > 0) return EXIT_ERROR;
  if (failOn === 'none' || run.worst === null) return EXIT_OK;
  return severityRank(run.worst) >= severityRank(failOn as Severity) ? EXIT_FINDINGS : EXIT_OK;
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
