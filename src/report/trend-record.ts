/**
 * One line of a `sweep --history DIR` file: what one sweep knew of one host. Only what the trend needs is
 * kept — the finding's identity (its fingerprint), rule, severity, module, facts path and message — never
 * facts, config text or collector output, so a history directory holds nothing a report would not print.
 */
import { isObject } from '../common/index.ts';
import { SEVERITIES, type Finding, type Severity } from '../engine/index.ts';
import type { Report } from './model.ts';
import { reportFingerprints } from './baseline-identity.ts';

export interface HistoryFinding {
  fingerprint: string;
  rule_id: string;
  severity: Severity;
  module: string | null;
  path: string;
  message: string;
  /**
   * Present (true) only for a finding a waiver covers: still on the host, not reported. Kept so the trend
   * never reads a waiver as a fix, nor its expiry as a regression (--baseline counts it the same way).
   */
  waived?: true;
}

export interface HistoryRecord {
  /** ISO 8601 UTC start of the sweep; every line of one file has the same. */
  at: string;
  host: string;
  group: string;
  /**
   * 'ok' when every target of the host was evaluated; the sweep's status ('unreachable', 'timeout', …) when
   * it could not be swept; 'not-evaluated' when it was swept but a target could not be evaluated. Only an
   * 'ok' line says that a finding it does not list is gone.
   */
  status: string;
  reason: string;
  findings: HistoryFinding[];
}

/** What the sweep says of one host, whatever became of its documents. */
export interface SweptHost {
  host: string;
  group: string;
  status: string;
  reason: string;
}

/** A swept host some of whose targets could not be evaluated: its findings are known to be incomplete. */
export const NOT_EVALUATED = 'not-evaluated';

/**
 * The history lines of one sweep, one per swept host in the order given. Fingerprints are the report's own
 * (the ones SARIF's partialFingerprints, JSON and --baseline use), so a line's finding is the alert the
 * SARIF report shows for it.
 */
export function historyRecords(report: Report, hosts: readonly SweptHost[], hostOf: (target: string) => string, at: string): HistoryRecord[] {
  // The one computation SARIF, the JSON report and --baseline share.
  const prints = reportFingerprints(report);
  const findingsOf = new Map<string, { f: Finding; waived: boolean }[]>();
  for (const t of report.targets) {
    const h = hostOf(t.target);
    const list = findingsOf.get(h) ?? [];
    // A loop, not push(...): a host's findings may be many.
    for (const f of t.findings) list.push({ f, waived: false });
    for (const w of t.waived) list.push({ f: w.finding, waived: true });
    findingsOf.set(h, list);
  }
  const errorsOf = new Map<string, string[]>();
  for (const e of report.errors) {
    const h = hostOf(e.target);
    errorsOf.set(h, [...(errorsOf.get(h) ?? []), e.message]);
  }
  return hosts.map((h) => {
    const base = { at, host: h.host, group: h.group };
    if (h.status !== 'ok') return { ...base, status: h.status, reason: h.reason, findings: [] };
    const findings: HistoryFinding[] = (findingsOf.get(h.host) ?? []).map(({ f, waived }) => ({
      fingerprint: prints.get(f) ?? '',
      rule_id: f.rule_id,
      severity: f.severity,
      module: f.module,
      path: f.path,
      message: f.message,
      ...(waived ? { waived: true as const } : {}),
    }));
    const errors = errorsOf.get(h.host);
    return errors === undefined ? { ...base, status: 'ok', reason: h.reason, findings } : { ...base, status: NOT_EVALUATED, reason: errors.join('; '), findings };
  });
}

const isSeverity = (v: unknown): v is Severity => typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** An ISO 8601 UTC instant as `at` is written (Date#toISOString), which also sorts as text. */
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

function parseFinding(v: unknown): HistoryFinding | string {
  if (!isObject(v)) return 'a finding is not an object';
  const { fingerprint, rule_id, severity, module, path, message, waived } = v;
  if (!nonEmpty(fingerprint) || !nonEmpty(rule_id)) return 'a finding has no fingerprint or rule_id';
  if (!isSeverity(severity)) return `finding ${rule_id}: severity ${JSON.stringify(severity)} is not one of ${SEVERITIES.join(', ')}`;
  if (module !== null && typeof module !== 'string') return `finding ${rule_id}: module is neither a string nor null`;
  if (typeof path !== 'string' || typeof message !== 'string') return `finding ${rule_id}: path or message is not a string`;
  if (waived !== undefined && typeof waived !== 'boolean') return `finding ${rule_id}: waived is not true or false`;
  return { fingerprint, rule_id, severity, module, path, message, ...(waived === true ? { waived } : {}) };
}

/** One parsed line, validated, or why it is not a history line. */
export function parseHistoryRecord(v: unknown): HistoryRecord | string {
  if (!isObject(v)) return 'not a history line (an object)';
  const { at, host, group, status, reason, findings } = v;
  if (typeof at !== 'string' || !AT.test(at) || Number.isNaN(Date.parse(at))) return 'no valid "at" (an ISO 8601 UTC time)';
  if (!nonEmpty(host) || typeof group !== 'string' || !nonEmpty(status) || typeof reason !== 'string') return 'not a history line (host, group, status, reason)';
  if (!Array.isArray(findings)) return `host ${host}: findings is not a list`;
  const parsed: HistoryFinding[] = [];
  for (const f of findings) {
    const p = parseFinding(f);
    if (typeof p === 'string') return `host ${host}: ${p}`;
    parsed.push(p);
  }
  return { at, host, group, status, reason, findings: parsed };
}
