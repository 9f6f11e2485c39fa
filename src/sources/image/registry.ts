/**
 * Images from a registry over the OCI distribution API: anonymous, bearer-token (the WWW-Authenticate
 * flow) or basic credentials from the Docker config.json; manifest lists and OCI indexes resolved by
 * platform; every blob checked against its digest. Plain HTTP only when asked, and only to loopback.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readCapped } from './capped-body.ts';
import { TarError } from './tar-reader.ts';
import { cachedLayer, cacheWhileReading, checkRoom, type LayerCache } from './layer-cache.ts';
import { verifyDigest, type LayerSource } from './layer-stream.ts';
import { MAX_CONFIG, MAX_MANIFEST, parseJson, type OpenedImage } from './open-image.ts';
import { indexEntries, pickPlatform } from './platform.ts';
import { errorMessage, fail, isObject, ok, UserError, type Result } from '../../common/index.ts';

export interface RegistryOptions {
  platform: string;
  /** Allow plain HTTP; only to 127.0.0.0/8, ::1 or localhost. */
  insecure: boolean;
  /** Docker config.json for `auths`; default $DOCKER_CONFIG/config.json or ~/.docker/config.json (see readDockerConfig). */
  dockerConfig?: string;
  /** Where registry layers are cached by digest; none when absent. */
  cache?: LayerCache;
}

const ACCEPT = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json', 'application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'].join(', ');
/** A token response is a few kilobytes of JSON. */
const MAX_TOKEN = 1 << 20;

/**
 * Why an image could not be read, decided where the failure happens: `environment` when the webhook's
 * surroundings failed (the registry unreachable, timing out, answering 5xx, refusing credentials);
 * anything else — what the image's own bytes cause — is `image`. Admission lets only the first kind
 * through under --fail-open.
 */
export type FailureKind = 'environment' | 'image';

/** A failure of the environment, not of the image: see FailureKind. */
export class EnvironmentFailure extends Error {
  readonly kind = 'environment' as const;
  override name = 'EnvironmentFailure';
}

/** The kind of a failure thrown while reading an image: only an EnvironmentFailure is the environment's. */
export function failureKind(e: unknown): FailureKind {
  return e instanceof EnvironmentFailure ? 'environment' : 'image';
}

/**
 * Whether a thrown value is a failure reading an image, as opposed to a bug: the readers throw plain Errors
 * (Node's system, zlib and stream errors are plain Errors with a code), TarErrors and EnvironmentFailures,
 * and fetch's timeouts are the environment's. A TypeError, RangeError or anything else is a bug, to be
 * reported as one rather than as an image that "could not be read".
 */
export function isReadFailure(e: unknown): e is Error {
  if (e instanceof EnvironmentFailure || e instanceof TarError) return true;
  if (!(e instanceof Error)) return false;
  return Object.getPrototypeOf(e) === Error.prototype || e.name === 'AbortError' || e.name === 'TimeoutError';
}

/** fetch's own body errors (connection reset, timeout), as opposed to the errors this reader throws. */
function transportError(e: unknown): boolean {
  return e instanceof TypeError || (e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError'));
}

/** HTTP statuses that say the registry or its credentials failed, not the image. */
const UNAVAILABLE = (status: number) => status >= 500 || [401, 403, 407, 408, 429].includes(status);

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

/** Docker Hub's API host, and the names references use for it (as the runtimes normalise them). */
const DOCKER_HUB = 'registry-1.docker.io';
const DOCKER_HUB_NAMES = new Set(['docker.io', 'index.docker.io']);

export function parseRegistryRef(ref: string): RegistryRef {
  // Credentials have no place in an image reference; the message must not repeat them.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || displayRef(ref) !== ref) {
    throw new Error(`"${displayRef(ref)}" is not an image reference: write it as HOST[:PORT]/REPOSITORY[:TAG|@DIGEST], without a scheme or credentials (credentials go in ~/.docker/config.json)`);
  }
  const at = ref.indexOf('@');
  const name = at >= 0 ? ref.slice(0, at) : ref;
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : '';
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
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
  if (!/^[a-z0-9]+([._/-][a-z0-9]+)*$/.test(path) || !(digest === undefined ? TAG.test(tag) : DIGEST.test(digest))) throw new Error(`"${displayRef(ref)}" is not an image reference`);
  return { registry, repository: path, reference: digest ?? tag };
}

