/**
 * Images that attack the reader's budgets (issue 12, items 6, 7 and 9): a gzip archive or a registry layer
 * that would fill the disk, layers walked again and again until the scan runs for hours, `*.conf` filler
 * that crowds the daemon's config out of memory, and limits set to values that are not numbers. Each case
 * builds its own image, small, and lowers a limit through its environment variable instead of writing GiBs.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, runCliAsync, tempTree, type CliRun } from './support/cli.ts';
import { dockerArchive, layerTar, ociLayout, ociLayoutFiles, type Entry, type ImageConfigFields } from './support/images.ts';

const DANGEROUS = '[pub]\npath = /srv\nread only = no\n';
/** More than any disk has free: every free-space check must refuse. */
const HUGE = String(2 ** 52);

const findings = (r: CliRun): string[] => {
  const report = JSON.parse(r.stdout || '{"targets":[]}') as { targets: { findings: { rule_id: string; location: { file: string } | null }[] }[] };
  return report.targets.flatMap((t) => t.findings.map((f) => `${f.rule_id} ${f.location?.file ?? ''}`));
};
const hasPub = (r: CliRun, file: string) => assert.ok(findings(r).includes(`RSYNC-002 ${file}`), `RSYNC-002 ${file} in ${findings(r).join(', ')} (exit ${r.code}) ${r.stderr}`);
const scan = (ref: string, env: Record<string, string> = {}) => runCli(['image', ref, '--format', 'json'], { env, timeoutMs: 60_000 });
const layout = async (layers: Entry[][], config: ImageConfigFields = {}, gzip = false) => ociLayout(tempTree({}, 'rg-budget-'), await Promise.all(layers.map(async (l) => (gzip ? gzipSync(await layerTar(l)) : layerTar(l)))), config);
/** Bytes that compress to almost nothing and are no text anyone would read. */
const filler = (n: number) => Buffer.alloc(n, 0x23);

// ---- disk: nothing is inflated or cached past the free space the disk must keep ----

const disk = suite('archives and layers are written to disk only within its free space and a cap');

disk('a gzip docker-archive is refused, naming the archive, when the disk lacks room to inflate it', async () => {
  const dir = tempTree({}, 'rg-budget-');
  const tmp = tempTree({}, 'rg-budget-tmp-');
  const plain = await dockerArchive(join(dir, 'img.tar'), [
    await layerTar([
      { name: 'etc/rsyncd.conf', body: DANGEROUS },
      { name: 'usr/share/pad', body: filler(2 << 20) },
    ]),
  ]);
  const file = join(dir, 'img.tar.gz');
  writeFileSync(file, gzipSync(readFileSync(plain.slice('docker-archive:'.length))));
  const ok = scan(`docker-archive:${file}`, { TMPDIR: tmp });
  assert.is(ok.code, 1, ok.stderr);
  hasPub(ok, 'etc/rsyncd.conf');
  const full = scan(`docker-archive:${file}`, { TMPDIR: tmp, RSYNCGUARD_MIN_FREE_BYTES: HUGE });
  assert.is(full.code, 2, full.stderr);
  assert.match(full.stdout, file);
  assert.match(full.stdout, 'gzip-compressed');
  assert.match(full.stdout, 'TMPDIR');
  assert.match(full.stdout + full.stderr, 'RSYNCGUARD_MIN_FREE_BYTES');
  // The cap on what an archive may inflate to holds too: 2 MiB of padding against a 1 MiB cap.
  const capped = scan(`docker-archive:${file}`, { TMPDIR: tmp, RSYNCGUARD_MAX_ARCHIVE_BYTES: String(1 << 20) });
  assert.is(capped.code, 2, capped.stderr);
  assert.match(capped.stdout + capped.stderr, 'inflates to more than 1 MiB');
  assert.equal(readdirSync(tmp), [], 'no temporary file is left behind');
});

