/**
 * Digest lookups run on the event loop, each up to a minute or more against a registry that never answers:
 * at most PER_REGISTRY at once for one registry host (a requester's slow registry cannot hold the lookups
 * of the others), IN_ALL at once, and WAITING waiting; beyond that a lookup fails at once, and its image is
 * "not evaluated".
 */
import { EnvironmentFailure } from '../sources/index.ts';

const PER_REGISTRY = 8;
const IN_ALL = 64;
const WAITING = 512;

export class RegistryLookups {
  private running = 0;
  private readonly byRegistry = new Map<string, number>();
  private readonly waiting: { registry: string; start: () => void }[] = [];

  private canStart(registry: string): boolean {
    return this.running < IN_ALL && (this.byRegistry.get(registry) ?? 0) < PER_REGISTRY;
  }

  private start(registry: string): void {
    this.running++;
    this.byRegistry.set(registry, (this.byRegistry.get(registry) ?? 0) + 1);
  }

  /** Runs a lookup at `registry` (a host) within the limits: waits its turn, or fails at once when too many wait. */
  async run<T>(registry: string, lookup: () => Promise<T>): Promise<T> {
    if (this.canStart(registry)) this.start(registry);
    else if (this.waiting.length >= WAITING) throw new EnvironmentFailure(`${this.waiting.length} registry lookups are already waiting; retry later`);
    else await new Promise<void>((start) => this.waiting.push({ registry, start }));
    try {
      return await lookup();
    } finally {
      this.running--;
      const n = (this.byRegistry.get(registry) ?? 1) - 1;
      if (n <= 0) this.byRegistry.delete(registry);
      else this.byRegistry.set(registry, n);
      // The first waiting lookup whose registry is now under its limit goes next (it counts itself in).
      const i = this.waiting.findIndex((w) => this.canStart(w.registry));
      const next = i >= 0 ? this.waiting.splice(i, 1)[0] : undefined;
      if (next) {
        this.start(next.registry);
        next.start();
      }
    }
  }
}
