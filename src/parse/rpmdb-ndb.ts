/**
 * rpm's own "ndb" package database (SUSE, openSUSE: /usr/lib/sysimage/rpm/Packages.db): a 32-byte file
 * header ("RpmP", version 0, generation, number of slot pages), slot pages of 16-byte slots ("Slot",
 * package index, block offset, block count; blocks are 16 bytes), and at each slot's blocks one blob:
 * a head ("BlbS", package index, time, length), the package header, padding, and a tail (Adler-32 of
 * everything before it, length, "BlbE"). Every slot and blob is checked the way rpm checks it before
 * the header inside is read; a file that does not add up is refused, never read in part.
 */
import { readRpmHeader, type RpmPackage } from './rpm-header.ts';

const magic = (s: string) => s.charCodeAt(0) | (s.charCodeAt(1) << 8) | (s.charCodeAt(2) << 16) | ((s.charCodeAt(3) << 24) >>> 0);
const FILE_MAGIC = magic('RpmP') >>> 0;
const SLOT_MAGIC = magic('Slot') >>> 0;
const HEAD_MAGIC = magic('BlbS') >>> 0;
const TAIL_MAGIC = magic('BlbE') >>> 0;
const PAGE = 4096;
const BLOCK = 16;
const SLOT = 16;
const FILE_HEADER = 32;
const HEAD = 16;
const TAIL = 12;

export type NdbResult = { ok: true; value: RpmPackage | null; skipped: number } | { ok: false; error: string };

/** The installed package `name` of an ndb Packages.db, null when none is, or why it cannot be read. */
export function rpmPackageFromNdb(bytes: Uint8Array, name: string): NdbResult {
  if (bytes.length < PAGE) return { ok: false, error: 'shorter than its first slot page' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  if (u32(0) !== FILE_MAGIC) return { ok: false, error: 'not an rpm ndb database' };
  if (u32(4) !== 0) return { ok: false, error: `ndb version ${u32(4)}` };
  if (bytes.length % BLOCK !== 0) return { ok: false, error: 'its size is not a whole number of blocks' };
  const slotPages = u32(12);
  if (slotPages === 0 || slotPages * PAGE > bytes.length) return { ok: false, error: `${slotPages} slot pages in a file of ${bytes.length} bytes` };
  const blocks = bytes.length / BLOCK;
  const firstData = slotPages * (PAGE / BLOCK);
  let skipped = 0;
  // rpm never lets two blobs share blocks: slots that point at more blocks than the file has are refused, so a
  // file cannot make the checksums run over the same bytes again and again.
  let budget = blocks;
  for (let at = FILE_HEADER; at < slotPages * PAGE; at += SLOT) {
    if (u32(at) !== SLOT_MAGIC) return { ok: false, error: `slot at byte ${at} has no slot magic` };
    const [index, offset, count] = [u32(at + 4), u32(at + 8), u32(at + 12)];
    if (offset === 0) continue;
    if (index === 0 || count === 0 || offset < firstData || offset + count > blocks) return { ok: false, error: `slot at byte ${at} points outside the file (blocks ${offset}+${count} of ${blocks})` };
    budget -= count;
    if (budget < 0) return { ok: false, error: 'its slots point at more blocks than the file has: blobs overlap, as rpm never writes them' };
    const blob = blobAt(bytes, view, index, offset, count);
    if ('error' in blob) return { ok: false, error: `package ${index}: ${blob.error}` };
    const header = readRpmHeader(blob.value);
    if (!header.ok) skipped++;
    else if (header.value.name === name) return { ok: true, value: header.value, skipped };
  }
  return { ok: true, value: null, skipped };
}

/** The header inside one blob, its head, length, tail and checksum verified. */
function blobAt(bytes: Uint8Array, view: DataView, index: number, offset: number, count: number): { value: Uint8Array } | { error: string } {
  const start = offset * BLOCK;
  const end = (offset + count) * BLOCK;
  const u32 = (at: number) => view.getUint32(at, true);
  if (count * BLOCK < HEAD + TAIL) return { error: 'a blob smaller than its head and tail' };
  if (u32(start) !== HEAD_MAGIC || u32(start + 4) !== index) return { error: 'no blob head where its slot points' };
  const length = u32(start + 12);
  if (Math.ceil((HEAD + length + TAIL) / BLOCK) !== count) return { error: `a blob of ${length} bytes in ${count} blocks` };
  if (u32(end - TAIL + 4) !== length || u32(end - TAIL + 8) !== TAIL_MAGIC) return { error: 'its blob tail does not match its head' };
  if (adler32(bytes.subarray(start, end - TAIL)) !== u32(end - TAIL)) return { error: 'its blob checksum does not match' };
  return { value: bytes.subarray(start + HEAD, start + HEAD + length) };
}

/** Adler-32 (RFC 1950), reduced every 5552 bytes so the sums never overflow. */
function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; ) {
    const stop = Math.min(i + 5552, data.length);
    for (; i < stop; i++) {
      a += data[i] ?? 0;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
