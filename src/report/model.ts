/** The one result model every format renders (Conftest's lesson: formatters never re-derive results). */
import type { Finding, PublicEntry, PublicSilenced, RuleInfo, Severity, WaivedControl, WaivedFinding, Waiver } from '../engine/index.ts';
import type { TargetFixes } from '../fix/index.ts';
import type { BaselineComparison } from './baseline-model.ts';
import type { ComplianceSection } from './compliance.ts';
import type { TargetKind } from './target-kinds.ts';
import type { Vulnerabilities } from './vulnerabilities.ts';

export interface TargetReport {
  target: string;
  /**
   * How a person named the target when that differs from its stable id (issue 18): an image as the user typed
   * it (`img.tar (test/rsyncd:1) /etc/rsyncd.conf`). Shown instead of `target`; `target` stays the identity
   * (waivers, baselines, SARIF fingerprints), so a new tag or digest opens no new alerts.
   */
  label?: string;
  kind: TargetKind;
  findings: Finding[];
  waived: WaivedFinding[];
  /** Findings not reported because their module is a read-only module declared public (src/engine/declared-public.ts). */
  declared_public?: PublicSilenced[];
  /** What the parser said about the target's files (rsync's own warnings, templates, includes not followed). */
  notes: Note[];
  /** The CVEs reported for the target's rsync version and those considered but not reported, with why (issue 15). */
  vulnerabilities?: Vulnerabilities;
  /** Waivers of a compliance control (`rule: cis:…`) that select this target: the --compliance section reads them. */
  waived_controls?: WaivedControl[];
  /** The facts document the policies evaluated (rsyncguard/facts@1), for the JSON report. */
  facts: object;
  /** Verified fixes (issue 16), when the run asked for them (`fix`, `scan` to SARIF or Markdown, the Action). */
  fixes?: TargetFixes;
  /**
   * `--severity` (severity-filter.ts): this target's findings (reported and waived) of the severities left out.
   * No format shows them; junit skips their testcases (a rule that fired is never a passing test), text and
   * csv say that a count is of the severities shown. The JSON report leaves them out (its summary counts them).
   */
  hidden?: { findings: Finding[]; waived: WaivedFinding[] };
}

export interface Note {
  level: 'error' | 'warning' | 'note';
  code: string;
  message: string;
  location: { file: string; line: number; column: number } | null;
}

/** A target that could not be evaluated: it makes the run exit 2 and is never shown as clean. */
export interface TargetError {
  target: string;
  /** As TargetReport's `label`: the name shown, when it differs from the id. */
  label?: string;
  message: string;
  hint?: string;
  /**
   * The inventory group of a host that could not be read, where the input says (eval of a sweep's results
   * file): its SARIF notification goes in that group's run, as sweep puts it (issue 17 §4).
   */
  group?: string;
}

export interface Report {
  tool: { name: 'rsyncguard'; version: string };
  rules: RuleInfo[];
  targets: TargetReport[];
  errors: TargetError[];
  expired_waivers: Waiver[];
  /** `public:` entries of .rsyncguard.yaml that matched no module of any target: they declare nothing. */
  unused_public?: PublicEntry[];
  /** Waivers of the waiver file (rules and controls, not expired) that selected nothing in this run: they waive nothing. */
  unused_waivers?: Waiver[];
  /** `--compliance cis|nist|pci`: per control, each target's state and the findings behind it (compliance.ts). */
  compliance?: ComplianceSection;
  /** --baseline FILE (issue 17): the counts and the findings gone since; each finding carries `baseline_state`. */
  baseline?: BaselineComparison;
  /**
   * `--severity` (issue 18, severity-filter.ts): only findings of these severities are in the report; `hidden`
   * reported findings of other severities were left out (still matched by a baseline, never "fixed"). Absent unfiltered.
   */
  severity_filter?: { severities: Severity[]; hidden: number };
  /** Each PATH given to `scan` that held no rsyncd config, and why: a report of nothing must not read as a clean pass. */
  empty_paths?: EmptyPath[];
}

export interface EmptyPath {
  path: string;
  message: string;
}

/** Notes about what was (not) read, which a reader of any format must see (issue 12). */
// An include that was not followed (not in the repository, say) leaves part of the daemon's configuration
// unread: the findings may be incomplete, and every format must say so beside them.
// A public declaration that declares nothing (no reason, misplaced, covers no module, a module with a login)
// would otherwise fail silently.
const ALWAYS_SHOWN = new Set([
  'not-analyzed',
  'host-not-read',
  'include-refused',
  'include-not-followed',
  'secrets-not-read',
  'secrets-unreadable',
  // A secrets file the scan did not find (not in the repository, not under --root) was never checked, and
  // one several configs name is checked once: where is said beside each of them (issue 18).
  'secrets-not-found',
  'secrets-shared',
  // A templated `secrets file` names no file until it is rendered: nothing about it was checked.
  'secrets-templated',
  'found-through-link',
  // An image target that only carries the secrets files its layers hold (its configs deleted or missing).
  'image-layer-secrets',
  // A checkout git could not read was scanned without .gitignore and committed modes (git-view.ts).
  'git-unreadable',
  'secrets-file-is-config',
  'public-declaration-without-reason',
  'public-declaration-misplaced',
  'public-declaration-unknown',
  'public-declaration-covers-nothing',
  'public-declaration-needs-login',
  // A byte-order mark, UTF-16 or a NUL changes what rsync reads without a sign in the file as shown: a
  // [module] on the first line lost, parameters past a NUL never read. At most six notes per file.
  'utf8-bom',
  'utf16',
  'nul-byte',
]);

/**
 * Notes every format shows, not only JSON and SARIF: errors (the daemon refuses to start or fails every
 * connection, an include cycle) and files that were not read or were reached through a link. rsync's own
 * warnings (ignored lines, unknown parameters) stay in JSON facts and SARIF notifications: in a template
 * repository they number in the hundreds.
 */
export function shownNotes(t: TargetReport): Note[] {
  return t.notes.filter((n) => n.level === 'error' || ALWAYS_SHOWN.has(n.code));
}

export function countBySeverity(report: Report): Record<string, number> {
  const counts: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const t of report.targets) for (const f of t.findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return counts;
}
