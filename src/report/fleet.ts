/**
 * Fleet reports: a Markdown overview (hosts × severity, the rules that fire most, the hosts that could not
 * be evaluated) and SARIF with one run per inventory group, under stable categories.
 */
import type * as Sarif from 'sarif';
import { complianceMarkdownLines } from './compliance-render.ts';
import { explainMarkdown } from './cve-explain.ts';
import { declaredSuppressions, unusedPublicLines } from './declared-public.ts';
import { escapeAllText, escapeControls } from './escape-controls.ts';
import { fixHints } from './fix-hint.ts';
import { markdownText } from './markdown-escape.ts';
import { baselineMarkdownLines } from './baseline-render.ts';
import type { Report } from './model.ts';
import { sarifLog, type SarifOptions } from './sarif.ts';
import { hostOfTarget } from './sarif-identity.ts';
import { GITHUB_LIMITS, type LayoutUnit, planRuns } from './sarif-layout.ts';
import { layoutNotices, NO_HOST_READ, resultsNotStored, runLeftOut, targetError } from './sarif-notices.ts';

/** GitHub accepts at most 20 runs per file; smaller groups beyond that share one. */
export const MAX_RUNS = GITHUB_LIMITS.runsPerFile;

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
  const hints = fixHints(report.rules);
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
    '| rule | title | findings | fix |',
    '|---|---|---:|---|',
    ...[...perRule]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 10)
      .map(([id, n]) => `| ${id} | ${esc(titles.get(id) ?? '')} | ${n} | ${esc(hints.get(id) ?? '')} |`),
    '',
  ];
  if (report.baseline) out.push(...baselineMarkdownLines(escapeAllText(report.baseline)));
  if (report.errors.length > 0) out.push('### Hosts not evaluated', '', ...report.errors.map((e) => `- **${esc(e.target)}**: ${esc(e.message)}`), '');
  // A loop, not push(...lines): the section grows with the targets, past what one call takes.
  if (opts.explain) for (const line of explainMarkdown(escapeAllText(report.targets))) out.push(line);
  const unused = unusedPublicLines(report);
  if (unused.length > 0) out.push('### Public entries that declare nothing', '', ...unused.map((u) => `- ${esc(u.source)}: ${esc(u.message)}`), '');
  if (report.compliance) out.push(...complianceMarkdownLines(escapeAllText(report.compliance)));
  return `${out.join('\n')}\n`;
}

/**
 * One SARIF run per group (category `<prefix><group>/`), merged into one log; a group too large for one run
 * is split by host into parts (`<prefix><group>/part-<n>/`), and each run says so (sarif-layout.ts). `hostOf`
 * keeps a host's targets in one run; by default a host target's host (`<host>:<path>`).
 */
export function toGroupedSarif(report: Report, groupOf: (target: string) => string, prefix: string, opts: Omit<SarifOptions, 'category'>, hostOf: (target: string) => string = hostOfTarget): string {
  const out: string[] = [];
  writeGroupedSarif(report, groupOf, prefix, opts, (chunk) => out.push(chunk), hostOf);
  return out.join('');
}

/**
 * toGroupedSarif in pieces, a run at a time: at 10,000 hosts the log is over 100 MB, and holding every run as
 * an object and then as one string took about a gigabyte. The bytes are JSON.stringify(log, null, 2)'s.
 */