/** A registry on loopback serving one OCI image; counts requests per path. */
async function registry(layers: Buffer[]): Promise<{ port: number; server: Server; hits: string[] }> {
  const files = ociLayoutFiles(layers);
  const index = JSON.parse(files.get('index.json')?.toString() ?? '{}') as { manifests: { digest: string }[] };
  const manifestDigest = index.manifests[0]?.digest ?? '';
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    hits.push(url);
    if (url === '/v2/') return void res.writeHead(200).end();
    if (url.includes('/manifests/')) return void res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': manifestDigest }).end(files.get(`blobs/sha256/${manifestDigest.slice(7)}`));
    const blob = /\/blobs\/sha256:([a-f0-9]{64})$/.exec(url)?.[1];
    const body = blob ? files.get(`blobs/sha256/${blob}`) : undefined;
    if (body) return void res.writeHead(200).end(body);
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server, hits };
}

disk('a registry layer is not fetched when the cache or the temporary folder lacks room for its declared size', async () => {
  const layer = await layerTar([{ name: 'etc/rsyncd.conf', body: DANGEROUS }]);
  const digest = `sha256:${createHash('sha256').update(layer).digest('hex')}`;
  const reg = await registry([layer]);
  const ref = `127.0.0.1:${reg.port}/hostile/disk:1`;
  const cacheDir = tempTree({}, 'rg-budget-cache-');
  const tmp = tempTree({}, 'rg-budget-tmp-');
  const pull = (extra: string[], env: Record<string, string>) => runCliAsync(['image', ref, '--insecure-registry', '--format', 'json', ...extra], { env: { TMPDIR: tmp, ...env }, timeoutMs: 30_000 });
  try {
    const ok = await pull(['--layer-cache', cacheDir], {});
    assert.is(ok.code, 1, ok.stderr);
    hasPub(ok, 'etc/rsyncd.conf');
    reg.hits.length = 0;
    const scratch = await pull(['--no-layer-cache'], { RSYNCGUARD_MIN_FREE_BYTES: HUGE });
    assert.is(scratch.code, 2, scratch.stderr);
    assert.match(scratch.stdout, `blob ${digest}`);
    assert.match(scratch.stdout, 'temporary folder');
    assert.match(scratch.stdout + scratch.stderr, 'TMPDIR');
    assert.match(scratch.stdout + scratch.stderr, ref);
    assert.not.ok(
      reg.hits.some((u) => u.endsWith(digest)),
      `the layer was fetched: ${reg.hits.join(' ')}`,
    );
    const shared = await pull(['--layer-cache', tempTree({}, 'rg-budget-cache-')], { RSYNCGUARD_MIN_FREE_BYTES: HUGE });
    assert.is(shared.code, 2, shared.stderr);
    assert.match(shared.stdout + shared.stderr, 'the layer cache');
    assert.match(shared.stdout + shared.stderr, '--layer-cache DIR');
    assert.equal(readdirSync(tmp), [], 'the scratch folder is removed');
  } finally {
    reg.server.closeAllConnections();
    reg.server.close();
  }
});

disk.run();

// ---- time: one budget of inflated bytes for every walk of an image ----

const time = suite('an image is inflated within one total budget, its layers walked once a round');

/** A layer of `pad` bytes of filler plus the given entries; returns the layer and its size. */
async function padded(pad: number, entries: Entry[]): Promise<Buffer> {
  return layerTar([{ name: 'usr/share/pad.bin', body: filler(pad) }, ...entries]);
}

