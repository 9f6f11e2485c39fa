/**
 * A path given without a transport (`image ./img.tar`, `image build/oci`): what it holds decides the form,
 * as skopeo's transports name them — a tar with manifest.json is a docker-archive (docker save), a tar with
 * oci-layout and index.json an oci-archive, a directory with oci-layout an OCI layout; a tar with both
 * (Docker 25+) is the docker-archive when the two agree. Anything else is an error naming what was found:
 * it is never sent to a registry as a name.
 */
import { existsSync, statSync } from 'node:fs';
import { archiveStore, dirStore, type BlobStore } from './blob-store.ts';
import type { LocalTransportName } from './open-image.ts';
import { parseRegistryRef } from './registry.ts';

/**
 * Whether `ref` names a path on this machine: one that exists, one written as a path (`/…`, `./…`, `../…`,
 * `~/…`), which no registry reference can be, or one that reads as a file name (looksLikeFile) — so a
 * mistyped or missing `img.tar` is "no such file" here, never a name sent to Docker Hub.
 */
export function isLocalPath(ref: string): boolean {
  return /^(\/|\.\.?(\/|$)|~\/)/.test(ref) || existsSync(ref) || looksLikeFile(ref);
}

/** The names `docker save`, skopeo and umoci give archives: a registry repository is rarely named so. */
const ARCHIVE_NAME = /\.(tar|tar\.gz|tgz|oci|oci\.tar)$/i;

/**
 * A reference without a registry host, tag or digest that ends like an archive (`img.tar`, `sub/x.oci`,
 * `Img.tar`), or that holds a "/" and is no registry reference at all (`Build/x`): a file name. To pull such
 * a repository from Docker Hub, write its host (`docker.io/library/img.tar`).
 */
export function looksLikeFile(ref: string): boolean {
  if (ref.includes('\\')) return true;
  const slash = ref.indexOf('/');
  const first = slash >= 0 ? ref.slice(0, slash) : '';
  const host = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const tagged = ref.includes('@') || ref.lastIndexOf(':') > ref.lastIndexOf('/');
  if (host || tagged) return false;
  return ARCHIVE_NAME.test(ref) || (slash >= 0 && !isRegistryRef(ref));
}

function isRegistryRef(ref: string): boolean {
  try {
    parseRegistryRef(ref);
    return true;
  } catch {
    return false;
  }
}

/** A missing path's error; one written like a registry name says how to ask the registry instead. */
function noSuchPath(path: string): Error {
  const asName = !/^(\/|\.\.?(\/|$)|~\/)/.test(path) && isRegistryRef(path);
  const why = asName ? `to pull it from a registry write docker.io/${path.includes('/') ? '' : 'library/'}${path}` : 'a local image: a docker-archive or oci-archive file, or an OCI layout directory';
  return new Error(`${path}: no such file or directory here (${why})`);
}

/**
 * For a word that is a path here and also an image name (`nginx` with an nginx/ directory in the working
 * directory): it was read as the path because it exists; how to mean the registry instead.
 */
function shadowed(path: string): string {
  // A name with a dot in its last part (`notes.txt`, `img.tar`) is a file's name, not an image's.
  if (/^(\/|\.\.?(\/|$)|~\/)/.test(path) || /\.[^/]*$/.test(path) || !isRegistryRef(path)) return '';
  const first = path.split('/')[0] ?? '';
  const hosted = path.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const how = hosted ? 'run rsyncguard from another directory' : `write docker.io/${path.includes('/') ? '' : 'library/'}${path}`;
  return `; ${path} was read as a local path because it exists here: for the registry image ${how}`;
}

/** The path's store and the form it holds; the store is the caller's to close. */
export async function sniffLocalImage(path: string): Promise<{ form: LocalTransportName; store: BlobStore; alsoOci?: boolean }> {
  if (!existsSync(path)) throw noSuchPath(path);
  const st = statSync(path);
  if (st.isDirectory()) {
    const store = dirStore(path);
    if (store.has('oci-layout')) return { form: 'oci', store };
    const found = ['index.json', 'manifest.json'].filter((f) => store.has(f));
    const saved = found.includes('manifest.json') ? '; an unpacked docker save is not read: give its .tar' : '';
    throw new Error(`${path} is a directory but not an OCI layout: no oci-layout file${found.length > 0 ? ` (it holds ${found.join(' and ')})` : ''}${saved}${shadowed(path)}`);
  }
  if (!st.isFile()) throw new Error(`${path} is neither a regular file nor a directory`);
  let store: BlobStore;
  try {
    store = await archiveStore(path);
  } catch (e) {
    // The reader's message starts with the path already.
    const why = (e instanceof Error ? e.message : String(e)).replace(`${path} is `, '').replace(`${path}: `, '');
    throw new Error(`${path} is not an image: a file, and ${why} (a local image is a docker-archive or oci-archive, or an OCI layout directory)${shadowed(path)}`);
  }
  const docker = store.has('manifest.json');
  const oci = store.has('oci-layout') && store.has('index.json');
  if (docker !== oci) return { form: docker ? 'docker-archive' : 'oci-archive', store };
  // Docker 25+ `docker save` and BuildKit write both: read as the docker-archive once the caller checked that both describe the same images.
  if (docker) return { form: 'docker-archive', store, alsoOci: true };
  const some = ['oci-layout', 'index.json'].filter((f) => store.has(f));
  store.close();
  throw new Error(`${path} is a tar archive but not an image: no manifest.json (docker-archive)${some.length > 0 ? `, and only ${some.join(' ')} of an OCI archive's oci-layout and index.json` : ' and no oci-layout with index.json (oci-archive)'}`);
}
