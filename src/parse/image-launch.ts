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
  let programs = launch.programs;
  for (let depth = 0; depth < MAX_DEPTH && programs.length > 0; depth++) {
    const paths = programs
      .map((p) => programPath(fs, p, workdir, expand))
      .filter((p): p is string => p !== undefined && !seen.has(p))
      .slice(0, MAX_SCRIPTS - seen.size);
    for (const p of paths) seen.add(p);
    await fs.load(paths);
    const next: string[] = [];
    for (const p of paths) {
      const text = fs.content(p);
      if (text?.subarray(0, 2).toString('latin1') !== '#!') continue;
      const inner = launchFromScript(text.toString('utf8'));
      if (inner.daemon) {
        result.daemon = true;
        result.startedBy.push(`the script ${p}`);
      }
      addConfigs(inner.configs);
      result.daemonArgs.push(...inner.daemonArgs);
      next.push(...inner.programs);
    }
    programs = [...new Set(next)];
  }
  result.programs = [...seen];
  result.configs = [...new Set(result.configs)];
  result.unresolved = [...new Set(result.unresolved)];
  return result;
}
