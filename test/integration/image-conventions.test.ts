/**
 * `rsyncguard image` as a user coming from docker, skopeo or Trivy meets it (issue 18): a path without a
 * transport is read as the image it holds, never asked of a registry; a plain-HTTP registry answered over TLS
 * says what to do; --insecure-registry names the registries it applies to, and only those; labels keep what
 * the user typed; a tag the registry lacks is named. Real images (umoci, skopeo) and a real registry on loopback.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { get, imagesReview, makeCertificate, post, verdictOf, type Webhook } from '../hostile/support/webhook.ts';
import { docker25Tar } from './support/docker25-tar.ts';
import { buildImage, startRegistry, stopRegistries } from './support/images.ts';
import { freePort } from './support/rsync-daemon.ts';

// The CLI from source (tsx, loaded by its absolute path so that it runs from any directory): no dist needed.
const MAIN = resolve('src/cli/main.ts');
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
const work = mkdtempSync(join(tmpdir(), 'rg-image-conv-'));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Report {
  targets: { target: string; label?: string; findings: { rule_id: string; location: { file: string; line: number } | null }[] }[];
  errors: { target: string; label?: string; message: string }[];
}

/** A pipe's environment, without the colour the test runner forces on. */
const plainEnv = Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: '1' }).filter(([k]) => k !== 'FORCE_COLOR' && k !== 'NODE_OPTIONS'));