time('a lazy read past the inflate budget makes the image "could not be evaluated", exit 2', async () => {
  // /srv/inc/part matches no prefetch pattern: reading it walks the 4 MiB layer a second time.
  const layer = await padded(4 << 20, [
    { name: 'etc/rsyncd.conf', body: '&include /srv/inc/part\n' },
    { name: 'srv/inc/part', body: DANGEROUS },
  ]);
  const ref = ociLayout(tempTree({}, 'rg-budget-'), [gzipSync(layer)]);
  const ok = scan(ref);
  assert.is(ok.code, 1, ok.stderr);
  hasPub(ok, 'srv/inc/part');
  const over = scan(ref, { RSYNCGUARD_MAX_IMAGE_INFLATE_BYTES: String(Math.floor(layer.length * 1.5)) });
  assert.is(over.code, 2, over.stderr);
  assert.match(over.stdout, 'inflated more than');
  assert.match(over.stdout + over.stderr, 'RSYNCGUARD_MAX_IMAGE_INFLATE_BYTES');
  assert.match(over.stdout + over.stderr, 'could not be evaluated');
});

time('layers of many gzip (and zstd) bombs stop at the budget, not after inflating each one', async () => {
  const bomb = gzipSync(await padded(8 << 20, []));
  const layers = [...Array.from({ length: 12 }, () => bomb), gzipSync(await layerTar([{ name: 'etc/rsyncd.conf', body: DANGEROUS }]))];
  // Twelve identical blobs are one file in the layout; the manifest names it twelve times.
  const ref = ociLayout(tempTree({}, 'rg-budget-'), layers);
  const t0 = Date.now();
  const r = scan(ref, { RSYNCGUARD_MAX_IMAGE_INFLATE_BYTES: String(20 << 20) });
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stdout, 'inflated more than 20971520 bytes');
  assert.ok(Date.now() - t0 < 20_000, `${Date.now() - t0} ms`);
  // zstd emits without backpressure: one layer past what is left of the budget is stopped inside the decoder.
  const zst = spawnSync('zstd', ['-q', '-c', '-19'], { input: await padded(32 << 20, []) });
  assert.is(zst.status, 0, 'zstd is needed for this case (scripts/test-all.sh installs it)');
  const z = scan(ociLayout(tempTree({}, 'rg-budget-'), [zst.stdout, gzipSync(await layerTar([{ name: 'etc/rsyncd.conf', body: DANGEROUS }]))]), { RSYNCGUARD_MAX_IMAGE_INFLATE_BYTES: String(8 << 20) });
  assert.is(z.code, 2, z.stderr);
  assert.match(z.stdout + z.stderr, 'inflated more than 8388608 bytes');
  assert.ok(z.peakMiB < 200, `zstd: peak RSS ${z.peakMiB.toFixed(0)} MiB`);
});

time('includes of several configs are read in one walk of their layer per round', async () => {
  // Three configs in the usual places, each including a file no prefetch pattern matches, in one 4 MiB
  // layer. Reading them config by config walks the layer three more times; one batch walks it once.
  const layer = await padded(4 << 20, [
    { name: 'etc/rsyncd.conf', body: '&include /srv/a/part\n' },
    { name: 'etc/rsync/rsyncd.conf', body: '&include /srv/b/part\n' },
    { name: 'usr/local/etc/rsyncd.conf', body: '&include /srv/c/part\n' },
    { name: 'srv/a/part', body: DANGEROUS },
    { name: 'srv/b/part', body: DANGEROUS },
    { name: 'srv/c/part', body: DANGEROUS },
  ]);
  const r = scan(ociLayout(tempTree({}, 'rg-budget-'), [layer]), { RSYNCGUARD_MAX_IMAGE_INFLATE_BYTES: String(Math.floor(layer.length * 2.5)) });
  assert.is(r.code, 1, r.stderr);
  for (const f of ['srv/a/part', 'srv/b/part', 'srv/c/part']) hasPub(r, f);
});

