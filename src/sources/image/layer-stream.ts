/**
 * One layer's tar, streamed once: decompressed when gzip or zstd (sniffed from the first bytes), capped in
 * the bytes it may inflate, checked against its digest (by the source) and, when the image config gives
 * one, its diff_id (the sha256 of the uncompressed tar). Entries reach the callback in order with their
 * ordinal, so a later pass can ask for "entry 1234 of this layer" again; bodies nobody reads are drained,
 * never buffered. No parser ever sees a tar stream.
 */
import { createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Decompress as ZstdDecompress } from 'fzstd';
import { imageLimits, limitVariable } from './limits.ts';
import { readTar, TarError, type TarType } from './tar-reader.ts';
import { errorMessage } from '../../common/index.ts';

export interface LayerSource {
  /** The blob digest (registry, OCI) or, for docker archives, the diff_id. */
  digest: string;
  /** Digest of the uncompressed tar (the config's diff_id), checked while reading when set: every source sets it. */
  diffId?: string;
  open(): Promise<Readable>;
}

/**
 * Bytes inflated over every walk of one image's layers. Each lazy read walks a layer again, so without a
 * total an image could make every config, include round or script lookup inflate an 8 GiB layer anew.
 */
export class InflateBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  get left(): number {
    return Math.max(0, this.limit - this.used);
  }

  spend(n: number): void {
    this.used += n;
    if (this.used > this.limit) throw new Error(this.exceeded());
  }

  exceeded(): string {
    return `reading the image's layers inflated more than ${this.limit} bytes in all (${limitVariable('inflateBytes')}); the image could not be evaluated within that budget (raise it for a large image you trust)`;
  }
}

export type TarHeader = { name: string; type?: TarType | null; mode?: number | null; uid?: number | null; gid?: number | null; size?: number | null; linkname?: string | null };

/**
 * zstd as a stream (Node 20's zlib has none): fzstd, pure JS, fed chunk by chunk. It emits synchronously,
 * without backpressure, so the layer cap is enforced here too: one small chunk of a bomb could otherwise
 * inflate to gigabytes before the stream's own byte count sees it.
 */
