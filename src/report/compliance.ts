/**
 * The `--compliance cis|nist|pci` section: per control, each target's state and the findings behind it.
 * NIST and PCI controls are judged by the findings of the rules that map to them (METADATA
 * `custom.compliance`). CIS items are host-benchmark recommendations judged per target from its facts: a
 * host that runs or enables the rsync daemon, or an image whose entrypoint starts it, fails "Ensure rsync
 * service is not enabled" unless a `rule: cis:<recommendation>` waiver says it is meant to serve rsync; a
 * repository file is no host, so the item does not apply to it.
 */
import { COMPLIANCE, type Framework, isObject, type Location } from '../common/index.ts';
import type { Finding, RuleInfo, Severity, WaivedControl } from '../engine/index.ts';
import type { Report, TargetReport } from './model.ts';

export type ControlState = 'fail' | 'pass' | 'waived' | 'not-applicable' | 'not-evaluated';

/** A finding as the section cites it; the full finding is in the target's findings. */
export interface FindingRef {
  rule_id: string;
  severity: Severity;
  message: string;
  module: string | null;
  location: Location | null;
}

export interface ControlTarget {
  target: string;
  state: ControlState;
  /** Unwaived findings of the control's rules: why it fails. */
  findings: FindingRef[];
  /** Findings of the control's rules that a waiver or a public declaration accepted (they do not fail it), with the reason. */
  waived: (FindingRef & { reason: string; source: string })[];
  /** For CIS: what the facts show (the daemon's processes, enabled units), or why the item does not apply. */
  evidence: string[];
  /** A `rule: cis:…` waiver that accepts the failure (the host is meant to serve rsync). */
  waiver?: WaivedControl;
  /** CIS: the benchmark items written for the target's OS (its os-release), when the facts name one the table has. */
  os_items?: string[];
}

export interface ControlResult {
  id: string;
  title: string;
  /** CIS: the benchmark items (id and number) that state this recommendation. */
  items?: { id: string; benchmark: string; item: string; cce: string[] }[];
  /** The rules whose findings count against it. */
  rules: string[];
  targets: ControlTarget[];
}

export interface ComplianceSection {
  framework: Framework;
  name: string;
  controls: ControlResult[];
  summary: { controls: number; failing: number };
}

const ref = (f: Finding): FindingRef => ({ rule_id: f.rule_id, severity: f.severity, message: f.message, module: f.module, location: f.location });

/** The section for one framework, over every control a rule of the report maps to. */
export function complianceSection(report: Report, framework: Framework): ComplianceSection {
  const controls = framework === 'cis' ? cisControls(report) : mappedControls(report, framework);
  return {
    framework,
    name: COMPLIANCE[framework].name,
    controls,
    summary: { controls: controls.length, failing: controls.filter((c) => c.targets.some((t) => t.state === 'fail')).length },
  };
}

/** Rules by control, for the controls of `framework` some rule names, in the table's order. */
function rulesByControl(rules: RuleInfo[], framework: Framework): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const r of rules) for (const id of r.compliance?.[framework] ?? []) by.set(id, [...(by.get(id) ?? []), r.id]);
  const order = Object.keys(COMPLIANCE[framework].controls);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return new Map([...by].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)));
}

/** Targets that could not be evaluated at all (no results from any policy). */
function unevaluated(report: Report): string[] {
  const seen = new Set(report.targets.map((t) => t.target));
  return [...new Set(report.errors.map((e) => e.target))].filter((t) => !seen.has(t));
}

function findingsOf(t: TargetReport, rules: readonly string[]): Pick<ControlTarget, 'findings' | 'waived'> {
  return {
    findings: t.findings.filter((f) => rules.includes(f.rule_id)).map(ref),
    waived: [
      ...t.waived.filter((w) => rules.includes(w.finding.rule_id)).map((w) => ({ ...ref(w.finding), reason: w.waiver.reason, source: w.waiver.source })),
      // A module declared public is accepted like a waiver: it does not fail the control, and says why.
      ...(t.declared_public ?? []).filter((s) => rules.includes(s.finding.rule_id)).map((s) => ({ ...ref(s.finding), reason: `declared public: ${s.declared_public.reason}`, source: `${s.declared_public.file}:${s.declared_public.line}` })),
    ],
  };
}

/** A target a policy failed on has results from the others only: what they found fails it, but no pass is claimed. */
function partly(report: Report): Set<string> {
  return new Set(report.errors.map((e) => e.target));
}

