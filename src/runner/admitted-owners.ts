/**
 * The owner shortcut. A controller creates its objects from a template the webhook has already read: a
 * Deployment's ReplicaSets and their Pods, a CronJob's Jobs and theirs. When a workload is admitted, the
 * images it names are remembered with the digests they resolved to; an object that names that workload
 * as its controller, and runs only images it had, is answered from the verdict cache by those digests —
 * no tag lookup, no registry round trip. The object admitted this way is remembered in turn, so the chain
 * Deployment → ReplicaSet → Pod (CronJob → Job → Pod) hits at every step.
 *
 * An ownerReference is a claim anyone who may create the object can write, so nothing rests on it alone:
 * - only images the owner named, written exactly as it wrote them, and only the digests they resolved to
 *   when it was admitted: a claim can never bring in an image the owner did not have;
 * - only while each of those digests' verdicts is still cached and fresh (the caller checks, and an entry
 *   dies with the first of its verdicts): the shortcut never outlives the verdict it reuses;
 * - only an owner in the same namespace (Kubernetes forbids ownerReferences across namespaces), whose kind
 *   is the kind the claim names, and that was admitted with every image allowed: a denial, an image not
 *   evaluated (let through by --fail-open), an unreadable container or a review past the image cap is
 *   never remembered.
 * A tag named through an owner stays bound to the digest it had when the owner was admitted, for as long
 * as that digest's verdict lives — as the Pods of a rollout that started then would have pulled it. An
 * object outside these rules goes the usual way (tag lookup, verdict cache, analysis).
 *
 * Owners are known by metadata.uid, which is set for CREATE too: the API server's generic registry fills
 * it (rest.FillObjectMetaSystemFields in Store.Create) before rest.BeforeCreate and before it calls the
 * validating admission webhooks (createValidation). Mutating webhooks run earlier and see no uid; this is
 * a validating one. A review whose object carries no uid is not remembered.
 */
import type { AdmissionRequest } from '../sources/index.ts';

/** Kinds whose controllers make objects from the pod template the webhook read in them. */
export const OWNER_KINDS: ReadonlySet<string> = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/** A verdict as the cache holds it: when it was made (Date.now()) and whatever the caller judges from. */
export interface Cached<V> {
  at: number;
  value: V;
}

interface Owner {
  kind: string;
  /** Each image as the owner wrote it → the digest reference it resolved to. */
  digests: Map<string, string>;
  /** Date.now() past which the first of its verdicts has expired: the entry is of no use after. */
  until: number;
  /** What the entry holds, as accounted (see sizeOf). */
  bytes: number;
}

/**
 * Bytes the owners may hold in all. Names are capped (255 characters, see overlongReference), but 64 of
 * them per owner times every owner still adds up: the entry count alone does not bound memory.
 */
export const OWNER_BYTES = 16 * 2 ** 20;
/** A Map entry, an Owner object and its own Map, beyond the strings: a generous estimate, so the cap errs low. */
const ENTRY_OVERHEAD = 256;
const PAIR_OVERHEAD = 64;

/** Accounted size of an owner under `k`: UTF-16 strings at two bytes a unit, plus fixed overheads. */
function sizeOf(k: string, kind: string, digests: Map<string, string>): number {
  let n = ENTRY_OVERHEAD + 2 * (k.length + kind.length);
  for (const [image, digest] of digests) n += PAIR_OVERHEAD + 2 * (image.length + digest.length);
  return n;
}

/**
 * Which controller makes which kind: a claim outside these (a Pod naming a Deployment) is no controller's
 * work, so it is judged the usual way.
 */
const MADE_BY: Readonly<Record<string, readonly string[]>> = {
  Pod: ['ReplicaSet', 'Job', 'StatefulSet', 'DaemonSet'],
  ReplicaSet: ['Deployment'],
  Job: ['CronJob'],
};

/** Pinned by digest: the name cannot move. A tag can, and the kubelet pulls it again for each Pod. */
const pinned = (image: string) => /@sha256:[0-9a-f]{64}$/i.test(image);

const key = (namespace: string, uid: string) => `${namespace}\u0000${uid}`;

