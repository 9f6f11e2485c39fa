/**
 * The image config (`config` of the OCI/Docker image JSON), validated, with credentials withheld, and
 * what its Entrypoint/Cmd starts: whether `rsync --daemon` runs, with which `--config`, and which files
 * it executes (scripts to read next). Docker runs Entrypoint with Cmd as its arguments, or Cmd alone.
 * The image source hands the config as it read it (capped, digest-checked JSON); this is where it is
 * interpreted.
 */
import { isObject } from '../common/index.ts';
import { isCredentialName, redactArgv, redactEnv } from './image-redact.ts';
import { commandWords, expandWord, shellCommands } from './shell-words.ts';

export interface ImageConfig {
  user: string | null;
  /** Withheld where a word looks like a credential. */
  entrypoint: string[];
  cmd: string[];
  exposed: string[];
  env: { name: string; value: string | null }[];
}

/** What a command line starts, as derived facts: no argument is kept but config paths and executables. */
export interface Launch {
  daemon: boolean;
  /** Config files named with --config (absolute, or relative to the working directory). */
  configs: string[];
  /** Executables it runs, as written (absolute paths or bare names looked up in PATH). */
  programs: string[];
  /** The words after `rsync` of each `rsync … --daemon` it runs: its --address, --port and -M (src/facts/reach.ts). */
  daemonArgs: string[][];
  /** The arguments each program is run with, by the program as written: a script's "$@" (image-launch.ts). Never leaves the parse. */
  passed?: Map<string, string[]>;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * The public part of the image config; the raw argv for launchFromArgv (which keeps no argument text);
 * and `expand`, which resolves `$VAR` in a path from the image's Env without handing the Env out.
 */
export function readImageConfig(config: unknown): { config: ImageConfig; argv: string[]; workdir: string; expand: (word: string) => string | null } {
  const c = isObject(config) && isObject(config['config']) ? config['config'] : {};
  const entrypoint = strings(c['Entrypoint']);
  const cmd = strings(c['Cmd']);
  // Paths may be echoed in messages: a credential-like variable is never expanded into one.
  const env = new Map(strings(c['Env']).flatMap((e) => (e.includes('=') && !isCredentialName(e.slice(0, e.indexOf('='))) ? [[e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)] as const] : [])));
  // Redacted as one argv: Cmd's first word may be the value of an option Entrypoint ends with.
  const redacted = redactArgv([...entrypoint, ...cmd]);
  return {
    config: {
      user: typeof c['User'] === 'string' && c['User'] !== '' ? c['User'] : null,
      entrypoint: redacted.slice(0, entrypoint.length),
      cmd: redacted.slice(entrypoint.length),
      exposed: isObject(c['ExposedPorts']) ? Object.keys(c['ExposedPorts']).sort() : [],
      env: strings(c['Env']).map(redactEnv),
    },
    argv: entrypoint.length > 0 ? [...entrypoint, ...cmd] : cmd,
    workdir: typeof c['WorkingDir'] === 'string' && c['WorkingDir'].startsWith('/') ? c['WorkingDir'] : '/',
    expand: (word) => expandWord(word, env),
  };
}

const base = (w: string) => w.replace(/^.*\//, '');
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);

function configOptions(words: string[]): string[] {
  return words.flatMap((w, i) => (w.startsWith('--config=') ? [w.slice(9)] : w === '--config' && words[i + 1] !== undefined ? [words[i + 1] ?? ''] : [])).filter((p) => p !== '');
}

/** The words the shell replaces with the positional parameters (`"$@"`, `$*`, `${@}`). */
const POSITIONAL = /^\$(?:[@*]|\{[@*]\})$/;

/** `args`: the positional parameters where they are known (a `sh -c` string's words after `$0`, a script's arguments). */
function addCommand(words: string[], into: Launch, args?: string[]): void {
  const cmd = commandWords(args ? words.flatMap((w) => (POSITIONAL.test(w) ? args : [w])) : words);
  const first = cmd[0];
  if (first === undefined) return;
  if (!first.startsWith('$')) {
    into.programs.push(first);
    into.passed ??= new Map();
    into.passed.set(first, cmd.slice(1));
  }
  // rsync may come after a wrapper this reader does not know ("s6-setuidgid nobody rsync --daemon").
  const at = cmd.findIndex((w) => base(w) === 'rsync');
  if (at >= 0 && cmd.slice(at + 1).includes('--daemon')) {
    into.daemon = true;
    into.configs.push(...configOptions(cmd.slice(at + 1)));
    into.daemonArgs.push(cmd.slice(at + 1));
  }
  if (SHELLS.has(base(first))) {
    const script = cmd.findIndex((w, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(w));
    // sh -c 'script' NAME ARG…: NAME is $0, the rest are "$@".
    if (script > 0 && cmd[script + 1] !== undefined) addShell(cmd[script + 1] ?? '', into, cmd.slice(script + 3));
    else if (cmd[1] !== undefined && !cmd[1].startsWith('-')) into.programs.push(cmd[1]);
  }
}

function addShell(text: string, into: Launch, args?: string[]): void {
  for (const words of shellCommands(text)) addCommand(words, into, args);
}

/** What an exec-form argv starts. Words holding whitespace are read as shell strings too. */
export function launchFromArgv(argv: string[]): Launch {
  const launch: Launch = { daemon: false, configs: [], programs: [], daemonArgs: [] };
  addCommand(argv, launch);
  for (const w of argv) if (/[\s;&|]/.test(w)) addShell(w, launch);
  // Entrypoint scripts that end with `exec "$@"` get the daemon's options from Cmd.
  if (launch.daemon) launch.configs.push(...configOptions(argv));
  return finish(launch);
}

/** What a shell script starts; `args` are what it is run with (its "$@"), when known. */
export function launchFromScript(text: string, args?: string[]): Launch {
  const launch: Launch = { daemon: false, configs: [], programs: [], daemonArgs: [] };
  addShell(text, launch, args);
  return finish(launch);
}

function finish(l: Launch): Launch {
  return { daemon: l.daemon, configs: [...new Set(l.configs)], programs: [...new Set(l.programs)], daemonArgs: l.daemonArgs, ...(l.passed ? { passed: l.passed } : {}) };
}
