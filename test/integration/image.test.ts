/**
 * `rsyncguard image` on images the test builds with umoci, in every form (OCI layout, OCI archive, docker
 * archive, a registry on loopback with and without basic auth), and on hostile images written by hand.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { pack } from 'tar-stream';
import { sarifProblems } from '../support/sarif-check.ts';
import { scanImage } from '../../src/runner/index.ts';
import { buildImage, IMAGE_ENV_PASSWORD, startRegistry, startTokenService, stopRegistries } from './support/images.ts';
import { diffIdOf } from '../hostile/support/images.ts';

const CLI = resolve('dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'rg-image-'));

interface Report {
  targets: { findings: { rule_id: string; message: string; location: { file: string; line: number } | null }[] }[];
  errors: { target: string; message: string }[];
}

function image(ref: string, ...extra: string[]): { code: number | null; report: Report; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'image', ref, '--format', 'json', ...extra], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  return { code: r.status, report: JSON.parse(r.stdout || '{"targets":[],"errors":[]}') as Report, stderr: r.stderr };
}

/** For registries whose token service runs in this process: the event loop must stay free. */
/** What a run says of an image it could not read: the report's errors (said once, there), then stderr. */
const said = (r: { report: Report; stderr: string }): string => `${r.report.errors.map((e) => e.message).join('\n')}\n${r.stderr}`;

