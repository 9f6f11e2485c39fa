/**
 * Confinement for a scan root (a checkout, an unpacked tree): every path is resolved with realpath and
 * must stay inside the root, and only regular files are read. A committed symlink to /proc/self/environ or
 * to a file elsewhere on the runner is located and reported, never opened, so its text cannot reach a
 * report (DESIGN.md, "Confinement").
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { fileTypeName, readLocalFile } from './read-regular.ts';
import { errorMessage } from '../common/index.ts';

export type RootedFile =
  /** `real`: the path after every link; `viaLink`: some component of the path was a symbolic link. */
  | { kind: 'file'; path: string; real: string; viaLink: boolean; bytes: Uint8Array }
  | { kind: 'dir'; path: string; real: string; viaLink: boolean; entries: string[] }
  /** The path leaves the root: by itself (`../x`, an absolute path) or through a link (`viaLink`, also set
   * for a path refused for where it leads, such as .git: a warning, where a plain out-of-root path is not). */
  | { kind: 'outside'; path: string; reason: string; viaLink: boolean }
  /** `missing`: nothing there (`detail`: the link that dangles or loops, when one does); `not-regular`: a FIFO,
   * socket or device, refused before any open; `unreadable`: a regular file that could not be read in full. */
  | { kind: 'missing'; path: string; reason: string; detail?: string }
  | { kind: 'not-regular' | 'unreadable'; path: string; reason: string };

/** All the configuration a scan root can sensibly hold; a hostile tree of many capped files stops here. */
export const MAX_ROOT_BYTES = 256 * 1024 * 1024;

