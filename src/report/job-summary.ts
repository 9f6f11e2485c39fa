/**
 * The GitHub job summary: severity counts, then the findings of each file with rule, module, line and a
 * one-line fix from the rule's help. Kept well under the runner's 1 MiB limit.
 */
import { escapeAllText } from './escape-controls.ts';
import { markdownCode as code, markdownText as esc } from './markdown-escape.ts';
import { countBySeverity, type Report } from './model.ts';

const MAX_ROWS = 500;

function oneLineFix(help: string): string {
  return (
    help
      .split('\n')
      .find((l) => l.trim() !== '' && !l.startsWith('```'))
      ?.trim() ?? ''
  );
}

export function toJobSummary(raw: Report): string {
  const report = escapeAllText(raw);
  const help = new Map(report.rules.map((r) => [r.id, oneLineFix(r.help)]));
  const c = countBySeverity(report);
  const out = [
    '## rsyncguard',
    '',
    '| critical | high | medium | low | waived | not evaluated |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${c['critical']} | ${c['high']} | ${c['medium']} | ${c['low']} | ${report.targets.reduce((n, t) => n + t.waived.length, 0)} | ${report.errors.length} |`,
    '',
  ];
  const byFile = new Map<string, (typeof report.targets)[number]['findings']>();
  for (const f of report.targets.flatMap((t) => t.findings)) {
    const file = f.location?.file ?? f.target;
    byFile.set(file, [...(byFile.get(file) ?? []), f]);
  }
  let rows = 0;
  for (const [file, findings] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    if (rows >= MAX_ROWS) break;
    out.push(`### ${code(file)}`, '', '| severity | rule | module | line | finding | fix |', '|---|---|---|---:|---|---|');
    for (const f of findings.slice(0, MAX_ROWS - rows)) {
      out.push(`| ${f.severity} | ${f.rule_id} | ${esc(f.module ?? '')} | ${f.location?.line ?? ''} | ${esc(f.message)} | ${(help.get(f.rule_id) ?? '').replace(/\|/g, '\\|')} |`);
      rows++;
    }
    out.push('');
  }
  const total = report.targets.reduce((n, t) => n + t.findings.length, 0);
  if (total > rows) out.push(`…and ${total - rows} more findings: see code scanning or the SARIF file.`, '');
  for (const e of report.errors) out.push(`- **could not evaluate** ${code(e.target)}: ${esc(e.message)}`);
  return `${out.join('\n')}\n`;
}
