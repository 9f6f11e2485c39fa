/**
 * Registry credentials as a cluster mounts them (issue 19 item 6): a real registry on loopback with
 * htpasswd Basic auth, and the webhook (from source, over HTTPS) reading its credentials from
 * DOCKER_CONFIG pointing at an imagePullSecret's directory (`.dockerconfigjson`), from --docker-config
 * naming a legacy kubernetes.io/dockercfg Secret's directory (`.dockercfg`, username and password), or
 * from nothing: the image is read, and judged, only with the credentials.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { imagesReview, makeCertificate, post, reviewLine, simpleImage, verdictOf, WRITABLE_CONF, type Certificate, type MemoryImage, type Webhook } from '../hostile/support/webhook.ts';
import { startRegistry, stopRegistries } from './support/images.ts';
import { startSourceWebhook } from './support/source-webhook.ts';

const USER = 'puller';
const PASSWORD = 'pull-Secret-4711';
const work = mkdtempSync(join(tmpdir(), 'rg-admission-creds-'));
let cert: Certificate;
let image = '';
const hooks: Webhook[] = [];

/** The image as an OCI layout on disk, tagged `1`, for skopeo to push. */
function layout(img: MemoryImage, dir: string): void {
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  for (const [digest, bytes] of [...img.blobs, [img.digest, img.manifest] as const]) writeFileSync(join(dir, 'blobs', 'sha256', digest.slice(7)), bytes);
  const entry = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: img.digest, size: img.manifest.length, annotations: { 'org.opencontainers.image.ref.name': '1' } };
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [entry] }));
}

/** A directory as Kubernetes mounts a Secret: one file per key. */
function secretDir(name: string, key: string, doc: unknown): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, key), JSON.stringify(doc));
  return dir;
}

async function judged(hook: Webhook, uid: string): Promise<{ allowed: boolean; message: string }> {
  const a = await post(hook, imagesReview(uid, [image]));
  assert.is(a.status, 200, a.text);
  return verdictOf(a);
}

const creds = suite('admission: registry credentials from mounted imagePullSecrets');

creds.before(async () => {
  cert = makeCertificate();
  const htpasswd = join(work, 'htpasswd');
  execFileSync('htpasswd', ['-Bbc', htpasswd, USER, PASSWORD], { stdio: 'pipe' });
  const port = await startRegistry(work, htpasswd);
  layout(await simpleImage(WRITABLE_CONF), join(work, 'oci'));
  execFileSync('skopeo', ['copy', '-q', '--dest-tls-verify=false', '--dest-creds', `${USER}:${PASSWORD}`, `oci:${join(work, 'oci')}:1`, `docker://127.0.0.1:${port}/t/locked:1`]);
  image = `127.0.0.1:${port}/t/locked:1`;
});

creds.after(() => {
  for (const h of hooks) h.stop();
  stopRegistries();
  rmSync(cert.dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

creds('DOCKER_CONFIG at a kubernetes.io/dockerconfigjson Secret: the image is read and judged', async () => {
  const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
  const dir = secretDir('dockerconfigjson', '.dockerconfigjson', { auths: { [image.split('/')[0] ?? '']: { auth } } });
  const hook = await startSourceWebhook(cert, [], { DOCKER_CONFIG: dir });
  hooks.push(hook);
  const v = await judged(hook, 'json');
  assert.not.ok(v.allowed);
  assert.match(v.message, 'RSYNC-', 'denied for a finding: the image was read');
  // Read once the review's own line is written, so the check covers it.
  await reviewLine(() => hook.stderr(), 'json');
  assert.not.ok(hook.stderr().includes(PASSWORD), 'the password is never logged');
});

creds('--docker-config at a legacy kubernetes.io/dockercfg Secret, username and password', async () => {
  const dir = secretDir('dockercfg', '.dockercfg', { [`http://${image.split('/')[0]}`]: { username: USER, password: PASSWORD, email: 'ci@example.com' } });
  const hook = await startSourceWebhook(cert, ['--docker-config', dir], { DOCKER_CONFIG: undefined });
  hooks.push(hook);
  const v = await judged(hook, 'cfg');
  assert.not.ok(v.allowed);
  assert.match(v.message, 'RSYNC-');
});

creds('without credentials the registry refuses, and the webhook says so instead of judging', async () => {
  const dir = secretDir('none', '.dockerconfigjson', { auths: {} });
  const hook = await startSourceWebhook(cert, [], { DOCKER_CONFIG: dir });
  hooks.push(hook);
  const v = await judged(hook, 'none');
  assert.not.ok(v.allowed);
  assert.not.match(v.message, 'RSYNC-');
  assert.match(v.message, /credentials/);
});

creds.run();
