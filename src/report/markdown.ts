import { type Finding, severityRank } from '../engine/index.ts';
import { explainMarkdown, linkedMessage } from './cve-explain.ts';
import { complianceMarkdownLines } from './compliance-render.ts';
import { escapeAllText } from './escape-controls.ts';
import { type FindingGroup, groupRepeats, namedModules } from './finding-groups.ts';
import { markdownCode as code, markdownText as esc } from './markdown-escape.ts';
import { countBySeverity, shownNotes, type Report } from './model.ts';
import { publicSummaries, unusedPublicLines, unusedWaiverLines } from './declared-public.ts';
import { fixesMarkdownLines } from './fix-markdown.ts';
import { fixHints } from './fix-hint.ts';
import { hiddenLine, severityCounts } from './text.ts';
import { hostColumn } from './host-column.ts';
import { baselineMarkdownLines, baselineTag } from './baseline-render.ts';

const ICON = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦' } as const;

/** A summary and a findings table, fit for a pull-request comment or a job summary; `explain` adds the CVEs considered. */
export function toMarkdown(raw: Report, opts: { explain?: boolean } = {}): string {
  // Read in a terminal as often as in a browser: strings from files are escaped like the text format's.
  const report = escapeAllText(raw);
  const c = countBySeverity(report);
  const findings = report.targets.flatMap((t) => t.findings);
  const waived = report.targets.reduce((n, t) => n + t.waived.length, 0);
  const out = [
    '## rsyncguard',
    '',
    `**${findings.length} finding${findings.length === 1 ? '' : 's'}** in ${report.targets.length} target${report.targets.length === 1 ? '' : 's'}: ${severityCounts(c, report.severity_filter)}` +
      `${waived > 0 ? `; ${waived} waived` : ''}${report.errors.length > 0 ? `; **${report.errors.length} could not be evaluated**` : ''}.`,
    '',
  ];
  if (report.severity_filter) out.push(hiddenLine(report.severity_filter), '');
  // The message lists globs (rsyncd.d/*.conf): their stars must not turn into emphasis.
  for (const e of report.empty_paths ?? []) out.push(`⚠️ **Nothing scanned:** ${esc(e.message).replace(/[*_]/g, '\\$&')}`, '');
  if (report.baseline) out.push(...baselineMarkdownLines(report.baseline));
  if (findings.length > 0) {
    // Several hosts: a host column first (host-column.ts).
    const hostOf = hostColumn(report);
    const host = (f: Finding): string => (hostOf ? `| ${esc(hostOf(f.target))} ` : '');
    out.push(`${hostOf ? '| host ' : ''}| severity | rule | where | finding | fix |`, `${hostOf ? '|---' : ''}|---|---|---|---|---|`);
    // The first sentence of the rule's help (fix-hint.ts, from the raw help: its line breaks separate blocks).
    const hints = fixHints(raw.rules);
    const fix = (f: Finding): string => esc(hints.get(f.rule_id) ?? '');
    // A rule repeated across the modules of one target is one row, at its first module, with a count.
    const groupOf = new Map<Finding, FindingGroup>();
    for (const t of report.targets) for (const g of groupRepeats(t.findings).groups) for (const f of g.findings) groupOf.set(f, g);
    // Worst first within each target; file order among equals.
    const ordered = report.targets.flatMap((t) => [...t.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity)));
    const raised = (context: string | null): string => (context ? ` (raised: ${context})` : '');
    for (const f of ordered) {
      const where = f.location ? code(`${f.location.file}:${f.location.line}`) : esc(f.target);
      const g = groupOf.get(f);
      if (!g) out.push(`${host(f)}| ${ICON[f.severity]} ${f.severity} | ${f.rule_id} | ${where} | ${linkedMessage(f, esc(f.message))}${esc(raised(f.context))}${baselineTag(f)} | ${fix(f)} |`);
      else if (g.findings[0] === f)
        out.push(
          `${host(f)}| ${ICON[f.severity]} ${f.severity} | ${f.rule_id} ×${g.findings.length} | ${where} | ${esc(`${g.title}${raised(g.context)} in ${new Set(g.findings.map((x) => x.module)).size} modules: ${namedModules(g.findings)}`)} | ${fix(f)} |`,
        );
    }
    out.push('');
  }
  const notes = report.targets.flatMap((t) => shownNotes(t).map((n) => ({ t, n })));
  if (notes.length > 0) {
    out.push('### Notes', '', '| level | where | note |', '|---|---|---|');
    for (const { t, n } of notes) {
      const where = n.location ? code(`${n.location.file}:${n.location.line}`) : code(t.target);
      out.push(`| ${n.level === 'error' ? '⛔ error' : n.level === 'warning' ? '⚠️ warning' : 'ℹ️ note'} | ${where} | ${esc(n.message)} |`);
    }
    out.push('');
  }
  const declared = report.targets.flatMap((t) => publicSummaries(t));
  if (declared.length > 0) {
    out.push('### Declared public', '', '| where | reason | modules | not reported |', '|---|---|---|---|');
    for (const d of declared) out.push(`| ${code(d.source)} | declared public: ${esc(d.reason)} | ${esc(d.modules.join(', '))} | ${d.count} |`);
    out.push('');
  }
  if (report.errors.length > 0) {
    out.push('### Could not be evaluated', '', ...report.errors.map((e) => `- ${code(e.target)}: ${esc(e.message)}`), '');
  }
  if (report.expired_waivers.length > 0) {
    out.push('### Expired waivers', '', ...report.expired_waivers.map((w) => `- ${w.rule} (${esc(w.source)}) expired on ${w.expires}`), '');
  }
  const unusedWaivers = unusedWaiverLines(raw);
  if (unusedWaivers.length > 0) out.push('### Waivers that waive nothing', '', ...unusedWaivers.map((u) => `- ${esc(u.source)}: ${esc(u.message)}`), '');
  // A loop, not push(...lines): the section grows with the targets, past what one call takes.
  if (opts.explain) for (const line of explainMarkdown(report.targets)) out.push(line);
  const unused = unusedPublicLines(raw);
  if (unused.length > 0) out.push('### Public entries that declare nothing', '', ...unused.map((u) => `- ${code(u.source)}: ${esc(u.message)}`), '');
  // From the unescaped report: suggestion bodies are config lines exactly (the section escapes the rest itself).
  for (const line of fixesMarkdownLines(raw.targets)) out.push(line);
  if (report.compliance) out.push(...complianceMarkdownLines(report.compliance));
  return `${out.join('\n')}\n`;
}
