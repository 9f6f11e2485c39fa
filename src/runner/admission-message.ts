/**
 * What the API server shows the person whose object was reviewed, within 1 KiB: the verdict, each image
 * that denies (as written in the spec, with its short digest) and its worst findings, the images that
 * passed, what to do next, and the review uid to look up in the webhook's log, which has the full detail.
 * Warnings (warn mode, and what --fail-open let through) are one line each of at most 120 characters.
 * Findings are named by rule, severity and message (already free of secrets); text the image or the review
 * chose is escaped here, before it is measured, so escaping cannot push a message over its cap.
 */
import { severityRank, type Finding, type Severity } from '../engine/index.ts';
import { escapeControls } from '../report/index.ts';

/** A finding, with the platform of a multi-platform image it was found on. */
type Found = Finding & { platform?: string };

/** How a verdict is answered: enforce answers it; warn allows with warnings; audit allows and only records it. */
export const ADMISSION_MODES = ['enforce', 'warn', 'audit'] as const;
export type AdmissionMode = (typeof ADMISSION_MODES)[number];

/** `image` is the reference as written (credentials masked), `digest` what it resolved to, when known. */
type Named = { subject: string; image?: string; digest?: string };

export type ImageOutcome = Named &
  (
    | { kind: 'denied'; findings: Found[] }
    | { kind: 'allowed'; below: number }
    /** `timedOut`: the review's budget ran out before this image settled. */
    | { kind: 'unevaluated'; reason: string; timedOut?: boolean }
    /** Denied whatever the failure policy, for a reason of the requester's making (too many images, a local path). */
    | { kind: 'refused'; reason: string }
    /**
     * Denied whatever the failure policy: the image's own content kept it from being read (a file over a
     * cap, a digest mismatch, a malformed layer, the daemon's config missing). --fail-open is for failures
     * of the environment only, or an image author could pad an image until it is let through. `costly`:
     * the analysis ran out of heap, or of time while working, or hit a reader limit (a bomb, too many
     * files): the image is too costly to analyse.
     */
    | { kind: 'unreadable'; reason: string; costly?: true }
  );

export interface MessageContext {
  /** The verdict: what enforce would answer. */
  verdict: boolean;
  mode: AdmissionMode;
  failOn: Severity;
  failOpen: boolean;
  kind: string;
  uid: string;
}

/** The status message's cap in UTF-8 bytes: people read one screen, and events and audit logs keep it whole. */
export const MAX_MESSAGE = 1024;
/** Kubernetes shows each warning on one line; kubectl prefixes it with "Warning: ". */
export const MAX_WARNING = 120;
const MAX_WARNINGS = 10;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** At most `max` UTF-16 units, ending in "…" when cut (never inside a surrogate pair). */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/** `sha256:` and 12 hex digits: enough to tell images apart and to find the image in a registry's UI. */
export function shortDigest(digest: string): string {
  const at = digest.lastIndexOf('@');
  const bare = at >= 0 ? digest.slice(at + 1) : digest;
  const [algo = '', hex = ''] = bare.split(':');
  return `${algo}:${hex.slice(0, 12)}`;
}

/** Worst first, then by rule id: the findings a short message names. */
export function worstFirst(findings: Found[]): Found[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.rule_id.localeCompare(b.rule_id));
}

/**
 * How much each image's line carries, and whether the next steps are said: the first level at which every
 * image fits the cap wins. The last one (ten images of 40-character names still fit) keeps only the image,
 * its digest and its worst rule; the review uid always stays, since the log has the rest.
 */
interface Level {
  findings: number;
  text: number;
  reason: number;
  next: boolean;
  terse?: true;
}
const LEVELS: Level[] = [
  { findings: 3, text: 160, reason: 400, next: true },
  { findings: 3, text: 100, reason: 160, next: true },
  { findings: 1, text: 60, reason: 80, next: true },
  { findings: 1, text: 0, reason: 40, next: true },
  { findings: 1, text: 0, reason: 40, next: false },
  { findings: 1, text: 0, reason: 24, next: false, terse: true },
];
/**
 * When not even the last level fits every image: as many as fit are named, what denies first, the rest
 * counted. An image with findings at the last, shortest level (its rule id says what is wrong), so more are
 * named; one refused or unread keeps a sentence, since its reason is the whole explanation.
 */
