/**
 * A tar reader that sees an archive the way the container runtimes do (Go's archive/tar, as containerd and
 * Docker use it), because a security scan that reads a layer differently from the runtime can be shown one
 * file while the container gets another:
 * - the archive ends at two zero blocks; whatever follows is never an entry (tar-stream went on reading);
 * - a PAX global header ('g') changes nothing (runtimes ignore it; tar-stream merged it into later names);
 * - GNU long names ('L', 'K') win over PAX path/linkpath, PAX over the header fields;
 * - a header whose checksum does not match, or a zero block followed by a header, is an error.
 * Bodies are streamed: an entry nobody reads is skipped chunk by chunk, never buffered. Meta entries (PAX,
 * GNU long names) are read whole but capped, as Go caps them.
 */

export type TarType = 'file' | 'contiguous-file' | 'link' | 'symlink' | 'character-device' | 'block-device' | 'directory' | 'fifo' | 'other';

export interface TarEntry {
  name: string;
  type: TarType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkname: string;
  /** Offset of the body's first byte in the (uncompressed) archive. */
  dataOffset: number;
}

/** Reads the body whole; the caller checks `size` first. Not calling it skips the body without buffering. */
export type TarEntryHandler = (entry: TarEntry, read: () => Promise<Buffer>) => Promise<void> | void;

/** Go's archive/tar refuses PAX and GNU long-name records over 1 MiB. */
const MAX_META = 1 << 20;
const BLOCK = 512;

export class TarError extends Error {}

/** Pulls exact byte counts from a chunk iterator, without copying when one chunk holds them. */
class ByteReader {
  private chunks: Buffer[] = [];
  private have = 0;
  /** Bytes consumed so far. */
  offset = 0;

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(n: number): Promise<boolean> {
    while (this.have < n) {
      const r = await this.source.next();
      if (r.done) return false;
      const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value as Uint8Array);
      if (b.length === 0) continue;
      this.chunks.push(b);
      this.have += b.length;
    }
    return true;
  }

  /** Exactly n bytes; null at a clean end (no byte left); an error when it ends part way. */
  async take(n: number): Promise<Buffer | null> {
    if (!(await this.fill(n))) {
      if (this.have === 0) return null;
      throw new TarError(`the archive ends in the middle of a ${n === BLOCK ? 'header' : 'record'}`);
    }
    const first = this.chunks[0] as Buffer;
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const c = this.chunks[0] as Buffer;
        const k = Math.min(c.length, n - got);
        c.copy(out, got, 0, k);
        got += k;
        if (k === c.length) this.chunks.shift();
        else this.chunks[0] = c.subarray(k);
      }
    }
    this.have -= n;
    this.offset += n;
    return out;
  }

  /** Discards n bytes as they arrive; false when the source ends first. */
  async skip(n: number): Promise<boolean> {
    let left = n;
    while (left > 0) {
      if (this.have === 0 && !(await this.fill(1))) return false;
      const c = this.chunks[0] as Buffer;
      const k = Math.min(c.length, left);
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
      this.have -= k;
      this.offset += k;
      left -= k;
    }
    return true;
  }
}

const cstring = (b: Buffer) => {
  const nul = b.indexOf(0);
  return b.subarray(0, nul < 0 ? b.length : nul).toString('utf8');
};

/** Go's parseNumeric: base-256 when the high bit is set, else octal with spaces and NULs trimmed. */
function numeric(b: Buffer, field: string): number {
  if (b.length > 0 && ((b[0] ?? 0) & 0x80) !== 0) {
    if (b[0] === 0xff) throw new TarError(`negative ${field} in a tar header`);
    let v = (b[0] ?? 0) & 0x7f;
    for (let i = 1; i < b.length; i++) {
      v = v * 256 + (b[i] ?? 0);
      if (v > Number.MAX_SAFE_INTEGER) throw new TarError(`${field} too large in a tar header`);
    }
    return v;
  }
  const s = b.toString('latin1').replace(/^[ \0]+|[ \0]+$/g, '');
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarError(`invalid ${field} in a tar header`);
  const v = parseInt(s, 8);
  if (!Number.isSafeInteger(v)) throw new TarError(`${field} too large in a tar header`);
  return v;
}

function checksumOk(h: Buffer): boolean {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const c = i >= 148 && i < 156 ? 0x20 : (h[i] ?? 0);
    unsigned += c;
    signed += c > 127 ? c - 256 : c;
  }
  let want: number;
  try {
    want = numeric(h.subarray(148, 156), 'checksum');
  } catch {
    return false;
  }
  return want === unsigned || want === signed;
}

