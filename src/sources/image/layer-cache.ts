/**
 * Registry layers cached by digest in a bounded directory: a layer is written while it streams, kept only
 * when its digest checked out, and the oldest layers go when the cache grows past its limit.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export const DEFAULT_CACHE_BYTES = 2 * 2 ** 30;

export function defaultCacheDir(): string {
  return join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'rsyncguard', 'layers');
}

export interface LayerCache {
  dir: string;
  maxBytes: number;
}

function fileFor(cache: LayerCache, digest: string): string | undefined {
  return /^sha256:[a-f0-9]{64}$/.test(digest) ? join(cache.dir, digest.replace(':', '-')) : undefined;
}

/** The cached layer, touched so eviction keeps it; undefined when not cached. */
export function cachedLayer(cache: LayerCache, digest: string): Readable | undefined {
  const file = fileFor(cache, digest);
  if (!file || !existsSync(file)) return undefined;
  const now = new Date();
  utimesSync(file, now, now);
  return createReadStream(file);
}

/**
 * Pass a verified stream through, keeping a copy; the copy becomes the cache entry only once the stream
 * ended without error (verifyDigest throws at the end on a mismatch).
 */
export function cacheWhileReading(cache: LayerCache, digest: string, verified: Readable): Readable {
  const file = fileFor(cache, digest);
  if (!file) return verified;
  mkdirSync(cache.dir, { recursive: true });
  // Unique per stream: analysis threads of one process may fetch the same layer at once.
  const partial = `${file}.${process.pid}.${randomUUID()}.partial`;
  const out = createWriteStream(partial);
  async function* tee(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of verified) {
        const b = Buffer.from(chunk as Uint8Array);
        out.write(b);
        yield b;
      }
      await new Promise<void>((done) => out.end(() => done()));
      renameSync(partial, file as string);
      evict(cache);
    } catch (e) {
      out.destroy();
      rmSync(partial, { force: true });
      throw e;
    }
  }
  return Readable.from(tee());
}

function evict(cache: LayerCache): void {
  const entries = readdirSync(cache.dir)
    .filter((n) => n.startsWith('sha256-') && !n.endsWith('.partial'))
    .map((n) => ({ path: join(cache.dir, n), st: statSync(join(cache.dir, n)) }))
    .sort((a, b) => b.st.mtimeMs - a.st.mtimeMs);
  let total = 0;
  for (const e of entries) {
    total += e.st.size;
    if (total > cache.maxBytes) rmSync(e.path, { force: true });
  }
}
