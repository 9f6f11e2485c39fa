/**
 * `rsyncguard trend DIR --format html`: the fleet's history as one page — the chart and the sweeps, hosts
 * (with "unreachable for N sweeps"), rules, and every finding identity per host with first seen, fixed,
 * regressions and open days, filtered like a report's findings (severity, rule, group, host).
 */
import type { TrendReport } from '../trend-model.ts';
import { html, join } from './markup.ts';
import { page } from './page.ts';
import { badge, cards, distinct, filterForm, plural, SEVERITIES, severityRank, sortableHead } from './parts.ts';
import { runsTable, trendChart } from './trend-chart.ts';

const day = (at: string | null) => (at === null ? '' : at.slice(0, 10));

export function toTrendHtml(trend: TrendReport): string {
  const last = trend.runs[trend.runs.length - 1];
  const rows = trend.hosts.flatMap((h) => h.findings.map((f) => ({ h, f })));
  const open = rows.filter((r) => r.f.state !== 'fixed').length;
  const unreachableNow = trend.hosts.filter((h) => h.unreachable_runs > 0).length;
  const hostRows = trend.hosts.map((h) => {
    const streak = h.unreachable_runs > 0 ? `unreachable for ${plural(h.unreachable_runs, 'sweep')}` : '';
    const by = (s: string) => h.findings.filter((f) => f.state === s).length;
    return html`<tr><th scope="row">${h.host}</th><td>${h.group}</td><td${h.status !== 'ok' ? html` class="error"` : ''}>${h.status}</td><td data-sort="${h.unreachable_runs}">${streak}</td><td>${day(h.last_ok)}</td><td class="num">${by('open') + by('regressed')}</td><td class="num">${by('fixed')}</td><td class="num">${h.findings.reduce((n, f) => n + f.regressions, 0)}</td></tr>`;
  });
  const ruleRows = trend.rules.map(
    (r) => html`<tr><th scope="row">${r.rule_id}</th><td data-sort="${severityRank(r.severity)}">${badge(r.severity)}</td><td class="num">${r.open}</td><td class="num">${r.fixed}</td><td class="num">${r.regressed}</td></tr>`,
  );
  const findingRows = rows.map(
    ({ h, f }) =>
      html`<tr data-severity="${f.severity}" data-rule="${f.rule_id}" data-group="${h.group}" data-host="${h.host}" data-state="${f.state}"${f.waived === true ? html` data-waived="true"` : ''}><td data-sort="${severityRank(f.severity)}">${badge(f.severity)}</td><td>${f.rule_id}</td><td>${f.message}</td><td>${h.host}</td><td>${h.group}</td><td>${f.module ?? ''}</td><td>${f.state}${f.waived === true ? ' (waived)' : ''}</td><td>${day(f.first_seen)}</td><td>${day(f.fixed_at)}</td><td class="num">${f.open_days}</td><td class="num">${f.regressions}</td></tr>`,
  );
  const filters = [
    { key: 'severity', label: 'Severity', values: SEVERITIES.filter((s) => rows.some((r) => r.f.severity === s)) },
    { key: 'rule', label: 'Rule', values: distinct(rows.map((r) => r.f.rule_id)) },
    { key: 'group', label: 'Group', values: distinct(rows.map((r) => r.h.group)) },
    { key: 'host', label: 'Host', values: distinct(rows.map((r) => r.h.host)) },
    { key: 'state', label: 'State', values: distinct(rows.map((r) => r.f.state)) },
  ];
  const body = html`<header><h1>rsyncguard fleet trend</h1><p class="muted">${trend.tool.name} ${trend.tool.version} · ${plural(trend.runs.length, 'sweep')}${last ? ` · last ${last.at}` : ''}</p></header><main><section aria-labelledby="counts-h"><h2 id="counts-h">Overview</h2>${cards(
    [
      { label: 'sweeps', value: trend.runs.length },
      { label: 'hosts', value: trend.hosts.length },
      { label: 'unreachable in the last sweep', value: unreachableNow, cls: unreachableNow > 0 ? 'error' : '' },
      { label: 'open findings', value: open },
      // Still on the hosts: open, never fixed.
      { label: 'of them waived', value: rows.filter((r) => r.f.waived === true).length },
      { label: 'fixed', value: rows.length - open },
      { label: 'regressed', value: rows.filter((r) => r.f.state === 'regressed').length },
    ],
  )}</section><section aria-labelledby="trend-h"><h2 id="trend-h">Trend</h2>${trendChart(trend.runs)}${runsTable(trend.runs)}</section><section aria-labelledby="hosts-h"><h2 id="hosts-h">Hosts</h2><table class="sortable hosts"><caption>Hosts (${trend.hosts.length}) in the last sweep that listed them</caption>${sortableHead(
    [{ label: 'host' }, { label: 'group' }, { label: 'status' }, { label: 'unreachable', numeric: true }, { label: 'last swept' }, { label: 'open', numeric: true }, { label: 'fixed', numeric: true }, { label: 'regressions', numeric: true }],
  )}<tbody>${join(hostRows)}</tbody></table></section><section aria-labelledby="rules-h"><h2 id="rules-h">Rules</h2><table class="sortable rules"><caption>Rules (${trend.rules.length}): hosts where each is open, fixed, regressed</caption>${sortableHead(
    [{ label: 'rule' }, { label: 'severity', numeric: true }, { label: 'open', numeric: true }, { label: 'fixed', numeric: true }, { label: 'regressed', numeric: true }],
  )}<tbody>${join(ruleRows)}</tbody></table></section><section aria-labelledby="findings-h"><h2 id="findings-h">Findings over time</h2>${
    rows.length > 0
      ? html`${filterForm(filters, false, rows.length)}<table id="findings" class="sortable findings"><caption>Each finding per host (${rows.length}): first seen, fixed, open days</caption>${sortableHead([
          { label: 'severity', numeric: true },
          { label: 'rule' },
          { label: 'finding' },
          { label: 'host' },
          { label: 'group' },
          { label: 'module' },
          { label: 'state' },
          { label: 'first seen' },
          { label: 'fixed' },
          { label: 'open days', numeric: true },
          { label: 'regressions', numeric: true },
        ])}<tbody>${join(findingRows)}</tbody></table>`
      : html`<p>No findings in the history.</p>`
  }</section></main>`;
  return page('rsyncguard fleet trend', body);
}
