/**
 * An rpm ndb Packages.db laid out as rpm's ndb backend writes one (lib/backend/ndb/rpmpkg.c: a 32-byte
 * header, one 4096-byte slot page, then each blob in 16-byte blocks with its head, padding, Adler-32 and
 * tail). Debian's rpm is built without the ndb backend, so the tests write the file themselves, from
 * header blobs rpm did write.
 */

const PAGE = 4096;
const BLOCK = 16;

function word(s: string): number {
  return Buffer.from(s, 'latin1').readUInt32LE(0);
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** Packages.db holding these header blobs as packages 1, 2, … */
export function ndbFile(blobs: Uint8Array[]): Buffer {
  const parts: Buffer[] = [];
  const slots = Buffer.alloc(PAGE);
  slots.writeUInt32LE(word('RpmP'), 0);
  slots.writeUInt32LE(0, 4);
  slots.writeUInt32LE(blobs.length + 1, 8);
  slots.writeUInt32LE(1, 12);
  slots.writeUInt32LE(blobs.length + 1, 16);
  for (let at = 32; at < PAGE; at += 16) slots.writeUInt32LE(word('Slot'), at);
  let offset = PAGE / BLOCK;
  blobs.forEach((blob, i) => {
    const count = Math.ceil((16 + blob.length + 12) / BLOCK);
    const at = 32 + i * 16;
    slots.writeUInt32LE(i + 1, at + 4);
    slots.writeUInt32LE(offset, at + 8);
    slots.writeUInt32LE(count, at + 12);
    const out = Buffer.alloc(count * BLOCK);
    out.writeUInt32LE(word('BlbS'), 0);
    out.writeUInt32LE(i + 1, 4);
    out.writeUInt32LE(1_700_000_000, 8);
    out.writeUInt32LE(blob.length, 12);
    out.set(blob, 16);
    const tail = out.length - 12;
    out.writeUInt32LE(adler32(out.subarray(0, tail)), tail);
    out.writeUInt32LE(blob.length, tail + 4);
    out.writeUInt32LE(word('BlbE'), tail + 8);
    parts.push(out);
    offset += count;
  });
  return Buffer.concat([slots, ...parts]);
}

/** A minimal package header blob (NAME, VERSION, RELEASE, EPOCH when given), for tests that need no rpm. */
export function rpmHeader(p: { name: string; version: string; release: string; epoch?: number }): Buffer {
  const entries: [number, number, Buffer][] = [
    [1000, 6, Buffer.from(`${p.name}\0`)],
    [1001, 6, Buffer.from(`${p.version}\0`)],
    [1002, 6, Buffer.from(`${p.release}\0`)],
  ];
  if (p.epoch !== undefined) {
    const e = Buffer.alloc(4);
    e.writeUInt32BE(p.epoch);
    entries.push([1003, 4, e]);
  }
  const index = Buffer.alloc(entries.length * 16);
  const data: Buffer[] = [];
  let offset = 0;
  entries.forEach(([tag, type, bytes], i) => {
    if (type === 4 && offset % 4 !== 0) {
      data.push(Buffer.alloc(4 - (offset % 4)));
      offset += 4 - (offset % 4);
    }
    index.writeUInt32BE(tag, i * 16);
    index.writeUInt32BE(type, i * 16 + 4);
    index.writeUInt32BE(offset, i * 16 + 8);
    index.writeUInt32BE(1, i * 16 + 12);
    data.push(bytes);
    offset += bytes.length;
  });
  const head = Buffer.alloc(8);
  head.writeUInt32BE(entries.length, 0);
  head.writeUInt32BE(offset, 4);
  return Buffer.concat([head, index, ...data]);
}
