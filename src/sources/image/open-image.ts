/**
 * An image reference opened to its config and its layers, whatever the form: `oci:DIR[:TAG]` (an OCI
 * layout), `oci-archive:FILE`, `docker-archive:FILE` (docker save), or a registry reference. Archives are
 * read in place (see blob-store.ts); blobs are checked against their digests, and every layer, whatever
 * the form, against the config's `rootfs.diff_ids` while it is streamed (diff-ids.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { archiveStore, dirStore, type BlobStore } from './blob-store.ts';
import { layerDiffIds } from './diff-ids.ts';
import { verifyDigest, type LayerSource } from './layer-stream.ts';
import { indexEntries, pickPlatform } from './platform.ts';
import { isLocalPath, sniffLocalImage } from './local-image.ts';
import { openRegistryImage, type RegistryOptions } from './registry.ts';
import { isObject, type JsonObject } from '../../common/index.ts';

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
  /** What the user should hear once though the image was read (an unusable layer cache). */
  warnings?: string[];
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
  if (!store.has(path)) throw new Error(store.refused?.(path) ?? `blob ${digest} is missing from the image`);
  const bytes = store.read(path, cap, `${what} ${digest}`);
  const [algo, hex] = digest.split(':');
  if (algo === 'sha256' && createHash('sha256').update(bytes).digest('hex') !== hex) throw new Error(`${what} ${digest}: digest mismatch`);
  return parseJson(bytes, `${what} ${digest}`);
}

/**
 * A reference as a comparable name: `docker.io/library/nginx` and `nginx:latest` are one image, as Docker
 * files them (docker save's RepoTags, containerd's image-name annotation, a typed choice).
 */
export function sameImageName(name: string): string {
  const bare = name.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
  return bare.includes('@') || bare.lastIndexOf(':') > bare.lastIndexOf('/') ? bare : `${bare}:latest`;
}

/** The names an OCI index entry gives its image: containerd's full name first (Docker 25+), then the tag. */
function ociNames(entry: JsonObject): string[] {
  const a = isObject(entry['annotations']) ? entry['annotations'] : {};
  return [a['io.containerd.image.name'], a['org.opencontainers.image.ref.name']].filter((n): n is string => typeof n === 'string' && n !== '');
}

/** How a listed image is chosen in the reference: `oci:DIR:TAG`, `docker-archive:FILE:REF`. */
type Choose = (name: string) => string;

/** An error listing the images a layout or archive holds, and the reference that picks each. */
function severalImages(where: string, names: string[], choose: Choose): Error {
  const shown = names.slice(0, 8).map((n) => choose(n));
  const more = names.length > 8 ? ` and ${names.length - 8} more` : '';
  return new Error(`${where} holds ${names.length} images; name the one to scan: ${shown.join(', ')}${more}`);
}

/** An OCI layout: index.json → (tag) → manifest → config and layers. */
function openOciLayout(store: BlobStore, tag: string | undefined, ref: string, platform: string, dir?: string, choose: Choose = (n) => `oci:${store.where}:${n}`): OpenedImage {
  if (!store.has('index.json')) throw new Error(store.refused?.('index.json') ?? `${store.where} is not an OCI layout (no index.json)`);
  const index = parseJson(store.read('index.json', MAX_MANIFEST, 'index.json'), 'index.json');
  const manifests = isObject(index) && Array.isArray(index['manifests']) ? index['manifests'].filter(isObject) : [];
  let pick: JsonObject | undefined;
  if (tag !== undefined && /^@\d+$/.test(tag)) pick = manifests[Number(tag.slice(1))];
  else if (tag !== undefined) {
    pick = manifests.find((m) => ociNames(m).includes(tag)) ?? manifests.find((m) => ociNames(m).some((n) => sameImageName(n) === sameImageName(tag)));
  } else if (manifests.length > 1 && manifests.every((m) => isObject(m['platform']))) {
    // One image per platform listed at the top (no nested index): the platform chooses, as in an index.
    const chosen = pickPlatform(manifests, platform);
    pick = manifests.find((m) => m['digest'] === chosen);
  } else if (manifests.length > 1) {
    // By tag where the tag is the entry's alone, else by position (skopeo's `@N`).
    const tags = manifests.map((m) => ociNames(m).at(-1));
    throw severalImages(
      store.where,
      tags.map((t, i) => (t !== undefined && tags.indexOf(t) === tags.lastIndexOf(t) ? t : `@${i}`)),
      choose,
    );
  } else pick = manifests[0];
  if (!pick || typeof pick['digest'] !== 'string') throw new Error(tag === undefined ? 'the layout has no manifest' : `the layout has no image tagged "${tag}" (it has ${manifests.flatMap((m) => ociNames(m).slice(-1)).join(', ') || 'no tags'})`);
  let digest = pick['digest'];
  const full = ociNames(pick)[0];
  const name = full === undefined ? undefined : familiar(full);
  let manifest = readBlob(store, digest, 'manifest', MAX_MANIFEST);
  const entries = indexEntries(manifest);
  if (entries) {
    digest = pickPlatform(entries, platform);
    manifest = readBlob(store, digest, 'manifest', MAX_MANIFEST);
  }
  if (!isObject(manifest) || !isObject(manifest['config']) || !Array.isArray(manifest['layers'])) throw new Error(`manifest ${digest} is not an image manifest`);
  const config = readBlob(store, String(manifest['config']['digest']), 'image config', MAX_CONFIG);
  const descriptors = manifest['layers'].filter(isObject);
  const diffIds = layerDiffIds(config, descriptors.length, `manifest ${digest}`);
  const layers = descriptors.map((l, i): LayerSource => {
    const d = String(l['digest']);
    const path = blobPath(d);
    if (!store.has(path)) throw new Error(store.refused?.(path) ?? `blob ${d} is missing from the image`);
    const size = typeof l['size'] === 'number' ? l['size'] : undefined;
    return { digest: d, diffId: diffIds[i] ?? '', open: () => Promise.resolve(verifyDigest(store.stream(path), d, size)) };
  });
  return { ref, digest, repository: dir ?? ref.replace(/:[^/:]*$/, ''), ...(name !== undefined ? { name } : {}), config, layers, close: () => store.close() };
}

