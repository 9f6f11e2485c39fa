/**
 * docs/admission.md, followed as written: its shell blocks run verbatim (openssl, base64 and sed for real;
 * kubectl is a stand-in that records what it was asked: the Deployment applied must be able to start, with a
 * release's image and the Secrets it mounts, before the webhook configuration is applied), the documented `admission serve` line starts the
 * webhook, and the documented curl line sends the documented AdmissionReview. The answer must be the
 * documented one: the image the sample names is served here by a real registry on loopback (HTTPS, its
 * certificate from the quick start's CA), so the test needs no network and the verdict is the one a user
 * online gets for it.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from '../support/suite.ts';
import { parse as parseYaml } from 'yaml';
import * as assert from 'uvu/assert';
import { freePort } from './support/rsync-daemon.ts';

const ROOT = resolve('.');
const DOC = readFileSync(join(ROOT, 'docs/admission.md'), 'utf8');
const SERVICE = 'rsyncguard-admission.rsyncguard.svc';
/** The manual path's apply of the chart's rendering (examples/kubernetes), as kubectl is asked for it. */
const APPLY = 'apply -f examples/kubernetes/service.yaml -f examples/kubernetes/deployment.yaml -f examples/kubernetes/pdb.yaml';
const work = mkdtempSync(join(tmpdir(), 'rg-admission-quickstart-'));
/** The checkout the doc runs in: dist/, package.json and the manifests, as in a clone. */
const checkout = join(work, 'checkout');
const children: ChildProcess[] = [];

/** The fenced block after `<!-- quickstart:NAME -->`. */
function block(name: string): string {
  const m = new RegExp(`<!-- quickstart:${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\`\\n`).exec(DOC);
  if (!m?.[1]) throw new Error(`docs/admission.md has no quickstart:${name} block`);
  return m[1];
}

/**
 * kubectl, recording its arguments: the cluster steps are checked for what they name, not run. With
 * $ROLLOUT_FAILS set, `rollout status` fails as it does when the Pods never become ready.
 */
function fakeKubectl(): string {
  const bin = join(work, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'kubectl'), `#!/bin/sh\nprintf '%s\\n' "$*" >> "\${KUBECTL_LOG:-${join(work, 'kubectl.log')}}"\ncase "$*" in *"rollout status"*) [ -z "\${ROLLOUT_FAILS:-}" ] || exit 1 ;; esac\n`);
  chmodSync(join(bin, 'kubectl'), 0o755);
  return bin;
}

const PATH = `${fakeKubectl()}:${process.env['PATH'] ?? '/usr/bin:/bin'}`;

