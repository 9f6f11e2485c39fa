/**
 * Walk, then merge. Each layer's tar is walked into a list of entries (path, type, link target, size,
 * owner, ordinal) and its whiteout and opaque-directory markers; nothing is read but what `prefetch` asks
 * for (small files analyzers are known to want, as Trivy's `Required` does). Then the layer is applied to
 * the tree: its opaque directories and whiteouts hide what lower layers left, then its own entries land.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { layerPath } from './paths.ts';
import { ImageTree, type DataRef, type NodeAttrs } from './image-tree.ts';
import { InflateBudget, walkLayer, type LayerSource, type TarHeader } from './layer-stream.ts';
import { imageLimits, limitVariable } from './limits.ts';

export interface SecretSighting {
  path: string;
  layer: string;
  deleted_later: boolean;
}

/** A config some layer holds that names a secrets file (`secrets file = …`): the image concerns rsync, even when no final config does. */
export interface SecretsNamer {
  /** The config's root-relative path, as its layer wrote it. */
  path: string;
  /** Digest of the layer that wrote the config. */
  layer: string;
  /** sha256 (hex) of the config's bytes, as facts name every config file. */
  sha256: string;
}

/** The `secrets file` paths a file names when it reads like an rsyncd config, else none (src/parse supplies it). */
export type NamesSecrets = (path: string, bytes: Buffer) => string[];

export interface IndexedImage {
  tree: ImageTree;
  layers: LayerSource[];
  /** Bytes read so far, by "layer:seq". */
  contents: Map<string, Buffer>;
  /**
   * Secrets files seen in any layer, including ones a later layer deleted: by their name, and as the
   * regular file a `secrets file` some layer's config names resolves to (links followed inside the image).
   */
  secrets: SecretSighting[];
  /** The configs, in any layer, that name a secrets file, first one first. */
  namers: SecretsNamer[];
  warnings: string[];
  /** Bytes every walk of these layers may still inflate. */
  budget: InflateBudget;
}

/** Per-file and total caps on the bytes kept in memory for files that may be of interest. */
export const MAX_FILE = 1 << 20;
export const MAX_KEPT = 64 << 20;
/**
 * A budget of its own for the paths the analysis is sure to need (the usual config places, what the
 * Entrypoint/Cmd names): however many other files an image offers, they cannot crowd these out.
 */
const MAX_NEEDED = 16 << 20;
/** Linux's PATH_MAX: no process in the container could open a longer name (or follow a longer link). */
const MAX_PATH = 4096;
const MAX_WARNINGS = 50;
/** Secrets-file paths followed from layer configs: each is looked up again after every layer. */
const MAX_NAMED = 256;

/**
 * The secrets files this layer's configs name, and those earlier layers' configs named, looked up in the
 * image as it stands after this layer, as rsync in it would open them: a link is followed inside the image
 * root (never out of it), so `/etc/rsyncd.secrets -> ../data/real` is data/real, whatever its name. Looked
 * up after every layer, so a file written after its config, or deleted later, is still seen where it was.
 */
function followNamedSecrets(image: IndexedImage, index: number, entries: Pending[], namesSecrets: NamesSecrets, named: Set<string>, sighted: Set<string>): void {
  const digest = image.layers[index]?.digest ?? '';
  for (const e of entries) {
    const bytes = e.attrs.kind === 'file' && e.attrs.data ? image.contents.get(dataKey(e.attrs.data)) : undefined;
    if (!bytes) continue;
    const names = namesSecrets(e.path, bytes);
    if (names.length > 0 && !image.namers.some((n) => n.path === e.path && n.layer === digest)) image.namers.push({ path: e.path, layer: digest, sha256: createHash('sha256').update(bytes).digest('hex') });
    // Relative to the config's directory, as src/parse/image-configs.ts reads them in the final image.
    for (const p of names) if (named.size < MAX_NAMED) named.add(posix.isAbsolute(p) ? p : posix.join('/', posix.dirname(e.path), p));
  }
  for (const at of named) {
    const node = image.tree.lookup(at);
    const layer = node?.kind === 'file' ? image.layers[node.layer]?.digest : undefined;
    if (!node || layer === undefined) continue;
    const path = image.tree.pathOf(node);
    if (sighted.has(`${layer}\n${path}`)) continue;
    sighted.add(`${layer}\n${path}`);
    image.secrets.push({ path, layer, deleted_later: false });
  }
}

export function isSecretsName(path: string): boolean {
  return /(^|\/)(rsyncd?\.secrets|[^/]*\.secrets|rsync[^/]*secret[^/]*)$/i.test(path);
}

export const dataKey = (d: DataRef) => `${d.layer}:${d.seq}`;

interface Pending {
  path: string;
  attrs: NodeAttrs;
}

function kindOf(type: string | null | undefined): NodeAttrs['kind'] | 'link' | undefined {
  switch (type) {
    case 'file':
    case 'contiguous-file':
    case null:
    case undefined:
      return 'file';
    case 'directory':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'link';
    case 'fifo':
    case 'character-device':
    case 'block-device':
      return 'other';
    default:
      return undefined;
  }
}

/** How far indexing has got: layer `layer` of `layers` (from 1), and the bytes inflated so far over all of them. */
export interface LayerProgress {
  layer: number;
  layers: number;
  bytes: number;
}

/**
 * Every layer walked and merged in order; `prefetch` says which regular files to keep while walking, and
 * `need` which of them are certainly needed (kept under a budget of their own).
 */