const GREEDY = LEVELS[LEVELS.length - 1] as Level;
const GREEDY_REASONED: Level = { findings: 1, text: 60, reason: 100, next: false };
const greedyLevel = (o: ImageOutcome): Level => (o.kind === 'denied' || o.kind === 'allowed' ? GREEDY : GREEDY_REASONED);

function describe(o: ImageOutcome, ctx: MessageContext, level: Level): string {
  const subject = escapeControls(o.subject);
  const at = o.digest !== undefined ? ` (${shortDigest(o.digest)})` : '';
  if (level.terse) {
    const what = o.kind === 'denied' ? (worstFirst(o.findings)[0]?.rule_id ?? 'denied') : o.kind === 'allowed' ? 'allowed' : cut(escapeControls(o.reason), level.reason);
    return `${subject.replace(/^image /, '')}${at} ${what}`;
  }
  // An allowed image's digest is in the log; the message spends its bytes on what denies.
  if (o.kind === 'allowed') return `${subject}: allowed`;
  if (o.kind === 'refused') return `${subject}: denied — ${cut(escapeControls(o.reason), level.reason)}`;
  if (o.kind === 'unreadable') return `${subject}${at}: ${o.costly ? 'too costly to analyse' : 'could not be read'} — ${cut(escapeControls(o.reason), level.reason)} (denied${ctx.failOpen ? ' even under --fail-open' : ''})`;
  if (o.kind === 'unevaluated') return `${subject}${at}: could not be evaluated — ${cut(escapeControls(o.reason), level.reason)} (${ctx.failOpen ? 'allowed by --fail-open' : 'fail-closed: denied'})`;
  const worst = worstFirst(o.findings);
  const listed = worst.slice(0, level.findings).map((f) => {
    const on = f.platform !== undefined ? ` on ${escapeControls(f.platform)}` : '';
    const text = level.text > 0 ? ` ${cut(escapeControls(f.message.replace(/\.$/, '')), level.text)}` : '';
    return `${f.rule_id} (${f.severity})${on}${text}`;
  });
  const more = worst.length > level.findings ? ` and ${worst.length - level.findings} more` : '';
  return `${subject}${at}: denied — ${listed.join(', ')}${more}`;
}