function loopback(host: string): boolean {
  const h = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Where Docker keeps its config when none is named: $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
export function defaultDockerConfig(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const dir = env['DOCKER_CONFIG'];
  return dir !== undefined && dir !== '' ? join(dir, 'config.json') : join(homedir(), '.docker', 'config.json');
}

/**
 * The Docker config's contents: `file` (--docker-config) must be there and readable; the default place may
 * be absent (no credentials, undefined), but not a directory or unreadable. An error names the file and
 * the option, never what the file holds (it holds credentials).
 */
export function readDockerConfig(file: string | undefined): Result<unknown> {
  const path = file ?? defaultDockerConfig();
  const named = file !== undefined ? ' (--docker-config)' : '';
  const hint =
    file !== undefined
      ? 'Point --docker-config at a Docker config.json with registry "auths" (`docker login` writes one), or leave it out for anonymous access.'
      : 'Fix or remove the file (or set DOCKER_CONFIG to the directory of a readable config.json), or name one with --docker-config.';
  if (file === undefined && !existsSync(path)) return ok(undefined);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return fail(new UserError(`cannot read the Docker config${named}: ${errorMessage(e)}`, path, hint));
  }
  try {
    return ok(parseJson(bytes, `the Docker config${named}`));
  } catch (e) {
    return fail(new UserError(errorMessage(e), path, hint));
  }
}

function basicCredentials(registry: string, file: string | undefined): string | undefined {
  const read = readDockerConfig(file);
  // Checked when a command starts (see readDockerConfig); a file that breaks while it runs is the environment's failure.
  if (!read.ok) throw new EnvironmentFailure(`${read.error.where ?? ''}: ${read.error.message}`);
  const config = read.value;
  const auths = isObject(config) && isObject(config['auths']) ? config['auths'] : {};
  // `docker login` files Docker Hub's credentials under its legacy index URL.
  const hub = registry === DOCKER_HUB ? [auths['https://index.docker.io/v1/'], auths['index.docker.io'], auths['docker.io']] : [];
  const entry = [auths[registry], auths[`https://${registry}`], auths[`http://${registry}`], ...hub].find((e) => e !== undefined);
  return isObject(entry) && typeof entry['auth'] === 'string' ? entry['auth'] : undefined;
}

/** Redirects followed per request: registries send blobs to a CDN, once or twice. */
const MAX_REDIRECTS = 5;

/**
 * Where a request may go: HTTPS anywhere; plain HTTP only to loopback, and only with --insecure-registry.
 * Checked for the registry, every redirect and the token realm, so neither a redirect nor a challenge can
 * send a request (or a credential) in the clear off this machine.
 */
function allowedUrl(url: URL, insecure: boolean): boolean {
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && insecure && loopback(url.hostname);
}

/**
 * fetch with redirects followed by hand: each hop must be an allowed URL, and credentials go only to the
 * origin they were given for (a redirect to another host gets none).
 */
async function fetchChecked(start: URL, headers: Record<string, string>, insecure: boolean, timeoutMs: number): Promise<Response> {
  const signal = AbortSignal.timeout(timeoutMs);
  let url = start;
  for (let hop = 0; ; hop++) {
    if (!allowedUrl(url, insecure)) throw new Error(`refused to contact ${url.protocol}//${url.host}: ${url.protocol === 'http:' ? 'plain HTTP is only allowed to loopback, with --insecure-registry' : 'not an HTTPS URL'}`);
    const sent = url.origin === start.origin ? headers : Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
    const res = await fetch(url, { headers: sent, redirect: 'manual', signal });
    const location = res.headers.get('location');
    if (![301, 302, 303, 307, 308].includes(res.status) || location === null) return res;
    await res.body?.cancel().catch(() => {});
    if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    try {
      url = new URL(location, url);
    } catch {
      throw new Error('a redirect to an invalid URL');
    }
  }
}

