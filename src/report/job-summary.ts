/**
 * The GitHub job summary: severity counts, then the findings of each file with rule, module, line and a
 * one-line fix (the first sentence of the rule's help). Rows are in triage order (most severe first, then
 * rule, file, line); when they are capped, the rest are counted per rule. What a public-mirror declaration
 * left out is a section of its own, as in the Markdown report: a reviewer must see that one comment line
 * made findings disappear. Kept well under the runner's 1 MiB limit.
 */
import { complianceMarkdownLines } from './compliance-render.ts';
import { linkedMessage } from './cve-explain.ts';
import { escapeAllText, escapeControls } from './escape-controls.ts';
import { compareBySeverity, countByRule } from './finding-order.ts';
import { publicSummaries, unusedPublicLines, unusedWaiverLines } from './declared-public.ts';
import { fixSentence } from './fix-sentence.ts';
import { baselineMarkdownLines } from './baseline-render.ts';
import { markdownCode as code, markdownText as esc } from './markdown-escape.ts';
import { countBySeverity, type Report, shownNotes } from './model.ts';

export const MAX_SUMMARY_ROWS = 500;

export function toJobSummary(raw: Report, maxRows = MAX_SUMMARY_ROWS): string {
  const report = escapeAllText(raw);
  // From the raw help: escaping first would turn its line breaks into text. A custom policy's help comes from
  // the repository, so the one sentence is escaped after.
  const help = new Map(raw.rules.map((r) => [escapeControls(r.id), escapeControls(fixSentence(r.help, r.description))]));
  const c = countBySeverity(report);
  const out = [
    '## rsyncguard',
    '',
    '| critical | high | medium | low | waived | declared public | not evaluated |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${c['critical']} | ${c['high']} | ${c['medium']} | ${c['low']} | ${report.targets.reduce((n, t) => n + t.waived.length, 0)} | ${report.targets.reduce((n, t) => n + (t.declared_public?.length ?? 0), 0)} | ${report.errors.length} |`,
    '',
  ];
  // The `baseline` input: what is new and what got fixed, before the findings.
  if (report.baseline) out.push(...baselineMarkdownLines(report.baseline));
  const sorted = report.targets.flatMap((t) => t.findings).sort(compareBySeverity);
  const shown = sorted.slice(0, maxRows);
  // Files in the order of their most severe finding; a Map keeps first insertion.
  const byFile = new Map<string, typeof shown>();
  for (const f of shown) {
    const file = f.location?.file ?? f.target;
    byFile.set(file, [...(byFile.get(file) ?? []), f]);
  }
  for (const [file, findings] of byFile) {
    out.push(`### ${code(file)}`, '', '| severity | rule | module | line | finding | fix |', '|---|---|---|---:|---|---|');
    for (const f of findings) {
      out.push(`| ${f.severity} | ${f.rule_id} | ${esc(f.module ?? '')} | ${f.location?.line ?? ''} | ${linkedMessage(f, esc(f.message))} | ${(help.get(f.rule_id) ?? '').replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  const rest = sorted.slice(shown.length);
  if (rest.length > 0) out.push(`… and ${rest.length} more: ${countByRule(rest)}. See code scanning or the SARIF file.`, '');
  const declared = report.targets.flatMap((t) => publicSummaries(t));
  if (declared.length > 0) {
    out.push('### Declared public', '', '| where | reason | modules | not reported |', '|---|---|---|---:|');
    for (const d of declared) out.push(`| ${code(d.source)} | declared public: ${esc(d.reason)} | ${esc(d.modules.join(', '))} | ${d.count} |`);
    out.push('');
  }
  for (const u of unusedPublicLines(raw)) out.push(`- **public entry declares nothing** ${code(u.source)}: ${esc(u.message)}`);
  for (const u of unusedWaiverLines(raw)) out.push(`- **waiver waives nothing** ${code(u.source)}: ${esc(u.message)}`);
  for (const e of report.errors) out.push(`- **could not evaluate** ${code(e.target)}: ${esc(e.message)}`);
  // What every format shows beside the findings: files skipped by their kind, includes not followed,
  // links refused, a daemon that will not start.
  const notes = report.targets.flatMap((t) => shownNotes(t).map((n) => `- **${n.level}** ${code(n.location ? `${n.location.file}:${n.location.line}` : t.target)}: ${esc(n.message)}`));
  if (notes.length > 0) out.push('', '### Notes', '', ...notes);
  if (report.compliance) out.push('', ...complianceMarkdownLines(report.compliance));
  return `${out.join('\n')}\n`;
}