/** docker save: manifest.json → Config and Layers paths inside the archive; layers checked by diff_id. */
function dockerEntries(store: BlobStore): JsonObject[] {
  if (!store.has('manifest.json')) throw new Error('not a docker-archive (no manifest.json)');
  const manifest = parseJson(store.read('manifest.json', MAX_MANIFEST, 'manifest.json'), 'manifest.json');
  return Array.isArray(manifest) ? manifest.filter(isObject) : [];
}

const repoTags = (e: JsonObject): string[] => (Array.isArray(e['RepoTags']) ? e['RepoTags'].filter((t): t is string => typeof t === 'string') : []);

/** A name as `docker tag` was told it (`test/rsyncd:1`), not as the runtime filed it (`docker.io/test/rsyncd:1`). */
const familiar = (name: string): string => name.replace(/^docker\.io\/(library\/)?/, '');

/**
 * docker save of several images holds several entries: one is chosen by a tag (`docker-archive:FILE:REF`)
 * or its position (`docker-archive:FILE:@N`, as skopeo); without a choice, several is an error listing them.
 */
function chooseDockerEntry(entries: JsonObject[], choice: string | undefined, where: string): { entry: JsonObject | undefined; tag?: string } {
  if (choice === undefined) {
    if (entries.length > 1)
      throw severalImages(
        where,
        entries.map((e, i) => familiar(repoTags(e)[0] ?? `@${i}`)),
        (n) => `docker-archive:${where}:${n}`,
      );
    return { entry: entries[0] };
  }
  if (/^@\d+$/.test(choice)) return { entry: entries[Number(choice.slice(1))] };
  const want = sameImageName(choice);
  for (const entry of entries) {
    const tag = repoTags(entry).find((t) => sameImageName(t) === want);
    if (tag !== undefined) return { entry, tag };
  }
  const all = entries.map((e, i) => familiar(repoTags(e)[0] ?? `@${i}`));
  throw new Error(`${where} has no image ${choice} (it holds ${all.join(', ') || 'no tagged image'})`);
}

function openDockerArchive(store: BlobStore, ref: string, choice?: string): OpenedImage {
  const { entry: first, tag: chosen } = chooseDockerEntry(dockerEntries(store), choice, store.where);
  if (!first || typeof first['Config'] !== 'string' || !Array.isArray(first['Layers'])) throw new Error('not a docker-archive (no manifest.json with Config and Layers)');
  const inside = (p: string) => {
    if (!store.has(p)) throw new Error(`docker-archive entry ${p} is missing`);
    return p;
  };
  const config = parseJson(store.read(inside(first['Config']), MAX_CONFIG, 'image config'), 'image config');
  const names = first['Layers'].map(String);
  const diffIds = layerDiffIds(config, names.length, 'manifest.json');
  const layers = names.map((p, i): LayerSource => {
    const path = inside(p);
    const diffId = String(diffIds[i]);
    return { digest: diffId, diffId, open: () => Promise.resolve(store.stream(path)) };
  });
  const tags = chosen !== undefined ? [chosen] : repoTags(first);
  const name = tags[0] === undefined ? undefined : familiar(tags[0]);
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
  const { path, choice } = splitLocal(local.rest);
  if (local.transport === 'oci') {
    if (!existsSync(path)) throw new Error(`${path}: no such directory`);
    return openOciLayout(dirStore(path), choice, ref, opts.platform, path);
  }
  const docker = local.transport === 'docker-archive';
  if (!existsSync(path)) throw new Error(`${path}: no such file`);
  const store = await archiveStore(path);
  try {
    return docker ? openDockerArchive(store, ref, choice) : openOciLayout(store, choice, ref, opts.platform, undefined, (n) => `oci-archive:${path}:${n}`);
  } catch (e) {
    store.close();
    throw e;
  }
}