class Client {
  private token: string | undefined;

  constructor(
    private readonly base: string,
    private readonly basic: string | undefined,
    private readonly insecure: boolean,
  ) {}

  async get(path: string, accept: string): Promise<Response> {
    let res = await this.request(path, accept);
    if (res.status === 401) {
      await this.authenticate(res.headers.get('www-authenticate') ?? '');
      res = await this.request(path, accept);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      const why = `${path}: HTTP ${res.status}${res.status === 401 ? ' (credentials refused)' : res.status === 404 ? ' (not found)' : ''}`;
      throw UNAVAILABLE(res.status) ? new EnvironmentFailure(why) : new Error(why);
    }
    return res;
  }

  private async request(path: string, accept: string): Promise<Response> {
    const headers: Record<string, string> = { accept };
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    else if (this.basic) headers['authorization'] = `Basic ${this.basic}`;
    try {
      return await fetchChecked(new URL(`${this.base}${path}`), headers, this.insecure, 60_000);
    } catch (e) {
      if (e instanceof Error && /^(refused to contact|more than \d+ redirects|a redirect to)/.test(e.message)) throw new Error(`${path}: ${e.message}`);
      const cause = errorMessage(e instanceof Error && e.cause instanceof Error ? e.cause : e);
      throw new EnvironmentFailure(`cannot reach ${this.base}: ${cause}`);
    }
  }

  /** The WWW-Authenticate challenge: Basic means send credentials; Bearer means fetch a token first. */
  private async authenticate(challenge: string): Promise<void> {
    if (/^basic/i.test(challenge)) {
      if (!this.basic) throw new EnvironmentFailure('the registry wants credentials: add them to ~/.docker/config.json "auths" (or --docker-config)');
      return;
    }
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (!params['realm']) throw new Error(`unsupported authentication challenge: ${challenge || '(none)'}`);
    let url: URL;
    try {
      url = new URL(params['realm']);
    } catch {
      throw new Error('the registry named a token service that is not a URL');
    }
    // The realm is the registry's word: it may name another host (as Docker Hub does), but never plain HTTP
    // off loopback, since the Basic credentials go with the token request.
    if (!allowedUrl(url, this.insecure)) throw new Error(`refused to ask ${url.protocol}//${url.host} for a token: ${url.protocol === 'http:' ? 'plain HTTP is only allowed to loopback, with --insecure-registry' : 'not an HTTPS URL'}`);
    if (params['service']) url.searchParams.set('service', params['service']);
    if (params['scope']) url.searchParams.set('scope', params['scope']);
    let res: Response;
    try {
      res = await fetchChecked(url, this.basic ? { authorization: `Basic ${this.basic}` } : {}, this.insecure, 30_000);
    } catch (e) {
      throw new EnvironmentFailure(`token request to ${url.protocol}//${url.host}: ${errorMessage(e instanceof Error && e.cause instanceof Error ? e.cause : e)}`);
    }
    if (!res.ok) throw new EnvironmentFailure(`token request: HTTP ${res.status}`);
    let body: unknown;
    try {
      body = parseJson(await readCapped(res, MAX_TOKEN, 'token response'), 'the token response');
    } catch (e) {
      throw new EnvironmentFailure(`token request to ${url.protocol}//${url.host}: ${errorMessage(e)}`);
    }
    const token = isObject(body) ? (body['token'] ?? body['access_token']) : undefined;
    if (typeof token !== 'string') throw new EnvironmentFailure('the token service answered without a token');
    this.token = token;
  }
}

function scratchCache(): { cache: LayerCache; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'rsyncguard-layers-'));
  return { cache: { dir, maxBytes: Number.MAX_SAFE_INTEGER, scratch: true }, close: () => rmSync(dir, { recursive: true, force: true }) };
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

