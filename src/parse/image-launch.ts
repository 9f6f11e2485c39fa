/**
 * What the container runs, followed into the image: Entrypoint/Cmd, then the scripts they execute (read
 * lazily, a few levels deep), until we know whether `rsync --daemon` starts and with which config files.
 */
import { posix } from 'node:path';
import type { ImageFs } from '../sources/index.ts';
import { launchFromScript, type Launch } from './image-config.ts';

/** Docker's default PATH: where a bare command name is looked up. */
const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
/** Scripts are small; bigger executables are binaries not worth reading. */
const MAX_SCRIPT = 256 << 10;
const MAX_DEPTH = 3;
const MAX_SCRIPTS = 32;

/** The image path a program name runs, if a regular file there may be a script. */
function programPath(fs: ImageFs, word: string, workdir: string, expand: Expand): string | undefined {
  const program = expand(word);
  if (program === null || posix.basename(program) === 'rsync') return undefined;
  const candidates = program.includes('/') ? [posix.resolve(workdir, program)] : PATH_DIRS.map((d) => `${d}/${program}`);
  for (const c of candidates) {
    const st = fs.stat(c);
    if (st) return st.kind === 'file' && st.size <= MAX_SCRIPT ? c : undefined;
  }
  return undefined;
}

/** Resolve a config path the way rsync opens it: relative to the container's working directory. */
export function inImage(path: string, workdir: string): string {
  return posix.resolve(workdir, path);
}

/** A launch followed into scripts; `startedBy` says where `rsync --daemon` is run, for messages. */
export interface FollowedLaunch extends Launch {
  startedBy: string[];
  /** --config values that only the run-time environment resolves ("$CONF" with CONF unset). */
  unresolved: string[];
}

type Expand = (word: string) => string | null;

/** Follows the scripts a launch runs and merges what they start. */
export async function followScripts(fs: ImageFs, launch: Launch, workdir: string, expand: Expand): Promise<FollowedLaunch> {
  const result: FollowedLaunch = { daemon: launch.daemon, configs: [], programs: [], daemonArgs: [...launch.daemonArgs], startedBy: launch.daemon ? ['its Entrypoint/Cmd'] : [], unresolved: [] };
  const addConfigs = (words: string[]) => {
    for (const w of words) {
      const path = expand(w);
      if (path === null) result.unresolved.push(w);
      else result.configs.push(inImage(path, workdir));
    }
  };
  addConfigs(launch.configs);
  const seen = new Set<string>();
  // Each program with the arguments it is run with: an entrypoint script's "$@" is the image's Cmd (or
  // what `docker run IMAGE …` passes), and `exec rsync --daemon "$@"` takes its --address from there.
  let programs = launch.programs.map((word) => ({ word, args: launch.passed?.get(word) }));
  for (let depth = 0; depth < MAX_DEPTH && programs.length > 0; depth++) {
    const scripts = programs
      .map((p) => ({ path: programPath(fs, p.word, workdir, expand), args: p.args }))
      .filter((p): p is { path: string; args: string[] | undefined } => p.path !== undefined && !seen.has(p.path))
      .slice(0, MAX_SCRIPTS - seen.size);
    for (const p of scripts) seen.add(p.path);
    await fs.load(scripts.map((p) => p.path));
    const next: { word: string; args: string[] | undefined }[] = [];
    for (const { path: p, args } of scripts) {
      const text = fs.content(p);
      if (text?.subarray(0, 2).toString('latin1') !== '#!') continue;
      const inner = launchFromScript(text.toString('utf8'), args);
      if (inner.daemon) {
        result.daemon = true;
        result.startedBy.push(`the script ${p}`);
      }
      addConfigs(inner.configs);
      result.daemonArgs.push(...inner.daemonArgs);
      next.push(...inner.programs.map((word) => ({ word, args: inner.passed?.get(word) })));
    }
    programs = [...new Map(next.map((p) => [p.word, p])).values()];
  }
  result.programs = [...seen];
  result.configs = [...new Set(result.configs)];
  result.unresolved = [...new Set(result.unresolved)];
  return result;
}
