import type { AccessReport } from '../../facts/index.ts';
import { escapeAllText } from '../../report/index.ts';

export function renderAccessText(raw: AccessReport): string {
  // Module names, reasons and user names come from the config: escaped for the terminal.
  const report = escapeAllText(raw);
  const out: string[] = [];
  out.push(`client ${report.client.addr} (rsync sees host "${report.client.host}")`);
  if (!report.starts) out.push('the daemon refuses to start with this configuration');
  else if (!report.serves) out.push('the daemon starts but fails every connection');
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