export async function indexLayers(layers: LayerSource[], prefetch: (path: string) => boolean, need: (path: string) => boolean = () => false, onProgress?: (progress: LayerProgress) => void, namesSecrets?: NamesSecrets): Promise<IndexedImage> {
  const limits = imageLimits();
  // Entries (real images hold 10k–300k) and the characters of their names and link targets: the index holds
  // them all, and a gzip layer of a few megabytes can name gigabytes (long, distinct names compress well).
  const { entries: maxEntries, nameBytes: maxNameChars } = limits;
  const image: IndexedImage = { tree: new ImageTree(), layers, contents: new Map(), secrets: [], namers: [], warnings: [], budget: new InflateBudget(limits.inflateBytes) };
  // Absolute image paths some layer's config names as its secrets file.
  const named = new Set<string>();
  const sighted = new Set<string>();
  let kept = 0;
  let needed = 0;
  let count = 0;
  let dropped = 0;
  let names = 0;
  const warn = (message: string) => void (image.warnings.length < MAX_WARNINGS ? image.warnings.push(message) : dropped++);
  // Bytes inflated so far, from the image's budget: what a progress line shows while a big layer streams in.
  const told = (index: number) => onProgress?.({ layer: index + 1, layers: layers.length, bytes: limits.inflateBytes - image.budget.left });
  for (const [index, layer] of layers.entries()) {
    told(index);
    const entries: Pending[] = [];
    const whiteouts: string[] = [];
    const opaque: string[] = [];
    // Hard links name an earlier entry of the same layer (or, failing that, what lower layers left).
    const here = new Map<string, NodeAttrs>();
    await walkLayer(
      layer,
      (header: TarHeader, seq, read) => {
        told(index);
        if (++count > maxEntries) throw new Error(`more than ${maxEntries} entries in the image; too many to index (${limitVariable('entries')})`);
        names += header.name.length + (header.linkname?.length ?? 0);
        if (names > maxNameChars) throw new Error(`entry names and link targets in the image add up to more than ${maxNameChars} bytes; too many to index (${limitVariable('nameBytes')})`);
        if (header.name.length > MAX_PATH) return warn(`layer ${layer.digest}: an entry name of ${header.name.length} bytes is longer than PATH_MAX; ignored`);
        if ((header.linkname?.length ?? 0) > MAX_PATH) return warn(`layer ${layer.digest}: a link target of ${header.linkname?.length ?? 0} bytes is longer than PATH_MAX; ignored`);
        const { path, climbed } = layerPath(header.name);
        if (climbed) warn(`layer ${layer.digest}: "${header.name}" leaves the image root; kept inside it at /${path}, where the runtime writes it`);
        if (path === '' && header.type !== 'directory') return;
        const slash = path.lastIndexOf('/');
        const base = path.slice(slash + 1);
        const dir = slash < 0 ? '' : path.slice(0, slash);
        if (base === '.wh..wh..opq') return void opaque.push(dir);
        if (base.startsWith('.wh.')) return void (base.length > 4 && whiteouts.push(dir === '' ? base.slice(4) : `${dir}/${base.slice(4)}`));
        const kind = kindOf(header.type);
        if (kind === undefined) return;
        const size = header.size ?? 0;
        const attrs: NodeAttrs = { kind: kind === 'link' ? 'file' : kind, mode: (header.mode ?? 0o644) & 0o7777, uid: header.uid ?? 0, gid: header.gid ?? 0, size, layer: index };
        if (kind === 'symlink') attrs.target = header.linkname ?? '';
        if (kind === 'file') attrs.data = { layer: index, seq };
        if (kind === 'link') {
          const target = layerPath(header.linkname ?? '').path;
          const from = here.get(target) ?? image.tree.physical(target);
          if (!from || from.kind === 'dir') {
            return warn(`layer ${layer.digest}: hard link ${path} points at ${header.linkname ?? '?'}, which this image does not have; ignored`);
          }
          Object.assign(attrs, { kind: from.kind, size: from.size, ...(from.data ? { data: from.data } : {}), ...(from.target !== undefined ? { target: from.target } : {}) });
        }
        if (attrs.kind === 'file' && isSecretsName(path)) image.secrets.push({ path, layer: layer.digest, deleted_later: false });
        here.set(path, attrs);
        entries.push({ path, attrs });
        if (kind !== 'file' || size > MAX_FILE) return;
        if (need(path) && needed + size <= MAX_NEEDED) needed += size;
        else if (prefetch(path) && kept + size <= MAX_KEPT) kept += size;
        else return;
        return read().then((bytes) => void image.contents.set(`${index}:${seq}`, bytes));
      },
      image.budget,
    );
    for (const dir of opaque) image.tree.clear(dir);
    for (const path of whiteouts) image.tree.remove(path);
    for (const e of entries) image.tree.put(e.path, e.attrs);
    if (namesSecrets) followNamedSecrets(image, index, entries, namesSecrets, named, sighted);
  }
  const seen = new Set<string>();
  image.secrets = image.secrets.filter((s) => {
    const key = `${s.layer}\n${s.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const now = image.tree.physical(s.path);
    s.deleted_later = !now || layers[now.layer]?.digest !== s.layer;
    return true;
  });
  if (dropped > 0) image.warnings.push(`${dropped} more warnings like these`);
  return image;
}
