/**
 * The orchestrator for `scan`: repository files → parse → facts, one document per config that is not
 * itself included by another. Paths in the facts are relative to the working directory (the repository
 * root in CI), which is what SARIF and people need. A file that cannot be read is an error for that file
 * only; the scan goes on. Every file is opened through the scan root (links resolved, only regular files,
 * nothing outside the root), and a file some config names as its `secrets file` is never a config.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { diagnostic } from '../common/index.ts';
import { buildFacts, relabelFiles, type FactsDocument, type Version } from '../facts/index.ts';
import { lookupParam, parseRsyncdConf, repoSecrets, secretsFilesOf, type RsyncdConfig } from '../parse/index.ts';
import { discoverConfigs, fileTypeName, gitModes, repoConfigSource, ScanRoot, within } from '../sources/index.ts';
import type { TargetError } from '../report/index.ts';

export interface ScanOptions {
  exclude: string[];
  daemonUser: 'root' | 'nonroot';
  rsyncVersion: Version;
  today: string;
}

export interface ScanResult {
  targets: (FactsDocument | TargetError)[];
  /** Every file the facts point into, by its display path, for fingerprints and regions. */
  texts: Map<string, string>;
  discovered: number;
}

/** Display paths: relative to the working directory when inside it, else to the scan root. */
function displayPath(root: string, file: string): string {
  const cwdRel = relative(process.cwd(), file);
  const rel = within(process.cwd(), file) ? cwdRel : relative(root, file);
  return rel.split(sep).join('/');
}

/** A file holding NUL bytes is binary, not a config someone wrote. */
function undecodable(bytes: Uint8Array): string | undefined {
  return bytes.includes(0) ? 'it holds NUL bytes (a binary file?)' : undefined;
}

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

export function scanRepository(paths: string[], opts: ScanOptions): ScanResult {
  const result: ScanResult = { targets: [], texts: new Map(), discovered: 0 };
  for (const given of paths) {
    const abs = resolve(given);
    let st;
    try {
      st = statSync(abs);
    } catch {
      const dangling = isLink(abs) ? ' (a symbolic link to something that does not exist)' : '';
      result.targets.push({ target: given, message: `no such file or directory${dangling}`, hint: 'Check the path given to scan.' });
      continue;
    }
    if (!st.isFile() && !st.isDirectory()) {
      result.targets.push({ target: given, message: `${given} is ${fileTypeName(st)}, not a file or directory; it was not opened`, hint: 'Give scan a repository directory or a configuration file.' });
      continue;
    }
    // The path given is the user's choice, links and all; from there on nothing leaves it. But a path in
    // the working directory (the checkout, in CI) is the repository's content: a committed link there
    // (`rsyncd.conf -> ~/.ssh/id_rsa`, `deploy -> /`) must not carry the scan out of it.
    const real = realpathSync(abs);
    const cwd = process.cwd();
    if (within(cwd, abs) && !within(realpathSync(cwd), real)) {
      result.targets.push({ target: given, message: `not scanned: it is a symbolic link (or lies under one) that leads outside the working directory; it was not read`, hint: 'A link in the repository is never followed out of it. To scan that file, give its own path.' });
      continue;
    }
    const root = st.isFile() ? dirname(real) : real;
    const found = st.isFile() ? [] : discoverConfigs(root, { exclude: opts.exclude });
    for (const d of found.filter((f) => f.by === 'unreadable-dir')) {
      result.targets.push({ target: displayPath(root, join(root, d.path)), message: `this directory could not be listed (${d.reason ?? 'unreadable'}), so no rsyncd config in it was scanned`, hint: 'Run the scan as a user who can read it, or leave it out with --exclude.' });
    }
    const files = st.isFile() ? [real] : found.filter((f) => f.by !== 'unreadable-dir').map((d) => join(root, d.path));
    result.discovered += files.length;
    scanRoot(root, files, opts, result);
  }
  return result;
}

interface Candidate {
  real: string;
  bytes: Uint8Array;
  /** Names it was found under that are links to it. */
  links: string[];
}

