/**
 * Fleet reports: a Markdown overview (hosts × severity, the rules that fire most, the hosts that could not
 * be evaluated) and SARIF with one run per inventory group, under stable categories.
 */
import { complianceMarkdownLines } from './compliance-render.ts';
import { explainMarkdown } from './cve-explain.ts';
import { unusedPublicLines } from './declared-public.ts';
import { escapeAllText, escapeControls } from './escape-controls.ts';
import { markdownText } from './markdown-escape.ts';
import type { Report } from './model.ts';
import { toSarif, type SarifOptions } from './sarif.ts';

/** GitHub accepts at most 20 runs per file; smaller groups beyond that share one. */
export const MAX_RUNS = 20;

export function toFleetMarkdown(report: Report, hostOf: (target: string) => string, opts: { explain?: boolean } = {}): string {
  // Host names and messages come from the hosts: they stay text (no controls, pipes, links, HTML or mentions).
  const esc = (s: string) => markdownText(escapeControls(s));
  const perHost = new Map<string, Record<string, number>>();
  const perRule = new Map<string, number>();
  for (const t of report.targets) {
    const h = hostOf(t.target);
    const row = perHost.get(h) ?? { critical: 0, high: 0, medium: 0, low: 0 };
    for (const f of t.findings) {
      row[f.severity] = (row[f.severity] ?? 0) + 1;
      perRule.set(f.rule_id, (perRule.get(f.rule_id) ?? 0) + 1);
    }
    perHost.set(h, row);
  }
  const titles = new Map(report.rules.map((r) => [r.id, r.title]));
  const out = [
    '## rsyncguard fleet sweep',
    '',
    `${perHost.size} hosts evaluated, ${report.errors.length} could not be evaluated.`,
    '',
    '| host | critical | high | medium | low |',
    '|---|---:|---:|---:|---:|',
    ...[...perHost].sort(([a], [b]) => a.localeCompare(b)).map(([h, c]) => `| ${esc(h)} | ${c['critical']} | ${c['high']} | ${c['medium']} | ${c['low']} |`),
    '',
    '### Rules that fire most',
    '',
    '| rule | title | findings |',
    '|---|---|---:|',
    ...[...perRule]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 10)
      .map(([id, n]) => `| ${id} | ${esc(titles.get(id) ?? '')} | ${n} |`),
    '',
  ];
  if (report.errors.length > 0) out.push('### Hosts not evaluated', '', ...report.errors.map((e) => `- **${esc(e.target)}**: ${esc(e.message)}`), '');
  // A loop, not push(...lines): the section grows with the targets, past what one call takes.
  if (opts.explain) for (const line of explainMarkdown(escapeAllText(report.targets))) out.push(line);
  const unused = unusedPublicLines(report);
  if (unused.length > 0) out.push('### Public entries that declare nothing', '', ...unused.map((u) => `- ${esc(u.source)}: ${esc(u.message)}`), '');
  if (report.compliance) out.push(...complianceMarkdownLines(escapeAllText(report.compliance)));
  return `${out.join('\n')}\n`;
}

/** One SARIF run per group (category `<prefix><group>/`), merged into one log. */
export function toGroupedSarif(report: Report, groupOf: (target: string) => string, prefix: string, opts: Omit<SarifOptions, 'category'>): string {
  const groups = new Map<string, string[]>();
  for (const t of [...report.targets.map((x) => x.target), ...report.errors.map((e) => e.target)]) {
    const g = groupOf(t);
    groups.set(g, [...(groups.get(g) ?? []), t]);
  }
  let names = [...groups.keys()].sort();
  if (names.length > MAX_RUNS) {
    const keep = [...groups]
      .sort((a, b) => b[1].length - a[1].length)
      .slice(0, MAX_RUNS - 1)
      .map(([g]) => g);
    opts.warn(`${names.length} groups exceed GitHub's ${MAX_RUNS} runs per file: the smallest share the run "other"`);
    names = [...keep.sort(), 'other'];
  }
  const runOf = (target: string) => (names.includes(groupOf(target)) ? groupOf(target) : 'other');
  const runs = names.map((g) => {
    // An unused public: entry belongs to no host: said once, in the first run.
    // The compliance properties of a group's run are the section over that group's targets (sarifCompliance).
    const part: Report = {
      ...report,
      targets: report.targets.filter((t) => runOf(t.target) === g),
      errors: report.errors.filter((e) => runOf(e.target) === g),
      unused_public: g === names[0] ? (report.unused_public ?? []) : [],
      unused_waivers: g === names[0] ? (report.unused_waivers ?? []) : [],
    };
    const log = JSON.parse(toSarif(part, { ...opts, category: `${prefix}${g}/` })) as { runs: unknown[] };
    return log.runs[0];
  });
  const first = JSON.parse(toSarif({ ...report, targets: [], errors: [] }, { ...opts, category: prefix })) as { runs: unknown[] };
  return `${JSON.stringify({ ...first, runs }, null, 2)}\n`;
}
