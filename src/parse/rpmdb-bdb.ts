/**
 * The rpm database of RHEL 7 and 8 (and CentOS, Amazon Linux 2): /var/lib/rpm/Packages, a Berkeley DB hash
 * file whose values are package header blobs (the same blobs rpmdb.sqlite holds). Read without Berkeley
 * DB: the metadata page gives the page size and the last page; every hash page lists key/value items; a
 * header, bigger than a page, is an off-page item whose bytes run along a chain of overflow pages. The
 * file comes from an image: every offset, length and page number is checked, chains are walked at most
 * once per page, and what does not add up is an error, never a guess.
 */
import { readRpmHeader, type RpmPackage } from './rpm-header.ts';

const HASH_MAGIC = 0x061561;
const P_HASH_UNSORTED = 2;
const P_OVERFLOW = 7;
const P_HASHMETA = 8;
const P_HASH = 13;
const H_KEYDATA = 1;
const H_OFFPAGE = 3;
/** The generic page header: lsn, pgno, prev, next, entries, hf_offset, level, type. */
const PAGE_HEADER = 26;
/** rpm's own limit on a header blob. */
const MAX_BLOB = 256 << 20;

export type BdbResult = { ok: true; value: RpmPackage | null; skipped: number } | { ok: false; error: string };

interface Pages {
  bytes: Uint8Array;
  view: DataView;
  size: number;
  count: number;
  le: boolean;
  /** Bytes the overflow chains may still yield: rpm writes each page once, so no more than the file holds. */
  budget: number;
}

/** The installed package `name` of a Berkeley DB Packages file, null when none is, or why it cannot be read. */
export function rpmPackageFromBdb(bytes: Uint8Array, name: string): BdbResult {
  const pages = openPages(bytes);
  if ('error' in pages) return { ok: false, error: pages.error };
  let skipped = 0;
  for (let pgno = 1; pgno < pages.count; pgno++) {
    const page = pgno * pages.size;
    const type = pages.bytes[page + 25];
    if (type !== P_HASH && type !== P_HASH_UNSORTED) continue;
    const entries = u16(pages, page + 20);
    if (PAGE_HEADER + entries * 2 > pages.size) return { ok: false, error: `page ${pgno} claims ${entries} items, more than fit in a page` };
    // Items pair up as key, value; a value's item runs to where the item before it starts (items fill the page from its end).
    for (let i = 1; i < entries; i += 2) {
      const at = u16(pages, page + PAGE_HEADER + i * 2);
      const end = u16(pages, page + PAGE_HEADER + (i - 1) * 2);
      if (at < PAGE_HEADER + entries * 2 || at >= end || end > pages.size) return { ok: false, error: `page ${pgno} item ${i} lies outside its page` };
      const blob = itemValue(pages, page + at, page + end);
      if ('error' in blob) return { ok: false, error: `page ${pgno} item ${i}: ${blob.error}` };
      if (blob.value === null) continue;
      const header = readRpmHeader(blob.value);
      if (!header.ok) skipped++;
      else if (header.value.name === name) return { ok: true, value: header.value, skipped };
    }
  }
  return { ok: true, value: null, skipped };
}

function u16(p: Pages, at: number): number {
  return p.view.getUint16(at, p.le);
}

function u32(p: Pages, at: number): number {
  return p.view.getUint32(at, p.le);
}

/** The metadata page: byte order from the magic, then page size and count, checked against the file. */
function openPages(bytes: Uint8Array): Pages | { error: string } {
  if (bytes.length < 512) return { error: 'shorter than a Berkeley DB metadata page' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = view.getUint32(12, true) === HASH_MAGIC;
  if (!le && view.getUint32(12, false) !== HASH_MAGIC) return { error: 'not a Berkeley DB hash database' };
  const p: Pages = { bytes, view, size: 0, count: 0, le, budget: bytes.length };
  const size = u32(p, 20);
  if (size < 512 || size > 65536 || (size & (size - 1)) !== 0) return { error: `a page size of ${size}` };
  if (bytes[24] !== 0) return { error: 'an encrypted database' };
  if (bytes[25] !== P_HASHMETA) return { error: 'its first page is not hash metadata' };
  const count = u32(p, 32) + 1;
  // A file cut short (a truncated layer, a copy of a database being written) may lack the very package asked for.
  if (count * size > bytes.length) return { error: `the file ends before its last page (${count} pages of ${size} bytes)` };
  return { ...p, size, count };
}

/** A value item: inline bytes (H_KEYDATA), an overflow chain (H_OFFPAGE), or null for kinds rpm never writes. */
function itemValue(p: Pages, at: number, end: number): { value: Uint8Array | null } | { error: string } {
  const type = p.bytes[at];
  if (type === H_KEYDATA) return { value: p.bytes.subarray(at + 1, end) };
  if (type !== H_OFFPAGE) return { value: null };
  if (end - at < 12) return { error: 'an off-page item shorter than its 12 bytes' };
  return overflow(p, u32(p, at + 4), u32(p, at + 8));
}

/** `length` bytes along the chain of overflow pages that starts at `pgno`. */
function overflow(p: Pages, first: number, length: number): { value: Uint8Array } | { error: string } {
  if (length > MAX_BLOB || length > p.bytes.length) return { error: `an off-page item of ${length} bytes` };
  if (length > p.budget) return { error: 'its overflow chains together hold more bytes than the file: pages are shared, as rpm never writes them' };
  p.budget -= length;
  const out = new Uint8Array(length);
  let filled = 0;
  const seen = new Set<number>();
  for (let pgno = first; filled < length; ) {
    if (pgno === 0 || pgno >= p.count || seen.has(pgno)) return { error: `its overflow chain breaks at page ${pgno} after ${filled} of ${length} bytes` };
    seen.add(pgno);
    const page = pgno * p.size;
    if (p.bytes[page + 25] !== P_OVERFLOW) return { error: `page ${pgno} of its overflow chain is not an overflow page` };
    const used = u16(p, page + 22);
    if (used > p.size - PAGE_HEADER || used > length - filled) return { error: `overflow page ${pgno} claims ${used} bytes` };
    out.set(p.bytes.subarray(page + PAGE_HEADER, page + PAGE_HEADER + used), filled);
    filled += used;
    pgno = u32(p, page + 16);
    if (used === 0 && filled < length) return { error: `overflow page ${pgno} is empty` };
  }
  return { value: out };
}
