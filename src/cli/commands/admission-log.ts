/**
 * The webhook's log: one JSON object per line on stderr, so a cluster's log pipeline (Fluent Bit, Loki,
 * Cloud Logging) reads level and fields without a parser of ours. A review's line carries what the status
 * message had no room for: every image with its digest, outcome, every finding and the reason it failed.
 * Strings the review or the image chose are escaped as in the message (findings are already secret-free,
 * and images have any credentials masked), and each is bounded, so no image can make a line unbounded.
 */
import { cut, type AdmissionDecision, type ImageOutcome } from '../../runner/index.ts';
import { escapeControls, escapeJsonText } from '../../report/index.ts';
import { evaluationOf } from './admission-metrics.ts';

/** Findings logged per image, and characters per string: enough for any real image, bounded for a hostile one. */
const MAX_LOGGED_FINDINGS = 50;
const MAX_TEXT = 500;

const text = (s: string) => cut(escapeControls(s), MAX_TEXT);

export type Level = 'info' | 'warn' | 'error';

/** One event: time, level and msg first, then the event's own fields. */
export function logEvent(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  // escapeJsonText, not escapeControls: the line must stay valid JSON (a "\x85" escape is not).
  process.stderr.write(`${escapeJsonText(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }))}\n`);
}

export function imageEntry(o: ImageOutcome): Record<string, unknown> {
  const findings = o.kind === 'denied' ? o.findings : [];
  return {
    image: text(o.image ?? o.subject),
    digest: o.digest ?? null,
    outcome: o.image === undefined ? 'error' : evaluationOf(o),
    findings: findings.slice(0, MAX_LOGGED_FINDINGS).map((f) => ({ rule_id: f.rule_id, severity: f.severity, message: text(f.message), ...(f.platform !== undefined ? { platform: text(f.platform) } : {}) })),
    ...(findings.length > MAX_LOGGED_FINDINGS ? { findings_not_logged: findings.length - MAX_LOGGED_FINDINGS } : {}),
    reason: 'reason' in o ? text(o.reason) : null,
  };
}

export interface ReviewContext {
  kind: string;
  namespace: string;
  durationMs: number;
}

/**
 * An image's entry as JSON text, escaped as the whole line would be (escapeJsonText works character by
 * character, so pieces escaped apart join into the same line). An allowed image's entry depends on its name
 * and digest only, and a cached review logs the same few again and again: those are kept, so the usual
 * review builds and escapes no entry at all. A bounded map, emptied when full: a cluster runs far fewer
 * distinct images than that, and a hostile stream of names only ever rebuilds entries.
 */
const ALLOWED_ENTRIES = 1024;
const allowedEntries = new Map<string, string>();

function entryText(o: ImageOutcome): string {
  if (o.kind !== 'allowed' || o.image === undefined) return escapeJsonText(JSON.stringify(imageEntry(o)));
  const key = `${o.image}\u0000${o.digest ?? ''}`;
  let json = allowedEntries.get(key);
  if (json === undefined) {
    if (allowedEntries.size >= ALLOWED_ENTRIES) allowedEntries.clear();
    json = escapeJsonText(JSON.stringify(imageEntry(o)));
    allowedEntries.set(key, json);
  }
  return json;
}

/** A string the review chose, as a JSON string in the line: bounded, and escaped as logEvent escapes. */
const jsonText = (s: string) => escapeJsonText(JSON.stringify(text(s)));

/**
 * The line for one answered review: the same text JSON.stringify and logEvent would write for the whole
 * object, built by hand, as this runs for every review: its keys are fixed, so only the strings the
 * review chose need escaping, and the images are appended as text (see entryText).
 */
export function logReview(d: AdmissionDecision, ctx: ReviewContext): void {
  let images = '';
  for (const o of d.outcomes) images += `${images === '' ? '' : ','}${entryText(o)}`;
  process.stderr.write(
    `{"time":"${new Date().toISOString()}","level":"info","msg":"admission review","uid":${jsonText(d.uid)},"kind":${jsonText(ctx.kind)},"namespace":${jsonText(ctx.namespace)},"mode":${JSON.stringify(d.mode)},"decision":${JSON.stringify(d.verdict)},"allowed":${d.allowed},"duration_ms":${JSON.stringify(Math.round(ctx.durationMs * 10) / 10)},"images":[${images}]}\n`,
  );
}
