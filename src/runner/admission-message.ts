/**
 * What the API server shows the person whose Pod was reviewed: the verdict, then every image (and every
 * container without a usable image) with its own outcome, then what to do next. Findings are named by
 * rule, severity and message (already free of secrets); text from the review is quoted with escapes.
 */
import type { Finding, Severity } from '../engine/index.ts';

export type ImageOutcome =
  | { subject: string; kind: 'denied'; findings: Finding[] }
  | { subject: string; kind: 'allowed'; below: number }
  | { subject: string; kind: 'unevaluated'; reason: string };

interface Context {
  allowed: boolean;
  failOn: Severity;
  failOpen: boolean;
  kind: string;
}

/** The API server keeps the whole status message, but people read the start: list this many, count the rest. */
const MAX_LISTED = 20;
const MAX_FINDINGS_LISTED = 5;
/** Kubernetes recommends short warnings (kubectl prints each on one line). */
const MAX_WARNING = 256;
const MAX_WARNINGS = 10;

function describe(o: ImageOutcome, ctx: Context): string {
  if (o.kind === 'allowed') return `${o.subject}: allowed (no findings at or above ${ctx.failOn}${o.below > 0 ? `; ${o.below} below it` : ''})`;
  if (o.kind === 'unevaluated') return `${o.subject}: could not be evaluated — ${o.reason} (${ctx.failOpen ? 'allowed by --fail-open' : 'denied by the fail-closed policy'})`;
  const listed = o.findings.slice(0, MAX_FINDINGS_LISTED).map((f) => `${f.rule_id} (${f.severity}) ${f.message.replace(/\.$/, '')}`);
  const more = o.findings.length > MAX_FINDINGS_LISTED ? ` and ${o.findings.length - MAX_FINDINGS_LISTED} more` : '';
  return `${o.subject}: denied — ${o.findings.length} finding(s) at or above ${ctx.failOn}: ${listed.join(', ')}${more}`;
}

function heading(outcomes: ImageOutcome[], ctx: Context): string {
  const denied = outcomes.filter((o) => o.kind === 'denied').length;
  const unevaluated = outcomes.filter((o) => o.kind === 'unevaluated').length;
  const why = [denied > 0 ? `${denied} image(s) with findings at or above ${ctx.failOn}` : '', unevaluated > 0 ? `${unevaluated} could not be evaluated` : ''].filter(Boolean).join(', ');
  if (!ctx.allowed) return `rsyncguard denied this ${ctx.kind}: ${why}${denied === 0 ? ' (fail-closed policy)' : ''}`;
  if (unevaluated > 0) return `rsyncguard allowed this ${ctx.kind} under --fail-open although ${why}`;
  return `rsyncguard allowed this ${ctx.kind}: no findings at or above ${ctx.failOn}`;
}

function nextSteps(outcomes: ImageOutcome[], ctx: Context): string {
  const steps: string[] = [];
  if (outcomes.some((o) => o.kind === 'denied')) steps.push('fix the rsync configuration in the image (rsyncguard image REF shows the full report) or waive the finding');
  if (outcomes.some((o) => o.kind === 'unevaluated')) steps.push(`make sure every container names an image the webhook can pull, then retry${ctx.failOpen ? '' : ' (a slow registry or a large image: retry, the analysis continues meanwhile, or raise --budget-ms)'}`);
  return steps.length > 0 ? ` Next: ${steps.join('; ')}.` : '';
}

export function decisionMessage(outcomes: ImageOutcome[], ctx: Context): { message: string; warnings: string[] } {
  const listed = outcomes.slice(0, MAX_LISTED).map((o) => describe(o, ctx));
  if (outcomes.length > MAX_LISTED) listed.push(`and ${outcomes.length - MAX_LISTED} more`);
  const message = `${heading(outcomes, ctx)}. ${listed.join('; ')}.${nextSteps(outcomes, ctx)}`;
  const warnings = ctx.allowed
    ? outcomes
        .filter((o) => o.kind === 'unevaluated')
        .slice(0, MAX_WARNINGS)
        .map((o) => {
          const w = `rsyncguard: ${describe(o, ctx)}`;
          return w.length > MAX_WARNING ? `${w.slice(0, MAX_WARNING - 1)}…` : w;
        })
    : [];
  return { message, warnings };
}
