/**
 * The rpm database of RHEL 9+, Fedora and Amazon Linux 2023: an SQLite file (rpmdb.sqlite) whose Packages
 * table holds one header blob per installed package. Node 20 has no SQLite, so sql.js (SQLite compiled to
 * WebAssembly) opens it in memory; its .wasm ships beside the bundle (scripts/build.mjs) or comes from
 * node_modules when running from source. The file comes from an image: SQLite refuses a malformed one
 * with an error, and the rows and bytes read are capped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { readRpmHeader, type RpmPackage } from './rpm-header.ts';

/** More rows than any real system has packages: a bigger table is not read to the end. */
const MAX_ROWS = 100_000;
const SQLITE_MAGIC = 'SQLite format 3\0';
const WASM = 'sql-wasm.wasm';

export type RpmdbResult = { ok: true; value: RpmPackage | null; skipped: number } | { ok: false; error: string };

let engine: Promise<initSqlJs.SqlJsStatic> | undefined;

/** dist/sql-wasm.wasm beside the bundle, else sql.js's own copy in node_modules. */
function wasmBytes(): Uint8Array {
  const beside = join(dirname(fileURLToPath(import.meta.url)), WASM);
  if (existsSync(beside)) return readFileSync(beside);
  return readFileSync(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'));
}

function sqlite(): Promise<initSqlJs.SqlJsStatic> {
  engine ??= Promise.resolve().then(() => {
    const bytes = wasmBytes();
    return initSqlJs({ wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
  });
  return engine;
}

/**
 * The installed package `name` (the first whose header names it), null when none is, or why the database
 * could not be read. `skipped` counts headers that could not be parsed: a package among them is not known.
 */
export async function rpmPackageFromSqlite(bytes: Uint8Array, name: string): Promise<RpmdbResult> {
  if (bytes.length < 100 || new TextDecoder('latin1').decode(bytes.subarray(0, 16)) !== SQLITE_MAGIC) return { ok: false, error: 'not an SQLite database' };
  let SQL: initSqlJs.SqlJsStatic;
  try {
    SQL = await sqlite();
  } catch (e) {
    return { ok: false, error: `the SQLite engine (sql.js) could not start: ${e instanceof Error ? e.message : String(e)}` };
  }
  let db: initSqlJs.Database | undefined;
  try {
    db = new SQL.Database(bytes);
    const stmt = db.prepare('SELECT blob FROM Packages');
    let skipped = 0;
    let rows = 0;
    let found: RpmPackage | null = null;
    try {
      while (found === null && stmt.step()) {
        if (++rows > MAX_ROWS) return { ok: false, error: `more than ${MAX_ROWS} packages; not read to the end` };
        const [blob] = stmt.get();
        if (!(blob instanceof Uint8Array)) {
          skipped++;
          continue;
        }
        const header = readRpmHeader(blob);
        if (!header.ok) skipped++;
        else if (header.value.name === name) found = header.value;
      }
    } finally {
      stmt.free();
    }
    return { ok: true, value: found, skipped };
  } catch (e) {
    return { ok: false, error: `SQLite: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    db?.close();
  }
}
