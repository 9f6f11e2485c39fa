#!/usr/bin/env node
import { createRequire as __rgCreateRequire } from 'node:module';
import { fileURLToPath as __rgFileURLToPath } from 'node:url';
const require = __rgCreateRequire(import.meta.url);
const __rgDirname = __rgFileURLToPath(new URL('.', import.meta.url));
import {
  EXIT_ERROR,
  UserError,
  errorMessage,
  escapeControls,
  systemErrorCode
} from "./chunk-ARSZWGJY.js";

// src/sources/image/tar-reader.ts
var MAX_META = 1 << 20;
var BLOCK = 512;
var TarError = class extends Error {
};
var ByteReader = class {
  constructor(source) {
    this.source = source;
  }
  source;
  chunks = [];
  have = 0;
  /** Bytes consumed so far. */
  offset = 0;
  async fill(n) {
    while (this.have < n) {
      const r = await this.source.next();
      if (r.done) return false;
      const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
      if (b.length === 0) continue;
      this.chunks.push(b);
      this.have += b.length;
    }
    return true;
  }
  /** Exactly n bytes; null at a clean end (no byte left); an error when it ends part way. */
  async take(n) {
    if (!await this.fill(n)) {
      if (this.have === 0) return null;
      throw new TarError(`the archive ends in the middle of a ${n === BLOCK ? "header" : "record"}`);
    }
    const first = this.chunks[0];
    let out;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const c = this.chunks[0];
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
  async skip(n) {
    let left = n;
    while (left > 0) {
      if (this.have === 0 && !await this.fill(1)) return false;
      const c = this.chunks[0];
      const k = Math.min(c.length, left);
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
      this.have -= k;
      this.offset += k;
      left -= k;
    }
    return true;
  }
};
var cstring = (b) => {
  const nul = b.indexOf(0);
  return b.subarray(0, nul < 0 ? b.length : nul).toString("utf8");
};
function numeric(b, field) {
  if (b.length > 0 && ((b[0] ?? 0) & 128) !== 0) {
    if (b[0] === 255) throw new TarError(`negative ${field} in a tar header`);
    let v2 = (b[0] ?? 0) & 127;
    for (let i = 1; i < b.length; i++) {
      v2 = v2 * 256 + (b[i] ?? 0);
      if (v2 > Number.MAX_SAFE_INTEGER) throw new TarError(`${field} too large in a tar header`);
    }
    return v2;
  }
  const s = b.toString("latin1").replace(/^[ \0]+|[ \0]+$/g, "");
  if (s === "") return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarError(`invalid ${field} in a tar header`);
  const v = parseInt(s, 8);
  if (!Number.isSafeInteger(v)) throw new TarError(`${field} too large in a tar header`);
  return v;
}
function checksumOk(h) {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const c = i >= 148 && i < 156 ? 32 : h[i] ?? 0;
    unsigned += c;
    signed += c > 127 ? c - 256 : c;
  }
  let want;
  try {
    want = numeric(h.subarray(148, 156), "checksum");
  } catch {
    return false;
  }
  return want === unsigned || want === signed;
}
function paxRecords(body) {
  const out = /* @__PURE__ */ new Map();
  let at = 0;
  while (at < body.length) {
    if (body[at] === 0) break;
    const space = body.indexOf(32, at);
    const len = space < 0 ? Number.NaN : Number(body.subarray(at, space).toString("latin1"));
    if (!Number.isSafeInteger(len) || len <= space - at + 1 || at + len > body.length || body[at + len - 1] !== 10) throw new TarError("malformed PAX record");
    const rec = body.subarray(space + 1, at + len - 1).toString("utf8");
    const eq = rec.indexOf("=");
    if (eq <= 0) throw new TarError("malformed PAX record");
    const key = rec.slice(0, eq);
    const value = rec.slice(eq + 1);
    if (value === "") out.delete(key);
    else out.set(key, value);
    at += len;
  }
  return out;
}
var TYPES = { "0": "file", "\0": "file", "7": "contiguous-file", "1": "link", "2": "symlink", "3": "character-device", "4": "block-device", "5": "directory", "6": "fifo" };
async function readTar(source, onEntry) {
  const r = new ByteReader(source);
  let pax;
  let longName;
  let longLink;
  const meta = async (size, what) => {
    if (size > MAX_META) throw new TarError(`a ${what} of ${size} bytes is larger than ${MAX_META} bytes`);
    const body = await r.take(size) ?? Buffer.alloc(0);
    if (body.length < size) throw new TarError("the archive ends in a record");
    if (!await r.skip((BLOCK - size % BLOCK) % BLOCK)) throw new TarError("the archive ends in a record");
    return body;
  };
  for (; ; ) {
    const h = await r.take(BLOCK);
    if (h === null) return;
    if (h.every((b) => b === 0)) {
      const next = await r.take(BLOCK).catch(() => null);
      if (next === null || next.every((b) => b === 0)) return;
      throw new TarError("a zero block followed by a header: the archive is corrupt");
    }
    if (!checksumOk(h)) throw new TarError(`invalid tar header checksum at byte ${r.offset - BLOCK}`);
    const flag = String.fromCharCode(h[156] ?? 0);
    let size = numeric(h.subarray(124, 136), "size");
    if (flag === "x") {
      pax = paxRecords(await meta(size, "PAX header"));
      continue;
    }
    if (flag === "g") {
      await meta(size, "PAX global header");
      continue;
    }
    if (flag === "L" || flag === "K") {
      const value = cstring(await meta(size, "GNU long name"));
      if (flag === "L") longName = value;
      else longLink = value;
      continue;
    }
    const magic = h.subarray(257, 263).toString("latin1");
    const version = h.subarray(263, 265).toString("latin1");
    let name = cstring(h.subarray(0, 100));
    if (magic === "ustar\0" && version === "00") {
      const prefix = cstring(h.subarray(345, 500));
      if (prefix !== "") name = `${prefix}/${name}`;
    }
    let linkname = cstring(h.subarray(157, 257));
    let uid = numeric(h.subarray(108, 116), "uid");
    let gid = numeric(h.subarray(116, 124), "gid");
    if (pax) {
      name = pax.get("path") ?? name;
      linkname = pax.get("linkpath") ?? linkname;
      const num = (k, v) => {
        const s = pax?.get(k);
        if (s === void 0) return v;
        if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s))) throw new TarError(`invalid PAX ${k}`);
        return Number(s);
      };
      size = num("size", size);
      uid = num("uid", uid);
      gid = num("gid", gid);
    }
    if (longName !== void 0) name = longName;
    if (longLink !== void 0) linkname = longLink;
    pax = void 0;
    longName = void 0;
    longLink = void 0;
    let type = TYPES[flag] ?? "other";
    if (flag === "\0" && name.endsWith("/")) type = "directory";
    if (!["file", "contiguous-file", "other"].includes(type)) size = 0;
    const entry = { name, type, mode: numeric(h.subarray(100, 108), "mode"), uid, gid, size, linkname, dataOffset: r.offset };
    let consumed = 0;
    const read = async () => {
      if (consumed > 0) throw new TarError("an entry body was read twice");
      const body = await r.take(size) ?? Buffer.alloc(0);
      if (body.length < size) throw new TarError("the archive ends in the middle of an entry");
      consumed = size;
      return Buffer.from(body);
    };
    const pending = onEntry(entry, read);
    if (pending !== void 0) await pending;
    if (!await r.skip(size - consumed + (BLOCK - size % BLOCK) % BLOCK)) throw new TarError("the archive ends in the middle of an entry");
  }
}

