/**
 * The findings table: every finding one row (JSON counts them one by one, so does this table), sortable
 * by any column and filtered in the page by severity, rule, group, host and "new only". The values the
 * filters compare are data attributes on the rows.
 */
import type { Finding } from '../../engine/index.ts';
import type { Report, TargetReport } from '../model.ts';
import { html, join, type Markup } from './markup.ts';
import { badge, distinct, type Fleet, filterForm, type Filter, SEVERITIES, severityRank, sortableHead } from './parts.ts';
import { shownName } from '../shown-name.ts';

export interface Item {
  f: Finding;
  t: TargetReport;
  /** Anchor of the finding in the drill-down. */
  id: string;
  host: string;
  group: string;
}

export function itemsOf(report: Report, fleet: Fleet | null): Item[] {
  const out: Item[] = [];
  report.targets.forEach((t, ti) => {
    const host = fleet ? fleet.hostOf(t.target) : shownName(t);
    const group = fleet ? fleet.groupOf(t.target) : '';
    t.findings.forEach((f, fi) => {
      out.push({ f, t, id: `t${ti}-f${fi}`, host, group });
    });
  });
  // Worst first, in target order among equals (the sort is stable); a column heading sorts otherwise.
  return out.sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity));
}

/** Where in the target: the line alone when the target is that file (a repository scan). */
function where(f: Finding): string {
  if (!f.location) return f.path;
  return f.location.file === f.target ? `line ${f.location.line}` : `${f.location.file}:${f.location.line}`;
}

export function findingsTable(report: Report, items: readonly Item[], fleet: Fleet | null): Markup {
  if (items.length === 0) return html`<section aria-labelledby="findings-h"><h2 id="findings-h">Findings</h2><p>No findings${report.errors.length > 0 ? ' in the targets that were evaluated' : ''}.</p></section>`;
  const baseline = report.baseline !== undefined;
  const filters: Filter[] = [
    { key: 'severity', label: 'Severity', values: SEVERITIES.filter((s) => items.some((i) => i.f.severity === s)) },
    { key: 'rule', label: 'Rule', values: distinct(items.map((i) => i.f.rule_id)) },
    ...(fleet ? [{ key: 'group', label: 'Group', values: distinct(items.map((i) => i.group)) }] : []),
    { key: 'host', label: fleet ? 'Host' : 'Target', values: distinct(items.map((i) => i.host)) },
  ];
  const head = sortableHead([
    { label: 'severity', numeric: true },
    { label: 'rule' },
    { label: 'finding' },
    { label: fleet ? 'host' : 'target' },
    ...(fleet ? [{ label: 'group' }] : []),
    { label: 'module' },
    { label: 'where' },
    ...(baseline ? [{ label: 'baseline' }] : []),
  ]);
  const rows = items.map((i) => {
    const state = i.f.baseline_state;
    return html`<tr data-severity="${i.f.severity}" data-rule="${i.f.rule_id}" data-group="${i.group}" data-host="${i.host}" data-state="${state ?? ''}"><td data-sort="${severityRank(i.f.severity)}">${badge(i.f.severity)}</td><td>${i.f.rule_id}</td><td><a href="#${i.id}">${i.f.message}</a></td><td>${i.host}</td>${fleet ? html`<td>${i.group}</td>` : ''}<td>${i.f.module ?? ''}</td><td>${where(i.f)}</td>${baseline ? html`<td>${state ? html`<span class="state state-${state}">${state}</span>` : ''}</td>` : ''}</tr>`;
  });
  return html`<section aria-labelledby="findings-h"><h2 id="findings-h">Findings</h2>${filterForm(filters, baseline, items.length)}<div class="scroll"><table id="findings" class="sortable findings"><caption>Findings (${items.length}); sort by a column heading, filter with the controls above</caption>${head}<tbody>${join(rows)}</tbody></table></div></section>`;
}

/** Findings in the baseline that this run no longer has. */
export function absentTable(report: Report): Markup {
  const absent = report.baseline?.absent ?? [];
  if (absent.length === 0) return html``;
  const head = sortableHead([{ label: 'severity', numeric: true }, { label: 'rule' }, { label: 'finding' }, { label: 'target' }, { label: 'module' }]);
  const rows = absent.map((a) => html`<tr><td data-sort="${severityRank(a.severity)}">${badge(a.severity)}</td><td>${a.rule_id}</td><td>${a.message}</td><td>${a.target}</td><td>${a.module ?? ''}</td></tr>`);
  return html`<section aria-labelledby="absent-h"><h2 id="absent-h">Fixed since the baseline</h2><table class="sortable absent"><caption>In the baseline, gone now (${absent.length})</caption>${head}<tbody>${join(rows)}</tbody></table></section>`;
}
