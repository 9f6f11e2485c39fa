/**
 * An image reference opened to its config and its layers, whatever the form: `oci:DIR[:TAG]` (an OCI
 * layout), `oci-archive:FILE`, `docker-archive:FILE` (docker save), or a registry reference. Archives are
 * read in place (see blob-store.ts); blobs are checked against their digests, and docker-archive layers,
 * which have no blob digest, against the config's `rootfs.diff_ids`.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { archiveStore, dirStore, type BlobStore } from './blob-store.ts';
import { verifyDigest, type LayerSource } from './layer-stream.ts';
import { indexEntries, pickPlatform } from './platform.ts';
import { isLocalPath, sniffLocalImage } from './local-image.ts';
import { openRegistryImage, type RegistryOptions } from './registry.ts';
import { isObject } from '../../common/index.ts';

export interface OpenedImage {
  ref: string;
  /** The manifest digest when known. */
  digest: string | null;
  /** For SARIF categories: the repository, without tag or digest. */
  repository: string;
  /** The name the image gives itself (docker save's RepoTags, an OCI layout's ref.name annotation), for labels. */
  name?: string;
  config: unknown;
  layers: LayerSource[];
  close(): void;
  /** Why the registry connection failed while layers were read, if it did (the environment's failure). */
  unavailable?: () => string | undefined;
}

/** The same caps as for a registry: an index or manifest is small, a config a little less so. */
export const MAX_MANIFEST = 4 << 20;
export const MAX_CONFIG = 8 << 20;

/**
 * JSON from an image, or an error that quotes none of it: V8's messages quote the start of the input, and
 * the input may be anything (a layout's index.json could be a host file, a token response holds a token).
 */
export function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    const at = e instanceof Error ? /position (\d+)/.exec(e.message)?.[1] : undefined;
    throw new Error(`${what} is not valid JSON${at !== undefined ? ` (at character ${at})` : ''}`);
  }
}

function blobPath(digest: string): string {
  const [algo, hex] = digest.split(':');
  if (!algo || !hex || !/^[a-f0-9]+$/.test(hex) || !/^[a-z0-9]+$/.test(algo)) throw new Error(`"${digest}" is not a digest`);
  return `blobs/${algo}/${hex}`;
}

/** A small blob (manifest, config) read whole, capped, and checked against its digest. */
function readBlob(store: BlobStore, digest: string, what: string, cap: number): unknown {
  const path = blobPath(digest);
  if (!store.has(path)) throw new Error(`blob ${digest} is missing from the image`);
  const bytes = store.read(path, cap, `${what} ${digest}`);
  const [algo, hex] = digest.split(':');
  if (algo === 'sha256' && createHash('sha256').update(bytes).digest('hex') !== hex) throw new Error(`${what} ${digest}: digest mismatch`);
  return parseJson(bytes, `${what} ${digest}`);
}

/** An OCI layout: index.json → (tag) → manifest → config and layers. */
function openOciLayout(store: BlobStore, tag: string | undefined, ref: string, platform: string, dir?: string): OpenedImage {
  if (!store.has('index.json')) throw new Error(`${store.where} is not an OCI layout (no index.json)`);
  const index = parseJson(store.read('index.json', MAX_MANIFEST, 'index.json'), 'index.json');
  const manifests = isObject(index) && Array.isArray(index['manifests']) ? index['manifests'].filter(isObject) : [];
  const pick = tag === undefined ? manifests[0] : manifests.find((m) => isObject(m['annotations']) && m['annotations']['org.opencontainers.image.ref.name'] === tag);
  if (!pick || typeof pick['digest'] !== 'string') throw new Error(tag === undefined ? 'the layout has no manifest' : `the layout has no image tagged "${tag}"`);
  let digest = pick['digest'];
  const annotations = isObject(pick['annotations']) ? pick['annotations'] : {};
  const name = typeof annotations['org.opencontainers.image.ref.name'] === 'string' ? annotations['org.opencontainers.image.ref.name'] : undefined;
  let manifest = readBlob(store, digest, 'manifest', MAX_MANIFEST);
  const entries = indexEntries(manifest);
  if (entries) {
    digest = pickPlatform(entries, platform);
    manifest = readBlob(store, digest, 'manifest', MAX_MANIFEST);
  }
  if (!isObject(manifest) || !isObject(manifest['config']) || !Array.isArray(manifest['layers'])) throw new Error(`manifest ${digest} is not an image manifest`);
  const config = readBlob(store, String(manifest['config']['digest']), 'image config', MAX_CONFIG);
  const layers = manifest['layers'].filter(isObject).map((l): LayerSource => {
    const d = String(l['digest']);
    const path = blobPath(d);
    if (!store.has(path)) throw new Error(`blob ${d} is missing from the image`);
    const size = typeof l['size'] === 'number' ? l['size'] : undefined;
    return { digest: d, open: () => Promise.resolve(verifyDigest(store.stream(path), d, size)) };
  });
  return { ref, digest, repository: dir ?? ref.replace(/:[^/:]*$/, ''), ...(name !== undefined ? { name } : {}), config, layers, close: () => store.close() };
}

