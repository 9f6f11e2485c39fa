/**
 * A run compared with an earlier one (`--baseline FILE`, issue 17). Matching is by logical identity — the
 * identity SARIF fingerprints are made from (rule, target, file, module or daemon, parameter, CVE ids) —
 * never by line, so an edit above a finding does not make it new.
 */
import type { Location } from '../common/index.ts';
import type { Severity } from '../engine/index.ts';

export type BaselineState = 'new' | 'unchanged' | 'updated' | 'absent';

/** A finding of the baseline that this run no longer has: fixed, or its target gone. */
export interface AbsentFinding {
  rule_id: string;
  title: string;
  severity: Severity;
  message: string;
  target: string;
  module: string | null;
  path: string;
  location: Location | null;
  cves?: string[];
  /** The secrets entry it was about (Finding.entry). */
  entry?: string;
  /** The logical identity's fingerprint, as SARIF's partialFingerprints carries it. */
  fingerprint: string;
}

export interface BaselineComparison {
  /** The baseline file as the user named it. */
  source: string;
  counts: Record<BaselineState, number>;
  absent: AbsentFinding[];
  /**
   * Findings of the baseline whose target could not be evaluated this run (an unreachable host, an unread
   * image): not `absent` — nothing says they were fixed — and not matched either. Absent when none.
   */
  not_evaluated?: number;
  /**
   * Findings of the baseline in files that are still there but that this scan left out (--exclude, or
   * outside every PATH given): not `absent` — nothing was fixed — and not matched. Absent when none.
   */
  not_scanned?: number;
  /**
   * Findings of this run marked `new` whose target the baseline itself could not evaluate (its errors name
   * it: a host unreachable then). They stay `new` — nothing proves they were known — and are counted here so
   * every format can say why. Absent when none.
   */
  new_not_evaluated_in_baseline?: number;
  /** The baseline's repository paths were named from another directory and were matched with this run's (review finding 10). */
  renamed?: boolean;
  /** The baseline and this run share no target: a baseline of other paths, another directory or repository. */
  no_shared_target?: boolean;
}