function scanRoot(root: string, files: string[], opts: ScanOptions, out: ScanResult): void {
  const scan = new ScanRoot(root);
  const candidates = new Map<string, Candidate>();
  const refused: { file: string; error: TargetError }[] = [];
  for (const file of files) {
    const opened = scan.open(file);
    if (opened.kind === 'dir') continue;
    if (opened.kind !== 'file') {
      refused.push({ file, error: { target: displayPath(root, file), message: `not scanned: ${opened.reason}`, hint: 'A link out of the repository, a FIFO or a device is never opened. Exclude it with --exclude, or scan the real file directly.' } });
      continue;
    }
    const why = undecodable(opened.bytes);
    if (why !== undefined) {
      out.targets.push({ target: displayPath(root, file), message: `cannot scan this file: ${why}`, hint: 'Exclude it with --exclude if it is not an rsyncd config.' });
      continue;
    }
    const seen = candidates.get(opened.real) ?? { real: opened.real, bytes: opened.bytes, links: [] };
    if (opened.viaLink) seen.links.push(scan.rel(file));
    candidates.set(opened.real, seen);
  }
  const parse = (secretsFiles?: ReadonlySet<string>) =>
    [...candidates.values()].map((c) => {
      const config = parseRsyncdConf(c.real, c.bytes, repoConfigSource(root, { scanRoot: scan, ...(secretsFiles ? { secretsFiles } : {}) }));
      const notes = notUtf8(c.real, c.bytes);
      return { file: c.real, config: notes.length === 0 ? config : { ...config, diagnostics: [...notes, ...config.diagnostics] } };
    });
  let parsed = parse();
  // A secrets file is only ever a secrets file: not a target, and not followed by an include. Which files
  // are secrets files is known only once the configs are parsed, so a parse that read one is redone. A file
  // that holds module sections, parameters or directives (or includes files that do) is a configuration
  // whatever a `secrets file` line says, as it is for rsync: naming a config (or itself, or an included file
  // of global defaults) as a secrets file must not hide what it sets from the scan. Its lines that are not
  // configuration are never quoted (redact.ts).
  const named = secretsFilesOf(parsed, scan);
  const configs = new Set(parsed.flatMap((p) => [...p.config.modules.map((m) => m.header.file), ...(p.config.modules.length > 0 ? [p.file] : [])]));
  for (const f of named) {
    const opened = scan.open(f);
    if (opened.kind === 'file' && hasConfigLines(opened.bytes)) configs.add(f);
  }
  const secrets = new Set([...named].filter((f) => !configs.has(f)));
  if (parsed.some((p) => p.config.files.some((f) => secrets.has(f.path)))) parsed = parse(secrets);
  // A file another config includes is scanned as part of that config, not on its own; a refused file an
  // include named (itself or through its directory) is already a located note on that include line.
  // Only a config that loads counts as the including one: a junk config that includes the real one and
  // then fails (`&bogus`) must not swallow the included file's modules into a daemon that never starts.
  const included = new Set(parsed.filter((p) => p.config.starts && p.config.serves && !p.config.limit).flatMap((p) => p.config.files.slice(1).map((f) => f.path)));
  for (const r of refused) if (!scan.wasNoted(r.file)) out.targets.push(r.error);
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
  const modes = gitModes(root);
  for (const { file, config } of chosen) {
    const links = candidates.get(file)?.links ?? [];
    const withNotes = secretConfigs(foundThroughLinks(config, file, links, scan), file, named, configs, scan);
    out.targets.push(factsFor(root, file, withNotes, scan, modes, opts), ...unreadSecrets(root, file, config, scan));
    for (const f of config.files) {
      const opened = scan.open(f.path);
      if (opened.kind === 'file') out.texts.set(displayPath(root, f.path), Buffer.from(opened.bytes).toString('utf8'));
    }
  }
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

/** Each `secrets file` line of a config (first of each file:line), opened as repo-secrets opens it. */
function secretsLines(config: RsyncdConfig, configFile: string, scan: ScanRoot) {
  const out = [];
  const seen = new Set<string>();
  for (const p of [config.global['secrets file'], ...config.modules.map((m) => m.params['secrets file'])]) {
    if (!p || typeof p.value !== 'string' || p.value === '' || p.file === null || p.line === null || seen.has(`${p.file}:${p.line}`)) continue;
    seen.add(`${p.file}:${p.line}`);
    const opened = scan.open(isAbsolute(p.value) ? scan.locate(p.value, scan.root) : resolve(dirname(configFile), p.value));
    out.push({ value: p.value, at: { file: p.file, line: p.line, column: p.column ?? 1 }, opened });
  }
  return out;
}

/** A `secrets file` that names a file with module sections: rsync would take its `name:` lines as passwords. */
function secretConfigs(config: RsyncdConfig, configFile: string, named: ReadonlySet<string>, configs: ReadonlySet<string>, scan: ScanRoot): RsyncdConfig {
  const notes = [];
  for (const { value, at, opened } of secretsLines(config, configFile, scan)) {
    if (opened.kind !== 'file' || !named.has(opened.real) || !configs.has(opened.real)) continue;
    notes.push(diagnostic('warning', 'secrets-file-is-config', `The secrets file ${value} is an rsyncd configuration (${scan.rel(opened.real)} sets parameters or defines modules): it was read as a configuration, and rsync would read its "name:" lines as passwords.`, at, 'Point "secrets file" at a file of "user:password" lines only.'));
  }
  return notes.length === 0 ? config : { ...config, diagnostics: [...config.diagnostics, ...notes] };
}

/**
 * A secrets file in the repository that rsyncguard could not read (over its size caps, or unreadable here)
 * was not checked: the config's findings stand, but the target is "could not be evaluated" (exit 2), so
 * padding a secrets file past a cap cannot hide its weak passwords behind a clean result.
 */
function unreadSecrets(root: string, file: string, config: RsyncdConfig, scan: ScanRoot): TargetError[] {
  return secretsLines(config, file, scan).flatMap(({ value, at, opened }) =>
    opened.kind === 'unreadable' ? [{ target: displayPath(root, file), message: `${displayPath(root, at.file)}:${at.line}: the secrets file ${value} could not be checked: ${opened.reason}`, hint: 'Keep secrets files small (they hold one line per user), or exclude this configuration.' }] : [],
  );
}

function factsFor(root: string, file: string, config: RsyncdConfig, scan: ScanRoot, modes: Map<string, number>, opts: ScanOptions): FactsDocument {
  const id = displayPath(root, file);
  const doc = buildFacts({
    target: { kind: 'file', id, display: id },
    daemonUser: opts.daemonUser,
    rsyncVersion: opts.rsyncVersion,
    today: opts.today,
    config,
    secrets: repoSecrets(config, file, scan, modes),
  });
  return relabelFiles(doc, (f) => displayPath(root, f));
}

/** A config reached through a link in the repository is scanned as the file it is, and says so. */
function foundThroughLinks(config: RsyncdConfig, file: string, links: string[], scan: ScanRoot): RsyncdConfig {
  if (links.length === 0) return config;
  const note = diagnostic('info', 'found-through-link', `Found through a link: ${links.join(', ')} → ${scan.rel(file)}; scanned as ${scan.rel(file)}.`, { file, line: 1, column: 1 });
  return { ...config, diagnostics: [note, ...config.diagnostics] };
}


function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
