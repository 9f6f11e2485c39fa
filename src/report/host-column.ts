/**
 * A report about several hosts (eval of a fleet's documents, sweep's text) names each finding's host in a
 * column of its own (issue 17 §4): every host shows its findings at the same /etc/rsyncd.conf, and a line
 * read alone (grep, a pasted table row) must still say which machine it is about. A report about one host
 * or about files has no such column.
 */
import type { Report } from './model.ts';
import { hostOfTarget } from './sarif-identity.ts';

/** Each target's host, when the report holds targets of two hosts or more; else null (no column). */
export function hostColumn(report: Pick<Report, 'targets'>): ((target: string) => string) | null {
  const hosts = new Set(report.targets.filter((t) => t.kind === 'host').map((t) => hostOfTarget(t.target)));
  if (hosts.size < 2) return null;
  const kinds = new Map(report.targets.map((t) => [t.target, t.kind]));
  return (target) => (kinds.get(target) === 'host' ? hostOfTarget(target) : '');
}

/** The width of the host column: its longest name. */
export function hostWidth(report: Pick<Report, 'targets'>, hostOf: (target: string) => string): number {
  return report.targets.reduce((n, t) => Math.max(n, hostOf(t.target).length), 0);
}