/** A manifest read whole; when asked for by digest, checked against it (a registry must not swap it). */
async function manifestAt(client: Client, reference: string): Promise<{ doc: unknown; digest: string | null }> {
  const res = await client.get(`/manifests/${reference}`, ACCEPT);
  const bytes = await readBody(res, MAX_MANIFEST, `manifest "${reference}"`);
  const byDigest = DIGEST.test(reference);
  const [algo = 'sha256', hex] = reference.split(':');
  if (byDigest && createHash(algo).update(bytes).digest('hex') !== hex) throw new Error(`manifest ${reference}: digest mismatch`);
  const digest = byDigest ? reference : res.headers.get('docker-content-digest');
  return { doc: parseJson(bytes, `manifest "${reference}"`), digest };
}

export async function openRegistryImage(ref: string, opts: RegistryOptions): Promise<OpenedImage> {
  const r = parseRegistryRef(ref);
  const scheme = opts.insecure ? 'http' : 'https';
  if (opts.insecure && !loopback(r.registry)) throw new Error('--insecure-registry is only allowed for registries on loopback');
  const client = new Client(`${scheme}://${r.registry}/v2/${r.repository}`, basicCredentials(r.registry, opts.dockerConfig), opts.insecure);
  let { doc: manifest, digest } = await manifestAt(client, r.reference);
  const entries = indexEntries(manifest);
  if (entries) ({ doc: manifest, digest } = await manifestAt(client, checkedDigest(pickPlatform(entries, opts.platform), 'platform manifest')));
  if (!isObject(manifest) || !isObject(manifest['config']) || !Array.isArray(manifest['layers'])) throw new Error('not an image manifest');
  const configDigest = checkedDigest(manifest['config']['digest'], 'image config');
  const configRes = await client.get(`/blobs/${configDigest}`, '*/*');
  const configBytes = await readBody(configRes, MAX_CONFIG, `image config ${configDigest}`);
  const [algo = 'sha256', hex] = configDigest.split(':');
  if (createHash(algo).update(configBytes).digest('hex') !== hex) throw new Error(`image config ${configDigest}: digest mismatch`);
  const config = parseJson(configBytes, `image config ${configDigest}`);
  // Layers are walked once to index them and again for content the analyzers ask for later: without a
  // shared cache they are kept in a private one for the length of the scan, not fetched twice.
  const scratch = opts.cache ? undefined : scratchCache();
  let transport: string | undefined;
  const cache = opts.cache ?? (scratch as { cache: LayerCache }).cache;
  const layers = manifest['layers'].filter(isObject).map((l): LayerSource => {
    const d = checkedDigest(l['digest'], 'layer');
    const size = typeof l['size'] === 'number' ? l['size'] : undefined;
    return {
      digest: d,
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
  return { ref, digest, repository: `${r.registry}/${r.repository}`, config, layers, close: () => scratch?.close(), unavailable: () => transport };
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
  if (opts.insecure && !loopback(r.registry)) throw new Error('--insecure-registry is only allowed for registries on loopback');
  const client = new Client(`${opts.insecure ? 'http' : 'https'}://${r.registry}/v2/${r.repository}`, basicCredentials(r.registry, opts.dockerConfig), opts.insecure);
  const entries = indexEntries((await manifestAt(client, r.reference)).doc);
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
  if (opts.insecure && !loopback(r.registry)) throw new Error('--insecure-registry is only allowed for registries on loopback');
  const client = new Client(`${opts.insecure ? 'http' : 'https'}://${r.registry}/v2/${r.repository}`, basicCredentials(r.registry, opts.dockerConfig), opts.insecure);
  const res = await client.get(`/manifests/${r.reference}`, ACCEPT);
  const digest = res.headers.get('docker-content-digest');
  await res.body?.cancel().catch(() => {});
  if (!digest) throw new Error(`${ref}: the registry did not say the manifest digest`);
  return `${r.registry}/${r.repository}@${digest}`;
}
