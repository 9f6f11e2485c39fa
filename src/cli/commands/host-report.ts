import type { Report } from '../../report/index.ts';
import type { HostRaw } from '../../sources/index.ts';

/**
 * What a host's collector saw but did not follow, as a warning on each of that host's targets, so every
 * format shows it beside the findings (text lists host-state notes, SARIF as notifications).
 */
export function withHostNotes(report: Report, notes: string[], isHostTarget: (id: string) => boolean = () => true): Report {
  if (notes.length === 0) return report;
  const extra = notes.map((message) => ({ level: 'warning' as const, code: 'host-state', message, location: null }));
  return { ...report, targets: report.targets.map((t) => (isHostTarget(t.target) ? { ...t, notes: [...extra, ...t.notes] } : t)) };
}

/**
 * The config texts SARIF may quote, by repository-like path (/etc/rsyncd.conf → etc/rsyncd.conf). A file
 * named as a secrets file is left out even if a collector sent its text.
 */
export function hostTexts(raw: HostRaw): [string, string][] {
  const secrets = new Set(raw.secrets.map((s) => s.path));
  return raw.files.flatMap((f) => (typeof f.text === 'string' && !secrets.has(f.path) ? [[f.path.replace(/^\/+/, ''), f.text]] : []));
}
