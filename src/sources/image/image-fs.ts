/**
 * The image as analyzers see it: paths resolved inside the image root (links followed, never out of it),
 * metadata from the index, and content read lazily. `load` gathers what is not read yet, then walks only
 * the layers that hold it, once each, keeping only those entries; everything else in them is drained.
 * What `load` reads has a budget of its own, apart from what indexing kept on speculation: files an image
 * offers in bulk (thousands of `*.conf`) cannot starve the config the daemon really reads. Every walk
 * counts against the image's inflate budget, so callers batch their paths: one `load` per round.
 */
import { dataKey, MAX_FILE, MAX_KEPT, type IndexedImage, type SecretSighting, type SecretsNamer } from './layer-index.ts';
import type { ImageNode } from './image-tree.ts';
import { walkLayer } from './layer-stream.ts';

export interface ImageFile {
  /** Root-relative path of the entry the lookup landed on (links resolved). */
  path: string;
  kind: ImageNode['kind'];
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Digest of the layer that wrote the entry. */
  layer: string;
}

export class ImageFs {
  /** Bytes `load` has read (not counting what indexing kept). */
  private loaded = 0;

  constructor(private readonly image: IndexedImage) {}

  get warnings(): string[] {
    return this.image.warnings;
  }

  get secrets(): SecretSighting[] {
    return this.image.secrets;
  }

  /** The configs, in any layer (deleted later or not), that name a secrets file. */
  get secretsNamers(): SecretsNamer[] {
    return this.image.namers;
  }

  private node(path: string): ImageNode | undefined {
    return this.image.tree.lookup(path);
  }

  private describe(node: ImageNode): ImageFile {
    return { path: this.image.tree.pathOf(node), kind: node.kind, mode: node.mode, uid: node.uid, gid: node.gid, size: node.size, layer: this.image.layers[node.layer]?.digest ?? '' };
  }

  /** The entry a path names, links followed; undefined when missing, looping or dangling. */
  stat(path: string): ImageFile | undefined {
    const n = this.node(path);
    return n ? this.describe(n) : undefined;
  }

  /** Whether anything (a link included, followed or not) is at the path: "present but unreadable" needs it. */
  exists(path: string): boolean {
    return this.image.tree.lookup(path, false) !== undefined;
  }

  /** The names in a directory. */
  list(path: string): string[] | undefined {
    const n = this.node(path);
    return n?.children ? [...n.children.keys()] : undefined;
  }

  /** Content when already read; undefined when not a regular file, not read yet, or over the caps. */
  content(path: string): Buffer | undefined {
    const n = this.node(path);
    return n?.data ? this.image.contents.get(dataKey(n.data)) : undefined;
  }

  /** Why content() is undefined for a regular file that exists, or null when it is readable. */
  unreadable(path: string, maxFile = MAX_FILE): string | null {
    const n = this.node(path);
    if (n?.kind !== 'file' || !n.data) return null;
    if (n.size > maxFile) return `larger than ${maxFile} bytes; not read`;
    return this.image.contents.has(dataKey(n.data)) ? null : `more than ${MAX_KEPT} bytes of files were asked for; not read`;
  }

  /**
   * Read the regular files these paths name (links followed), walking each layer that holds one once. The
   * sizes are known from the index, so the budget is shared out before any walk, in the order the paths
   * come: the first ones asked for are the ones read when there is not room for all. `maxFile` lets a
   * caller that needs a bigger file (a package database) raise the per-file cap for it, within the budget.
   */
  async load(paths: Iterable<string>, maxFile: (path: string) => number = () => MAX_FILE): Promise<void> {
    const wanted = new Map<number, Map<number, number>>();
    const taken = new Set<string>();
    for (const p of paths) {
      const n = this.node(p);
      const cap = maxFile(p);
      if (!n?.data || n.size > cap || this.image.contents.has(dataKey(n.data)) || taken.has(dataKey(n.data))) continue;
      if (this.loaded + n.size > MAX_KEPT) continue;
      this.loaded += n.size;
      taken.add(dataKey(n.data));
      const seqs = wanted.get(n.data.layer) ?? new Map<number, number>();
      seqs.set(n.data.seq, cap);
      wanted.set(n.data.layer, seqs);
    }
    for (const [index, seqs] of [...wanted].sort((a, b) => a[0] - b[0])) {
      const layer = this.image.layers[index];
      if (!layer) continue;
      await walkLayer(
        layer,
        // Checked again: the layer is read anew, and only its digest, checked at its end, says it is unchanged.
        (header, seq, read) => ((header.size ?? 0) <= (seqs.get(seq) ?? -1) ? read().then((bytes) => void this.image.contents.set(`${index}:${seq}`, bytes)) : undefined),
        this.image.budget,
      );
    }
  }
}
