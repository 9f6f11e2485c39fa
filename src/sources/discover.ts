/**
 * Finding the files of a repository that concern an rsync daemon. rsyncd config names decide first
 * (rsyncd.conf, rsyncd.d/*.conf, templates such as rsyncd.conf.j2, fragments such as rsyncd.conf.header),
 * whatever their content: one that turns out to be another kind is a note in the scan, never dropped;
 * other files are classified by the file-kind registry (file-kinds.ts) and listed only when their content
 * concerns rsync: an rsyncd config by content, a Dockerfile that mentions rsync, a unit that starts
 * `rsync --daemon`, a `name:password` file with an rsync-ish name, a stunnel service (a possible TLS front end). A big repository's unrelated
 * Dockerfiles and units stay out. Git's view of the tree is used when there is one, so .gitignore is
 * honoured exactly.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { classifyFile, HEAD_BYTES, headText, MAX_HEAD_BYTES, rsyncdByName, thinHead, worthSniffing } from './file-kinds.ts';
import { MAX_FILE_BYTES } from './read-regular.ts';
import { matchExcludes } from './exclude.ts';
import { walkTree } from './walk-tree.ts';

export interface Discovered {
  /** Path relative to the scan root, with "/" separators. */
  path: string;
  /** Why it was picked: its name, or its content; or a directory the scan could not list. */
  by: 'name' | 'content' | 'unreadable-dir';
  /** For an unreadable directory: why. */
  reason?: string;
}

/**
 * The first bytes of a regular file that is itself in the tree (with `whole`, all of it up to the scan's
 * MAX_FILE_BYTES): a link is not followed (it may lead out of the root) and a FIFO or device is not opened (a FIFO blocks, /dev/zero never ends); O_NONBLOCK and the
 * fstat guard against a swap between the two checks.
 */
function readHead(file: string, whole = false): string {
  if (!lstatSync(file).isFile()) return '';
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW | constants.O_NOCTTY);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return '';
    if (whole) {
      const all = Buffer.alloc(Math.min(stat.size, MAX_FILE_BYTES));
      const n = readSync(fd, all, 0, all.length, 0);
      return all.subarray(0, n).includes(0) ? '' : all.subarray(0, n).toString('utf8');
    }
    let buf = Buffer.alloc(HEAD_BYTES);
    let n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    // A head of comments only (a long banner line) says nothing: read on, as classifyFile does (contentWindow).
    if (n === HEAD_BYTES && thinHead(headText(buf) ?? '')) {
      buf = Buffer.concat([buf, Buffer.alloc(MAX_HEAD_BYTES - HEAD_BYTES)]);
      n += readSync(fd, buf, HEAD_BYTES, MAX_HEAD_BYTES - HEAD_BYTES, HEAD_BYTES);
    }
    const head = buf.subarray(0, n);
    return head.includes(0) ? '' : head.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * A name match that is not a directory: regular files, and links, FIFOs or devices for the scan to refuse by
 * name. One that cannot even be looked at (a parent without search permission) is kept too, so the scan
 * names it as unreadable instead of dropping it.
 */
function nameCandidate(file: string): boolean {
  try {
    return !lstatSync(file).isDirectory();
  } catch (e) {
    return !(e instanceof Error && 'code' in e && e.code === 'ENOENT');
  }
}

/**
 * git run on a tree the repository's author controls. A committed directory laid out as a bare repository
 * (HEAD, config, objects/, refs/) is a git directory to `git -C` that directory, and its `config` would be
 * obeyed: `core.fsmonitor` runs a command on ls-files, with the CI job's secrets in its environment. Command
 * line settings outrank any repository's: bare repositories are used only when named explicitly (never
 * here; git 2.38+), and no fsmonitor runs.
 */
function git(root: string, args: string[]): string {
  return execFileSync('git', ['-c', 'safe.bareRepository=explicit', '-c', 'core.fsmonitor=false', '-C', root, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 256 << 20,
    timeout: 120_000,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
  });
}

/** Every file under root that git would track (tracked or untracked, not ignored); null outside a work tree. */
/** The files git would show under root (tracked, or untracked and not ignored), relative to it; null outside git. */
export function gitFiles(root: string): string[] | null {
  try {
    const out = git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
    return out.split('\0').filter((p) => p !== '');
  } catch {
    return null;
  }
}

