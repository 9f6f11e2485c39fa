import { Readable } from 'node:stream';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { indexLayers } from './layer-index.ts';
import type { LayerSource } from './layer-stream.ts';

type Entry = { name: string; body?: string; type?: 'file' | 'symlink' | 'link'; linkname?: string; mode?: number };

const TYPEFLAG = { file: '0', link: '1', symlink: '2' } as const;

/** One ustar header, written by hand: src/ reads layers with its own reader and writes none. */
function header(e: Entry, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(e.name, 0);
  h.write(`${(e.mode ?? 0o644).toString(8).padStart(7, '0')}\0`, 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(TYPEFLAG[e.type ?? 'file'], 156);
  h.write(e.linkname ?? '', 157);
  h.write('ustar\u000000', 257);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/** An uncompressed layer tar of these entries, served as a layer (no digest to check: a test stands in for one). */
function layer(digest: string, entries: Entry[]): LayerSource {
  const parts = entries.flatMap((e) => {
    const body = Buffer.from(e.body ?? '');
    return [header(e, body.length), body, Buffer.alloc((512 - (body.length % 512)) % 512)];
  });
  const tar = Buffer.concat([...parts, Buffer.alloc(1024)]);
  return { digest, open: () => Promise.resolve(Readable.from([tar])) };
}

const CONF = '[p]\n path=/srv\n auth users=alice\n secrets file=/etc/rsyncd.secrets\n hosts allow=10.0.0.0/8\n';
const PASSWORD = 'alice:Sup3rS3cretPW\n';
/** What src/parse supplies, reduced: the `secrets file` of a config at etc/rsyncd.conf. */
const namesSecrets = (path: string, bytes: Buffer): string[] => (path === 'etc/rsyncd.conf' ? [...bytes.toString().matchAll(/secrets file\s*=\s*(\S+)/g)].map((m) => m[1] ?? '') : []);
const index = (layers: LayerSource[]) => indexLayers(layers, (p) => p.startsWith('etc/'), undefined, undefined, namesSecrets);

const named = suite('indexLayers: secrets files a layer config names');

named('a secrets file behind a symlink is seen as the file it resolves to inside the image, whatever its name', async () => {
  const image = await index([
    layer('sha256:l1', [
      { name: 'etc/rsyncd.conf', body: CONF },
      { name: 'data/real', body: PASSWORD, mode: 0o600 },
      { name: 'etc/rsyncd.secrets', type: 'symlink', linkname: '../data/real' },
    ]),
  ]);
  assert.equal(image.secrets, [{ path: 'data/real', layer: 'sha256:l1', deleted_later: false }]);
  assert.equal(
    image.namers.map((n) => [n.path, n.layer]),
    [['etc/rsyncd.conf', 'sha256:l1']],
  );
});

named('a link that climbs out of the image is resolved inside it, never outside', async () => {
  const image = await index([
    layer('sha256:l1', [
      { name: 'etc/rsyncd.conf', body: CONF },
      { name: 'tmp/host-secrets', body: PASSWORD },
      { name: 'etc/rsyncd.secrets', type: 'symlink', linkname: '../../../../tmp/host-secrets' },
    ]),
  ]);
  assert.equal(image.secrets, [{ path: 'tmp/host-secrets', layer: 'sha256:l1', deleted_later: false }]);
});

named('a secrets file deleted by a later layer with the config that named it is still seen in its layer', async () => {
  const image = await index([
    layer('sha256:l1', [
      { name: 'etc/rsyncd.conf', body: CONF },
      { name: 'data/real', body: PASSWORD },
      { name: 'etc/rsyncd.secrets', type: 'symlink', linkname: '/data/real' },
    ]),
    layer('sha256:l2', [
      { name: 'etc/.wh.rsyncd.conf', body: '' },
      { name: 'etc/.wh.rsyncd.secrets', body: '' },
      { name: '.wh.data', body: '' },
    ]),
  ]);
  assert.equal(image.secrets, [{ path: 'data/real', layer: 'sha256:l1', deleted_later: true }]);
  assert.equal(
    image.namers.map((n) => [n.path, n.layer]),
    [['etc/rsyncd.conf', 'sha256:l1']],
  );
});

named('a secrets file written in a later layer than its config is seen in the layer that wrote it', async () => {
  const image = await index([
    layer('sha256:l1', [{ name: 'etc/rsyncd.conf', body: CONF }]),
    layer('sha256:l2', [
      { name: 'srv/pw', body: PASSWORD },
      { name: 'etc/rsyncd.secrets', type: 'link', linkname: 'srv/pw' },
    ]),
  ]);
  assert.equal(
    image.secrets.map((s) => [s.path, s.layer]),
    [['etc/rsyncd.secrets', 'sha256:l2']],
  );
});

named.run();
