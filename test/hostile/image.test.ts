/**
 * Hostile images (issue 12, items 4, 6 and 9): credentials in the image config never reach a report;
 * configs reached through links or named by the daemon's command line are found, or the scan says it could
 * not find them; archives, layers and registries cannot make the scan buffer what it does not need.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, ftruncateSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertNoCanary, runAllFormats, runCli, runCliAsync, tempTree, type CliRun } from './support/cli.ts';
import { dockerArchive, layerTar, ociLayout, ociLayoutFiles, rawHeader, type Entry, type ImageConfigFields } from './support/images.ts';

const CONF = '[pub]\npath = /srv\nread only = no\n';

interface Finding {
  rule_id: string;
  location: { file: string; line: number } | null;
}
interface JsonReport {
  targets: { findings: Finding[]; facts: { image?: { env: { name: string; value: string | null }[]; entrypoint: string[]; cmd: string[] } } }[];
  errors: { target: string; message: string }[];
}

const json = (r: CliRun): JsonReport => JSON.parse(r.stdout || '{"targets":[],"errors":[]}') as JsonReport;
const findings = (r: CliRun) => json(r).targets.flatMap((t) => t.findings.map((f) => `${f.rule_id} ${f.location?.file ?? ''}`));

async function image(layers: Entry[][], config: ImageConfigFields = {}): Promise<string> {
  return ociLayout(tempTree({}, 'rg-hostile-image-'), await Promise.all(layers.map(layerTar)), config);
}

function scan(ref: string, ...extra: string[]): CliRun {
  return runCli(['image', ref, '--format', 'json', ...extra]);
}

// ---- item 4: credentials in the image config ----

const metadata = suite('image metadata: credentials in Env, Entrypoint and Cmd are withheld');

metadata('every credential-like name, URL userinfo and password options are withheld in every format', async () => {
  const canaries = ['Cv-Passwd-1187', 'Cv-Pwd-2291', 'Cv-Token-3307', 'Cv-Key-4409', 'Cv-Cred-5501', 'Cv-Url-6623', 'Cv-Opt-7741', 'Cv-Shell-8853', 'Cv-Next-9967', 'Cv-CmdUrl-1078', 'Cv-Secret-2189', 'Cv-Pass-3290'];
  const ref = await image([[{ name: 'etc/rsyncd.conf', body: CONF }]], {
    Env: [
      'PATH=/usr/bin',
      `DB_PASSWD=${canaries[0]}`,
      `mysql_pwd=${canaries[1]}`,
      `GitHubToken=${canaries[2]}`,
      `AWS_ACCESS_KEY=${canaries[3]}`,
      `X_CREDENTIALS=${canaries[4]}`,
      `MIRROR=rsync://backup:${canaries[5]}@mirror.example/mod`,
      `app_secret=${canaries[10]}`,
      `SMTP_PASS=${canaries[11]}`,
    ],
    Entrypoint: ['/bin/sh', '-c', `RSYNC_PASSWORD=${canaries[7]} rsync --password=${canaries[6]} --password-file=/run/secrets/rsync rsync://u@h/m /dst`],
    Cmd: ['--token', canaries[8] ?? '', `https://ci:${canaries[9]}@git.example/repo.git`],
  });
  const runs = runAllFormats(['image', ref]);
  for (const c of canaries) assertNoCanary(runs, c);
  const facts = json(runs.get('json') ?? scan(ref)).targets[0]?.facts.image;
  assert.ok(facts, 'the image facts are still reported');
  assert.equal(facts.env.find((e) => e.name === 'PATH')?.value, '/usr/bin', 'harmless values stay');
  for (const name of ['DB_PASSWD', 'mysql_pwd', 'GitHubToken', 'AWS_ACCESS_KEY', 'X_CREDENTIALS', 'app_secret', 'SMTP_PASS']) assert.is(facts.env.find((e) => e.name === name)?.value, null, name);
  assert.match(facts.env.find((e) => e.name === 'MIRROR')?.value ?? '', 'mirror.example/mod');
  assert.match(facts.entrypoint.join(' '), '--password-file=/run/secrets/rsync', 'a password file name is not a secret');
  assert.match(facts.cmd.join(' '), 'git.example/repo.git');
});

metadata('a credential variable in a daemon --config path is never expanded into a message', async () => {
  const canary = 'Cv-ConfigVar-4242';
  const ref = await image([[{ name: 'etc/rsyncd.conf', body: CONF }]], { Env: [`DB_PASSWORD=${canary}`], Cmd: ['sh', '-c', 'rsync --daemon --config=/srv/$DB_PASSWORD.cfg'] });
  const runs = runAllFormats(['image', ref]);
  for (const run of runs.values()) assert.is(run.code, 2, run.stderr);
  assertNoCanary(runs, canary);
});

metadata.run();

// ---- item 6: configs reached indirectly ----

const indirect = suite('configs reached through links or named by the daemon command');

const hasPub = (r: CliRun, file: string) => assert.ok(findings(r).includes(`RSYNC-002 ${file}`), `RSYNC-002 ${file} in ${findings(r).join(', ')} (exit ${r.code}) ${r.stderr}`);

indirect('/etc/rsyncd.conf as an absolute, a relative and a chained symlink through a linked directory', async () => {
  const cases: Entry[][] = [
    [
      { name: 'srv/cfg/daemon.cfg', body: CONF },
      { name: 'etc/rsyncd.conf', type: 'symlink', linkname: '/srv/cfg/daemon.cfg' },
    ],
    [
      { name: 'srv/cfg/daemon.cfg', body: CONF },
      { name: 'etc/rsyncd.conf', type: 'symlink', linkname: '../srv/cfg/daemon.cfg' },
    ],
    [
      { name: 'srv/real.cfg', body: CONF },
      { name: 'opt/cfg/rsyncd.conf', type: 'symlink', linkname: '../../../../../srv/real.cfg' },
      { name: 'etc/rsync', type: 'symlink', linkname: '/opt/cfg' },
      { name: 'etc/rsyncd.conf', type: 'symlink', linkname: 'rsync/rsyncd.conf' },
    ],
  ];
  for (const layer of cases) {
    const r = scan(await image([layer]));
    assert.is(r.code, 1, r.stderr);
    hasPub(r, 'etc/rsyncd.conf');
  }
});

indirect('a config reached through a link says so in every format', async () => {
  const ref = await image([
    [
      { name: 'srv/cfg/daemon.cfg', body: CONF },
      { name: 'etc/rsyncd.conf', type: 'symlink', linkname: '/srv/cfg/daemon.cfg' },
    ],
  ]);
  for (const [format, run] of runAllFormats(['image', ref])) {
    assert.is(run.code, 1, `${format}: ${run.stderr}`);
    assert.match(run.stdout, 'Found through a link: /etc/rsyncd.conf → /srv/cfg/daemon.cfg', format);
  }
});

indirect('/etc/rsyncd.conf as a hard link, in the same layer and to a lower layer', async () => {
  const same = scan(
    await image([
      [
        { name: 'srv/real.cfg', body: CONF },
        { name: 'etc/rsyncd.conf', type: 'link', linkname: 'srv/real.cfg' },
      ],
    ]),
  );
  assert.is(same.code, 1, same.stderr);
  hasPub(same, 'etc/rsyncd.conf');
  const lower = scan(await image([[{ name: 'srv/real.cfg', body: CONF }], [{ name: 'etc/rsyncd.conf', type: 'link', linkname: 'srv/real.cfg' }]]));
  assert.is(lower.code, 1, lower.stderr);
  hasPub(lower, 'etc/rsyncd.conf');
});

indirect('--config from Entrypoint/Cmd: --config=F, --config F, sh -c "…", and an entrypoint script', async () => {
  const conf = { name: 'srv/x.cfg', body: CONF };
  const configs: ImageConfigFields[] = [
    { Entrypoint: ['rsync', '--daemon', '--no-detach', '--config=/srv/x.cfg'] },
    { Entrypoint: ['/usr/bin/rsync'], Cmd: ['--daemon', '--config', '/srv/x.cfg'] },
    { Cmd: ['/bin/sh', '-c', 'mkdir -p /run/rsync && exec rsync --no-detach --daemon --config "/srv/x.cfg"'] },
  ];
  for (const c of configs) {
    const r = scan(await image([[conf]], c));
    assert.is(r.code, 1, `${JSON.stringify(c)}: ${r.stderr}`);
    hasPub(r, 'srv/x.cfg');
  }
  const fromEnv = scan(await image([[conf]], { Env: ['CONF=/srv/x.cfg'], Cmd: ['sh', '-c', 'exec rsync --daemon --config="${CONF}"'] }));
  assert.is(fromEnv.code, 1, fromEnv.stderr);
  hasPub(fromEnv, 'srv/x.cfg');
  const runtime = scan(await image([[conf]], { Cmd: ['sh', '-c', 'exec rsync --daemon --config=$RUNTIME_CONF'] }));
  assert.is(runtime.code, 2, 'a config path only run time knows is not a clean image');
  assert.match(json(runtime).errors[0]?.message ?? '', 'only the run-time environment resolves');
  const script = { name: 'usr/local/bin/start', body: '#!/bin/sh\nset -e\nexec /usr/bin/rsync --daemon --no-detach --config=/srv/x.cfg "$@"\n', mode: 0o755 };
  const viaScript = scan(await image([[conf, script]], { Entrypoint: ['/usr/local/bin/start'] }));
  assert.is(viaScript.code, 1, viaScript.stderr);
  hasPub(viaScript, 'srv/x.cfg');
});

indirect('includes through a linked directory and a secrets file behind a symlink are read; its password is not', async () => {
  const canary = 'Cv-Secrets-Link-4471';
  const ref = await image([
    [
      { name: 'etc/rsyncd.conf', body: '&include /etc/rsyncd.d\n' },
      { name: 'etc/rsyncd.d', type: 'symlink', linkname: '../srv/modules' },
      { name: 'srv/modules/bk.conf', body: '[bk]\npath = /srv/bk\nauth users = joe\nsecrets file = /etc/rsyncd.secrets\nread only = no\n' },
      { name: 'etc/rsyncd.secrets', type: 'symlink', linkname: '/srv/secrets/users' },
      { name: 'srv/secrets/users', body: `joe:${canary}\n`, mode: 0o644 },
    ],
  ]);
  const runs = runAllFormats(['image', ref]);
  const r = runs.get('json') ?? scan(ref);
  assert.ok(
    findings(r).some((f) => f.startsWith('RSYNC-030')),
    `secrets mode read through the link: ${findings(r).join(', ')} ${r.stderr}`,
  );
  assertNoCanary(runs, canary);
});

indirect('a daemon the image starts whose config is missing is a located error, exit 2', async () => {
  const named = scan(await image([[{ name: 'etc/rsyncd.conf', body: CONF }]], { Entrypoint: ['rsync', '--daemon', '--config=/srv/none.cfg'] }));
  assert.is(named.code, 2, named.stderr);
  assert.match(named.stderr + named.stdout, '/srv/none.cfg');
  assert.match(json(named).errors[0]?.message ?? '', 'started by its Entrypoint/Cmd');
  const script = { name: 'start', body: '#!/bin/sh\nexec rsync --daemon --config=/srv/gone.cfg\n', mode: 0o755 };
  const viaScript = scan(await image([[script]], { Entrypoint: ['/start'] }));
  assert.is(viaScript.code, 2, viaScript.stderr);
  assert.match(json(viaScript).errors[0]?.message ?? '', 'started by the script /start, reads the config /srv/gone.cfg');
  const outsideFile = join(tempTree({ 'host.conf': '[leak]\npath = /\ncomment = Cv-Host-File-5150\n' }), 'host.conf');
  const escaping = runAllFormats(['image', await image([[{ name: 'etc/rsyncd.conf', type: 'symlink', linkname: outsideFile }]], { Entrypoint: ['rsync', '--daemon'] })]);
  for (const run of escaping.values()) assert.is(run.code, 2, run.stderr);
  assertNoCanary(escaping, 'Cv-Host-File-5150');
  const huge = scan(await image([[{ name: 'etc/rsyncd.conf', body: `${'# padding\n'.repeat(120_000)}${CONF}` }]]));
  assert.is(huge.code, 2, 'a config too big to read is not a clean image');
  assert.match(json(huge).errors[0]?.message ?? '', 'larger than');
  const deleted = scan(
    await image(
      [
        [
          { name: 'srv/real.conf', body: CONF },
          { name: 'etc/rsyncd.conf', type: 'symlink', linkname: '/srv/real.conf' },
        ],
        [{ name: 'srv/.wh.real.conf' }],
      ],
      { Cmd: ['sh', '-c', 'rsync --daemon --no-detach'] },
    ),
  );
  assert.is(deleted.code, 2, 'the link dangles once a later layer deletes its target');
  assert.match(deleted.stderr + deleted.stdout, 'etc/rsyncd.conf');
});

indirect('60k files and 20k whiteouts are merged in linear time', async () => {
  const files: Entry[] = [{ name: 'etc/rsyncd.conf', body: CONF }];
  for (let i = 0; i < 60_000; i++) files.push({ name: `usr/share/d${i % 300}/f${i}` });
  const whiteouts: Entry[] = [];
  for (let i = 0; i < 20_000; i++) whiteouts.push({ name: `usr/share/d${i % 300}/.wh.f${i}` });
  const ref = await image([files, whiteouts]);
  const started = performance.now();
  const r = runCli(['image', ref, '--format', 'json'], { timeoutMs: 40_000 });
  const seconds = (performance.now() - started) / 1000;
  assert.not.ok(r.timedOut, 'took longer than 40 s');
  assert.is(r.code, 1, r.stderr);
  assert.ok(seconds < 15, `took ${seconds.toFixed(1)} s`);
});

indirect.run();

// ---- item 9: bounded resources ----

const bounded = suite('archives, layers and registries are read within bounds');

bounded('a docker-archive layer whose content does not match its diff_id is an error, exit 2', async () => {
  const good = await layerTar([{ name: 'etc/rsyncd.conf', body: CONF }]);
  const forged = await layerTar([{ name: 'etc/rsyncd.conf', body: '[forged]\npath = /\n' }]);
  const dir = tempTree();
  const honest = runCli(['image', await dockerArchive(join(dir, 'ok.tar'), [good]), '--format', 'json']);
  assert.is(honest.code, 1, honest.stderr);
  const r = runCli(['image', await dockerArchive(join(dir, 'bad.tar'), [forged], {}, [`sha256:${createHash('sha256').update(good).digest('hex')}`]), '--format', 'json']);
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stdout, 'diff_id');
});

bounded('a layer blob longer than its descriptor declares is refused while streaming', async () => {
  const layer = await layerTar([
    { name: 'etc/rsyncd.conf', body: CONF },
    { name: 'filler', body: Buffer.alloc(64 << 10) },
  ]);
  const r = scan(ociLayout(tempTree(), [layer], {}, [1024]));
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stdout, 'larger than the 1024 bytes its descriptor declares');
});

bounded('the index is bounded: too many entries is an error, overlong names and warnings are capped', async () => {
  const many: Entry[] = [{ name: 'etc/rsyncd.conf', body: CONF }];
  for (let i = 0; i < 3000; i++) many.push({ name: `../escape/${i}` });
  const ref = await image([many]);
  const capped = runCli(['image', ref, '--format', 'json'], { env: { RSYNCGUARD_MAX_IMAGE_ENTRIES: '1000' } });
  assert.is(capped.code, 2, capped.stderr);
  assert.match(capped.stdout, 'more than 1000 entries');
  const noisy = runCli(['image', ref, '--format', 'json']);
  assert.is(noisy.code, 1, noisy.stderr);
  assert.ok(noisy.stderr.split('\n').length < 60, `${noisy.stderr.split('\n').length} lines of warnings`);
  assert.match(noisy.stderr, 'more warnings like these');
});

bounded('a 300 MB padding entry in an oci-archive and in a layer is skipped without buffering', async () => {
  const PAD = 300 << 20;
  const dir = tempTree();
  const file = join(dir, 'padded.oci.tar');
  const layer = await layerTar([{ name: 'etc/rsyncd.conf', body: CONF }]);
  const rest = await layerTar([...ociLayoutFiles([layer])].map(([name, body]) => ({ name, body })));
  const fd = openSync(file, 'w');
  writeSync(fd, rawHeader('padding.bin', PAD, '0'));
  ftruncateSync(fd, 512 + PAD);
  writeSync(fd, rest, 0, rest.length, 512 + PAD);
  closeSync(fd);
  const r = runCli(['image', `oci-archive:${file}`, '--format', 'json'], { timeoutMs: 60_000 });
  assert.is(r.code, 1, r.stderr);
  hasPub(r, 'etc/rsyncd.conf');
  assert.ok(r.peakMiB < 200, `peak RSS ${r.peakMiB.toFixed(0)} MiB`);
  // The same padding inside a layer blob, written sparse; the config comes after it and must still be found.
  const blob = join(dir, 'layer.tar');
  const bfd = openSync(blob, 'w');
  writeSync(bfd, rawHeader('var/cache/padding.bin', PAD, '0'));
  ftruncateSync(bfd, 512 + PAD);
  writeSync(bfd, layer, 0, layer.length, 512 + PAD);
  closeSync(bfd);
  const hash = createHash('sha256');
  for await (const c of createReadStream(blob)) hash.update(c as Buffer);
  const layoutDir = tempTree();
  mkdirSync(join(layoutDir, 'blobs', 'sha256'), { recursive: true });
  const digest = `sha256:${hash.digest('hex')}`;
  renameSync(blob, join(layoutDir, 'blobs', 'sha256', digest.slice(7)));
  const ref = ociLayout(layoutDir, [digest]);
  const inLayer = runCli(['image', ref, '--format', 'json'], { timeoutMs: 60_000 });
  assert.is(inLayer.code, 1, inLayer.stderr);
  hasPub(inLayer, 'etc/rsyncd.conf');
  assert.ok(inLayer.peakMiB < 200, `layer: peak RSS ${inLayer.peakMiB.toFixed(0)} MiB`);
});

/** A registry on loopback that answers /v2/ and serves `body` (streamed, `bytes` long) at the given path. */
async function fakeRegistry(routes: (url: string, send: (bytes: number, type: string) => void, res: import('node:http').ServerResponse) => boolean): Promise<{ port: number; server: Server }> {
  const server = createServer((req, res) => {
    const send = (bytes: number, type: string) => {
      res.writeHead(200, { 'content-type': type });
      const chunk = Buffer.alloc(1 << 20, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < bytes) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (sent = bytes));
      pump();
    };
    if (!routes(req.url ?? '', send, res)) res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server };
}