/** The command run in `cwd`, as a user runs it there. */
async function cli(args: string[], cwd = work): Promise<Run> {
  return promisify(execFile)(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20, env: plainEnv }).then(
    (out) => ({ code: 0, stdout: out.stdout, stderr: out.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: typeof e.code === 'number' ? e.code : null, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
  );
}

const json = (r: Run): Report => JSON.parse(r.stdout || '{"targets":[],"errors":[]}') as Report;
const findingSet = (r: Report) => [...new Set(r.targets.flatMap((t) => t.findings.map((f) => `${f.rule_id} ${f.location?.file}:${f.location?.line}`)))].sort();
const said = (r: Run): string =>
  `${json(r)
    .errors.map((e) => e.message)
    .join('\n')}\n${r.stderr}`;

let built = '';
let expected: string[] = [];

const paths = suite('a local path without a transport is the image it holds');

paths.before(async () => {
  built = buildImage(work);
  expected = findingSet(json(await cli(['image', `oci:${built}/oci:rsyncd`, '--format', 'json'])));
  assert.ok(expected.length > 5, `the reference image has findings: ${expected.join(', ')}`);
});

paths('a docker save tar, an OCI archive and an OCI layout directory, named by path, give the findings of their typed forms', async () => {
  for (const path of ['img.tar', './img.oci.tar', 'oci', `${built}/oci/`]) {
    const r = await cli(['image', path, '--format', 'json'], built);
    assert.is(r.code, 1, `${path}: ${r.stderr}`);
    assert.equal(findingSet(json(r)), expected, path);
    assert.equal(json(r).errors, [], path);
  }
});

paths('labels keep what the user typed and what the image calls itself; the target id stays the repository', async () => {
  const text = await cli(['image', 'img.tar'], built);
  assert.match(text.stdout, /^img\.tar \(test\/rsyncd:1\) \/etc\/rsyncd\.conf$/m, text.stdout.slice(0, 200));
  assert.not.match(text.stdout, 'docker.io', 'no registry the user did not name');
  const typed = json(await cli(['image', 'docker-archive:img.tar', '--format', 'json'], built));
  assert.is(typed.targets[0]?.label, 'docker-archive:img.tar (test/rsyncd:1) /etc/rsyncd.conf');
  // The identity (waivers, baselines, code scanning alerts) is the repository's, the same for both spellings.
  const bare = json(await cli(['image', 'img.tar', '--format', 'json'], built));
  assert.is(bare.targets[0]?.target, typed.targets[0]?.target);
  const layout = await cli(['image', 'oci'], built);
  assert.match(layout.stdout, /^oci \(rsyncd\) \/etc\/rsyncd\.conf$/m, 'an OCI layout named by its ref.name annotation');
});

paths('a Docker 25+ docker save tar (manifest.json and an OCI layout of the same image) is read, labelled by its RepoTags', async () => {
  const d25 = join(work, 'd25.tar');
  docker25Tar(join(built, 'oci'), 'rsyncd', d25, ['test/rsyncd:1'], work);
  const r = await cli(['image', 'd25.tar', '--format', 'json']);
  assert.is(r.code, 1, said(r));
  assert.equal(findingSet(json(r)), expected);
  assert.is(json(r).targets[0]?.label, 'd25.tar (test/rsyncd:1) /etc/rsyncd.conf');
  // Named as an oci-archive, the label is containerd's image name, not the bare tag "1".
  const oci = json(await cli(['image', 'oci-archive:d25.tar', '--format', 'json']));
  assert.equal(findingSet(oci), expected);
  assert.is(oci.targets[0]?.label, 'oci-archive:d25.tar (test/rsyncd:1) /etc/rsyncd.conf');
});

paths('a tar whose manifest.json and OCI layout disagree, a directory that is no layout, a file that is no archive: an error naming what was found', async () => {
  // Both, disagreeing: a docker save of the image with another image's OCI layout added.
  const other = join(work, 'other-d25.tar');
  const two = join(work, 'two');
  cpSync(join(built, 'oci'), two, { recursive: true });
  execFileSync('umoci', ['new', '--image', `${two}:empty`]);
  docker25Tar(two, 'empty', other, ['test/empty:1'], work);
  const both = join(work, 'both.tar');
  copyFileSync(join(built, 'img.tar'), both);
  const unpacked = mkdtempSync(join(work, 'other-'));
  execFileSync('tar', ['-xf', other, '-C', unpacked, 'oci-layout', 'index.json', 'blobs']);
  execFileSync('tar', ['--append', '-f', both, '-C', unpacked, 'oci-layout', 'index.json', 'blobs']);
  const ambiguous = await cli(['image', both, '--format', 'json']);
  assert.is(ambiguous.code, 2);
  assert.match(said(ambiguous), `${both} holds a docker save manifest.json and an OCI layout (oci-layout, index.json) that describe different images: name the form, docker-archive:${both} or oci-archive:${both}`);
  const typed = await cli(['image', `docker-archive:${both}`, '--format', 'json']);
  assert.equal(findingSet(json(typed)), expected, 'named, it is read');

  mkdirSync(join(work, 'saved'));
  writeFileSync(join(work, 'saved', 'manifest.json'), '[]');
  const dir = await cli(['image', 'saved', '--format', 'json']);
  assert.is(dir.code, 2);
  assert.match(said(dir), 'saved is a directory but not an OCI layout: no oci-layout file (it holds manifest.json); an unpacked docker save is not read');

  writeFileSync(join(work, 'notes.txt'), 'not an image\n');
  const file = await cli(['image', 'notes.txt', '--format', 'json']);
  assert.is(file.code, 2);
  assert.match(said(file), 'notes.txt is not an image: a file, and not a tar archive');

  const missing = await cli(['image', './gone.tar', '--format', 'json']);
  assert.is(missing.code, 2);
  assert.match(said(missing), './gone.tar: no such file or directory');
  // A bare word that exists here is read as the path; the error says how to mean the registry instead.
  assert.match(said(dir), 'saved was read as a local path because it exists here: for the registry image write docker.io/library/saved');
  for (const r of [ambiguous, dir, file, missing]) {
    assert.not.match(said(r), /cannot reach|registry-1|plain HTTP/i, 'never asked of a registry');
    assert.is(json(r).errors[0]?.target.startsWith('docker.io'), false);
  }
});

paths('a missing file named without ./ (img.tar, sub/x.tar, Img.tar) is "no such file" here in every format, never a registry name', async () => {
  const cases: [string, string][] = [
    ['img.tar', 'img.tar: no such file or directory here (to pull it from a registry write docker.io/library/img.tar)'],
    ['sub/xx.tar', 'sub/xx.tar: no such file or directory here (to pull it from a registry write docker.io/sub/xx.tar)'],
    ['Img.tar', 'Img.tar: no such file or directory here (a local image'],
  ];
  for (const [ref, message] of cases) {
    const r = await cli(['image', ref, '--format', 'json']);
    assert.is(r.code, 2, ref);
    assert.match(said(r), message);
    assert.not.match(said(r), /cannot reach|registry-1|is not an image reference/, ref);
  }
  for (const format of ['text', 'sarif', 'junit', 'gitlab', 'csv', 'markdown', 'html']) {
    const r = await cli(['image', 'img.tar', '--format', format]);
    assert.is(r.code, 2, format);
    assert.ok(`${r.stdout}${r.stderr}`.includes('img.tar: no such file or directory here'), format);
  }
});

paths('several images in a docker save tar or an OCI layout: an error listing each and how to name it; the named forms read it', async () => {
  // As `docker save test/rsyncd:1 test/other:2 > multi.tar` writes it: one manifest.json entry per image.
  const unpacked = mkdtempSync(join(work, 'multi-'));
  execFileSync('tar', ['-xf', join(built, 'img.tar'), '-C', unpacked]);
  const entries = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as { RepoTags: string[] }[];
  const first = entries[0] as { RepoTags: string[] };
  writeFileSync(join(unpacked, 'manifest.json'), JSON.stringify([first, { ...first, RepoTags: ['test/other:2'] }]));
  execFileSync('tar', ['-cf', join(work, 'multi.tar'), '-C', unpacked, ...readdirSync(unpacked)]);
  const several = await cli(['image', 'multi.tar', '--format', 'json']);
  assert.is(several.code, 2, 'not the first image silently');
  assert.match(said(several), 'multi.tar holds 2 images; name the one to scan: docker-archive:multi.tar:test/rsyncd:1, docker-archive:multi.tar:test/other:2');
  for (const ref of ['docker-archive:multi.tar:test/other:2', 'docker-archive:multi.tar:@1', 'docker-archive:multi.tar:docker.io/test/other:2']) {
    const r = await cli(['image', ref, '--format', 'json']);
    assert.is(r.code, 1, `${ref}: ${said(r)}`);
    assert.equal(findingSet(json(r)), expected, ref);
  }
  assert.is(json(await cli(['image', 'docker-archive:multi.tar:test/other:2', '--format', 'json'])).targets[0]?.label, 'docker-archive:multi.tar:test/other:2 /etc/rsyncd.conf');
  const absent = await cli(['image', 'docker-archive:multi.tar:test/none:3', '--format', 'json']);
  assert.match(said(absent), 'multi.tar has no image test/none:3 (it holds test/rsyncd:1, test/other:2)');

  // An OCI layout with two tags (the previous test added "empty" to a copy of the layout).
  const two = await cli(['image', 'two', '--format', 'json']);
  assert.is(two.code, 2);
  assert.match(said(two), 'two holds 2 images; name the one to scan: oci:two:rsyncd, oci:two:empty');
  assert.equal(findingSet(json(await cli(['image', 'oci:two:rsyncd', '--format', 'json']))), expected);
});

paths('a local directory named like an image says it was read as a path, and how to mean the registry', async () => {
  mkdirSync(join(work, 'nginx'));
  const r = await cli(['image', 'nginx', '--format', 'json']);
  assert.is(r.code, 2);
  assert.match(said(r), 'nginx is a directory but not an OCI layout: no oci-layout file; nginx was read as a local path because it exists here: for the registry image write docker.io/library/nginx');
});

paths('a layout whose blob is a symbolic link, or unreadable, names the file and why', async () => {
  const lay = join(work, 'lay2');
  cpSync(join(built, 'oci'), lay, { recursive: true });
  const index = JSON.parse(readFileSync(join(lay, 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
  const hex = (index.manifests[0]?.digest ?? '').slice(7);
  const blob = join(lay, 'blobs', 'sha256', hex);
  renameSync(blob, join(work, 'elsewhere'));
  symlinkSync(join(work, 'elsewhere'), blob);
  const linked = await cli(['image', 'lay2', '--format', 'json']);
  assert.is(linked.code, 2);
  assert.match(said(linked), `lay2/blobs/sha256/${hex} is a symbolic link (not followed`);
  rmSync(blob);
  renameSync(join(work, 'elsewhere'), blob);
  // Unreadable as another user: the test runs as root, so the CLI runs as nobody (uid 65534) on a copy it may
  // traverse — the layout and the bundled CLI both, since the checkout itself may sit in a directory only root
  // can enter (CI clones into a mktemp -d).
  if (process.getuid?.() === 0) {
    const shut = mkdtempSync(join(tmpdir(), 'rg-shut-'));
    cpSync(lay, join(shut, 'lay'), { recursive: true });
    cpSync(resolve('dist'), join(shut, 'dist'), { recursive: true });
    chmodSync(shut, 0o755);
    execFileSync('chmod', ['-R', 'a+rX', shut]);
    chmodSync(join(shut, 'lay', 'index.json'), 0o600);
    const r = await promisify(execFile)(process.execPath, [join(shut, 'dist', 'cli.js'), 'image', join(shut, 'lay'), '--format', 'json'], { cwd: shut, encoding: 'utf8', uid: 65534, gid: 65534, env: { ...plainEnv, HOME: shut } }).then(
      (o) => o.stdout,
      (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}`,
    );
    assert.match(r, `permission denied reading ${join(shut, 'lay', 'index.json')}`);
  }
});

paths('every format shows the image as typed, not docker.io/… (ids stay in fingerprints, categories and gitlab paths)', async () => {
  for (const format of ['sarif', 'html', 'junit', 'gitlab', 'csv']) {
    const r = await cli(['image', 'img.tar', '--format', format], built);
    assert.is(r.code, 1, `${format}: ${r.stderr}`);
    assert.ok(r.stdout.includes('img.tar (test/rsyncd:1)'), `${format} shows the label`);
    // What identifies (properties.target, the run's category, GitLab's pseudo-path) stays the repository's.
    const shown = r.stdout
      .split('\n')
      .filter((l) => !/^\s*"(target|id|path)":/.test(l))
      .join('\n');
    assert.not.match(shown, 'docker.io/test/rsyncd', `${format}: no registry name the user did not type`);
  }
});

paths.run();

const registry = suite('registries: plain HTTP only where named, and errors in the user’s terms');
let port = 0;
let digest = '';

registry.before(async () => {
  port = await startRegistry(work);
  execFileSync('skopeo', ['copy', '-q', '--dest-tls-verify=false', `oci:${built}/oci:rsyncd`, `docker://127.0.0.1:${port}/test/rsyncd:1`]);
  const inspected = JSON.parse(execFileSync('skopeo', ['inspect', '--tls-verify=false', `docker://127.0.0.1:${port}/test/rsyncd:1`], { encoding: 'utf8' })) as { Digest: string };
  digest = inspected.Digest;
  assert.match(digest, /^sha256:[a-f0-9]{64}$/);
});

registry.after(() => stopRegistries());

registry('a plain-HTTP registry asked over TLS says so and names the option that fixes it', async () => {
  const r = await cli(['image', `127.0.0.1:${port}/test/rsyncd:1`, '--format', 'json']);
  assert.is(r.code, 2);
  assert.match(said(r), `the registry at 127.0.0.1:${port} speaks plain HTTP; for a registry on loopback use --insecure-registry 127.0.0.1:${port}`);
  assert.not.match(said(r), /wrong version number|ssl3_get_record|EPROTO/i, 'not OpenSSL’s words');
});

registry('--insecure-registry HOST:PORT reads that registry; the label is the reference with its digest', async () => {
  const r = await cli(['image', `127.0.0.1:${port}/test/rsyncd:1`, '--insecure-registry', `127.0.0.1:${port}`, '--format', 'json', '--no-layer-cache']);
  assert.is(r.code, 1, r.stderr);
  const report = json(r);
  assert.equal(findingSet(report), expected);
  assert.is(report.targets[0]?.label, `127.0.0.1:${port}/test/rsyncd:1@${digest} /etc/rsyncd.conf`);
  assert.is(report.targets[0]?.target, `127.0.0.1:${port}/test/rsyncd:/etc/rsyncd.conf`, 'the id has no tag: a new tag keeps every alert');
  const text = await cli(['image', `127.0.0.1:${port}/test/rsyncd:1`, '--insecure-registry', `127.0.0.1:${port}`, '--no-layer-cache']);
  assert.match(text.stdout, `127.0.0.1:${port}/test/rsyncd:1@${digest} /etc/rsyncd.conf`);
});

registry('--insecure-registry applies only to the registries it names, and is repeatable', async () => {
  const other = await cli(['image', `127.0.0.1:${port}/test/rsyncd:1`, '--insecure-registry', '127.0.0.1:1', '--format', 'json']);
  assert.is(other.code, 2, 'another registry named: this one stays HTTPS');
  assert.match(said(other), `the registry at 127.0.0.1:${port} speaks plain HTTP`);
  const two = await cli(['image', `127.0.0.1:${port}/test/rsyncd:1`, '--insecure-registry', `127.0.0.1:${port}`, '--insecure-registry', 'localhost:1', '--format', 'json', '--no-layer-cache']);
  assert.equal(findingSet(json(two)), expected, two.stderr);
  // A registry off loopback is still spoken to over HTTPS (this namespace has no network: the lookup fails).
  const off = await cli(['image', 'registry.example.invalid/app:1', '--insecure-registry', `127.0.0.1:${port}`, '--format', 'json', '--no-layer-cache']);
  assert.is(off.code, 2);
  assert.match(said(off), 'cannot reach https://registry.example.invalid/');
  assert.not.match(said(off), 'insecure', 'the switch does not touch it');
});

registry('a bare --insecure-registry keeps its meaning: every registry on loopback, and none off it', async () => {
  const r = await cli(['image', `127.0.0.1:${port}/test/rsyncd:1`, '--insecure-registry', '--format', 'json', '--no-layer-cache']);
  assert.equal(findingSet(json(r)), expected, r.stderr);
  const before = await cli(['image', '--insecure-registry', `127.0.0.1:${port}/test/rsyncd:1`, '--format', 'json', '--no-layer-cache']);
  assert.equal(findingSet(json(before)), expected, `before the reference: ${before.stderr}`);
  const off = await cli(['image', 'registry.example.invalid/app:1', '--insecure-registry', '--format', 'json', '--no-layer-cache']);
  assert.match(said(off), 'cannot reach https://registry.example.invalid/');
});

registry('--insecure-registry refuses a registry off loopback, in image and in admission', async () => {
  for (const args of [
    ['image', `127.0.0.1:${port}/test/rsyncd:1`, '--insecure-registry', 'registry.example.com:5000'],
    ['admission', 'serve', '--tls-cert', 'x', '--tls-key', 'y', '--insecure-registry', 'registry.example.com:5000'],
  ]) {
    const r = await cli(args);
    assert.is(r.code, 2, args.join(' '));
    assert.match(r.stderr, '--insecure-registry registry.example.com:5000: plain HTTP is allowed only to a registry on loopback');
    assert.is(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('  hint')).length,
      1,
      `one line: ${r.stderr}`,
    );
  }
});

registry('a registry that speaks HTTPS, named with --insecure-registry, says to leave it out', async () => {
  const key = join(work, 'tls-key.pem');
  const cert = join(work, 'tls-cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
  const tls = await startRegistry(work, undefined, { cert, key });
  const r = await cli(['image', `127.0.0.1:${tls}/test/rsyncd:1`, '--insecure-registry', `127.0.0.1:${tls}`, '--format', 'json']);
  assert.is(r.code, 2);
  assert.match(said(r), `the registry at 127.0.0.1:${tls} speaks HTTPS, not plain HTTP: leave it out of --insecure-registry`);
});

registry('a tag the registry lacks is named with its repository and the registry', async () => {
  const r = await cli(['image', `127.0.0.1:${port}/test/rsyncd:2`, '--insecure-registry', `127.0.0.1:${port}`, '--format', 'json']);
  assert.is(r.code, 2);
  assert.match(said(r), `tag 2 not found in repository test/rsyncd at 127.0.0.1:${port} (HTTP 404)`);
  assert.is(json(r).errors[0]?.target, `127.0.0.1:${port}/test/rsyncd:2`, 'the error names the image as typed');
});

registry('the admission webhook reads only the named registries in plain HTTP, in its analysis threads too', async () => {
  // A second registry on loopback with the same image, not named: the webhook must not speak plain HTTP to it.
  const unnamed = await startRegistry(work);
  execFileSync('skopeo', ['copy', '-q', '--dest-tls-verify=false', `oci:${built}/oci:rsyncd`, `docker://127.0.0.1:${unnamed}/test/rsyncd:1`]);
  const cert = makeCertificate();
  const listen = await freePort();
  // From dist, as the admission tests run it: its analysis threads load dist/image-worker.js (tsx's loader does not reach worker threads).
  const args = [resolve('dist/cli.js'), 'admission', 'serve', '--listen', `127.0.0.1:${listen}`, '--tls-cert', cert.cert, '--tls-key', cert.key, '--insecure-registry', `127.0.0.1:${port}`, '--budget-ms', '25000'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: plainEnv });
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (err += d));
  const hook: Webhook = { port: listen, ca: cert.ca, child, stderr: () => err, stop: () => child.kill('SIGTERM') };
  try {
    for (let i = 0; i < 200 && (await get(hook, '/healthz', 1000).catch(() => undefined))?.status !== 200; i++) await new Promise((r) => setTimeout(r, 50));
    const named = verdictOf(await post(hook, imagesReview('named', [`127.0.0.1:${port}/test/rsyncd:1`])));
    assert.is(named.allowed, false, 'read and denied for its findings');
    assert.match(named.message, 'RSYNC-002', named.message);
    const other = verdictOf(await post(hook, imagesReview('other', [`127.0.0.1:${unnamed}/test/rsyncd:1`])));
    assert.is(other.allowed, false, 'not evaluated: denied (fail closed)');
    assert.match(other.message, `the registry at 127.0.0.1:${unnamed} speaks plain HTTP`, other.message);
    assert.not.match(other.message, 'RSYNC-002');
  } finally {
    hook.stop();
  }
});

registry('--insecure-registry with a URL is refused ("write HOST:PORT"), and admission serve refuses a stray word', async () => {
  for (const args of [
    ['image', `127.0.0.1:${port}/test/rsyncd:1`, '--insecure-registry', `http://127.0.0.1:${port}`],
    ['admission', 'serve', '--tls-cert', 'x', '--tls-key', 'y', '--insecure-registry', 'http://localhost:5000'],
  ]) {
    const r = await cli(args);
    assert.is(r.code, 2, args.join(' '));
    assert.match(r.stderr, 'write HOST:PORT, not a URL');
  }
  const stray = await cli(['admission', 'serve', '--tls-cert', 'x', '--tls-key', 'y', 'bogus']);
  assert.is(stray.code, 2);
  assert.match(stray.stderr, 'admission serve takes no arguments, only options: unexpected "bogus"');
});

registry('a layer cache that cannot be used is left out with one warning naming it; the image is still read', async () => {
  const blocker = join(work, 'not-a-dir');
  writeFileSync(blocker, 'a file where the cache folder would go\n');
  const r = await cli(['image', `127.0.0.1:${port}/test/rsyncd:1`, '--insecure-registry', `127.0.0.1:${port}`, '--format', 'json', '--layer-cache', join(blocker, 'layers')]);
  assert.is(r.code, 1, r.stderr);
  assert.equal(findingSet(json(r)), expected);
  assert.is(r.stderr.split(`layer cache ${join(blocker, 'layers')}: not a directory; continuing without it`).length, 2, `once: ${r.stderr}`);
});

registry('a redirect stays within the named registries; a 401 names registry and repository; "." is no registry host', async () => {
  const { createServer } = await import('node:http');
  const hop = createServer((req, res) => {
    res.writeHead(307, { location: `http://127.0.0.1:${port}${req.url ?? '/'}` });
    res.end();
  });
  await new Promise<void>((done) => hop.listen(0, '127.0.0.1', done));
  const hopPort = (hop.address() as { port: number }).port;
  try {
    const refused = await cli(['image', `127.0.0.1:${hopPort}/test/rsyncd:1`, '--insecure-registry', `127.0.0.1:${hopPort}`, '--format', 'json', '--no-layer-cache']);
    assert.is(refused.code, 2);
    assert.match(said(refused), `refused to contact http://127.0.0.1:${port}: plain HTTP is only allowed to registries on loopback named by --insecure-registry`);
    const both = await cli(['image', `127.0.0.1:${hopPort}/test/rsyncd:1`, '--insecure-registry', `127.0.0.1:${hopPort}`, '--insecure-registry', `127.0.0.1:${port}`, '--format', 'json', '--no-layer-cache']);
    assert.equal(findingSet(json(both)), expected, said(both));
  } finally {
    hop.close();
  }
  const htpasswd = join(work, 'htpasswd-conv');
  execFileSync('htpasswd', ['-Bbc', htpasswd, 'ci', 'registry-secret']);
  const locked = await startRegistry(work, htpasswd);
  const wrong = join(work, 'wrong.json');
  writeFileSync(wrong, JSON.stringify({ auths: { [`127.0.0.1:${locked}`]: { auth: Buffer.from('ci:Wrong-Pass-5521').toString('base64') } } }));
  const denied = await cli(['image', `127.0.0.1:${locked}/test/rsyncd:1`, '--insecure-registry', `127.0.0.1:${locked}`, '--docker-config', wrong, '--format', 'json']);
  assert.is(denied.code, 2);
  assert.match(said(denied), `the registry at 127.0.0.1:${locked} refused the credentials for test/rsyncd (HTTP 401)`);
  assert.not.match(said(denied), 'Wrong-Pass-5521');
  const dot = await cli(['image', '.:5000/x:1', '--format', 'json']);
  assert.match(said(dot), '".:5000/x:1" is not an image reference');
  assert.not.match(said(dot), 'cannot reach');
});

registry.run();