export interface DiscoverOptions {
  /** Globs (relative to root) to leave out. */
  exclude: string[];
}

/** Why discovery lists `path` (relative to root): its rsyncd name, its content, or not at all. */
function pickedBy(root: string, path: string): 'name' | 'content' | undefined {
  if (rsyncdByName(path)) {
    // Links and special files are kept so the scan can say why it does not read them.
    // Listed even when its content says another kind: the scan then says so in a note, so a file with an
    // rsyncd name never vanishes from the report without a word.
    return nameCandidate(join(root, path)) ? 'name' : undefined;
  }
  if (!worthSniffing(path)) return undefined;
  try {
    const head = headText(readHead(join(root, path)));
    if (head === null) return undefined;
    const { kind } = classifyFile(path, head);
    if (kind.analyzer === 'none' && kind.id !== 'stunnel') return undefined;
    // The kind shows in the head, but the mention of rsync may come anywhere: a 25 KB Dockerfile that installs
    // and starts rsync at its end was left out without a word, though named it has findings (adv3 #11).
    // Only a file the head does not settle is read on, up to the cap the scan reads it with.
    if (kind.concernsRsync(head, path) || (Buffer.byteLength(head) >= HEAD_BYTES && kind.concernsRsync(readHead(join(root, path), true), path))) return 'content';
  } catch {
    // Unreadable here means unreadable for the scan too; a file found by name is reported, one sniffed is not ours.
  }
  return undefined;
}

export function discoverConfigs(root: string, opts: DiscoverOptions): Discovered[] {
  const listed = gitFiles(root);
  const walked = listed === null ? walkTree(root) : { entries: listed, unreadable: [] };
  const all = walked.entries;
  // --exclude: a pattern that names a directory leaves out its subtree (exclude.ts); links are not followed.
  const excluded = matchExcludes(root, opts.exclude);
  const found: Discovered[] = [];
  for (const raw of all) {
    const path = raw.split(sep).join('/');
    if (excluded.excludes(path)) continue;
    const by = pickedBy(root, path);
    if (by !== undefined) found.push({ path, by });
  }
  for (const d of walked.unreadable) if (!excluded.excludes(d.path)) found.push({ path: d.path, by: 'unreadable-dir', reason: d.reason });
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What discovery would have listed under root but for --exclude and git's ignore rules (issue 18: an empty result says why). */
export interface LeftOut {
  /** Paths relative to root, "/"-separated, that --exclude's globs left out. */
  excluded: string[];
  /** Paths git ignores (.gitignore, .git/info/exclude), so discovery never saw them. */
  ignored: string[];
}

/**
 * The files discovery would pick under root without --exclude and .gitignore, that it did not. Asked only of
 * a directory that gave no config (the warning then names the cause instead of "no rsyncd configs found"):
 * the whole tree is walked, links never followed, as for a tree without git.
 */
export function leftOutConfigs(root: string, exclude: string[]): LeftOut {
  const listed = gitFiles(root);
  const tracked = listed === null ? null : new Set(listed.map((p) => p.split(sep).join('/')));
  const excluded = matchExcludes(root, exclude);
  const out: LeftOut = { excluded: [], ignored: [] };
  if (tracked === null && excluded.unmatched.length === exclude.length) return out;
  for (const raw of walkTree(root).entries.sort()) {
    const path = raw.split(sep).join('/');
    const leftBy = excluded.excludes(path) ? out.excluded : tracked !== null && !tracked.has(path) ? out.ignored : undefined;
    if (leftBy !== undefined && pickedBy(root, path) !== undefined) leftBy.push(path);
  }
  return out;
}

/** The mode git records for each file under root ("100644"/"100755"), where git knows it. */
export function gitModes(root: string): Map<string, number> {
  const modes = new Map<string, number>();
  try {
    const out = git(root, ['ls-files', '-s', '-z']);
    for (const entry of out.split('\0')) {
      const m = /^(\d{6}) [0-9a-f]+ \d+\t(.+)$/.exec(entry);
      if (m?.[1] && m[2]) modes.set(m[2], parseInt(m[1], 8));
    }
  } catch {
    // Not a work tree: no recorded modes.
  }
  return modes;
}

export function toRootRelative(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}
