/**
 * The admission decision. Each image of a review is settled on its own — resolved to its digest, read and
 * evaluated once per digest in the worker pool (verdicts kept in a bounded LRU with a time-to-live) — and
 * the review is answered when every image has settled or the budget is spent, whichever comes first.
 * An image with a finding at or above --fail-on denies, whatever the failure policy; --fail-open only
 * lets through what the environment kept from being evaluated (the registry unreachable, timing out,
 * answering 5xx or refusing credentials; the budget, an analysis timeout spent waiting or the worker pool
 * running out; a container without an image) — the budget only while the analysis waits: one whose thread
 * has worked through most of it is too costly to evaluate within it (settle). A failure the image's own bytes cause — a config over a cap,
 * too many entries, a digest mismatch, a malformed tar, a daemon config missing, an image too costly to
 * analyse (image-pool.ts, costOf: cached as a verdict) — denies, or an author could pad an image until it
 * is let through. A failure's kind is decided where it happens (EnvironmentFailure, registry.ts).
 * A multi-platform image is judged on every platform its index offers (at most 16; attestations left
 * out), since a Pod may land on a node of any of them: a finding on any platform denies, naming it.
 * An analysis that misses the budget keeps running and fills the cache for the next review.
 */
import { severityRank, type PolicySource, type Severity } from '../engine/index.ts';
import { displayRef, failureKind, isLocalTransport, parseRegistryRef, quote, resolveDigest, type AdmissionRequest, type RegistryOptions } from '../sources/index.ts';
import { decisionMessage, decisionWarnings, type AdmissionMode, type ImageOutcome } from './admission-message.ts';
import { ImagePool, type Analysis, type PlatformFinding } from './image-pool.ts';
import { AdmittedOwners } from './admitted-owners.ts';
import { RegistryLookups } from './registry-lookups.ts';
import { errorMessage, today } from '../common/index.ts';

export interface AdmissionOptions {
  policies: PolicySource[];
  registry: Pick<RegistryOptions, 'platform' | 'insecure' | 'dockerConfig'>;
  failOn: Severity;
  budgetMs: number;
  failOpen: boolean;
  cacheSize: number;
  cacheTtlMs: number;
  /** How long a tag's digest is used before it is looked up again (default TAG_TTL_MS). */
  tagTtlMs?: number;
  /** Analysis threads. */
  workers: number;
  /** Longest a single analysis may run in its thread, whatever the budget of the review that asked. */
  analysisTimeoutMs: number;
  /**
   * The date waivers expire against (YYYY-MM-DD), read when an analysis starts: the server runs for days,
   * so it cannot be read once. The clock's today() unless a test pins it.
   */
  today?: () => string;
  /** Told what happens inside (cache lookups, analyses, registry failures), for metrics; never waited for. */
  observer?: AdmissionObserver;
}

/**
 * What the controller reports as it works, so the front end can count it (the CLI keeps a Prometheus
 * registry; the runner imports no metrics library). Each call is synchronous and must not throw.
 */
export interface AdmissionObserver {
  /** One verdict-cache lookup for an image's digest. */
  onCacheLookup(hit: boolean): void;
  /** One analysis in the pool finished (or failed) after `ms`. */
  onAnalysis(ms: number): void;
  /** A registry (host[:port] as the image names it) failed to say what a tag points to. */
  onRegistryError(registry: string): void;
}

const UNOBSERVED: AdmissionObserver = { onCacheLookup() {}, onAnalysis() {}, onRegistryError() {} };

export interface AdmissionDecision {
  uid: string;
  /** What enforce answers: the verdict, whatever the mode. */
  verdict: 'allow' | 'deny';
  mode: AdmissionMode;
  /** What the response says: the verdict in enforce mode, always true in warn and audit. */
  allowed: boolean;
  message: string;
  warnings: string[];
  outcomes: ImageOutcome[];
}

/** A tag may move, but not every second: its digest is looked up again after this long. */
export const TAG_TTL_MS = 60_000;
/**
 * Heap per analysis thread. The image reader keeps only the files it needs (the image bench peaks near
 * 100 MB), so this is room to spare, and two threads plus the server still fit a 1 GiB container.
 */
