/**
 * Images from a registry over the OCI distribution API: anonymous, bearer-token (the WWW-Authenticate
 * flow) or basic credentials from a Docker config or a mounted imagePullSecret; manifest lists and OCI indexes resolved by
 * platform; every blob checked against its digest. Plain HTTP only to the loopback registries named
 * with --insecure-registry (insecure-registries.ts); HTTP itself in registry-client.ts.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readCapped } from './capped-body.ts';
import { layerDiffIds } from './diff-ids.ts';
import { credentialsFor, DOCKER_HUB, readDockerConfig } from './docker-config.ts';
import type { InsecureRegistries } from './insecure-registries.ts';
import { cachedLayer, cacheWhileReading, checkRoom, usableCache, type LayerCache } from './layer-cache.ts';
import { verifyDigest, type LayerSource } from './layer-stream.ts';
import { MAX_CONFIG, MAX_MANIFEST, parseJson, type OpenedImage } from './open-image.ts';
import { indexEntries, pickPlatform } from './platform.ts';
import { imageLimits } from './limits.ts';
import { RegistryClient } from './registry-client.ts';
import { ScratchLease, scratchPrefix } from './scratch-space.ts';
import { EnvironmentFailure, transportError } from './registry-failure.ts';
import { errorMessage, isObject } from '../../common/index.ts';

export interface RegistryOptions {
  platform: string;
  /** Registries spoken to in plain HTTP (--insecure-registry): false none, true every one on loopback, or those named (each on loopback). */
  insecure: InsecureRegistries;
  /** Registry credentials: a Docker config.json, a mounted imagePullSecret or its directory; default in $DOCKER_CONFIG or ~/.docker (see docker-config.ts). */
  dockerConfig?: string;
  /** Where registry layers are cached by digest; none when absent. */
  cache?: LayerCache;
}

const ACCEPT = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json', 'application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'].join(', ');
export { EnvironmentFailure, failureKind, isReadFailure } from './registry-failure.ts';
export { defaultDockerConfig, readDockerConfig } from './docker-config.ts';
export type { FailureKind } from './registry-failure.ts';

export interface RegistryRef {
  registry: string;
  repository: string;
  reference: string;
}

/** A reference with its userinfo withheld (`user:pw@host/repo`, `https://user:pw@host/…`), for messages. */
export function displayRef(ref: string): string {
  // A digest after "@" never holds a "/": an "@" followed by a path ends a userinfo (whatever it holds).
  return ref.replace(/^((?:[a-z][a-z0-9+.-]*:\/\/)?).*@(?=[^@]*\/)/i, '$1********@');
}

const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** A digest from a manifest or index, checked before it goes into a URL or a path. */
function checkedDigest(value: unknown, what: string): string {
  if (typeof value !== 'string' || !DIGEST.test(value)) throw new Error(`the ${what} digest is not a sha256 or sha512 digest`);
  return value;
}

/** The names references use for Docker Hub (as the runtimes normalise them). */
const DOCKER_HUB_NAMES = new Set(['docker.io', 'index.docker.io']);

/**
 * The longest name (registry host, port and repository path as written, before the tag or digest) that
 * registries and runtimes accept: the distribution reference grammar's NameTotalLengthMax. Tags are at
 * most 128 characters (TAG). A longer reference can never be pulled, so it is refused before anything
 * keeps it: the review's caches and the owner shortcut would otherwise hold whatever size the sender chose.
 */
export const MAX_NAME = 255;
export const MAX_TAG = 128;

/**
 * Why `ref` is longer than any registry accepts, or undefined: a cheap length check (no parsing beyond
 * splitting off the tag and digest), for the review reader to apply before it keeps an image.
 */
export function overlongReference(ref: string): string | undefined {
  const at = ref.indexOf('@');
  const name = at >= 0 ? ref.slice(0, at) : ref;
  const colon = name.lastIndexOf(':');
  const tagged = colon > name.lastIndexOf('/');
  const bare = tagged ? name.slice(0, colon) : name;
  const tag = tagged ? name.length - colon - 1 : 0;
  if (bare.length > MAX_NAME) return `the image name is ${bare.length} characters; registries accept at most ${MAX_NAME} (host, port and repository together)`;
  if (tag > MAX_TAG) return `the image tag is ${tag} characters; registries accept at most ${MAX_TAG}`;
  // sha512 digests are the longest the grammar allows (7 + 128); anything longer is no digest.
  if (at >= 0 && ref.length - at - 1 > 135) return `the image digest is ${ref.length - at - 1} characters; no digest algorithm writes one that long`;
  return undefined;
}

