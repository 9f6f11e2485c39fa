/**
 * HTTP to one repository of a registry: the scheme chosen by --insecure-registry (insecure-registries.ts),
 * redirects followed by hand and checked, the WWW-Authenticate flow (Basic, or a Bearer token fetched from
 * the realm), and failures worded for the user: a plain-HTTP registry answered over TLS, a tag not found.
 */
import { readCapped } from './capped-body.ts';
import { loopback, plainHttp, type InsecureRegistries } from './insecure-registries.ts';
import { parseJson } from './open-image.ts';
import { EnvironmentFailure, UNAVAILABLE } from './registry-failure.ts';
import { errorMessage, isObject } from '../../common/index.ts';

/** A token response is a few kilobytes of JSON. */
const MAX_TOKEN = 1 << 20;

/** Redirects followed per request: registries send blobs to a CDN, once or twice. */
const MAX_REDIRECTS = 5;

/**
 * Where a request may go: HTTPS anywhere; plain HTTP only to loopback, and only to a registry named by
 * --insecure-registry (any loopback one for the bare flag). Checked for the registry, every redirect and the
 * token realm, so neither a redirect nor a challenge can send a request (or a credential) in the clear off
 * this machine, or to a loopback port nobody named.
 */
function allowedUrl(url: URL, insecure: InsecureRegistries): boolean {
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && loopback(url.hostname) && plainHttp(url.host, insecure);
}

const refusedWhy = (url: URL): string => (url.protocol === 'http:' ? `plain HTTP is only allowed to registries on loopback named by --insecure-registry (${url.host} is not)` : 'not an HTTPS URL');

/**
 * fetch with redirects followed by hand: each hop must be an allowed URL, and credentials go only to the
 * origin they were given for (a redirect to another host gets none).
 */
async function fetchChecked(start: URL, headers: Record<string, string>, insecure: InsecureRegistries, timeoutMs: number): Promise<Response> {
  const signal = AbortSignal.timeout(timeoutMs);
  let url = start;
  for (let hop = 0; ; hop++) {
    if (!allowedUrl(url, insecure)) throw new Error(`refused to contact ${url.protocol}//${url.host}: ${refusedWhy(url)}`);
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

/** OpenSSL's words when the other end answers a TLS hello in plain text (an HTTP registry). */
function plainTextAnswer(e: unknown): boolean {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  if (!(cause instanceof Error)) return false;
  const code = 'code' in cause ? String(cause.code) : '';
  return code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO' || /wrong version number|packet length too long/i.test(cause.message);
}

/** The start of an error body, for recognising it; never shown. */
async function readBody(res: Response): Promise<string> {
  try {
    return (await readCapped(res, 4096, 'an error response')).toString('utf8');
  } catch {
    return '';
  }
}

/** What a request path asks for, in words: `tag 1`, `manifest sha256:…`, `blob sha256:…`. */
function asked(path: string): string {
  const [, kind, ref = ''] = /^\/(manifests|blobs)\/(.*)$/.exec(path) ?? [];
  if (kind === 'blobs') return `blob ${ref}`;
  if (kind === 'manifests') return /^sha(256|512):/.test(ref) ? `manifest ${ref}` : `tag ${ref}`;
  return path.replace(/^\//, '');
}

/** What to do about a registry that speaks plain HTTP, said in the user's terms. */
export function plainHttpMessage(registry: string): string {
  return loopback(registry)
    ? `the registry at ${registry} speaks plain HTTP; for a registry on loopback use --insecure-registry ${registry}`
    : `the registry at ${registry} speaks plain HTTP, which rsyncguard speaks only to registries on loopback (--insecure-registry); serve it over HTTPS`;
}

export class RegistryClient {
  private token: string | undefined;
  private readonly http: boolean;
  private readonly base: string;

  constructor(
    private readonly registry: string,
    readonly repository: string,
    private readonly basic: string | undefined,
    private readonly insecure: InsecureRegistries,
  ) {
    this.http = plainHttp(registry, insecure);
    this.base = `${this.http ? 'http' : 'https'}://${registry}/v2/${repository}`;
  }

  /** A successful response; `notFound` words a 404 (a manifest names repository and tag, not a URL path). */
  async get(path: string, accept: string, notFound?: string): Promise<Response> {
    let res = await this.request(path, accept);
    if (res.status === 401) {
      await this.authenticate(res.headers.get('www-authenticate') ?? '');
      res = await this.request(path, accept);
    }
    if (!res.ok) {
      // Go's net/http (docker-registry, Harbor, Zot) answers plain HTTP on a TLS port with this 400.
      if (this.http && res.status === 400 && /HTTPS server/i.test(await readBody(res))) throw new EnvironmentFailure(`the registry at ${this.registry} speaks HTTPS, not plain HTTP: leave it out of --insecure-registry`);
      await res.body?.cancel().catch(() => {});
      if (res.status === 404 && notFound !== undefined) throw new Error(notFound);
      // Named in the user's terms (what was asked for, repository and registry), never a bare URL path.
      const what = `${asked(path)} of repository ${this.repository}`;
      const why =
        res.status === 401 || res.status === 403
          ? `the registry at ${this.registry} refused the credentials for ${this.repository} (HTTP ${res.status}): check its entry in the Docker config's "auths" (--docker-config)`
          : res.status === 404
            ? `${asked(path)} not found in repository ${this.repository} at ${this.registry} (HTTP 404)`
            : res.status >= 500
              ? `the registry at ${this.registry} failed (HTTP ${res.status}) reading the ${what}: retry later, or ask whoever runs it`
              : `the registry at ${this.registry} answered HTTP ${res.status} for the ${what}`;
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
      if (!this.http && plainTextAnswer(e)) throw new EnvironmentFailure(plainHttpMessage(this.registry));
      const cause = errorMessage(e instanceof Error && e.cause instanceof Error ? e.cause : e);
      // fetch refuses the ports browsers block (6000, 6665-6669, …) with just these words.
      if (cause === 'bad port') throw new EnvironmentFailure(`cannot reach ${this.base}: fetch refuses port ${new URL(this.base).port} (a port browsers block); serve the registry on another port`);
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
    if (!allowedUrl(url, this.insecure)) throw new Error(`refused to ask ${url.protocol}//${url.host} for a token: ${refusedWhy(url)}`);
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
