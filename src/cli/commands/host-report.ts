import type { Report } from '../../report/index.ts';
import type { HostRaw } from '../../sources/index.ts';

/**
 * What a host's collector saw but did not follow or could not read, as a warning on each of that host's
 * targets, so every format shows it beside the findings. A host with no target at all (nothing it could
 * evaluate) still gets one, holding only these notes: otherwise JSON, Markdown and SARIF would show an
 * empty, clean-looking report for a host where something posed as a daemon or could not be read.
 */
export function withHostNotes(report: Report, notes: string[], isHostTarget: (id: string) => boolean = () => true, host?: string): Report {
  if (notes.length === 0) return report;
  const extra = notes.map((message) => ({ level: 'warning' as const, code: 'host-not-read', message, location: null }));
  const targets = report.targets.map((t) => (isHostTarget(t.target) ? { ...t, notes: [...extra, ...t.notes] } : t));
  if (host !== undefined && !report.targets.some((t) => isHostTarget(t.target))) {
    targets.push({ target: host, kind: 'host', findings: [], waived: [], notes: extra, facts: {} });
  }
  return { ...report, targets };
}

/** What the collector could not read, in a few lines: an unprivileged run can miss dozens of /proc entries. */
export function unreadNotes(unread: string[]): string[] {
  if (unread.length <= 5) return unread.map((u) => `could not read ${u}`);
  return [`could not read ${unread.length} items, so the result may be incomplete; the first: ${unread.slice(0, 5).join('; ')}. Run the collector as root to see every daemon.`];
}

/**
 * The config texts SARIF may quote, by repository-like path (/etc/rsyncd.conf → etc/rsyncd.conf). A file
 * named as a secrets file is left out even if a collector sent its text.
 */
export function hostTexts(raw: HostRaw): [string, string][] {
  const secrets = new Set(raw.secrets.map((s) => s.path));
  return raw.files.flatMap((f) => (typeof f.text === 'string' && !secrets.has(f.path) ? [[f.path.replace(/^\/+/, ''), f.text]] : []));
}
