/**
 * The orchestrator for `scan`: targets → facts, one document per config that is not itself included by
 * another. The paths given become repository roots and candidate files (src/sources), the configs among
 * them are parsed with their includes and secrets files (src/parse), and each becomes a facts document
 * (src/facts); a file the file-kind registry says is not an rsyncd config (a secrets file, a unit, a
 * Dockerfile, …) becomes a document of its kind's analysis, or a note that it was skipped. Paths in the facts are relative to the working directory (the repository root in CI), which
 * is what SARIF and people need. A path or file that cannot be read is an error for it only.
 */
import { realpathSync, statSync } from 'node:fs';
import { ok, type Result } from '../common/index.ts';
import { buildFacts, otherFileDocument, relabelFiles, type FactsDocument, type Version } from '../facts/index.ts';
import { parseRepoConfigs, type RepoConfig } from '../parse/index.ts';
import { regionTextKey, type ReportHead, type ReportTail, type TargetError } from '../report/index.ts';
import { evaluateInto, openEvaluation, type EvaluateOptions, type EvaluationSink } from './evaluate-targets.ts';
import { VERSION } from './version.ts';
import { displayPath, leftOutConfigs, repoTargets, unmatchedExcludes, type DaemonRoot, type LeftOut } from '../sources/index.ts';

export interface ScanOptions {
  exclude: string[];
  daemonUser: 'root' | 'nonroot';
  rsyncVersion: Version;
  /** `rsyncVersion` was given explicitly (not the default): the version rules judge it. */
  rsyncVersionGiven?: boolean;
  /** The run's date (YYYY-MM-DD), from the front end's clock. */
  today: string;
  /** Told as scanning goes (the CLI's progress line): the path given being read, and targets found so far in all. */
  onFound?: (progress: { path: string; found: number }) => void;
  /**
   * Told of each directory given in which discovery found no rsyncd config (the CLI warns), with the configs
   * --exclude or git's ignore rules left out of it (relative to it), so the warning can name the cause.
   */
  onEmptyPath?: (path: string, leftOut: LeftOut) => void;
  /**
   * Told once, at the end, of the exclude patterns that matched nothing under any directory scanned (a typo,
   * or a path outside them), so a mistyped --exclude is not a silent no-op.
   */
  onUnmatchedExclude?: (patterns: string[]) => void;
  /** `scan --root DIR`: the daemon's `/` for absolute include and secrets paths (default: each scan root). */
  daemonRoot?: DaemonRoot | undefined;
}

export interface ScanResult {
  targets: (FactsDocument | TargetError)[];
  /** Every file the facts point into, by its display path, for fingerprints and regions. */
  texts: Map<string, string>;
}

/** One target of a scan: its facts (or why it has none), and the texts a report may quote. */
export interface ScanTarget {
  target: FactsDocument | TargetError;
  texts: [string, string][];
  /** For an rsyncd config: the scan root, its file and the files found with it, so `fix` can parse it again. */
  origin?: ConfigOrigin;
  /** The real path of the file this target is (a config or another repository file), when it is one. */
  real?: string;
}

export interface ConfigOrigin {
  root: string;
  file: string;
  files: string[];
  /** `scan --root DIR`, which a re-parse must look absolute paths up under again. */
  daemonRoot?: DaemonRoot | undefined;
}

/** A parsed config's facts document, with display paths (`fix` builds its edited configs' facts the same way). */
export function factsFor(parsed: Extract<RepoConfig, { kind: 'config' }>, opts: ScanOptions): FactsDocument {
  const id = displayPath(parsed.root, parsed.file, parsed.daemon);
  const doc = buildFacts({
    target: { kind: 'file', id, display: id },
    daemonUser: opts.daemonUser,
    rsyncVersion: opts.rsyncVersion,
    rsyncVersionGiven: opts.rsyncVersionGiven === true,
    today: opts.today,
    config: parsed.config,
    secrets: parsed.secrets,
    frontEnds: parsed.frontEnds,
  });
  return relabelFiles(doc, (f) => displayPath(parsed.root, f, parsed.daemon));
}

/**
 * Every target of the paths given, as each is found and parsed; `onFound` is told of each path as it is begun
 * and of each target as it comes, and `onEmptyPath` of a directory given that held no rsyncd config (issue 18:
 * an empty result is said, not a silent pass). A directory whose files could not all be read is not "empty":
 * its errors say why.
 */
