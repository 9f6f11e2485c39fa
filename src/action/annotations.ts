/**
 * Annotations on the offending lines: the UI shows few per step, so only the most severe are sent, then one
 * notice that says how many more there are and where to find them.
 */
import type { Finding } from '../engine/index.ts';
import { escapeControls } from '../report/index.ts';

export const MAX_ANNOTATIONS = 50;

export interface Annotation {
  kind: 'error' | 'warning' | 'notice';
  message: string;
  props: { title: string; file?: string; startLine?: number; startColumn?: number };
}

const RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;
const KIND = { critical: 'error', high: 'error', medium: 'warning', low: 'notice' } as const;

export function annotationsFor(findings: Finding[]): Annotation[] {
  const sorted = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const shown: Annotation[] = sorted.slice(0, MAX_ANNOTATIONS).map((f) => ({
    kind: KIND[f.severity],
    // The Actions log renders ANSI sequences: a module name from the repository must not bring its own.
    message: escapeControls(f.message),
    props: { title: escapeControls(`${f.rule_id} ${f.title} (${f.severity})`), ...(f.location ? { file: f.location.file, startLine: f.location.line, startColumn: f.location.column } : {}) },
  }));
  const rest = sorted.length - shown.length;
  if (rest > 0) shown.push({ kind: 'notice', message: `${rest} more findings are not annotated: see the job summary or code scanning.`, props: { title: 'rsyncguard' } });
  return shown;
}
