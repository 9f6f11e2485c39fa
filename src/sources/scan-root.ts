/**
 * Confinement for a scan root (a checkout, an unpacked tree): every path is resolved with realpath and
 * must stay inside the root, and only regular files are read. A committed symlink to /proc/self/environ or
 * to a file elsewhere on the runner is located and reported, never opened, so its text cannot reach a
 * report (DESIGN.md, "Confinement").
 */
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileTypeName, readLocalFile } from './read-regular.ts';
import { errorMessage } from '../common/index.ts';

export type RootedFile =
  /** `real`: the path after every link; `viaLink`: some component of the path was a symbolic link. */
  | { kind: 'file'; path: string; real: string; viaLink: boolean; bytes: Uint8Array }
  | { kind: 'dir'; path: string; real: string; viaLink: boolean; entries: string[] }
  /** The path leaves the root: by itself (`../x`, an absolute path) or through a link (`viaLink`, also set
   * for a path refused for where it leads, such as .git: a warning, where a plain out-of-root path is not). */
  | { kind: 'outside'; path: string; reason: string; viaLink: boolean }
  /** `missing`: nothing there; `not-regular`: a FIFO, socket or device, refused before any open;
   * `unreadable`: a regular file that could not be read in full (a cap, permissions). */
  | { kind: 'missing' | 'not-regular' | 'unreadable'; path: string; reason: string };

/** All the configuration a scan root can sensibly hold; a hostile tree of many capped files stops here. */
export const MAX_ROOT_BYTES = 256 * 1024 * 1024;

/** Lexically inside (or equal to) dir. `..x.conf` is a file in dir, not a way out of it. */
export function within(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

const KERNEL_TREES = ['/proc', '/sys', '/dev'];

export class ScanRoot {
  readonly real: string;
  private bytesRead = 0;
  /** Each real path is read once per scan: configs are parsed twice (startup and full) and included often. */
  private readonly cache = new Map<string, RootedFile>();

  /**
   * `overlay`: bytes to read instead of a file's own, by real path (`rsyncguard fix` re-parses its edited text
   * this way). Only the bytes change: the path is still resolved, confined and required to be a regular file.
   */
  constructor(
    readonly root: string,
    private readonly overlay?: ReadonlyMap<string, Uint8Array>,
  ) {
    this.real = realpathSync(root);
  }

  /** Root-relative, "/"-separated: how paths are shown. */
  rel(path: string): string {
    const r = relative(this.root, path);
    return (r === '' ? '.' : r).split(sep).join('/');
  }

  private linked(path: string, real: string): boolean {
    return relative(this.real, real) !== relative(this.root, path);
  }

  /** Paths an include named and that were reported where they were named (a located note), not read. */
  private readonly noted = new Set<string>();

  /** Record that `path` (as passed to open) is already a located note on the include that named it. */
  note(path: string): void {
    this.noted.add(path);
  }

  wasNoted(path: string): boolean {
    return this.noted.has(path);
  }

  /** Where a local path (absolute, lexically under the root or not) really leads. */
  open(path: string): RootedFile {
    if (!within(this.root, path) && !within(this.real, path)) return { kind: 'outside', path, reason: 'it points outside the scan root', viaLink: false };
    let real: string;
    try {
      real = realpathSync(path);
    } catch (e) {
      // Not there and not reachable are different answers: one is a fact about the repository, the other
      // about this run (a directory the scanning user may not enter), and must not read as clean.
      if (e instanceof Error && 'code' in e && (e.code === 'EACCES' || e.code === 'EPERM')) return { kind: 'unreadable', path, reason: `${this.rel(path)} could not be reached: permission denied` };
      const dangling = isLink(path) ? ` (a symbolic link to something that does not exist here: ${this.linkTarget(path)})` : '';
      return { kind: 'missing', path, reason: `${this.rel(path)} is not in the repository${dangling}` };
    }
    if (!within(this.real, real)) {
      return { kind: 'outside', path, reason: `a symbolic link leads outside the scan root (${this.linkTarget(path)}), so it was not read`, viaLink: true };
    }
    // git's own data is never configuration, and in CI it holds credentials (actions/checkout keeps the
    // job's token in .git/config): refused like a link out of the root, whatever names it.
    if (
      relative(this.real, real)
        .split(sep)
        .some((c) => c.toLowerCase() === '.git')
    ) {
      return { kind: 'outside', path, reason: `${this.rel(path)} is inside .git (git's own data, which can hold the checkout's credentials), so it was not read`, viaLink: true };
    }
    // Kernel pseudo-filesystems (/proc/self/environ, /sys, device nodes) stat as regular files or worse and
    // are never a daemon's configuration: a root of `/` (`scan --root /`) must not make them readable.
    if (KERNEL_TREES.some((t) => within(t, real) && !within(t, this.real))) {
      return { kind: 'outside', path, reason: `${this.rel(path)} is in ${real.split('/').slice(0, 2).join('/')} (the kernel's, not configuration), so it was not read`, viaLink: true };
    }
    const cached = this.cache.get(real);
    if (cached) return cached.kind === 'file' || cached.kind === 'dir' ? { ...cached, path, viaLink: this.linked(path, real) } : { ...cached, path };
    const opened = this.openReal(path, real);
    this.cache.set(real, opened);
    return opened;
  }

  private openReal(path: string, real: string): RootedFile {
    const viaLink = this.linked(path, real);
    let st;
    try {
      st = statSync(real);
    } catch (e) {
      if (e instanceof Error && 'code' in e && (e.code === 'EACCES' || e.code === 'EPERM')) return { kind: 'unreadable', path, reason: `${this.rel(path)} could not be reached: permission denied` };
      return { kind: 'missing', path, reason: `${this.rel(path)} is not in the repository` };
    }
    if (st.isDirectory()) {
      try {
        return { kind: 'dir', path, real, viaLink, entries: readdirSync(real) };
      } catch (e) {
        return { kind: 'unreadable', path, reason: errorMessage(e) };
      }
    }
    if (!st.isFile()) return { kind: 'not-regular', path, reason: `${this.rel(path)} is ${fileTypeName(st)}, not a regular file; it was not opened` };
    if (this.bytesRead + st.size > MAX_ROOT_BYTES) {
      return { kind: 'unreadable', path, reason: `rsyncguard reads at most ${MAX_ROOT_BYTES} bytes of configuration under one scan root, and ${this.rel(path)} would pass that` };
    }
    const edited = this.overlay?.get(real);
    if (edited !== undefined) return { kind: 'file', path, real, viaLink, bytes: edited };
    const read = readLocalFile(real, { noFollow: true });
    if (!read.ok) return { kind: 'unreadable', path, reason: read.error.message.replace(real, this.rel(path)) };
    this.bytesRead += read.value.byteLength;
    return { kind: 'file', path, real, viaLink, bytes: read.value };
  }

  /** A link's target as the repository spells it, when it is the last component that links; else a summary. */
  private linkTarget(path: string): string {
    try {
      if (isLink(path)) {
        const text = readlinkSync(path);
        return `${this.rel(path)} → ${text.length > 200 ? `${text.slice(0, 199)}…` : text}`;
      }
    } catch {
      // Gone or unreadable since: say what is known.
    }
    return `a directory on the way to ${this.rel(path)} is a link that leaves it`;
  }

  /** The daemon path `target` as found under this root: absolute paths are looked up under it. */
  locate(target: string, fromDir: string): string {
    return isAbsolute(target) ? join(this.root, target) : join(fromDir, target);
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
