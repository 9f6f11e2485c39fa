import type { RuleInfo } from '../engine/index.ts';

export function rulesText(rules: RuleInfo[]): string {
  const width = Math.max(...rules.map((r) => r.title.length), 5);
  const lines = rules.map((r) => `${r.id}  ${r.severity.padEnd(8)} ${r.security_severity.padStart(4)}  ${r.title.padEnd(width)}  ${r.cwe}${r.quiet_when_public ? '  (not reported for declared public modules)' : ''}`);
  return `${lines.join('\n')}\n${rules.length} rules\n`;
}

export function rulesJson(rules: RuleInfo[]): string {
  return `${JSON.stringify({ rules }, null, 2)}\n`;
}

export function rulesMarkdown(rules: RuleInfo[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| id | severity | title | CWE |',
    '|---|---|---|---|',
    ...rules.map((r) => `| ${r.id} | ${r.severity} (${r.security_severity}) | ${esc(r.title)}${r.quiet_when_public ? ' (not reported for declared public modules)' : ''} | ${r.cwe} |`),
    '',
  ].join('\n');
}
