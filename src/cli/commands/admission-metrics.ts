/**
 * The webhook's Prometheus metrics (prefix rsyncguard_admission_), kept in a registry of this server's own,
 * never prom-client's global one, so nothing else loaded in the process can add to or clash with them. The
 * controller reports through AdmissionObserver; reviews are counted here from the decisions.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { AdmissionDecision, AdmissionObserver, ImageOutcome } from '../../runner/index.ts';
import type { RegistryLabeller } from '../../sources/index.ts';

/**
 * Image outcomes as the metrics count them: one per image per review. `too_costly`: denied because the
 * image is too costly to analyse (out of heap, out of time while working, a reader limit), whatever
 * --fail-open says; `timeout` is a review's budget running out, which --fail-open decides.
 */
export type ImageEvaluation = 'clean' | 'denied' | 'error' | 'timeout' | 'too_costly';
const EVALUATIONS: readonly ImageEvaluation[] = ['clean', 'denied', 'error', 'timeout', 'too_costly'];

export function evaluationOf(o: ImageOutcome): ImageEvaluation {
  if (o.kind === 'allowed') return 'clean';
  if (o.kind === 'denied') return 'denied';
  if (o.kind === 'unreadable' && o.costly === true) return 'too_costly';
  return o.kind === 'unevaluated' && o.timedOut === true ? 'timeout' : 'error';
}

/** Up to the 30 s budget cap; cached reviews take well under a millisecond. */
const REVIEW_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** An analysis of a large cold image can run minutes (--analysis-timeout). */
const ANALYSIS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export class AdmissionMetrics implements AdmissionObserver {
  readonly registry = new Registry();
  private readonly reviews = new Counter({
    name: 'rsyncguard_admission_reviews_total',
    help: 'Reviews answered, by the verdict (what enforce would answer) and the mode applied',
    labelNames: ['decision', 'mode'] as const,
    registers: [this.registry],
  });
  private readonly images = new Counter({ name: 'rsyncguard_admission_image_evaluations_total', help: 'Images judged, one per image per review, by outcome', labelNames: ['outcome'] as const, registers: [this.registry] });
  private readonly hits = new Counter({ name: 'rsyncguard_admission_cache_hits_total', help: 'Verdict cache lookups answered from the cache', registers: [this.registry] });
  private readonly misses = new Counter({ name: 'rsyncguard_admission_cache_misses_total', help: 'Verdict cache lookups that needed an analysis', registers: [this.registry] });
  private readonly reviewSeconds = new Histogram({ name: 'rsyncguard_admission_review_duration_seconds', help: 'Time from a review arriving to its answer', buckets: REVIEW_BUCKETS, registers: [this.registry] });
  private readonly analysisSeconds = new Histogram({ name: 'rsyncguard_admission_image_evaluation_duration_seconds', help: 'Time one image analysis took in the worker pool', buckets: ANALYSIS_BUCKETS, registers: [this.registry] });
  private readonly registryErrors = new Counter({
    name: 'rsyncguard_admission_registry_errors_total',
    help: 'Failed registry lookups, by registry host[:port] the operator named (--insecure-registry, Docker config auths, Docker Hub); "other" for the rest',
    labelNames: ['registry'] as const,
    registers: [this.registry],
  });

  /**
   * `label` names a registry for registry_errors_total (registryLabeller: only registries the operator
   * named, so a requester naming hosts at will cannot take the label slots); by default every one is "other".
   */
  constructor(private readonly label: RegistryLabeller = () => 'other') {
    collectDefaultMetrics({ register: this.registry, prefix: 'rsyncguard_' });
    // Zero series from the start, so a dashboard's rate() has a baseline before the first review.
    for (const decision of ['allow', 'deny']) for (const mode of ['enforce', 'warn', 'audit']) this.reviews.inc({ decision, mode }, 0);
    for (const outcome of EVALUATIONS) this.images.inc({ outcome }, 0);
  }

  /** One answered review: its verdict and mode, each image's outcome, and how long it took. */
  onReview(d: AdmissionDecision, seconds: number): void {
    this.reviews.inc({ decision: d.verdict, mode: d.mode });
    for (const o of d.outcomes) if (o.image !== undefined) this.images.inc({ outcome: evaluationOf(o) });
    this.reviewSeconds.observe(seconds);
  }

  onCacheLookup(hit: boolean): void {
    (hit ? this.hits : this.misses).inc();
  }

  onAnalysis(ms: number): void {
    this.analysisSeconds.observe(ms / 1000);
  }

  /**
   * '' is a reference naming no registry it could be looked up at (`Registry.Example.com/Team/App:1`,
   * `nginx:Not*A*Tag`): no registry failed, so nothing is counted here; the image is an `error` evaluation.
   */
  onRegistryError(registry: string): void {
    if (registry === '') return;
    this.registryErrors.inc({ registry: this.label(registry) });
  }

  /** The scrape: body and the content type prom-client says it is. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
