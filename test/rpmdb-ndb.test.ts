import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { rpmPackageFromNdb } from '../src/parse/index.ts';
import { ndbFile, rpmHeader } from './support/rpm-ndb.ts';

const DB = ndbFile([rpmHeader({ name: 'bash', version: '4.4', release: '150400.25.3' }), rpmHeader({ name: 'rsync', version: '3.2.7', release: '150600.3.3.1', epoch: 1 })]);
const errorOf = (bytes: Uint8Array) => {
  const r = rpmPackageFromNdb(bytes, 'rsync');
  return r.ok ? `ok: ${JSON.stringify(r.value)}` : r.error;
};
const copy = () => Buffer.from(DB);
const SLOT1 = 32;
const SLOT2 = 48;

const ndb = suite('rpmPackageFromNdb');

ndb('finds a package by name among the blobs', () => {
  assert.equal(rpmPackageFromNdb(DB, 'rsync'), { ok: true, value: { name: 'rsync', epoch: 1, version: '3.2.7', release: '150600.3.3.1' }, skipped: 0 });
  assert.equal(rpmPackageFromNdb(DB, 'nothing'), { ok: true, value: null, skipped: 0 });
});

ndb('not an ndb file, another version, a truncated one', () => {
  assert.match(errorOf(Buffer.alloc(100)), 'shorter');
  assert.match(errorOf(Buffer.alloc(8192)), 'not an rpm ndb database');
  const v = copy();
  v.writeUInt32LE(1, 4);
  assert.match(errorOf(v), 'ndb version 1');
  assert.match(errorOf(DB.subarray(0, DB.length - 16)), 'points outside the file');
  assert.match(errorOf(DB.subarray(0, DB.length - 1)), 'whole number of blocks');
});

ndb('huge counts and offsets, overlapping blobs, broken heads, tails and checksums', () => {
  const pages = copy();
  pages.writeUInt32LE(0xffffffff, 12);
  assert.match(errorOf(pages), 'slot pages');
  const far = copy();
  far.writeUInt32LE(0xfffffff0, SLOT2 + 8);
  assert.match(errorOf(far), 'points outside');
  const huge = copy();
  huge.writeUInt32LE(0xffffffff, SLOT2 + 12);
  assert.match(errorOf(huge), 'points outside');
  const inSlots = copy();
  inSlots.writeUInt32LE(1, SLOT2 + 8);
  assert.match(errorOf(inSlots), 'points outside');
  const overlap = copy();
  for (let at = SLOT2; at < 4096; at += 16) {
    overlap.copy(overlap, at + 4, SLOT1 + 4, SLOT1 + 16);
  }
  assert.match(errorOf(overlap), 'blobs overlap');
  const slot = copy();
  slot.write('Slob', SLOT2, 'latin1');
  assert.match(errorOf(slot), 'no slot magic');
  const start = copy().readUInt32LE(SLOT2 + 8) * 16;
  const head = copy();
  head.writeUInt32LE(7, start + 4);
  assert.match(errorOf(head), 'no blob head');
  const length = copy();
  length.writeUInt32LE(0x7fffffff, start + 12);
  assert.match(errorOf(length), /a blob of \d+ bytes/);
  const sum = copy();
  sum[start + 20] = (sum[start + 20] ?? 0) ^ 0xff;
  assert.match(errorOf(sum), 'checksum');
  const tail = copy();
  tail.write('BlbX', tail.length - 4, 'latin1');
  assert.match(errorOf(tail), 'tail');
});

ndb('a header inside that cannot be parsed is counted, not guessed', () => {
  const r = rpmPackageFromNdb(ndbFile([Buffer.from('not a header at all')]), 'rsync');
  assert.equal(r, { ok: true, value: null, skipped: 1 });
});

ndb.run();