const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:\d{1,5})?$/i;

export function parseRegistryRef(ref: string): RegistryRef {
  // Credentials have no place in an image reference; the message must not repeat them.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || displayRef(ref) !== ref) {
    throw new Error(`"${displayRef(ref)}" is not an image reference: write it as HOST[:PORT]/REPOSITORY[:TAG|@DIGEST], without a scheme or credentials (credentials go in ~/.docker/config.json)`);
  }
  const overlong = overlongReference(ref);
  if (overlong !== undefined) throw new Error(`"${displayRef(ref).slice(0, 80)}…" is not an image reference: ${overlong}`);
  const at = ref.indexOf('@');
  const name = at >= 0 ? ref.slice(0, at) : ref;
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : '';
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  // A host is labels between dots (or an IPv6 address): `.`, `..` and `a..b` are paths mistyped, not hosts.
  if (hasRegistry && !HOST.test(first)) throw new Error(`"${displayRef(ref)}" is not an image reference: "${displayRef(first)}" is not a registry host`);
  // Docker Hub as container runtimes name it: `nginx`, `user/app`, `docker.io/nginx` and
  // `index.docker.io/nginx` are all served by registry-1.docker.io, single names under `library/`.
  const hub = !hasRegistry || DOCKER_HUB_NAMES.has(first.toLowerCase());
  const registry = hub ? DOCKER_HUB : first;
  let path = hasRegistry ? name.slice(slash + 1) : name;
  let tag = 'latest';
  const colon = path.lastIndexOf(':');
  if (colon > path.lastIndexOf('/')) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
  }
  if (hub && !path.includes('/')) path = `library/${path}`;
  if (!/^[a-z0-9]+([._/-][a-z0-9]+)*$/.test(path) || !(digest === undefined ? TAG.test(tag) : DIGEST.test(digest))) throw new Error(`"${inert(displayRef(ref))}" is not an image reference: ${whyNotReference(ref, path, tag, digest)}`);
  return { registry, repository: path, reference: digest ?? tag };
}

