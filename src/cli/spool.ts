/**
 * A streamed report's spool (src/report/spool.ts) in a temporary file: records as 4-byte lengths and UTF-8,
 * written in pieces of about a MiB and read back the same way. The file is removed as soon as it is open,
 * so nothing is left behind whatever becomes of the run; only its descriptor names it.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memorySpool, type Spool } from '../report/index.ts';

const PIECE = 1 << 20;
let made = 0;

/**
 * A spool in a removed temporary file; in memory when no temporary file can be made (a read-only /tmp), or from
 * the first write the disk refuses (a full or small TMPDIR): what was written is read back, and the run goes on.
 */
export function fileSpool(): Spool {
  let fd: number;
  try {
    const path = join(tmpdir(), `rsyncguard-${process.pid}-${made++}-${randomBytes(6).toString('hex')}.spool`);
    fd = openSync(path, 'wx+', 0o600);
    unlinkSync(path);
  } catch {
    return memorySpool();
  }
  let size = 0;
  let pending: string[] = [];
  let pendingBytes = 0;
  let memory: Spool | null = null;
  const flush = () => {
    if (memory !== null || pending.length === 0) return;
    const parts: Buffer[] = [];
    for (const record of pending) {
      const body = Buffer.from(record, 'utf8');
      const head = Buffer.allocUnsafe(4);
      head.writeUInt32LE(body.length);
      parts.push(head, body);
    }
    const bytes = Buffer.concat(parts);
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, size + at);
      size += bytes.length;
    } catch {
      // Only whole pieces count (size moves after a piece is written): those are read back, then the rest.
      const held = memorySpool();
      readBack(fd, size, (record) => held.add(record));
      for (const record of pending) held.add(record);
      memory = held;
      closeQuietly(fd);
    }
    pending = [];
    pendingBytes = 0;
  };
  return {
    add(record) {
      if (memory !== null) return memory.add(record);
      pending.push(record);
      pendingBytes += 4 + record.length;
      if (pendingBytes >= PIECE) flush();
    },
    forEach(each) {
      flush();
      if (memory !== null) return memory.forEach(each);
      readBack(fd, size, each);
    },
    close() {
      pending = [];
      if (memory !== null) return memory.close();
      closeQuietly(fd);
    },
  };
}

/** The records of the first `size` bytes of the spool file, in order. */
function readBack(fd: number, size: number, each: (record: string) => void): void {
  let buf = Buffer.allocUnsafe(PIECE);
  let have = 0;
  let read = 0;
  for (;;) {
    let at = 0;
    while (have - at >= 4) {
      const length = buf.readUInt32LE(at);
      if (have - at - 4 < length) break;
      each(buf.toString('utf8', at + 4, at + 4 + length));
      at += 4 + length;
    }
    buf.copy(buf, 0, at, have);
    have -= at;
    // A record longer than the buffer: a buffer its size.
    if (have >= 4 && 4 + buf.readUInt32LE(0) > buf.length) {
      const grown = Buffer.allocUnsafe(4 + buf.readUInt32LE(0));
      buf.copy(grown, 0, 0, have);
      buf = grown;
    }
    if (read >= size) break;
    const n = readSync(fd, buf, have, Math.min(buf.length - have, size - read), read);
    if (n === 0) break;
    have += n;
    read += n;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Closed already.
  }
}
