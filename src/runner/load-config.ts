/**
 * The orchestrator for one config file: sources → parse → facts. Both `facts` and `access` start here,
 * so they see exactly the same configuration.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { DEFAULT_RSYNC_VERSION, fail, ok, releaseNumbers, UserError, type Result } from '../common/index.ts';
import { buildFacts, otherFileDocument, type FactsDocument, type Version } from '../facts/index.ts';
import { localSecrets, parseRepoConfigs, parseRsyncdConf, type RsyncdConfig } from '../parse/index.ts';
import { classifyFile, localConfigSource, readLocalFile } from '../sources/index.ts';

export interface ConfigTargetOptions {
  /** The daemon's filesystem root for absolute paths (includes, secrets files). */
  root?: string | undefined;
  daemonUser: 'root' | 'nonroot';
  rsyncVersion: Version;
  /** `rsyncVersion` was given explicitly (not the default): the version rules judge it. */
  rsyncVersionGiven?: boolean;
  /** The run's date (YYYY-MM-DD), from the front end's clock. */
  today: string;
  /**
   * A file the registry says is no rsyncd config (a secrets file, a Dockerfile, …): `document` gives its
   * kind's facts document, as `scan` reads it (for `facts`); otherwise it is a located error (for `access`,
   * which simulates a daemon such a file does not configure).
   */
  otherKinds?: 'document' | 'error';
}

export interface LoadedConfig {
  config: RsyncdConfig;
  facts: FactsDocument;
}

/** The config at `path` and its facts, or why it cannot be evaluated (unreadable, past a safety limit). */
export function loadConfigTarget(path: string, opts: ConfigTargetOptions): Result<LoadedConfig> {
  const read = readLocalFile(path);
  if (!read.ok) return read;
  // Classified as `scan` classifies a file named on the command line: a secrets file read as rsyncd.conf
  // would "listen on every interface on port 873".
  const classified = classifyFile(relative(rootOf(resolve(path)), resolve(path)), read.value);
  if (classified.kind.analyzer !== 'rsyncd') return otherKind(path, classified.kind.label, classified.by, opts);
  const config = parseRsyncdConf(path, read.value, localConfigSource(opts.root === undefined ? {} : { root: opts.root }));
  if (config.limit) {
    const at = config.limit.at;
    return fail(new UserError(`${at.file}:${at.line}: ${config.limit.message}`, path, config.limit.hint));
  }
  const facts = buildFacts({
    target: { kind: 'file', id: path, display: path },
    daemonUser: opts.daemonUser,
    rsyncVersion: opts.rsyncVersion,
    rsyncVersionGiven: opts.rsyncVersionGiven === true,
    today: opts.today,
    config,
    secrets: localSecrets(config, path, opts.root),
  });
  return ok({ config, facts });
}

/** A file of another kind: its own facts document (read as `scan` reads it), or why it is not a daemon config. */
function otherKind(path: string, label: string, by: string, opts: ConfigTargetOptions): Result<LoadedConfig> {
  const how = by === 'none' ? '' : ` (recognised by its ${by})`;
  if (opts.otherKinds !== 'document') {
    return fail(new UserError(`${path}:1: this is ${label}${how}, not an rsyncd configuration; it was not read as one`, path, `Scan it with "rsyncguard scan ${path}", which reads each file by its kind.`));
  }
  const file = resolve(path);
  for (const parsed of parseRepoConfigs(rootOf(file), [file])) {
    if (parsed.kind === 'error') return fail(new UserError(`${path}: ${parsed.message}`, path, parsed.hint));
    if (parsed.kind !== 'other') continue;
    const facts = otherFileDocument(parsed, { display: path, rename: (f) => (f === parsed.file ? path : f), daemonUser: opts.daemonUser, rsyncVersion: opts.rsyncVersion, today: opts.today });
    // No daemon configuration: the document's own (empty) one, which starts nothing.
    return ok({ config: noDaemonConfig(parsed.file), facts });
  }
  return fail(new UserError(`internal error: ${path} was classified as ${label} but not read as one`, path));
}

/** The configuration of a file that configures no daemon: no modules, starts nothing. */
function noDaemonConfig(file: string): RsyncdConfig {
  return { starts: false, serves: false, partial: false, limit: null, files: [{ path: file, sha256: '' }], global: {}, listener: {}, modules: [], diagnostics: [], inlineWaivers: [], publicDeclarations: [] };
}

/** The root `scan` would read a file under: the working directory when the file is in it, else its folder. */
function rootOf(file: string): string {
  const cwd = process.cwd();
  return file.startsWith(`${cwd}${sep}`) ? cwd : dirname(file);
}

/** `--rsync-version 3.4.1` → [3, 4, 1]; absent → the default release. */
export function parseVersion(text: string | undefined): Result<Version> {
  const version = releaseNumbers(text ?? DEFAULT_RSYNC_VERSION);
  return version ? ok(version) : fail(new UserError(`--rsync-version must look like ${DEFAULT_RSYNC_VERSION}, not "${text}"`));
}