const WORKER_HEAP_MIB = 256;
/** Distinct images evaluated per review; a Pod needs a handful, and each costs a registry round trip. */
export const MAX_IMAGES = 64;
/** An image as messages and logs show it: quoted, escaped, and without any userinfo someone wrote into it. */
export function imageSubject(image: string): string {
  return `image ${quote(displayRef(image))}`;
}

/**
 * An image's name as shown (credentials masked) and as quoted in messages, kept by the reference as
 * written: a cached review names the same few images again and again. Emptied when full, so a stream of
 * distinct names costs only the work it always cost.
 */
const SHOWN_NAMES = 1024;
const shownNames = new Map<string, { subject: string; image: string }>();

/** The image as written and (once resolved) its digest, for messages and the log. */
function named(image: string, digest?: string): { subject: string; image: string; digest?: string } {
  let shown = shownNames.get(image);
  if (shown === undefined) {
    if (shownNames.size >= SHOWN_NAMES) shownNames.clear();
    shown = { subject: imageSubject(image), image: displayRef(image) };
    shownNames.set(image, shown);
  }
  return digest !== undefined ? { ...shown, digest: digest.slice(digest.lastIndexOf('@') + 1) } : { ...shown };
}

/** host[:port] of the registry an image names, as metrics label it; '' when it names none. */
function registryLabel(image: string): string {
  try {
    return parseRegistryRef(image).registry.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * The host of the registry an image names, for per-registry limits: without its port, since one host can
 * listen on thousands of ports, each of them a "registry" in a reference.
 */
function registryOf(image: string): string {
  try {
    return parseRegistryRef(image).registry.toLowerCase().replace(/:\d+$/, '');
  } catch {
    return '';
  }
}

/**
 * What is known of one image: its findings, and why (part of) it could not be read — `unreadable` for
 * what the image caused (denies), `unavailable` for what the environment caused (--fail-open applies).
 */
interface Verdict {
  findings: PlatformFinding[];
  unreadable?: string;
  unavailable?: string;
  /** The image is too costly to analyse (image-pool.ts, costOf): denied like unreadable, and cached. */
  costly?: true;
}

function failed(e: unknown): Verdict {
  const reason = errorMessage(e);
  return failureKind(e) === 'environment' ? { findings: [], unavailable: reason } : { findings: [], unreadable: reason };
}

export class AdmissionController {
  private readonly verdicts = new Map<string, Verdict & { at: number }>();
  private readonly tags = new Map<string, { digest: string; at: number }>();
  /** Work in progress, shared by every review that asks for the same digest (or tag) meanwhile. */
  private readonly analysing = new Map<string, Promise<Verdict>>();
  private readonly resolving = new Map<string, Promise<string>>();
  private readonly pool: ImagePool;
  /** Workloads admitted, whose controllers' objects are answered by their digests (admitted-owners.ts). */
  private readonly owners: AdmittedOwners;
  private readonly lookups = new RegistryLookups();
  private readonly observer: AdmissionObserver;
  private readonly tagTtlMs: number;

  constructor(private readonly opts: AdmissionOptions) {
    this.tagTtlMs = opts.tagTtlMs ?? TAG_TTL_MS;
    this.owners = new AdmittedOwners(opts.cacheSize, opts.cacheTtlMs, this.tagTtlMs);
    this.observer = opts.observer ?? UNOBSERVED;
    this.pool = new ImagePool({ policies: opts.policies, threads: opts.workers, queueLimit: Math.max(16, opts.workers * 32), jobTimeoutMs: opts.analysisTimeoutMs, heapMiB: WORKER_HEAP_MIB });
  }

  /** Starts the analysis threads; settles once they run, rejecting with why when one cannot start. */
  start(): Promise<void> {
    return this.pool.start();
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private remember<V>(map: Map<string, V>, key: string, value: V): void {
    map.delete(key);
    map.set(key, value);
    while (map.size > this.opts.cacheSize) map.delete(map.keys().next().value ?? '');
  }

  private digestOf(image: string): Promise<string> {
    const known = this.tags.get(image);
    if (known && Date.now() - known.at < this.tagTtlMs) return Promise.resolve(known.digest);
    const inflight = this.resolving.get(image);
    if (inflight) return inflight;
    const lookup = this.lookups
      .run(registryOf(image), () => resolveDigest(image, this.opts.registry))
      .then((digest) => {
        this.remember(this.tags, image, { digest, at: Date.now() });
        return digest;
      })
      .catch((e: unknown) => {
        this.observer.onRegistryError(registryLabel(image));
        throw e;
      })
      .finally(() => this.resolving.delete(image));
    this.resolving.set(image, lookup);
    return lookup;
  }

  /** Findings for one digest: from the cache when fresh, else from the pool (one analysis per digest at a time). */
  private verdictFor(digest: string): Promise<Verdict> {
    const hit = this.verdicts.get(digest);
    const fresh = hit !== undefined && Date.now() - hit.at < this.opts.cacheTtlMs;
    this.observer.onCacheLookup(fresh);
    if (hit && fresh) {
      this.remember(this.verdicts, digest, hit);
      return Promise.resolve(hit);
    }
    const inflight = this.analysing.get(digest);
    if (inflight) return inflight;
    const started = performance.now();
    const work = this.pool
      // Every platform of an index: a Pod may be scheduled on a node of any of them, not only --platform.
      .analyse(digest, this.opts.registry, (this.opts.today ?? today)(), true)
      .then((a: Analysis): Verdict => {
        this.observer.onAnalysis(performance.now() - started);
        if (!a.ok && a.kind === 'environment') return { findings: [], unavailable: a.error };
        // Too costly to analyse (on a platform, none cut short by the environment): a verdict, cached like any.
        if (a.costly && (!a.ok || a.unavailable === undefined)) return this.keep(digest, { findings: a.ok ? a.findings : [], unreadable: a.ok ? a.errors.join('; ') : a.error, costly: true });
        if (!a.ok) return { findings: [], unreadable: a.error };
        // A target the analysis could not evaluate is never cached as clean.
        if (a.errors.length > 0 || a.unavailable !== undefined) return { findings: a.findings, ...(a.errors.length > 0 ? { unreadable: a.errors.join('; ') } : {}), ...(a.unavailable !== undefined ? { unavailable: a.unavailable } : {}) };
        return this.keep(digest, { findings: a.findings });
      })
      .finally(() => this.analysing.delete(digest));
    this.analysing.set(digest, work);
    return work;
  }

  private keep(digest: string, v: Verdict): Verdict {
    this.remember(this.verdicts, digest, { ...v, at: Date.now() });
    return v;
  }

  private judge(image: string, verdict: Verdict, digest?: string): ImageOutcome {
    const subject = named(image, digest);
    const floor = severityRank(this.opts.failOn);
    // A clean verdict (the usual cached one) has nothing to filter.
    const blocking = verdict.findings.length === 0 ? verdict.findings : verdict.findings.filter((f) => severityRank(f.severity) >= floor);
    // Findings decide first: a platform that could not be read does not hide one that has them.
    if (blocking.length > 0) return { ...subject, kind: 'denied', findings: blocking };
    if (verdict.unreadable !== undefined) return { ...subject, kind: 'unreadable', reason: verdict.unreadable, ...(verdict.costly ? { costly: verdict.costly } : {}) };
    if (verdict.unavailable !== undefined) return { ...subject, kind: 'unevaluated', reason: verdict.unavailable };
    return { ...subject, kind: 'allowed', below: verdict.findings.length };
  }

  /** `answered` settles when the review has its answer: until then the pool knows a review waits for this image. */
  private async outcomeOf(image: string, answered: Promise<unknown>): Promise<ImageOutcome> {
    // A review names images to pull, never files on the webhook's own disk.
    if (isLocalTransport(image)) return { ...named(image), kind: 'refused', reason: 'a local image transport, not a registry reference; the node could not pull it either' };
    try {
      const digest = await this.digestOf(image);
      this.pool.want(digest, 1);
      void answered.then(() => this.pool.want(digest, -1));
      return this.judge(image, await this.verdictFor(digest), digest);
    } catch (e) {
      return this.judge(image, failed(e));
    }
  }

  /** Every image's verdict from the caches, or undefined: the usual review needs no timer and no waiting. */
  private cachedOutcomes(images: string[]): ImageOutcome[] | undefined {
    const now = Date.now();
    const outcomes: ImageOutcome[] = [];
    for (const image of images) {
      const tag = this.tags.get(image);
      const hit = tag && now - tag.at < this.tagTtlMs ? this.verdicts.get(tag.digest) : undefined;
      if (!tag || !hit || now - hit.at >= this.opts.cacheTtlMs) return undefined;
      this.remember(this.verdicts, tag.digest, hit);
      outcomes.push(this.judge(image, hit, tag.digest));
    }
    // Counted only when every image was a hit: otherwise settle() looks each one up again, and counts it then.
    for (let i = 0; i < outcomes.length; i++) this.observer.onCacheLookup(true);
    return outcomes;
  }

  /** Each image settled within the budget (counted from `arrivedAt`, a performance.now() time), or marked over it. */
  private async settle(images: string[], arrivedAt: number): Promise<ImageOutcome[]> {
    let timer: NodeJS.Timeout | undefined;
    // The answer must be on the wire by the budget, so settling stops a little earlier (5%, at most 100 ms).
    const settleBy = arrivedAt + this.opts.budgetMs - Math.min(100, this.opts.budgetMs * 0.05);
    const spent = new Promise<'spent'>((done) => {
      timer = setTimeout(() => done('spent'), Math.max(0, settleBy - performance.now()));
    });
    let answer = () => {};
    const answered = new Promise<void>((done) => (answer = done));
    const overBudget = (image: string): ImageOutcome => {
      const digest = this.tags.get(image)?.digest;
      const over = `not evaluated within the ${this.opts.budgetMs} ms budget`;
      // Over budget is the environment's only while the analysis waits: a thread working through most of
      // the budget is the image's cost, or any image could be made slow enough to be let in unread.
      const costly = digest !== undefined && this.opts.failOpen ? this.pool.atBudget(digest, this.opts.budgetMs, over) : undefined;
      if (costly !== undefined) return { ...named(image, digest), kind: 'unreadable', costly: true, reason: costly };
      return { ...named(image, digest), kind: 'unevaluated', timedOut: true, reason: `${over} (the analysis goes on; a later review uses its result)` };
    };
    try {
      return await Promise.all(images.map((image) => Promise.race([this.outcomeOf(image, answered), spent.then(() => overBudget(image))])));
    } finally {
      clearTimeout(timer);
      answer();
    }
  }

  /** A verdict younger than its time to live, as the owner shortcut reads it (a too-costly image is not one). */
  private readonly fresh = (digest: string) => {
    const v = this.verdicts.get(digest);
    return v && !v.costly ? { at: v.at, value: v.findings } : undefined;
  };

  /**
   * The decision when it needs no waiting: nothing to run, or every image answered from the caches
   * (through an admitted owner, or by digest). Undefined when an image has to be looked up or analysed.
   */
  decideNow(req: AdmissionRequest, mode: AdmissionMode = 'enforce'): AdmissionDecision | undefined {
    if (req.nothingToRun !== undefined) return conclude(req, [], mode, this.opts);
    const evaluated = req.images.slice(0, MAX_IMAGES);
    const owned = this.owners.verdicts(req, evaluated, this.fresh);
    // Answered through an owner, each image is still a verdict-cache hit (cache_hits_total counts them).
    if (owned) for (let i = 0; i < owned.verdicts.length; i++) this.observer.onCacheLookup(true);
    const outcomes = owned?.verdicts.map((findings, i) => this.judge(evaluated[i] ?? '', { findings }, owned.digests[i])) ?? this.cachedOutcomes(evaluated);
    return outcomes && this.concluded(req, evaluated, withRest(req, outcomes), mode, owned?.digests);
  }

  /**
   * `arrivedAt` (performance.now()) is when the request reached the server: the budget counts from there.
   * `mode` changes only the answer; the verdict, and the work behind it, are the same in every mode.
   */
  async decide(req: AdmissionRequest, arrivedAt = performance.now(), mode: AdmissionMode = 'enforce'): Promise<AdmissionDecision> {
    return this.decideNow(req, mode) ?? this.decideLater(req, arrivedAt, mode);
  }

  /** The decision once every image has settled or the budget is spent: for a review decideNow had none for. */
  async decideLater(req: AdmissionRequest, arrivedAt: number, mode: AdmissionMode): Promise<AdmissionDecision> {
    const evaluated = req.images.slice(0, MAX_IMAGES);
    return this.concluded(req, evaluated, withRest(req, await this.settle(evaluated, arrivedAt)), mode);
  }

  /** The decision on these outcomes; a workload whose every image was allowed is remembered as an owner. */
  private concluded(req: AdmissionRequest, evaluated: string[], outcomes: ImageOutcome[], mode: AdmissionMode, ownedDigests?: string[]): AdmissionDecision {
    if (outcomes.every((o) => o.kind === 'allowed')) this.owners.remember(req, evaluated, (image) => (ownedDigests ? ownedDigests[evaluated.indexOf(image)] : this.tags.get(image)?.digest), this.fresh);
    return conclude(req, outcomes, mode, this.opts);
  }
}

/** A review's image outcomes, plus the images past the cap and the containers without a usable image. */
function withRest(req: AdmissionRequest, outcomes: ImageOutcome[]): ImageOutcome[] {
  // Past the cap is the requester's choice, not an outage: --fail-open does not let it through, or any
  // image could hide behind 64 others.
  for (const image of req.images.slice(MAX_IMAGES)) outcomes.push({ ...named(image), kind: 'refused', reason: `the review names more than ${MAX_IMAGES} distinct images; only the first ${MAX_IMAGES} are evaluated` });
  for (const c of req.unreadable) outcomes.push({ subject: `container ${c.container}`, kind: c.refused ? 'refused' : 'unevaluated', reason: c.reason });
  return outcomes;
}

/** The verdict from every outcome, and the answer in `mode`. */
function conclude(req: AdmissionRequest, outcomes: ImageOutcome[], mode: AdmissionMode, opts: Pick<AdmissionOptions, 'failOn' | 'failOpen'>): AdmissionDecision {
  const kind = req.kind || 'object';
  if (req.nothingToRun !== undefined) return { uid: req.uid, verdict: 'allow', mode, allowed: true, message: `rsyncguard allowed this ${kind}: ${req.nothingToRun}.`, warnings: [], outcomes: [] };
  const denied = outcomes.some((o) => o.kind === 'denied' || o.kind === 'refused' || o.kind === 'unreadable');
  const unevaluated = outcomes.some((o) => o.kind === 'unevaluated');
  const verdict = !denied && (!unevaluated || opts.failOpen);
  const allowed = verdict || mode !== 'enforce';
  const ctx = { verdict, mode, failOn: opts.failOn, failOpen: opts.failOpen, kind, uid: req.uid };
  return { uid: req.uid, verdict: verdict ? 'allow' : 'deny', mode, allowed, message: decisionMessage(outcomes, ctx), warnings: decisionWarnings(outcomes, { ...ctx, allowed }), outcomes };
}

/**
 * The answer to a review whose budget ran out while the webhook was still starting (`why`: the step it was
 * at): every image over budget, which the failure policy decides, as it would for a slow registry.
 */
export function startingDecision(req: AdmissionRequest, mode: AdmissionMode, opts: Pick<AdmissionOptions, 'failOn' | 'failOpen'>, why: string): AdmissionDecision {
  const outcomes = req.images.slice(0, MAX_IMAGES).map((image): ImageOutcome => ({ ...named(image), kind: 'unevaluated', timedOut: true, reason: `not evaluated: the webhook was still starting (${why}); retry` }));
  return conclude(req, withRest(req, outcomes), mode, opts);
}

export { ADMISSION_MODES, cut, type AdmissionMode, type ImageOutcome } from './admission-message.ts';