export function* repositoryTargets(paths: string[], opts: ScanOptions): Generator<ScanTarget> {
  let found = 0;
  // Overlapping PATHs (`scan b .`) find some files twice: each is a target once, the first time it is found,
  // so its findings (and a secrets file reported once per run) are not counted twice.
  const seen = new Set<string>();
  // The directories discovery ran in, where --exclude applied.
  const roots: string[] = [];
  for (const path of paths) {
    opts.onFound?.({ path, found });
    let configs = 0;
    let errors = 0;
    for (const t of pathTargets(path, opts, roots)) {
      if (t.real !== undefined && seen.has(t.real)) {
        if (t.origin !== undefined) configs++;
        continue;
      }
      if (t.real !== undefined) seen.add(t.real);
      if (t.origin !== undefined) configs++;
      else if (!('schema' in t.target)) errors++;
      yield t;
      opts.onFound?.({ path, found: ++found });
    }
    if (configs === 0 && errors === 0 && isDirectory(path) && opts.onEmptyPath !== undefined) opts.onEmptyPath(path, leftOutConfigs(realpathSync(path), opts.exclude));
  }
  if (opts.onUnmatchedExclude !== undefined && opts.exclude.length > 0) {
    const unmatched = unmatchedExcludes(roots, opts.exclude);
    if (unmatched.length > 0) opts.onUnmatchedExclude(unmatched);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The targets of one path given to scan. */
function* pathTargets(path: string, opts: ScanOptions, roots: string[]): Generator<ScanTarget> {
  for (const found of repoTargets([path], opts.exclude)) {
    if (found.kind === 'error') {
      yield { target: { target: found.target, message: found.message, hint: found.hint }, texts: [] };
      continue;
    }
    if (isDirectory(path)) roots.push(found.root);
    for (const parsed of parseRepoConfigs(found.root, found.files, { daemonRoot: opts.daemonRoot })) {
      if (parsed.kind === 'config') yield { target: factsFor(parsed, opts), texts: parsed.texts, origin: { root: parsed.root, file: parsed.file, files: found.files, daemonRoot: opts.daemonRoot }, real: parsed.file };
      else if (parsed.kind === 'other') {
        // Its own text, for the regions of the findings that point into it, whichever writer (issue 20): a
        // whole report had it only when a config happened to include the file. For regions only: no format
        // quotes a Dockerfile's ENV lines. Never a secrets file's (other-files.ts).
        const display = displayPath(parsed.root, parsed.file);
        const rename = (f: string) => displayPath(parsed.root, f);
        const texts: [string, string][] = parsed.text === undefined ? [] : [[regionTextKey(display), parsed.text]];
        yield { target: otherFileDocument(parsed, { display, rename, daemonUser: opts.daemonUser, rsyncVersion: opts.rsyncVersion, today: opts.today }), texts, real: parsed.file };
      } else yield { target: { target: parsed.target, message: parsed.message, hint: parsed.hint }, texts: [] };
    }
  }
}

export function scanRepository(paths: string[], opts: ScanOptions): ScanResult {
  const result: ScanResult = { targets: [], texts: new Map() };
  for (const { target, texts } of repositoryTargets(paths, opts)) {
    result.targets.push(target);
    for (const [path, text] of texts) result.texts.set(path, text);
  }
  return result;
}

/**
 * scan as a stream (issue 20): each target found is evaluated at once and handed, with its texts, to the sink
 * made for the run's rules (a streamed report), then dropped; nothing is held per target. What is known only
 * at the end (the waivers and entries not used) is returned.
 */
export async function streamRepository(paths: string[], opts: ScanOptions & EvaluateOptions, sinkFor: (head: ReportHead) => EvaluationSink): Promise<Result<ReportTail>> {
  const ev = await openEvaluation(opts);
  if (!ev.ok) return ev;
  try {
    const sink = sinkFor({ tool: { name: 'rsyncguard', version: VERSION }, rules: ev.value.rules });
    const started = performance.now();
    const tail = await evaluateInto(ev.value, repositoryTargets(paths, opts), sink, opts.onEvaluated);
    // Discovery, parsing and evaluation are interleaved: one figure for them.
    opts.onTiming?.('evaluate', performance.now() - started);
    return ok(tail);
  } finally {
    ev.value.close();
  }
}
