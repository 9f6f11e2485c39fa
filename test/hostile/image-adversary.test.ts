/**
 * A hostile image author against `rsyncguard image`: layers the scanner would read differently from the
 * runtime (end-of-archive blocks, PAX global headers, link entries with a size, `..` in names, a symlinked
 * parent written through), layouts that point at host files, and registries that redirect, name a token
 * service off this machine or hand out digests with `../`. Each case builds its own image and asserts what
 * the runtime would really run is what gets reported, or that the scan stops with exit 2, quoting nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertNoCanary, runAllFormats, runCli, runCliAsync, tempTree, type CliRun } from './support/cli.ts';
import { layerTar, ociLayout, padBlocks, paxRecord, rawHeader, type Entry, type ImageConfigFields } from './support/images.ts';

const DANGEROUS = '[pub]\npath = /srv\nread only = no\n';
const HARMLESS = '[ro]\npath = /srv\nread only = yes\n';

const findings = (r: CliRun): string[] => {
  const report = JSON.parse(r.stdout || '{"targets":[]}') as { targets: { findings: { rule_id: string; location: { file: string } | null }[] }[] };
  return report.targets.flatMap((t) => t.findings.map((f) => `${f.rule_id} ${f.location?.file ?? ''}`));
};
const scan = (ref: string, ...extra: string[]) => runCli(['image', ref, '--format', 'json', ...extra]);
const anonymousWrite = (r: CliRun, file = 'etc/rsyncd.conf') => assert.ok(findings(r).includes(`RSYNC-002 ${file}`), `the writable module the runtime gets is reported: ${findings(r).join(', ')} (exit ${r.code}) ${r.stderr}`);
const layout = (layers: Buffer[], config: ImageConfigFields = {}) => ociLayout(tempTree({}, 'rg-adv-'), layers, config);
const image = async (layers: Entry[][], config: ImageConfigFields = {}) => layout(await Promise.all(layers.map(layerTar)), config);

// ---- the layer as the runtime reads it ----

const tar = suite('a layer is read as the runtime reads it');

tar('entries after the end-of-archive blocks are not part of the layer', async () => {
  // The runtime stops at the two zero blocks: /etc/rsyncd.conf is the dangerous one. A reader that goes on
  // sees the harmless copy written after the end and reports that instead.
  const layer = Buffer.concat([await layerTar([{ name: 'etc/rsyncd.conf', body: DANGEROUS }]), await layerTar([{ name: 'etc/rsyncd.conf', body: HARMLESS }])]);
  const r = scan(layout([layer]));
  assert.is(r.code, 1, r.stderr);
  anonymousWrite(r);
});

tar('a PAX global header does not rename later entries', async () => {
  const global = Buffer.from(paxRecord('path', 'usr/share/doc/harmless'));
  const local = Buffer.from(paxRecord('mtime', '1'));
  const body = Buffer.from(DANGEROUS);
  const layer = Buffer.concat([
    rawHeader('pax_global_header', global.length, 'g'),
    padBlocks(global),
    rawHeader('PaxHeader/rsyncd.conf', local.length, 'x'),
    padBlocks(local),
    rawHeader('etc/rsyncd.conf', body.length, '0'),
    padBlocks(body),
    Buffer.alloc(1024),
  ]);
  const r = scan(layout([layer]));
  assert.is(r.code, 1, r.stderr);
  anonymousWrite(r);
});

tar('a symlink header with a size has no body: the entry after it is read', async () => {
  // Go's archive/tar gives links no body whatever the size field says; a reader that skips `size` bytes
  // after the link never sees the config hidden there.
  const conf = Buffer.from(DANGEROUS);
  const hidden = Buffer.concat([rawHeader('etc/rsyncd.conf', conf.length, '0'), padBlocks(conf)]);
  const layer = Buffer.concat([rawHeader('etc/alias', hidden.length, '2', 'rsyncd.conf'), hidden, Buffer.alloc(1024)]);
  const r = scan(layout([layer]));
  assert.is(r.code, 1, r.stderr);
  anonymousWrite(r);
});

tar('names with .. are placed where the runtime writes them, never skipped', async () => {
  for (const name of ['etc/foo/../rsyncd.conf', '../etc/rsyncd.conf', './../../etc/rsyncd.conf', '/../etc/./rsyncd.conf']) {
    const r = scan(await image([[{ name, body: DANGEROUS }]]));
    assert.is(r.code, 1, `${name}: ${r.stderr}`);
    anonymousWrite(r);
  }
  const hard = scan(
    await image([
      [
        { name: 'srv/real.cfg', body: DANGEROUS },
        { name: 'etc/rsyncd.conf', type: 'link', linkname: 'etc/../srv/real.cfg' },
      ],
    ]),
  );
  assert.is(hard.code, 1, hard.stderr);
  anonymousWrite(hard);
});

tar('a file written through a symlinked directory of the same layer lands where the link points', async () => {
  const r = scan(
    await image([
      [
        { name: 'etc/rsyncd.conf', body: HARMLESS },
        { name: 'etc/x', type: 'symlink', linkname: '/etc' },
        { name: 'etc/x/rsyncd.conf', body: DANGEROUS },
      ],
    ]),
  );
  assert.is(r.code, 1, r.stderr);
  anonymousWrite(r);
  // A symlink from a lower layer is shadowed by the directory the upper layer creates (overlay snapshots).
  const lower = scan(
    await image([
      [
        { name: 'etc/rsyncd.conf', body: DANGEROUS },
        { name: 'etc/x', type: 'symlink', linkname: '/etc' },
      ],
      [{ name: 'etc/x/rsyncd.conf', body: HARMLESS }],
    ]),
  );
  assert.is(lower.code, 1, lower.stderr);
  anonymousWrite(lower);
});

tar('the names the index holds are bounded in bytes', async () => {
  const files: Entry[] = [{ name: 'etc/rsyncd.conf', body: DANGEROUS }];
  for (let i = 0; i < 200; i++) files.push({ name: `usr/share/${'n'.repeat(200)}/${i}` });
  const ref = await image([files]);
  const r = runCli(['image', ref, '--format', 'json'], { env: { RSYNCGUARD_MAX_IMAGE_NAME_BYTES: '20000' } });
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stdout, 'add up to more than 20000 bytes');
});

tar('docker save links a repeated layer.tar to the first one: it is followed inside the archive', async () => {
  const empty = await layerTar([{ name: 'tmp', type: 'directory' }]);
  const conf = await layerTar([{ name: 'etc/rsyncd.conf', body: DANGEROUS }]);
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const cfg = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [empty, conf, empty].map((l) => `sha256:${sha(l)}`) } }));
  const manifest = Buffer.from(JSON.stringify([{ Config: 'config.json', RepoTags: ['linked:1'], Layers: ['a/layer.tar', 'b/layer.tar', 'c/layer.tar'] }]));
  const file = join(tempTree(), 'linked.tar');
  writeFileSync(
    file,
    await layerTar([
      { name: 'manifest.json', body: manifest },
      { name: 'config.json', body: cfg },
      { name: 'a/layer.tar', body: empty },
      { name: 'b/layer.tar', body: conf },
      { name: 'c/layer.tar', type: 'symlink', linkname: '../a/layer.tar' },
    ]),
  );
  const r = scan(`docker-archive:${file}`);
  assert.is(r.code, 1, r.stderr);
  anonymousWrite(r);
});

tar.run();

// ---- nothing from the host, nothing quoted ----

const leaks = suite('image files that point at the host, or are not JSON, are never quoted');

leaks('an OCI layout whose index.json or blob is a symlink to a host file is not read', async () => {
  const canary = 'CvHostFile61';
  const host = join(tempTree({ env: `${canary}=1\nPATH=/usr/bin\n` }), 'env');
  const ref = await image([[{ name: 'etc/rsyncd.conf', body: DANGEROUS }]]);
  const dir = ref.slice(4);
  rmSync(join(dir, 'index.json'));
  symlinkSync(host, join(dir, 'index.json'));
  const runs = runAllFormats(['image', ref]);
  for (const run of runs.values()) assert.is(run.code, 2, run.stderr);
  assertNoCanary(runs, canary);
  // A blob linked to another file of the host: never opened; said to be a link (where it points is not said).
  const ref2 = await image([[{ name: 'etc/rsyncd.conf', body: DANGEROUS }]]);
  const index = JSON.parse(readFileSync(join(ref2.slice(4), 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
  const manifestBlob = join(ref2.slice(4), 'blobs', 'sha256', (index.manifests[0]?.digest ?? '').slice(7));
  rmSync(manifestBlob);
  symlinkSync(host, manifestBlob);
  const blob = scan(ref2);
  assert.is(blob.code, 2, blob.stderr);
  assert.match(blob.stdout, 'is a symbolic link (not followed');
  assert.not.match(blob.stderr + blob.stdout, canary);
  assert.not.match(blob.stderr + blob.stdout, host, 'the link target is not named');
});

leaks('a docker-archive manifest.json or config that is not JSON is not quoted in the error', async () => {
  const canary = 'CvJson7';
  const file = join(tempTree(), 'bad.tar');
  writeFileSync(file, await layerTar([{ name: 'manifest.json', body: `${canary} not json` }]));
  const runs = runAllFormats(['image', `docker-archive:${file}`]);
  for (const run of runs.values()) assert.is(run.code, 2, run.stderr);
  assert.match(runs.get('text')?.stdout ?? '', 'not valid JSON');
  assertNoCanary(runs, canary);
});

leaks.run();

// ---- registries ----

const registry = suite('a hostile registry on loopback');

type Route = (req: IncomingMessage, res: ServerResponse, port: number) => boolean;

async function serve(route: Route): Promise<{ port: number; server: Server; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    const port = req.socket.localPort ?? 0;
    if (!route(req, res, port)) res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server, seen };
}

const stop = (s: Server) => {
  s.closeAllConnections();
  s.close();
};

const pull = (port: number, ...extra: string[]) => runCliAsync(['image', `127.0.0.1:${port}/hostile/app:1`, '--insecure-registry', '--no-layer-cache', '--format', 'json', ...extra], { timeoutMs: 25_000 });

registry('a redirect to plain HTTP off loopback is refused; credentials never follow a redirect to another origin', async () => {
  const outside = await serve(() => false);
  const far = await serve((req, res, port) => (req.url?.startsWith('/v2/hostile/app/manifests/') ? (res.writeHead(307, { location: `http://192.0.2.1:${port}/steal` }).end(), true) : false));
  try {
    const r = await pull(far.port);
    assert.not.ok(r.timedOut, 'the redirect off loopback was followed');
    assert.is(r.code, 2, r.stderr);
    assert.match(r.stdout, 'refused to contact http://192.0.2.1');
  } finally {
    stop(far.server);
  }
  const config = join(tempTree(), 'config.json');
  const secret = Buffer.from('robot:CvRedirect88').toString('base64');
  const near = await serve((req, res) => (req.url?.startsWith('/v2/hostile/app/manifests/') ? (res.writeHead(302, { location: `http://127.0.0.1:${outside.port}/elsewhere` }).end(), true) : false));
  writeFileSync(config, JSON.stringify({ auths: { [`127.0.0.1:${near.port}`]: { auth: secret } } }));
  try {
    const r = await pull(near.port, '--docker-config', config);
    assert.is(r.code, 2, r.stderr);
    assert.ok(
      near.seen.some((q) => q.headers['authorization'] === `Basic ${secret}`),
      'the registry itself gets its credentials',
    );
    assert.ok(outside.seen.length > 0, 'the redirect to another loopback origin was followed');
    assert.ok(
      outside.seen.every((q) => q.headers['authorization'] === undefined),
      'no credential went to the other origin',
    );
  } finally {
    stop(near.server);
    stop(outside.server);
  }
});

registry('a token realm in plain HTTP off loopback gets no request and no credential', async () => {
  const config = join(tempTree(), 'config.json');
  const reg = await serve((_req, res) => (res.writeHead(401, { 'www-authenticate': 'Bearer realm="http://192.0.2.1:80/token",service="r"' }).end(), true));
  writeFileSync(config, JSON.stringify({ auths: { [`127.0.0.1:${reg.port}`]: { auth: Buffer.from('robot:CvRealm99').toString('base64') } } }));
  try {
    const r = await pull(reg.port, '--docker-config', config);
    assert.not.ok(r.timedOut, 'the token request went off loopback');
    assert.is(r.code, 2, r.stderr);
    assert.match(r.stdout, 'refused to ask http://192.0.2.1');
  } finally {
    stop(reg.server);
  }
});

registry('digests with ../ in a manifest are refused before any request is made with them', async () => {
  const manifest = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { digest: '../../other/blobs/sha256:00', size: 2 }, layers: [] });
  const reg = await serve((req, res) => {
    if (req.url?.startsWith('/v2/hostile/app/manifests/')) return (res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }).end(manifest), true);
    if (req.url?.startsWith('/v2/other/')) return (res.writeHead(200).end('{"config":{}}'), true);
    return false;
  });
  try {
    const r = await pull(reg.port);
    assert.is(r.code, 2, r.stderr);
    assert.match(r.stdout, 'not a sha256 or sha512 digest');
    assert.ok(
      reg.seen.every((q) => q.url?.startsWith('/v2/hostile/app/')),
      `requests: ${reg.seen.map((q) => q.url).join(' ')}`,
    );
  } finally {
    stop(reg.server);
  }
});

registry('a reference with credentials in it is refused; the message does not repeat them', async () => {
  const r = await runCliAsync(['image', 'https://robot:CvRefPass42@127.0.0.1:9/hostile/app:1', '--format', 'json'], { timeoutMs: 20_000 });
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stdout, 'without a scheme or credentials');
  assert.match(r.stdout, 'https://********@127.0.0.1:9/hostile/app:1', 'the reference is still named, its userinfo withheld');
  assertNoCanary([r], 'CvRefPass42');
});

registry.run();
