/**
 * A Dockerfile read for what the image it builds will do, without building it: the final stage's USER,
 * EXPOSE, ENV, ENTRYPOINT and CMD, turned into the shape of an image config (Docker's own
 * `config.User`, `ExposedPorts`, `Env`, `Entrypoint`, `Cmd`) so the image analysis (image-config.ts:
 * credentials withheld, what the command starts) reads a Dockerfile exactly as it reads a built image.
 * Reference: https://docs.docker.com/reference/dockerfile/ (line continuations, exec and shell forms).
 */
import { launchFromArgv, launchFromScript, readImageConfig, type ImageConfig } from './image-config.ts';

export interface DockerfileImage {
  config: ImageConfig;
  /** ENTRYPOINT/CMD start `rsync --daemon`, directly or through a script the Dockerfile copies in. */
  startsDaemon: boolean;
  /** Where the final stage writes its USER, an EXPOSE of 873, ENTRYPOINT/CMD, and each ENV entry (parallel to `config.env`): findings point there. */
  lines: { user: number | null; expose: number | null; command: number | null; env: number[] };
}

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** Instructions with their continuation lines joined (the default escape character, `\`). */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let current: Instruction | null = null;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    // Comment lines inside a continued instruction are dropped, as the builder drops them.
    if (/^\s*#/.test(line)) return;
    const continued = /\\\s*$/.test(line);
    const body = continued ? line.replace(/\\\s*$/, '') : line;
    if (current) current.args += ` ${body.trim()}`;
    else {
      const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(body);
      if (m?.[1]) current = { keyword: m[1].toUpperCase(), args: (m[2] ?? '').trim(), line: i + 1 };
    }
    if (!continued && current) {
      out.push(current);
      current = null;
    }
  });
  if (current) out.push(current);
  return out;
}

/** Exec form (a JSON array of strings) or shell form (run by /bin/sh -c). */
function commandForm(args: string): string[] {
  if (args.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(args);
      if (Array.isArray(parsed) && parsed.every((w) => typeof w === 'string')) return parsed;
    } catch {
      // Not valid JSON: Docker runs it in the shell form.
    }
  }
  return args === '' ? [] : ['/bin/sh', '-c', args];
}

/** ENV NAME=value … (several pairs, quotes) or the legacy ENV NAME value. */
function envPairs(args: string): string[] {
  if (!/^[A-Za-z_][\w.-]*=/.test(args)) {
    const m = /^(\S+)\s+(.*)$/.exec(args);
    return m?.[1] ? [`${m[1]}=${m[2] ?? ''}`] : [];
  }
  return [...args.matchAll(/([A-Za-z_][\w.-]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)].map((m) => `${m[1]}=${(m[2] ?? '').replace(/^(["'])(.*)\1$/, '$2')}`);
}

/**
 * The final stage of a Dockerfile as an image config, and whether its command starts the daemon.
 * `readScript` returns the text of a build-context file (relative to the Dockerfile) or null; a script the
 * Dockerfile COPYs to the path the command runs is read for `rsync --daemon` too.
 */
export function readDockerfile(text: string, readScript: (contextPath: string) => string | null): DockerfileImage {
  let user: string | null = null;
  let exposed: string[] = [];
  let env: string[] = [];
  let envLines: number[] = [];
  let entrypoint: string[] = [];
  let cmd: string[] = [];
  let copies: { from: string; to: string }[] = [];
  const lines: Omit<DockerfileImage['lines'], 'env'> = { user: null, expose: null, command: null };
  for (const ins of instructions(text)) {
    switch (ins.keyword) {
      case 'FROM':
        // Only the last stage is the image; an earlier stage's settings do not carry over.
        user = null;
        exposed = [];
        env = [];
        envLines = [];
        entrypoint = [];
        cmd = [];
        copies = [];
        lines.user = null;
        lines.expose = null;
        lines.command = null;
        break;
      case 'USER':
        user = ins.args.split(/\s+/)[0] || null;
        lines.user = ins.line;
        break;
      case 'EXPOSE':
        for (const p of ins.args.split(/\s+/).filter((w) => w !== '')) {
          const port = p.includes('/') ? p.toLowerCase() : `${p}/tcp`;
          exposed.push(port);
          if (port.startsWith('873/')) lines.expose = ins.line;
        }
        break;
      case 'ENV':
        for (const pair of envPairs(ins.args)) {
          env.push(pair);
          envLines.push(ins.line);
        }
        break;
      case 'ENTRYPOINT':
        entrypoint = commandForm(ins.args);
        lines.command = ins.line;
        break;
      case 'CMD':
        cmd = commandForm(ins.args);
        lines.command = ins.line;
        break;
      case 'COPY':
      case 'ADD': {
        const words = ins.args.split(/\s+/).filter((w) => w !== '' && !w.startsWith('--'));
        const to = words.at(-1);
        for (const from of words.slice(0, -1)) if (to !== undefined) copies.push({ from, to });
        break;
      }
    }
  }
  const image = readImageConfig({ config: { User: user ?? '', Entrypoint: entrypoint, Cmd: cmd, Env: env, ExposedPorts: Object.fromEntries([...new Set(exposed)].map((p) => [p, {}])) } });
  const launch = launchFromArgv(image.argv);
  const startsDaemon = launch.daemon || launch.programs.some((program) => scriptStartsDaemon(program, copies, readScript));
  return { config: image.config, startsDaemon, lines: { ...lines, env: envLines } };
}

/** A program the command runs that a COPY put there from the build context, read for `rsync --daemon`. */
function scriptStartsDaemon(program: string, copies: { from: string; to: string }[], readScript: (contextPath: string) => string | null): boolean {
  for (const c of copies) {
    const target = c.to.endsWith('/') ? `${c.to}${c.from.replace(/^.*\//, '')}` : c.to;
    // A bare name is looked up in PATH: the copy's file name is enough to match it.
    if (target !== program && !(!program.includes('/') && target.replace(/^.*\//, '') === program)) continue;
    const text = readScript(c.from);
    if (text !== null && launchFromScript(text).daemon) return true;
  }
  return false;
}
