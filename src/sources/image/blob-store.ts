/**
 * The files of an image layout, wherever they are: a directory (an OCI layout) or an archive (docker save,
 * OCI archive). An archive is not unpacked: one pass records where each regular file's bytes start, and
 * later reads are ranges of the archive file. Entries nobody asked for are drained by the tar reader, never
 * buffered, so a 1.5 GB padding entry costs reading time, not memory. A gzip archive is inflated once to a
 * private temporary file first (streamed), then read the same way.
 */
import { closeSync, createReadStream, createWriteStream, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { cleanPath } from './paths.ts';

export interface BlobStore {
  /** Where the store is, for messages. */
  where: string;
  has(path: string): boolean;
  /** The whole file, refused when larger than `cap` before any byte is read. */
  read(path: string, cap: number, what: string): Buffer;
  stream(path: string): Readable;
  close(): void;
}

const MAX_ARCHIVE = 16 * 2 ** 30;

function tooLarge(what: string, size: number, cap: number): Error {
  return new Error(`${what} is ${size} bytes, more than the ${cap / 2 ** 20} MiB allowed; refused`);
}

export function dirStore(root: string, close = () => {}): BlobStore {
  const at = (p: string) => {
    const c = cleanPath(p);
    if (c === null) throw new Error(`"${p}" leaves the image layout`);
    return join(root, c);
  };
  return {
    where: root,
    has: (p) => existsSync(at(p)) && statSync(at(p)).isFile(),
    read(p, cap, what) {
      const size = statSync(at(p)).size;
      if (size > cap) throw tooLarge(what, size, cap);
      return readRange(at(p), 0, size);
    },
    stream: (p) => createReadStream(at(p)),
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

/** Regular files of an uncompressed tar: where each one's bytes start and how many there are. */
async function indexTar(file: string): Promise<Map<string, { offset: number; size: number }>> {
  const index = new Map<string, { offset: number; size: number }>();
  const tar = extract();
  tar.on('entry', (header, body, next) => {
    const name = cleanPath(header.name);
    const offset = (header as { byteOffset?: unknown }).byteOffset;
    if (name !== null && name !== '' && (header.type === 'file' || header.type === 'contiguous-file') && typeof offset === 'number') index.set(name, { offset, size: header.size });
    body.on('end', () => next());
    body.resume();
  });
  try {
    await pipeline(createReadStream(file), tar);
  } catch (e) {
    throw new Error(`${file} is not a tar archive (${e instanceof Error ? e.message : String(e)})`);
  }
  return index;
}

/** An archive (tar, or gzip of a tar) as a store; indexed once, read by ranges. */
export async function archiveStore(file: string): Promise<BlobStore> {
  const size = statSync(file).size;
  if (size > MAX_ARCHIVE) throw tooLarge(file, size, MAX_ARCHIVE);
  const head = readRange(file, 0, Math.min(2, size));
  let tarFile = file;
  let cleanup = () => {};
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const dir = mkdtempSync(join(tmpdir(), 'rsyncguard-image-'));
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    tarFile = join(dir, 'archive.tar');
    let inflated = 0;
    const gunzip = createGunzip();
    gunzip.on('data', (c: Buffer) => {
      inflated += c.length;
      if (inflated > MAX_ARCHIVE) gunzip.destroy(tooLarge(`${file} (inflated)`, inflated, MAX_ARCHIVE));
    });
    try {
      await pipeline(createReadStream(file), gunzip, createWriteStream(tarFile));
    } catch (e) {
      cleanup();
      throw new Error(`${file}: not a readable gzip stream (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  let index;
  try {
    index = await indexTar(tarFile);
  } catch (e) {
    cleanup();
    throw e;
  }
  const at = (p: string) => {
    const c = cleanPath(p);
    const e = c === null ? undefined : index.get(c);
    if (!e) throw new Error(`${p} is missing from ${file}`);
    return e;
  };
  return {
    where: file,
    has: (p) => {
      const c = cleanPath(p);
      return c !== null && index.has(c);
    },
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
