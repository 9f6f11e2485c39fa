/**
 * Facts kept small until read (issue 21: a JSON report of 10,000 hosts held every facts document as objects,
 * 1.9 GB, and then failed building one string). A stored document is its JSON, deflated (≈ 7× smaller), behind
 * a read-only Proxy that inflates it when a property is read: every reader (`'config' in t.facts`, the JSON
 * renderer, `fix`) sees the same document, and a spread of the target (`{ ...t, notes }`) copies the small
 * proxy, not the document. The last few inflated documents are cached, so that `t.facts.a` then `t.facts.b`
 * inflates once.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const RECENT = 4;
const recent: { store: Buffer; value: Record<string | symbol, unknown> }[] = [];

function inflate(store: Buffer): Record<string | symbol, unknown> {
  const hit = recent.find((r) => r.store === store);
  if (hit) return hit.value;
  // A document stored from a JSON-shaped object parses back to an object.
  const value = JSON.parse(inflateRawSync(store).toString('utf8')) as Record<string | symbol, unknown>;
  recent.unshift({ store, value });
  if (recent.length > RECENT) recent.pop();
  return value;
}

/** Each proxy's (empty) target → its deflated document; one handler serves every proxy. */
const stores = new WeakMap<object, Buffer>();

function doc(target: object): Record<string | symbol, unknown> {
  const store = stores.get(target);
  return store === undefined ? {} : inflate(store);
}

const READ_ONLY: ProxyHandler<object> = {
  get: (target, key) => doc(target)[key],
  has: (target, key) => key in doc(target),
  ownKeys: (target) => Reflect.ownKeys(doc(target)),
  getOwnPropertyDescriptor: (target, key) => {
    const d = Reflect.getOwnPropertyDescriptor(doc(target), key);
    // The proxy's own target is empty and extensible: every property it reports must be configurable.
    return d === undefined ? undefined : { ...d, configurable: true };
  },
  set: () => false,
  defineProperty: () => false,
  deleteProperty: () => false,
};

/** A document kept deflated, read through a Proxy; it cannot be changed (a report's facts are what was evaluated). */
export function storedFacts(facts: object): object {
  const target = {};
  // Level 1: facts repeat the same parameter tables, and level 1 already gets most of it.
  // A copy of exactly its size: zlib's own result is a view of a 16 KiB chunk, six times what it holds.
  stores.set(target, Buffer.from(deflateRawSync(JSON.stringify(facts), { level: 1 })));
  return new Proxy(target, READ_ONLY);
}
