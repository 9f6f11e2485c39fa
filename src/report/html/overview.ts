/**
 * The top of a report: counts, new/fixed against a baseline, targets × severity (for a fleet a heat map of
 * hosts by group, and groups × severity), and the trend chart when the run kept a history.
 */
import { baselineCaveats } from '../baseline-render.ts';
import type { Report } from '../model.ts';
import { hiddenLine } from '../text.ts';
import type { TrendReport } from '../trend-model.ts';
import { html, join, type Markup } from './markup.ts';
import { badge, cards, type Fleet, plural, SEVERITIES, type Severity, worst, zeroCounts } from './parts.ts';
import { runsTable, trendChart } from './trend-chart.ts';
import { shownName } from '../shown-name.ts';

export interface Counted {
  /** The target's anchor id in the drill-down. */
  id: string;
  target: string;
  host: string;
  group: string;
  counts: Record<Severity, number>;
  waived: number;
}

export function countTargets(report: Report, fleet: Fleet | null): Counted[] {
  return report.targets.map((t, i) => {
    const counts = zeroCounts();
    for (const f of t.findings) counts[f.severity]++;
    return { id: `t${i}`, target: shownName(t), host: fleet ? fleet.hostOf(t.target) : shownName(t), group: fleet ? fleet.groupOf(t.target) : '', counts, waived: t.waived.length };
  });
}

function summaryCards(report: Report, rows: readonly Counted[]): Markup {
  const total = rows.reduce((n, r) => n + SEVERITIES.reduce((m, s) => m + r.counts[s], 0), 0);
  const by = (s: Severity) => rows.reduce((n, r) => n + r.counts[s], 0);
  const b = report.baseline;
  return html`<section aria-labelledby="counts-h"><h2 id="counts-h">Overview</h2>${cards([
    { label: 'findings', value: total },
    ...SEVERITIES.map((s) => ({ label: s, value: by(s), cls: `count-${s}` })),
    { label: 'targets evaluated', value: report.targets.length },
    { label: 'not evaluated', value: report.errors.length, cls: report.errors.length > 0 ? 'error' : '' },
    { label: 'waived', value: rows.reduce((n, r) => n + r.waived, 0) },
  ])}${
    // --severity: the counts above are of the severities shown only; the page says so where they are.
    report.severity_filter ? html`<p class="error severity-filter">${hiddenLine(report.severity_filter)} The counts are of the findings shown.</p>` : ''
  }${
    b
      ? html`<h3>Against the baseline</h3><p class="muted">Compared with ${b.source} by logical identity (rule, target, file, module, parameter), never by line.</p>${cards([
          { label: 'new', value: b.counts.new, cls: 'baseline-new' },
          { label: 'updated', value: b.counts.updated, cls: 'baseline-updated' },
          { label: 'unchanged', value: b.counts.unchanged, cls: 'baseline-unchanged' },
          { label: 'fixed (absent)', value: b.counts.absent, cls: 'baseline-absent' },
        ])}${
          (b.not_evaluated ?? 0) > 0
            ? html`<p class="error">${plural(b.not_evaluated ?? 0, 'finding')} of the baseline not judged: ${(b.not_evaluated ?? 0) === 1 ? 'its target was' : 'their targets were'} not evaluated this run (not fixed, not matched).</p>`
            : ''
        }${baselineCaveats(b).map((line) => html`<p class="error">${line}</p>`)}`
      : ''
  }</section>`;
}

const countCells = (c: Record<Severity, number>) => SEVERITIES.map((s) => html`<td class="num">${c[s]}</td>`);
const sevHead = SEVERITIES.map((s) => html`<th scope="col" class="num">${s}</th>`);

/** One row per target, and one per target not evaluated: none is left out or shown as clean. */
function targetsTable(report: Report, rows: readonly Counted[]): Markup {
  return html`<table class="targets"><caption>Findings by target and severity</caption><thead><tr><th scope="col">target</th>${sevHead}<th scope="col" class="num">waived</th></tr></thead><tbody>${join(
    rows.map((r) => html`<tr><th scope="row"><a href="#${r.id}">${r.target}</a></th>${countCells(r.counts)}<td class="num">${r.waived}</td></tr>`),
  )}${join(report.errors.map((e) => html`<tr class="not-evaluated"><th scope="row">${shownName(e)}</th><td colspan="5" class="error">not evaluated: ${e.message}</td></tr>`))}</tbody></table>`;
}

/** Hosts by group: one square per host, coloured by its worst finding; grey for a host not evaluated. */
function heatMap(report: Report, rows: readonly Counted[], fleet: Fleet): Markup {
  const groups = new Map<string, { cells: Markup[]; counts: Record<Severity, number>; hosts: Set<string>; failed: number }>();
  const entry = (g: string) => {
    const e = groups.get(g) ?? { cells: [], counts: zeroCounts(), hosts: new Set<string>(), failed: 0 };
    groups.set(g, e);
    return e;
  };
  for (const r of rows) {
    const e = entry(r.group);
    e.hosts.add(r.host);
    for (const s of SEVERITIES) e.counts[s] += r.counts[s];
    const w = worst(r.counts);
    const said = `${r.host}${r.target !== r.host ? ` (${r.target})` : ''}: ${SEVERITIES.map((s) => `${r.counts[s]} ${s}`).join(', ')}`;
    e.cells.push(html`<li class="sev-${w}"><a href="#${r.id}" title="${said}" aria-label="${said}"></a></li>`);
  }
  for (const err of report.errors) {
    const e = entry(fleet.groupOf(err.target));
    e.failed++;
    const said = `${fleet.hostOf(err.target)}: not evaluated: ${err.message}`;
    e.cells.push(html`<li class="sev-error" title="${said}" aria-label="${said}"></li>`);
  }
  const names = [...groups.keys()].sort((a, b) => a.localeCompare(b));
  const maps = names.map((g) => {
    const e = groups.get(g);
    return e ? html`<h3>${g}</h3><ul class="heat" aria-label="hosts of group ${g}">${join(e.cells)}</ul>` : '';
  });
  const table = html`<table class="groups"><caption>Findings by group and severity</caption><thead><tr><th scope="col">group</th><th scope="col" class="num">hosts</th>${sevHead}<th scope="col" class="num">not evaluated</th></tr></thead><tbody>${names.map(
    (g) => {
      const e = groups.get(g);
      return e ? html`<tr><th scope="row">${g}</th><td class="num">${e.hosts.size}</td>${countCells(e.counts)}<td class="num">${e.failed}</td></tr>` : '';
    },
  )}</tbody></table>`;
  const legend = html`<p class="legend">Each square is a target, coloured by its worst finding: ${SEVERITIES.map((s) => html`${badge(s)} `)}<span class="sev sev-none">none</span> <span class="sev sev-error">not evaluated</span></p>`;
  return html`<section aria-labelledby="heat-h"><h2 id="heat-h">Hosts by group</h2>${legend}${maps}${table}</section>`;
}

export function overview(report: Report, rows: readonly Counted[], fleet: Fleet | null, trend: TrendReport | undefined): Markup {
  const detail = fleet ? heatMap(report, rows, fleet) : html`<section aria-labelledby="targets-h"><h2 id="targets-h">Targets</h2>${targetsTable(report, rows)}</section>`;
  const history = trend
    ? html`<section aria-labelledby="trend-h"><h2 id="trend-h">Trend</h2><p class="muted">${plural(trend.runs.length, 'sweep')} in the history, including this one.</p>${trendChart(trend.runs)}${runsTable(trend.runs)}</section>`
    : '';
  return html`${summaryCards(report, rows)}${detail}${history}`;
}