async function imageAsync(ref: string, ...extra: string[]): Promise<{ code: number | null; report: Report; stderr: string }> {
  const r = await promisify(execFile)(process.execPath, [CLI, 'image', ref, '--format', 'json', ...extra], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 }).then(
    (out) => ({ code: 0, stdout: out.stdout, stderr: out.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: typeof e.code === 'number' ? e.code : null, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
  );
  return { code: r.code, report: JSON.parse(r.stdout || '{"targets":[],"errors":[]}') as Report, stderr: r.stderr };
}

const findingSet = (r: Report) => [...new Set(r.targets.flatMap((t) => t.findings.map((f) => `${f.rule_id} ${f.location?.file}:${f.location?.line}`)))].sort();

const forms = suite('rsyncguard image, every form of the same image');
let built = '';

forms.before(() => {
  built = buildImage(work);
});

forms.after(() => stopRegistries());

forms('OCI layout, OCI archive and docker archive give the same findings', () => {
  const layout = image(`oci:${built}/oci:rsyncd`);
  assert.is(layout.code, 1, layout.stderr);
  const expected = findingSet(layout.report);
  for (const id of ['RSYNC-002', 'RSYNC-030', 'RSYNC-032', 'RSYNC-090', 'RSYNC-091', 'RSYNC-092', 'RSYNC-093'])
    assert.ok(
      expected.some((f) => f.startsWith(id)),
      `${id} in ${expected.join(', ')}`,
    );
  assert.ok(expected.includes('RSYNC-030 etc/rsyncd.secrets:1'), 'secrets mode from the tar header');
  assert.equal(findingSet(image(`oci-archive:${built}/img.oci.tar`).report), expected);
  assert.equal(findingSet(image(`docker-archive:${built}/img.tar`).report), expected);
});

forms('a registry on loopback, anonymous and with basic auth from config.json, gives the same findings', async () => {
  const expected = findingSet(image(`oci:${built}/oci:rsyncd`).report);
  const open = await startRegistry(work);
  execFileSync('skopeo', ['copy', '-q', '--dest-tls-verify=false', `oci:${built}/oci:rsyncd`, `docker://127.0.0.1:${open}/test/rsyncd:1`]);
  const cache = join(work, 'layer-cache');
  assert.equal(findingSet(image(`127.0.0.1:${open}/test/rsyncd:1`, '--insecure-registry', '--layer-cache', cache).report), expected);
  const cached = readdirSync(cache).filter((f) => /^sha256-[a-f0-9]{64}$/.test(f));
  const index = JSON.parse(readFileSync(join(built, 'oci', 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
  const manifest = JSON.parse(readFileSync(join(built, 'oci', 'blobs', 'sha256', (index.manifests[0]?.digest ?? '').slice(7)), 'utf8')) as { layers: { digest: string }[] };
  assert.equal(cached.sort(), manifest.layers.map((l) => l.digest.replace(':', '-')).sort(), 'every layer cached by its digest');
  assert.equal(findingSet(image(`127.0.0.1:${open}/test/rsyncd:1`, '--insecure-registry', '--layer-cache', cache).report), expected, 'from the cache');
  const htpasswd = join(work, 'htpasswd');
  execFileSync('htpasswd', ['-Bbc', htpasswd, 'ci', 'registry-secret']);
  const locked = await startRegistry(work, htpasswd);
  execFileSync('skopeo', ['copy', '-q', '--dest-tls-verify=false', '--dest-creds', 'ci:registry-secret', `oci:${built}/oci:rsyncd`, `docker://127.0.0.1:${locked}/test/rsyncd:1`]);
  // A config with no credentials for this registry (one that is not there at all is an error of its own).
  writeFileSync(join(work, 'none.json'), '{"auths": {}}');
  const denied = image(`127.0.0.1:${locked}/test/rsyncd:1`, '--insecure-registry', '--docker-config', join(work, 'none.json'));
  assert.is(denied.code, 2);
  assert.match(said(denied), 'credentials');
  const config = join(work, 'config.json');
  writeFileSync(config, JSON.stringify({ auths: { [`127.0.0.1:${locked}`]: { auth: Buffer.from('ci:registry-secret').toString('base64') } } }));
  assert.equal(findingSet(image(`127.0.0.1:${locked}/test/rsyncd:1`, '--insecure-registry', '--docker-config', config).report), expected);
  const plain = image(`127.0.0.1:${open}/test/rsyncd:1`);
  assert.is(plain.code, 2, 'no plain HTTP unless asked');
});

forms('a registry with Bearer tokens: the WWW-Authenticate flow with credentials from config.json', async () => {
  const expected = findingSet(image(`oci:${built}/oci:rsyncd`).report);
  const tokens = await startTokenService(work, 'ci', 'token-secret');
  const port = await startRegistry(work, { token: tokens });
  // Not execFileSync: the token service lives in this process, and must keep answering while skopeo pushes.
  await promisify(execFile)('skopeo', ['copy', '-q', '--dest-tls-verify=false', '--dest-creds', 'ci:token-secret', `oci:${built}/oci:rsyncd`, `docker://127.0.0.1:${port}/test/rsyncd:1`], { timeout: 60_000 });
  writeFileSync(join(work, 'none.json'), '{"auths": {}}');
  const none = await imageAsync(`127.0.0.1:${port}/test/rsyncd:1`, '--insecure-registry', '--docker-config', join(work, 'none.json'));
  assert.is(none.code, 2);
  assert.match(said(none), 'token request: HTTP 401');
  const before = tokens.seen.granted;
  const config = join(work, 'token-config.json');
  writeFileSync(config, JSON.stringify({ auths: { [`127.0.0.1:${port}`]: { auth: Buffer.from('ci:token-secret').toString('base64') } } }));
  const ok = await imageAsync(`127.0.0.1:${port}/test/rsyncd:1`, '--insecure-registry', '--docker-config', config, '--no-layer-cache');
  assert.equal(findingSet(ok.report), expected, ok.stderr);
  assert.ok(tokens.seen.granted > before, 'a token was issued to rsyncguard');
  assert.not.match(ok.stderr, 'token-secret');
});

forms('SARIF for an image: image-relative paths, the repository in the category, valid for code scanning', () => {
  const r = spawnSync(process.execPath, [CLI, 'image', `docker-archive:${built}/img.tar`, '--format', 'sarif'], { encoding: 'utf8' });
  assert.equal(sarifProblems(r.stdout), []);
  const log = JSON.parse(r.stdout) as { runs: { automationDetails: { id: string } }[] };
  assert.is(log.runs[0]?.automationDetails.id, 'rsyncguard/image/docker.io/test/rsyncd/');
});

/** One OCI layout whose tag "multi" is an index of two images: `built` for linux/amd64, `other` for linux/arm64. */
function multiPlatform(other: string): { dir: string; arm: string } {
  const dir = join(work, 'multi');
  execFileSync('skopeo', ['copy', '-q', `oci:${built}/oci:rsyncd`, `oci:${dir}:amd`]);
  execFileSync('skopeo', ['copy', '-q', `oci:${other}/oci:rsyncd`, `oci:${dir}:arm`]);
  const top = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { manifests: { digest: string; mediaType: string; size: number; annotations?: Record<string, string> }[] };
  const byTag = (t: string) => top.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === t);
  const amd = byTag('amd');
  const arm = byTag('arm');
  if (!amd || !arm) throw new Error('skopeo did not tag the layout');
  const entry = (m: typeof amd, architecture: string) => ({ mediaType: m.mediaType, digest: m.digest, size: m.size, platform: { os: 'linux', architecture } });
  const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [entry(amd, 'amd64'), entry(arm, 'arm64')] }));
  const hex = createHash('sha256').update(body).digest('hex');
  writeFileSync(join(dir, 'blobs', 'sha256', hex), body);
  top.manifests.push({ mediaType: 'application/vnd.oci.image.index.v1+json', digest: `sha256:${hex}`, size: body.length, annotations: { 'org.opencontainers.image.ref.name': 'multi' } });
  writeFileSync(join(dir, 'index.json'), JSON.stringify(top));
  return { dir, arm: arm.digest };
}

