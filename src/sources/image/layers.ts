/**
 * Image layers, streamed: each layer's tar is read once, in order, with whiteouts and opaque directories
 * applied to what earlier layers left. Entry names are cleaned POSIX-style and confined to the image root;
 * only the files rsyncguard reads are kept in memory, each capped. No parser ever sees a tar stream.
 */
import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { Decompress as ZstdDecompress } from 'fzstd';

export interface ImageFile {
  path: string;
  kind: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  layer: string;
  /** Kept content (files of interest only). */
  content?: Buffer;
  /** Symlink target, as written. */
  target?: string;
}

export interface SecretSighting {
  path: string;
  layer: string;
  deleted_later: boolean;
}

export interface MergedImage {
  files: Map<string, ImageFile>;
  /** Secrets-like files seen in any layer, including ones a later layer deleted. */
  secrets: SecretSighting[];
  warnings: string[];
}

export interface LayerSource {
  digest: string;
  open(): Promise<Readable>;
}

const MAX_FILE = 1 << 20;
const MAX_KEPT = 64 << 20;
/** Decompressed bytes per layer: a gzip bomb stops here (RSYNCGUARD_MAX_LAYER_BYTES lowers it). */
const MAX_LAYER = Number(process.env['RSYNCGUARD_MAX_LAYER_BYTES'] ?? 8 * 2 ** 30);

const INTEREST = [
  /^(usr\/local\/)?etc\/rsync/,
  /^etc\/(xinetd\.d|default|sysconfig)\/rsync/,
  /^(etc|lib|usr\/lib)\/systemd\/system\/rsync/,
  /^var\/lib\/dpkg\/status$/,
  /^lib\/apk\/db\/installed$/,
  /^etc\/(os-release|passwd|group)$/,
  /(^|\/)[^/]*secret[^/]*$/i,
  /(^|\/)[^/]*\.(sh|conf|inc)$/,
];

export function isSecretsName(path: string): boolean {
  return /(^|\/)(rsyncd?\.secrets|[^/]*\.secrets|rsync[^/]*secret[^/]*)$/i.test(path);
}

/** POSIX clean, root-relative; null when the name climbs out of the root. */
export function cleanPath(name: string): string | null {
  const parts: string[] = [];
  for (const p of name.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') return null;
    parts.push(p);
  }
  return parts.join('/');
}

function interesting(path: string, extra: ReadonlySet<string>): boolean {
  return extra.has(path) || INTEREST.some((re) => re.test(path));
}

export async function mergeLayers(layers: LayerSource[], extraPaths: ReadonlySet<string>): Promise<MergedImage> {
  const files = new Map<string, ImageFile>();
  const sightings: SecretSighting[] = [];
  const warnings: string[] = [];
  let kept = 0;
  for (const layer of layers) {
    const deleted: string[] = [];
    const opaque: string[] = [];
    const added: ImageFile[] = [];
    await readLayer(layer, async (header, body) => {
      const path = cleanPath(header.name);
      if (path === null) {
        warnings.push(`layer ${layer.digest}: "${header.name}" leaves the image root; ignored`);
        return;
      }
      const base = path.split('/').pop() ?? '';
      const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      if (base === '.wh..wh..opq') return void opaque.push(dir);
      if (base.startsWith('.wh.')) return void deleted.push(dir === '' ? base.slice(4) : `${dir}/${base.slice(4)}`);
      if (path === '') return;
      const entry: ImageFile = { path, kind: 'file', mode: (header.mode ?? 0o644) & 0o7777, uid: header.uid ?? 0, gid: header.gid ?? 0, layer: layer.digest };
      if (header.type === 'directory') entry.kind = 'dir';
      else if (header.type === 'symlink') {
        entry.kind = 'symlink';
        entry.target = header.linkname ?? '';
      } else if (header.type === 'link') {
        const target = cleanPath(header.linkname ?? '');
        const from = target === null ? undefined : (added.find((a) => a.path === target) ?? files.get(target));
        if (!from) {
          warnings.push(`layer ${layer.digest}: hard link ${path} points at ${header.linkname ?? '?'}, which this image does not have`);
          return;
        }
        Object.assign(entry, { kind: from.kind, content: from.content });
      } else if (header.type !== 'file' && header.type !== 'contiguous-file') return;
      if (entry.kind === 'file' && header.type !== 'link' && interesting(path, extraPaths)) {
        const size = header.size ?? 0;
        if (size > MAX_FILE) warnings.push(`${path} (${size} bytes) is larger than ${MAX_FILE} bytes; not read`);
        else if (kept + size > MAX_KEPT) warnings.push(`more than ${MAX_KEPT} bytes of files of interest; ${path} not read`);
        else {
          entry.content = await body();
          kept += entry.content.length;
        }
      }
      if (isSecretsName(path) && entry.kind === 'file') sightings.push({ path, layer: layer.digest, deleted_later: false });
      added.push(entry);
    });
    // A layer's whiteouts apply to what lower layers left, then its own entries land on top.
    for (const dir of opaque) for (const p of [...files.keys()]) if (dir === '' || p.startsWith(`${dir}/`)) files.delete(p);
    for (const d of deleted) {
      if (d === '') continue;
      for (const p of [...files.keys()]) if (p === d || p.startsWith(`${d}/`)) files.delete(p);
    }
    for (const e of added) files.set(e.path, e);
  }
  for (const s of sightings) {
    const now = files.get(s.path);
    s.deleted_later = !now || now.layer !== s.layer;
  }
  return { files, secrets: sightings.filter((s, i) => sightings.findIndex((x) => x.path === s.path && x.layer === s.layer) === i), warnings };
}

