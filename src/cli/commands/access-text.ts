import type { AccessReport } from '../../facts/index.ts';
import { escapeAllText, type FormatRegistry, type NoContext } from '../../report/index.ts';

/**
 * `access` output by name, a registry of the same shape as the report formats'. json comes first, as it
 * always has in the help and the error for an unknown name.
 */
export const ACCESS_FORMATS = {
  json: {
    render: (report) => `${JSON.stringify(report, null, 2)}\n`,
    extension: '.json',
    mediaType: 'application/json',
    description: 'The access report: per module, listed, read, write, and why',
  },
  text: { render: (report) => renderAccessText(report), extension: '.txt', mediaType: 'text/plain', description: 'One paragraph per module, for a terminal' },
} as const satisfies FormatRegistry<AccessReport, NoContext>;

export function renderAccessText(raw: AccessReport): string {
  // Module names, reasons and user names come from the config: escaped for the terminal.
  const report = escapeAllText(raw);
  const out: string[] = [];
  out.push(`client ${report.client.addr} (rsync sees host "${report.client.host}")`);
  if (!report.starts) out.push('the daemon refuses to start with this configuration');
  else if (!report.serves) out.push('the daemon starts but fails every connection');
  for (const n of report.notes) out.push(`  ${n.severity === 'fatal' ? '!' : 'note:'} ${n.file}:${n.line}:${n.column}: ${n.message}${n.hint !== undefined ? ` (${n.hint})` : ''}`);
  if (report.starts && report.serves && report.modules.length === 0) out.push('no modules: the daemon serves nothing');
  for (const m of report.modules) {
    const can = [m.read === 'ok' ? 'read' : `no read (${m.read})`, m.write === 'ok' ? 'write' : `no write (${m.write})`];
    out.push('', `[${m.name}] ${m.listed ? 'listed' : 'not listed'}; ${can.join(', ')}`);
    for (const r of m.reasons) out.push(`  - ${r}`);
    for (const a of m.assumptions) out.push(`  ? assumed: ${a}`);
    if (m.user) {
      const u = m.user;
      out.push(`  user ${u.user}: ${u.result === 'password' ? `admitted with the right password (${u.read ? 'read' : 'no read'}, ${u.write ? 'write' : 'no write'})` : `refused (${u.result})`} — ${u.reason}`);
    }
  }
  return `${out.join('\n')}\n`;
}
