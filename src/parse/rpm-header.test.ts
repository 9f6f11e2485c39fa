import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import initSqlJs from 'sql.js';
import { readRpmHeader, rpmVersionString } from './rpm-header.ts';
import { rpmPackageFromSqlite } from './rpmdb-sqlite.ts';

type Entry = { tag: number; type: number; data: Uint8Array; count?: number; offset?: number };

const str = (s: string) => new TextEncoder().encode(`${s}\0`);
const int32 = (n: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
};

/** A header blob as rpm stores it: il, dl, the index entries (big endian), then the data store. */
function header(entries: Entry[], override: { il?: number; dl?: number } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const index = new Uint8Array(entries.length * 16);
  const view = new DataView(index.buffer);
  entries.forEach((e, i) => {
    // INT32 data is 4-byte aligned in rpm's data store.
    if (e.type === 4 && offset % 4 !== 0) {
      parts.push(new Uint8Array(4 - (offset % 4)));
      offset += 4 - (offset % 4);
    }
    view.setUint32(i * 16, e.tag);
    view.setUint32(i * 16 + 4, e.type);
    view.setUint32(i * 16 + 8, e.offset ?? offset);
    view.setUint32(i * 16 + 12, e.count ?? 1);
    parts.push(e.data);
    offset += e.data.length;
  });
  const data = new Uint8Array(offset);
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  const blob = new Uint8Array(8 + index.length + data.length);
  const bv = new DataView(blob.buffer);
  bv.setUint32(0, override.il ?? entries.length);
  bv.setUint32(4, override.dl ?? data.length);
  blob.set(index, 8);
  blob.set(data, 8 + index.length);
  return blob;
}

const rsync = (version: string, release: string, epoch?: number) =>
  header([
    { tag: 63, type: 7, data: new Uint8Array(16), count: 16 },
    { tag: 1000, type: 6, data: str('rsync') },
    { tag: 1001, type: 6, data: str(version) },
    { tag: 1002, type: 6, data: str(release) },
    ...(epoch === undefined ? [] : [{ tag: 1003, type: 4, data: int32(epoch) }]),
  ]);

const blob = suite('readRpmHeader');

blob('name, version, release and epoch', () => {
  const r = readRpmHeader(rsync('3.4.1', '2.el9_5.1'));
  assert.equal(r, { ok: true, value: { name: 'rsync', epoch: null, version: '3.4.1', release: '2.el9_5.1' } });
  const e = readRpmHeader(rsync('3.2.3', '20.el9', 1));
  assert.ok(e.ok);
  if (e.ok) assert.is(rpmVersionString(e.value), '1:3.2.3-20.el9');
  if (r.ok) assert.is(rpmVersionString(r.value), '3.4.1-2.el9_5.1');
});

blob('truncated blobs', () => {
  const whole = rsync('3.4.1', '1.el9');
  for (const n of [0, 3, 8, 20, whole.length - 1]) assert.not.ok(readRpmHeader(whole.subarray(0, n)).ok, `${n} bytes`);
});

blob('huge counts and lengths are refused before use', () => {
  const base = [{ tag: 1000, type: 6, data: str('rsync') }];
  assert.match(String((readRpmHeader(header(base, { il: 0xffffffff })) as { error: string }).error), /index entries/);
  assert.match(String((readRpmHeader(header(base, { il: 0x10000 })) as { error: string }).error), /index entries/);
  assert.match(String((readRpmHeader(header(base, { dl: 0x7fffffff })) as { error: string }).error), /bytes of data/);
  assert.match(String((readRpmHeader(header(base, { il: 5000 })) as { error: string }).error), /more than its/);
});

blob('offsets outside the data, strings without an end, wrong types', () => {
  const bad = (entries: Entry[]) => readRpmHeader(header(entries));
  const name = { tag: 1000, type: 6, data: str('rsync') };
  const ver = { tag: 1001, type: 6, data: str('3.4.1') };
  assert.not.ok(bad([name, ver, { tag: 1002, type: 6, data: str('1'), offset: 0x7ffffff0 }]).ok);
  assert.not.ok(bad([name, ver, { tag: 1002, type: 6, data: new TextEncoder().encode('no-nul') }]).ok);
  assert.not.ok(bad([name, ver, { tag: 1002, type: 4, data: int32(1) }]).ok);
  assert.not.ok(bad([name, ver, { tag: 1002, type: 6, data: str('1') }, { tag: 1003, type: 4, data: int32(1), offset: 0x7ffffff0 }]).ok);
  assert.not.ok(bad([name, ver, { tag: 1002, type: 6, data: str('1\u001b[31m') }]).ok);
  assert.not.ok(bad([name, ver, { tag: 1002, type: 6, data: str('x'.repeat(5000)) }]).ok);
  assert.not.ok(bad([name, ver]).ok);
});

const sqlite = suite('rpmPackageFromSqlite');

async function database(blobs: (Uint8Array | string)[]): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)');
  for (const b of blobs) db.run('INSERT INTO Packages (blob) VALUES (?)', [b]);
  const bytes = db.export();
  db.close();
  return bytes;
}

sqlite('finds rsync among other packages, skipping broken headers', async () => {
  const other = header([
    { tag: 1000, type: 6, data: str('bash') },
    { tag: 1001, type: 6, data: str('5.1.8') },
    { tag: 1002, type: 6, data: str('9.el9') },
  ]);
  const r = await rpmPackageFromSqlite(await database([other, new Uint8Array([1, 2, 3]), 'text', rsync('3.4.1', '2.el9_5.1')]), 'rsync');
  assert.equal(r, { ok: true, value: { name: 'rsync', epoch: null, version: '3.4.1', release: '2.el9_5.1' }, skipped: 2 });
});

sqlite('no rsync, or headers it could not read', async () => {
  assert.equal(await rpmPackageFromSqlite(await database([]), 'rsync'), { ok: true, value: null, skipped: 0 });
  assert.equal(await rpmPackageFromSqlite(await database([new Uint8Array(9)]), 'rsync'), { ok: true, value: null, skipped: 1 });
});

sqlite('not a database, a corrupted one, one without the table', async () => {
  assert.not.ok((await rpmPackageFromSqlite(new TextEncoder().encode('hello'), 'rsync')).ok);
  const good = await database([rsync('3.4.1', '1')]);
  const corrupt = good.slice();
  corrupt.fill(0xff, 100, corrupt.length);
  assert.not.ok((await rpmPackageFromSqlite(corrupt, 'rsync')).ok);
  assert.not.ok((await rpmPackageFromSqlite(good.subarray(0, 1024), 'rsync')).ok);
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE Other (x)');
  const r = await rpmPackageFromSqlite(db.export(), 'rsync');
  assert.not.ok(r.ok);
  if (!r.ok) assert.match(r.error, /no such table/);
});

blob.run();
sqlite.run();