// src/sources/image/registry-failure.ts
var EnvironmentFailure = class extends Error {
  kind = "environment";
  name = "EnvironmentFailure";
};
function failureKind(e) {
  return e instanceof EnvironmentFailure ? "environment" : "image";
}
function isReadFailure(e) {
  if (e instanceof EnvironmentFailure || e instanceof TarError) return true;
  if (!(e instanceof Error)) return false;
  return Object.getPrototypeOf(e) === Error.prototype || e.name === "AbortError" || e.name === "TimeoutError";
}
function transportError(e) {
  return e instanceof TypeError || e instanceof Error && (e.name === "AbortError" || e.name === "TimeoutError");
}
var UNAVAILABLE = (status) => status >= 500 || [401, 403, 407, 408, 429].includes(status);

// src/runner/known-failure.ts
function asUserError(e) {
  if (e instanceof UserError) return e;
  if (e instanceof EnvironmentFailure) return new UserError(errorMessage(e), void 0, "Check the network and the service named, then run the command again.");
  if (!(e instanceof Error) || systemErrorCode(e) === void 0) return void 0;
  const port = "port" in e && typeof e.port === "number" ? `:${e.port}` : "";
  const where = "path" in e && typeof e.path === "string" ? e.path : "address" in e && typeof e.address === "string" ? `${e.address}${port}` : void 0;
  return new UserError(errorMessage(e), where, "Check the path or address named, then run the command again.");
}

// src/cli/run-command.ts
async function runCommand(command, argv) {
  let outcome;
  try {
    outcome = await command.run(argv);
  } catch (e) {
    const known = asUserError(e);
    if (known === void 0) throw e;
    outcome = known;
  }
  if (!(outcome instanceof UserError)) return outcome;
  const where = outcome.where ? `${escapeControls(outcome.where)}: ` : "";
  process.stderr.write(`rsyncguard ${command.name}: ${where}${escapeControls(outcome.message)}
${outcome.hint ? `  hint: ${escapeControls(outcome.hint)}
` : ""}`);
  return EXIT_ERROR;
}
function wantsHelp(argv) {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

export {
  TarError,
  readTar,
  EnvironmentFailure,
  failureKind,
  isReadFailure,
  transportError,
  UNAVAILABLE,
  asUserError,
  runCommand,
  wantsHelp
};
