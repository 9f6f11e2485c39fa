/**
 * Image scan: a generated image with more than 500 MB of (gzip) layers, scanned end to end in a new
 * process, against `gzip -dc` of the same layers; and the scan's peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { pack } from 'tar-stream';
import { fmt, repeat, type Row } from './stats.ts';

const LAYERS = 3;
const FILES_PER_LAYER = 90;
const FILE_BYTES = 2 << 20;

/** One gzip layer of mostly incompressible files (so the layers really weigh what they say), plus the config. */
async function writeLayer(path: string, index: number): Promise<void> {
  const p = pack();
  const out = createWriteStream(path);
  const done = new Promise<void>((ok, ko) => {
    out.on('finish', () => ok());
    out.on('error', ko);
  });
  p.pipe(createGzip({ level: 1 })).pipe(out);
  if (index === 0) p.entry({ name: 'etc/rsyncd.conf' }, '[pub]\n    path = /srv\n    read only = no\n');
  for (let i = 0; i < FILES_PER_LAYER; i++) {
    await new Promise<void>((ok, ko) => p.entry({ name: `opt/data${index}/blob${i}.bin`, size: FILE_BYTES }, randomBytes(FILE_BYTES), (e) => (e ? ko(e) : ok())));
  }
  p.finalize();
  await done;
}

function digestOf(path: string): string {
  return `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
}

async function buildLayout(dir: string): Promise<{ layers: string[]; bytes: number }> {
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  const layers: string[] = [];
  let bytes = 0;
  for (let i = 0; i < LAYERS; i++) {
    const tmp = join(dir, `layer${i}.tgz`);
    await writeLayer(tmp, i);
    const digest = digestOf(tmp);
    const blob = join(dir, 'blobs', 'sha256', digest.slice(7));
    renameSync(tmp, blob);
    layers.push(blob);
    bytes += readFileSync(blob).length;
  }
  const put = (b: Buffer) => {
    const d = `sha256:${createHash('sha256').update(b).digest('hex')}`;
    writeFileSync(join(dir, 'blobs', 'sha256', d.slice(7)), b);
    return d;
  };
  const config = put(Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Entrypoint: ['rsync', '--daemon'] }, rootfs: { type: 'layers', diff_ids: [] } })));
  const manifest = put(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config, size: 0 },
        layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: `sha256:${l.split('/').pop()}`, size: 0 })),
      }),
    ),
  );
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: manifest, size: 0 }] }));
  return { layers, bytes };
}

/** A layer of 60k small files, then one of 20k whiteouts: the merge must stay linear (it was 91 s of CPU). */
export async function buildWhiteoutLayout(dir: string): Promise<void> {
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  const tar = (fill: (p: ReturnType<typeof pack>) => void) =>
    new Promise<Buffer>((ok) => {
      const p = pack();
      const chunks: Buffer[] = [];
      p.on('data', (c: unknown) => chunks.push(Buffer.from(c as Uint8Array)));
      p.on('end', () => ok(Buffer.concat(chunks)));
      fill(p);
      p.finalize();
    });
  const files = await tar((p) => {
    p.entry({ name: 'etc/rsyncd.conf' }, '[pub]\n    path = /srv\n    read only = no\n');
    for (let i = 0; i < 60_000; i++) p.entry({ name: `usr/share/d${i % 300}/f${i}` }, '');
  });
  const whiteouts = await tar((p) => {
    for (let i = 0; i < 20_000; i++) p.entry({ name: `usr/share/d${i % 300}/.wh.f${i}` }, '');
  });
  const put = (b: Buffer) => {
    const d = `sha256:${createHash('sha256').update(b).digest('hex')}`;
    writeFileSync(join(dir, 'blobs', 'sha256', d.slice(7)), b);
    return d;
  };
  const layers = [files, whiteouts].map(put);
  const config = put(Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [] } })));
  const manifest = put(
    Buffer.from(
      JSON.stringify({ schemaVersion: 2, config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config, size: 0 }, layers: layers.map((d) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: d, size: 0 })) }),
    ),
  );
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: manifest, size: 0 }] }));
}

export async function benchWhiteouts(rows: Row[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rg-bench-whiteouts-'));
  try {
    await buildWhiteoutLayout(dir);
    const m = await repeat(3, () => {
      const t = performance.now();
      spawnSync(process.execPath, ['dist/cli.js', 'image', `oci:${dir}`, '--fail-on', 'none'], { encoding: 'utf8' });
      return (performance.now() - t) / 1000;
    });
    rows.push({ benchmark: 'image scan, 60k files + 20k whiteouts', figure: fmt(m, 2, ' s'), goal: '≤ 5 s', met: m.median <= 5, note: 'whiteouts unlink subtrees of a tree: linear (was 91 s of CPU)' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchImage(rows: Row[]): Promise<void> {
  await benchWhiteouts(rows);
  const dir = mkdtempSync(join(tmpdir(), 'rg-bench-image-'));
  try {
    const { layers, bytes } = await buildLayout(dir);
    const gunzip = await repeat(3, () => {
      const t = performance.now();
      for (const l of layers) spawnSync('sh', ['-c', `gzip -dc < '${l}' > /dev/null`]);
      return (performance.now() - t) / 1000;
    });
    let rss = 0;
    const scan = await repeat(3, () => {
      const t = performance.now();
      const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, 'dist/cli.js', 'image', `oci:${dir}`, '--fail-on', 'none'], { encoding: 'utf8' });
      rss = Math.max(rss, Number(/(\d+)\s*$/.exec(r.stderr.trim())?.[1] ?? 0) / 1024);
      return (performance.now() - t) / 1000;
    });
    const ratio = scan.median / gunzip.median;
    rows.push({ benchmark: `image scan, ${(bytes / 1e6).toFixed(0)} MB of gzip layers`, figure: `${fmt(scan, 2, ' s')}; gzip -dc ${fmt(gunzip, 2, ' s')}`, goal: '', met: null, note: '' });
    rows.push({ benchmark: 'image scan ÷ gzip -dc', figure: `${ratio.toFixed(2)}×`, goal: '≤ 1.3×', met: ratio <= 1.3, note: 'one pass per layer: sha256 + inflate + tar, in one thread' });
    rows.push({ benchmark: 'image scan peak RSS', figure: `${rss.toFixed(0)} MB`, goal: '≤ 200 MB', met: rss <= 200, note: 'only files of interest are kept' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
