/** Pieces every HTML page uses: severity badges, sortable table heads, the filter form, count cards. */
import { SEVERITIES, type Severity, severityRank } from '../../engine/index.ts';
import { html, join, type Markup, type Part } from './markup.ts';

export { SEVERITIES, severityRank };
export type { Severity };

/** A sweep's report: which host and which inventory group each target belongs to. */
export interface Fleet {
  hostOf: (target: string) => string;
  groupOf: (target: string) => string;
}

export function badge(s: Severity): Markup {
  return html`<span class="sev sev-${s}">${s}</span>`;
}

/** The worst severity among counts, `none` when all are zero. */
export function worst(counts: Readonly<Record<string, number>>): Severity | 'none' {
  return SEVERITIES.find((s) => (counts[s] ?? 0) > 0) ?? 'none';
}

export function zeroCounts(): Record<Severity, number> {
  return { critical: 0, high: 0, medium: 0, low: 0 };
}

export interface Column {
  label: string;
  /** Sorted as numbers (counts, ranks in data-sort). */
  numeric?: boolean;
  /** Not a sort key (free text). */
  plain?: boolean;
}

/** A head row whose cells are scoped column headers, each (unless plain) a button that sorts the table. */
export function sortableHead(columns: readonly Column[]): Markup {
  return html`<thead><tr>${columns.map((c) => (c.plain ? html`<th scope="col">${c.label}</th>` : html`<th scope="col"${c.numeric ? html` class="num"` : ''}><button type="button">${c.label}</button></th>`))}</tr></thead>`;
}

export interface Filter {
  /** The row attribute it compares (`data-<key>`). */
  key: string;
  label: string;
  values: readonly string[];
}

/**
 * The filter form of the page's one filtered table (#findings): a labelled select per filter, the
 * "new only" box when there is a baseline, and a live count. Hidden until the script shows it.
 */
export function filterForm(filters: readonly Filter[], newOnly: boolean, total: number): Markup {
  const select = (f: Filter) => html`<label>${f.label}<select data-filter="${f.key}" name="${f.key}"><option value="">all</option>${f.values.map((v) => html`<option value="${v}">${v}</option>`)}</select></label>`;
  return html`<form id="filters" class="filters" hidden aria-controls="findings">${filters.map(select)}${
    newOnly ? html`<label class="check"><input type="checkbox" name="new-only"> new and updated only</label>` : ''
  }<output id="shown" aria-live="polite">${total} of ${total} findings shown</output></form>`;
}

/** Distinct values, sorted, for a filter's options. */
export function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

export function cards(items: readonly { label: string; value: Part; cls?: string }[]): Markup {
  return html`<ul class="cards">${items.map((i) => html`<li${i.cls ? html` class="${i.cls}"` : ''}><b>${i.value}</b>${i.label}</li>`)}</ul>`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export { join };