type Header = { name: string; type?: string | null; mode?: number | null; uid?: number | null; gid?: number | null; size?: number | null; linkname?: string | null };

/**
 * zstd as a stream (Node 20's zlib has none): fzstd, pure JS, fed chunk by chunk. It emits synchronously,
 * without backpressure, so the layer cap is enforced here too: one small chunk of a bomb could otherwise
 * inflate to gigabytes before the stream's own byte count sees it.
 */
function createZstdDecompress(limit: number): Transform {
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
    if (emitted > limit) throw new Error(`decompresses to more than ${limit} bytes`);
    out.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
  return out;
}

/** One layer's entries, decompressed when gzip or zstd, with a hard cap on the bytes inflated. */
async function readLayer(layer: LayerSource, onEntry: (h: Header, body: () => Promise<Buffer>) => Promise<void>): Promise<void> {
  const input = await layer.open();
  const first = await firstBytes(input);
  const raw = input;
  const gz = first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
  const zst = first.length >= 4 && first[0] === 0x28 && first[1] === 0xb5 && first[2] === 0x2f && first[3] === 0xfd;
  const stream = gz ? raw.pipe(createGunzip()) : zst ? raw.pipe(createZstdDecompress(MAX_LAYER)) : raw;
  let total = 0;
  const tar = extract();
  await new Promise<void>((done, fail) => {
    const bail = (e: Error) => {
      tar.destroy();
      fail(new Error(`layer ${layer.digest}: ${e.message}`));
    };
    stream.on('error', (e: Error) => bail(gz || zst ? new Error(`not a readable ${gz ? 'gzip' : 'zstd'} stream (${e.message})`) : e));
    stream.on('data', (c: Buffer) => {
      total += c.length;
      if (total > MAX_LAYER) bail(new Error(`decompresses to more than ${MAX_LAYER} bytes`));
    });
    tar.on('entry', (header, body, next) => {
      let consumed = false;
      let ended = false;
      const read = () =>
        new Promise<Buffer>((ok, ko) => {
          consumed = true;
          const chunks: Buffer[] = [];
          body.on('data', (c: unknown) => chunks.push(Buffer.from(c as Uint8Array)));
          body.on('end', () => {
            ended = true;
            ok(Buffer.concat(chunks));
          });
          body.on('error', ko);
        });
      onEntry(header as Header, read)
        .then(() => {
          if (ended) return next();
          body.on('end', () => next());
          if (!consumed) body.resume();
        })
        .catch(bail);
    });
    // The tar ends at its end-of-archive blocks, but the digest is checked only when the whole blob has
    // been read: finish only once the source has ended too, draining what the tar reader left.
    let tarDone = false;
    let sourceDone = false;
    const maybeDone = () => {
      if (tarDone && sourceDone) done();
    };
    raw.on('end', () => {
      sourceDone = true;
      maybeDone();
    });
    raw.on('error', (e: Error) => bail(e));
    tar.on('finish', () => {
      tarDone = true;
      stream.unpipe(tar);
      stream.resume();
      maybeDone();
    });
    tar.on('error', (e: Error) => bail(new Error(`not a tar archive (${e.message})`)));
    stream.pipe(tar);
  });
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

/** A stream that fails when the bytes' sha256 is not the digest they were fetched by. */
export function verifyDigest(input: Readable, digest: string): Readable {
  const [algo, hex] = digest.split(':');
  if (algo !== 'sha256' || !hex) return input;
  const hash = createHash('sha256');
  const check = new Transform({
    transform(chunk: Buffer, _enc, next) {
      hash.update(chunk);
      next(null, chunk);
    },
    flush(next) {
      const got = hash.digest('hex');
      next(got === hex ? null : new Error(`digest mismatch: expected sha256:${hex}, got sha256:${got}`));
    },
  });
  input.on('error', (e) => check.destroy(e));
  return input.pipe(check);
}
