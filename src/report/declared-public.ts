/**
 * What a public-mirror declaration left out, per declaration: its reason (operator text, so controls are
 * escaped and the length capped: a reason is a label, not a document), where it was written, the modules
 * it covered and how many findings it kept out of the report. Every format shows the same summary.
 */
import { escapeControls } from './escape-controls.ts';
import type { Finding } from '../engine/index.ts';
import type { Report, TargetReport } from './model.ts';

/** Long enough for "Debian and Ubuntu mirrors, read-only by design, see RT#1234"; a paragraph is cut. */
export const MAX_REASON = 80;

export interface PublicSummary {
  reason: string;
  /** `file:line` of the comment or the .rsyncguard.yaml entry. */
  source: string;
  kind: 'comment' | 'config';
  modules: string[];
  /** Findings not reported because of it. */
  count: number;
}

export function shownReason(reason: string): string {
  const clean = escapeControls(reason.trim());
  return clean.length <= MAX_REASON ? clean : `${clean.slice(0, MAX_REASON - 1)}…`;
}

export function publicSummaries(t: Pick<TargetReport, 'declared_public'>): PublicSummary[] {
  const bySource = new Map<string, PublicSummary>();
  for (const s of t.declared_public ?? []) {
    const d = s.declared_public;
    const source = `${d.file}:${d.line}`;
    const entry = bySource.get(source) ?? { reason: shownReason(d.reason), source, kind: d.source, modules: [], count: 0 };
    entry.count++;
    // A daemon-wide finding (no encryption) is left out for every module, not one.
    const module = s.finding.module === null ? '(daemon)' : `[${escapeControls(s.finding.module)}]`;
    if (!entry.modules.includes(module)) entry.modules.push(module);
    bySource.set(source, entry);
  }
  return [...bySource.values()];
}

/** One line per declaration: `declared public: <reason> (<file:line>): N findings not reported ([a], [b])`. */
export function publicLines(t: Pick<TargetReport, 'declared_public'>): string[] {
  return publicSummaries(t).map((s) => `declared public: ${s.reason} (${s.source}): ${s.count} ${s.count === 1 ? 'finding' : 'findings'} not reported (${s.modules.join(', ')})`);
}

/** For SARIF, as waived findings are: a suppression, `inSource` when a comment in the config declared it. */
export function declaredSuppressions(t: Pick<TargetReport, 'declared_public'>): { finding: Finding; waiver: { reason: string; source: string; inSource: boolean } }[] {
  return (t.declared_public ?? []).map((s) => ({
    finding: s.finding,
    waiver: { reason: `declared public: ${shownReason(s.declared_public.reason)}`, source: `${s.declared_public.file}:${s.declared_public.line}`, inSource: s.declared_public.source === 'comment' },
  }));
}

/** Waivers that selected nothing in the run, one sentence each (selectors come from the YAML: escaped). */
export function unusedWaiverLines(report: Pick<Report, 'unused_waivers'>): { source: string; file: string; line: number; message: string }[] {
  return (report.unused_waivers ?? []).map((w) => {
    const selectors = (['path', 'host', 'image', 'module', 'cve'] as const).flatMap((k) => (w[k] === undefined ? [] : [`${k} ${escapeControls(w[k])}`]));
    const at = w.source.lastIndexOf(':');
    const line = Number(w.source.slice(at + 1));
    return {
      source: escapeControls(w.source),
      file: at > 0 ? w.source.slice(0, at) : w.source,
      line: Number.isInteger(line) && line > 0 ? line : 1,
      message: `The waiver ${escapeControls(w.rule)}${selectors.length > 0 ? ` (${selectors.join(', ')})` : ''} matched nothing in this run: it waives nothing (check its selectors; image: matches the reference as typed or its repository).`,
    };
  });
}

/** `public:` entries that matched no module, one sentence each (selectors come from the YAML: escaped). */
export function unusedPublicLines(report: Pick<Report, 'unused_public'>): { source: string; file: string; line: number; message: string }[] {
  return (report.unused_public ?? []).map((e) => {
    const selectors = (['path', 'host', 'image', 'module'] as const).flatMap((k) => (e[k] === null ? [] : [`${k} ${escapeControls(e[k])}`]));
    return { source: `${e.file}:${e.line}`, file: e.file, line: e.line, message: `The public entry (${selectors.join(', ')}) matched no module: it declares nothing.` };
  });
}
