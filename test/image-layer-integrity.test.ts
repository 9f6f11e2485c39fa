/**
 * Every layer is held to the image config's `rootfs.diff_ids`, whatever the image's form (an OCI layout, a
 * registry), not only docker save; and a manifest fetched by tag is held to the registry's
 * Docker-Content-Digest. Runs the bundled CLI on images written byte by byte.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, runCliAsync, tempTree } from './hostile/support/cli.ts';
import { layerTar, ociLayout, ociLayoutFiles } from './hostile/support/images.ts';

const CONF = '[ro]\npath = /srv\nhosts allow = 10.0.0.0/8\n';
const RSYNC = { Entrypoint: ['rsync', '--daemon', '--no-detach'] };
const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const layer = () => layerTar([{ name: 'etc/rsyncd.conf', body: CONF }]);

const layout = suite('an OCI layout is held to its diff_ids');

layout('a layer whose uncompressed content does not match its diff_id could not be read, exit 2, naming the layer', async () => {
  const tar = await layer();
  const blob = gzipSync(tar);
  const good = runCli(['image', ociLayout(tempTree({}, 'rg-diffid-'), [blob], RSYNC), '--format', 'json']);
  assert.is(good.code, 0, good.stdout + good.stderr);
  // The blob digest is right (the layout serves what the manifest names); only the config's diff_id is not.
  const forged = runCli(['image', ociLayout(tempTree({}, 'rg-diffid-'), [blob], RSYNC, [], [sha(Buffer.from('another layer'))]), '--format', 'json']);
  assert.is(forged.code, 2, forged.stdout + forged.stderr);
  assert.match(forged.stdout, `layer ${sha(blob)}`);
  assert.match(forged.stdout, `does not match its diff_id ${sha(Buffer.from('another layer'))}`);
  assert.match(forged.stdout, 'altered or is corrupt');
});

layout('a config listing fewer diff_ids than the manifest has layers could not be read, exit 2', async () => {
  const tar = await layer();
  for (const ids of [[], [sha(tar)]]) {
    const r = runCli(['image', ociLayout(tempTree({}, 'rg-diffid-'), [tar, tar], RSYNC, [], ids), '--format', 'json']);
    assert.is(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, `lists ${ids.length} layer diff_ids for 2 layers`);
  }
});

layout.run();

const registry = suite('a registry image is held to its diff_ids and its Docker-Content-Digest');

/** A registry on loopback serving one OCI image from these layout files; `digestHeader` answers a tag. */
async function serve(files: Map<string, Buffer>, digestHeader: (manifest: string) => string): Promise<{ port: number; server: Server }> {
  const index = JSON.parse(files.get('index.json')?.toString() ?? '{}') as { manifests: { digest: string }[] };
  const manifest = index.manifests[0]?.digest ?? '';
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    if (url === '/v2/') return void res.writeHead(200).end();
    const m = /\/manifests\/(.+)$/.exec(url);
    if (m) {
      const header = m[1]?.startsWith('sha256:') ? manifest : digestHeader(manifest);
      return void res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': header }).end(files.get(`blobs/sha256/${manifest.slice(7)}`));
    }
    const blob = /\/blobs\/sha256:([a-f0-9]{64})$/.exec(url)?.[1];
    const body = blob ? files.get(`blobs/sha256/${blob}`) : undefined;
    if (body) return void res.writeHead(200).end(body);
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server };
}

async function pull(files: Map<string, Buffer>, digestHeader: (manifest: string) => string = (m) => m) {
  const reg = await serve(files, digestHeader);
  try {
    const ref = `127.0.0.1:${reg.port}/integrity/image:1`;
    return { ref, run: await runCliAsync(['image', ref, '--insecure-registry', '--no-layer-cache', '--format', 'json'], { timeoutMs: 30_000 }) };
  } finally {
    reg.server.closeAllConnections();
    reg.server.close();
  }
}

registry('a registry layer that does not match its diff_id could not be read, exit 2', async () => {
  const blob = gzipSync(await layer());
  const good = await pull(ociLayoutFiles([blob], RSYNC));
  assert.is(good.run.code, 0, good.run.stdout + good.run.stderr);
  const forged = await pull(ociLayoutFiles([blob], RSYNC, [], [sha(Buffer.from('another layer'))]));
  assert.is(forged.run.code, 2, forged.run.stdout + forged.run.stderr);
  assert.match(forged.run.stdout, 'does not match its diff_id');
  const short = await pull(ociLayoutFiles([blob], RSYNC, [], []));
  assert.is(short.run.code, 2, short.run.stdout + short.run.stderr);
  assert.match(short.run.stdout, 'lists 0 layer diff_ids for 1 layers');
});

registry("a manifest fetched by tag that does not hash to the registry's Docker-Content-Digest is an error naming the image", async () => {
  const files = ociLayoutFiles([gzipSync(await layer())], RSYNC);
  const other = sha(Buffer.from('another manifest'));
  const { ref, run } = await pull(files, () => other);
  assert.is(run.code, 2, run.stdout + run.stderr);
  assert.match(run.stdout, 'digest mismatch');
  assert.match(run.stdout, other);
  assert.match(run.stdout, ref.replace(/:1$/, ''));
});

registry('a Docker-Content-Digest that is no digest is refused, never taken for a check that passed', async () => {
  const files = ociLayoutFiles([gzipSync(await layer())], RSYNC);
  for (const header of [`SHA256:${'A'.repeat(64)}`, `sha256:${'0'.repeat(63)}`, 'not-a-digest']) {
    const { run } = await pull(files, () => header);
    assert.is(run.code, 2, `${header}: ${run.stdout}${run.stderr}`);
    assert.match(run.stdout, 'is not a digest');
  }
});

registry.run();
