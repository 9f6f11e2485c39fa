/**
 * An AdmissionReview v1 as the API server sends it, read into what the webhook decides on: the distinct
 * images of a Pod (or of a workload's pod template), and every container whose image cannot be read —
 * those are never skipped, since a container rsyncguard did not look at must not pass as a clean one.
 * An UPDATE is read for what it adds: a container (name and image) its old object already had is not
 * judged again, and an object being deleted is let through (Kyverno's allowExistingViolations is the
 * precedent): the controllers finishing or scaling down what was admitted before must never be blocked.
 */
import { isObject, type JsonObject } from '../common/index.ts';
import { overlongReference } from './image/index.ts';

export interface UnreadableContainer {
  /** Where in the pod spec, e.g. `initContainers[1] "setup"`. */
  container: string;
  reason: string;
  /** The image is one no registry accepts (too long): denied whatever the failure policy, not merely unread. */
  refused?: true;
}

/** A controller ownerReference of the reviewed object: who (by kind and uid) says it made this object. */
export interface OwnerRef {
  kind: string;
  uid: string;
}

export interface AdmissionRequest {
  uid: string;
  kind: string;
  /** request.namespace; empty for a cluster-scoped object (or a review that names none). */
  namespace: string;
  /**
   * request.object.metadata.uid. Set for CREATE too in validating admission: the API server's generic
   * registry (Store.Create) fills it with FillObjectMetaSystemFields before BeforeCreate and before it calls
   * the validating webhooks; only mutating webhooks, which run earlier, see none.
   */
  objectUid?: string;
  /**
   * The object's ownerReferences marked `controller: true` (at most one is valid, but every such entry is
   * kept). Anyone who can create the object can write these: they are claims, never proof of ownership.
   */
  owners: OwnerRef[];
  images: string[];
  unreadable: UnreadableContainer[];
  /**
   * Set when the request starts no new container (a DELETE, a CONNECT, a kind holding no container list, an
   * UPDATE adding no image or of an object being deleted): why it is allowed unread.
   */
  nothingToRun?: string;
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

/**
 * What a review's containers came to. On an UPDATE, `before` holds the containers of the old object
 * (containerKey): one the new object has unchanged is counted in `unchanged` and not judged again.
 */
type Found = { images: string[]; unreadable: UnreadableContainer[]; before?: ReadonlySet<string>; unchanged: number };

/**
 * A container as an UPDATE compares it with the old object: its name and its image as written. Only an
 * image that is a string (or absent) makes a key; any other value is judged whatever the old object had.
 */
function containerKey(c: unknown): string | undefined {
  if (!isObject(c)) return undefined;
  const name = typeof c['name'] === 'string' ? c['name'] : null;
  const image = c['image'] ?? null;
  return image === null || typeof image === 'string' ? JSON.stringify([name, image]) : undefined;
}

/** One container list (`prefix` says where it is, for lists found outside the pod spec of a known kind). */
function readList(list: string, value: unknown, prefix: string, into: Found): void {
  const { images, unreadable, before } = into;
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    unreadable.push({ container: `${prefix}${list}`, reason: `${list} is not a list` });
    return;
  }
  value.forEach((c: unknown, i) => {
    if (before !== undefined) {
      const k = containerKey(c);
      if (k !== undefined && before.has(k)) {
        into.unchanged++;
        return;
      }
    }
    // Where the container is, said only for one that cannot be read: the usual container costs no quoting.
    const where = () => `${prefix}${list}[${i}]${isObject(c) && typeof c['name'] === 'string' ? ` ${quote(c['name'])}` : ''}`;
    if (!isObject(c)) unreadable.push({ container: where(), reason: 'not an object' });
    else if (!('image' in c)) unreadable.push({ container: where(), reason: 'no image field' });
    else if (typeof c['image'] !== 'string') unreadable.push({ container: where(), reason: `image is a ${c['image'] === null ? 'null' : Array.isArray(c['image']) ? 'list' : typeof c['image']}, not a string` });
    else if (c['image'].trim() === '') unreadable.push({ container: where(), reason: 'image is empty' });
    else {
      // Kept in caches and the owner shortcut: a name no registry accepts is refused here, at its container.
      const overlong = overlongReference(c['image']);
      if (overlong !== undefined) unreadable.push({ container: where(), reason: overlong, refused: true });
      else images.push(c['image']);
    }
  });
}

