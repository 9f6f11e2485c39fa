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
import { cachedLayer, cacheWhileReading, type LayerCache } from './layer-cache.ts';
import { verifyDigest, type LayerSource } from './layer-stream.ts';
import { MAX_CONFIG, MAX_MANIFEST, type OpenedImage } from './open-image.ts';
import { indexEntries, pickPlatform } from './platform.ts';
import { isObject } from '../../common/index.ts';

export interface RegistryOptions {
  platform: string;
  /** Allow plain HTTP; only to 127.0.0.0/8, ::1 or localhost. */
  insecure: boolean;
  /** Docker config.json for `auths`; default ~/.docker/config.json. */
  dockerConfig?: string;
  /** Where registry layers are cached by digest; none when absent. */
  cache?: LayerCache;
}

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
/** A token response is a few kilobytes of JSON. */
const MAX_TOKEN = 1 << 20;

export interface RegistryRef {
  registry: string;
  repository: string;
  reference: string;
}

export function parseRegistryRef(ref: string): RegistryRef {
  const at = ref.indexOf('@');
  const name = at >= 0 ? ref.slice(0, at) : ref;
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : '';
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'registry-1.docker.io';
  let path = hasRegistry ? name.slice(slash + 1) : name;
  let tag = 'latest';
  const colon = path.lastIndexOf(':');
  if (colon > path.lastIndexOf('/')) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
  }
  if (!hasRegistry && !path.includes('/')) path = `library/${path}`;
  if (!/^[a-z0-9]+([._/-][a-z0-9]+)*$/.test(path)) throw new Error(`"${ref}" is not an image reference`);
  return { registry, repository: path, reference: digest ?? tag };
}

function loopback(host: string): boolean {
  const h = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

function basicCredentials(registry: string, file: string | undefined): string | undefined {
  const path = file ?? join(homedir(), '.docker', 'config.json');
  if (!existsSync(path)) return undefined;
  const config: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const auths = isObject(config) && isObject(config['auths']) ? config['auths'] : {};
  const entry = auths[registry] ?? auths[`https://${registry}`] ?? auths[`http://${registry}`];
  return isObject(entry) && typeof entry['auth'] === 'string' ? entry['auth'] : undefined;
}

class Client {
  private token: string | undefined;

  constructor(
    private readonly base: string,
    private readonly basic: string | undefined,
  ) {}

  async get(path: string, accept: string): Promise<Response> {
    let res = await this.request(path, accept);
    if (res.status === 401) {
      await this.authenticate(res.headers.get('www-authenticate') ?? '');
      res = await this.request(path, accept);
    }
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}${res.status === 401 ? ' (credentials refused)' : res.status === 404 ? ' (not found)' : ''}`);
    return res;
  }

  private async request(path: string, accept: string): Promise<Response> {
    const headers: Record<string, string> = { accept };
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    else if (this.basic) headers['authorization'] = `Basic ${this.basic}`;
    try {
      return await fetch(`${this.base}${path}`, { headers, redirect: 'follow', signal: AbortSignal.timeout(60_000) });
    } catch (e) {
      const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : e instanceof Error ? e.message : String(e);
      throw new Error(`cannot reach ${this.base}: ${cause}`);
    }
  }

  /** The WWW-Authenticate challenge: Basic means send credentials; Bearer means fetch a token first. */
  private async authenticate(challenge: string): Promise<void> {
    if (/^basic/i.test(challenge)) {
      if (!this.basic) throw new Error('the registry wants credentials: add them to ~/.docker/config.json "auths" (or --docker-config)');
      return;
    }
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (!params['realm']) throw new Error(`unsupported authentication challenge: ${challenge || '(none)'}`);
    const url = new URL(params['realm']);
    if (params['service']) url.searchParams.set('service', params['service']);
    if (params['scope']) url.searchParams.set('scope', params['scope']);
    const res = await fetch(url, { headers: this.basic ? { authorization: `Basic ${this.basic}` } : {}, signal: AbortSignal.timeout(30_000) });
    if (!res.ok) throw new Error(`token request: HTTP ${res.status}`);
    let body: unknown;
    try {
      body = JSON.parse((await readCapped(res, MAX_TOKEN, 'token response')).toString('utf8'));
    } catch (e) {
      throw new Error(`token request to ${url.origin}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const token = isObject(body) ? (body['token'] ?? body['access_token']) : undefined;
    if (typeof token !== 'string') throw new Error('the token service answered without a token');
    this.token = token;
  }
}

