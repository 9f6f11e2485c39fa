/**
 * An AdmissionReview v1 as the API server sends it, read into what the webhook decides on: the distinct
 * images of a Pod (or of a workload's pod template), and every container whose image cannot be read —
 * those are never skipped, since a container rsyncguard did not look at must not pass as a clean one.
 */
import { isObject, type JsonObject } from '../common/index.ts';

export interface UnreadableContainer {
  /** Where in the pod spec, e.g. `initContainers[1] "setup"`. */
  container: string;
  reason: string;
}

export interface AdmissionRequest {
  uid: string;
  kind: string;
  images: string[];
  unreadable: UnreadableContainer[];
}

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'];
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
/** A name or image from the review is quoted in messages; a longer one is cut (it is text the requester chose). */
const MAX_QUOTED = 200;

function templateSpec(holder: unknown): JsonObject | undefined {
  return isObject(holder) && isObject(holder['template']) && isObject(holder['template']['spec']) ? holder['template']['spec'] : undefined;
}

/** The pod spec of each kind the webhook reads. */
function podSpec(kind: string, object: JsonObject): JsonObject | undefined {
  const spec = isObject(object['spec']) ? object['spec'] : undefined;
  if (!spec) return undefined;
  if (kind === 'Pod') return spec;
  if (kind === 'PodTemplate') return templateSpec(object);
  if (WORKLOADS.includes(kind)) return templateSpec(spec);
  if (kind === 'CronJob') return isObject(spec['jobTemplate']) ? templateSpec(spec['jobTemplate']['spec']) : undefined;
  return undefined;
}

/** JSON quoting escapes control characters, so text from the review cannot forge log lines or messages. */
export function quote(text: string): string {
  return JSON.stringify(text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);
}

function containerImages(spec: JsonObject): { images: string[]; unreadable: UnreadableContainer[] } {
  const images: string[] = [];
  const unreadable: UnreadableContainer[] = [];
  for (const list of CONTAINER_LISTS) {
    const value = spec[list];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) {
      unreadable.push({ container: list, reason: `${list} is not a list` });
      continue;
    }
    value.forEach((c: unknown, i) => {
      const name = isObject(c) && typeof c['name'] === 'string' ? ` ${quote(c['name'])}` : '';
      const where = `${list}[${i}]${name}`;
      if (!isObject(c)) unreadable.push({ container: where, reason: 'not an object' });
      else if (!('image' in c)) unreadable.push({ container: where, reason: 'no image field' });
      else if (typeof c['image'] !== 'string') unreadable.push({ container: where, reason: `image is a ${c['image'] === null ? 'null' : Array.isArray(c['image']) ? 'list' : typeof c['image']}, not a string` });
      else if (c['image'].trim() === '') unreadable.push({ container: where, reason: 'image is empty' });
      else images.push(c['image']);
    });
  }
  return { images: [...new Set(images)], unreadable };
}

/** The request to decide on; a string says what is wrong with the review (answered with HTTP 400). */
export function parseReview(body: unknown): AdmissionRequest | string {
  if (!isObject(body) || body['kind'] !== 'AdmissionReview' || body['apiVersion'] !== 'admission.k8s.io/v1') return 'not an admission.k8s.io/v1 AdmissionReview';
  const req = body['request'];
  if (!isObject(req) || typeof req['uid'] !== 'string' || req['uid'] === '') return 'the review has no request.uid';
  const uid = quote(req['uid']);
  const kind = isObject(req['kind']) && typeof req['kind']['kind'] === 'string' ? req['kind']['kind'] : '';
  const object = req['object'];
  if (!isObject(object)) return `request ${uid}: no object to review`;
  const spec = podSpec(kind, object);
  if (!spec) return `request ${uid}: kind ${quote(kind)} carries no pod spec rsyncguard reads`;
  return { uid: req['uid'], kind, ...containerImages(spec) };
}
