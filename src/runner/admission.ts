/**
 * The admission decision. Each image of a review is settled on its own — resolved to its digest, read and
 * evaluated once per digest in the worker pool (verdicts kept in a bounded LRU with a time-to-live) — and
 * the review is answered when every image has settled or the budget is spent, whichever comes first.
 * An image with a finding at or above --fail-on denies, whatever the failure policy; --fail-open only
 * lets through what could not be evaluated (unreachable, failed, over budget, a container without an
 * image). An analysis that misses the budget keeps running and fills the cache for the next review.
 */
import { severityRank, type Finding, type PolicySource, type Severity } from '../engine/index.ts';
import { resolveDigest, type RegistryOptions } from '../sources/index.ts';
import { quote, type AdmissionRequest } from './admission-review.ts';
import { decisionMessage, type ImageOutcome } from './admission-message.ts';
import { ImagePool, type Analysis } from './image-pool.ts';

export interface AdmissionOptions {
  policies: PolicySource[];
  registry: Pick<RegistryOptions, 'platform' | 'insecure' | 'dockerConfig'>;
  failOn: Severity;
  budgetMs: number;
  failOpen: boolean;
  cacheSize: number;
  cacheTtlMs: number;
  /** Analysis threads. */
  workers: number;
  /** Longest a single analysis may run in its thread, whatever the budget of the review that asked. */
  analysisTimeoutMs: number;
}

export interface AdmissionDecision {
  uid: string;
  allowed: boolean;
  message: string;
  warnings: string[];
  outcomes: ImageOutcome[];
}

/** A tag may move, but not every second: its digest is looked up again after this long. */
const TAG_TTL_MS = 60_000;
/**
 * Heap per analysis thread. The image reader keeps only the files it needs (the image bench peaks near
 * 100 MB), so this is room to spare, and two threads plus the server still fit a 1 GiB container.
 */
const WORKER_HEAP_MIB = 256;
/** Distinct images evaluated per review; a Pod needs a handful, and each costs a registry round trip. */
export const MAX_IMAGES = 64;

type Verdict = { ok: true; findings: Finding[] } | { ok: false; error: string };

export class AdmissionController {
  private readonly verdicts = new Map<string, { findings: Finding[]; at: number }>();
  private readonly tags = new Map<string, { digest: string; at: number }>();
  /** Work in progress, shared by every review that asks for the same digest (or tag) meanwhile. */
  private readonly analysing = new Map<string, Promise<Verdict>>();
  private readonly resolving = new Map<string, Promise<string>>();
  private readonly pool: ImagePool;

  constructor(private readonly opts: AdmissionOptions) {
    this.pool = new ImagePool({ policies: opts.policies, threads: opts.workers, queueLimit: Math.max(16, opts.workers * 32), jobTimeoutMs: opts.analysisTimeoutMs, heapMiB: WORKER_HEAP_MIB });
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
    if (known && Date.now() - known.at < TAG_TTL_MS) return Promise.resolve(known.digest);
    const inflight = this.resolving.get(image);
    if (inflight) return inflight;
    const lookup = resolveDigest(image, this.opts.registry)
      .then((digest) => {
        this.remember(this.tags, image, { digest, at: Date.now() });
        return digest;
      })
      .finally(() => this.resolving.delete(image));
    this.resolving.set(image, lookup);
    return lookup;
  }

  /** Findings for one digest: from the cache when fresh, else from the pool (one analysis per digest at a time). */
  private verdictFor(digest: string): Promise<Verdict> {
    const hit = this.verdicts.get(digest);
    if (hit && Date.now() - hit.at < this.opts.cacheTtlMs) {
      this.remember(this.verdicts, digest, hit);
      return Promise.resolve({ ok: true, findings: hit.findings });
    }
    const inflight = this.analysing.get(digest);
    if (inflight) return inflight;
    const work = this.pool
      .analyse(digest, this.opts.registry, new Date().toISOString().slice(0, 10))
      .then((a: Analysis): Verdict => {
        if (!a.ok) return a;
        // A target the analysis could not evaluate is never cached as clean.
        if (a.errors.length > 0) return { ok: false, error: a.errors.join('; ') };
        this.remember(this.verdicts, digest, { findings: a.findings, at: Date.now() });
        return { ok: true, findings: a.findings };
      })
      .finally(() => this.analysing.delete(digest));
    this.analysing.set(digest, work);
    return work;
  }

  private judge(image: string, verdict: Verdict): ImageOutcome {
    const subject = `image ${quote(image)}`;
    if (!verdict.ok) return { subject, kind: 'unevaluated', reason: verdict.error };
    const floor = severityRank(this.opts.failOn);
    const blocking = verdict.findings.filter((f) => severityRank(f.severity) >= floor);
    return blocking.length > 0 ? { subject, kind: 'denied', findings: blocking } : { subject, kind: 'allowed', below: verdict.findings.length };
  }

  private async outcomeOf(image: string): Promise<ImageOutcome> {
    try {
      return this.judge(image, await this.verdictFor(await this.digestOf(image)));
    } catch (e) {
      return this.judge(image, { ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Every image's verdict from the caches, or undefined: the usual review needs no timer and no waiting. */
  private cachedOutcomes(images: string[]): ImageOutcome[] | undefined {
    const now = Date.now();
    const outcomes: ImageOutcome[] = [];
    for (const image of images) {
      const tag = this.tags.get(image);
      const hit = tag && now - tag.at < TAG_TTL_MS ? this.verdicts.get(tag.digest) : undefined;
      if (!tag || !hit || now - hit.at >= this.opts.cacheTtlMs) return undefined;
      this.remember(this.verdicts, tag.digest, hit);
      outcomes.push(this.judge(image, { ok: true, findings: hit.findings }));
    }
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
    const overBudget = (image: string): ImageOutcome => ({ subject: `image ${quote(image)}`, kind: 'unevaluated', reason: `not evaluated within the ${this.opts.budgetMs} ms budget (the analysis goes on; a later review uses its result)` });
    try {
      return await Promise.all(images.map((image) => Promise.race([this.outcomeOf(image), spent.then(() => overBudget(image))])));
    } finally {
      clearTimeout(timer);
    }
  }

  /** `arrivedAt` (performance.now()) is when the request reached the server: the budget counts from there. */
  async decide(req: AdmissionRequest, arrivedAt = performance.now()): Promise<AdmissionDecision> {
    const evaluated = req.images.slice(0, MAX_IMAGES);
    const outcomes = this.cachedOutcomes(evaluated) ?? (await this.settle(evaluated, arrivedAt));
    for (const image of req.images.slice(MAX_IMAGES)) outcomes.push({ subject: `image ${quote(image)}`, kind: 'unevaluated', reason: `the review names more than ${MAX_IMAGES} distinct images; only the first ${MAX_IMAGES} are evaluated` });
    for (const c of req.unreadable) outcomes.push({ subject: `container ${c.container}`, kind: 'unevaluated', reason: c.reason });
    const denied = outcomes.some((o) => o.kind === 'denied');
    const unevaluated = outcomes.some((o) => o.kind === 'unevaluated');
    const allowed = !denied && (!unevaluated || this.opts.failOpen);
    const { message, warnings } = decisionMessage(outcomes, { allowed, failOn: this.opts.failOn, failOpen: this.opts.failOpen, kind: req.kind });
    return { uid: req.uid, allowed, message, warnings, outcomes };
  }
}

export { parseReview } from './admission-review.ts';
export type { AdmissionRequest } from './admission-review.ts';
export type { ImageOutcome } from './admission-message.ts';
