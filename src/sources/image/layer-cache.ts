/**
 * Registry layers cached by digest in a bounded directory: a layer is written while it streams, kept only
 * when its digest checked out, and the oldest layers go when the cache grows past its limit. Nothing is
 * written that would leave the disk with less than its reserve free: a layer's declared size is checked
 * before the first byte, and the free space again every 64 MiB while it streams (a size may be absent).
 */
import { randomUUID } from 'node:crypto';
import { accessSync, constants, createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { freeBytes, imageLimits, limitVariable, mib } from './limits.ts';
import type { ScratchLease } from './scratch-space.ts';

export const DEFAULT_CACHE_BYTES = 2 * 2 ** 30;

export function defaultCacheDir(): string {
  return join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'rsyncguard', 'layers');
}

export interface LayerCache {
  dir: string;
  maxBytes: number;
  /** A private folder for one scan (--no-layer-cache), not the shared cache: messages say what to do. */
  scratch?: boolean;
  /** What a scratch folder's bytes are charged to (scratch-space.ts): the process's cap, not the disk's room. */
  lease?: ScratchLease;
}

const RECHECK = 64 << 20;

/**
 * The cache when its folder can be made and written, else why not: a container run under another uid
 * (`docker run -u`, OpenShift) has a HOME it cannot write, and a cache is worth no failed scan — the caller
 * goes on without it and says so once, naming the folder.
 */
export function usableCache(cache: LayerCache): { ok: true } | { ok: false; warning: string } {
  try {
    mkdirSync(cache.dir, { recursive: true });
    accessSync(cache.dir, constants.R_OK | constants.W_OK | constants.X_OK);
    return { ok: true };
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : code === 'ENOTDIR' || code === 'EEXIST' ? 'not a directory' : code || 'cannot be used';
    return { ok: false, warning: `layer cache ${cache.dir}: ${why}; continuing without it (--layer-cache DIR names another, --no-layer-cache skips it)` };
  }
}

/** The error for a layer that would not fit, saying which folder and what to do. */
function noRoom(cache: LayerCache, digest: string, free: number, need: number, reserve: number): Error {
  const where = cache.scratch ? `the temporary folder ${cache.dir}` : `the layer cache ${cache.dir}`;
  const fix = cache.scratch ? 'Free space there or set TMPDIR to a larger disk' : 'Free space there, pass --layer-cache DIR on a larger disk, or --no-layer-cache';
  return new Error(`blob ${digest} needs ${mib(need)} in ${where}, whose disk has ${mib(free)} free and must keep ${mib(reserve)} free (${limitVariable('minFreeBytes')}); not written. ${fix}`);
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

/** Throws when a layer of the declared size would not fit in the cache's disk; call before fetching it. */
export function checkRoom(cache: LayerCache, digest: string, size: number | undefined): void {
  cache.lease?.check(digest, size ?? 0);
  mkdirSync(cache.dir, { recursive: true });
  const reserve = imageLimits().minFreeBytes;
  const free = freeBytes(cache.dir);
  if (free - reserve < (size ?? 0)) throw noRoom(cache, digest, free, size ?? 0, reserve);
}

/**
 * Pass a verified stream through, keeping a copy; the copy becomes the cache entry only once the stream
 * ended without error (verifyDigest throws at the end on a mismatch).
 */
export function cacheWhileReading(cache: LayerCache, digest: string, verified: Readable): Readable {
  const file = fileFor(cache, digest);
  if (!file) return verified;
  mkdirSync(cache.dir, { recursive: true });
  const reserve = imageLimits().minFreeBytes;
  // Unique per stream: analysis threads of one process may fetch the same layer at once.
  const partial = `${file}.${process.pid}.${randomUUID()}.partial`;
  const out = createWriteStream(partial);
  async function* tee(): AsyncGenerator<Buffer> {
    let written = 0;
    let checked = 0;
    try {
      for await (const chunk of verified) {
        const b = Buffer.from(chunk as Uint8Array);
        written += b.length;
        cache.lease?.take(digest, b.length);
        if (written - checked >= RECHECK) {
          checked = written;
          const now = freeBytes(cache.dir);
          if (now - RECHECK < reserve) throw noRoom(cache, digest, now, written + RECHECK, reserve);
        }
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
