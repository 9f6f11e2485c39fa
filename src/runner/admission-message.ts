/**
 * What the API server shows the person whose Pod was reviewed: the verdict, then every image (and every
 * container without a usable image) with its own outcome, then what to do next. Findings are named by
 * rule, severity and message (already free of secrets); text from the review is quoted with escapes.
 */
import type { Finding, Severity } from '../engine/index.ts';

/** A finding, with the platform of a multi-platform image it was found on. */
type Found = Finding & { platform?: string };

export type ImageOutcome =
  | { subject: string; kind: 'denied'; findings: Found[] }
  | { subject: string; kind: 'allowed'; below: number }
  | { subject: string; kind: 'unevaluated'; reason: string }
  /** Denied whatever the failure policy, for a reason of the requester's making (too many images, a local path). */
  | { subject: string; kind: 'refused'; reason: string }
  /**
   * Denied whatever the failure policy: the image's own content kept it from being read (a file over a
   * cap, a digest mismatch, a malformed layer, the daemon's config missing). --fail-open is for failures
   * of the environment only, or an image author could pad an image until it is let through.
   */
  | { subject: string; kind: 'unreadable'; reason: string };

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
/**
 * A finding's message quotes module names and paths from the image, which its author chose: each is cut
 * here, and the whole status message at MAX_MESSAGE, so a hostile image cannot fill the API server's
 * responses, events and audit log.
 */
const MAX_FINDING_MESSAGE = 240;
export const MAX_MESSAGE = 8192;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function describe(o: ImageOutcome, ctx: Context): string {
  if (o.kind === 'allowed') return `${o.subject}: allowed (no findings at or above ${ctx.failOn}${o.below > 0 ? `; ${o.below} below it` : ''})`;
  if (o.kind === 'refused') return `${o.subject}: denied — ${o.reason}`;
  if (o.kind === 'unreadable')
    return `${o.subject}: rejected: the image could not be read: ${o.reason} (denied${ctx.failOpen ? ' even under --fail-open, which covers only failures of the registry or the webhook, never what the image itself causes' : ''})`;
  if (o.kind === 'unevaluated') return `${o.subject}: could not be evaluated — ${o.reason} (${ctx.failOpen ? 'allowed by --fail-open' : 'denied by the fail-closed policy'})`;
  const listed = o.findings.slice(0, MAX_FINDINGS_LISTED).map((f) => `${f.rule_id} (${f.severity})${f.platform !== undefined ? ` on ${f.platform}` : ''} ${cut(f.message.replace(/\.$/, ''), MAX_FINDING_MESSAGE)}`);
  const more = o.findings.length > MAX_FINDINGS_LISTED ? ` and ${o.findings.length - MAX_FINDINGS_LISTED} more` : '';
  return `${o.subject}: denied — ${o.findings.length} finding(s) at or above ${ctx.failOn}: ${listed.join(', ')}${more}`;
}

function heading(outcomes: ImageOutcome[], ctx: Context): string {
  const denied = outcomes.filter((o) => o.kind === 'denied').length;
  const refused = outcomes.filter((o) => o.kind === 'refused').length;
  const unreadable = outcomes.filter((o) => o.kind === 'unreadable').length;
  const unevaluated = outcomes.filter((o) => o.kind === 'unevaluated').length;
  const why = [
    denied > 0 ? `${denied} image(s) with findings at or above ${ctx.failOn}` : '',
    refused > 0 ? `${refused} image(s) refused` : '',
    unreadable > 0 ? `${unreadable} image(s) could not be read` : '',
    unevaluated > 0 ? `${unevaluated} could not be evaluated` : '',
  ]
    .filter(Boolean)
    .join(', ');
  if (!ctx.allowed) return `rsyncguard denied this ${ctx.kind}: ${why}${denied + refused + unreadable === 0 ? ' (fail-closed policy)' : ''}`;
  if (unevaluated > 0) return `rsyncguard allowed this ${ctx.kind} under --fail-open although ${why}`;
  return `rsyncguard allowed this ${ctx.kind}: no findings at or above ${ctx.failOn}`;
}

function nextSteps(outcomes: ImageOutcome[], ctx: Context): string {
  const steps: string[] = [];
  if (outcomes.some((o) => o.kind === 'denied')) steps.push('fix the rsync configuration in the image (rsyncguard image REF shows the full report) or waive the finding');
  if (outcomes.some((o) => o.kind === 'unreadable')) steps.push('fix the image the webhook could not read (rsyncguard image REF shows why)');
  if (outcomes.some((o) => o.kind === 'refused')) steps.push('name images from a registry, at most 64 distinct ones per object');
  if (outcomes.some((o) => o.kind === 'unevaluated'))
    steps.push(`make sure every container names an image the webhook can pull, then retry${ctx.failOpen ? '' : ' (a slow registry or a large image: retry, the analysis continues meanwhile, or raise --budget-ms)'}`);
  return steps.length > 0 ? ` Next: ${steps.join('; ')}.` : '';
}

/** What denies is listed first, so the reason for a denial is never among those only counted. */
const ORDER: Record<ImageOutcome['kind'], number> = { denied: 0, unreadable: 1, refused: 2, unevaluated: 3, allowed: 4 };

export function decisionMessage(all: ImageOutcome[], ctx: Context): { message: string; warnings: string[] } {
  const outcomes = [...all].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const listed = outcomes.slice(0, MAX_LISTED).map((o) => describe(o, ctx));
  if (outcomes.length > MAX_LISTED) listed.push(`and ${outcomes.length - MAX_LISTED} more`);
  const next = nextSteps(outcomes, ctx);
  let message = listed.length > 0 ? `${heading(outcomes, ctx)}. ${listed.join('; ')}.` : `rsyncguard allowed this ${ctx.kind}: it names no container image.`;
  // The verdict and what to do next always fit; the list of outcomes is what gets cut.
  if (message.length + next.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE - next.length - 40)}… (cut at ${MAX_MESSAGE} characters)`;
  message += next;
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