time('an include chain longer than the rounds allow is an error for that config, never a partial result', async () => {
  // 40 levels are read (deeper than the 32 the old reader took for a cycle); 70 are more than 64 rounds.
  const shallow: Entry[] = [{ name: 'etc/rsyncd.conf', body: '&include /srv/chain/0\n' }];
  for (let i = 0; i < 40; i++) shallow.push({ name: `srv/chain/${i}`, body: i === 39 ? DANGEROUS : `&include /srv/chain/${i + 1}\n` });
  const ok = scan(await layout([shallow]));
  assert.is(ok.code, 1, ok.stderr);
  hasPub(ok, 'srv/chain/39');
  const chain: Entry[] = [{ name: 'etc/rsyncd.conf', body: '&include /srv/chain/0\n' }];
  for (let i = 0; i < 70; i++) chain.push({ name: `srv/chain/${i}`, body: i === 69 ? DANGEROUS : `&include /srv/chain/${i + 1}\n` });
  const r = scan(await layout([chain]));
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stdout + r.stderr, 'levels of includes');
});

time.run();

// ---- memory: what the daemon reads is read whatever else the image offers ----

const starve = suite('filler files cannot crowd out the config the daemon reads');

/** 80 MiB of `*.conf` and `*.sh` files of 1 MiB each: more than the 64 MiB kept on speculation. */
const bulk = (): Entry[] => Array.from({ length: 80 }, (_, i) => ({ name: `usr/share/filler/f${i}.${i % 2 ? 'conf' : 'sh'}`, body: filler(1 << 20) }));

starve('80 MiB of .conf filler in an earlier layer: /etc/rsyncd.conf is still read and reported', async () => {
  const r = scan(await layout([bulk(), [{ name: 'etc/rsyncd.conf', body: DANGEROUS }]], {}, true));
  assert.is(r.code, 1, r.stderr);
  hasPub(r, 'etc/rsyncd.conf');
  assert.ok(r.peakMiB < 300, `peak RSS ${r.peakMiB.toFixed(0)} MiB`);
});

starve('the same filler before a linked config and a config named by the Cmd: both are read lazily', async () => {
  const linked = scan(await layout([[...bulk(), { name: 'opt/rsync/daemon.conf', body: DANGEROUS }, { name: 'etc/rsyncd.conf', type: 'symlink', linkname: '/opt/rsync/daemon.conf' }]], {}, true));
  assert.is(linked.code, 1, linked.stderr);
  hasPub(linked, 'etc/rsyncd.conf');
  assert.ok(linked.peakMiB < 300, `peak RSS ${linked.peakMiB.toFixed(0)} MiB`);
  const named = scan(await layout([[...bulk(), { name: 'srv/x.conf', body: DANGEROUS }]], { Cmd: ['rsync', '--daemon', '--no-detach', '--config=/srv/x.conf'] }, true));
  assert.is(named.code, 1, named.stderr);
  hasPub(named, 'srv/x.conf');
});

starve.run();

// ---- limits: a value that is not a number is an error, never "no limit" ----

const limits = suite('limits set through the environment are validated');

limits('a limit that is not a positive whole number is an error naming the variable, exit 2', async () => {
  const ref = await layout([[{ name: 'etc/rsyncd.conf', body: DANGEROUS }]]);
  const vars = ['RSYNCGUARD_MAX_LAYER_BYTES', 'RSYNCGUARD_MAX_IMAGE_ENTRIES', 'RSYNCGUARD_MAX_IMAGE_NAME_BYTES', 'RSYNCGUARD_MAX_IMAGE_INFLATE_BYTES', 'RSYNCGUARD_MAX_ARCHIVE_BYTES', 'RSYNCGUARD_MIN_FREE_BYTES'];
  for (const name of vars) {
    for (const value of ['lots', '-1', '1e9', '0x10', '12MB']) {
      const r = scan(ref, { [name]: value });
      assert.is(r.code, 2, `${name}=${value}: ${r.stderr}`);
      assert.match(r.stderr, `${name}="${value}" is not a`);
    }
  }
  assert.is(scan(ref, { RSYNCGUARD_MAX_LAYER_BYTES: '0' }).code, 2, 'a cap of 0 is a mistake');
  const unset = scan(ref, { RSYNCGUARD_MAX_IMAGE_ENTRIES: '' });
  assert.is(unset.code, 1, `an empty value means the default: ${unset.stderr}`);
});

limits.run();
