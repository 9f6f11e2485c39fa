/**
 * The configuration for a real daemon started as `nobody`: where effective.chroot depends on the daemon's
 * privileges (rsync_module's chroot("/") test, a `/./` in `path`) and decides the `munge symlinks` default.
 * One module for each combination of `use chroot` (unset / yes / no), a `path` with or without `/./`, and
 * `munge symlinks` (unset / yes / no); every module is writable, so a symlink upload shows how it is stored.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { moduleDir } from './rsync-daemon.ts';

export interface NonRootModule {
  name: string;
  /** The folder the module serves, as the test reads it. */
  dir: string;
  useChroot: boolean | undefined;
  dotPath: boolean;
  munge: boolean | undefined;
}

const TRI = [undefined, true, false] as const;
const word = (v: boolean | undefined) => (v === undefined ? 'unset' : v ? 'yes' : 'no');

/**
 * Writes the module folders under `base` (a scratch folder anyone may traverse), a log folder and the
 * config, all usable by nobody; returns the config's path, the log's path and the modules.
 */
export function nonRootSetup(base: string): { config: string; log: string; modules: NonRootModule[] } {
  const modules: NonRootModule[] = [];
  const sections: string[] = [];
  for (const useChroot of TRI) {
    for (const dotPath of [false, true]) {
      for (const munge of TRI) {
        const name = `chroot-${word(useChroot)}-${dotPath ? 'dot' : 'plain'}-munge-${word(munge)}`;
        const dir = moduleDir(base, name);
        // "/./" splits the path into the chroot and the folder inside it; both spellings name `dir`.
        const path = dotPath ? `${base}/./${name}` : dir;
        const lines = [`[${name}]`, `path = ${path}`, 'read only = no'];
        if (useChroot !== undefined) lines.push(`use chroot = ${word(useChroot)}`);
        if (munge !== undefined) lines.push(`munge symlinks = ${word(munge)}`);
        sections.push(lines.join('\n'));
        modules.push({ name, dir, useChroot, dotPath, munge });
      }
    }
  }
  const logs = join(base, 'logs');
  mkdirSync(logs);
  chmodSync(logs, 0o777);
  const config = join(base, 'rsyncd.conf');
  writeFileSync(config, `${sections.join('\n\n')}\n`, { mode: 0o644 });
  return { config, log: join(logs, 'daemon.log'), modules };
}

/** The installed rsync's release ("3.5.0"), so the facts model the daemon the test starts. */
export function installedRsync(): string {
  const r = spawnSync('rsync', ['--version'], { encoding: 'utf8' });
  const m = /rsync\s+version\s+v?(\d+\.\d+\.\d+)/.exec(r.stdout ?? '');
  if (!m?.[1]) throw new Error(`cannot read the version from rsync --version: ${r.stdout ?? r.stderr}`);
  return m[1];
}