export class AdmittedOwners {
  private readonly owners = new Map<string, Owner>();
  private held = 0;

  /**
   * `capacity` owners and `maxBytes` accounted bytes at most (least recently used go first); verdicts live
   * `ttlMs`; a tag stands for the digest it resolved to for `tagTtlMs` only, as in the tag cache: a tag
   * moved after the owner was admitted must not ride on the owner's verdict for the whole verdict lifetime.
   */
  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly tagTtlMs: number,
    private readonly maxBytes = OWNER_BYTES,
  ) {}

  get size(): number {
    return this.owners.size;
  }

  /** Accounted bytes of every owner held. */
  get bytes(): number {
    return this.held;
  }

  /**
   * The cached verdict of each of `images` (in order) and the digests they are for, through an admitted
   * controller owner of the object; undefined when any condition fails (see the file comment).
   * `fresh(digest)` is the verdict cache: a verdict still within its time to live, or undefined.
   */
  verdicts<V>(req: AdmissionRequest, images: string[], fresh: (digest: string) => Cached<V> | undefined, now = Date.now()): { digests: string[]; verdicts: V[] } | undefined {
    if (images.length === 0 || images.length !== req.images.length || req.unreadable.length > 0 || req.nothingToRun !== undefined) return undefined;
    const makers = MADE_BY[req.kind] ?? [];
    for (const claim of req.owners) {
      if (!makers.includes(claim.kind)) continue;
      const k = key(req.namespace, claim.uid);
      const owner = this.owners.get(k);
      if (!owner || owner.kind !== claim.kind) continue;
      if (now >= owner.until) {
        this.drop(k);
        continue;
      }
      const digests = images.map((image) => owner.digests.get(image));
      if (digests.some((d) => d === undefined)) continue;
      const found = (digests as string[]).map((d) => fresh(d));
      if (found.some((v) => v === undefined || now - v.at >= this.ttlMs)) continue;
      this.touch(k, owner);
      return { digests: digests as string[], verdicts: (found as Cached<V>[]).map((v) => v.value) };
    }
    return undefined;
  }

  /**
   * After a review whose every image was allowed: remember the object, when it is a workload with a uid,
   * as the owner of `images` at these digests (`digestOf`), for as long as their verdicts (`fresh`) live.
   * An image without a digest or without a fresh verdict means nothing is remembered.
   */
  remember<V>(req: AdmissionRequest, images: string[], digestOf: (image: string) => string | undefined, fresh: (digest: string) => Cached<V> | undefined, now = Date.now()): void {
    if (!OWNER_KINDS.has(req.kind) || req.objectUid === undefined || images.length === 0 || images.length !== req.images.length || req.unreadable.length > 0) return;
    const digests = new Map<string, string>();
    let until = Number.POSITIVE_INFINITY;
    for (const image of images) {
      const digest = digestOf(image);
      const verdict = digest === undefined ? undefined : fresh(digest);
      if (digest === undefined || verdict === undefined) return;
      digests.set(image, digest);
      until = Math.min(until, verdict.at + this.ttlMs, pinned(image) ? Number.POSITIVE_INFINITY : now + this.tagTtlMs);
    }
    if (until <= now) return;
    // An UPDATE of the same object replaces what it ran before: its new template is what its controller uses.
    const k = key(req.namespace, req.objectUid);
    const bytes = sizeOf(k, req.kind, digests);
    // One owner larger than the whole cap would evict every other and still not fit: it is not remembered.
    if (bytes > this.maxBytes) return;
    this.touch(k, { kind: req.kind, digests, until, bytes });
  }

  private drop(k: string): void {
    const old = this.owners.get(k);
    if (!old) return;
    this.owners.delete(k);
    this.held -= old.bytes;
  }

  private touch(k: string, owner: Owner): void {
    this.drop(k);
    this.owners.set(k, owner);
    this.held += owner.bytes;
    while (this.owners.size > this.capacity || this.held > this.maxBytes) {
      const oldest = this.owners.keys().next();
      if (oldest.done) break;
      this.drop(oldest.value);
    }
  }
}
