/**
 * Hostile images written byte by byte for the hostile suite: layer tars from a list of entries, then an
 * OCI layout, an OCI archive or a docker archive around them. No external tool, so every case is fast and
 * can say exactly what is wrong with its image.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decompress as zstdDecompress } from 'fzstd';
import { pack, type Header } from 'tar-stream';

export interface Entry {
  name: string;
  type?: 'file' | 'symlink' | 'link' | 'directory';
  body?: string | Buffer;
  linkname?: string;
  mode?: number;
}

/** An uncompressed layer tar holding the entries in order. */
export function layerTar(entries: Entry[]): Promise<Buffer> {
  return new Promise((done, fail) => {
    const p = pack();
    const chunks: Buffer[] = [];
    p.on('data', (c: unknown) => chunks.push(Buffer.from(c as Uint8Array)));
    p.on('end', () => done(Buffer.concat(chunks)));
    p.on('error', fail);
    for (const e of entries) {
      const type = e.type ?? 'file';
      const header: Partial<Header> & { name: string } = { name: e.name, type, mode: e.mode ?? (type === 'directory' ? 0o755 : 0o644), ...(e.linkname !== undefined ? { linkname: e.linkname } : {}) };
      if (type === 'file') p.entry(header, e.body ?? '');
      else p.entry(header);
    }
    p.finalize();
  });
}

export interface ImageConfigFields {
  Entrypoint?: string[];
  Cmd?: string[];
  Env?: string[];
  User?: string;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function configBlob(layers: Buffer[], config: ImageConfigFields, diffIds?: string[]): Buffer {
  return Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config, rootfs: { type: 'layers', diff_ids: diffIds ?? layers.map((l) => `sha256:${sha256(l)}`) } }));
}

/** Inflated layers past this are bombs whose scan fails before any diff_id is checked: a placeholder id. */
const MAX_DIFF_HASHED = 256 << 20;
const UNHASHED = `sha256:${'0'.repeat(64)}`;

/**
 * The diff_id a builder would write for a layer blob: the sha256 of its uncompressed tar. A blob the caller
 * wrote itself (a digest) is an uncompressed tar; one that does not decompress, or is a bomb, gets a
 * placeholder, as the scan fails on it before the id matters.
 */
export function diffIdOf(layer: Buffer | string): string {
  if (typeof layer === 'string') return layer;
  try {
    if (layer[0] === 0x1f && layer[1] === 0x8b) return `sha256:${sha256(gunzipSync(layer, { maxOutputLength: MAX_DIFF_HASHED }))}`;
    if (layer.length >= 4 && layer.readUInt32LE(0) === 0xfd2fb528) {
      const out = zstdDecompress(layer);
      return out.byteLength > MAX_DIFF_HASHED ? UNHASHED : `sha256:${sha256(Buffer.from(out))}`;
    }
  } catch {
    return UNHASHED;
  }
  return `sha256:${sha256(layer)}`;
}

/**
 * The files of an OCI layout (path → bytes) for the given layer blobs (tar, gzip or zstd bytes, or the
 * digest of a blob the caller writes itself, for blobs too big to hold); diff_ids as a builder writes them.
 */
export function ociLayoutFiles(layers: (Buffer | string)[], config: ImageConfigFields = {}, sizes: number[] = [], diffIds: string[] = layers.map(diffIdOf)): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const put = (b: Buffer) => {
    const hex = sha256(b);
    files.set(`blobs/sha256/${hex}`, b);
    return `sha256:${hex}`;
  };
  const cfg = put(configBlob([], config, diffIds));
  const layerDigests = layers.map((l) => (typeof l === 'string' ? l : put(l)));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: cfg, size: 0 },
      layers: layerDigests.map((d, i) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: d, size: sizes[i] ?? 0 })),
    }),
  );
  const m = put(manifest);
  files.set('index.json', Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: m, size: manifest.length }] })));
  files.set('oci-layout', Buffer.from('{"imageLayoutVersion":"1.0.0"}'));
  return files;
}

/** An OCI layout directory under `dir`; returns the `oci:` reference. */
export function ociLayout(dir: string, layers: (Buffer | string)[], config: ImageConfigFields = {}, sizes: number[] = [], diffIds?: string[]): string {
  for (const [path, bytes] of ociLayoutFiles(layers, config, sizes, diffIds)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return `oci:${dir}`;
}

/** A docker-save archive (manifest.json, config, one layer.tar per layer); diffIds overrides the config's rootfs. */
export async function dockerArchive(file: string, layers: Buffer[], config: ImageConfigFields = {}, diffIds?: string[]): Promise<string> {
  const cfg = configBlob(layers, config, diffIds);
  const cfgName = `${sha256(cfg)}.json`;
  const names = layers.map((l, i) => `${sha256(Buffer.concat([l, Buffer.from([i])]))}/layer.tar`);
  const manifest = Buffer.from(JSON.stringify([{ Config: cfgName, RepoTags: ['hostile/image:1'], Layers: names }]));
  const entries: Entry[] = [{ name: 'manifest.json', body: manifest }, { name: cfgName, body: cfg }, ...layers.map((l, i) => ({ name: names[i] ?? '', body: l }))];
  writeFileSync(file, await layerTar(entries));
  return `docker-archive:${file}`;
}

/** One ustar header block written by hand, for tars no well-behaved writer makes (lying sizes, 'g' records). */
export function rawHeader(name: string, size: number, type: string, linkname = ''): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0);
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write(linkname, 157);
  h.write('ustar\u000000', 257);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/** A body padded to whole blocks. */
export const padBlocks = (b: Buffer): Buffer => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);

/** One PAX record ("LEN key=value\n", LEN counting itself). */
export function paxRecord(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`;
  let len = rest.length + 1;
  while (String(len).length + rest.length !== len) len = String(len).length + rest.length;
  return `${len}${rest}`;
}
