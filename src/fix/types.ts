/**
 * The contract of the fix stage (issue 16): a finding with a mechanical remedy becomes line edits of the file
 * that holds its effective value; the runner verifies each by re-parsing, rebuilding facts and re-evaluating
 * (src/runner/fix*.ts) before any format shows it. Everything here is plain data, so every format (diff,
 * SARIF `fixes`, Markdown suggestions, Ansible) renders the same verified edits.
 */
import type { Finding } from '../engine/index.ts';

/**
 * Replace lines `start`..`end` (1-based, inclusive) of `file` with `lines`. A pure insertion before line
 * `start` has `end = start - 1`; a deletion has `lines = []`. `lines` carry no line terminator: the file's
 * own (LF or CRLF) is used when applied. `file` is the display path the facts use (repo-relative for a scan).
 */
export interface LineEdit {
  file: string;
  start: number;
  end: number;
  lines: string[];
}

/** The access fields (facts `modules[].access`) a fix is allowed to change, and only on the modules it names. */
export type AccessField = 'listed' | 'auth_required' | 'open_to_any_host' | 'host_allowed' | 'anonymous_read' | 'anonymous_write' | 'read' | 'write';

/** Which finding a fix is for: its logical identity (as fingerprints use it), never its line. */
export interface FindingKey {
  rule_id: string;
  target: string;
  module: string | null;
  /** The finding's facts path (`config.modules[2].params.read only`). */
  path: string;
  cves?: string[];
}

/** A proposed fix, before verification. */
export interface FixCandidate {
  /** The findings this edit removes (one edit of a global line may fix the same rule in several modules). */
  fixes: FindingKey[];
  /** The rsync parameter it sets, removes or moves (`read only`), for identity and for the hunk's heading. */
  parameter: string;
  /** One line: what the edit does, e.g. `[incoming] read only = yes`. No config text beyond the edited value. */
  summary: string;
  /** What a reader must know: how to keep uploads with `auth users`, the upgrade that really fixes a CVE, a value that was never in effect. */
  notes: string[];
  edits: LineEdit[];
  /** Modules (by name) whose access answers may change, and which fields; every other answer must stay. */
  access: { modules: string[]; fields: AccessField[] };
}

/** A finding with no safe automatic fix: why, and the text a person could apply by hand. */
export interface Unfixed {
  finding: FindingKey;
  reason: string;
  /** The suggested configuration text (or command); null when there is none to give. */
  suggestion: string | null;
}

/** Not an edit of a config: a shell command to run where the file lives (secrets-file permissions). */
export interface FixCommand {
  finding: FindingKey;
  /** e.g. `chmod 600 etc/rsyncd.secrets`; the path as the report shows it, shell-quoted when needed. */
  command: string;
  summary: string;
}

/** What the planner proposes for one target. */
export interface FixPlan {
  candidates: FixCandidate[];
  unfixed: Unfixed[];
  commands: FixCommand[];
}

/** A candidate that passed verification, as every format renders it. */
export interface VerifiedFix extends FixCandidate {
  rule_ids: string[];
  /**
   * Set on a follow-up: a fix of findings the scan never reported, which other accepted fixes raise (RSYNC-004's
   * `hosts deny = *` makes a listed module restricted: RSYNC-005). The rule ids of the fixes that raise them;
   * every format says so, and SARIF carries its edits with those fixes (no result of the scan names it).
   */
  follows?: string[];
}

/** Why a candidate was not proposed after all. */
export interface RejectedFix {
  candidate: FixCandidate;
  reason: string;
}

/** The fix stage's result for one target. */
export interface TargetFixes {
  target: string;
  verified: VerifiedFix[];
  rejected: RejectedFix[];
  unfixed: Unfixed[];
  commands: FixCommand[];
  /** Per file (display path): its text before and after every verified fix of the target. */
  files: { file: string; before: string; after: string }[];
}

export function findingKey(f: Finding): FindingKey {
  return { rule_id: f.rule_id, target: f.target, module: f.module, path: f.path, ...(f.cves ? { cves: f.cves } : {}) };
}

export function sameFinding(a: FindingKey, b: FindingKey): boolean {
  return a.rule_id === b.rule_id && a.target === b.target && a.module === b.module && a.path === b.path && (a.cves ?? []).join(',') === (b.cves ?? []).join(',');
}
