/**
 * The trend report in Markdown: the runs, the hosts that could not be swept (and for how many sweeps), the
 * hosts and rules with what is open, fixed and regressed, and the findings behind them. Host, group and
 * rule text comes from the hosts and the history files: it stays text (markdownText). Long lists stop at
 * MAX_ROWS with a line saying how many were left out; the JSON report has them all.
 */
import { escapeControls } from './escape-controls.ts';
import { markdownCode, markdownText } from './markdown-escape.ts';
import type { TrendFinding, TrendHost, TrendReport } from './trend-model.ts';

export const MAX_ROWS = 200;

const esc = (s: string) => markdownText(escapeControls(s));

/** A sweep time as people read it: minutes, UTC. */
const when = (at: string) => `${at.slice(0, 16).replace('T', ' ')} UTC`;

function capped(rows: string[], what: string): string[] {
  return rows.length > MAX_ROWS ? [...rows.slice(0, MAX_ROWS), '', `… and ${rows.length - MAX_ROWS} more ${what} (the JSON format lists them all).`] : rows;
}

/** "unreachable for 3 sweeps", "timeout in the last sweep". */
export function notSweptSentence(h: TrendHost): string {
  const streak = h.unreachable_runs === 1 ? 'in the last sweep' : `for ${h.unreachable_runs} sweeps`;
  const last = h.last_ok === null ? 'never swept' : `last swept ${when(h.last_ok)}`;
  return `${h.status} ${streak} (${last})`;
}

function findingRow(h: TrendHost, f: TrendFinding): string {
  const fixed = f.fixed_at === null ? '' : when(f.fixed_at);
  return `| ${esc(h.host)} | ${esc(f.rule_id)} | ${f.severity} | ${f.module === null ? '(daemon)' : markdownCode(escapeControls(f.module))} | ${f.state}${f.regressions > 0 ? ` (${f.regressions}×)` : ''}${f.waived === true ? ', waived' : ''} | ${when(f.first_seen)} | ${fixed} | ${f.open_days} | ${esc(f.message)} |`;
}

export function toTrendMarkdown(trend: TrendReport): string {
  const runs = trend.runs;
  const last = runs[runs.length - 1];
  const out = ['## rsyncguard fleet trend', ''];
  if (last === undefined) return `${[...out, 'No sweeps recorded.', ''].join('\n')}\n`;
  const first = runs[0] ?? last;
  const all = trend.hosts.flatMap((h) => h.findings);
  const open = all.filter((f) => f.state !== 'fixed');
  const newest = open.filter((f) => f.first_seen === last.at).length;
  // Waived findings are still on the hosts: open, said apart, never counted as fixed.
  const waived = open.filter((f) => f.waived === true).length;
  const fixedLast = all.filter((f) => f.fixed_at === last.at).length;
  out.push(
    `${runs.length} sweeps from ${when(first.at)} to ${when(last.at)}. Last sweep: ${last.hosts} hosts, ${last.evaluated} evaluated, ${last.unreachable} not swept or not evaluated.`,
    '',
    `Open findings: ${open.length} (${newest} new in the last sweep, ${open.filter((f) => f.state === 'regressed').length} regressed${waived > 0 ? `, ${waived} waived` : ''}); fixed: ${all.length - open.length} (${fixedLast} in the last sweep).`,
    '',
    '### Sweeps',
    '',
    '| started | hosts | evaluated | not swept | critical | high | medium | low |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...capped(
      [...runs].reverse().map((r) => `| ${when(r.at)} | ${r.hosts} | ${r.evaluated} | ${r.unreachable} | ${r.counts.critical} | ${r.counts.high} | ${r.counts.medium} | ${r.counts.low} |`),
      'sweeps',
    ),
    '',
  );
  const down = trend.hosts.filter((h) => h.unreachable_runs > 0).sort((a, b) => b.unreachable_runs - a.unreachable_runs || a.host.localeCompare(b.host));
  if (down.length > 0)
    out.push(
      '### Hosts not swept',
      '',
      ...capped(
        down.map((h) => `- **${esc(h.host)}** (${esc(h.group)}): ${esc(notSweptSentence(h))}`),
        'hosts',
      ),
      '',
    );
  out.push(
    '### Hosts',
    '',
    '| host | group | last status | open | regressed | fixed | oldest open (days) |',
    '|---|---|---|---:|---:|---:|---:|',
    ...capped(
      trend.hosts.map((h) => {
        const o = h.findings.filter((f) => f.state !== 'fixed');
        const oldest = Math.max(0, ...o.map((f) => f.open_days));
        return `| ${esc(h.host)} | ${esc(h.group)} | ${esc(h.status)} | ${o.length} | ${o.filter((f) => f.state === 'regressed').length} | ${h.findings.length - o.length} | ${o.length > 0 ? oldest : ''} |`;
      }),
      'hosts',
    ),
    '',
    '### Rules',
    '',
    '| rule | severity | hosts open | hosts regressed | hosts fixed |',
    '|---|---|---:|---:|---:|',
    ...capped(
      trend.rules.map((r) => `| ${esc(r.rule_id)} | ${r.severity} | ${r.open} | ${r.regressed} | ${r.fixed} |`),
      'rules',
    ),
    '',
  );
  const rows = trend.hosts.flatMap((h) => h.findings.map((f) => [h, f] as const));
  const head = ['| host | rule | severity | module | state | first seen | fixed | open days | message |', '|---|---|---|---|---|---|---|---:|---|'];
  const openRows = rows.filter(([, f]) => f.state !== 'fixed');
  if (openRows.length > 0)
    out.push(
      '### Open findings',
      '',
      ...head,
      ...capped(
        openRows.map(([h, f]) => findingRow(h, f)),
        'open findings',
      ),
      '',
    );
  const fixedRows = rows.filter(([, f]) => f.state === 'fixed').sort(([, a], [, b]) => (b.fixed_at ?? '').localeCompare(a.fixed_at ?? ''));
  if (fixedRows.length > 0)
    out.push(
      '### Fixed findings',
      '',
      ...head,
      ...capped(
        fixedRows.map(([h, f]) => findingRow(h, f)),
        'fixed findings',
      ),
      '',
    );
  return `${out.join('\n')}\n`;
}
