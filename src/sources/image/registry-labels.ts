/**
 * Which registries metrics name. A review can name any host and any port, so a label per registry seen
 * would let a requester fill the label slots (or grow the scrape without end): only the registries the
 * operator named get a label of their own — each --insecure-registry, each key of the Docker config's
 * auths (a glob key labels every registry it matches with the glob itself), Docker Hub — and every other
 * registry is "other". The bare --insecure-registry (every loopback registry) labels loopback registries
 * as they come, the first MAX_LOOPBACK_LABELS of them: it is for tests and local use.
 */
import { DOCKER_HUB, registryKeys, type DockerAuths } from './docker-config.ts';
import { loopback, plainHttp, type InsecureRegistries } from './insecure-registries.ts';

export const MAX_LOOPBACK_LABELS = 100;

/** The label for a registry (host[:port] as a reference names it, '' when it names none). */
export type RegistryLabeller = (registry: string) => string;

export function registryLabeller(named: { insecure: InsecureRegistries; auths: DockerAuths | undefined }): RegistryLabeller {
  const { exact, globs } = registryKeys(named.auths);
  exact.add(DOCKER_HUB);
  const seenLoopback = new Set<string>();
  return (registry) => {
    const r = registry.toLowerCase();
    if (r === '') return 'none';
    if (exact.has(r)) return r;
    const glob = globs.find((g) => g.matches(r));
    if (glob) return glob.key;
    if (Array.isArray(named.insecure) && plainHttp(r, named.insecure)) return r;
    if (named.insecure === true && loopback(r) && (seenLoopback.has(r) || seenLoopback.size < MAX_LOOPBACK_LABELS)) {
      seenLoopback.add(r);
      return r;
    }
    return 'other';
  };
}
