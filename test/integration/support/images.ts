/**
 * Images for the tests, built with Debian's umoci and skopeo, and a real registry on loopback
 * (docker-registry, optionally with htpasswd basic auth or Bearer tokens). Everything is stopped by stopRegistries().
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createPrivateKey, randomUUID, sign, X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { freePort } from './rsync-daemon.ts';

const registries: ChildProcess[] = [];
const servers: Server[] = [];

/** Baked into every test image's Env: it must never appear in a report. */
export const IMAGE_ENV_PASSWORD = 'Env-Baked-Pass-9271';

/** An image with (unless withConfig is false) an anonymous writable module, a weak other-readable secrets file, a secrets file deleted by a later layer, and RSYNC_PASSWORD in its Env. */
export function buildImage(work: string, name = 'build', withConfig = true): string {
  const dir = join(work, name);
  mkdirSync(dir);
  const run = (...args: string[]) => execFileSync(args[0] ?? '', args.slice(1), { cwd: dir, stdio: 'pipe' });
  run('umoci', 'init', '--layout', 'oci');
  run('umoci', 'new', '--image', 'oci:rsyncd');
  run('umoci', 'unpack', '--rootless', '--image', 'oci:rsyncd', 'bundle');
  const root = join(dir, 'bundle', 'rootfs');
  mkdirSync(join(root, 'etc'), { recursive: true });
  mkdirSync(join(root, 'root'), { recursive: true });
  // Without a config the image is clean: rsyncguard has nothing to report.
  if (withConfig) writeFileSync(join(root, 'etc', 'rsyncd.conf'), '[pub]\npath = /srv\nread only = no\n[bk]\npath = /srv/bk\nauth users = joe\nsecrets file = /etc/rsyncd.secrets\n');
  writeFileSync(join(root, 'etc', 'rsyncd.secrets'), 'joe:joe\n');
  chmodSync(join(root, 'etc', 'rsyncd.secrets'), 0o644);
  writeFileSync(join(root, 'root', 'old.secrets'), 'old:Old-Password-2020\n');
  run('umoci', 'repack', '--image', 'oci:rsyncd', 'bundle');
  // A second layer that deletes the old secrets file: repack diffs against the unpacked image, so unpack again.
  run('umoci', 'unpack', '--rootless', '--image', 'oci:rsyncd', 'bundle2');
  rmSync(join(dir, 'bundle2', 'rootfs', 'root', 'old.secrets'));
  run('umoci', 'repack', '--image', 'oci:rsyncd', 'bundle2');
  run('umoci', 'config', '--image', 'oci:rsyncd', '--config.exposedports', '873/tcp', '--config.entrypoint', 'rsync', '--config.entrypoint', '--daemon', '--config.env', 'TZ=UTC', '--config.env', `RSYNC_PASSWORD=${IMAGE_ENV_PASSWORD}`);
  run('skopeo', 'copy', '-q', 'oci:oci:rsyncd', 'docker-archive:img.tar:test/rsyncd:1');
  run('skopeo', 'copy', '-q', 'oci:oci:rsyncd', 'oci-archive:img.oci.tar');
  return dir;
}

export type RegistryAuth = { htpasswd: string } | { token: TokenService };

/** `tls`: the registry serves HTTPS with this certificate and key (PEM files), as a registry off loopback would. */
export async function startRegistry(work: string, auth?: string | RegistryAuth, tls?: { cert: string; key: string }): Promise<number> {
  const port = await freePort();
  const data = mkdtempSync(join(work, 'reg-'));
  const a = typeof auth === 'string' ? { htpasswd: auth } : auth;
  const authYaml = !a ? '' : 'htpasswd' in a ? `auth: { htpasswd: { realm: test, path: ${a.htpasswd} } }\n` : `auth: { token: { realm: "${a.token.realm}", service: ${TOKEN_SERVICE}, issuer: ${TOKEN_ISSUER}, rootcertbundle: ${a.token.cert} } }\n`;
  writeFileSync(join(data, 'reg.yml'), `version: 0.1\nstorage: { filesystem: { rootdirectory: ${data}/data } }\nhttp: { addr: 127.0.0.1:${port}${tls ? `, tls: { certificate: ${tls.cert}, key: ${tls.key} }` : ''} }\n${authYaml}`);
  const child = spawn('docker-registry', ['serve', join(data, 'reg.yml')], { stdio: 'ignore' });
  registries.push(child);
  for (let i = 0; i < 100; i++) {
    // A TLS registry answers this plain request with 400 ("an HTTP request to an HTTPS server"): it is up.
    const ok = await fetch(`http://127.0.0.1:${port}/v2/`).then(
      (r) => r.status === 200 || r.status === 401 || (tls !== undefined && r.status === 400),
      () => false,
    );
    if (ok) return port;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the registry did not start');
}

const TOKEN_SERVICE = 'rg-test-registry';
const TOKEN_ISSUER = 'rg-test-issuer';

export interface TokenService {
  realm: string;
  /** The certificate the registry trusts for token signatures. */
  cert: string;
  /** Token requests seen, and how many were granted. */
  seen: { requests: number; granted: number };
}

/**
 * The token half of the registry's Bearer flow (the registry itself is the real one): a JWT signed with a
 * key whose self-signed certificate the registry trusts, issued only to `user:password`, for the scope asked.
 */
export async function startTokenService(work: string, user: string, password: string): Promise<TokenService> {
  const dir = mkdtempSync(join(work, 'token-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=rg-test-token'], { stdio: 'pipe' });
  const der = new X509Certificate(readFileSync(cert)).raw.toString('base64');
  const signingKey = createPrivateKey(readFileSync(key));
  const b64 = (v: object | Buffer) => (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v))).toString('base64url');
  const seen = { requests: 0, granted: 0 };
  const server = createServer((req, res) => {
    seen.requests++;
    const url = new URL(req.url ?? '/', 'http://token');
    if (req.headers.authorization !== `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`) {
      res.writeHead(401).end();
      return;
    }
    const access = url.searchParams.getAll('scope').flatMap((scope) => {
      const [type, name, actions] = scope.split(':');
      return type && name && actions ? [{ type, name, actions: actions.split(',') }] : [];
    });
    const now = Math.floor(Date.now() / 1000);
    const body = `${b64({ typ: 'JWT', alg: 'RS256', x5c: [der] })}.${b64({ iss: TOKEN_ISSUER, sub: user, aud: url.searchParams.get('service'), exp: now + 300, nbf: now - 10, iat: now, jti: randomUUID(), access })}`;
    const token = `${body}.${b64(sign('sha256', Buffer.from(body), signingKey))}`;
    seen.granted++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token, expires_in: 300 }));
  });
  servers.push(server);
  const port = await freePort();
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { realm: `http://127.0.0.1:${port}/token`, cert, seen };
}

export function stopRegistries(): void {
  for (const r of registries.splice(0)) r.kill();
  for (const s of servers.splice(0)) s.close();
}
