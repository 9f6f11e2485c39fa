/**
 * A Dockerfile read for what the image it builds will do, without building it: the final stage's USER,
 * EXPOSE, ENV, ENTRYPOINT and CMD, turned into the shape of an image config (Docker's own
 * `config.User`, `ExposedPorts`, `Env`, `Entrypoint`, `Cmd`) so the image analysis (image-config.ts:
 * credentials withheld, what the command starts) reads a Dockerfile exactly as it reads a built image.
 * Reference: https://docs.docker.com/reference/dockerfile/ (line continuations, exec and shell forms).
 */
import { launchFromArgv, launchFromScript, readImageConfig, type ImageConfig } from './image-config.ts';
import { isCredentialName, WITHHELD } from './image-redact.ts';

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
  /** Here-documents (`COPY <<EOF /x`, `RUN <<EOF`): their bodies by delimiter, never read as instructions. */
  heredocs: Map<string, string>;
}

/**
 * `<<EOF`, `<<-EOF`, `<<"EOF"`, `2<<EOF`: a word that opens a here-document (BuildKit's Dockerfile 1.4
 * syntax). BuildKit (frontend/dockerfile/parser, heredocsFromLine) splits the line with its shell lexer,
 * quotes kept, and takes a word only when it *starts* with `<<`, only in RUN, COPY and ADD: `'see <<EOF'`,
 * `$((1<<SHIFT))` or a LABEL's text open nothing, and taking them for one swallowed the rest of the file (adv3 #9).
 */
