/**
 * A repository's rsyncd configs, parsed: one per config that is not itself included by another, each
 * with the secrets files it names. Every file is opened through the scan root (links resolved, only
 * regular files, nothing outside the root), and a file some config names as its `secrets file` is never
 * a config. A file that cannot be read is an error for that file only; the others go on.
 */
import { createHash } from 'node:crypto';
import { diagnostic } from '../common/index.ts';
import { classifyFile, displayPath, GIT_UNREADABLE, gitModes, gitUnreadable, repoConfigSource, ScanRoot, type Classified, type DaemonRoot } from '../sources/index.ts';
import { startsUtf16 } from './file-notes.ts';
import { readOtherFile, type OtherFile } from './other-files.ts';
import { type Param, parseRsyncdConf, type RsyncdConfig } from './rsyncd-config.ts';
import { lookupParam } from './rsyncd-params.ts';
import { lookUp, openFound, repoSecrets, secretsFilesOf, secretsNamers, type RepoRoots } from './repo-secrets.ts';
import type { SecretsFile } from './secrets-files.ts';
import { frontsConfig, readStunnel, type StunnelService } from './stunnel.ts';

export type RepoConfig =
  /** `texts`: every file the config reads, by display path, for fingerprints and regions. */
  /** `frontEnds`: the stunnel services in the same scan root, which may relay clients to the daemon. */
  /** `daemon`: `scan --root DIR`, under which absolute paths were looked up (and files outside the repository are shown). */
  | { kind: 'config'; root: string; file: string; config: RsyncdConfig; secrets: SecretsFile[]; texts: [string, string][]; frontEnds: StunnelService[]; daemon?: DaemonRoot }
  | { kind: 'error'; target: string; message: string; hint: string }
  /** Not an rsyncd config (a secrets file, a unit, a Dockerfile, …): its kind's analysis (other-files.ts). */
  | OtherFile;

/**
 * A file holding NUL bytes is not evaluated: a binary file, UTF-16 text, or a config rsync reads otherwise
 * than it looks (rsyncd.md §1.1: a NUL ends the value it is in, and one that starts a line silently ends the
 * file) — which it is, the user decides.
 */
function undecodable(bytes: Uint8Array): string | undefined {
  const at = bytes.indexOf(0);
  if (at < 0) return undefined;
  if (startsUtf16(bytes)) return 'it is UTF-16 text, which rsync reads byte by byte: no line of it is a parameter or a [module] for rsync';
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return `it holds NUL bytes, the first on line ${line}: a binary file, or a config rsync reads otherwise than it looks (a NUL ends the value it is in; one that starts a line silently ends the file)`;
}

const UNDECODABLE_HINT = 'If it is an rsyncd config, save it as UTF-8 (or ASCII) with no NUL bytes; if it is not, exclude it with --exclude.';

/**
 * rsync reads bytes, and so does the parser: a config with a Latin-1 comment (common on older systems) is
 * scanned like any other, with a note where the first byte that is not UTF-8 is.
 */
function notUtf8(file: string, bytes: Uint8Array): RsyncdConfig['diagnostics'] {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    try {
      strict.decode(bytes.subarray(start, stop));
    } catch {
      return [diagnostic('info', 'not-utf8', `Line ${line} is not valid UTF-8: rsync reads the file byte by byte, and so does rsyncguard; text quoted from it shows a replacement character (U+FFFD) for those bytes.`, { file, line, column: 1 })];
    }
    start = stop + 1;
  }
  return [];
}

interface Candidate {
  real: string;
  /** Held only in a root of few configs; a root of many opens the file again (the scan root checks it is unchanged). */
  bytes: Uint8Array | undefined;
  /** Names it was found under that are links to it. */
  links: string[];
}

/** The next step for a file the scan root would not open, fitting why. */
function refusedHint(kind: string, reason: string): string {
  if (kind === 'unreadable' && /permission denied|operation not permitted/.test(reason)) return 'Make it readable by the user running rsyncguard, or exclude it with --exclude.';
  if (kind === 'unreadable') return 'Exclude it with --exclude if it is not an rsyncd config.';
  if (kind === 'missing') return 'Restore the file, or exclude it with --exclude.';
  return 'A link out of the repository, a FIFO or a device is never opened. Exclude it with --exclude, or scan the real file directly.';
}