export function writeGroupedSarif(report: Report, groupOf: (target: string) => string, prefix: string, opts: Omit<SarifOptions, 'category'>, write: (chunk: string) => void, hostOf: (target: string) => string = hostOfTarget): void {
  const units = new Map<string, LayoutUnit>();
  const count = (target: string, results: number) => {
    const key = hostOf(target);
    const u = units.get(key) ?? { key, group: groupOf(target), results: 0 };
    u.results += results;
    units.set(key, u);
  };
  for (const t of report.targets) count(t.target, t.findings.length + (opts.suppressions ? t.waived.length + declaredSuppressions(t).length : 0));
  for (const e of report.errors) count(e.target, 0);
  const plan = planRuns([...units.values()]);
  const groupCount = new Set([...units.values()].map((u) => u.group)).size;
  if (groupCount > MAX_RUNS) opts.warn(`${groupCount} groups exceed GitHub's ${MAX_RUNS} runs per file: the groups after the first by name share the run "other"`);
  const runIndex = new Map(plan.flatMap((r, i) => [...r.keys].map((k) => [k, i] as const)));
  const runOf = (target: string) => runIndex.get(hostOf(target)) ?? 0;
  // A run none of whose hosts was read is left out: uploaded with `results: []` it would close every alert of
  // its category (GitHub reads an upload as the whole of a category), while a category absent from the upload
  // keeps its alerts as they were (shared/reference/sarif-github.md §1.9). The first run written says so.
  const read = new Set(report.targets.map((t) => runOf(t.target)));
  const unread = new Set(report.errors.map((e) => runOf(e.target)).filter((i) => !read.has(i)));
  const left: Sarif.Notification[] = [...unread]
    .sort((a, b) => a - b)
    .flatMap((i) => {
      const r = plan[i];
      if (!r) return [];
      opts.warn(`run ${prefix}${r.category} is left out: none of its hosts was read (its alerts stay as they were)`);
      return [runLeftOut(r, prefix), ...report.errors.filter((e) => runOf(e.target) === i).map((e) => targetError(e.target, e.message))];
    });
  const emitted = plan.map((_, i) => i).filter((i) => !unread.has(i));
  const head = sarifLog({ ...report, targets: [], errors: [] }, { ...opts, category: prefix });
  write(`{\n  "$schema": ${JSON.stringify(head.$schema)},\n  "version": ${JSON.stringify(head.version)},\n  "runs": [`);
  // No host read at all: one run of notifications only, in a category of its own that never holds a result.
  if (emitted.length === 0 && left.length > 0) {
    const { baseline: _gone, compliance: _none, ...rest } = report;
    const run = sarifLog({ ...rest, targets: [], errors: [], unused_public: [], unused_waivers: [] }, { ...opts, category: `${prefix}${NO_HOST_READ}` }).runs[0];
    const inv = run?.invocations?.[0];
    if (run && inv) {
      inv.executionSuccessful = false;
      inv.toolExecutionNotifications = [...(inv.toolExecutionNotifications ?? []), ...left];
      write(`\n    ${JSON.stringify(run, null, 2).replace(/\n/g, '\n    ')}\n  ]\n}\n`);
      return;
    }
  }
  for (const [n, i] of emitted.entries()) {
    const r = plan[i];
    if (!r) continue;
    // An unused public: entry belongs to no host: said once, in the first run.
    // The compliance properties of a group's run are the section over that group's targets (sarifCompliance).
    const part: Report = {
      ...report,
      targets: report.targets.filter((t) => runOf(t.target) === i),
      errors: report.errors.filter((e) => runOf(e.target) === i),
      unused_public: n === 0 ? (report.unused_public ?? []) : [],
      unused_waivers: n === 0 ? (report.unused_waivers ?? []) : [],
      // --baseline: a gone finding is shown in its host's run; a host no longer listed, in the first.
      ...(report.baseline ? { baseline: { ...report.baseline, absent: report.baseline.absent.filter((a) => runOf(a.target) === i) } } : {}),
    };
    const run = sarifLog(part, { ...opts, category: `${prefix}${r.category}` }).runs[0];
    if (!run) continue;
    const results = run.results?.length ?? 0;
    const stored = results > GITHUB_LIMITS.storedPerRun ? [resultsNotStored(results, GITHUB_LIMITS.storedPerRun)] : [];
    if (stored.length > 0) opts.warn(`run ${prefix}${r.category} has ${results} results: GitHub stores the ${GITHUB_LIMITS.storedPerRun} most severe of a run`);
    const notes = [...layoutNotices(r, prefix), ...stored, ...(n === 0 ? left : [])];
    const inv = run.invocations?.[0];
    if (inv && notes.length > 0) inv.toolExecutionNotifications = [...(inv.toolExecutionNotifications ?? []), ...notes];
    // An element of "runs" at depth 2: every line of the run indented by four spaces.
    write(`${n > 0 ? ',' : ''}\n    ${JSON.stringify(run, null, 2).replace(/\n/g, '\n    ')}`);
  }
  write(emitted.length > 0 ? '\n  ]\n}\n' : ']\n}\n');
}