/** Lexically inside (or equal to) dir. `..x.conf` is a file in dir, not a way out of it. */
export function within(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

const KERNEL_TREES = ['/proc', '/sys', '/dev'];

/** Links followed in resolving one path under a chroot root: Linux's own bound (ELOOP after 40). */
const MAX_LINKS = 40;

/** What a root that holds no bytes keeps of a file it read: enough to know the file again (issue 20). */
interface Seen {
  kind: 'seen';
  real: string;
  size: number;
  sha256: string;
}

export interface ScanRootOptions {
  /**
   * false: a file's bytes are not kept once read, only its size and digest; each later open reads it again
   * and must find the same bytes, or the file is "unreadable: changed while it was being scanned". A root of
   * many configs (50,000 in a monorepo) then holds none of their text (issue 20). Default true.
   */
  holdBytes?: boolean;
}

export class ScanRoot {
  readonly real: string;
  private bytesRead = 0;
  /** Each real path is read once per scan: configs are parsed twice (startup and full) and included often. */
  private readonly cache = new Map<string, RootedFile | Seen>();
  private readonly holdBytes: boolean;

  /**
   * `overlay`: bytes to read instead of a file's own, by real path (`rsyncguard fix` re-parses its edited text
   * this way). Only the bytes change: the path is still resolved, confined and required to be a regular file.
   */
  /**
   * `chroot`: the root stands for a filesystem's `/` (`scan --root DIR`, an unpacked image), so links are
   * resolved component by component as the daemon in it would: an absolute target starts again at the root
   * (`/etc/rsyncd.secrets -> /run/secrets/rsync` is DIR/run/secrets/rsync, whatever the host has there). A
   * relative target that climbs above the root is still refused, never read. Without it (a checkout) a
   * link is followed on this machine and must land inside the root.
   */
  constructor(
    readonly root: string,
    private readonly overlay?: ReadonlyMap<string, Uint8Array>,
    readonly chroot = false,
    options: ScanRootOptions = {},
  ) {
    this.real = realpathSync(root);
    this.holdBytes = options.holdBytes ?? true;
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

  /**
   * Where each path opened so far led ('' for itself, `!kind` for no file): a config is parsed twice and its
   * includes resolved each time, and a link switched between the two would otherwise have the report read
   * a different file than the one whose findings were chosen.
   */
  private readonly resolutions = new Map<string, string>();

  /** Where a local path (absolute, lexically under the root or not) really leads: the same place every time asked. */
  open(path: string): RootedFile {
    const got = this.openNow(path);
    const led = got.kind === 'file' || got.kind === 'dir' ? (got.real === path ? '' : got.real) : `!${got.kind}`;
    const before = this.resolutions.get(path);
    if (before === undefined) this.resolutions.set(path, led);
    else if (before !== led) return { kind: 'unreadable', path, reason: `${this.rel(path)} changed while it was being scanned (it no longer leads where it did), so it was not read again; scan it again` };
    return got;
  }

  private openNow(path: string): RootedFile {
    if (!within(this.root, path) && !within(this.real, path)) return { kind: 'outside', path, reason: 'it points outside the scan root', viaLink: false };
    if (this.chroot) return this.openChrooted(path);
    let real: string;
    try {
      real = realpathSync(path);
    } catch (e) {
      // Not there and not reachable are different answers: one is a fact about the repository, the other
      // about this run (a directory the scanning user may not enter), and must not read as clean.
      if (e instanceof Error && 'code' in e && (e.code === 'EACCES' || e.code === 'EPERM')) return { kind: 'unreadable', path, reason: `${this.rel(path)} could not be reached: permission denied` };
      if (e instanceof Error && 'code' in e && e.code === 'ELOOP') return { kind: 'missing', path, reason: `${this.rel(path)} cannot be resolved: its symbolic links lead to each other in a loop`, detail: 'symbolic links in a loop' };
      const dangling = isLink(path) ? ` (a symbolic link to something that does not exist here: ${this.linkTarget(path)})` : '';
      return { kind: 'missing', path, reason: `${this.rel(path)} is not in the repository${dangling}` };
    }
    if (!within(this.real, real)) {
      return { kind: 'outside', path, reason: `a symbolic link leads outside the scan root (${this.linkTarget(path)}), so it was not read`, viaLink: true };
    }
    return this.openResolved(path, real, this.linked(path, real));
  }

  /** What every resolved path passes: never .git, never the kernel's trees; each real path read once. */
  private openResolved(path: string, real: string, viaLink: boolean): RootedFile {
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
    if (cached?.kind === 'seen') return this.reread(path, cached, viaLink);
    if (cached) return cached.kind === 'file' || cached.kind === 'dir' ? { ...cached, path, viaLink } : { ...cached, path };
    const opened = this.openReal(path, real, viaLink);
    // Overlay bytes are the caller's own, held by it anyway.
    const held = opened.kind === 'file' && !this.holdBytes && this.overlay?.get(real) === undefined;
    this.cache.set(real, held ? { kind: 'seen', real, size: opened.bytes.byteLength, sha256: digest(opened.bytes) } : opened);
    return opened;
  }

  /**
   * A file read before by a root that holds no bytes: read again, through the same checks (it must still be a
   * regular file, not reached through a new link), and only if it is the same bytes. A file edited between
   * the reads would otherwise give a report whose lines, regions or fingerprints are not the file's.
   */
  private reread(path: string, seen: Seen, viaLink: boolean): RootedFile {
    const changed: RootedFile = {
      kind: 'unreadable',
      path,
      reason: `${this.rel(path)} changed while it was being scanned (it is not the ${seen.size} bytes read first), so it was not read again; scan it again`,
    };
    let st;
    try {
      st = statSync(seen.real);
    } catch {
      return changed;
    }
    if (!st.isFile() || st.size !== seen.size) return changed;
    const read = readLocalFile(seen.real, { noFollow: true });
    if (!read.ok || read.value.byteLength !== seen.size || digest(read.value) !== seen.sha256) return changed;
    return { kind: 'file', path, real: seen.real, viaLink, bytes: read.value };
  }

  /**
   * `path` (under the root) resolved the way a process whose `/` is the root would: each component lstat'ed,
   * each link read and its target spliced in, an absolute one from the root again. At most MAX_LINKS links
   * (the kernel's ELOOP bound), so a loop ends as "does not exist", as stat() fails for rsync.
   */
  private openChrooted(path: string): RootedFile {
    const base = within(this.root, path) ? this.root : this.real;
    const pending = relative(base, path).split(sep);
    const done: string[] = [];
    let links = 0;
    let lastLink: string | undefined;
    while (pending.length > 0) {
      const c = pending.shift() as string;
      if (c === '' || c === '.') continue;
      if (c === '..') {
        // Only a link's target can climb (the path itself is normalised): out of the root is never followed.
        if (done.length === 0) return { kind: 'outside', path, reason: `a symbolic link climbs above the scan root (${lastLink ?? this.rel(path)}), so it was not read`, viaLink: true };
        done.pop();
        continue;
      }
      const here = join(this.real, ...done, c);
      let st;
      try {
        st = lstatSync(here);
      } catch (e) {
        if (e instanceof Error && 'code' in e && (e.code === 'EACCES' || e.code === 'EPERM')) return { kind: 'unreadable', path, reason: `${this.rel(path)} could not be reached: permission denied` };
        if (lastLink === undefined) return { kind: 'missing', path, reason: `${this.rel(path)} is not in the repository` };
        const detail = `a symbolic link to something that does not exist here: ${lastLink}`;
        return { kind: 'missing', path, reason: `${this.rel(path)} is not in the repository (${detail})`, detail };
      }
      if (st.isSymbolicLink()) {
        if (++links > MAX_LINKS) {
          const detail = `more than ${MAX_LINKS} symbolic links on the way, a loop?`;
          return { kind: 'missing', path, reason: `${this.rel(path)} cannot be resolved (${detail})`, detail };
        }
        let text: string;
        try {
          text = readlinkSync(here);
        } catch (e) {
          return { kind: 'unreadable', path, reason: `${this.rel(path)}: ${errorMessage(e)}` };
        }
        lastLink = `${this.rel(join(this.root, ...done, c))} → ${text.length > 200 ? `${text.slice(0, 199)}…` : text}`;
        if (isAbsolute(text)) done.length = 0;
        pending.unshift(...text.split('/'));
        continue;
      }
      if (pending.some((p) => p !== '' && p !== '.') && !st.isDirectory()) return { kind: 'missing', path, reason: `${this.rel(path)} is not in the repository (${this.rel(join(this.root, ...done, c))} is not a directory)` };
      done.push(c);
    }
    return this.openResolved(path, join(this.real, ...done), links > 0);
  }

  private openReal(path: string, real: string, viaLink: boolean): RootedFile {
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

  /**
   * The daemon path `target` as found under this root: absolute paths are looked up under it, with `..`
   * stopping at the root as it does at `/` (`/../etc/x` is `/etc/x` for rsync).
   */
  locate(target: string, fromDir: string): string {
    return isAbsolute(target) ? join(this.root, posix.resolve('/', target)) : join(fromDir, target);
  }
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