/** PAX records: "LEN key=value\n", LEN counting the whole record. */
function paxRecords(body: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    if (body[at] === 0) break;
    const space = body.indexOf(0x20, at);
    const len = space < 0 ? Number.NaN : Number(body.subarray(at, space).toString('latin1'));
    if (!Number.isSafeInteger(len) || len <= space - at + 1 || at + len > body.length || body[at + len - 1] !== 0x0a) throw new TarError('malformed PAX record');
    const rec = body.subarray(space + 1, at + len - 1).toString('utf8');
    const eq = rec.indexOf('=');
    if (eq <= 0) throw new TarError('malformed PAX record');
    const key = rec.slice(0, eq);
    const value = rec.slice(eq + 1);
    if (value === '') out.delete(key);
    else out.set(key, value);
    at += len;
  }
  return out;
}

const TYPES: Record<string, TarType> = { '0': 'file', '\0': 'file', '7': 'contiguous-file', '1': 'link', '2': 'symlink', '3': 'character-device', '4': 'block-device', '5': 'directory', '6': 'fifo' };

/** Every entry of a tar stream, in order, until its end-of-archive blocks (or the end of the source). */
export async function readTar(source: AsyncIterator<Buffer>, onEntry: TarEntryHandler): Promise<void> {
  const r = new ByteReader(source);
  let pax: Map<string, string> | undefined;
  let longName: string | undefined;
  let longLink: string | undefined;
  const meta = async (size: number, what: string): Promise<Buffer> => {
    if (size > MAX_META) throw new TarError(`a ${what} of ${size} bytes is larger than ${MAX_META} bytes`);
    const body = (await r.take(size)) ?? Buffer.alloc(0);
    if (body.length < size) throw new TarError('the archive ends in a record');
    if (!(await r.skip((BLOCK - (size % BLOCK)) % BLOCK))) throw new TarError('the archive ends in a record');
    return body;
  };
  for (;;) {
    const h = await r.take(BLOCK);
    if (h === null) return;
    if (h.every((b) => b === 0)) {
      const next = await r.take(BLOCK).catch(() => null);
      if (next === null || next.every((b) => b === 0)) return;
      throw new TarError('a zero block followed by a header: the archive is corrupt');
    }
    if (!checksumOk(h)) throw new TarError(`invalid tar header checksum at byte ${r.offset - BLOCK}`);
    const flag = String.fromCharCode(h[156] ?? 0);
    let size = numeric(h.subarray(124, 136), 'size');
    if (flag === 'x') {
      pax = paxRecords(await meta(size, 'PAX header'));
      continue;
    }
    if (flag === 'g') {
      await meta(size, 'PAX global header');
      continue;
    }
    if (flag === 'L' || flag === 'K') {
      const value = cstring(await meta(size, 'GNU long name'));
      if (flag === 'L') longName = value;
      else longLink = value;
      continue;
    }
    const magic = h.subarray(257, 263).toString('latin1');
    const version = h.subarray(263, 265).toString('latin1');
    let name = cstring(h.subarray(0, 100));
    if (magic === 'ustar\0' && version === '00') {
      const prefix = cstring(h.subarray(345, 500));
      if (prefix !== '') name = `${prefix}/${name}`;
    }
    let linkname = cstring(h.subarray(157, 257));
    let uid = numeric(h.subarray(108, 116), 'uid');
    let gid = numeric(h.subarray(116, 124), 'gid');
    if (pax) {
      name = pax.get('path') ?? name;
      linkname = pax.get('linkpath') ?? linkname;
      const num = (k: string, v: number) => {
        const s = pax?.get(k);
        if (s === undefined) return v;
        if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s))) throw new TarError(`invalid PAX ${k}`);
        return Number(s);
      };
      size = num('size', size);
      uid = num('uid', uid);
      gid = num('gid', gid);
    }
    if (longName !== undefined) name = longName;
    if (longLink !== undefined) linkname = longLink;
    pax = undefined;
    longName = undefined;
    longLink = undefined;
    let type: TarType = TYPES[flag] ?? 'other';
    if (flag === '\0' && name.endsWith('/')) type = 'directory';
    // Links, devices, FIFOs and directories carry no body whatever their size field says (as in Go).
    if (!['file', 'contiguous-file', 'other'].includes(type)) size = 0;
    const entry: TarEntry = { name, type, mode: numeric(h.subarray(100, 108), 'mode'), uid, gid, size, linkname, dataOffset: r.offset };
    let consumed = 0;
    const read = async (): Promise<Buffer> => {
      if (consumed > 0) throw new TarError('an entry body was read twice');
      const body = (await r.take(size)) ?? Buffer.alloc(0);
      if (body.length < size) throw new TarError('the archive ends in the middle of an entry');
      consumed = size;
      return Buffer.from(body);
    };
    const pending = onEntry(entry, read);
    if (pending !== undefined) await pending;
    if (!(await r.skip(size - consumed + ((BLOCK - (size % BLOCK)) % BLOCK)))) throw new TarError('the archive ends in the middle of an entry');
  }
}