/** A key as it appears in a path label: bare when plain, else JSON-quoted (it is text the requester chose). */
const label = (key: string) => (/^[A-Za-z0-9_-]{1,64}$/.test(key) ? key : quote(key));

type ListVisitor = (list: string, value: unknown, prefix: string) => void;

/**
 * Every container list anywhere in an object of a kind rsyncguard has no path for (a custom resource with
 * a pod template, an old EphemeralContainers object): the controller behind it will run those images.
 * Iterative, so no nesting depth can overflow the stack; the body cap bounds the work.
 */
function containerListsAnywhere(object: JsonObject, visit: ListVisitor): void {
  const stack: [unknown, string][] = [[object, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, string];
    // A label long enough to say where; the rest of a deep path is cut.
    const at = path.length > 400 ? `${path.slice(0, 400)}…` : path;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) if (typeof value[i] === 'object' && value[i] !== null) stack.push([value[i], `${at}[${i}]`]);
    } else if (isObject(value)) {
      const keys = Object.keys(value);
      for (let k = keys.length - 1; k >= 0; k--) {
        const key = keys[k] ?? '';
        if ((CONTAINER_LISTS as readonly string[]).includes(key)) visit(key, value[key], at ? `${at}.` : '');
        else if (typeof value[key] === 'object' && value[key] !== null) stack.push([value[key], `${at}${at ? '.' : ''}${label(key)}`]);
      }
    }
  }
}

const hasPodSpecPath = (kind: string) => kind === 'Pod' || kind === 'PodTemplate' || kind === 'CronJob' || WORKLOADS.includes(kind);

/**
 * Each container list of the object: those of its pod spec for a kind with one (false when that spec is
 * missing), else every list anywhere in it. An UPDATE reads its old object the same way, whatever the kind.
 */
function eachList(kind: string, object: JsonObject, visit: ListVisitor): boolean {
  if (!hasPodSpecPath(kind)) {
    containerListsAnywhere(object, visit);
    return true;
  }
  const spec = podSpec(kind, object);
  if (!spec) return false;
  for (const list of CONTAINER_LISTS) visit(list, spec[list], '');
  return true;
}

/** The containers (containerKey) of an UPDATE's old object; none when it carries no readable one. */
function containersBefore(kind: string, old: unknown): Set<string> {
  const keys = new Set<string>();
  if (!isObject(old)) return keys;
  eachList(kind, old, (_list, value) => {
    if (Array.isArray(value)) {
      for (const c of value) {
        const k = containerKey(c);
        if (k !== undefined) keys.add(k);
      }
    }
  });
  return keys;
}

/**
 * Set on an object being deleted. The API server keeps it from the old object on every UPDATE (it cannot
 * be set or cleared by one), so both carrying it is what a real review of a terminating object looks like.
 */
const deleting = (object: unknown) => isObject(object) && isObject(object['metadata']) && typeof object['metadata']['deletionTimestamp'] === 'string' && object['metadata']['deletionTimestamp'] !== '';

/** Who the reviewed object is: request.namespace, metadata.uid and its controller ownerReferences. */
function identity(req: JsonObject): Pick<AdmissionRequest, 'namespace' | 'objectUid' | 'owners'> {
  const namespace = typeof req['namespace'] === 'string' ? req['namespace'] : '';
  const object = req['object'];
  const metadata = isObject(object) && isObject(object['metadata']) ? object['metadata'] : undefined;
  const objectUid = metadata && typeof metadata['uid'] === 'string' && metadata['uid'] !== '' ? metadata['uid'] : undefined;
  const refs = metadata?.['ownerReferences'];
  const owners: OwnerRef[] = [];
  if (Array.isArray(refs)) {
    for (const r of refs) {
      if (isObject(r) && r['controller'] === true && typeof r['kind'] === 'string' && typeof r['uid'] === 'string' && r['uid'] !== '') owners.push({ kind: r['kind'], uid: r['uid'] });
    }
  }
  return objectUid === undefined ? { namespace, owners } : { namespace, objectUid, owners };
}

