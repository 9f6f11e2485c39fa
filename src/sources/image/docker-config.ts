/**
 * Registry credentials in every form a webhook finds mounted: Docker's config.json (`docker login`), a
 * Kubernetes imagePullSecret of type kubernetes.io/dockerconfigjson (a `.dockerconfigjson` key holding the
 * same document) or of the legacy type kubernetes.io/dockercfg (a `.dockercfg` key whose top level is the
 * `auths` map itself). --docker-config and DOCKER_CONFIG may name such a file or the directory a Secret is
 * mounted as. An entry gives `auth` (base64 of user:password) or `username` and `password`; its key is a
 * host[:port], a URL (`https://host/v1/`) or, as the kubelet accepts, a glob whose `*` stands for one label.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { parseJson } from './open-image.ts';
import { errorMessage, fail, isObject, ok, UserError, type JsonObject, type Result } from '../../common/index.ts';

/** The registry auths, whichever form they came in. */
export interface DockerAuths {
  auths: JsonObject;
}

/** The names a credentials file has in a directory: Docker's own, then a mounted Secret's keys. */
const NAMES = ['config.json', '.dockerconfigjson', '.dockercfg'];

/** The file in `dir` that holds credentials: the first of NAMES present, else config.json (absent). */
function inDirectory(dir: string): string {
  return NAMES.map((n) => join(dir, n)).find((f) => existsSync(f)) ?? join(dir, 'config.json');
}

/** Where credentials are read when none is named: in $DOCKER_CONFIG (see NAMES), else ~/.docker/config.json. */
export function defaultDockerConfig(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const dir = env['DOCKER_CONFIG'];
  return dir !== undefined && dir !== '' ? inDirectory(dir) : join(homedir(), '.docker', 'config.json');
}

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * A `.dockercfg` document: no `auths` key, and its top level maps registries to entries. Known by its file
 * name, or by its shape when renamed (an entry with `auth` or `username` where config.json has settings).
 */
function legacy(path: string, doc: JsonObject): boolean {
  if ('auths' in doc) return false;
  return basename(path) === '.dockercfg' || Object.values(doc).some((v) => isObject(v) && ('auth' in v || 'username' in v));
}

/**
 * The credentials: `file` (--docker-config, a file or a directory) must be there and readable; the
 * default place may be absent (no credentials, undefined), but not a directory or unreadable. An error
 * names the file and the option, never what the file holds (it holds credentials).
 */
/** The file credentials are read from: `file` (or the credentials file in it, a directory), else the default place. */
function configPath(file: string | undefined): string {
  return file === undefined ? defaultDockerConfig() : isDirectory(file) ? inDirectory(file) : file;
}

export function readDockerConfig(file: string | undefined): Result<DockerAuths | undefined> {
  const path = configPath(file);
  const named = file !== undefined ? ' (--docker-config)' : '';
  const hint =
    file !== undefined
      ? 'Point --docker-config at a Docker config.json with registry "auths" (`docker login` writes one), a .dockerconfigjson or .dockercfg file, or the directory an imagePullSecret is mounted as; or leave it out for anonymous access.'
      : 'Fix or remove the file (or set DOCKER_CONFIG to the directory of a readable config.json or a mounted imagePullSecret), or name one with --docker-config.';
  if (file === undefined && !existsSync(path)) return ok(undefined);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    // A directory with none of the files is named itself: the file it was looked for in is only a guess.
    if (file !== undefined && path !== file) return fail(new UserError(`cannot read the Docker config${named}: no ${NAMES.join(', ')} in the directory`, file, hint));
    return fail(new UserError(`cannot read the Docker config${named}: ${errorMessage(e)}`, path, hint));
  }
  let doc: unknown;
  try {
    doc = parseJson(bytes, `the Docker config${named}`);
  } catch (e) {
    return fail(new UserError(errorMessage(e), path, hint));
  }
  if (!isObject(doc)) return fail(new UserError(`the Docker config${named} is not a JSON object`, path, hint));
  if (legacy(path, doc)) return ok({ auths: doc });
  return ok({ auths: isObject(doc['auths']) ? doc['auths'] : {} });
}

/** A name from the file (an auths key), as a message shows it: quoted, escaped, short. */
const named = (key: string) => JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key);

function listed(keys: string[]): string {
  return `${keys.slice(0, 5).map(named).join(', ')}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}`;
}

/**
 * What a readable Docker config holds that cannot be used, each said without any secret (names of keys
 * and registries only): an `auths` that is no object, entries without usable credentials, an `auth` that
 * is not base64 of user:password, credential helpers (credsStore, credHelpers), which rsyncguard does not
 * run. Each of these means anonymous pulls where the operator meant credentials, so `admission serve`
 * says them at start. Undefined when there is no file, or it cannot be read (readDockerConfig says why).
 */
