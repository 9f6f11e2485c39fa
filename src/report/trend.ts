/**
 * The fleet's history folded into a trend (issue 17 §2): per host and per rule, when each finding was first
 * seen, when it was fixed, how often it came back, how long it has been open, and how many sweeps in a row
 * a host could not be swept. Pure: the only clock is the runs' own `at` times, so the arithmetic is the same
 * whenever it is computed.
 *
 * What a sweep proves: a finding a line lists is there. That a finding is gone is proved only by an 'ok'
 * line (every target of the host evaluated); a host that could not be swept or evaluated, or a run that does
 * not list the host, changes nothing but the host's streak — an unreachable host's findings stay open. A
 * waived finding a line lists (`waived: true`) is there too: open and marked waived, so neither the waiver
 * nor its expiry reads as a fix or a regression — as --baseline counts it (unchanged, never fixed).
 */
import { severityRank, type Severity } from '../engine/index.ts';
import type { HistoryRecord } from './trend-record.ts';
import type { TrendFinding, TrendHost, TrendReport, TrendRule, TrendRun } from './trend-model.ts';

/** One history file: its name and its lines. */
export interface HistoryRun {
  file: string;
  at: string;
  records: HistoryRecord[];
}

interface Tracked {
  rule_id: string;
  severity: Severity;
  module: string | null;
  message: string;
  first_seen: string;
  last_seen: string;
  fixed_at: string | null;
  regressions: number;
  present: boolean;
  /** Waived in the last line that listed it: still there (a waiver is not a fix). */
  waived: boolean;
}

interface HostState {
  group: string;
  status: string;
  streak: number;
  last_ok: string | null;
  last_listed: string;
  findings: Map<string, Tracked>;
}

const DAY_MS = 86_400_000;

/** Whole and tenth days between two `at` times (a sweep every few hours shows 0.3, not 0). */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round(((Date.parse(to) - Date.parse(from)) / DAY_MS) * 10) / 10);
}

/**
 * History file names order as their runs started: `…05Z.jsonl` before `…05Z-2.jsonl` before `…05Z-10.jsonl`
 * (a collision's number compares as a number).
 */
export function compareRunFiles(a: string, b: string): number {
  const key = (f: string): [string, number] => {
    const m = /^(.*?)(?:-(\d+))?\.jsonl$/.exec(f);
    return m ? [m[1] ?? f, Number(m[2] ?? 1)] : [f, 0];
  };
  const [ba, na] = key(a);
  const [bb, nb] = key(b);
  return ba < bb ? -1 : ba > bb ? 1 : na - nb;
}

function byTime(a: HistoryRun, b: HistoryRun): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : compareRunFiles(a.file, b.file);
}

function runSummary(run: HistoryRun): TrendRun {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  let evaluated = 0;
  let waived = 0;
  for (const r of run.records) {
    if (r.status === 'ok') evaluated++;
    for (const f of r.findings) {
      if (f.waived === true) waived++;
      else counts[f.severity]++;
    }
  }
  return { at: run.at, file: run.file, hosts: run.records.length, evaluated, unreachable: run.records.length - evaluated, counts, waived };
}

/** One run's line for one host folded into what is known of the host. */
function fold(state: HostState, rec: HistoryRecord, at: string): void {
  state.group = rec.group;
  state.status = rec.status;
  state.last_listed = at;
  if (rec.status === 'ok') {
    state.streak = 0;
    state.last_ok = at;
  } else state.streak++;
  const seen = new Set<string>();
  for (const f of rec.findings) {
    seen.add(f.fingerprint);
    const t = state.findings.get(f.fingerprint);
    if (t === undefined) {
      state.findings.set(f.fingerprint, { rule_id: f.rule_id, severity: f.severity, module: f.module, message: f.message, first_seen: at, last_seen: at, fixed_at: null, regressions: 0, present: true, waived: f.waived === true });
      continue;
    }
    if (!t.present) {
      t.regressions++;
      t.fixed_at = null;
      t.present = true;
    }
    Object.assign(t, { rule_id: f.rule_id, severity: f.severity, module: f.module, message: f.message, last_seen: at, waived: f.waived === true });
  }
  if (rec.status !== 'ok') return;
  for (const [fingerprint, t] of state.findings) {
    if (t.present && !seen.has(fingerprint)) {
      t.present = false;
      t.fixed_at = at;
    }
  }
}

