/**
 * Images whose rsync comes from a package database, built with umoci: Debian's dpkg status, Alpine's apk
 * installed, and a real rpm database (rpmdb.sqlite) written by Debian's rpm tools — a tiny noarch package
 * named rsync built with rpmbuild and registered with `rpm --justdb`, as an RHEL-like image would hold it —
 * and the Berkeley DB `Packages` of RHEL 7/8, written by Berkeley DB's own db5.3_load from those headers
 * (Debian's rpm has no Berkeley DB backend).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import initSqlJs from 'sql.js';

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

/** The header blobs rpm itself writes for these packages (read back out of the rpmdb.sqlite it made), by package number. */
export async function rpmHeaderBlobs(work: string, packages: RpmSpec[]): Promise<[number, Uint8Array][]> {
  const scratch = mkdtempSync(join(work, 'headers-'));
  rpmDatabase(work, scratch, '/db', packages);
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(join(scratch, 'db', 'rpmdb.sqlite')));
  const rows = db.exec('SELECT hnum, blob FROM Packages ORDER BY hnum')[0]?.values ?? [];
  db.close();
  rmSync(scratch, { recursive: true, force: true });
  return rows.map(([hnum, blob]) => [Number(hnum), blob as Uint8Array]);
}

/** A Berkeley DB hash file's bytes, holding the headers rpm wrote for these packages, keyed by their number as rpm keys them. */
export async function rpmBdbFile(work: string, packages: RpmSpec[]): Promise<Buffer> {
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  const lines = (await rpmHeaderBlobs(work, packages)).map(([hnum, blob]) => {
    const key = Buffer.alloc(4);
    key.writeUInt32LE(hnum);
    return ` ${hex(key)}\n ${hex(blob)}\n`;
  });
  const scratch = mkdtempSync(join(work, 'bdb-'));
  const dump = join(scratch, 'dump.txt');
  writeFileSync(dump, `VERSION=3\nformat=bytevalue\ntype=hash\ndb_pagesize=4096\nHEADER=END\n${lines.join('')}DATA=END\n`);
  const file = join(scratch, 'Packages');
  execFileSync('db5.3_load', ['-f', dump, file], { stdio: 'pipe' });
  const bytes = readFileSync(file);
  rmSync(scratch, { recursive: true, force: true });
  return bytes;
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