function createZstdDecompress(limit: number, tooMuch: () => string): Transform {
  let emitted = 0;
  const out: Transform = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      try {
        zstd.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        cb();
      } catch (e) {
        cb(e instanceof Error ? e : new Error(String(e)));
      }
    },
    flush(cb) {
      try {
        zstd.push(new Uint8Array(0), true);
        cb();
      } catch (e) {
        cb(e instanceof Error ? e : new Error(String(e)));
      }
    },
  });
  const zstd = new ZstdDecompress((data) => {
    emitted += data.byteLength;
    if (emitted > limit) throw new Error(tooMuch());
    out.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
  return out;
}

/** Called for each entry with its ordinal in the layer; `read` buffers the body (check the size first). */
export type OnEntry = (header: TarHeader, seq: number, read: () => Promise<Buffer>) => Promise<void> | void;

/** One layer's entries, in order, its bytes counted against the image's budget. Rejects with an Error naming the layer. */
export async function walkLayer(layer: LayerSource, onEntry: OnEntry, budget: InflateBudget): Promise<void> {
  const maxLayer = imageLimits().layerBytes;
  if (budget.left === 0) throw new Error(`layer ${layer.digest}: ${budget.exceeded()}`);
  const layerCap = `decompresses to more than ${maxLayer} bytes (${limitVariable('layerBytes')})`;
  const input = await layer.open();
  let first: Buffer;
  try {
    first = await firstBytes(input);
  } catch (e) {
    input.destroy();
    throw new Error(`layer ${layer.digest}: ${errorMessage(e)}`);
  }
  const gz = first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
  const zst = first.length >= 4 && first[0] === 0x28 && first[1] === 0xb5 && first[2] === 0x2f && first[3] === 0xfd;
  // fzstd emits without backpressure, before the budget below sees the bytes: it gets the tighter cap itself.
  const zstdCap = budget.left < maxLayer ? { limit: budget.left, why: budget.exceeded() } : { limit: maxLayer, why: layerCap };
  const stream = gz ? input.pipe(createGunzip()) : zst ? input.pipe(createZstdDecompress(zstdCap.limit, () => zstdCap.why)) : input;
  // pipe() does not forward the source's errors (a digest mismatch, a read error): the reader must see them.
  if (stream !== input) input.on('error', (e: Error) => stream.destroy(e));
  let inflating = true;
  stream.on('error', () => {});
  // An id that is set but names no algorithm we hash is refused below (`got` stays undefined), never skipped.
  const diffAlgo = /^(sha256|sha512):/.exec(layer.diffId ?? '')?.[1];
  const diffHash = diffAlgo !== undefined ? createHash(diffAlgo) : undefined;
  async function* bytes(): AsyncGenerator<Buffer> {
    let total = 0;
    try {
      for await (const chunk of stream) {
        const c = chunk as Buffer;
        total += c.length;
        if (total > maxLayer) throw new Error(layerCap);
        budget.spend(c.length);
        diffHash?.update(c);
        yield c;
      }
    } catch (e) {
      const m = errorMessage(e);
      // Errors of the blob itself (digest, size) pass as they are; the decompressor's say what it was.
      throw new Error(inflating && (gz || zst) && !/digest|descriptor|decompresses|inflated more than/.test(m) ? `not a readable ${gz ? 'gzip' : 'zstd'} stream (${m})` : m);
    }
  }
  const source = bytes();
  let seq = 0;
  try {
    await readTar(source, (entry, read) => onEntry(entry, seq++, read));
    inflating = false;
    // The tar ends at its end-of-archive blocks, but the digests are checked only when the whole blob has
    // been read: drain what follows (never entries: the runtime does not read them either).
    for (;;) if ((await source.next()).done) break;
  } catch (e) {
    stream.destroy();
    input.destroy();
    const m = errorMessage(e);
    throw new Error(`layer ${layer.digest}: ${e instanceof TarError ? `not a valid tar archive (${m})` : m}`);
  }
  if (layer.diffId === undefined) return;
  const got = diffHash ? `${diffAlgo ?? ''}:${diffHash.digest('hex')}` : undefined;
  if (got !== layer.diffId)
    throw new Error(`layer ${layer.digest}: the uncompressed content (${got ?? 'not hashed'}) does not match its diff_id ${layer.diffId} in the image config; the ${layer.digest === layer.diffId ? 'archive' : 'image'} was altered or is corrupt`);
}

/** The first bytes of a stream, put back so the stream still starts at them. */
async function firstBytes(input: Readable): Promise<Buffer> {
  for (;;) {
    const chunk: unknown = input.read();
    if (chunk !== null) {
      const b = Buffer.from(chunk as Uint8Array);
      input.unshift(b);
      return b;
    }
    if (input.readableEnded) return Buffer.alloc(0);
    await new Promise<void>((done) => {
      const go = () => {
        input.off('readable', go);
        input.off('end', go);
        input.off('error', go);
        done();
      };
      input.on('readable', go);
      input.on('end', go);
      input.on('error', go);
    });
    if (input.errored) throw input.errored;
    if (input.readableEnded) return Buffer.alloc(0);
  }
}

/**
 * A stream that fails when the bytes do not hash to the digest they were fetched by, or when there are more
 * of them than the descriptor's `size` says (when it says one). A digest of another algorithm is refused
 * rather than passed unchecked.
 */
export function verifyDigest(input: Readable, digest: string, size?: number): Readable {
  const m = /^(sha256|sha512):([a-f0-9]+)$/.exec(digest);
  const hash = m ? createHash(m[1] ?? 'sha256') : undefined;
  let seen = 0;
  const check = new Transform({
    transform(chunk: Buffer, _enc, next) {
      seen += chunk.length;
      if (size !== undefined && size > 0 && seen > size) return next(new Error(`blob ${digest} is larger than the ${size} bytes its descriptor declares`));
      hash?.update(chunk);
      next(null, chunk);
    },
    flush(next) {
      if (!m || !hash) return next(new Error(`"${digest}" is not a sha256 or sha512 digest; the blob cannot be verified`));
      const got = hash.digest('hex');
      next(got === m[2] ? null : new Error(`digest mismatch: expected ${digest}, got ${m[1] ?? ''}:${got}`));
    },
  });
  input.on('error', (e) => check.destroy(e));
  return input.pipe(check);
}
