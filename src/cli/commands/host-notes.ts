import type { Report } from '../../report/index.ts';

/**
 * What a host's collector saw but did not follow, as a warning on each of that host's targets, so every
 * format shows it beside the findings (text lists host-state notes, SARIF as notifications).
 */
export function withHostNotes(report: Report, notes: string[], isHostTarget: (id: string) => boolean = () => true): Report {
  if (notes.length === 0) return report;
  const extra = notes.map((message) => ({ level: 'warning' as const, code: 'host-state', message, location: null }));
  return { ...report, targets: report.targets.map((t) => (isHostTarget(t.target) ? { ...t, notes: [...extra, ...t.notes] } : t)) };
}