function scratchCache(): { cache: LayerCache; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'rsyncguard-layers-'));
  return { cache: { dir, maxBytes: Number.MAX_SAFE_INTEGER }, close: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A manifest read whole; when asked for by digest, checked against it (a registry must not swap it). */
async function manifestAt(client: Client, reference: string): Promise<{ doc: unknown; digest: string | null }> {
  const res = await client.get(`/manifests/${reference}`, ACCEPT);
  const bytes = await readCapped(res, MAX_MANIFEST, `manifest "${reference}"`);
  if (reference.startsWith('sha256:') && `sha256:${createHash('sha256').update(bytes).digest('hex')}` !== reference) throw new Error(`manifest ${reference}: digest mismatch`);
  const digest = reference.startsWith('sha256:') ? reference : res.headers.get('docker-content-digest');
  return { doc: JSON.parse(bytes.toString('utf8')), digest };
}

export async function openRegistryImage(ref: string, opts: RegistryOptions): Promise<OpenedImage> {
  const r = parseRegistryRef(ref);
  const scheme = opts.insecure ? 'http' : 'https';
  if (opts.insecure && !loopback(r.registry)) throw new Error('--insecure-registry is only allowed for registries on loopback');
  const client = new Client(`${scheme}://${r.registry}/v2/${r.repository}`, basicCredentials(r.registry, opts.dockerConfig));
  let { doc: manifest, digest } = await manifestAt(client, r.reference);
  const entries = indexEntries(manifest);
  if (entries) ({ doc: manifest, digest } = await manifestAt(client, pickPlatform(entries, opts.platform)));
  if (!isObject(manifest) || !isObject(manifest['config']) || !Array.isArray(manifest['layers'])) throw new Error('not an image manifest');
  const configDigest = String(manifest['config']['digest']);
  const configRes = await client.get(`/blobs/${configDigest}`, '*/*');
  const configBytes = await readCapped(configRes, MAX_CONFIG, `image config ${configDigest}`);
  if (configDigest.startsWith('sha256:') && `sha256:${createHash('sha256').update(configBytes).digest('hex')}` !== configDigest) throw new Error(`image config ${configDigest}: digest mismatch`);
  let config: unknown;
  try {
    config = JSON.parse(configBytes.toString('utf8'));
  } catch (e) {
    throw new Error(`image config ${configDigest}: ${e instanceof Error ? e.message : String(e)}`);
  }
  // Layers are walked once to index them and again for content the analyzers ask for later: without a
  // shared cache they are kept in a private one for the length of the scan, not fetched twice.
  const scratch = opts.cache ? undefined : scratchCache();
  const cache = opts.cache ?? (scratch as { cache: LayerCache }).cache;
  const layers = manifest['layers'].filter(isObject).map((l): LayerSource => {
    const d = String(l['digest']);
    const size = typeof l['size'] === 'number' ? l['size'] : undefined;
    return {
      digest: d,
      open: async () => {
        const cached = cachedLayer(cache, d);
        if (cached) return verifyDigest(cached, d);
        const blob = await client.get(`/blobs/${d}`, '*/*');
        if (!blob.body) throw new Error(`blob ${d}: empty response`);
        const verified = verifyDigest(Readable.fromWeb(blob.body as import('node:stream/web').ReadableStream), d, size);
        return cacheWhileReading(cache, d, verified);
      },
    };
  });
  return { ref, digest, repository: `${r.registry}/${r.repository}`, config, layers, close: () => scratch?.close() };
}

/** The digest a registry reference names now (tag → manifest digest), for caching by content. */
export async function resolveDigest(ref: string, opts: RegistryOptions): Promise<string> {
  const r = parseRegistryRef(ref);
  if (r.reference.startsWith('sha256:')) return `${r.registry}/${r.repository}@${r.reference}`;
  if (opts.insecure && !loopback(r.registry)) throw new Error('--insecure-registry is only allowed for registries on loopback');
  const client = new Client(`${opts.insecure ? 'http' : 'https'}://${r.registry}/v2/${r.repository}`, basicCredentials(r.registry, opts.dockerConfig));
  const res = await client.get(`/manifests/${r.reference}`, ACCEPT);
  const digest = res.headers.get('docker-content-digest');
  await res.body?.cancel().catch(() => {});
  if (!digest) throw new Error(`${ref}: the registry did not say the manifest digest`);
  return `${r.registry}/${r.repository}@${digest}`;
}
