/**
 * CSV (RFC 4180: CRLF line ends, a header row, fields with a comma, quote or line break quoted, quotes doubled)
 * for a spreadsheet: a fleet report has one row per host, a plain report one row per target. Cells are text
 * from hosts and files, so they are made safe to open: control characters are escaped as the text format
 * escapes them, and a cell a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage
 * return) is prefixed with an apostrophe (OWASP's advice on CSV injection).
 */
import { SEVERITIES, severityRank, type Finding } from '../engine/index.ts';
import { escapeControls } from './escape-controls.ts';
import { shownNotes, type Report } from './model.ts';
import type { SweptHost } from './trend-record.ts';
import { shownNames } from './shown-name.ts';

const FORMULA = /^[=+\-@\t\r]/;

/** One cell: a number as it is, text made inert and quoted when RFC 4180 requires. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = escapeControls(value);
  const safe = FORMULA.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');
}

/** The states a row reports: evaluated, or why not (a sweep's status, else not-evaluated). */
export const EVALUATED = 'evaluated';
export const NOT_EVALUATED = 'not-evaluated';

/** How many rules a row names, most findings first. */
export const TOP_RULES = 3;

interface Tally {
  counts: Record<Finding['severity'], number>;
  rules: Map<string, number>;
  errors: string[];
  notes: string[];
  evaluated: boolean;
}

const tally = (): Tally => ({ counts: { critical: 0, high: 0, medium: 0, low: 0 }, rules: new Map(), errors: [], notes: [], evaluated: false });

/** Rows keyed by `keyOf(target)`, in the order they first appear (targets, then the ones only errors name). */
function tallies(report: Report, keyOf: (target: string) => string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  const of = (target: string): Tally => {
    const key = keyOf(target);
    const t = out.get(key) ?? tally();
    out.set(key, t);
    return t;
  };
  for (const t of report.targets) {
    const row = of(t.target);
    row.evaluated = true;
    for (const f of t.findings) {
      row.counts[f.severity]++;
      row.rules.set(f.rule_id, (row.rules.get(f.rule_id) ?? 0) + 1);
    }
    for (const n of shownNotes(t)) row.notes.push(n.message);
  }
  for (const e of report.errors) of(e.target).errors.push(e.message);
  return out;
}

/** "RSYNC-048 (20); RSYNC-012 (17)": the rules that fire most, ties by id; with the worst severity first among equals. */
function topRules(row: Tally, severityOf: ReadonlyMap<string, Finding['severity']>): string {
  return [...row.rules]
    .sort(([a, m], [b, n]) => n - m || severityRank(severityOf.get(b) ?? 'low') - severityRank(severityOf.get(a) ?? 'low') || a.localeCompare(b))
    .slice(0, TOP_RULES)
    .map(([id, n]) => `${id} (${n})`)
    .join('; ');
}

const severities = (report: Report): Map<string, Finding['severity']> => new Map(report.rules.map((r) => [r.id, r.severity]));
/**
 * The four counts; empty cells, never a 0 a spreadsheet would read as "none of them", where nothing is
 * known: under --severity, a severity left out (a fleet filtered to critical is not a fleet with no high
 * findings); and every count of a row of which nothing was evaluated (a file that could not be read, a
 * host not reached).
 */
const counts = (row: Tally, filter: Report['severity_filter'], known: boolean): (number | string)[] => SEVERITIES.map((s) => (known && (filter === undefined || filter.severities.includes(s)) ? row.counts[s] : ''));

/** A plain report: one row per target. */
export function toCsv(report: Report): string {
  const kindOf = new Map(report.targets.map((t) => [t.target, t.kind]));
  const rules = severities(report);
  const rows: (string | number)[][] = [['target', 'kind', 'status', 'critical', 'high', 'medium', 'low', 'top_rules', 'notes', 'reason']];
  // The target column shows each as named (an image as typed, shown-name.ts).
  const shown = shownNames(report);
  for (const [target, row] of tallies(report, (t) => t)) {
    const status = row.errors.length > 0 ? NOT_EVALUATED : EVALUATED;
    rows.push([shown(target), kindOf.get(target) ?? '', status, ...counts(row, report.severity_filter, row.evaluated), topRules(row, rules), row.notes.join('; '), row.errors.join('; ')]);
  }
  // A PATH that held no config has a row too: a spreadsheet with nothing in it for a path must say why.
  for (const e of report.empty_paths ?? []) rows.push([e.path, 'path', NO_CONFIG, '', '', '', '', '', '', e.message]);
  return csv(rows);
}

/** What a fleet's CSV needs to know of each target beyond the report. */
export interface FleetCsvContext {
  hostOf: (target: string) => string;
  groupOf: (target: string) => string;
  /** Every host a sweep tried, read or not, and its status (unreachable, timeout, …), where the caller knows it. */
  swept?: readonly SweptHost[];
}

/** A host the sweep read that holds no rsync daemon configuration: nothing to evaluate, said rather than dropped. */
export const NO_CONFIG = 'no-config';

/** A fleet: one row per host, hosts in name order; with `swept`, every host swept, none left out. */
export function toFleetCsv(report: Report, ctx: FleetCsvContext): string {
  const groupOfHost = new Map<string, string>();
  for (const t of [...report.targets.map((x) => x.target), ...report.errors.map((e) => e.target)]) {
    const host = ctx.hostOf(t);
    if (!groupOfHost.has(host)) groupOfHost.set(host, ctx.groupOf(t));
  }
  const sweptOf = new Map((ctx.swept ?? []).map((h) => [h.host, h] as const));
  const rows = tallies(report, ctx.hostOf);
  for (const h of ctx.swept ?? []) if (!rows.has(h.host)) rows.set(h.host, tally());
  const rules = severities(report);
  const out: (string | number)[][] = [['host', 'group', 'status', 'critical', 'high', 'medium', 'low', 'top_rules', 'notes', 'reason']];
  for (const [host, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const swept = sweptOf.get(host);
    const status = statusOfRow(row, swept);
    const reasons = row.errors.length > 0 ? row.errors : status === NO_CONFIG ? ['no rsync daemon configuration found'] : swept?.reason ? [swept.reason] : [];
    // A host read that holds no configuration has none of any severity: its 0s are known.
    out.push([host, groupOfHost.get(host) ?? swept?.group ?? '', status, ...counts(row, report.severity_filter, row.evaluated || status === NO_CONFIG), topRules(row, rules), row.notes.join('; '), reasons.join('; ')]);
  }
  return csv(out);
}

/**
 * Evaluated; read but a target could not be evaluated (never shown as evaluated, whatever the sweep said); not
 * read (the sweep's status, where the input has it); or read and nothing to evaluate.
 */
function statusOfRow(row: Tally, swept: SweptHost | undefined): string {
  if (row.errors.length === 0 && row.evaluated) return EVALUATED;
  if (row.evaluated || swept === undefined) return NOT_EVALUATED;
  if (swept.status !== 'ok') return swept.status;
  return row.errors.length > 0 ? NOT_EVALUATED : NO_CONFIG;
}
