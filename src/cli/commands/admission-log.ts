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

/**
 * Review lines held back while the webhook serves (bufferReviewLines), written together: at 1,000 reviews
 * a second a write per line is a system call per review, on the thread that answers the next one. Every
 * other event writes what is held first and then itself, so lines keep their order and a warning or an
 * error is never held.
 */
let held = '';
let holdMs = 0;
let flushTimer: NodeJS.Timeout | undefined;
/** Past this much held text (UTF-16 units: about as many bytes for JSON lines) the lines are written at once. */
const HOLD_BYTES = 64 << 10;

/** Writes the review lines held back, if any. */
export function flushLog(): void {
  clearTimeout(flushTimer);
  flushTimer = undefined;
  if (held === '') return;
  const text = held;
  held = '';
  process.stderr.write(text);
}

/**
 * From now on review lines wait up to `ms` to be written with the next ones (and are written on exit);
 * the returned function writes what waits and ends the buffering. A process ended by a signal it does not
 * handle (no 'exit' event then) or by V8 running out of heap loses at most the last `ms` of review lines.
 */
export function bufferReviewLines(ms: number): () => void {
  holdMs = ms;
  process.on('exit', flushLog);
  return () => {
    flushLog();
    holdMs = 0;
    process.off('exit', flushLog);
  };
}

function writeReviewLine(line: string): void {
  if (holdMs === 0) return void process.stderr.write(line);
  held += line;
  if (held.length >= HOLD_BYTES) flushLog();
  // Unref'd: a timer must not keep a stopping process alive; the exit handler writes what is left.
  else flushTimer ??= setTimeout(flushLog, holdMs).unref();
}

/** One event: time, level and msg first, then the event's own fields. */
export function logEvent(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  flushLog();
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
  writeReviewLine(
    `{"time":"${new Date().toISOString()}","level":"info","msg":"admission review","uid":${jsonText(d.uid)},"kind":${jsonText(ctx.kind)},"namespace":${jsonText(ctx.namespace)},"mode":${JSON.stringify(d.mode)},"decision":${JSON.stringify(d.verdict)},"allowed":${d.allowed},"duration_ms":${JSON.stringify(Math.round(ctx.durationMs * 10) / 10)},"images":[${images}]}\n`,
  );
}
