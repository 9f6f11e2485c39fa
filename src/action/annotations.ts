/**
 * Annotations on the offending lines. The runner keeps only the first 10 errors, 10 warnings and 10 notices
 * of a step as annotations (actions/runner ExecutionContext.AddIssue: `_maxIssueCount = 10` per type) and
 * drops the rest without a word, so what is sent is chosen: the most severe findings of each kind, in the job
 * summary's order (severity, rule, file, line), within what the step has left of each kind. The rest are
 * counted (per rule) for the job summary and one closing notice, never sent to be lost.
 */
import type { Finding } from '../engine/index.ts';
import { compareBySeverity, countByRule, cveSuffix, escapeControls } from '../report/index.ts';

/** What the runner keeps per step of each annotation kind. */
export const ANNOTATIONS_PER_KIND = 10;

export type AnnotationKind = 'error' | 'warning' | 'notice';

export interface Annotation {
  kind: AnnotationKind;
  message: string;
  props: { title: string; file?: string; startLine?: number; startColumn?: number };
}

/** How many annotations of each kind the step may still send (the runner's cap less what it sent already). */
export type AnnotationBudget = Record<AnnotationKind, number>;

export const FULL_BUDGET: Readonly<AnnotationBudget> = { error: ANNOTATIONS_PER_KIND, warning: ANNOTATIONS_PER_KIND, notice: ANNOTATIONS_PER_KIND };

const KIND = { critical: 'error', high: 'error', medium: 'warning', low: 'notice' } as const;

export interface AnnotationPlan {
  /** What to send, most severe first; ends with the notice that counts the rest when there is a rest. */
  annotations: Annotation[];
  /** The findings not annotated, most severe first: the job summary counts them. */
  rest: Finding[];
}

function annotationOf(f: Finding): Annotation {
  return {
    kind: KIND[f.severity],
    // The Actions log renders ANSI sequences: a module name from the repository must not bring its own.
    message: escapeControls(`${f.message}${cveSuffix(f)}`),
    // The CVE ids in the title too: the annotation list shows titles, and a CVE is what a reader searches for.
    props: { title: escapeControls(`${f.rule_id} ${f.title} (${f.severity})${f.cves ? ` ${f.cves.join(', ')}` : ''}`), ...(f.location ? { file: f.location.file, startLine: f.location.line, startColumn: f.location.column } : {}) },
  };
}

function take(sorted: readonly Finding[], budget: AnnotationBudget): AnnotationPlan {
  const left = { ...budget };
  const annotations: Annotation[] = [];
  const rest: Finding[] = [];
  for (const f of sorted) {
    const kind = KIND[f.severity];
    if (left[kind] > 0) {
      left[kind]--;
      annotations.push(annotationOf(f));
    } else rest.push(f);
  }
  return { annotations, rest };
}

/** The sentence that counts what was not annotated, for the closing notice and the job summary. */
export function notAnnotatedSentence(rest: readonly Finding[]): string {
  return `${rest.length} more finding${rest.length === 1 ? ' is' : 's are'} not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} errors, ${ANNOTATIONS_PER_KIND} warnings and ${ANNOTATIONS_PER_KIND} notices per step): ${countByRule(rest)}. See the job summary, the SARIF file or code scanning.`;
}

export function planAnnotations(findings: readonly Finding[], budget: Readonly<AnnotationBudget> = FULL_BUDGET): AnnotationPlan {
  const sorted = [...findings].sort(compareBySeverity);
  const first = take(sorted, budget);
  if (first.rest.length === 0) return first;
  // The closing notice is a notice too: it takes one of their places, so it is never the one dropped.
  const plan = budget.notice > 0 ? take(sorted, { ...budget, notice: budget.notice - 1 }) : first;
  if (budget.notice > 0) plan.annotations.push({ kind: 'notice', message: escapeControls(notAnnotatedSentence(plan.rest)), props: { title: 'rsyncguard' } });
  return plan;
}