export function dockerConfigIgnored(file: string | undefined): { path: string; ignored: string[] } | undefined {
  const path = configPath(file);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(doc)) return undefined;
  const ignored: string[] = [];
  const isLegacy = legacy(path, doc);
  const auths = isLegacy ? doc : doc['auths'];
  if (!isLegacy && 'auths' in doc && !isObject(auths)) ignored.push(`"auths" is ${Array.isArray(auths) ? 'a list' : auths === null ? 'null' : `a ${typeof auths}`}, not an object of registries: no credentials are read from it`);
  if (typeof doc['credsStore'] === 'string') ignored.push('"credsStore" names a credential helper, which rsyncguard does not run: registries only it knows are pulled anonymously');
  const helpers = isObject(doc['credHelpers']) ? Object.keys(doc['credHelpers']) : [];
  if (helpers.length > 0) ignored.push(`"credHelpers" for ${listed(helpers)}: credential helpers are not run, so these registries are pulled anonymously`);
  const usable: string[] = [];
  const unusable: string[] = [];
  const notBasic: string[] = [];
  for (const [key, entry] of Object.entries(isObject(auths) ? auths : {})) {
    const auth = basic(entry);
    if (auth === undefined) unusable.push(key);
    else if (!Buffer.from(auth, 'base64').toString('utf8').includes(':')) notBasic.push(key);
    else usable.push(key);
  }
  if (unusable.length > 0) ignored.push(`the entries for ${listed(unusable)} have no "auth", nor "username" and "password": these registries are pulled anonymously`);
  if (notBasic.length > 0) ignored.push(`the "auth" of ${listed(notBasic)} is not base64 of user:password: the registry will refuse it`);
  if (file !== undefined && usable.length === 0 && ignored.length === 0) ignored.push('it holds no registry credentials: every pull is anonymous');
  return { path, ignored };
}

/** Docker Hub's API host (registry.ts turns docker.io references into it), and the names its credentials are filed under (`docker login` uses the first). */
export const DOCKER_HUB = 'registry-1.docker.io';
const DOCKER_HUB_KEYS = ['index.docker.io', 'docker.io', DOCKER_HUB];

/** An auths key as host[:port], lower case: scheme and path dropped (`https://host:5000/v1/` → `host:5000`). */
function hostOf(key: string): string {
  return key
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
}

/** Whether a glob key (`*.example.com`, `*.*.example.com:5000`) names the registry: `*` is one label, ports equal. */
function globMatches(glob: string, registry: string): boolean {
  const [gHost = '', gPort] = glob.split(/:(?=\d+$)/);
  const [rHost = '', rPort] = registry.split(/:(?=\d+$)/);
  if (gPort !== rPort) return false;
  const g = gHost.split('.');
  const r = rHost.split('.');
  return g.length === r.length && g.every((label, i) => label === '*' || label === r[i]);
}

/**
 * The registries the auths name, as labels: exact keys as host[:port] (Docker Hub's under DOCKER_HUB, the
 * name references resolve to), and glob keys with their matcher. Only names, never what an entry holds.
 */
export function registryKeys(config: DockerAuths | undefined): { exact: Set<string>; globs: { key: string; matches(registry: string): boolean }[] } {
  const exact = new Set<string>();
  const globs: { key: string; matches(registry: string): boolean }[] = [];
  for (const key of Object.keys(config?.auths ?? {})) {
    const host = hostOf(key);
    if (host === '') continue;
    if (host.includes('*')) globs.push({ key: host, matches: (registry) => globMatches(host, registry) });
    else exact.add(DOCKER_HUB_KEYS.includes(host) ? DOCKER_HUB : host);
  }
  return { exact, globs };
}

/** An entry's Basic credentials (base64 of user:password), from `auth` or from `username` and `password`. */
function basic(entry: unknown): string | undefined {
  if (!isObject(entry)) return undefined;
  if (typeof entry['auth'] === 'string' && entry['auth'] !== '') return entry['auth'];
  const { username, password } = entry;
  return typeof username === 'string' && typeof password === 'string' && username !== '' ? Buffer.from(`${username}:${password}`).toString('base64') : undefined;
}

/** The credentials filed for `registry` (host[:port] as parsed from a reference): an exact key first, then a glob. */
export function credentialsFor(config: DockerAuths | undefined, registry: string): string | undefined {
  if (!config) return undefined;
  const wanted = registry.toLowerCase();
  const names = wanted === DOCKER_HUB ? DOCKER_HUB_KEYS : [wanted];
  const entries = Object.entries(config.auths).map(([key, entry]) => ({ host: hostOf(key), entry }));
  for (const name of names) {
    const hit = entries.find((e) => e.host === name && basic(e.entry) !== undefined);
    if (hit) return basic(hit.entry);
  }
  const glob = entries.find((e) => e.host.includes('*') && globMatches(e.host, wanted) && basic(e.entry) !== undefined);
  return glob ? basic(glob.entry) : undefined;
}