function heading(outcomes: ImageOutcome[], ctx: MessageContext): string {
  const count = (k: ImageOutcome['kind']) => outcomes.filter((o) => o.kind === k).length;
  const [denied, refused, unreadable, unevaluated] = [count('denied'), count('refused'), count('unreadable'), count('unevaluated')];
  const why = [
    denied > 0 ? `${denied} image(s) with findings at or above ${ctx.failOn}` : '',
    refused > 0 ? `${refused} image(s) refused` : '',
    unreadable > 0 ? `${unreadable} image(s) could not be read` : '',
    unevaluated > 0 ? `${unevaluated} could not be evaluated` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const kind = cut(escapeControls(ctx.kind), 60);
  const closed = denied + refused + unreadable === 0 ? ' (fail-closed policy)' : '';
  if (!ctx.verdict && ctx.mode !== 'enforce') return `rsyncguard would deny this ${kind} but ${ctx.mode} mode allows it: ${why}${closed}`;
  if (!ctx.verdict) return `rsyncguard denied this ${kind}: ${why}${closed}`;
  if (unevaluated > 0) return `rsyncguard allowed this ${kind} under --fail-open although ${why}`;
  return `rsyncguard allowed this ${kind}: no findings at or above ${ctx.failOn}`;
}

function nextSteps(outcomes: ImageOutcome[], ctx: MessageContext): string {
  const has = (k: ImageOutcome['kind']) => outcomes.some((o) => o.kind === k);
  const steps = [
    has('denied') ? `fix the rsync configuration in the image or waive the finding (rsyncguard image REF${platformOption(outcomes)} shows the report)` : '',
    has('unreadable') ? `fix the image (rsyncguard image REF says why)${outcomes.some((o) => o.kind === 'unreadable' && o.costly) ? ', or make it smaller' : ''}` : '',
    has('refused') ? 'name images from a registry, at most 64 per object' : '',
    // A container the review itself leaves unreadable (no object, a list that is no list, an image that is no string).
    outcomes.some((o) => o.kind === 'unevaluated' && o.subject.startsWith('container ')) ? "correct the object's containers as the reason says" : '',
    outcomes.some((o) => o.kind === 'unevaluated' && !o.subject.startsWith('container ')) ? `name images the webhook can pull, then retry${ctx.failOpen ? '' : ' (a slow registry: retry, or raise --budget-ms)'}` : '',
  ].filter(Boolean);
  return steps.length > 0 ? ` Next: ${steps.join('; ')}.` : '';
}

/**
 * `rsyncguard image` reads linux/amd64 of an index unless told: a finding only on another platform needs
 * `--platform` to be seen there. One platform is named, the first a finding was on.
 */
function platformOption(outcomes: ImageOutcome[]): string {
  const on = outcomes.flatMap((o) => (o.kind === 'denied' ? o.findings.map((f) => f.platform) : [])).filter((p): p is string => p !== undefined);
  if (on.length === 0 || on.includes('linux/amd64')) return '';
  return ` --platform ${cut(escapeControls(on[0] ?? ''), 40)}`;
}

/** What denies is listed first, so the reason for a denial is never among those only counted. */
const ORDER: Record<ImageOutcome['kind'], number> = { denied: 0, unreadable: 1, refused: 2, unevaluated: 3, allowed: 4 };

/** What ends every message: the next steps (when the level says them) and the review uid to look up. */
function ending(outcomes: ImageOutcome[], ctx: MessageContext, level: Level): string {
  return `.${level.next ? nextSteps(outcomes, ctx) : ''} See the webhook log for review ${cut(escapeControls(ctx.uid), 64)}.`;
}

/** Every outcome at the most detailed level that fits them all; else as many as fit at the last, the rest counted. */
function fitted(outcomes: ImageOutcome[], ctx: MessageContext, head: string): string {
  for (const level of LEVELS) {
    const text = `${head}${outcomes.map((o) => describe(o, ctx, level)).join('; ')}${ending(outcomes, ctx, level)}`;
    if (bytes(text) <= MAX_MESSAGE) return text;
  }
  const listed: string[] = [];
  // The count of those left out needs its own room ("; and 63 more image(s)").
  let left = MAX_MESSAGE - bytes(head) - bytes(ending(outcomes, ctx, GREEDY)) - 32;
  for (const o of outcomes) {
    const line = describe(o, ctx, greedyLevel(o));
    if (bytes(line) + 2 > left) break;
    listed.push(line);
    left -= bytes(line) + 2;
  }
  return `${head}${[...listed, `and ${outcomes.length - listed.length} more image(s)`].join('; ')}${ending(outcomes, ctx, GREEDY)}`;
}

/**
 * The message of a review whose every image passed, but for its uid: the usual answer, naming the same few
 * images review after review, so kept rather than built again (at most ALLOWED_STARTS, emptied when full:
 * a stream of distinct names only costs the building it always cost). Every detailed level writes an
 * allowed image alike, so this is the first level's text whenever it fits.
 */
const ALLOWED_STARTS = 1024;
const allowedStarts = new Map<string, string>();

function allowedMessage(outcomes: ImageOutcome[], ctx: MessageContext): string | undefined {
  if (!outcomes.every((o) => o.kind === 'allowed')) return undefined;
  // The kind as the heading shows it: a review's kind is any string it chose, and only its shown part is kept.
  const key = `${ctx.verdict}\u0000${ctx.mode}\u0000${ctx.failOn}\u0000${cut(escapeControls(ctx.kind), 60)}\u0000${outcomes.map((o) => o.subject).join('\u0000')}`;
  const level = LEVELS[0] as Level;
  const kept = allowedStarts.get(key);
  const start = kept ?? `${heading(outcomes, ctx)}. ${outcomes.map((o) => describe(o, ctx, level)).join('; ')}`;
  const message = `${start}${ending(outcomes, ctx, level)}`;
  if (bytes(message) > MAX_MESSAGE) return undefined;
  // Kept only once it has fitted: names too long to list in full would otherwise fill the map with text
  // no message uses.
  if (kept === undefined) {
    if (allowedStarts.size >= ALLOWED_STARTS) allowedStarts.clear();
    allowedStarts.set(key, start);
  }
  return message;
}

/** The status message: never more than MAX_MESSAGE bytes, whatever the review and its images hold. */
export function decisionMessage(all: ImageOutcome[], ctx: MessageContext): string {
  if (all.length === 0) return `rsyncguard allowed this ${cut(escapeControls(ctx.kind), 60)}: it names no container image.`;
  const allowed = allowedMessage(all, ctx);
  if (allowed !== undefined) return allowed;
  const outcomes = [...all].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const message = fitted(outcomes, ctx, `${heading(outcomes, ctx)}. `);
  // The parts above are each bounded; this only guards the sum against a future longer sentence.
  return bytes(message) <= MAX_MESSAGE
    ? message
    : `${Buffer.from(message)
        .subarray(0, MAX_MESSAGE - 3)
        .toString('utf8')
        .replace(/\ufffd$/, '')}…`;
}

/**
 * What an image name keeps in a warning before its reason is cut (MIN_NAME), and at the very least (when
 * what is wrong would not fit otherwise): enough for the registry host's start and the tag's end.
 */
const MIN_NAME = 64;
const LEAST_NAME = 24;

/**
 * `name` in at most `max` characters, shortened in the middle: the start (the registry host) and the end
 * (the last path segment with its tag or digest) are what tell two images apart, and a name cut at its end
 * loses exactly that. `differsAt`: where the name differs from another's that would be cut alike. Never
 * splits a surrogate pair.
 */
export function cutMiddle(name: string, max: number, differsAt?: number): string {
  if (name.length <= max) return name;
  const around = differsAt === undefined ? undefined : cutAround(name, max, differsAt);
  if (around !== undefined) return around;
  const room = Math.max(2, max) - 1;
  // The registry host (up to the first "/") if it takes at most half the room; the last path segment with
  // its tag or digest in what is left, so `…/checkout:v1` and `…/refunds:v1` stay apart.
  const host = name.indexOf('/') + 1;
  const keep = Math.min(host > 0 ? host : 8, Math.floor(room / 2));
  let tail = Math.min(name.length - name.lastIndexOf('/') - 1, room - keep);
  let head = room - tail;
  if (/[\ud800-\udbff]/.test(name.charAt(head - 1))) head--;
  if (/[\udc00-\udfff]/.test(name.charAt(name.length - tail))) tail--;
  return `${name.slice(0, head)}…${name.slice(name.length - tail)}`;
}

/**
 * Two names that differ only where cutMiddle cuts (`…/team-a1/checkout:v1`, `…/team-a2/checkout:v1`) would
 * read alike: the part around `keep`, where they differ, is kept between two ellipses. Undefined when the
 * plain cut keeps that part anyway, or the room is too small for three pieces.
 */
function cutAround(name: string, max: number, keep: number): string | undefined {
  const room = max - 2;
  const tail = Math.min(name.length - name.lastIndexOf('/') - 1, Math.floor(room / 3));
  const window = Math.min(16, Math.floor(room / 3));
  const head = room - tail - window;
  if (head < 4 || keep < head || keep >= name.length - tail) return undefined;
  const from = Math.min(Math.max(head, keep - Math.floor(window / 2)), name.length - tail - window);
  const pieces = [name.slice(0, head), name.slice(from, from + window), name.slice(name.length - tail)];
  // Never split a surrogate pair: names are escaped before this, so one here is a real character cut in two.
  return pieces.some((p) => /^[\udc00-\udfff]|[\ud800-\udbff]$/.test(p)) ? undefined : `${pieces[0]}…${pieces[1]}…${pieces[2]}`;
}

/** A subject with its image name (between the quotes of `image "…"`) shortened in the middle by `excess`, to no less than `floor`. */
function shortenSubject(subject: string, excess: number, floor: number, keep?: number): string {
  const m = /^(image ")(.*)(")$/s.exec(subject);
  if (!m) return cut(subject, Math.max(floor, subject.length - excess));
  const [, open = '', name = '', close = ''] = m;
  return `${open}${cutMiddle(name, Math.max(floor, name.length - excess), keep === undefined ? undefined : keep - open.length)}${close}`;
}

/**
 * One warning: the image, then what is wrong with it, at most MAX_WARNING characters. What does not fit
 * is taken first from the middle of the image name (down to MIN_NAME), then from the reason, then from
 * the name again (down to LEAST_NAME); the log has all of it.
 */
function warning(o: ImageOutcome, ctx: MessageContext, keep?: number): string {
  const prefix = 'rsyncguard: ';
  const at = o.digest !== undefined ? ` (${shortDigest(o.digest)})` : '';
  let what: string;
  let why = '';
  if (o.kind === 'denied') {
    const worst = worstFirst(o.findings);
    const rules = [...new Set(worst.map((f) => f.rule_id))];
    what = `${worst[0]?.severity ?? ctx.failOn}: ${rules.slice(0, 3).join(', ')}${rules.length > 3 ? ` +${rules.length - 3}` : ''}`;
  } else if (o.kind === 'allowed') what = 'allowed';
  else {
    // Over budget is said in two words: it is the usual reason, and the one a warning must not lose to a cut.
    const timedOut = o.kind === 'unevaluated' && o.timedOut === true;
    what = o.kind === 'unevaluated' ? `${timedOut ? 'over budget' : 'not evaluated'}${ctx.verdict ? ', allowed by --fail-open' : ''}` : o.kind === 'unreadable' ? (o.costly ? 'too costly to analyse' : 'could not be read') : 'refused';
    why = timedOut ? '' : escapeControls(o.reason);
  }
  const full = escapeControls(o.subject);
  const line = (subject: string, reason: string) => `${prefix}${subject}${at}: ${what}${reason === '' ? '' : ` (${reason})`}`;
  const whole = line(full, why);
  if (whole.length <= MAX_WARNING) return whole;
  let subject = shortenSubject(full, whole.length - MAX_WARNING, MIN_NAME, keep);
  if (line(subject, why).length <= MAX_WARNING) return line(subject, why);
  const room = MAX_WARNING - line(subject, '').length - 3;
  if (why !== '' && room >= 8) return line(subject, cut(why, room));
  const over = line(subject, '').length - MAX_WARNING;
  if (over > 0) subject = shortenSubject(subject, over, LEAST_NAME, keep);
  return cut(line(subject, ''), MAX_WARNING);
}

/**
 * AdmissionReview warnings for an allowed answer: each image that did not pass, one line each (at most 10,
 * then a count); none in audit mode, and none on a denial (the message says it all).
 */
export function decisionWarnings(all: ImageOutcome[], ctx: MessageContext & { allowed: boolean }): string[] {
  if (!ctx.allowed || ctx.mode === 'audit' || all.every((o) => o.kind === 'allowed')) return [];
  const flagged = [...all].filter((o) => o.kind !== 'allowed').sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const shown = flagged.slice(0, MAX_WARNINGS);
  const first = shown.map((o) => warning(o, ctx));
  // Lines alike for different names: cut again, each keeping where its name first differs from the others'.
  const lines = first.map((line, i) => {
    const own = escapeControls(shown[i]?.subject ?? '');
    const differs = first.flatMap((l, j) => (l === line && j !== i ? [firstDifference(own, escapeControls(shown[j]?.subject ?? ''))] : [])).filter((d) => d < own.length);
    return differs.length > 0 ? warning(shown[i] as ImageOutcome, ctx, Math.min(...differs)) : line;
  });
  if (flagged.length > MAX_WARNINGS) lines.push(cut(`rsyncguard: and ${flagged.length - MAX_WARNINGS} more; see the webhook log for review ${escapeControls(ctx.uid)}`, MAX_WARNING));
  return lines;
}

/** Where two strings first differ (the shorter one's length when one starts the other). */
function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
