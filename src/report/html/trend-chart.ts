/**
 * The fleet over time as an inline SVG chart (findings per severity and unreachable hosts per sweep) and the
 * same figures as a table: the chart for the eye, the table for screen readers, print and exact numbers.
 */
import type { TrendRun } from '../trend-model.ts';
import { html, join, type Markup, raw } from './markup.ts';
import { SEVERITIES, sortableHead } from './parts.ts';

const W = 720;
const H = 240;
const PAD = { left: 44, right: 16, top: 16, bottom: 36 };
const COLOUR: Readonly<Record<string, string>> = { critical: '#b3261e', high: '#e0661b', medium: '#c99a06', low: '#2f6fb3', unreachable: '#5f6368' };

/** Day and time of a run, UTC, as short as a label needs. */
function label(at: string): string {
  return at.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, '$1 $2');
}

export function trendChart(runs: readonly TrendRun[]): Markup {
  if (runs.length === 0) return html`<p class="muted">No sweeps recorded yet.</p>`;
  const series = [...SEVERITIES.map((s) => ({ name: s as string, values: runs.map((r) => r.counts[s] ?? 0) })), { name: 'unreachable', values: runs.map((r) => r.unreachable) }];
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) => PAD.left + (runs.length === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (runs.length - 1));
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max);
  // Every coordinate is a number computed here: the SVG's geometry holds no text from the history.
  const lines = series.map((s) => {
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const dash = s.name === 'unreachable' ? ' stroke-dasharray="5 4"' : '';
    const dots = s.values.map((v, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${COLOUR[s.name]}"/>`).join('');
    return raw(`<polyline fill="none" stroke="${COLOUR[s.name]}" stroke-width="2"${dash} points="${points}"/>${dots}`);
  });
  const ticks = [0, Math.round(max / 2), max].map((v) => html`<text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
  const first = runs[0];
  const last = runs[runs.length - 1];
  const xs = first && last ? html`<text x="${x(0)}" y="${H - 10}" text-anchor="start">${label(first.at)}</text>${runs.length > 1 ? html`<text x="${x(runs.length - 1)}" y="${H - 10}" text-anchor="end">${label(last.at)}</text>` : ''}` : '';
  const legend = series.map((s, i) => html`<g transform="translate(${PAD.left + 10 + i * 110},${PAD.top + 4})"><rect width="12" height="12" fill="${COLOUR[s.name] ?? '#000'}"/><text x="16" y="11">${s.name}</text></g>`);
  const summary = `Findings per severity and unreachable hosts over ${runs.length} sweeps; last sweep: ${SEVERITIES.map((s) => `${last?.counts[s] ?? 0} ${s}`).join(', ')}, ${last?.unreachable ?? 0} unreachable.`;
  return html`<figure><svg class="chart" role="img" aria-labelledby="trend-title trend-desc" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg"><title id="trend-title">Fleet trend</title><desc id="trend-desc">${summary}</desc><line x1="${PAD.left}" y1="${H - PAD.bottom}" x2="${W - PAD.right}" y2="${H - PAD.bottom}" stroke="#999"/><line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${H - PAD.bottom}" stroke="#999"/>${ticks}${join(lines)}${xs}${legend}</svg><figcaption class="muted">${summary}</figcaption></figure>`;
}

/** One row per sweep: when, hosts, evaluated, unreachable, findings per severity. */
export function runsTable(runs: readonly TrendRun[]): Markup {
  const head = sortableHead([{ label: 'sweep (UTC)' }, { label: 'hosts', numeric: true }, { label: 'evaluated', numeric: true }, { label: 'unreachable', numeric: true }, ...SEVERITIES.map((s) => ({ label: s, numeric: true }))]);
  const rows = runs.map(
    (r) => html`<tr><th scope="row">${label(r.at)}</th><td class="num">${r.hosts}</td><td class="num">${r.evaluated}</td><td class="num">${r.unreachable}</td>${SEVERITIES.map((s) => html`<td class="num">${r.counts[s] ?? 0}</td>`)}</tr>`,
  );
  return html`<table class="sortable runs"><caption>Sweeps (${runs.length})</caption>${head}<tbody>${join(rows)}</tbody></table>`;
}
