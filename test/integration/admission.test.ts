/**
 * The admission webhook over real HTTPS (a self-signed certificate made here): every workload kind,
 * malformed reviews, the failure policy, and a burst of concurrent requests for a cached image, whose p99
 * latency is printed.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { buildImage, startRegistry, stopRegistries } from './support/images.ts';
import { freePort } from './support/rsync-daemon.ts';

const CLI = resolve('dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'rg-admission-'));
let server: ChildProcess | undefined;
let port = 0;
let ca: Buffer;
let bad = '';
let clean = '';

function post(body: string): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path: '/validate', method: 'POST', ca, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', fail);
    req.setTimeout(60_000, () => req.destroy(new Error('the webhook did not answer within 60 s')));
    req.end(body);
  });
}

function review(kind: string, image: string, uid = `uid-${kind}`): string {
  const pod = { containers: [{ name: 'c', image }] };
  const template = { spec: pod };
  const spec: Record<string, unknown> = kind === 'Pod' ? pod : kind === 'CronJob' ? { jobTemplate: { spec: { template } } } : { template };
  return JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid, kind: { group: '', version: 'v1', kind }, object: { kind, spec } } });
}

interface Verdict {
  response: { uid: string; allowed: boolean; status?: { message: string } };
}

const admission = suite('admission webhook over HTTPS');

admission.before(async () => {
  const reg = await startRegistry(work);
  const images = [
    ['bad', true],
    ['clean', false],
  ] as const;
  for (const [name, withConfig] of images) {
    const dir = buildImage(work, name, withConfig);
    // An image that starts rsync --daemon without a config cannot be evaluated; the clean one runs a shell.
    if (!withConfig) execFileSync('umoci', ['config', '--image', 'oci:rsyncd', '--clear=config.entrypoint', '--config.entrypoint', '/bin/sh'], { cwd: dir, stdio: 'pipe' });
    execFileSync('skopeo', ['copy', '-q', '--dest-tls-verify=false', `oci:${dir}/oci:rsyncd`, `docker://127.0.0.1:${reg}/test/${name}:1`]);
  }
  bad = `127.0.0.1:${reg}/test/bad:1`;
  clean = `127.0.0.1:${reg}/test/clean:1`;
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(work, 'key.pem'), '-out', join(work, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  ca = readFileSync(join(work, 'cert.pem'));
  port = await freePort();
  server = spawn(process.execPath, [CLI, 'admission', 'serve', '--listen', `127.0.0.1:${port}`, '--tls-cert', join(work, 'cert.pem'), '--tls-key', join(work, 'key.pem'), '--insecure-registry', '--budget-ms', '30000'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise<boolean>((done) => {
      const req = request({ host: '127.0.0.1', port, path: '/healthz', ca }, (res) => done(res.statusCode === 200));
      req.on('error', () => done(false));
      req.end();
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the webhook did not start');
});

admission.after(() => {
  server?.kill('SIGTERM');
  // Should the server linger, it must not keep this test process alive.
  server?.unref();
  server?.stderr?.destroy();
  setTimeout(() => server?.kill('SIGKILL'), 2000).unref();
  stopRegistries();
});

admission('denies every workload kind whose image has high findings, and says which', async () => {
  for (const kind of ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']) {
    const r = await post(review(kind, bad));
    assert.is(r.status, 200, r.text);
    const v = JSON.parse(r.text) as Verdict;
    assert.is(v.response.uid, `uid-${kind}`);
    assert.is(v.response.allowed, false, kind);
    assert.match(v.response.status?.message ?? '', 'RSYNC-002');
  }
});

admission('allows an image without findings', async () => {
  const v = JSON.parse((await post(review('Deployment', clean))).text) as Verdict;
  assert.is(v.response.allowed, true);
});

admission('answers malformed bodies with 400 and keeps serving', async () => {
  assert.is((await post('{not json')).status, 400);
  assert.is((await post('{"kind":"Something"}')).status, 400);
  assert.is((await post(JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { kind: { kind: 'Pod' }, object: {} } }))).status, 400);
  // A review with a uid always gets a verdict: a kind without a known path is searched for container lists.
  const unknown = await post(review('ConfigMap', bad));
  assert.is(unknown.status, 200, unknown.text);
  assert.is((JSON.parse(unknown.text) as Verdict).response.allowed, false);
  const v = JSON.parse((await post(review('Pod', bad, 'after-garbage'))).text) as Verdict;
  assert.is(v.response.uid, 'after-garbage');
});

admission('fails closed when an image cannot be evaluated', async () => {
  const gone = `127.0.0.1:${await freePort()}/test/gone:1`;
  const v = JSON.parse((await post(review('Pod', gone))).text) as Verdict;
  assert.is(v.response.allowed, false);
  assert.match(v.response.status?.message ?? '', 'fail-closed');
});

admission('a burst of concurrent reviews for a cached image is answered, fast', async () => {
  await post(review('Pod', bad, 'warm'));
  const times: number[] = [];
  const answers = await Promise.all(
    Array.from({ length: 100 }, async (_, i) => {
      const t = performance.now();
      const r = await post(review('Pod', bad, `burst-${i}`));
      times.push(performance.now() - t);
      return JSON.parse(r.text) as Verdict;
    }),
  );
  assert.ok(answers.every((a, i) => a.response.uid === `burst-${i}` && a.response.allowed === false));
  times.sort((a, b) => a - b);
  const one: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await post(review('Pod', bad, `seq-${i}`));
    one.push(performance.now() - t);
  }
  one.sort((a, b) => a - b);
  console.log(`  admission, cached image: one at a time p50 ${one[49]?.toFixed(1)} ms, p99 ${one[98]?.toFixed(1)} ms; 100 at once p50 ${times[49]?.toFixed(1)} ms, p99 ${times[98]?.toFixed(1)} ms (new TLS connection each)`);
});

admission.run();
