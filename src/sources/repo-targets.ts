/**
 * What `scan` was given, as repository roots and the config files found under each. A path that does
 * not exist, is neither file nor directory, or is a link leading out of the working directory is an
 * error for that path only; a directory that could not be listed is one for that directory.
 */
import { lstatSync, realpathSync, type Stats, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { type DaemonRoot, shownUnder } from './daemon-root.ts';
import { discoverConfigs } from './discover.ts';
import { fileTypeName } from './local-files.ts';
import { within } from './scan-root.ts';

export type RepoTarget =
  /** A repository (or a file's directory) and the candidate config files in it, absolute. */
  { kind: 'root'; root: string; files: string[] } | { kind: 'error'; target: string; message: string; hint: string };

/**
 * Display paths: relative to the working directory when inside it, else to the scan root; a file read
 * under `--root DIR` outside both, as DIR/… the way the user wrote DIR.
 */
export function displayPath(root: string, file: string, daemon?: DaemonRoot): string {
  if (daemon !== undefined && !within(process.cwd(), file) && !within(root, file)) {
    const under = within(daemon.scan.real, file) ? join(daemon.scan.root, relative(daemon.scan.real, file)) : file;
    if (within(daemon.scan.root, under)) return shownUnder(daemon, under);
  }
  const cwdRel = relative(process.cwd(), file);
  const rel = within(process.cwd(), file) ? cwdRel : relative(root, file);
  return rel.split(sep).join('/');
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Each path given to scan, in order: its root and candidate files, or why it is not scanned. */
export function* repoTargets(paths: string[], exclude: string[]): Generator<RepoTarget> {
  for (const given of paths) {
    const abs = resolve(given);
    let st: Stats;
    try {
      st = statSync(abs);
    } catch (e) {
      // A loop of links fails as ELOOP: the links are there, each pointing at the next, not at nothing.
      const looped = e instanceof Error && 'code' in e && e.code === 'ELOOP';
      const dangling = looped ? '' : isLink(abs) ? ' (a symbolic link to something that does not exist)' : '';
      yield { kind: 'error', target: given, message: looped ? 'symbolic links that lead to each other in a loop: nothing to read' : `no such file or directory${dangling}`, hint: 'Check the path given to scan.' };
      continue;
    }
    if (!st.isFile() && !st.isDirectory()) {
      yield { kind: 'error', target: given, message: `${given} is ${fileTypeName(st)}, not a file or directory; it was not opened`, hint: 'Give scan a repository directory or a configuration file.' };
      continue;
    }
    // The path given is the user's choice, links and all; from there on nothing leaves it. But a path in
    // the working directory (the checkout, in CI) is the repository's content: a committed link there
    // (`rsyncd.conf -> ~/.ssh/id_rsa`, `deploy -> /`) must not carry the scan out of it.
    const real = realpathSync(abs);
    const cwd = process.cwd();
    if (within(cwd, abs) && !within(realpathSync(cwd), real)) {
      yield {
        kind: 'error',
        target: given,
        message: `not scanned: it is a symbolic link (or lies under one) that leads outside the working directory; it was not read`,
        hint: 'A link in the repository is never followed out of it. To scan that file, give its own path.',
      };
      continue;
    }
    const root = st.isFile() ? dirname(real) : real;
    const found = st.isFile() ? [] : discoverConfigs(root, { exclude });
    for (const d of found.filter((f) => f.by === 'unreadable-dir')) {
      yield {
        kind: 'error',
        target: displayPath(root, join(root, d.path)),
        message: `this directory could not be listed (${d.reason ?? 'unreadable'}), so no rsyncd config in it was scanned`,
        hint: 'Run the scan as a user who can read it, or leave it out with --exclude.',
      };
    }
    yield { kind: 'root', root, files: st.isFile() ? [real] : found.filter((f) => f.by !== 'unreadable-dir').map((d) => join(root, d.path)) };
  }
}
