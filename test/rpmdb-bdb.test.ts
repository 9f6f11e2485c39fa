import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { rpmPackageFromBdb } from '../src/parse/index.ts';

/** Written by Berkeley DB itself (db5.3_load) from headers Debian's rpm wrote: test/fixtures/rpmdb/make.sh. 512-byte pages. */
const FIXTURE = readFileSync(new URL('fixtures/rpmdb/Packages.bdb', import.meta.url));
const PAGE = 512;
const types = () => Array.from({ length: FIXTURE.length / PAGE }, (_, i) => FIXTURE[i * PAGE + 25]);
const firstOf = (type: number) => types().indexOf(type);

const copy = () => Buffer.from(FIXTURE);
const errorOf = (bytes: Uint8Array) => {
  const r = rpmPackageFromBdb(bytes, 'rsync');
  return r.ok ? `ok: ${JSON.stringify(r.value)}` : r.error;
};

const bdb = suite('rpmPackageFromBdb');

bdb('every package of a real Berkeley DB hash file, headers along overflow chains', () => {
  assert.equal(types().slice(0, 4), [8, 13, 13, 7], 'metadata, hash pages, overflow pages');
  assert.equal(rpmPackageFromBdb(FIXTURE, 'rsync'), { ok: true, value: { name: 'rsync', epoch: 2, version: '3.2.3', release: '20.el9_5.1' }, skipped: 0 });
  assert.equal(rpmPackageFromBdb(FIXTURE, 'bash'), { ok: true, value: { name: 'bash', epoch: null, version: '5.1.8', release: '9.el9' }, skipped: 0 });
  assert.equal(rpmPackageFromBdb(FIXTURE, 'nothing'), { ok: true, value: null, skipped: 0 });
});

bdb('not a hash database, encrypted, odd page sizes', () => {
  assert.match(errorOf(new Uint8Array(100)), 'shorter');
  assert.match(errorOf(new Uint8Array(4096)), 'not a Berkeley DB hash database');
  const encrypted = copy();
  encrypted[24] = 1;
  assert.match(errorOf(encrypted), 'encrypted');
  for (const size of [0, 100, 1000, 1 << 20, 0xffffffff]) {
    const odd = copy();
    odd.writeUInt32LE(size, 20);
    assert.match(errorOf(odd), 'page size');
  }
});

bdb('a truncated file, or one whose last page lies past its end, is refused, not read in part', () => {
  for (const n of [512, 1024, 2048, FIXTURE.length - 1]) assert.match(errorOf(FIXTURE.subarray(0, n)), 'ends before its last page', `${n} bytes`);
  const far = copy();
  far.writeUInt32LE(0xffffffff, 32);
  assert.match(errorOf(far), 'ends before its last page');
});

bdb('huge item counts, items outside the page, overflow lengths and chains that lie', () => {
  const hash = firstOf(13) * PAGE;
  const many = copy();
  many.writeUInt16LE(0xffff, hash + 20);
  assert.match(errorOf(many), 'more than fit');
  const outside = copy();
  outside.writeUInt16LE(0xfff0, hash + 26 + 2);
  assert.match(errorOf(outside), 'outside its page');
  // The first value item: an off-page item (type 3) with its page number and total length.
  const item = hash + copy().readUInt16LE(hash + 26 + 2);
  assert.is(FIXTURE[item], 3);
  const huge = copy();
  huge.writeUInt32LE(0x7fffffff, item + 8);
  assert.match(errorOf(huge), 'off-page item of');
  const loop = copy();
  const first = loop.readUInt32LE(item + 4);
  loop.writeUInt32LE(first, first * PAGE + 16);
  assert.match(errorOf(loop), 'overflow chain breaks');
  const nowhere = copy();
  nowhere.writeUInt32LE(999_999, item + 4);
  assert.match(errorOf(nowhere), 'overflow chain breaks');
  const notOverflow = copy();
  notOverflow.writeUInt32LE(firstOf(13), item + 4);
  assert.match(errorOf(notOverflow), 'not an overflow page');
  const claims = copy();
  claims.writeUInt16LE(4000, first * PAGE + 22);
  assert.match(errorOf(claims), 'claims 4000 bytes');
});

bdb('shared overflow chains cannot multiply the work', () => {
  // Every off-page item pointed at one chain: each would yield the same bytes again.
  const shared = copy();
  const hash = firstOf(13) * PAGE;
  const target = shared.readUInt32LE(hash + shared.readUInt16LE(hash + 28) + 4);
  const length = shared.readUInt32LE(hash + shared.readUInt16LE(hash + 28) + 8);
  for (const page of types().flatMap((t, i) => (t === 13 ? [i * PAGE] : []))) {
    const entries = shared.readUInt16LE(page + 20);
    for (let i = 1; i < entries; i += 2) {
      const at = page + shared.readUInt16LE(page + 26 + i * 2);
      shared.writeUInt32LE(target, at + 4);
      shared.writeUInt32LE(length, at + 8);
    }
  }
  const r = rpmPackageFromBdb(shared, 'nothing');
  assert.ok(r.ok || /more bytes than the file/.test(r.error));
});

bdb.run();