bounded('oversized registry bodies (manifest, config, token) are refused while streaming', async () => {
  const BIG = 300 << 20;
  const config = `sha256:${'a'.repeat(64)}`;
  const manifest = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { digest: config, size: 10 }, layers: [] });
  const cases: [string, string, Parameters<typeof fakeRegistry>[0]][] = [
    ['manifest', '4 MiB', (url, send, res) => (url === '/v2/' ? (res.writeHead(200).end(), true) : url.includes('/manifests/') ? (send(BIG, 'application/vnd.oci.image.manifest.v1+json'), true) : false)],
    ['manifest', 'announced', (url, _send, res) => (url === '/v2/' ? (res.writeHead(200).end(), true) : url.includes('/manifests/') ? (res.writeHead(200, { 'content-length': String(BIG) }).flushHeaders(), true) : false)],
    [
      'config',
      '8 MiB',
      (url, send, res) =>
        url === '/v2/'
          ? (res.writeHead(200).end(), true)
          : url.includes('/manifests/')
            ? (res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }).end(manifest), true)
            : url.includes('/blobs/')
              ? (send(BIG, 'application/octet-stream'), true)
              : false,
    ],
    [
      'token',
      '1 MiB',
      (url, send, res) => {
        if (url.startsWith('/token')) return (send(BIG, 'application/json'), true);
        const port = (res.req.socket.localPort ?? 0).toString();
        return (res.writeHead(401, { 'www-authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="x"` }).end(), true);
      },
    ],
  ];
  for (const [what, cap, routes] of cases) {
    const { port, server } = await fakeRegistry(routes);
    try {
      const r = await runCliAsync(['image', `127.0.0.1:${port}/hostile/big:1`, '--insecure-registry', '--no-layer-cache', '--format', 'json'], { timeoutMs: 60_000 });
      assert.is(r.code, 2, `${what}: ${r.stderr}`);
      assert.match(r.stdout, what);
      assert.match(r.stdout, cap);
      assert.ok(r.peakMiB < 150, `${what}: peak RSS ${r.peakMiB.toFixed(0)} MiB`);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }
});

bounded.run();
