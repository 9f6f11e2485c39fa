/**
 * `fix` for live hosts and fleets (issue 16, "Hosts and fleets"): the collector's document (what `sweep`
 * collects and `eval` accepts) holds the text of every config file the daemon reads, so a host's fixes are
 * planned and verified like a repository's, with the edited text standing in for the collected text: the
 * document is parsed again (src/parse/host-configs.ts), its facts rebuilt and evaluated with the run's engines,
 * and judged by the same rules as `fix` on files (fix-verify.ts `judgeChange`). Nothing is written to a host
 * here: formats render the verified edits (`--format ansible` as a playbook per inventory group).
 */
import { fail, ok, today, type HostRaw, type Result } from '../common/index.ts';
import type { Severity } from '../engine/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import { planFixes, type FixCandidate, type LineEdit, type RejectedFix, type TargetFixes, type VerifiedFix } from '../fix/index.ts';
import { textKey, type Report, type TargetError, type TargetReport } from '../report/index.ts';
import { evaluateAll, evaluateDocument, openEvaluation, type EvaluateOptions, type Evaluation } from './evaluate-targets.ts';
import { applyAll, combineEdits, rebaseEdits } from './fix-edits.ts';
import { judgeChange, type EvaluatedState, type FixClaim } from './fix-verify.ts';
import { hostFacts } from './host.ts';

/** One host's collected document, and the inventory group its playbook play targets. */
export interface CollectedHost {
  /** The inventory name (ansible's inventory_hostname); the document's host.name is set to it. */
  name: string;
  group: string;
  raw: HostRaw;
}

export interface HostFixOptions extends Omit<EvaluateOptions, 'onTiming'> {
  rules?: ReadonlySet<string>;
}

export interface HostFixRun {
  /** Like sweep's report; each config target's TargetReport.fixes filled. */
  report: Report;
  /** Target id → inventory host and group, for the formats (a host may serve several configs). */
  hostOf: Map<string, string>;
  groupOf: Map<string, string>;
  /** Each target's own config texts by `textKey(target, path)` (every host has its own /etc/rsyncd.conf), for SARIF regions. */
  texts: Map<string, string>;
}

/** A report entry's facts are the FactsDocument its policies evaluated (typed `object` in the report model). */
const factsOf = (r: TargetReport): FactsDocument => r.facts as FactsDocument;

/** Re-planning on the combined text stops after this many rounds (as fix-repository.ts). */
const ROUNDS = 3;

/** A host's facts name a file by its path from the host's root, without the leading `/` (as a repository's are relative). */
const displayOf = (path: string) => path.replace(/^\/+/, '');

/** The texts of a host's config files by the path its facts name them (secrets files are never among them). */
function configTexts(raw: HostRaw): Map<string, string> {
  const secrets = new Set(raw.secrets.map((s) => s.path));
  return new Map(raw.files.flatMap((f) => (typeof f.text === 'string' && !secrets.has(f.path) ? [[displayOf(f.path), f.text] as const] : [])));
}

/** The document with `texts` (display path → edited text) in place of what the collector read. */
function withTexts(raw: HostRaw, texts: ReadonlyMap<string, string>): HostRaw {
  return { ...raw, files: raw.files.map((f) => (texts.has(displayOf(f.path)) ? { ...f, text: texts.get(displayOf(f.path)) as string } : f)) };
}

export async function fixHosts(hosts: CollectedHost[], failures: TargetError[], opts: HostFixOptions): Promise<Result<HostFixRun>> {
  const day = today();
  const targets: (FactsDocument | TargetError)[] = [...failures];
  const hostOf = new Map<string, string>();
  const groupOf = new Map<string, string>();
  const rawOf = new Map<string, HostRaw>();
  const texts = new Map<string, string>();
  for (const f of failures) groupOf.set(f.target, hosts.find((h) => h.name === f.target)?.group ?? 'ungrouped');
  for (const h of hosts) {
    const raw = { ...h.raw, host: { ...h.raw.host, name: h.name } };
    for (const d of await hostFacts(raw, { probe: false, today: day })) {
      targets.push(d);
      hostOf.set(d.target.id, h.name);
      groupOf.set(d.target.id, h.group);
      rawOf.set(d.target.id, raw);
      for (const [path, text] of configTexts(raw)) texts.set(textKey(d.target.id, path), text);
    }
  }
  const ev = await openEvaluation(opts);
  if (!ev.ok) return ev;
  try {
    const report = await evaluateAll(ev.value, targets);
    for (const entry of report.targets) {
      const raw = rawOf.get(entry.target);
      if (raw === undefined) continue;
      entry.fixes = await new HostFixer(ev.value, raw, entry, day, opts).run();
    }
    return ok({ report, hostOf, groupOf, texts });
  } catch (e) {
    return fail(e instanceof Error ? e : new Error(String(e)));
  } finally {
    ev.value.close();
  }
}

function candidateKey(c: FixCandidate): string {
  return JSON.stringify([c.parameter, c.fixes.map((k) => [k.rule_id, k.module, k.path, k.cves ?? []]).sort()]);
}

/**
 * One host config's fixes, accepted one by one on the combination so far (the loop of fix-repository.ts's
 * TargetFixer; only the re-evaluation differs: the collected document with edited texts, not an overlay on disk).
 */
