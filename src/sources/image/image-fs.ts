/**
 * The image as analyzers see it: paths resolved inside the image root (links followed, never out of it),
 * metadata from the index, and content read lazily. `load` gathers what is not read yet, then walks only
 * the layers that hold it, once each, keeping only those entries; everything else in them is drained.
 */
import { dataKey, MAX_FILE, MAX_KEPT, type IndexedImage, type SecretSighting } from './layer-index.ts';
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
  private kept: number;

  constructor(private readonly image: IndexedImage) {
    this.kept = [...image.contents.values()].reduce((n, b) => n + b.length, 0);
  }

  get warnings(): string[] {
    return this.image.warnings;
  }

  get secrets(): SecretSighting[] {
    return this.image.secrets;
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
  unreadable(path: string): string | null {
    const n = this.node(path);
    if (!n || n.kind !== 'file' || !n.data) return null;
    if (n.size > MAX_FILE) return `larger than ${MAX_FILE} bytes; not read`;
    return this.image.contents.has(dataKey(n.data)) ? null : `more than ${MAX_KEPT} bytes of files of interest; not read`;
  }

  /** Read the regular files these paths name (links followed), walking each layer that holds one once. */
  async load(paths: Iterable<string>): Promise<void> {
    const wanted = new Map<number, Set<number>>();
    for (const p of paths) {
      const n = this.node(p);
      if (!n?.data || n.size > MAX_FILE || this.image.contents.has(dataKey(n.data))) continue;
      const seqs = wanted.get(n.data.layer) ?? new Set<number>();
      seqs.add(n.data.seq);
      wanted.set(n.data.layer, seqs);
    }
    for (const [index, seqs] of [...wanted].sort((a, b) => a[0] - b[0])) {
      const layer = this.image.layers[index];
      if (!layer) continue;
      await walkLayer(layer, (header, seq, read) => {
        if (!seqs.has(seq) || (header.size ?? 0) > MAX_FILE || this.kept + (header.size ?? 0) > MAX_KEPT) return;
        this.kept += header.size ?? 0;
        return read().then((bytes) => void this.image.contents.set(`${index}:${seq}`, bytes));
      });
    }
  }
}
