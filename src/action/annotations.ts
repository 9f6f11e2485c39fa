/**
 * Annotations on the offending lines: the UI shows few per step, so only the most severe are sent (in the
 * job summary's order: severity, rule, file, line), then one notice that counts the rest per rule and says
 * where to find them.
 */
import type { Finding } from '../engine/index.ts';
import { compareBySeverity, countByRule, cveSuffix, escapeControls } from '../report/index.ts';

export const MAX_ANNOTATIONS = 50;

export interface Annotation {
  kind: 'error' | 'warning' | 'notice';
  message: string;
  props: { title: string; file?: string; startLine?: number; startColumn?: number };
}

const KIND = { critical: 'error', high: 'error', medium: 'warning', low: 'notice' } as const;

export function annotationsFor(findings: Finding[], max = MAX_ANNOTATIONS): Annotation[] {
  const sorted = [...findings].sort(compareBySeverity);
  const shown: Annotation[] = sorted.slice(0, max).map((f) => ({
    kind: KIND[f.severity],
    // The Actions log renders ANSI sequences: a module name from the repository must not bring its own.
    message: escapeControls(`${f.message}${cveSuffix(f)}`),
    // The CVE ids in the title too: the annotation list shows titles, and a CVE is what a reader searches for.
    props: { title: escapeControls(`${f.rule_id} ${f.title} (${f.severity})${f.cves ? ` ${f.cves.join(', ')}` : ''}`), ...(f.location ? { file: f.location.file, startLine: f.location.line, startColumn: f.location.column } : {}) },
  }));
  const rest = sorted.slice(shown.length);
  if (rest.length > 0) {
    shown.push({ kind: 'notice', message: escapeControls(`… and ${rest.length} more findings are not annotated: ${countByRule(rest)}. See the job summary or code scanning.`), props: { title: 'rsyncguard' } });
  }
  return shown;
}