/** What `fix` passes when it parses a config again with its edits (src/runner/fix-verify.ts). */
export interface ReparseOptions {
  /** Real path → bytes standing in for the file's contents (the edited text). */
  overlay?: ReadonlyMap<string, Uint8Array>;
  /** The repository's git modes, read once: asking git for each of a run's many re-parses would dominate it. */
  modes?: Map<string, number>;
  /** `scan --root DIR`: the daemon's `/` for absolute include and secrets paths (default: the scan root). */
  daemonRoot?: DaemonRoot | undefined;
  /** Files past which a root is read lean (slimmed choice, no bytes held): HELD_CONFIGS; tests lower it. */
  heldConfigs?: number;
}

/** The configs among `files` (absolute paths under `root`), parsed, in order; errors where they arise. */
export function* parseRepoConfigs(root: string, files: string[], reparse: ReparseOptions = {}): Generator<RepoConfig> {
  // A root of many configs holds none of their bytes between reads (issue 20): each is read again when it is
  // parsed for its report, and must be what was read first.
  const slim = files.length > (reparse.heldConfigs ?? HELD_CONFIGS);
  const scan = new ScanRoot(root, reparse.overlay, false, { holdBytes: !slim });
  const daemon = reparse.daemonRoot;
  const roots: RepoRoots = { root, scan, daemon };
  const show = (f: string) => displayPath(root, f, daemon);
  const candidates = new Map<string, Candidate>();
  const refused: { file: string; error: RepoConfig }[] = [];
  // Files the registry says are not rsyncd configs: never parsed as one (a secrets file would "listen on port 873").
  // In a root of many configs their bytes are read again when each is reported, like a config's.
  const others = new Map<string, { file: string; bytes: Uint8Array | undefined; classified: Classified }>();
  const frontEnds: StunnelService[] = [];
  for (const file of files) {
    const opened = scan.open(file);
    if (opened.kind === 'dir') continue;
    if (opened.kind !== 'file') {
      refused.push({
        file,
        error: { kind: 'error', target: displayPath(root, file), message: `not scanned: ${opened.reason}`, hint: refusedHint(opened.kind, opened.reason) },
      });
      continue;
    }
    const why = undecodable(opened.bytes);
    if (why !== undefined) {
      yield { kind: 'error', target: displayPath(root, file), message: `cannot scan this file: ${why}`, hint: UNDECODABLE_HINT };
      continue;
    }
    const classified = classifyFile(scan.rel(file), opened.bytes);
    if (classified.kind.analyzer !== 'rsyncd') {
      if (!others.has(opened.real)) {
        others.set(opened.real, { file: opened.real, bytes: slim ? undefined : opened.bytes, classified });
        if (classified.kind.id === 'stunnel') frontEnds.push(...readStunnel(opened.bytes, displayPath(root, opened.real)));
      }
      continue;
    }
    const seen = candidates.get(opened.real) ?? { real: opened.real, bytes: slim ? undefined : opened.bytes, links: [] };
    if (opened.viaLink) seen.links.push(scan.rel(file));
    candidates.set(opened.real, seen);
  }
  // A candidate read again that is no longer what was read first: an error for that file, said once.
  const changed = new Map<string, RepoConfig>();
  const parseOne = (c: Candidate, secretsFiles: ReadonlySet<string> | undefined): RsyncdConfig | undefined => {
    let bytes = c.bytes;
    if (bytes === undefined) {
      const opened = scan.open(c.real);
      if (opened.kind !== 'file') {
        if (!changed.has(c.real)) changed.set(c.real, { kind: 'error', target: show(c.real), message: `not scanned: ${'reason' in opened ? opened.reason : 'it is no longer a file'}`, hint: 'Scan again once nothing is writing to the repository.' });
        return undefined;
      }
      bytes = opened.bytes;
    }
    const config = parseRsyncdConf(c.real, bytes, repoConfigSource(root, { scanRoot: scan, ...(secretsFiles ? { secretsFiles } : {}), ...(daemon ? { daemonRoot: daemon } : {}) }));
    const notes = notUtf8(c.real, bytes);
    return notes.length === 0 ? config : { ...config, diagnostics: [...notes, ...config.diagnostics] };
  };
  // Choosing the configs needs all of them parsed; a root of many configs keeps only what the choice reads
  // of each and parses a config again when it is reported, so memory does not grow with the root (issue 20).
  let secretsUsed: ReadonlySet<string> | undefined;
  const parse = (secretsFiles?: ReadonlySet<string>) =>
    [...candidates.values()].flatMap((c) => {
      const config = parseOne(c, secretsFiles);
      return config === undefined ? [] : [{ file: c.real, config: slim ? slimConfig(config) : config }];
    });
  let parsed = parse();
  // A secrets file is only ever a secrets file: not a target, and not followed by an include. Which files
  // are secrets files is known only once the configs are parsed, so a parse that read one is redone. A file
  // that holds module sections, parameters or directives (or includes files that do) is a configuration
  // whatever a `secrets file` line says, as it is for rsync: naming a config (or itself, or an included file
  // of global defaults) as a secrets file must not hide what it sets from the scan. Its lines that are not
  // configuration are never quoted (redact.ts).
  const named = secretsFilesOf(parsed, roots);
  const configs = new Set(parsed.flatMap((p) => [...p.config.modules.map((m) => m.header.file), ...(p.config.modules.length > 0 ? [p.file] : [])]));
  for (const f of named) {
    const opened = openFound(roots, f);
    if (opened.kind === 'file' && hasConfigLines(opened.bytes)) configs.add(f);
  }
  const secrets = new Set([...named].filter((f) => !configs.has(f)));
  if (parsed.some((p) => p.config.files.some((f) => secrets.has(f.path)))) {
    secretsUsed = secrets;
    parsed = parse(secrets);
  }
  // A file another config includes is scanned as part of that config, not on its own; a refused file an
  // include named (itself or through its directory) is already a located note on that include line.
  // Only a config that loads counts as the including one: a junk config that includes the real one and
  // then fails (`&bogus`) must not swallow the included file's modules into a daemon that never starts.
  const included = new Set(parsed.filter((p) => p.config.starts && p.config.serves && !p.config.limit).flatMap((p) => p.config.files.slice(1).map((f) => f.path)));
  for (const r of refused) if (!scan.wasNoted(r.file)) yield r.error;
  yield* changed.values();
  // Configs that only include each other (a cycle) have no outer file: the first of them is scanned, so
  // a cycle never makes every config in it vanish from the report.
  const covered = new Set<string>();
  const chosen = parsed.filter((p) => !included.has(p.file) && !secrets.has(p.file));
  for (const p of chosen) for (const f of p.config.files) covered.add(f.path);
  for (const p of parsed) {
    if (covered.has(p.file) || secrets.has(p.file)) continue;
    chosen.push(p);
    for (const f of p.config.files) covered.add(f.path);
  }
  const modes = reparse.modes ?? gitModes(root);
  // A checkout git could not read was walked instead of listed by git: said beside each config (issue 18).
  const noGit = reparse.modes === undefined && modes.size === 0 ? gitUnreadable(root) : undefined;
  // A secrets file several configs name is checked once, with the first of them in report order.
  const namers = secretsNamers(chosen, roots);
  // A secrets file some config names stays that config's: it is checked with it, not on its own. The
  // rest come out in path order among the configs, so a report's order does not depend on the file's kind.
  const pending = [...others.values()].filter((o) => !named.has(o.file)).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const other = (o: (typeof pending)[number]): RepoConfig => {
    let bytes = o.bytes;
    if (bytes === undefined) {
      const opened = scan.open(o.file);
      if (opened.kind !== 'file') return { kind: 'error', target: displayPath(root, o.file), message: `not scanned: ${'reason' in opened ? opened.reason : 'it is no longer a file'}`, hint: 'Scan again once nothing is writing to the repository.' };
      bytes = opened.bytes;
    }
    return readOtherFile(root, o.file, bytes, o.classified, scan, modes, createHash('sha256').update(bytes).digest('hex'));
  };
  for (const chose of chosen) {
    const { file } = chose;
    const candidate = candidates.get(file);
    while (pending[0] && pending[0].file < file) yield other(pending.shift() as (typeof pending)[number]);
    const config = slim && candidate !== undefined ? parseOne(candidate, secretsUsed) : chose.config;
    if (config === undefined) {
      yield changed.get(file) as RepoConfig;
      continue;
    }
    const links = candidate?.links ?? [];
    const withNotes = withoutGit(secretConfigs(foundThroughLinks(config, file, links, scan), file, named, configs, roots), file, noGit);
    const texts: [string, string][] = [];
    let gone: string | undefined;
    for (const f of config.files) {
      const opened = openFound(roots, f.path);
      if (opened.kind === 'file') texts.push([show(f.path), Buffer.from(opened.bytes).toString('utf8')]);
      // A file parsed a moment ago and not readable now (changed in between): its lines cannot be quoted or
      // fingerprinted, and a report without them would differ from one of the file as read, silently.
      else if (slim && gone === undefined) gone = 'reason' in opened ? opened.reason : `${scan.rel(f.path)} is no longer a file`;
    }
    if (gone !== undefined) {
      yield { kind: 'error', target: show(file), message: `not scanned: ${gone}`, hint: 'Scan again once nothing is writing to the repository.' };
      continue;
    }
    const secrets = repoSecrets(withNotes, file, roots, modes, namers);
    yield { kind: 'config', root, file, config: withNotes, secrets, texts, frontEnds: frontEnds.filter((s) => frontsConfig(s, scan.rel(file))), ...(daemon ? { daemon } : {}) };
    yield* unreadSecrets(root, file, config, roots);
  }
  for (const o of pending) yield other(o);
}