const HEREDOC_WORD = /^\d*<<(-?)(["']?)([^<\s"']+)\2$/;
const HEREDOC_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD']);

/** The words of an instruction's arguments as the shell lexer splits them, quotes and escapes kept: a quoted space does not split. */
function rawWords(args: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const c = args[i] ?? '';
    if (quote !== null) {
      word = (word ?? '') + c;
      if (c === '\\' && quote === '"' && i + 1 < args.length) word += args[++i] ?? '';
      else if (c === quote) quote = null;
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + c;
      if (c === '\\' && i + 1 < args.length) word += args[++i] ?? '';
      else if (c === '"' || c === "'") quote = c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** The here-documents an instruction opens, in order. */
function heredocNames(keyword: string, args: string): { name: string; strip: boolean }[] {
  if (!HEREDOC_INSTRUCTIONS.has(keyword)) return [];
  return rawWords(args).flatMap((w) => {
    const m = HEREDOC_WORD.exec(w);
    return m ? [{ name: m[3] ?? '', strip: m[1] === '-' }] : [];
  });
}

/** Instructions with their continuation lines joined (the default escape character, `\`) and here-documents set aside. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let current: Instruction | null = null;
  const lines = text.split('\n').map((raw) => raw.replace(/\r$/, ''));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // Comment lines inside a continued instruction are dropped, as the builder drops them.
    if (/^\s*#/.test(line)) continue;
    const continued = /\\\s*$/.test(line);
    const body = continued ? line.replace(/\\\s*$/, '') : line;
    if (current) current.args += ` ${body.trim()}`;
    else {
      const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(body);
      if (m?.[1]) current = { keyword: m[1].toUpperCase(), args: (m[2] ?? '').trim(), line: i + 1, heredocs: new Map() };
    }
    if (!continued && current) {
      for (const { name, strip } of heredocNames(current.keyword, current.args)) {
        const bodyLines: string[] = [];
        for (i++; i < lines.length && (strip ? (lines[i] ?? '').replace(/^\t+/, '') : lines[i]) !== name; i++) bodyLines.push(strip ? (lines[i] ?? '').replace(/^\t+/, '') : (lines[i] ?? ''));
        current.heredocs.set(name, `${bodyLines.join('\n')}\n`);
      }
      out.push(current);
      current = null;
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * The longest value substitution may build. Each `ENV A=$A$A` doubles A, so a few hundred bytes of
 * Dockerfile would otherwise build a string past V8's limit and abort the whole scan (adv3 #4); no port,
 * user or environment value rsync cares about is anywhere near this long.
 */
const MAX_EXPANDED = 4096;

/**
 * Docker's variable substitution in EXPOSE, USER and ENV (`$NAME`, `${NAME}`, `${NAME:-default}`,
 * `${NAME:+alt}`), from the ARG defaults and ENV values in scope. null when a variable has no value the
 * Dockerfile gives (only the build command knows it), or when the result would pass MAX_EXPANDED.
 * A credential-like variable (the names image-redact withholds) is never copied under another name
 * (`ENV NOTE=$DEPLOY_TOKEN`, adv3 #6): `mask` puts WITHHELD where its value would go, `unknown` makes
 * the whole result unknown (a USER or port of '********' would read as a real one).
 */
function expand(word: string, vars: ReadonlyMap<string, string>, credential: 'mask' | 'unknown'): string | null {
  if (word.length > MAX_EXPANDED) return null;
  let unknown = false;
  // Counted as it grows, so many references to one long value stop at the cap instead of building the whole string first.
  let length = word.length;
  // The word after :- or :+ is itself expanded and may hold one `${…}` of its own (`${PORT:-${DEFAULT_PORT}}`),
  // whose own word has no braces: the recursion is two deep at most.
  const out = word.replace(/\$(?:\{([A-Za-z_]\w*)(?::([-+])((?:[^{}]|\$\{[^{}]*\})*))?\}|([A-Za-z_]\w*))/g, (_, braced: string | undefined, op: string | undefined, alt: string | undefined, bare: string | undefined) => {
    if (unknown) return '';
    const name = braced ?? bare ?? '';
    const raw = vars.get(name);
    if (raw && isCredentialName(name) && credential === 'unknown') unknown = true;
    const value = raw && isCredentialName(name) ? WITHHELD : raw;
    const other = (): string => {
      const expanded = expand(alt ?? '', vars, credential);
      if (expanded === null) unknown = true;
      return expanded ?? '';
    };
    let result: string;
    if (op === '-') result = value ? value : other();
    else if (op === '+') result = value ? other() : '';
    else {
      if (value === undefined) unknown = true;
      result = value ?? '';
    }
    length += result.length;
    if (length > MAX_EXPANDED) unknown = true;
    return unknown ? '' : result;
  });
  return unknown ? null : out;
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

/** What a stage has set so far; a stage built `FROM` an earlier one starts from a copy of it. */
interface Stage {
  user: string | null;
  exposed: string[];
  env: string[];
  envLines: number[];
  entrypoint: string[];
  cmd: string[];
  copies: Copy[];
  /** ARG defaults and ENV values, for substitution. */
  vars: Map<string, string>;
  lines: Omit<DockerfileImage['lines'], 'env'>;
}

/** A file a COPY/ADD puts into the image: from the build context, or a here-document's text. */
interface Copy {
  from: string;
  to: string;
  text?: string;
}

const fresh = (globals: ReadonlyMap<string, string>): Stage => ({ user: null, exposed: [], env: [], envLines: [], entrypoint: [], cmd: [], copies: [], vars: new Map(globals), lines: { user: null, expose: null, command: null } });
/**
 * How many entries (ENV, EXPOSE, COPY, variables) building stages FROM earlier stages may copy in all. A
 * stage FROM a stage copies its parent, so 20 000 `FROM sN AS sN+1` lines under 300 ENV took 490 MB, and
 * the 8 MB a scan reads would take tens of GB (adv3 #4); real Dockerfiles copy a few thousand.
 */
const MAX_STAGE_COPIES = 1_000_000;
const stageSize = (s: Stage): number => 1 + s.env.length + s.exposed.length + s.copies.length + s.vars.size;
const copyOf = (s: Stage): Stage => ({ ...s, exposed: [...s.exposed], env: [...s.env], envLines: [...s.envLines], copies: [...s.copies], vars: new Map(s.vars), lines: { ...s.lines } });

/** `FROM [--platform=…] image [AS name]`: the base (an earlier stage's name, or an image) and this stage's name. */
function fromWords(args: string): { base: string; name: string | null } {
  const words = args.split(/\s+/).filter((w) => w !== '' && !w.startsWith('--'));
  return { base: (words[0] ?? '').toLowerCase(), name: words[1]?.toLowerCase() === 'as' ? (words[2] ?? '').toLowerCase() : null };
}

/**
 * The final stage of a Dockerfile as an image config, and whether its command starts the daemon.
 * `readScript` returns the text of a build-context file (relative to the Dockerfile) or null; a script the
 * Dockerfile COPYs to the path the command runs is read for `rsync --daemon` too. null when its stages
 * would copy more than MAX_STAGE_COPIES entries: what it builds is unknown, never guessed.
 */
export function readDockerfile(text: string, readScript: (contextPath: string) => string | null): DockerfileImage | null {
  // ARGs before the first FROM are in scope for FROM lines only; a stage that redeclares one (`ARG NAME`) gets its default.
  const globals = new Map<string, string>();
  const stages = new Map<string, Stage>();
  let st: Stage | null = null;
  let copied = 0;
  for (const ins of instructions(text)) {
    if (ins.keyword === 'FROM') {
      const { base, name } = fromWords(ins.args);
      // FROM an earlier stage starts from that stage's image: its ENV, USER, EXPOSE, CMD and files carry over.
      const parent = stages.get(base);
      if (parent) copied += stageSize(parent);
      if (copied > MAX_STAGE_COPIES) return null;
      st = parent ? copyOf(parent) : fresh(new Map());
      if (name) stages.set(name, st);
      continue;
    }
    if (ins.keyword === 'ARG') {
      for (const m of ins.args.matchAll(/([A-Za-z_]\w*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\S*))?/g)) {
        const key = m[1] ?? '';
        const value = m[2] !== undefined ? m[2].replace(/^(["'])(.*)\1$/, '$2') : st ? globals.get(key) : undefined;
        if (value === undefined) continue;
        (st ? st.vars : globals).set(key, value);
      }
      continue;
    }
    if (st) apply(st, ins);
  }
  const s = st ?? fresh(new Map());
  const image = readImageConfig({ config: { User: s.user ?? '', Entrypoint: s.entrypoint, Cmd: s.cmd, Env: s.env, ExposedPorts: Object.fromEntries([...new Set(s.exposed)].map((p) => [p, {}])) } });
  const launch = launchFromArgv(image.argv);
  const startsDaemon = launch.daemon || launch.programs.some((program) => scriptStartsDaemon(program, s.copies, readScript));
  return { config: image.config, startsDaemon, lines: { ...s.lines, env: s.envLines } };
}

/** One instruction of the current stage. */
function apply(st: Stage, ins: Instruction): void {
  switch (ins.keyword) {
    case 'USER': {
      const word = ins.args.split(/\s+/)[0] ?? '';
      // An unexpanded `${RUN_AS}` is kept as written: the facts call it unknown, never a named account.
      st.user = (expand(word, st.vars, 'unknown') ?? word) || null;
      st.lines.user = ins.line;
      break;
    }
    case 'EXPOSE':
      for (const w of ins.args.split(/\s+/).filter((x) => x !== '')) {
        const p = expand(w, st.vars, 'unknown') ?? w;
        const port = p.includes('/') ? p.toLowerCase() : `${p}/tcp`;
        st.exposed.push(port);
        // Where RSYNC-090 (a port starting 873) points.
        if (port.startsWith('873')) st.lines.expose = ins.line;
      }
      break;
    case 'ENV': {
      // Every pair is expanded with the values from before the instruction (`ENV abc=bye def=$abc` gives def the
      // old abc: the Dockerfile reference, "Environment replacement"), so the new values are set after.
      const set: [string, string][] = [];
      for (const pair of envPairs(ins.args)) {
        const eq = pair.indexOf('=');
        const value = expand(pair.slice(eq + 1), st.vars, 'mask') ?? pair.slice(eq + 1);
        st.env.push(`${pair.slice(0, eq)}=${value}`);
        st.envLines.push(ins.line);
        set.push([pair.slice(0, eq), value]);
      }
      for (const [name, value] of set) st.vars.set(name, value);
      break;
    }
    case 'ENTRYPOINT':
      st.entrypoint = commandForm(ins.args);
      st.lines.command = ins.line;
      break;
    case 'CMD':
      st.cmd = commandForm(ins.args);
      st.lines.command = ins.line;
      break;
    case 'COPY':
    case 'ADD': {
      const words = ins.args.split(/\s+/).filter((w) => w !== '' && !w.startsWith('--'));
      const to = words.at(-1);
      for (const from of words.slice(0, -1)) {
        if (to === undefined) continue;
        const doc = HEREDOC_WORD.exec(from)?.[3];
        const text = doc === undefined ? undefined : ins.heredocs.get(doc);
        st.copies.push(text === undefined ? { from, to } : { from, to, text });
      }
      break;
    }
  }
}

/** A program the command runs that a COPY put there from the build context, read for `rsync --daemon`. */
function scriptStartsDaemon(program: string, copies: Copy[], readScript: (contextPath: string) => string | null): boolean {
  for (const c of copies) {
    const target = c.to.endsWith('/') ? `${c.to}${c.from.replace(/^.*\//, '')}` : c.to;
    // A bare name is looked up in PATH: the copy's file name is enough to match it.
    if (target !== program && !(!program.includes('/') && target.replace(/^.*\//, '') === program)) continue;
    const text = c.text ?? readScript(c.from);
    if (text !== null && launchFromScript(text).daemon) return true;
  }
  return false;
}