function hostFindings(state: HostState): TrendFinding[] {
  const out: TrendFinding[] = [];
  for (const [fingerprint, t] of state.findings) {
    const shown = !t.present ? 'fixed' : t.regressions > 0 ? 'regressed' : 'open';
    out.push({
      rule_id: t.rule_id,
      severity: t.severity,
      module: t.module,
      fingerprint,
      message: t.message,
      first_seen: t.first_seen,
      last_seen: t.last_seen,
      fixed_at: t.fixed_at,
      regressions: t.regressions,
      state: shown,
      waived: t.present && t.waived,
      open_days: daysBetween(t.first_seen, t.fixed_at ?? state.last_listed),
    });
  }
  const order = { regressed: 0, open: 1, fixed: 2 } as const;
  return out.sort((a, b) => order[a.state] - order[b.state] || severityRank(b.severity) - severityRank(a.severity) || a.rule_id.localeCompare(b.rule_id) || a.fingerprint.localeCompare(b.fingerprint));
}

/**
 * Per rule, counted in hosts: `open` where a finding of it is there in the host's last known state
 * (`regressed` those among them where one came back after a fix), `fixed` where it was seen and every
 * finding of it is gone now.
 */
function ruleSummaries(hosts: TrendHost[]): TrendRule[] {
  const rules = new Map<string, TrendRule>();
  for (const h of hosts) {
    const perRule = new Map<string, TrendFinding[]>();
    for (const f of h.findings) perRule.set(f.rule_id, [...(perRule.get(f.rule_id) ?? []), f]);
    for (const [id, fs] of perRule) {
      const r = rules.get(id) ?? { rule_id: id, severity: fs[0]?.severity ?? 'low', open: 0, fixed: 0, regressed: 0, waived: 0 };
      for (const f of fs) if (severityRank(f.severity) > severityRank(r.severity)) r.severity = f.severity;
      const open = fs.filter((f) => f.state !== 'fixed');
      if (open.length > 0) r.open++;
      else r.fixed++;
      if (open.length > 0 && open.every((f) => f.waived === true)) r.waived = (r.waived ?? 0) + 1;
      if (fs.some((f) => f.state === 'regressed')) r.regressed++;
      rules.set(id, r);
    }
  }
  return [...rules.values()].sort((a, b) => b.open - a.open || severityRank(b.severity) - severityRank(a.severity) || a.rule_id.localeCompare(b.rule_id));
}

/**
 * Folds runs in, one at a time and in time order, keeping only what the trend needs (a fleet's history of
 * thousands of hosts over months is read file by file, never held whole).
 */
export function trendBuilder(version: string): { add(run: HistoryRun): void; finish(): TrendReport } {
  const states = new Map<string, HostState>();
  const runs: TrendRun[] = [];
  return {
    add(run) {
      runs.push(runSummary(run));
      // A host listed twice in one run (a hand-edited file): its last line is what the run says of it.
      const lines = new Map(run.records.map((r) => [r.host, r]));
      for (const [host, rec] of lines) {
        const s = states.get(host) ?? { group: rec.group, status: rec.status, streak: 0, last_ok: null, last_listed: run.at, findings: new Map() };
        fold(s, rec, run.at);
        states.set(host, s);
      }
    },
    finish() {
      const hosts: TrendHost[] = [...states].sort(([a], [b]) => a.localeCompare(b)).map(([host, s]) => ({ host, group: s.group, status: s.status, unreachable_runs: s.streak, last_ok: s.last_ok, findings: hostFindings(s) }));
      return { tool: { name: 'rsyncguard', version }, runs, hosts, rules: ruleSummaries(hosts) };
    },
  };
}

/** The trend of `runs`, in any order: sorted by their `at`, then by file name. */
export function computeTrend(runs: readonly HistoryRun[], version: string): TrendReport {
  const b = trendBuilder(version);
  for (const r of [...runs].sort(byTime)) b.add(r);
  return b.finish();
}