/** A review's body as it arrived, read as JSON and then as parseReview reads it. */
export function reviewFromText(text: string): AdmissionRequest | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'the body is not JSON: send an admission.k8s.io/v1 AdmissionReview';
  }
  return parseReview(parsed);
}

/**
 * The request to decide on; a string says what is wrong with the body (answered with HTTP 400). Once a
 * review has a uid it is always answered with a verdict, never with an HTTP error: the API server applies
 * the webhook's failurePolicy to errors, and under `Ignore` an error would admit what was never read.
 */
export function parseReview(body: unknown): AdmissionRequest | string {
  if (!isObject(body) || body['kind'] !== 'AdmissionReview' || body['apiVersion'] !== 'admission.k8s.io/v1') return 'not an admission.k8s.io/v1 AdmissionReview';
  const req = body['request'];
  if (!isObject(req)) return 'the review has no request object';
  if (req['uid'] !== undefined && typeof req['uid'] !== 'string') return `request.uid is a ${Array.isArray(req['uid']) ? 'list' : req['uid'] === null ? 'null' : typeof req['uid']}, not the string the API server sends`;
  if (typeof req['uid'] !== 'string' || req['uid'] === '') return 'the review has no request.uid';
  const uid = req['uid'];
  const who = identity(req);
  const kind = isObject(req['kind']) && typeof req['kind']['kind'] === 'string' ? req['kind']['kind'] : '';
  const operation = typeof req['operation'] === 'string' ? req['operation'] : '';
  // A deletion, or a connection to a running Pod (exec, attach, port-forward), starts no new container.
  if (operation === 'DELETE' || operation === 'CONNECT') return { uid, kind, ...who, images: [], unreadable: [], nothingToRun: `a ${operation} starts no container` };
  const object = req['object'];
  if (!isObject(object)) return { uid, kind, ...who, images: [], unreadable: [{ container: 'request.object', reason: `the review${operation ? ` (${operation})` : ''} carries no request.object to read` }] };
  const update = operation === 'UPDATE';
  // Its controllers only finish it (a finalizer removed, a scale to 0): none of them starts a container for
  // an object being deleted, and blocking them leaves it stuck terminating.
  if (update && deleting(object) && deleting(req['oldObject'])) return { uid, kind, ...who, images: [], unreadable: [], nothingToRun: 'it is being deleted (metadata.deletionTimestamp is set), so no new container starts' };
  // An UPDATE is judged on what it adds (kubectl debug's ephemeral container, a new template image), never
  // on what already ran: a controller's own update of an object admitted before must not be blocked.
  const found: Found = { images: [], unreadable: [], unchanged: 0, ...(update ? { before: containersBefore(kind, req['oldObject']) } : {}) };
  if (!eachList(kind, object, (list, value, prefix) => readList(list, value, prefix, found))) return { uid, kind, ...who, images: [], unreadable: [{ container: 'the pod spec', reason: `this ${kind} has no pod spec where one belongs` }] };
  const read = { images: [...new Set(found.images)], unreadable: found.unreadable };
  if (read.images.length > 0 || read.unreadable.length > 0) return { uid, kind, ...who, ...read };
  if (found.unchanged > 0) return { uid, kind, ...who, ...read, nothingToRun: `no new images: ${found.unchanged === 1 ? 'its container runs the image it had' : `its ${found.unchanged} containers run the images they had`} before this UPDATE` };
  if (!hasPodSpecPath(kind)) return { uid, kind, ...who, ...read, nothingToRun: `this ${kind ? quote(kind) : 'object'} holds no container list` };
  return { uid, kind, ...who, ...read };
}
