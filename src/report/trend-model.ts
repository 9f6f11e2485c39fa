/**
 * A fleet over time (`sweep --history DIR`, `rsyncguard trend DIR`, issue 17): what each sweep found per
 * host, folded into per host and per rule histories. Computed by src/report/trend.ts from the history files;
 * rendered as JSON, Markdown and HTML, and as the trend chart of a sweep's HTML report.
 */
import type { Severity } from '../engine/index.ts';

/** One sweep, as its history file records it. */
export interface TrendRun {
  /** ISO 8601 UTC time the sweep started; runs are ordered by it. */
  at: string;
  /** The history file's name (not its directory). */
  file: string;
  hosts: number;
  evaluated: number;
  /** Hosts that could not be swept (any status other than ok). */
  unreachable: number;
  /** Reported findings (waived ones are not counted here). */
  counts: Record<Severity, number>;
  /** Findings a waiver covered in this run (absent from histories written before waived findings were kept). */
  waived?: number;
}

export type TrendState = 'open' | 'fixed' | 'regressed';

/** One finding identity on one host across the runs. */
export interface TrendFinding {
  rule_id: string;
  severity: Severity;
  module: string | null;
  /** The logical identity's fingerprint (the SARIF one), stable across runs. */
  fingerprint: string;
  message: string;
  first_seen: string;
  last_seen: string;
  /** When it was last seen gone (after having been seen), null while open. */
  fixed_at: string | null;
  /** How many times it came back after being gone. */
  regressions: number;
  state: TrendState;
  /**
   * Open, and waived in the last run that listed it (still on the host, not reported). A waiver never makes a
   * finding fixed, nor its expiry regressed. Always set by src/report/trend.ts; optional for older readers.
   */
  waived?: boolean;
  /** Days from first_seen to the last run (open) or to fixed_at. */
  open_days: number;
}

export interface TrendHost {
  host: string;
  group: string;
  /** Status in the last run that listed the host ('ok' or the sweep status, e.g. 'unreachable'). */
  status: string;
  /** Consecutive runs, up to the last, in which the host could not be swept (0 when the last was ok). */
  unreachable_runs: number;
  /** The last run in which the host was swept, null when never. */
  last_ok: string | null;
  findings: TrendFinding[];
}

export interface TrendRule {
  rule_id: string;
  severity: Severity;
  /** Hosts where it is open in the last run. */
  open: number;
  fixed: number;
  regressed: number;
  /** Of the `open` hosts, those where every open finding of the rule is waived. */
  waived?: number;
}

export interface TrendReport {
  tool: { name: 'rsyncguard'; version: string };
  runs: TrendRun[];
  hosts: TrendHost[];
  rules: TrendRule[];
}