/** Past this many configs in one root, each is held slimmed until it is reported, and parsed again then. */
const HELD_CONFIGS = 1000;

/** Shared by every slimmed config: 50,000 configs would otherwise hold 50,000 of each empty array and object. */
const NONE: never[] = Object.freeze([]) as unknown as never[];
const NO_PARAMS: Record<string, Param> = Object.freeze({}) as Record<string, Param>;

/**
 * What choosing a root's configs reads of one: its files, which files hold a module, whether it loads, and
 * its `secrets file` lines as namedSecrets reads them (each value once, the first line that names it). The
 * rest, every module's parameters above all, is dropped until it is parsed again.
 */
function slimConfig(config: RsyncdConfig): RsyncdConfig {
  const values = new Set<string>();
  // namedSecrets takes the global line, then the modules' in order, each value once: a module that repeats a
  // value (most of a config's modules, often) adds nothing to it.
  const names = (p: Param | undefined): p is Param => p !== undefined && typeof p.value === 'string' && p.value !== '' && !values.has(p.value) && values.add(p.value) !== undefined;
  const global = config.global['secrets file'];
  const globalNamed = names(global);
  const files = new Set<string>();
  const modules: RsyncdConfig['modules'] = [];
  for (const m of config.modules) {
    const p = m.params['secrets file'];
    const named = names(p);
    const first = !files.has(m.header.file);
    if (first) files.add(m.header.file);
    if (named || first) modules.push({ name: m.name, header: m.header, reopened: NONE, params: named ? { 'secrets file': p } : NO_PARAMS, shadowed: m.shadowed });
  }
  return {
    starts: config.starts,
    serves: config.serves,
    partial: config.partial,
    limit: config.limit,
    files: config.files.map((f) => ({ path: f.path, sha256: '' })),
    global: globalNamed ? { 'secrets file': global } : NO_PARAMS,
    listener: NO_PARAMS,
    modules,
    diagnostics: NONE,
    inlineWaivers: NONE,
    publicDeclarations: NONE,
  };
}