forms('image facts: Env with credentials withheld, each file traced to the layer that wrote it, no password in any report', async () => {
  const scanned = await scanImage(`oci:${built}/oci:rsyncd`, { platform: 'linux/amd64', insecure: false, today: '2026-11-25' });
  if (!scanned.ok) throw new Error(`the image was not read: ${JSON.stringify(scanned.error)}`);
  const scan = scanned.value;
  const first = scan.facts[0];
  const img = first && 'schema' in first ? first.image : undefined;
  assert.ok(img, 'an image facts section');
  assert.equal(
    img.env.filter((e) => e.name !== 'PATH'),
    [
      { name: 'TZ', value: 'UTC' },
      { name: 'RSYNC_PASSWORD', value: null },
    ],
  );
  const index = JSON.parse(readFileSync(join(built, 'oci', 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
  const manifest = JSON.parse(readFileSync(join(built, 'oci', 'blobs', 'sha256', (index.manifests[0]?.digest ?? '').slice(7)), 'utf8')) as { layers: { digest: string }[] };
  const layers = manifest.layers.map((l) => l.digest);
  const conf = img.files.find((f) => f.path === 'etc/rsyncd.conf');
  assert.is(conf?.layer, layers[layers.length - 2], 'the config comes from the layer that last wrote it');
  assert.ok(
    img.files.some((f) => f.path === 'etc/rsyncd.secrets'),
    'the secrets file is traced too',
  );
  assert.equal(
    img.layer_secrets.find((s) => s.path === 'root/old.secrets'),
    { path: 'root/old.secrets', layer: layers[0], deleted_later: true },
  );
  const messages = image(`oci:${built}/oci:rsyncd`).report.targets.flatMap((t) => t.findings.map((f) => f.message));
  assert.ok(
    messages.some((m) => m.includes('root/old.secrets') && m.includes('deleted by a later layer')),
    messages.join('\n'),
  );
  assert.not.match(JSON.stringify(scan.facts), IMAGE_ENV_PASSWORD);
  for (const format of ['json', 'text', 'markdown', 'sarif']) {
    const r = spawnSync(process.execPath, [CLI, 'image', `oci:${built}/oci:rsyncd`, '--format', format], { encoding: 'utf8' });
    assert.is(r.status, 1, r.stderr);
    assert.not.match(r.stdout + r.stderr, IMAGE_ENV_PASSWORD, format);
    assert.not.match(r.stdout + r.stderr, 'joe:joe', format);
  }
});

forms('a multi-platform index: --platform picks the image, in a layout and from a registry, by tag and by digest', async () => {
  const other = join(work, 'other-src');
  mkdirSync(other);
  const otherDir = buildImage(other, 'build', false);
  const amdSet = findingSet(image(`oci:${built}/oci:rsyncd`).report);
  const armSet = findingSet(image(`oci:${otherDir}/oci:rsyncd`).report);
  assert.not.equal(armSet, amdSet, 'the two images must differ for the test to mean anything');
  const { dir, arm } = multiPlatform(otherDir);
  assert.equal(findingSet(image(`oci:${dir}:multi`).report), amdSet, 'linux/amd64 by default');
  assert.equal(findingSet(image(`oci:${dir}:multi`, '--platform', 'linux/arm64').report), armSet);
  const none = image(`oci:${dir}:multi`, '--platform', 'linux/s390x');
  assert.is(none.code, 2);
  assert.match(said(none), 'linux/amd64, linux/arm64');
  const port = await startRegistry(work);
  execFileSync('skopeo', ['copy', '-q', '--all', '--dest-tls-verify=false', `oci:${dir}:multi`, `docker://127.0.0.1:${port}/test/multi:1`]);
  assert.equal(findingSet(image(`127.0.0.1:${port}/test/multi:1`, '--insecure-registry').report), amdSet);
  assert.equal(findingSet(image(`127.0.0.1:${port}/test/multi:1`, '--insecure-registry', '--platform', 'linux/arm64').report), armSet);
  assert.equal(findingSet(image(`127.0.0.1:${port}/test/multi@${arm}`, '--insecure-registry').report), armSet, 'by digest, checked against it');
  const wrong = image(`127.0.0.1:${port}/test/multi@sha256:${'0'.repeat(64)}`, '--insecure-registry');
  assert.is(wrong.code, 2);
});

forms.run();

// ---- hostile images, written entry by entry ----

interface Entry {
  name: string;
  type?: 'file' | 'symlink' | 'link' | 'directory';
  body?: string;
  linkname?: string;
}

function layerTar(entries: Entry[]): Promise<Buffer> {
  return new Promise((done) => {
    const p = pack();
    const chunks: Buffer[] = [];
    p.on('data', (c: unknown) => chunks.push(Buffer.from(c as Uint8Array)));
    p.on('end', () => done(Buffer.concat(chunks)));
    for (const e of entries) {
      const header = { name: e.name, type: e.type ?? 'file', mode: 0o644, ...(e.linkname !== undefined ? { linkname: e.linkname } : {}) };
      if ((e.type ?? 'file') === 'file') p.entry(header, e.body ?? '');
      else p.entry(header);
    }
    p.finalize();
  });
}

/** An OCI layout holding the given layer blobs (already tar or gzip bytes). */
function layout(layers: Buffer[], opts: { corruptDigest?: boolean; missingBlob?: boolean } = {}): string {
  const dir = mkdtempSync(join(work, 'hostile-'));
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  const put = (b: Buffer) => {
    const hex = createHash('sha256').update(b).digest('hex');
    writeFileSync(join(dir, 'blobs', 'sha256', hex), opts.corruptDigest ? Buffer.concat([b, Buffer.from('x')]) : b);
    return `sha256:${hex}`;
  };
  const config = put(Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: layers.map(diffIdOf) } })));
  const layerDigests = layers.map(put);
  if (opts.missingBlob) rmSync(join(dir, 'blobs', 'sha256', (layerDigests[0] ?? '').slice(7)));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config, size: 0 },
      layers: layerDigests.map((d) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: d, size: 0 })),
    }),
  );
  const hex = createHash('sha256').update(manifest).digest('hex');
  writeFileSync(join(dir, 'blobs', 'sha256', hex), manifest);
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${hex}`, size: manifest.length }] }));
  writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  return dir;
}

const CONF = '[pub]\npath = /srv\nread only = no\n';
const hostile = suite('hostile images are confined or rejected, clearly');
const outside = join(work, 'must-not-exist');

hostile('names that climb out of the root are ignored; absolute names stay inside', async () => {
  const dir = layout([
    gzipSync(
      await layerTar([
        { name: `../../../../${outside.slice(1)}`, body: 'x' },
        { name: '/etc/rsyncd.conf', body: CONF },
      ]),
    ),
  ]);
  const r = image(`oci:${dir}`);
  assert.is(r.code, 1, r.stderr);
  assert.match(r.stderr, 'leaves the image root');
  assert.ok(findingSet(r.report).some((f) => f.startsWith('RSYNC-002 etc/rsyncd.conf')));
  assert.is(readdirSync(work).includes('must-not-exist'), false);
});

hostile('symlinks resolve inside the image only; loops and escapes lead nowhere', async () => {
  const dir = layout([
    gzipSync(
      await layerTar([
        { name: 'real/rsyncd.conf', body: CONF },
        { name: 'etc/rsyncd.conf', type: 'symlink', linkname: '../../../../real/rsyncd.conf' },
        { name: 'usr/local/etc/rsyncd.conf', type: 'symlink', linkname: '/loop/a' },
        { name: 'loop/a', type: 'symlink', linkname: 'b' },
        { name: 'loop/b', type: 'symlink', linkname: 'a' },
      ]),
    ),
  ]);
  const r = image(`oci:${dir}`);
  assert.is(r.code, 1, r.stderr);
  assert.ok(
    findingSet(r.report).some((f) => f.startsWith('RSYNC-002')),
    'the link climbing out lands on /real/rsyncd.conf inside the image',
  );
});

hostile('a hard link to a missing target, duplicates and a whiteout of everything are handled', async () => {
  const dir = layout([
    gzipSync(
      await layerTar([
        { name: 'etc/rsyncd.conf', body: '[old]\npath = /\n' },
        { name: 'etc/rsyncd.conf', body: CONF },
        { name: 'etc/x', type: 'link', linkname: 'nowhere' },
      ]),
    ),
    gzipSync(await layerTar([{ name: '.wh..wh..opq' }, { name: 'etc/rsyncd.conf', body: '[late]\npath = /srv/late\nread only = no\n' }])),
  ]);
  const r = image(`oci:${dir}`);
  assert.match(r.stderr, 'hard link etc/x');
  const found = findingSet(r.report);
  assert.ok(found.some((f) => f.startsWith('RSYNC-002')));
  assert.not.ok(
    found.some((f) => f.startsWith('RSYNC-045')),
    "the first layer's [old] module is gone",
  );
});

hostile('a secrets file a later layer deletes is still a finding', async () => {
  const dir = layout([
    gzipSync(
      await layerTar([
        { name: 'etc/rsyncd.conf', body: CONF },
        { name: 'root/old.secrets', body: 'old:Old-Password-2020\n' },
      ]),
    ),
    gzipSync(await layerTar([{ name: 'root/.wh.old.secrets' }])),
  ]);
  const r = spawnSync(process.execPath, [CLI, 'image', `oci:${dir}`, '--format', 'json'], { encoding: 'utf8' });
  const report = JSON.parse(r.stdout) as { targets: { findings: { rule_id: string; message: string }[] }[] };
  const f = report.targets[0]?.findings.find((x) => x.rule_id === 'RSYNC-092');
  assert.match(f?.message ?? '', 'root/old.secrets (deleted by a later layer, but still in the image)');
  assert.not.match(r.stdout, 'Old-Password-2020');
});

hostile('truncated gzip, a non-tar layer, a missing blob and a digest mismatch are errors that say so', async () => {
  const good = gzipSync(await layerTar([{ name: 'etc/rsyncd.conf', body: CONF }]));
  const cases: [string, string][] = [
    [layout([good.subarray(0, good.length - 20)]), 'gzip'],
    [layout([Buffer.from('this is not a tar archive, not even close'.repeat(20))]), 'tar'],
    [layout([good], { missingBlob: true }), 'missing'],
    [layout([good], { corruptDigest: true }), 'digest mismatch'],
  ];
  for (const [dir, why] of cases) {
    const r = image(`oci:${dir}`);
    assert.is(r.code, 2, `${why}: exit ${r.code}`);
    assert.match(said(r), why);
  }
});

hostile('a gzip bomb stops at the layer cap', async () => {
  const bomb = gzipSync(Buffer.alloc(64 << 20));
  const dir = layout([bomb]);
  const r = spawnSync(process.execPath, [CLI, 'image', `oci:${dir}`], { encoding: 'utf8', env: { ...process.env, RSYNCGUARD_MAX_LAYER_BYTES: String(8 << 20) } });
  assert.is(r.status, 2);
  assert.match(r.stdout + r.stderr, 'decompresses to more than');
});

hostile('zstd layers are read like gzip ones; a corrupt zstd layer is named and rejected', async () => {
  const tar = await layerTar([{ name: 'etc/rsyncd.conf', body: CONF }]);
  const zst = execFileSync('zstd', ['-q', '-c'], { input: tar });
  const r = image(`oci:${layout([zst])}`);
  assert.is(r.code, 1, r.stderr);
  assert.equal(findingSet(r.report), findingSet(image(`oci:${layout([gzipSync(tar)])}`).report));
  assert.ok(findingSet(r.report).some((f) => f.startsWith('RSYNC-002 etc/rsyncd.conf')));
  const bomb = execFileSync('zstd', ['-q', '-c', '-19'], { input: await layerTar([{ name: 'zeros', body: '\0'.repeat(64 << 20) }]) });
  const capped = spawnSync(process.execPath, [CLI, 'image', `oci:${layout([bomb])}`, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, RSYNCGUARD_MAX_LAYER_BYTES: String(1 << 20) } });
  assert.is(capped.status, 2);
  assert.match(capped.stdout + capped.stderr, 'decompresses to more than');
  const broken = image(`oci:${layout([Buffer.concat([zst.subarray(0, 8), Buffer.alloc(64, 0xff)])])}`);
  assert.is(broken.code, 2);
  assert.match(said(broken), 'zstd');
});

hostile('the rsync version comes from the dpkg or apk database in the image', async () => {
  const dpkg = 'Package: adduser\nVersion: 3.134\n\nPackage: rsync\nStatus: install ok installed\nVersion: 3.2.7-1+deb12u2\n\n';
  const apk = 'P:musl\nV:1.2.4-r2\n\nP:rsync\nV:3.4.1-r0\n\n';
  // Which CVEs a release has is the version rules' business (their own tests): here, what the facts say.
  const rsync = async (entries: Entry[]) => {
    const scanned = await scanImage(`oci:${layout([gzipSync(await layerTar([{ name: 'etc/rsyncd.conf', body: CONF }, ...entries]))])}`, { platform: 'linux/amd64', insecure: false, today: '2026-11-25' });
    const doc = scanned.ok ? scanned.value.facts[0] : undefined;
    if (!doc || !('schema' in doc)) throw new Error('no facts document');
    return [doc.rsync.version, doc.rsync.source, doc.rsync.package?.version ?? null];
  };
  assert.equal(await rsync([{ name: 'var/lib/dpkg/status', body: dpkg }]), ['3.2.7', 'dpkg status', '3.2.7-1+deb12u2']);
  assert.equal(await rsync([{ name: 'lib/apk/db/installed', body: apk }]), ['3.4.1', 'apk database', '3.4.1-r0']);
  assert.equal(await rsync([]), [null, null, null]);
  const unknown = findingSet(image(`oci:${layout([gzipSync(await layerTar([{ name: 'etc/rsyncd.conf', body: CONF }]))])}`).report).map((f) => f.split(' ')[0] ?? '');
  assert.ok(!unknown.some((id) => id.startsWith('RSYNC-07')), unknown.join(', '));
});

hostile.run();
