/**
 * The orchestrator for one config file: sources → parse → facts. Both `facts` and `access` start here,
 * so they see exactly the same configuration.
 */
import { DEFAULT_RSYNC_VERSION, fail, ok, releaseNumbers, UserError, type Result } from '../common/index.ts';
import { buildFacts, type FactsDocument, type Version } from '../facts/index.ts';
import { localSecrets, parseRsyncdConf, type RsyncdConfig } from '../parse/index.ts';
import { localConfigSource, readLocalFile } from '../sources/index.ts';

export interface ConfigTargetOptions {
  /** The daemon's filesystem root for absolute paths (includes, secrets files). */
  root?: string | undefined;
  daemonUser: 'root' | 'nonroot';
  rsyncVersion: Version;
  /** `rsyncVersion` was given explicitly (not the default): the version rules judge it. */
  rsyncVersionGiven?: boolean;
  /** The run's date (YYYY-MM-DD), from the front end's clock. */
  today: string;
}

export interface LoadedConfig {
  config: RsyncdConfig;
  facts: FactsDocument;
}

/** The config at `path` and its facts, or why it cannot be evaluated (unreadable, past a safety limit). */
export function loadConfigTarget(path: string, opts: ConfigTargetOptions): Result<LoadedConfig> {
  const read = readLocalFile(path);
  if (!read.ok) return read;
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

/** `--rsync-version 3.4.1` → [3, 4, 1]; absent → the default release. */
export function parseVersion(text: string | undefined): Result<Version> {
  const version = releaseNumbers(text ?? DEFAULT_RSYNC_VERSION);
  return version ? ok(version) : fail(new UserError(`--rsync-version must look like ${DEFAULT_RSYNC_VERSION}, not "${text}"`));
}