/** docker save: manifest.json → Config and Layers paths inside the archive; layers checked by diff_id. */
function openDockerArchive(store: BlobStore, ref: string): OpenedImage {
  if (!store.has('manifest.json')) throw new Error('not a docker-archive (no manifest.json)');
  const manifest = parseJson(store.read('manifest.json', MAX_MANIFEST, 'manifest.json'), 'manifest.json');
  const first = Array.isArray(manifest) && isObject(manifest[0]) ? manifest[0] : undefined;
  if (!first || typeof first['Config'] !== 'string' || !Array.isArray(first['Layers'])) throw new Error('not a docker-archive (no manifest.json with Config and Layers)');
  const inside = (p: string) => {
    if (!store.has(p)) throw new Error(`docker-archive entry ${p} is missing`);
    return p;
  };
  const config = parseJson(store.read(inside(first['Config']), MAX_CONFIG, 'image config'), 'image config');
  const rootfs = isObject(config) && isObject(config['rootfs']) ? config['rootfs'] : {};
  const diffIds = Array.isArray(rootfs['diff_ids']) ? rootfs['diff_ids'] : [];
  const names = first['Layers'].map(String);
  if (diffIds.length !== names.length || !diffIds.every((d): d is string => typeof d === 'string' && /^sha256:[a-f0-9]{64}$/.test(d))) {
    throw new Error(`the image config lists ${diffIds.length} layer diff_ids for ${names.length} layers in manifest.json; the archive is inconsistent`);
  }
  const layers = names.map((p, i): LayerSource => {
    const path = inside(p);
    const diffId = String(diffIds[i]);
    return { digest: diffId, diffId, open: () => Promise.resolve(store.stream(path)) };
  });
  const tags = Array.isArray(first['RepoTags']) ? first['RepoTags'].filter((t): t is string => typeof t === 'string') : [];
  // Named as `docker tag` was told it (`test/rsyncd:1`), not as the runtime filed it (`docker.io/test/rsyncd:1`).
  const name = tags[0]?.replace(/^docker\.io\/(library\/)?/, '');
  return { ref, digest: null, repository: (tags[0] ?? ref).replace(/:[^/:]*$/, ''), ...(name !== undefined ? { name } : {}), config, layers, close: () => store.close() };
}

export type LocalTransportName = 'oci' | 'oci-archive' | 'docker-archive';

/**
 * The transport of a reference that names a file or directory on this machine (skopeo's `oci:`,
 * `oci-archive:` and `docker-archive:`), with what follows it; undefined for a registry reference. The one
 * test of it, everywhere: matched whatever the case, since no registry reference can start that way (a
 * repository is lower case), so `DOCKER-ARCHIVE:x.tar` is read as the archive it names, and refused as a
 * local image wherever only registries may be asked, never sent to a registry as a host name.
 */
export function localTransport(ref: string): { transport: LocalTransportName; rest: string } | undefined {
  const m = /^(oci|oci-archive|docker-archive):/i.exec(ref);
  const name = m?.[1]?.toLowerCase();
  return m === null || (name !== 'oci' && name !== 'oci-archive' && name !== 'docker-archive') ? undefined : { transport: name, rest: ref.slice(m[0].length) };
}

/** Whether `ref` names an image on this machine (see localTransport). */
export const isLocalTransport = (ref: string): boolean => localTransport(ref) !== undefined;

/**
 * `paths`: a reference without a transport that names a path here is read as the image it holds
 * (local-image.ts). Only for a person's own command line: the webhook never reads a path a Pod names.
 */
export async function openImage(ref: string, opts: RegistryOptions, { paths = false }: { paths?: boolean } = {}): Promise<OpenedImage> {
  const local = localTransport(ref);
  if (local === undefined && paths && isLocalPath(ref)) return openLocalPath(ref, opts.platform);
  if (local === undefined) return openRegistryImage(ref, opts);
  if (local.transport === 'oci') {
    const m = /^(.*?)(?::([^/:]+))?$/.exec(local.rest);
    const dir = m?.[1] ?? local.rest;
    if (!existsSync(dir)) throw new Error(`${dir}: no such directory`);
    return openOciLayout(dirStore(dir), m?.[2], ref, opts.platform, dir);
  }
  const docker = local.transport === 'docker-archive';
  const [file = '', tag] = local.rest.split(/:(?=[^/:]+$)/);
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  const store = await archiveStore(file);
  try {
    return docker ? openDockerArchive(store, ref) : openOciLayout(store, tag, ref, opts.platform);
  } catch (e) {
    store.close();
    throw e;
  }
}

/** A path without a transport, opened as the form it holds. */
async function openLocalPath(path: string, platform: string): Promise<OpenedImage> {
  const { form, store } = await sniffLocalImage(path);
  try {
    if (form === 'docker-archive') return openDockerArchive(store, path);
    // The repository (the stable part of target ids) as the typed reference would have it: one file, one identity.
    return openOciLayout(store, undefined, path, platform, form === 'oci' ? path : `oci-archive:${path}`);
  } catch (e) {
    store.close();
    throw e;
  }
}