/** Control characters written as `\xNN`: a reference is quoted in messages that end up on one log line. */
function inert(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Which part of a reference registries would refuse, and why, for the one message that names it. */
function whyNotReference(ref: string, path: string, tag: string, digest: string | undefined): string {
  if (/[\u0000-\u001f\u007f]/.test(ref)) return 'it holds control characters';
  if (!/^[a-z0-9]+([._/-][a-z0-9]+)*$/.test(path)) return `the repository "${inert(path)}" may hold only lowercase letters and digits, separated by ".", "_", "-" or "/"`;
  return digest === undefined ? `the tag "${inert(tag)}" may hold only letters, digits, "_", "." and "-" (at most 128, not starting with "." or "-")` : `"${inert(digest)}" is not a digest (ALGORITHM:HEX)`;
}

/** Basic credentials for the registry, read afresh each time (a mounted Secret is updated in place). */
function basicCredentials(registry: string, file: string | undefined): string | undefined {
  const read = readDockerConfig(file);
  // Checked when a command starts (see readDockerConfig); a file that breaks while it runs is the environment's failure.
  if (!read.ok) throw new EnvironmentFailure(`${read.error.where ?? ''}: ${read.error.message}`);
  return credentialsFor(read.value, registry);
}

/** A private folder for one image's layers, its bytes charged to the process's scratch cap (scratch-space.ts). */
function scratchCache(): { cache: LayerCache; close(): void } {
  const lease = new ScratchLease(imageLimits().scratchBytes);
  const dir = mkdtempSync(join(tmpdir(), scratchPrefix()));
  return {
    cache: { dir, maxBytes: Number.MAX_SAFE_INTEGER, scratch: true, lease },
    close: () => {
      rmSync(dir, { recursive: true, force: true });
      lease.release();
    },
  };
}

/** A capped body; the connection failing meanwhile is the environment's failure, a body over the cap the image's. */
async function readBody(res: Response, cap: number, what: string): Promise<Buffer> {
  try {
    return await readCapped(res, cap, what);
  } catch (e) {
    if (transportError(e)) throw new EnvironmentFailure(`${what}: the connection failed (${errorMessage(e)})`);
    throw e;
  }
}

function clientFor(r: RegistryRef, opts: RegistryOptions): RegistryClient {
  return new RegistryClient(r.registry, r.repository, basicCredentials(r.registry, opts.dockerConfig), opts.insecure);
}

/** A 404 for a manifest, in the reference's own terms (`tag 2 not found in repository test/rsyncd at 127.0.0.1:5000 (HTTP 404)`). */
function notFound(r: RegistryRef, reference: string): string {
  const at = r.registry === DOCKER_HUB ? 'Docker Hub (docker.io)' : r.registry;
  return `${DIGEST.test(reference) ? 'manifest' : 'tag'} ${reference} not found in repository ${r.repository} at ${at} (HTTP 404)`;
}

/**
 * A manifest read whole and checked against the digest it is known by: the one asked for, or for a tag the
 * registry's Docker-Content-Digest (a registry, or anything between, must not swap it). A tag answered
 * without the header leaves the digest unknown rather than taken on trust; one whose header is no digest is
 * refused.
 */
async function manifestAt(client: RegistryClient, r: RegistryRef, reference: string): Promise<{ doc: unknown; digest: string | null }> {
  const res = await client.get(`/manifests/${reference}`, ACCEPT, notFound(r, reference));
  const bytes = await readBody(res, MAX_MANIFEST, `manifest "${reference}"`);
  const byDigest = DIGEST.test(reference);
  const said = res.headers.get('docker-content-digest')?.trim();
  // A header that is there but names no digest is no check passed: said as the mismatch it may hide.
  if (!byDigest && said !== undefined && said !== '' && !DIGEST.test(said)) {
    throw new Error(
      `the manifest of ${r.registry}/${r.repository}:${reference}: the registry's Docker-Content-Digest "${said.slice(0, 80).replace(/[^\x20-\x7e]/g, '?')}" is not a digest (sha256:… or sha512:…), so the manifest cannot be checked; the registry or something between altered it`,
    );
  }
  const digest = byDigest ? reference : said !== undefined && DIGEST.test(said) ? said : null;
  const [algo = 'sha256', hex] = (digest ?? '').split(':');
  if (digest !== null && createHash(algo).update(bytes).digest('hex') !== hex) {
    const what = byDigest ? `manifest ${reference}` : `the manifest of ${r.registry}/${r.repository}:${reference}`;
    throw new Error(
      `${what}: digest mismatch (${byDigest ? 'asked for by digest' : `the registry's Docker-Content-Digest says ${digest}`}, the bytes hash to ${algo}:${createHash(algo).update(bytes).digest('hex')}); the registry or something between altered it`,
    );
  }
  return { doc: parseJson(bytes, `manifest "${reference}"`), digest };
}

export async function openRegistryImage(ref: string, opts: RegistryOptions): Promise<OpenedImage> {
  const r = parseRegistryRef(ref);
  const client = clientFor(r, opts);
  let { doc: manifest, digest } = await manifestAt(client, r, r.reference);
  const entries = indexEntries(manifest);
  if (entries) ({ doc: manifest, digest } = await manifestAt(client, r, checkedDigest(pickPlatform(entries, opts.platform), 'platform manifest')));
  if (!isObject(manifest) || !isObject(manifest['config']) || !Array.isArray(manifest['layers'])) throw new Error('not an image manifest');
  const configDigest = checkedDigest(manifest['config']['digest'], 'image config');
  const configRes = await client.get(`/blobs/${configDigest}`, '*/*');
  const configBytes = await readBody(configRes, MAX_CONFIG, `image config ${configDigest}`);
  const [algo = 'sha256', hex] = configDigest.split(':');
  if (createHash(algo).update(configBytes).digest('hex') !== hex) throw new Error(`image config ${configDigest}: digest mismatch`);
  const config = parseJson(configBytes, `image config ${configDigest}`);
  // Layers are walked once to index them and again for content the analyzers ask for later: without a
  // shared cache they are kept in a private one for the length of the scan, not fetched twice.
  const usable = opts.cache ? usableCache(opts.cache) : undefined;
  const shared = usable?.ok === true ? opts.cache : undefined;
  const scratch = shared ? undefined : scratchCache();
  let transport: string | undefined;
  const cache = shared ?? (scratch as { cache: LayerCache }).cache;
  const descriptors = manifest['layers'].filter(isObject);
  const diffIds = layerDiffIds(config, descriptors.length, `the manifest of ${displayRef(ref)}`);
  const layers = descriptors.map((l, i): LayerSource => {
    const d = checkedDigest(l['digest'], 'layer');
    const size = typeof l['size'] === 'number' ? l['size'] : undefined;
    return {
      digest: d,
      diffId: diffIds[i] ?? '',
      open: async () => {
        const cached = cachedLayer(cache, d);
        if (cached) return verifyDigest(cached, d);
        checkRoom(cache, d, size);
        const blob = await client.get(`/blobs/${d}`, '*/*');
        if (!blob.body) throw new Error(`blob ${d}: empty response`);
        const body = Readable.fromWeb(blob.body as import('node:stream/web').ReadableStream);
        // The layer reader words its own errors; what failed here is the connection, remembered for scanImage.
        body.on('error', (e: Error) => (transport ??= `blob ${d}: the connection failed (${e.message})`));
        const verified = verifyDigest(body, d, size);
        return cacheWhileReading(cache, d, verified);
      },
    };
  });
  const warnings = usable?.ok === false ? [usable.warning] : [];
  return { ref, digest, repository: `${r.registry}/${r.repository}`, config, layers, close: () => scratch?.close(), unavailable: () => transport, ...(warnings.length > 0 ? { warnings } : {}) };
}

/** Platforms of one index analysed at most; beyond this the index is refused, never partly analysed. */
export const MAX_PLATFORMS = 16;

/**
 * Every image an index offers, each as a reference by digest with the platform it is for, or undefined
 * when `ref` names an image manifest. Attestation manifests (`unknown/unknown`) are left out; an entry
 * without a platform is kept ("any platform"), since a runtime may pick it for any node.
 */
export async function indexPlatforms(ref: string, opts: RegistryOptions): Promise<{ platform: string; ref: string }[] | undefined> {
  const r = parseRegistryRef(ref);
  const client = clientFor(r, opts);
  const entries = indexEntries((await manifestAt(client, r, r.reference)).doc);
  if (!entries) return undefined;
  const byDigest = new Map<string, string[]>();
  for (const e of entries) {
    const p = isObject(e['platform']) ? e['platform'] : undefined;
    const words = p ? [p['os'], p['architecture'], p['variant']].filter((w): w is string => typeof w === 'string' && w !== '') : [];
    if (p && p['os'] === 'unknown' && p['architecture'] === 'unknown') continue;
    const name =
      words.length > 0
        ? words
            .join('/')
            .replace(/[^\x21-\x7e]/g, '?')
            .slice(0, 64)
        : 'any platform';
    const digest = checkedDigest(e['digest'], 'platform manifest');
    byDigest.set(digest, [...(byDigest.get(digest) ?? []), name]);
  }
  if (byDigest.size === 0) throw new Error('the index lists no image for any platform (only attestations, or nothing)');
  if (byDigest.size > MAX_PLATFORMS) throw new Error(`the index lists ${byDigest.size} platform images; at most ${MAX_PLATFORMS} are analysed, and a partial answer is no answer`);
  return [...byDigest].map(([digest, names]) => ({ platform: [...new Set(names)].join(', '), ref: `${r.registry}/${r.repository}@${digest}` }));
}

/** The digest a registry reference names now (tag → manifest digest), for caching by content. */
export async function resolveDigest(ref: string, opts: RegistryOptions): Promise<string> {
  const r = parseRegistryRef(ref);
  if (DIGEST.test(r.reference)) return `${r.registry}/${r.repository}@${r.reference}`;
  const client = clientFor(r, opts);
  const res = await client.get(`/manifests/${r.reference}`, ACCEPT, notFound(r, r.reference));
  const digest = res.headers.get('docker-content-digest');
  await res.body?.cancel().catch(() => {});
  if (!digest) throw new Error(`${ref}: the registry did not say the manifest digest`);
  return `${r.registry}/${r.repository}@${digest}`;
}
