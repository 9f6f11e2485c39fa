/**
 * `--format html`: the report as one self-contained page — overview, the findings table, the drill-down per
 * target, the targets not evaluated, and what the waiver and public declarations said. The same model as
 * every other format: counts here are countBySeverity's, nothing is re-derived.
 */
import { unusedPublicLines, unusedWaiverLines } from '../declared-public.ts';
import type { ComplianceSection } from '../compliance.ts';
import type { Report } from '../model.ts';
import type { TrendReport } from '../trend-model.ts';
import { Excerpts } from './excerpt.ts';
import { absentTable, findingsTable, itemsOf } from './findings.ts';
import { html, type Markup } from './markup.ts';
import { countTargets, overview } from './overview.ts';
import { page } from './page.ts';
import type { Fleet } from './parts.ts';
import { notEvaluatedSection, targetsSection } from './targets.ts';

export interface HtmlContext {
  /** File texts by path or by `textKey(target, path)`, for the config excerpts. */
  texts: ReadonlyMap<string, string>;
  /** `sweep --history DIR`: the fleet's history including this run, for the trend chart. */
  trend?: TrendReport;
}

function waiverSections(report: Report): Markup {
  const expired = report.expired_waivers;
  const unused = unusedWaiverLines(report);
  const unusedPublic = unusedPublicLines(report);
  return html`${
    expired.length > 0
      ? html`<section aria-labelledby="expired-h"><h2 id="expired-h">Expired waivers (${expired.length})</h2><p>They no longer apply: their findings are reported above.</p><ul>${expired.map((w) => html`<li>${w.rule} (${w.source}) expired on ${w.expires ?? ''}: ${w.reason}</li>`)}</ul></section>`
      : ''
  }${unused.length > 0 ? html`<section aria-labelledby="unused-w-h"><h2 id="unused-w-h">Waivers that waive nothing (${unused.length})</h2><ul>${unused.map((u) => html`<li>${u.source}: ${u.message}</li>`)}</ul></section>` : ''}${
    unusedPublic.length > 0
      ? html`<section aria-labelledby="unused-p-h"><h2 id="unused-p-h">Public entries that declare nothing (${unusedPublic.length})</h2><ul>${unusedPublic.map((u) => html`<li>${u.source}: ${u.message}</li>`)}</ul></section>`
      : ''
  }`;
}

/** PATHs given to scan that held no config: an empty page must not read as a clean one. */
function emptyPathsSection(report: Report): Markup | '' {
  const empty = report.empty_paths ?? [];
  if (empty.length === 0) return '';
  return html`<section aria-labelledby="empty-h"><h2 id="empty-h" class="error">Nothing scanned (${empty.length})</h2><ul>${empty.map((e) => html`<li>${e.message}</li>`)}</ul></section>`;
}

const STATES = ['fail', 'waived', 'pass', 'not-applicable', 'not-evaluated'] as const;

/** --compliance: per control, how many targets fail, pass or were waived, and which fail. */
function complianceSectionHtml(c: ComplianceSection | undefined): Markup | '' {
  if (!c) return '';
  const rows = c.controls.map((k) => {
    const by = (s: string) => k.targets.filter((t) => t.state === s);
    return html`<tr><th scope="row">${k.id}</th><td>${k.title}</td>${STATES.map((s) => html`<td class="num">${by(s).length}</td>`)}<td>${by('fail')
      .map((t) => t.target)
      .join(', ')}</td></tr>`;
  });
  return html`<section aria-labelledby="compliance-h"><h2 id="compliance-h">Compliance: ${c.name}</h2><p>${c.summary.failing} of ${c.summary.controls} controls failing.</p><table class="compliance"><caption>Controls and the targets' states</caption><thead><tr><th scope="col">control</th><th scope="col">title</th>${STATES.map((s) => html`<th scope="col" class="num">${s}</th>`)}<th scope="col">failing targets</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** The whole page; `fleet` (a sweep) adds hosts and groups: the heat map, the group column and filter. */
export function toHtml(report: Report, ctx: HtmlContext, fleet: Fleet | null = null): string {
  const rows = countTargets(report, fleet);
  const items = itemsOf(report, fleet);
  const title = fleet ? 'rsyncguard fleet sweep' : 'rsyncguard report';
  const body = html`<header><h1>${title}</h1><p class="muted">${report.tool.name} ${report.tool.version} · ${report.targets.length} evaluated${report.errors.length > 0 ? html`, <strong class="error">${report.errors.length} not evaluated</strong>` : ''}</p></header><main>${overview(report, rows, fleet, ctx.trend)}${notEvaluatedSection(report, fleet)}${emptyPathsSection(report)}${findingsTable(report, items, fleet)}${absentTable(report)}${targetsSection(report, new Excerpts(ctx.texts), fleet)}${complianceSectionHtml(report.compliance)}${waiverSections(report)}</main>`;
  return page(title, body);
}
