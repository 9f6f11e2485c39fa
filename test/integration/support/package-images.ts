/**
 * Images whose rsync comes from a package database, built with umoci: Debian's dpkg status, Alpine's apk
 * installed, and a real rpm database (rpmdb.sqlite) written by Debian's rpm tools — a tiny noarch package
 * named rsync built with rpmbuild and registered with `rpm --justdb`, as an RHEL-like image would hold it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface RpmSpec {
  name: string;
  version: string;
  release: string;
  epoch?: number;
}

/** A noarch .rpm with no files: only its header matters to the database. */
function buildRpm(work: string, p: RpmSpec): string {
  const top = join(work, `rpmbuild-${p.name}-${p.version}-${p.release}`);
  mkdirSync(top, { recursive: true });
  const spec = join(top, `${p.name}.spec`);
  const epoch = p.epoch === undefined ? '' : `Epoch: ${p.epoch}\n`;
  writeFileSync(spec, `Name: ${p.name}\nVersion: ${p.version}\nRelease: ${p.release}\n${epoch}Summary: test package\nLicense: GPL-3.0-or-later\nBuildArch: noarch\n%description\ntest package\n%files\n`);
  execFileSync('rpmbuild', ['--quiet', '--define', `_topdir ${top}`, '-bb', spec], { stdio: 'pipe' });
  return join(top, 'RPMS', 'noarch', `${p.name}-${p.version}-${p.release}.noarch.rpm`);
}

/** rpmdb.sqlite under `root` + `dbpath`, holding these packages, as rpm itself writes it. */
export function rpmDatabase(work: string, root: string, dbpath: string, packages: RpmSpec[]): void {
  const rpm = (...args: string[]) => execFileSync('rpm', ['--root', root, '--dbpath', dbpath, '--define', '_db_backend sqlite', ...args], { stdio: 'pipe' });
  mkdirSync(join(root, dbpath), { recursive: true });
  rpm('--initdb');
  for (const p of packages) rpm('-i', '--justdb', '--nodeps', '--noscripts', '--ignorearch', '--ignoreos', buildRpm(work, p));
}

export type ImageFile = string | Buffer | { link: string } | ((root: string) => void);

/** An OCI layout `<dir>/oci:img` whose one layer holds etc/rsyncd.conf and these files. */
export function packageImage(work: string, name: string, files: Record<string, ImageFile>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const run = (...args: string[]) => execFileSync(args[0] ?? '', args.slice(1), { cwd: dir, stdio: 'pipe' });
  run('umoci', 'init', '--layout', 'oci');
  run('umoci', 'new', '--image', 'oci:img');
  run('umoci', 'unpack', '--rootless', '--image', 'oci:img', 'bundle');
  const root = join(dir, 'bundle', 'rootfs');
  mkdirSync(join(root, 'etc'), { recursive: true });
  writeFileSync(join(root, 'etc', 'rsyncd.conf'), '[pub]\npath = /srv\n');
  for (const [path, body] of Object.entries(files)) {
    const at = join(root, path);
    mkdirSync(dirname(at), { recursive: true });
    if (typeof body === 'function') body(root);
    else if (typeof body === 'object' && !Buffer.isBuffer(body)) symlinkSync(body.link, at);
    else writeFileSync(at, body);
  }
  run('umoci', 'repack', '--image', 'oci:img', 'bundle');
  run('umoci', 'config', '--image', 'oci:img', '--config.entrypoint', 'rsync', '--config.entrypoint', '--daemon', '--config.entrypoint', '--no-detach');
  return `oci:${dir}/oci:img`;
}