class HostFixer {
  private accepted: VerifiedFix[] = [];
  private edits: LineEdit[] = [];
  private readonly rejected: RejectedFix[] = [];
  private readonly tried = new Set<string>();
  private state: EvaluatedState;
  private current: Map<string, string>;
  private readonly originals: Map<string, string>;

  constructor(
    private readonly ev: Evaluation,
    private readonly raw: HostRaw,
    private readonly entry: TargetReport,
    private readonly day: string,
    private readonly opts: HostFixOptions,
  ) {
    this.state = { report: entry, errors: [] };
    // Only the files this config reads: an edit of any other collected file is not this target's to make.
    const all = configTexts(raw);
    this.originals = new Map(factsOf(entry).config.files.flatMap((f) => (all.has(f.path) ? [[f.path, all.get(f.path) as string] as const] : [])));
    this.current = new Map(this.originals);
  }

  async run(): Promise<TargetFixes> {
    const rules = this.opts.rules ? { rules: this.opts.rules } : {};
    const first = planFixes(factsOf(this.entry), this.entry.findings, this.originals, rules);
    const fixes: TargetFixes = { target: this.entry.target, verified: [], rejected: [], unfixed: first.unfixed, commands: first.commands, files: [] };
    let deferred: FixCandidate[] = [];
    for (let round = 1; round <= ROUNDS && first.candidates.length > 0; round++) {
      const now = this.state.report ?? this.entry;
      const plan = round === 1 ? first : planFixes(factsOf(now), now.findings, this.current, rules);
      deferred = [];
      for (const c of plan.candidates) {
        if (this.tried.has(candidateKey(c))) continue;
        const edits = round === 1 ? c.edits : rebaseEdits(c.edits, this.edits, this.originals);
        const combined = edits === null ? null : combineEdits(this.edits, edits);
        if (edits === null || combined === null) {
          if (round === 1) deferred.push(c);
          else this.reject(c, 'it changes a line another fix already changes; apply the other fixes and run fix again');
          continue;
        }
        await this.attempt(c, edits, combined);
      }
      if (deferred.length === 0) break;
    }
    for (const c of deferred) this.reject(c, 'it changes a line another fix already changes; apply the other fixes and run fix again');
    await this.checkCombination();
    fixes.verified = this.accepted;
    fixes.rejected = this.rejected;
    fixes.files = [...this.originals].filter(([file]) => this.edits.some((e) => e.file === file)).map(([file, before]) => ({ file, before, after: this.current.get(file) ?? before }));
    return fixes;
  }

  private reject(c: FixCandidate, reason: string): void {
    this.tried.add(candidateKey(c));
    this.rejected.push({ candidate: c, reason });
  }

  private async attempt(c: FixCandidate, edits: LineEdit[], combined: LineEdit[]): Promise<void> {
    const foreign = edits.find((e) => !this.originals.has(e.file));
    if (foreign) return this.reject(c, `it edits ${foreign.file}, which this configuration does not read`);
    // The collector sends text; bytes that were not UTF-8 are already lost, and writing them back would change them.
    const notUtf8 = edits.find((e) => factsOf(this.entry).config.diagnostics.some((d) => d.code === 'not-utf8' && d.file === e.file));
    if (notUtf8) return this.reject(c, `${notUtf8.file} is not valid UTF-8, and rewriting it would change bytes the fix does not mean to change`);
    const applied = applyAll(this.originals, combined);
    if (!applied.ok) return this.reject(c, applied.reason);
    const after = await this.evaluate(applied.texts);
    const reason = judgeChange(this.state, after, c);
    if (reason !== null) return this.reject(c, reason);
    this.tried.add(candidateKey(c));
    this.accepted.push({ ...c, edits, rule_ids: [...new Set(c.fixes.map((k) => k.rule_id))].sort() });
    this.edits = combined;
    this.state = after;
    this.current = new Map([...this.originals, ...applied.texts]);
  }

  /** The host's document with the edited texts, parsed and evaluated again: the state after the edit. */
  private async evaluate(texts: ReadonlyMap<string, string>): Promise<EvaluatedState> {
    const docs = await hostFacts(withTexts(this.raw, texts), { probe: false, today: this.day });
    const doc = docs.find((d) => d.target.id === this.entry.target);
    if (doc === undefined) return { report: null, errors: [{ target: this.entry.target, message: 'after the edit it is no longer read as an rsyncd configuration of its own' }] };
    const d = await evaluateDocument(this.ev, doc);
    return { report: d.report, errors: d.errors };
  }

  /** Every accepted fix together, against the config as collected: otherwise none is proposed. */
  private async checkCombination(): Promise<void> {
    if (this.accepted.length < 2) return;
    const claim: FixClaim = {
      fixes: this.accepted.flatMap((c) => c.fixes),
      access: { modules: [...new Set(this.accepted.flatMap((c) => c.access.modules))], fields: [...new Set(this.accepted.flatMap((c) => c.access.fields))] },
    };
    const worst = this.entry.findings.filter((f) => claim.fixes.some((k) => k.rule_id === f.rule_id)).map((f) => f.severity);
    const floor: Severity = (['critical', 'high', 'medium', 'low'] as const).find((s) => worst.includes(s)) ?? 'low';
    const reason = judgeChange({ report: this.entry, errors: [] }, this.state, claim, floor);
    if (reason === null) return;
    for (const c of this.accepted) this.rejected.push({ candidate: c, reason: `together with the other fixes of this configuration: ${reason}` });
    this.accepted = [];
    this.edits = [];
    this.current = new Map(this.originals);
  }
}
