import { COMPLIANCE } from '../common/index.ts';
import type { RuleInfo } from '../engine/index.ts';

/** "nist AC-3,IA-2  pci 7.2.1  cis rsync-service (14 items)": what a rule maps to, on one line. */
function complianceText(r: RuleInfo): string {
  const c = r.compliance;
  if (!c) return '';
  const recs = [...new Set(c.cis.map((id) => COMPLIANCE.cis.controls[id]?.recommendation ?? id))];
  const parts = [c.nist.length > 0 ? `nist ${c.nist.join(',')}` : '', c.pci.length > 0 ? `pci ${c.pci.join(',')}` : '', recs.length > 0 ? `cis ${recs.join(',')} (${c.cis.length} items)` : ''];
  return parts.filter((p) => p !== '').join('  ');
}

export function rulesText(rules: RuleInfo[]): string {
  const width = Math.max(...rules.map((r) => r.title.length), 5);
  const cweWidth = Math.max(...rules.map((r) => r.cwe.length), 3);
  const lines = rules.map((r) =>
    `${r.id}  ${r.severity.padEnd(8)} ${r.security_severity.padStart(4)}  ${r.title.padEnd(width)}  ${r.cwe.padEnd(cweWidth)}  ${complianceText(r)}${r.quiet_when_public ? '  (not reported for declared public modules)' : ''}`.trimEnd(),
  );
  return `${lines.join('\n')}\n${rules.length} rules\n`;
}

/** The rules, and the compliance table their control ids refer to (titles, CIS benchmark items). */
export function rulesJson(rules: RuleInfo[]): string {
  return `${JSON.stringify({ rules, compliance: COMPLIANCE }, null, 2)}\n`;
}

export function rulesMarkdown(rules: RuleInfo[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| id | severity | title | CWE | NIST SP 800-53 | PCI DSS | CIS |',
    '|---|---|---|---|---|---|---|',
    ...rules.map(
      (r) =>
        `| ${r.id} | ${r.severity} (${r.security_severity}) | ${esc(r.title)}${r.quiet_when_public ? ' (not reported for declared public modules)' : ''} | ${r.cwe} | ${esc(r.compliance?.nist.join(', ') ?? '')} | ${esc(r.compliance?.pci.join(', ') ?? '')} | ${esc(r.compliance?.cis.join(', ') ?? '')} |`,
    ),
    '',
  ].join('\n');
}