function sh(script: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('sh', ['-eu', '-c', script], { cwd: checkout, env: { ...process.env, PATH, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = createServer();
    s.once('error', () => done(false));
    s.listen(port, '127.0.0.1', () => s.close(() => done(true)));
  });
}

/** An image with no rsync in it (one layer, a shell as entrypoint), as a public base image is. */
function cleanImage(): string {
  const dir = join(work, 'image');
  mkdirSync(dir);
  const run = (...args: string[]) => execFileSync(args[0] ?? '', args.slice(1), { cwd: dir, stdio: 'pipe' });
  run('umoci', 'init', '--layout', 'oci');
  run('umoci', 'new', '--image', 'oci:base');
  run('umoci', 'unpack', '--rootless', '--image', 'oci:base', 'bundle');
  mkdirSync(join(dir, 'bundle', 'rootfs', 'etc'), { recursive: true });
  writeFileSync(join(dir, 'bundle', 'rootfs', 'etc', 'hostname'), 'web\n');
  run('umoci', 'repack', '--image', 'oci:base', 'bundle');
  run('umoci', 'config', '--image', 'oci:base', '--config.entrypoint', '/bin/sh');
  return join(dir, 'oci');
}

/** docker-registry over HTTPS on loopback, its certificate (IP SAN 127.0.0.1) signed by the quick start's CA. */
async function startTlsRegistry(): Promise<number> {
  const port = await freePort();
  const dir = join(work, 'registry');
  mkdirSync(dir);
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName = IP:127.0.0.1\n');
  execFileSync('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'reg.key'), '-out', join(dir, 'reg.csr')], { stdio: 'ignore' });
  execFileSync('openssl', ['x509', '-req', '-in', join(dir, 'reg.csr'), '-CA', join(checkout, 'ca.crt'), '-CAkey', join(checkout, 'ca.key'), '-CAcreateserial', '-days', '1', '-extfile', join(dir, 'san.ext'), '-out', join(dir, 'reg.crt')], {
    stdio: 'ignore',
  });
  writeFileSync(join(dir, 'reg.yml'), `version: 0.1\nstorage: { filesystem: { rootdirectory: ${dir}/data } }\nhttp: { addr: 127.0.0.1:${port}, tls: { certificate: ${dir}/reg.crt, key: ${dir}/reg.key } }\n`);
  children.push(spawn('docker-registry', ['serve', join(dir, 'reg.yml')], { stdio: 'ignore' }));
  for (let i = 0; i < 200; i++) {
    if (spawnSync('curl', ['-sf', '--cacert', join(checkout, 'ca.crt'), `https://127.0.0.1:${port}/v2/`]).status === 0) return port;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the registry did not start');
}

const quick = suite('docs/admission.md, followed as written');
let registry = 0;
let port = 8443;

quick.before(async () => {
  mkdirSync(join(checkout, 'examples'), { recursive: true });
  symlinkSync(join(ROOT, 'dist'), join(checkout, 'dist'));
  cpSync(join(ROOT, 'examples/kubernetes'), join(checkout, 'examples/kubernetes'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(checkout, 'package.json'));
  sh(block('certificates'));
  sh(block('cluster'));
  registry = await startTlsRegistry();
  // The sample's image, as its registry would serve it: the same repository and tag on the loopback registry.
  mkdirSync(join(work, 'registry-ca'));
  cpSync(join(checkout, 'ca.crt'), join(work, 'registry-ca', 'ca.crt'));
  execFileSync('skopeo', ['copy', '-q', '--dest-cert-dir', join(work, 'registry-ca'), `oci:${cleanImage()}:base`, `docker://127.0.0.1:${registry}/library/alpine:3.20`]);
  // The documented port, unless this machine already has something on it.
  if (!(await portFree(8443))) port = await freePort();
});

quick.after(() => {
  for (const c of children) c.kill('SIGTERM');
});

quick('the certificate is for the Service DNS name, as a SAN, signed by the CA', () => {
  const san = execFileSync('openssl', ['x509', '-in', join(checkout, 'tls.crt'), '-noout', '-ext', 'subjectAltName'], { encoding: 'utf8' });
  assert.match(san, `DNS:${SERVICE}`);
  assert.is(spawnSync('openssl', ['verify', '-CAfile', join(checkout, 'ca.crt'), join(checkout, 'tls.crt')]).status, 0);
  // Accepted by the webhook's own checks (key matches, PEM of the right kinds) is shown by the serve test below.
});

quick('caBundle is the CA certificate, base64 on one line, and the key pair goes into the Secret', () => {
  const webhook = readFileSync(join(checkout, 'webhook.yaml'), 'utf8');
  const bundle = /caBundle: "([^"]*)"/.exec(webhook)?.[1] ?? '';
  assert.match(bundle, /^[A-Za-z0-9+/]+=*$/, 'caBundle is not one line of base64');
  assert.is(Buffer.from(bundle, 'base64').toString('utf8'), readFileSync(join(checkout, 'ca.crt'), 'utf8'));
  const kubectl = readFileSync(join(work, 'kubectl.log'), 'utf8');
  assert.match(kubectl, '-n rsyncguard create secret tls rsyncguard-admission-tls --cert=tls.crt --key=tls.key');
  assert.match(kubectl, 'apply -f webhook.yaml');
});

interface Deployment {
  spec: {
    template: {
      spec: {
        containers: { image: string; args: string[] }[];
        volumes: { name: string; secret?: { secretName: string; optional?: boolean } }[];
      };
    };
  };
}

quick('the Deployment applied can start: its image is a release, every Secret it needs is created', () => {
  const kubectl = readFileSync(join(work, 'kubectl.log'), 'utf8').split('\n');
  // The manifests applied are the chart's rendering, which names this checkout's release (test/chart keeps it so).
  assert.ok(kubectl.includes(APPLY), kubectl.join('\n'));
  const deployment = parseYaml(readFileSync(join(checkout, 'examples/kubernetes/deployment.yaml'), 'utf8')) as Deployment;
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  assert.equal(
    deployment.spec.template.spec.containers.map((c) => c.image),
    [`ghcr.io/rsyncguard/rsyncguard:${version}`],
  );
  // A Secret the Pods mount must exist (else they stay in ContainerCreating), unless the volume is optional.
  const created = kubectl.flatMap((l) => /^-n rsyncguard create secret \S+ (\S+)/.exec(l)?.[1] ?? []);
  for (const v of deployment.spec.template.spec.volumes) {
    if (v.secret && v.secret.optional !== true) assert.ok(created.includes(v.secret.secretName), `the Deployment mounts the Secret ${v.secret.secretName}, which no step creates`);
  }
  // No argument names a file that only an optional Secret provides (the webhook refuses to start without it).
  assert.not.match(deployment.spec.template.spec.containers[0]?.args.join(' ') ?? '', '/registry/');
});

quick('the webhook configuration is applied only after the webhook is up, and never when it is not', () => {
  const kubectl = readFileSync(join(work, 'kubectl.log'), 'utf8').split('\n');
  const rollout = kubectl.indexOf('-n rsyncguard rollout status deployment/rsyncguard-admission --timeout=180s');
  assert.ok(rollout > kubectl.indexOf(APPLY) && kubectl.includes(APPLY), kubectl.join('\n'));
  assert.ok(kubectl.indexOf('apply -f webhook.yaml') > rollout, kubectl.join('\n'));
  // The Pods never become ready (no such release, a Secret missing): the step fails, the cluster is left admitting Pods.
  const log = join(work, 'kubectl-failed.log');
  const r = spawnSync('sh', ['-eu', '-c', block('cluster')], { cwd: checkout, env: { ...process.env, PATH, KUBECTL_LOG: log, ROLLOUT_FAILS: '1' }, encoding: 'utf8' });
  assert.is.not(r.status, 0);
  assert.match(readFileSync(log, 'utf8'), 'rollout status');
  assert.not.match(readFileSync(log, 'utf8'), 'apply -f webhook.yaml');
});

quick('every file the quick start writes in the checkout is ignored by its .gitignore (ca.key above all)', () => {
  const written = readdirSync(checkout).filter((f) => !['dist', 'examples', 'package.json'].includes(f));
  assert.ok(written.includes('ca.key') && written.includes('tls.key') && written.includes('webhook.yaml'), written.join(' '));
  const ignored = spawnSync('git', ['-C', ROOT, 'check-ignore', '--no-index', '--', ...written], { encoding: 'utf8' });
  assert.equal(
    ignored.stdout
      .split('\n')
      .filter((l) => l !== '')
      .sort(),
    [...written].sort(),
    ignored.stderr,
  );
});

quick('the documented curl gets the documented answer for the documented review', async () => {
  const serveLine = block('serve').trim().replaceAll('8443', String(port));
  // The registry's certificate is trusted the way a cluster's private CA would be: NODE_EXTRA_CA_CERTS.
  // Node does not go through /etc/hosts for this: the sample's registry name is rewritten to the loopback one.
  const server = spawn('sh', ['-c', `exec ${serveLine}`], { cwd: checkout, env: { ...process.env, NODE_EXTRA_CA_CERTS: join(checkout, 'ca.crt') }, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(server);
  let log = '';
  server.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  const sample = block('review');
  writeFileSync(join(checkout, 'review.json'), sample.replace('docker.io/library/alpine:3.20', `127.0.0.1:${registry}/library/alpine:3.20`));
  const curl = block('curl').replaceAll('8443', String(port));
  let answer: string;
  try {
    answer = sh(curl);
  } catch (e) {
    throw new Error(`curl failed: ${String(e)}\nwebhook log:\n${log}`);
  }
  const expected = JSON.parse(block('response').replaceAll('docker.io/library/alpine:3.20', `127.0.0.1:${registry}/library/alpine:3.20`)) as unknown;
  assert.equal(JSON.parse(answer), expected, `webhook log:\n${log}`);
  // The uid is the sample's: the API server matches the answer to its request by it.
  assert.match(answer, (JSON.parse(sample) as { request: { uid: string } }).request.uid);

  // The sample exactly as documented: on a machine without the network, docker.io cannot be reached and the
  // fail-closed default denies it, naming the image; online it is allowed as documented above.
  writeFileSync(join(checkout, 'review.json'), sample);
  const verbatim = JSON.parse(sh(curl)) as { response: { uid: string; allowed: boolean; status: { message: string } } };
  assert.is(verbatim.response.uid, '705ab4f5-6393-11e8-b7cc-42010a800002');
  assert.match(verbatim.response.status.message, 'docker.io/library/alpine:3.20');
  if (!verbatim.response.allowed) assert.match(verbatim.response.status.message, 'could not be evaluated');

  // A second webhook on the same address: one line, exit 2.
  const again = spawnSync('sh', ['-c', serveLine], { cwd: checkout, encoding: 'utf8', timeout: 60_000 });
  assert.is(again.status, 2, again.stderr);
  assert.is(again.stderr.split('\n')[0], `rsyncguard admission: port ${port} on 127.0.0.1 is in use: another process listens there`);
});

quick.run();
