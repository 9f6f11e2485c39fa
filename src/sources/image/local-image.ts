/**
 * A path given without a transport (`image ./img.tar`, `image build/oci`): what it holds decides the form,
 * as skopeo's transports name them — a tar with manifest.json is a docker-archive (docker save), a tar with
 * oci-layout and index.json an oci-archive, a directory with oci-layout an OCI layout. Anything else, or a
 * tar that is both, is an error naming what was found: it is never sent to a registry as a name.
 */
import { existsSync, statSync } from 'node:fs';
import { archiveStore, dirStore, type BlobStore } from './blob-store.ts';
import type { LocalTransportName } from './open-image.ts';

/**
 * Whether `ref` names a path on this machine: one that exists, or one written as a path (`/…`, `./…`,
 * `../…`, `~/…`), which no registry reference can be.
 */
export function isLocalPath(ref: string): boolean {
  return /^(\/|\.\.?(\/|$)|~\/)/.test(ref) || existsSync(ref);
}

/** The path's store and the form it holds; the store is the caller's to close. */
export async function sniffLocalImage(path: string): Promise<{ form: LocalTransportName; store: BlobStore }> {
  if (!existsSync(path)) throw new Error(`${path}: no such file or directory (a local image: a docker-archive or oci-archive file, or an OCI layout directory)`);
  const st = statSync(path);
  if (st.isDirectory()) {
    const store = dirStore(path);
    if (store.has('oci-layout')) return { form: 'oci', store };
    const found = ['index.json', 'manifest.json'].filter((f) => store.has(f));
    const saved = found.includes('manifest.json') ? '; an unpacked docker save is not read: give its .tar' : '';
    throw new Error(`${path} is a directory but not an OCI layout: no oci-layout file${found.length > 0 ? ` (it holds ${found.join(' and ')})` : ''}${saved}`);
  }
  if (!st.isFile()) throw new Error(`${path} is neither a regular file nor a directory`);
  let store: BlobStore;
  try {
    store = await archiveStore(path);
  } catch (e) {
    // The reader's message starts with the path already.
    const why = (e instanceof Error ? e.message : String(e)).replace(`${path} is `, '').replace(`${path}: `, '');
    throw new Error(`${path} is not an image: a file, and ${why} (a local image is a docker-archive or oci-archive, or an OCI layout directory)`);
  }
  const docker = store.has('manifest.json');
  const oci = store.has('oci-layout') && store.has('index.json');
  if (docker !== oci) return { form: docker ? 'docker-archive' : 'oci-archive', store };
  const some = ['oci-layout', 'index.json'].filter((f) => store.has(f));
  store.close();
  if (docker) throw new Error(`${path} holds both a docker save manifest.json and an OCI layout (oci-layout, index.json): name the form, docker-archive:${path} or oci-archive:${path}`);
  throw new Error(`${path} is a tar archive but not an image: no manifest.json (docker-archive)${some.length > 0 ? `, and only ${some.join(' ')} of an OCI archive's oci-layout and index.json` : ' and no oci-layout with index.json (oci-archive)'}`);
}
