/**
 * One package's header as the rpm database stores it (the blob of rpmdb.sqlite's Packages table): a count
 * of index entries, the size of the data store, the entries (tag, type, offset, count; 16 bytes each, big
 * endian), then the data. Only NAME, VERSION, RELEASE and EPOCH are read. The blob comes from an image
 * anyone may have built, so every number is checked against the bytes there are before it is used.
 */

const TAG = { name: 1000, version: 1001, release: 1002, epoch: 1003 } as const;
const TYPE_INT32 = 4;
const TYPE_STRING = 6;
/** rpm's own limits on a header (hdrblobVerifyInfo): more entries or data is a broken or hostile blob. */
const MAX_ENTRIES = 0xffff;
const MAX_DATA = 256 << 20;
/** A name, version or release longer than this is no package's. */
const MAX_STRING = 1024;

export interface RpmPackage {
  name: string;
  /** null when the header carries no EPOCH tag (rpm then compares as 0). */
  epoch: number | null;
  version: string;
  release: string;
}

export type RpmHeaderResult = { ok: true; value: RpmPackage } | { ok: false; error: string };

/** The package a header blob describes, or why it cannot be read. */
export function readRpmHeader(blob: Uint8Array): RpmHeaderResult {
  if (blob.length < 8) return { ok: false, error: `a header of ${blob.length} bytes is shorter than its 8-byte preamble` };
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const entries = view.getUint32(0);
  const dataLength = view.getUint32(4);
  if (entries === 0 || entries > MAX_ENTRIES) return { ok: false, error: `a header claims ${entries} index entries` };
  if (dataLength > MAX_DATA) return { ok: false, error: `a header claims ${dataLength} bytes of data` };
  const dataStart = 8 + entries * 16;
  if (dataStart + dataLength > blob.length) return { ok: false, error: `a header claims ${entries} entries and ${dataLength} bytes of data, more than its ${blob.length} bytes` };
  const data = blob.subarray(dataStart, dataStart + dataLength);
  const found = new Map<number, { type: number; offset: number; count: number }>();
  for (let i = 0; i < entries; i++) {
    const at = 8 + i * 16;
    const tag = view.getUint32(at);
    if (tag >= TAG.name && tag <= TAG.epoch && !found.has(tag)) found.set(tag, { type: view.getUint32(at + 4), offset: view.getUint32(at + 8), count: view.getUint32(at + 12) });
  }
  const name = stringAt(data, found.get(TAG.name));
  const version = stringAt(data, found.get(TAG.version));
  const release = stringAt(data, found.get(TAG.release));
  if (typeof name !== 'string') return { ok: false, error: `NAME: ${name.error}` };
  if (typeof version !== 'string') return { ok: false, error: `VERSION: ${version.error}` };
  if (typeof release !== 'string') return { ok: false, error: `RELEASE: ${release.error}` };
  const epochEntry = found.get(TAG.epoch);
  let epoch: number | null = null;
  if (epochEntry) {
    if (epochEntry.type !== TYPE_INT32 || epochEntry.count < 1 || epochEntry.offset % 4 !== 0 || epochEntry.offset + 4 > data.length) return { ok: false, error: 'EPOCH is not a 32-bit integer inside the data' };
    epoch = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(epochEntry.offset);
  }
  return { ok: true, value: { name, epoch, version, release } };
}

/** A NUL-terminated string entry inside the data store. */
function stringAt(data: Uint8Array, entry: { type: number; offset: number; count: number } | undefined): string | { error: string } {
  if (!entry) return { error: 'missing' };
  if (entry.type !== TYPE_STRING) return { error: `type ${entry.type}, not a string` };
  if (entry.offset >= data.length) return { error: 'points past the data' };
  const end = data.indexOf(0, entry.offset);
  if (end < 0) return { error: 'not terminated inside the data' };
  if (end - entry.offset > MAX_STRING) return { error: `longer than ${MAX_STRING} bytes` };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data.subarray(entry.offset, end));
  // Version strings are printable ASCII in every real package; anything else must not reach a report as is.
  if (!/^[\x21-\x7e]+$/.test(text)) return { error: 'not a printable word' };
  return text;
}

/** "E:V-R" as rpm prints it, the epoch only when the header has one. */
export function rpmVersionString(p: RpmPackage): string {
  return `${p.epoch === null ? '' : `${p.epoch}:`}${p.version}-${p.release}`;
}