/** A path without a transport, opened as the form it holds. */
async function openLocalPath(path: string, platform: string): Promise<OpenedImage> {
  const { form, store, alsoOci } = await sniffLocalImage(path);
  try {
    if (alsoOci === true) sameImagesBothWays(store, path);
    if (form === 'docker-archive') return openDockerArchive(store, path);
    // The repository (the stable part of target ids) as the typed reference would have it: one file, one identity.
    return openOciLayout(store, undefined, path, platform, form === 'oci' ? path : `oci-archive:${path}`, (n) => `${form === 'oci' ? 'oci' : 'oci-archive'}:${path}:${n}`);
  } catch (e) {
    store.close();
    throw e;
  }
}

/**
 * `oci:DIR[:TAG]`, `docker-archive:FILE[:REF]`, `oci-archive:FILE[:TAG]`: the path is what exists, else the
 * text before the first ":" (skopeo's rule), so a choice may hold a port or a tag (`x.tar:test/other:2`).
 */
function splitLocal(rest: string): { path: string; choice?: string } {
  const colon = rest.indexOf(':');
  if (colon < 0 || existsSync(rest)) return { path: rest };
  const choice = rest.slice(colon + 1);
  return { path: rest.slice(0, colon), ...(choice !== '' ? { choice } : {}) };
}

/** The image configs a docker save manifest.json names, as digests. */
function dockerConfigs(store: BlobStore): string[] {
  return dockerEntries(store).map((e) => {
    const p = typeof e['Config'] === 'string' ? e['Config'] : '';
    const m = /^blobs\/sha256\/([a-f0-9]{64})$/.exec(p);
    if (m) return `sha256:${m[1]}`;
    return store.has(p)
      ? `sha256:${createHash('sha256')
          .update(store.read(p, MAX_CONFIG, 'image config'))
          .digest('hex')}`
      : p;
  });
}

/** The image configs an OCI index.json leads to, one list per top-level entry (an index: all its platforms). */
function ociConfigs(store: BlobStore): string[][] {
  const index = parseJson(store.read('index.json', MAX_MANIFEST, 'index.json'), 'index.json');
  const top = indexEntries(index) ?? [];
  const configOf = (doc: unknown): string | undefined => (isObject(doc) && isObject(doc['config']) && typeof doc['config']['digest'] === 'string' ? doc['config']['digest'] : undefined);
  return top.map((e) => {
    const doc = typeof e['digest'] === 'string' ? readBlob(store, e['digest'], 'manifest', MAX_MANIFEST) : undefined;
    const nested = indexEntries(doc);
    if (!nested) return [configOf(doc)].filter((c): c is string => c !== undefined);
    return nested.flatMap((n) => (typeof n['digest'] === 'string' && store.has(blobPath(n['digest'])) ? [configOf(readBlob(store, n['digest'], 'manifest', MAX_MANIFEST))] : [])).filter((c): c is string => c !== undefined);
  });
}

/**
 * A tar holding both docker save's manifest.json and an OCI layout (what Docker 25+ and BuildKit write):
 * read as the docker-archive (its RepoTags name the image), when both describe the same images — every
 * manifest.json entry's config is the image of the OCI entry in the same place. Otherwise it is an error:
 * which of two different descriptions the user meant is not ours to guess.
 */
function sameImagesBothWays(store: BlobStore, path: string): void {
  const docker = dockerConfigs(store);
  let oci: string[][];
  try {
    oci = ociConfigs(store);
  } catch (e) {
    throw new Error(`${path} holds a docker save manifest.json and an OCI layout (oci-layout, index.json) that cannot be compared (${e instanceof Error ? e.message : String(e)}): name the form, docker-archive:${path} or oci-archive:${path}`);
  }
  const agree = docker.length === oci.length && docker.every((c, i) => oci[i]?.includes(c) === true);
  if (!agree) throw new Error(`${path} holds a docker save manifest.json and an OCI layout (oci-layout, index.json) that describe different images: name the form, docker-archive:${path} or oci-archive:${path}`);
}
