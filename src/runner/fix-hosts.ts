/**
 * `fix` for live hosts and fleets (issue 16, "Hosts and fleets"): the collector's document (what `sweep`
 * collects and `eval` accepts) holds the text of every config file the daemon reads, so a host's fixes are
 * planned and verified like a repository's, with the edited text standing in for the collected text: the
 * document is parsed again (src/parse/host-configs.ts), its facts rebuilt and evaluated with the run's engines,
 * and judged by the same rules as `fix` on files (fix-verify.ts `judgeChange`). Nothing is written to a host
 * here: formats render the verified edits (`--format ansible` as a playbook per inventory group).
 */
import { fail, ok, today, type HostRaw, type Result } from '../common/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import type { TargetFixes } from '../fix/index.ts';
import { ansibleRefusal, textKey, type Report, type TargetError, type TargetReport } from '../report/index.ts';
import { evaluateAll, evaluateDocument, openEvaluation, type EvaluateOptions, type Evaluation } from './evaluate-targets.ts';
import { combineFixes } from './fix-combine.ts';
import type { EvaluatedState } from './fix-verify.ts';
import { hostFacts } from './host.ts';

/** One host's collected document, and the inventory group its playbook play targets. */
export interface CollectedHost {
  /** The inventory name (ansible's inventory_hostname); the document's host.name is set to it. */
  name: string;
  group: string;
  raw: HostRaw;
  /** Where the document came from (`web5.json`, `all.json[2]`), for a located error; the host name when swept. */
  source?: string;
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
  // The document is written on the host being fixed: a name or path the playbook could not carry verbatim
  // (a `{{ … }}`, a `..`, a relative path) refuses that host, located, and the others are still fixed.
  const refused = new Set<CollectedHost>();
  for (const h of hosts) {
    // Only files with text can be edited, so only their paths ever reach a playbook.
    const why = ansibleRefusal(
      h.name,
      h.group,
      h.raw.files.map((f) => (typeof f.text === 'string' ? f.path : null)),
    );
    if (why === null) continue;
    refused.add(h);
    targets.push({ target: h.source ?? h.name, message: `not fixed: ${why}` });
  }
  for (const f of failures) groupOf.set(f.target, hosts.find((h) => h.name === f.target)?.group ?? 'ungrouped');
  for (const h of hosts) {
    if (refused.has(h)) continue;
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
      entry.fixes = await fixHostTarget(ev.value, raw, entry, day, opts);
    }
    return ok({ report, hostOf, groupOf, texts });
  } catch (e) {
    return fail(e instanceof Error ? e : new Error(String(e)));
  } finally {
    ev.value.close();
  }
}

/**
 * One host config's fixes through the loop every target shares (fix-combine.ts); only the re-evaluation is
 * the host's own: the collected document with the edited texts, not an overlay on disk.
 */
function fixHostTarget(ev: Evaluation, raw: HostRaw, entry: TargetReport, day: string, opts: HostFixOptions): Promise<TargetFixes> {
  // Only the files this config reads: an edit of any other collected file is not this target's to make.
  const all = configTexts(raw);
  const originals = new Map(factsOf(entry).config.files.flatMap((f) => (all.has(f.path) ? [[f.path, all.get(f.path) as string] as const] : [])));
  const evaluate = async (texts: ReadonlyMap<string, string>): Promise<EvaluatedState> => {
    const docs = await hostFacts(withTexts(raw, texts), { probe: false, today: day });
    const doc = docs.find((d) => d.target.id === entry.target);
    if (doc === undefined) return { report: null, errors: [{ target: entry.target, message: 'after the edit it is no longer read as an rsyncd configuration of its own' }] };
    const d = await evaluateDocument(ev, doc);
    return { report: d.report, errors: d.errors };
  };
  return combineFixes({ entry, originals, evaluate, ...(opts.rules ? { rules: opts.rules } : {}) });
}
