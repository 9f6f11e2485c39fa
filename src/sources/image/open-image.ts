/**
 * An image reference opened to its config and its layers, whatever the form: `oci:DIR[:TAG]` (an OCI
 * layout), `oci-archive:FILE`, `docker-archive:FILE` (docker save), or a registry reference. Archives are
 * unpacked once into a private temporary directory; blobs are checked against their digests.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { cleanPath, verifyDigest, type LayerSource } from './layers.ts';
import { indexEntries, pickPlatform } from './platform.ts';
import { openRegistryImage, type RegistryOptions } from './registry.ts';
import { isObject } from '../../common/index.ts';

export interface OpenedImage {
  ref: string;
  /** The manifest digest when known. */
  digest: string | null;
  /** For SARIF categories: the repository, without tag or digest. */
  repository: string;
  config: unknown;
  layers: LayerSource[];
  close(): void;
}

const MAX_ARCHIVE = 16 * 2 ** 30;

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function blobPath(root: string, digest: string): string {
  const [algo, hex] = digest.split(':');
  if (!algo || !hex || !/^[a-f0-9]+$/.test(hex) || !/^[a-z0-9]+$/.test(algo)) throw new Error(`"${digest}" is not a digest`);
  const p = join(root, 'blobs', algo, hex);
  if (!existsSync(p)) throw new Error(`blob ${digest} is missing from the image`);
  return p;
}

/** A small blob (manifest, config) read whole and checked against its digest. */
function readBlob(root: string, digest: string, what: string): unknown {
  const bytes = readFileSync(blobPath(root, digest));
  const [algo, hex] = digest.split(':');
  if (algo === 'sha256' && createHash('sha256').update(bytes).digest('hex') !== hex) throw new Error(`${what} ${digest}: digest mismatch`);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new Error(`${what} ${digest}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** An OCI layout: index.json → (tag) → manifest → config and layers. */
export function openOciLayout(root: string, tag: string | undefined, ref: string, platform: string, close = () => {}): OpenedImage {
  const index = readJson(join(root, 'index.json'), 'index.json');
  const manifests = isObject(index) && Array.isArray(index['manifests']) ? index['manifests'].filter(isObject) : [];
  const pick = tag === undefined ? manifests[0] : manifests.find((m) => isObject(m['annotations']) && m['annotations']['org.opencontainers.image.ref.name'] === tag);
  if (!pick || typeof pick['digest'] !== 'string') throw new Error(tag === undefined ? 'the layout has no manifest' : `the layout has no image tagged "${tag}"`);
  let digest = pick['digest'];
  let manifest = readBlob(root, digest, 'manifest');
  const entries = indexEntries(manifest);
  if (entries) {
    digest = pickPlatform(entries, platform);
    manifest = readBlob(root, digest, 'manifest');
  }
  if (!isObject(manifest) || !isObject(manifest['config']) || !Array.isArray(manifest['layers'])) throw new Error(`manifest ${digest} is not an image manifest`);
  const config = readBlob(root, String(manifest['config']['digest']), 'image config');
  const layers = manifest['layers'].filter(isObject).map((l): LayerSource => {
    const digest = String(l['digest']);
    const path = blobPath(root, digest);
    return { digest, open: () => Promise.resolve(verifyDigest(createReadStream(path), digest)) };
  });
  return { ref, digest, repository: ref.replace(/^oci:/, '').replace(/:[^/:]*$/, ''), config, layers, close };
}

/** Unpack a tar (optionally gzip) into a fresh private directory, refusing names that leave it. */
async function unpack(file: string): Promise<string> {
  const size = statSync(file).size;
  if (size > MAX_ARCHIVE) throw new Error(`${file} is larger than ${MAX_ARCHIVE} bytes`);
  const dir = mkdtempSync(join(tmpdir(), 'rsyncguard-image-'));
  const head = readFileSync(file).subarray(0, 2);
  const input = createReadStream(file);
  const stream = head[0] === 0x1f && head[1] === 0x8b ? input.pipe(createGunzip()) : input;
  const tar = extract();
  await new Promise<void>((done, fail) => {
    tar.on('entry', (header, body, next) => {
      const name = cleanPath(header.name);
      if (name === null || name === '' || header.type !== 'file') {
        body.resume();
        body.on('end', () => next());
        return;
      }
      const chunks: Buffer[] = [];
      body.on('data', (c: unknown) => chunks.push(Buffer.from(c as Uint8Array)));
      body.on('end', () => {
        const target = join(dir, name);
        mkdir(dirname(target), { recursive: true })
          .then(() => writeFile(target, Buffer.concat(chunks)))
          .then(() => next(), fail);
      });
    });
    tar.on('finish', () => done());
    tar.on('error', (e: Error) => fail(new Error(`${file} is not a tar archive (${e.message})`)));
    stream.on('error', (e: Error) => fail(e));
    stream.pipe(tar);
  });
  return dir;
}

/** docker save: manifest.json → Config and Layers paths inside the archive. */
function openDockerDir(dir: string, ref: string, close: () => void): OpenedImage {
  const manifest = readJson(join(dir, 'manifest.json'), 'manifest.json');
  const first = Array.isArray(manifest) && isObject(manifest[0]) ? manifest[0] : undefined;
  if (!first || typeof first['Config'] !== 'string' || !Array.isArray(first['Layers'])) throw new Error('not a docker-archive (no manifest.json with Config and Layers)');
  const inside = (p: string) => {
    const c = cleanPath(p);
    if (c === null || !existsSync(join(dir, c))) throw new Error(`docker-archive entry ${p} is missing`);
    return join(dir, c);
  };
  const config = readJson(inside(first['Config']), 'image config');
  const layers = first['Layers'].map((p): LayerSource => {
    const path = inside(String(p));
    const hex = /([a-f0-9]{64})/.exec(String(p))?.[1];
    return { digest: hex ? `sha256:${hex}` : String(p), open: () => Promise.resolve(createReadStream(path)) };
  });
  const tags = Array.isArray(first['RepoTags']) ? first['RepoTags'].filter((t): t is string => typeof t === 'string') : [];
  return { ref, digest: null, repository: (tags[0] ?? ref).replace(/:[^/:]*$/, ''), config, layers, close };
}

export async function openImage(ref: string, opts: RegistryOptions): Promise<OpenedImage> {
  if (ref.startsWith('oci:')) {
    const rest = ref.slice(4);
    const m = /^(.*?)(?::([^/:]+))?$/.exec(rest);
    const dir = m?.[1] ?? rest;
    if (!existsSync(join(dir, 'index.json'))) throw new Error(`${dir} is not an OCI layout (no index.json)`);
    return openOciLayout(dir, m?.[2], ref, opts.platform);
  }
  if (ref.startsWith('oci-archive:') || ref.startsWith('docker-archive:')) {
    const docker = ref.startsWith('docker-archive:');
    const [file = '', tag] = ref.slice(docker ? 15 : 12).split(/:(?=[^/:]+$)/);
    if (!existsSync(file)) throw new Error(`${file}: no such file`);
    const dir = await unpack(file);
    const close = () => rmSync(dir, { recursive: true, force: true });
    try {
      return docker ? openDockerDir(dir, ref, close) : openOciLayout(dir, tag, ref, opts.platform, close);
    } catch (e) {
      close();
      throw e;
    }
  }
  return openRegistryImage(ref, opts);
}
