/**
 * The files of an image layout, wherever they are: a directory (an OCI layout) or an archive (docker save,
 * OCI archive). An archive is not unpacked: one pass records where each regular file's bytes start, and
 * later reads are ranges of the archive file. Entries nobody asked for are drained by the tar reader, never
 * buffered, so a 1.5 GB padding entry costs reading time, not memory. A gzip archive is inflated once to a
 * private temporary file first (streamed), then read the same way: within a cap, and never past the free
 * space the disk must keep (checked before the first byte and again while writing).
 */
import { accessSync, closeSync, constants, createReadStream, createWriteStream, lstatSync, mkdtempSync, openSync, readSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { freeBytes, imageLimits, limitVariable, mib } from './limits.ts';
import { cleanPath, layerPath } from './paths.ts';
import { readTar } from './tar-reader.ts';
import { errorMessage } from '../../common/index.ts';

export interface BlobStore {
  /** Where the store is, for messages. */
  where: string;
  has(path: string): boolean;
  /** Why a file `has` denies is not read (a symbolic link, not a regular file), or undefined when it is absent or there. */
  refused?(path: string): string | undefined;
  /** The whole file, refused when larger than `cap` before any byte is read. */
  read(path: string, cap: number, what: string): Buffer;
  stream(path: string): Readable;
  close(): void;
}

function tooLarge(what: string, size: number, cap: number): Error {
  return new Error(`${what} is ${size} bytes, more than the ${cap / 2 ** 20} MiB allowed; refused`);
}

/**
 * An OCI layout directory. Only regular files inside it are read: a symlink (even to another blob), a FIFO
 * or a device is treated as missing, so a hostile layout cannot make the scan read or echo a host file.
 */
export function dirStore(root: string, close = () => {}): BlobStore {
  const base = realpathSync(root);
  const regular = (p: string): string | undefined => {
    const c = cleanPath(p);
    if (c === null) throw new Error(`"${p}" leaves the image layout`);
    const full = join(base, c);
    try {
      return lstatSync(full).isFile() && realpathSync(full) === full ? full : undefined;
    } catch {
      return undefined;
    }
  };
  const file = (p: string): string => {
    const full = regular(p);
    if (full === undefined) throw new Error(`${p} is not a regular file in the layout ${root} (links, devices and FIFOs are not read)`);
    return full;
  };
  // The file named: "permission denied" alone sends the user looking at the reference (umoci writes 0600 files).
  const readable = (p: string, full: string): string => {
    try {
      accessSync(full, constants.R_OK);
    } catch (e) {
      throw new Error(`${errorMessage(e)} reading ${join(root, cleanPath(p) ?? p)}`);
    }
    return full;
  };
  return {
    where: root,
    has: (p) => regular(p) !== undefined,
    refused(p) {
      const c = cleanPath(p);
      if (c === null) return undefined;
      try {
        const st = lstatSync(join(base, c));
        const shown = join(root, c);
        if (st.isSymbolicLink()) return `${shown} is a symbolic link (not followed: blobs are read only as regular files inside the layout)`;
        if (!st.isFile()) return `${shown} is not a regular file`;
        return regular(p) === undefined ? `${shown} is reached through a symbolic link (not followed)` : undefined;
      } catch {
        return undefined;
      }
    },
    read(p, cap, what) {
      const full = readable(p, file(p));
      const size = statSync(full).size;
      if (size > cap) throw tooLarge(what, size, cap);
      return readRange(full, 0, size);
    },
    stream: (p) => createReadStream(readable(p, file(p))),
    close,
  };
}

function readRange(file: string, offset: number, size: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const out = Buffer.alloc(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, out, got, size - got, offset + got);
      if (n === 0) throw new Error(`${file} ends early`);
      got += n;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

interface ArchiveIndex {
  files: Map<string, { offset: number; size: number }>;
  /** Symbolic links (docker save links a layer.tar that repeats an earlier one). */
  links: Map<string, string>;
}

/** Regular files of an uncompressed tar (where each one's bytes start and how many) and its symlinks. */
async function indexTar(file: string): Promise<ArchiveIndex> {
  const index: ArchiveIndex = { files: new Map(), links: new Map() };
  const input = createReadStream(file);
  try {
    await readTar(input[Symbol.asyncIterator](), (entry) => {
      const name = cleanPath(entry.name);
      if (name === null || name === '') return;
      if (entry.type === 'file' || entry.type === 'contiguous-file') {
        index.files.set(name, { offset: entry.dataOffset, size: entry.size });
        index.links.delete(name);
      } else {
        index.files.delete(name);
        if (entry.type === 'symlink') index.links.set(name, entry.linkname);
        else index.links.delete(name);
      }
    });
  } catch (e) {
    throw new Error(`${file} is not a tar archive (${errorMessage(e)})`);
  } finally {
    input.destroy();
  }
  return index;
}

/** A name in the archive with its symlinks followed, never out of the archive; undefined when it is not a file. */
function resolveIn(index: ArchiveIndex, name: string): { offset: number; size: number } | undefined {
  let path = cleanPath(name);
  for (let hops = 0; path !== null && hops <= 40; hops++) {
    const hit = index.files.get(path);
    if (hit) return hit;
    const target = index.links.get(path);
    if (target === undefined) return undefined;
    // Resolved as docker load resolves it: lexically, and kept inside the archive.
    path = layerPath(target.startsWith('/') ? target : `${path.split('/').slice(0, -1).join('/')}/${target}`).path;
  }
  return undefined;
}

/** How often free space is looked at again while inflating: other processes write to the same disk. */
const RECHECK = 64 << 20;

/**
 * Inflate a gzip archive into `tarFile`, within the archive cap and the disk's free space less the reserve.
 * The inflated size is unknown until the end (gzip's trailer is the writer's word, modulo 4 GiB), so the
 * compressed size is the least it will need, checked first; then the count of bytes written is.
 */
async function inflateArchive(file: string, compressed: number, tarFile: string): Promise<void> {
  const { archiveBytes, minFreeBytes } = imageLimits();
  const dir = tmpdir();
  const noRoom = (free: number, need: number) =>
    new Error(
      `${file} is gzip-compressed and is inflated to a temporary file in ${dir} before it is read; that disk has ${mib(free)} free, ` +
        `and inflating needs more than ${mib(need)} while keeping ${mib(minFreeBytes)} free (${limitVariable('minFreeBytes')}). ` +
        `Free space there, set TMPDIR to a larger disk, or decompress the archive yourself (gunzip) and scan the .tar`,
    );
  const free = freeBytes(dirname(tarFile));
  if (free - minFreeBytes < compressed) throw noRoom(free, compressed);
  let inflated = 0;
  let checked = 0;
  const gunzip = createGunzip();
  gunzip.on('data', (c: Buffer) => {
    inflated += c.length;
    if (inflated > archiveBytes) return void gunzip.destroy(new Error(`${file} inflates to more than ${mib(archiveBytes)} (${limitVariable('archiveBytes')}); refused. Decompress it yourself and scan the .tar, or raise the limit`));
    if (inflated - checked < RECHECK) return;
    checked = inflated;
    const now = freeBytes(dirname(tarFile));
    if (now - RECHECK < minFreeBytes) gunzip.destroy(noRoom(now, inflated + RECHECK));
  });
  try {
    await pipeline(createReadStream(file), gunzip, createWriteStream(tarFile));
  } catch (e) {
    const m = errorMessage(e);
    if (e instanceof Error && 'code' in e && e.code === 'ENOSPC') throw noRoom(freeBytes(dirname(tarFile)), inflated);
    throw m.startsWith(file) ? e : new Error(`${file}: not a readable gzip stream (${m})`);
  }
}

/** An archive (tar, or gzip of a tar) as a store; indexed once, read by ranges. */
export async function archiveStore(file: string): Promise<BlobStore> {
  const size = statSync(file).size;
  const { archiveBytes } = imageLimits();
  if (size > archiveBytes) throw tooLarge(file, size, archiveBytes);
  const head = readRange(file, 0, Math.min(2, size));
  let tarFile = file;
  let cleanup = () => {};
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const dir = mkdtempSync(join(tmpdir(), 'rsyncguard-image-'));
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    tarFile = join(dir, 'archive.tar');
    try {
      await inflateArchive(file, size, tarFile);
    } catch (e) {
      cleanup();
      throw e;
    }
  }
  let index;
  try {
    index = await indexTar(tarFile);
  } catch (e) {
    cleanup();
    throw e;
  }
  const found = index;
  const at = (p: string) => {
    const e = resolveIn(found, p);
    if (!e) throw new Error(`${p} is missing from ${file}`);
    return e;
  };
  return {
    where: file,
    has: (p) => resolveIn(found, p) !== undefined,
    read(p, cap, what) {
      const e = at(p);
      if (e.size > cap) throw tooLarge(what, e.size, cap);
      return readRange(tarFile, e.offset, e.size);
    },
    stream(p) {
      const e = at(p);
      return e.size === 0 ? Readable.from([]) : createReadStream(tarFile, { start: e.offset, end: e.offset + e.size - 1 });
    },
    close: cleanup,
  };
}
