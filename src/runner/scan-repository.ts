/**
 * The orchestrator for `scan`: repository files → parse → facts, one document per config that is not
 * itself included by another. Paths in the facts are relative to the working directory (the repository
 * root in CI), which is what SARIF and people need. A file that cannot be read is an error for that file
 * only; the scan goes on.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { buildFacts, relabelFiles, type FactsDocument, type SecretsInput, type Version } from '../facts/index.ts';
import { parseRsyncdConf, parseSecrets, type RsyncdConfig } from '../parse/index.ts';
import { discoverConfigs, gitModes, readLocalFile, repoConfigSource } from '../sources/index.ts';
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
  const rel = cwdRel.startsWith('..') || isAbsolute(cwdRel) ? relative(root, file) : cwdRel;
  return rel.split(sep).join('/');
}

function undecodable(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return 'it holds NUL bytes (a binary file?)';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'it is not valid UTF-8';
  }
  return undefined;
}

export function scanRepository(paths: string[], opts: ScanOptions): ScanResult {
  const targets: (FactsDocument | TargetError)[] = [];
  const texts = new Map<string, string>();
  let discovered = 0;
  for (const given of paths) {
    const abs = resolve(given);
    if (!existsSync(abs)) {
      targets.push({ target: given, message: 'no such file or directory', hint: 'Check the path given to scan.' });
      continue;
    }
    const isFile = statSync(abs).isFile();
    const root = isFile ? dirname(abs) : abs;
    const files = isFile ? [abs] : discoverConfigs(root, { exclude: opts.exclude }).map((d) => join(root, d.path));
    discovered += files.length;
    const parsed: { file: string; config: RsyncdConfig }[] = [];
    for (const file of files) {
      const read = readLocalFile(file);
      const why = read.ok ? undecodable(read.value) : read.error.message;
      if (!read.ok || why !== undefined) {
        targets.push({ target: displayPath(root, file), message: `cannot scan this file: ${why ?? ''}`, hint: 'Exclude it with --exclude if it is not an rsyncd config.' });
        continue;
      }
      parsed.push({ file, config: parseRsyncdConf(file, read.value, repoConfigSource(root)) });
    }
    // A file another config includes is scanned as part of that config, not on its own.
    const included = new Set(parsed.flatMap((p) => p.config.files.slice(1).map((f) => f.path)));
    const modes = gitModes(root);
    for (const { file, config } of parsed) {
      if (included.has(file)) continue;
      const id = displayPath(root, file);
      const doc = buildFacts({
        target: { kind: 'file', id, display: id },
        daemonUser: opts.daemonUser,
        rsyncVersion: opts.rsyncVersion,
        today: opts.today,
        config,
        secrets: referencedSecrets(config, file, root, modes),
      });
      targets.push(relabelFiles(doc, (f) => displayPath(root, f)));
      for (const f of config.files) {
        const read = readLocalFile(f.path);
        if (read.ok) texts.set(displayPath(root, f.path), Buffer.from(read.value).toString('utf8'));
      }
    }
  }
  return { targets, texts, discovered };
}

/**
 * Secrets files the config names that the repository holds: their content, and the mode git records.
 * Whoever can read the repository can read such a file, so git's mode (0644) is the honest one.
 */
function referencedSecrets(config: RsyncdConfig, configFile: string, root: string, modes: Map<string, number>): SecretsInput[] {
  const paths = [...new Set(config.modules.map((m) => m.params['secrets file']?.value).filter((v): v is string => typeof v === 'string' && v !== ''))].sort();
  return paths.map((p) => {
    const local = isAbsolute(p) ? join(root, p) : resolve(dirname(configFile), p);
    const rel = relative(root, local);
    if (rel.startsWith('..') || !existsSync(local) || !statSync(local).isFile()) return { path: p };
    const read = readLocalFile(local);
    if (!read.ok) return { path: p };
    const parsed = parseSecrets(read.value, local);
    const mode = modes.get(rel.split(sep).join('/'));
    return { path: p, file: local, ...(mode !== undefined ? { stat: { mode, uid: null, gid: null } } : {}), entries: parsed.entries, diagnostics: parsed.diagnostics };
  });
}
