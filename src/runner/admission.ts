/**
 * The admission decision: the images of a Pod (or of a workload's pod template), each resolved to its
 * digest and evaluated once per digest (a bounded LRU with a time-to-live), within a time budget; deny
 * when a finding is at or above the threshold, and on timeout or error follow the fail-open/closed policy.
 */
import { severityRank, type Finding, type Severity } from '../engine/index.ts';
import { resolveDigest, type RegistryOptions } from '../sources/index.ts';
import { evaluateTargets } from './evaluate-targets.ts';
import { scanImage } from './image.ts';
import type { PolicySource } from '../engine/index.ts';
import { isObject, type JsonObject } from '../common/index.ts';

export interface AdmissionOptions {
  policies: PolicySource[];
  registry: RegistryOptions;
  failOn: Severity;
  budgetMs: number;
  failOpen: boolean;
  cacheSize: number;
  cacheTtlMs: number;
}

export interface AdmissionRequest {
  uid: string;
  kind: string;
  images: string[];
}

export interface AdmissionDecision {
  uid: string;
  allowed: boolean;
  message: string;
  warnings: string[];
}

/** The pod spec of each kind the webhook reads. */
function podSpec(kind: string, object: JsonObject): JsonObject | undefined {
  const spec = isObject(object['spec']) ? object['spec'] : undefined;
  if (!spec) return undefined;
  if (kind === 'Pod') return spec;
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(kind)) return isObject(spec['template']) && isObject(spec['template']['spec']) ? spec['template']['spec'] : undefined;
  if (kind === 'CronJob') {
    const job = isObject(spec['jobTemplate']) && isObject(spec['jobTemplate']['spec']) ? spec['jobTemplate']['spec'] : undefined;
    return job && isObject(job['template']) && isObject(job['template']['spec']) ? job['template']['spec'] : undefined;
  }
  return undefined;
}

/** An AdmissionReview v1 as the API server sends it; a string says what is wrong with it. */
export function parseReview(body: unknown): AdmissionRequest | string {
  if (!isObject(body) || body['kind'] !== 'AdmissionReview' || body['apiVersion'] !== 'admission.k8s.io/v1') return 'not an admission.k8s.io/v1 AdmissionReview';
  const req = body['request'];
  if (!isObject(req) || typeof req['uid'] !== 'string' || req['uid'] === '') return 'the review has no request.uid';
  const kind = isObject(req['kind']) && typeof req['kind']['kind'] === 'string' ? req['kind']['kind'] : '';
  const object = req['object'];
  if (!isObject(object)) return `request ${req['uid']}: no object to review`;
  const spec = podSpec(kind, object);
  if (!spec) return `request ${req['uid']}: kind "${kind}" carries no pod spec rsyncguard reads`;
  const images = ['initContainers', 'containers', 'ephemeralContainers'].flatMap((k) => (Array.isArray(spec[k]) ? spec[k] : [])).filter(isObject).map((c) => c['image']).filter((i): i is string => typeof i === 'string' && i !== '');
  return { uid: req['uid'], kind, images: [...new Set(images)] };
}

interface Cached {
  findings: Finding[];
  at: number;
}

/** A tag may move, but not every second: its digest is looked up again after this long. */
const TAG_TTL_MS = 60_000;

export class AdmissionController {
  private readonly cache = new Map<string, Cached>();
  private readonly tags = new Map<string, { digest: string; at: number }>();

  private async digestOf(image: string): Promise<string> {
    const known = this.tags.get(image);
    if (known && Date.now() - known.at < TAG_TTL_MS) return known.digest;
    const digest = await resolveDigest(image, this.opts.registry);
    this.tags.set(image, { digest, at: Date.now() });
    while (this.tags.size > this.opts.cacheSize) this.tags.delete(this.tags.keys().next().value ?? '');
    return digest;
  }

  constructor(private readonly opts: AdmissionOptions) {}

  /** Findings for one image, by digest, from the cache when fresh. */
  private async findingsFor(image: string): Promise<Finding[]> {
    const key = await this.digestOf(image);
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < this.opts.cacheTtlMs) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit.findings;
    }
    const scan = await scanImage(key, { ...this.opts.registry, today: new Date().toISOString().slice(0, 10) });
    const report = await evaluateTargets(scan.facts, { policies: this.opts.policies, waiverFile: undefined, inlineWaivers: true });
    if (report.errors.length > 0) throw new Error(report.errors.map((e) => e.message).join('; '));
    const findings = report.targets.flatMap((t) => t.findings);
    this.cache.set(key, { findings, at: Date.now() });
    while (this.cache.size > this.opts.cacheSize) this.cache.delete(this.cache.keys().next().value ?? '');
    return findings;
  }

  async decide(req: AdmissionRequest): Promise<AdmissionDecision> {
    const floor = severityRank(this.opts.failOn);
    const work = Promise.all(req.images.map(async (image) => ({ image, findings: await this.findingsFor(image) })));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((done) => {
      timer = setTimeout(() => done('timeout'), this.opts.budgetMs);
    });
    try {
      const result = await Promise.race([work, timeout]);
      if (result === 'timeout') return this.fallback(req, `evaluation took longer than ${this.opts.budgetMs} ms`);
      const blocking = result.flatMap(({ image, findings }) => findings.filter((f) => severityRank(f.severity) >= floor).map((f) => `${image}: ${f.rule_id} (${f.severity}) ${f.message}`));
      if (blocking.length === 0) return { uid: req.uid, allowed: true, message: 'no rsyncguard findings at or above the threshold', warnings: [] };
      return { uid: req.uid, allowed: false, message: `rsyncguard: ${blocking.length} finding(s) at or above ${this.opts.failOn}: ${blocking.slice(0, 10).join(' | ')}`, warnings: [] };
    } catch (e) {
      return this.fallback(req, e instanceof Error ? e.message : String(e));
    } finally {
      clearTimeout(timer);
    }
  }

  private fallback(req: AdmissionRequest, why: string): AdmissionDecision {
    return this.opts.failOpen
      ? { uid: req.uid, allowed: true, message: `rsyncguard could not decide (${why}); allowed by the fail-open policy`, warnings: [`rsyncguard: ${why}`] }
      : { uid: req.uid, allowed: false, message: `rsyncguard could not decide (${why}); denied by the fail-closed policy`, warnings: [] };
  }
}