/** The note that git's view of the checkout was not used, on the config's first line. */
function withoutGit(config: RsyncdConfig, file: string, why: string | undefined): RsyncdConfig {
  if (why === undefined) return config;
  const hint = "Let git read the checkout: a worktree's or submodule's git directory lies outside it (in a container, mount the main checkout or superproject too, or scan a plain clone).";
  return { ...config, diagnostics: [diagnostic('info', GIT_UNREADABLE, why, { file, line: 1, column: 1 }, hint), ...config.diagnostics] };
}

/** A module header, an `&include`/`&merge`, or a line setting an rsync parameter: configuration, not only passwords. */
function hasConfigLines(bytes: Uint8Array): boolean {
  for (const raw of Buffer.from(bytes).toString('utf8').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[') || line.startsWith('&')) return true;
    const eq = line.indexOf('=');
    if (eq > 0 && !line.startsWith('#') && !line.startsWith(';') && lookupParam(line.slice(0, eq).trim())) return true;
  }
  return false;
}

/** Each `secrets file` line of a config (first of each file:line), opened as secrets-files.ts opens it. */
function secretsLines(config: RsyncdConfig, configFile: string, roots: RepoRoots) {
  const out = [];
  const seen = new Set<string>();
  for (const p of [config.global['secrets file'], ...config.modules.map((m) => m.params['secrets file'])]) {
    if (!p || typeof p.value !== 'string' || p.value === '' || p.file === null || p.line === null || seen.has(`${p.file}:${p.line}`)) continue;
    seen.add(`${p.file}:${p.line}`);
    const { opened } = lookUp(roots, p.value, configFile);
    out.push({ value: p.value, at: { file: p.file, line: p.line, column: p.column ?? 1 }, opened });
  }
  return out;
}

/** A `secrets file` that names a file with module sections: rsync would take its `name:` lines as passwords. */
function secretConfigs(config: RsyncdConfig, configFile: string, named: ReadonlySet<string>, configs: ReadonlySet<string>, roots: RepoRoots): RsyncdConfig {
  const notes = [];
  for (const { value, at, opened } of secretsLines(config, configFile, roots)) {
    if (opened.kind !== 'file' || !named.has(opened.real) || !configs.has(opened.real)) continue;
    notes.push(
      diagnostic(
        'warning',
        'secrets-file-is-config',
        `The secrets file ${value} is an rsyncd configuration (${displayPath(roots.root, opened.real, roots.daemon)} sets parameters or defines modules): it was read as a configuration, and rsync would read its "name:" lines as passwords.`,
        at,
        'Point "secrets file" at a file of "user:password" lines only.',
      ),
    );
  }
  return notes.length === 0 ? config : { ...config, diagnostics: [...config.diagnostics, ...notes] };
}

/**
 * A secrets file in the repository that rsyncguard could not read (over its size caps, or unreadable here)
 * was not checked: the config's findings stand, but the target is "could not be evaluated" (exit 2), so
 * padding a secrets file past a cap cannot hide its weak passwords behind a clean result.
 */
function unreadSecrets(root: string, file: string, config: RsyncdConfig, roots: RepoRoots): RepoConfig[] {
  return secretsLines(config, file, roots).flatMap(({ value, at, opened }): RepoConfig[] =>
    opened.kind === 'unreadable'
      ? [
          {
            kind: 'error',
            target: displayPath(root, file, roots.daemon),
            message: `${displayPath(root, at.file, roots.daemon)}:${at.line}: the secrets file ${value} could not be checked: ${opened.reason}`,
            hint: 'Keep secrets files small (they hold one line per user), or exclude this configuration.',
          },
        ]
      : [],
  );
}

/** A config reached through a link in the repository is scanned as the file it is, and says so. */
function foundThroughLinks(config: RsyncdConfig, file: string, links: string[], scan: ScanRoot): RsyncdConfig {
  if (links.length === 0) return config;
  const note = diagnostic('info', 'found-through-link', `Found through a link: ${links.join(', ')} → ${scan.rel(file)}; scanned as ${scan.rel(file)}.`, { file, line: 1, column: 1 });
  return { ...config, diagnostics: [note, ...config.diagnostics] };
}
