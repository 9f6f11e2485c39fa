/**
 * Images for the tests, built with Debian's umoci and skopeo, and a real registry on loopback
 * (docker-registry, optionally with htpasswd basic auth). Everything is stopped by stopRegistries().
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './rsync-daemon.ts';

const registries: ChildProcess[] = [];

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

export async function startRegistry(work: string, htpasswd?: string): Promise<number> {
  const port = await freePort();
  const data = mkdtempSync(join(work, 'reg-'));
  const auth = htpasswd ? `auth: { htpasswd: { realm: test, path: ${htpasswd} } }\n` : '';
  writeFileSync(join(data, 'reg.yml'), `version: 0.1\nstorage: { filesystem: { rootdirectory: ${data}/data } }\nhttp: { addr: 127.0.0.1:${port} }\n${auth}`);
  const child = spawn('docker-registry', ['serve', join(data, 'reg.yml')], { stdio: 'ignore' });
  registries.push(child);
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/v2/`).then((r) => r.status === 200 || r.status === 401, () => false);
    if (ok) return port;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the registry did not start');
}


export function stopRegistries(): void {
  for (const r of registries.splice(0)) r.kill();
}
