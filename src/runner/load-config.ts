/**
 * The orchestrator for one config file: sources → parse → facts. Both `facts` and `access` start here,
 * so they see exactly the same configuration.
 */
import { isAbsolute, join, resolve, dirname } from 'node:path';
import { UserError } from '../common/index.ts';
import { buildFacts, type FactsDocument, type SecretsInput, type Version } from '../facts/index.ts';
import { parseRsyncdConf, parseSecrets, type RsyncdConfig } from '../parse/index.ts';
import { localConfigSource, readLocalFile, ScanRoot, statLocal } from '../sources/index.ts';
import { DEFAULT_RSYNC_VERSION } from './version.ts';

export interface ConfigTargetOptions {
  /** The daemon's filesystem root for absolute paths (includes, secrets files). */
  root?: string | undefined;
  daemonUser: 'root' | 'nonroot';
  rsyncVersion: Version;
}

export interface LoadedConfig {
  config: RsyncdConfig;
  facts: FactsDocument;
}

export function loadConfigTarget(path: string, opts: ConfigTargetOptions): LoadedConfig {
  const read = readLocalFile(path);
  if (!read.ok) throw read.error;
  const source = localConfigSource(opts.root === undefined ? {} : { root: opts.root });
  const config = parseRsyncdConf(path, read.value, source);
  if (config.limit) {
    const at = config.limit.at;
    throw new UserError(`${at.file}:${at.line}: ${config.limit.message}`, path, config.limit.hint);
  }
  const secrets = referencedSecrets(config).map((p) => readSecrets(p, path, opts.root));
  const facts = buildFacts({
    target: { kind: 'file', id: path, display: path },
    daemonUser: opts.daemonUser,
    rsyncVersion: opts.rsyncVersion,
    today: new Date().toISOString().slice(0, 10),
    config,
    secrets,
  });
  return { config, facts };
}

function referencedSecrets(config: RsyncdConfig): string[] {
  const paths = config.modules.map((m) => m.params['secrets file']?.value).filter((v): v is string => typeof v === 'string' && v !== '');
  return [...new Set(paths)].sort();
}

function readSecrets(path: string, configPath: string, root: string | undefined): SecretsInput {
  // A config file read on its own says nothing about the daemon's /etc: an absolute path is only looked
  // up under --root (a checkout or an unpacked image); otherwise its state is unknown, not "missing".
  if (isAbsolute(path) && root === undefined) return { path };
  const local = isAbsolute(path) ? join(root ?? '/', path) : resolve(dirname(configPath), path);
  if (root !== undefined) {
    // Under --root (a checkout, an unpacked image) a link out of it is not the daemon's file: never read it.
    const opened = new ScanRoot(root).open(local);
    if (opened.kind === 'outside') return { path };
    if (opened.kind === 'missing') return { path, stat: null };
  }
  const stat = statLocal(local);
  if (!stat) return { path, stat: null };
  const read = readLocalFile(local);
  if (!read.ok) return { path, stat };
  const parsed = parseSecrets(read.value, local);
  return { path, file: local, stat, entries: parsed.entries, diagnostics: parsed.diagnostics };
}

/** `--rsync-version 3.4.1` → [3, 4, 1]. */
export function parseVersion(text: string | undefined): Version {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(text ?? DEFAULT_RSYNC_VERSION);
  if (!m) throw new UserError(`--rsync-version must look like 3.5.0, not "${text}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
