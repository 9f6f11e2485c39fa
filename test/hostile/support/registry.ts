/**
 * Images made in memory with tar-stream, and a tiny registry on 127.0.0.1 that serves them (and can
 * trickle a blob, to make analysis slow on purpose): what the admission tests and benchmark review.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

/** A config whose anonymous writable module is a high finding (RSYNC-002). */
export const WRITABLE_CONF = '[pub]\npath = /srv\nread only = no\n';

export type LayerEntry = { name: string; body?: string; type?: 'file' | 'directory' };

async function tarOf(entries: Iterable<LayerEntry>): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => {
    if (Buffer.isBuffer(c)) chunks.push(c);
  });
  const ended = new Promise<void>((ok) => p.on('end', () => ok()));
  for (const e of entries) {
    if (e.type === 'directory') p.entry({ name: e.name, type: 'directory', mode: 0o755 });
    else p.entry({ name: e.name, mode: 0o644 }, e.body ?? '');
  }
  p.finalize();
  await ended;
  return Buffer.concat(chunks);
}

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export interface MemoryImage {
  manifest: Buffer;
  digest: string;
  blobs: Map<string, Buffer>;
  /** The layers' digests, in order. */
  layers: string[];
  /** More manifests served by digest from the same repository (the images of an index). */
  manifests?: Map<string, Buffer>;
}

/** An OCI image whose layers hold these entries (gzip); by default its config starts rsync --daemon. */
export async function memoryImage(layers: Iterable<LayerEntry>[], entrypoint = ['rsync', '--daemon', '--no-detach']): Promise<MemoryImage> {
  const blobs = new Map<string, Buffer>();
  const diffIds: string[] = [];
  const layerDescs: { mediaType: string; digest: string; size: number }[] = [];
  for (const entries of layers) {
    const tar = await tarOf(entries);
    const gz = gzipSync(tar, { level: 1 });
    diffIds.push(sha(tar));
    blobs.set(sha(gz), gz);
    layerDescs.push({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha(gz), size: gz.length });
  }
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Entrypoint: entrypoint }, rootfs: { type: 'layers', diff_ids: diffIds } }));
  blobs.set(sha(config), config);
  const manifest = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length }, layers: layerDescs }),
  );
  return { manifest, digest: sha(manifest), blobs, layers: layerDescs.map((l) => l.digest) };
}

/**
 * An OCI index of these images, one per platform ("os/arch[/variant]", or "unknown/unknown" for an
 * attestation manifest), served from one repository: the index by tag, each image by its digest.
 */
export function memoryIndex(platforms: [string, MemoryImage][]): MemoryImage {
  const blobs = new Map<string, Buffer>();
  const manifests = new Map<string, Buffer>();
  const entries = platforms.map(([platform, image]) => {
    for (const [d, b] of image.blobs) blobs.set(d, b);
    manifests.set(image.digest, image.manifest);
    const [os, architecture, variant] = platform.split('/');
    return { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: image.digest, size: image.manifest.length, platform: { os, architecture, ...(variant ? { variant } : {}) } };
  });
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: entries }));
  return { manifest, digest: sha(manifest), blobs, layers: [], manifests };
}

/**
 * An OCI image whose layers are these blobs as they are (gzip or not, valid or not), with these diff_ids
 * in its config (by default the blobs' own digests).
 */
export function rawImage(layerBlobs: Buffer[], entrypoint = ['rsync', '--daemon', '--no-detach'], diffIds = layerBlobs.map(sha)): MemoryImage {
  const blobs = new Map<string, Buffer>();
  for (const b of layerBlobs) blobs.set(sha(b), b);
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Entrypoint: entrypoint }, rootfs: { type: 'layers', diff_ids: diffIds } }));
  blobs.set(sha(config), config);
  const layers = layerBlobs.map((b) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha(b), size: b.length }));
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length }, layers }));
  return { manifest, digest: sha(manifest), blobs, layers: layers.map((l) => l.digest) };
}

/** A small image that runs rsync --daemon with this rsyncd.conf, or (without one) a shell and no rsync. */
export function simpleImage(conf: string | undefined): Promise<MemoryImage> {
  const etc: LayerEntry[] = [{ name: 'etc/', type: 'directory' }, ...(conf === undefined ? [] : [{ name: 'etc/rsyncd.conf', body: conf }])];
  return memoryImage([etc], conf === undefined ? ['/bin/sh'] : undefined);
}

/**
 * Many files in one directory, many of them deleted again by whiteouts in the next layer: the costly case
 * for a merge; `tail`, when given, is one more (small) layer.
 */
export function whiteoutHeavyImage(files: number, whiteouts: number, tail?: LayerEntry[]): Promise<MemoryImage> {
  function* first(): Iterable<LayerEntry> {
    yield { name: 'etc/rsyncd.conf', body: WRITABLE_CONF };
    for (let i = 0; i < files; i++) yield { name: `data/f${i}` };
  }
  function* second(): Iterable<LayerEntry> {
    for (let i = 0; i < whiteouts; i++) yield { name: `data/.wh.f${i}` };
  }
  return memoryImage([first(), second(), ...(tail ? [tail] : [])]);
}

export interface TinyRegistry {
  port: number;
  /** `127.0.0.1:PORT/REPO:1` for a repository served here. */
  ref(repo: string): string;
  /** Blob requests seen, by digest. */
  served: Map<string, number>;
  close(): void;
}

/**
 * The read half of the distribution API, enough for rsyncguard: /v2/, manifests by tag or digest, blobs.
 * A blob listed in `trickle` is sent in small pieces `trickleMs` apart.
 */
export async function startTinyRegistry(images: Record<string, MemoryImage>, trickle: { blobs: Set<string>; ms: number } = { blobs: new Set(), ms: 0 }): Promise<TinyRegistry> {
  const served = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const m = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(req.url ?? '');
    if (req.url === '/v2/' || req.url === '/v2') return void res.writeHead(200).end('{}');
    const image = m?.[1] ? images[m[1]] : undefined;
    if (!m || !image) return void res.writeHead(404).end();
    if (m[2] === 'manifests') {
      const other = m[3] === '1' || m[3] === image.digest ? undefined : image.manifests?.get(m[3] ?? '');
      if (m[3] !== '1' && m[3] !== image.digest && !other) return void res.writeHead(404).end();
      const body = other ?? image.manifest;
      const parsed = JSON.parse(body.toString('utf8')) as { mediaType?: string };
      res.writeHead(200, { 'content-type': parsed.mediaType ?? 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': other ? (m[3] ?? '') : image.digest, 'content-length': body.length });
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    const digest = m[3] ?? '';
    const blob = image.blobs.get(digest);
    if (!blob) return void res.writeHead(404).end();
    served.set(digest, (served.get(digest) ?? 0) + 1);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': blob.length });
    if (!trickle.blobs.has(digest)) return void res.end(blob);
    const piece = Math.max(1, Math.ceil(blob.length / 50));
    let at = 0;
    const timer = setInterval(() => {
      if (res.destroyed || at >= blob.length) {
        clearInterval(timer);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(blob.subarray(at, at + piece));
      at += piece;
    }, trickle.ms);
    res.on('close', () => clearInterval(timer));
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    ref: (repo) => `127.0.0.1:${port}/${repo}:1`,
    served,
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}