function mappedControls(report: Report, framework: 'nist' | 'pci'): ControlResult[] {
  const table: Record<string, string> = COMPLIANCE[framework].controls;
  const failed = partly(report);
  return [...rulesByControl(report.rules, framework)].map(([id, rules]) => ({
    id,
    title: table[id] ?? id,
    rules,
    targets: [
      ...report.targets.map((t): ControlTarget => {
        const found = findingsOf(t, rules);
        const state = found.findings.length > 0 ? 'fail' : failed.has(t.target) ? 'not-evaluated' : 'pass';
        return { target: t.target, state, ...found, evidence: state === 'not-evaluated' ? ['a policy could not evaluate this target'] : [] };
      }),
      ...unevaluated(report).map((target): ControlTarget => ({ target, state: 'not-evaluated', findings: [], waived: [], evidence: [] })),
    ],
  }));
}

function cisControls(report: Report): ControlResult[] {
  const byItem = rulesByControl(report.rules, 'cis');
  return Object.entries(COMPLIANCE.cis.recommendations).map(([rec, { title }]) => {
    const items = Object.entries(COMPLIANCE.cis.controls)
      .filter(([, c]) => c.recommendation === rec)
      .map(([id, c]) => ({ id, benchmark: c.benchmark, item: c.item, cce: c.cce }));
    const rules = [...new Set(items.flatMap((i) => byItem.get(i.id) ?? []))].sort();
    return {
      id: `cis:${rec}`,
      title,
      items,
      rules,
      targets: [...report.targets.map((t) => cisTarget(t, `cis:${rec}`, rules)), ...unevaluated(report).map((target): ControlTarget => ({ target, state: 'not-evaluated', findings: [], waived: [], evidence: [] }))],
    };
  });
}

/** "rsync service not enabled" on one target: its daemon facts, its findings, and a control waiver. */
function cisTarget(t: TargetReport, control: string, rules: readonly string[]): ControlTarget {
  if (t.kind === 'file') return { target: t.target, state: 'not-applicable', findings: [], waived: [], evidence: ['a configuration file in a repository: the CIS benchmarks judge hosts'] };
  const found = findingsOf(t, rules);
  const evidence = t.kind === 'host' ? hostEvidence(t.facts) : imageEvidence(t.facts);
  const runs = evidence.length > 0 || found.findings.length > 0;
  const waiver = t.waived_controls?.find((w) => w.control === control);
  const items = osItems(t.facts, control);
  const mine = items.length > 0 ? { os_items: items } : {};
  if (!runs) return { target: t.target, state: 'pass', ...found, evidence: [t.kind === 'host' ? 'no rsync daemon process, listener or enabled unit' : 'the entrypoint does not start rsync --daemon'], ...mine };
  return { target: t.target, state: waiver ? 'waived' : 'fail', ...found, evidence, ...(waiver ? { waiver } : {}), ...mine };
}

/** The items of `control` whose benchmark is written for the target's OS (facts `rsync.distro`, from os-release). */
function osItems(facts: object, control: string): string[] {
  const rsync = 'rsync' in facts && isObject(facts.rsync) ? facts.rsync : {};
  const distro = isObject(rsync['distro']) ? rsync['distro'] : null;
  if (distro === null || typeof distro['id'] !== 'string' || typeof distro['version_id'] !== 'string') return [];
  const ids = [distro['id'], ...list(distro['id_like']).filter((x): x is string => typeof x === 'string')];
  const version = distro['version_id'];
  return Object.entries(COMPLIANCE.cis.controls)
    .filter(([, c]) => `cis:${c.recommendation}` === control && c.os.ids.some((id) => ids.includes(id)) && (version === c.os.version || version.startsWith(`${c.os.version}.`)))
    .map(([id]) => id);
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '?');

/** What a collector saw of a running or enabled daemon (facts `daemon`), one line each. */
function hostEvidence(facts: object): string[] {
  const daemon = 'daemon' in facts && isObject(facts.daemon) ? facts.daemon : {};
  return [
    ...list(daemon['processes']).map((p) => (isObject(p) ? `process ${str(p['pid'])} runs ${list(p['cmdline']).map(str).join(' ')}` : 'an rsync process runs')),
    ...list(daemon['listeners']).map((l) => (isObject(l) ? `listening on ${str(l['address'])} port ${str(l['port'])}` : 'a listener')),
    ...list(daemon['units'])
      .filter((u) => isObject(u) && u['enabled'] === true)
      .map((u) => (isObject(u) ? `${str(u['kind'])} ${str(u['path'])} is enabled` : 'an enabled unit')),
  ];
}

function imageEvidence(facts: object): string[] {
  const image = 'image' in facts && isObject(facts.image) ? facts.image : {};
  if (image['starts_daemon'] !== true) return [];
  const command = [...list(image['entrypoint']), ...list(image['cmd'])].map(str).join(' ');
  return [`the image starts the rsync daemon${command ? `: ${command}` : ''}`];
}
