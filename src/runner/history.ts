/**
 * `sweep --history DIR`: one JSON Lines file per sweep, named by its UTC start time
 * (`2026-11-30T23-10-05Z.jsonl`), one line per host (src/report/trend-record.ts). A file appears whole or not
 * at all — written under a temporary name, then hard-linked to its final name, which fails rather than
 * replaces when a sweep started in the same second got there first (that one keeps it; this one takes
 * `…Z-2.jsonl`). Reading takes only regular files with such names directly in DIR, never a link, each under
 * a byte cap, file by file in time order, so a long history is folded without being held whole.
 */
import { closeSync, constants, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage, fail, MiB, ok, systemErrorCode, UserError, type InputSpec, type Result } from '../common/index.ts';
import { compareRunFiles, historyRecords, parseHistoryRecord, trendBuilder, type HistoryRecord, type HistoryRun, type Report, type SweptHost, type TrendReport } from '../report/index.ts';
import { readInputFile } from '../sources/index.ts';
import { VERSION } from './version.ts';

/** A run's file name: its start time without the characters file systems and shells mind. */
export const HISTORY_FILE = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(?:-\d+)?\.jsonl$/;

/** One run of 10,000 hosts is a few MiB; the cap only stops a runaway file. */
const RUN_INPUT: InputSpec = { what: 'the history file', maxBytes: 256 * MiB, hint: 'History files are written by rsyncguard sweep --history; remove or move files that are not.' };

/** More collisions than this in one second is something else going wrong. */
const MAX_COLLISIONS = 1000;

export function historyFileName(startedAt: Date, n = 1): string {
  const stamp = startedAt
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  return n === 1 ? `${stamp}.jsonl` : `${stamp}-${n}.jsonl`;
}

/**
 * DIR made ready before the first ssh session (a sweep whose history cannot be kept would be wasted):
 * created if missing (0700 — it lists every host and its findings), a directory, writable.
 */
export function prepareHistoryDir(dir: string): Result<void> {
  const hint = 'Give --history a directory you can write (it is created if missing).';
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    if (systemErrorCode(e) === 'EEXIST') return fail(new UserError('--history is not a directory', dir, hint));
    return fail(new UserError(`--history: cannot create the directory: ${errorMessage(e)}`, dir, hint));
  }
  try {
    if (!statSync(dir).isDirectory()) return fail(new UserError('--history is not a directory', dir, hint));
    // A probe file, not access(2): that one answers for the real uid and ignores read-only mounts.
    const probe = join(dir, `.probe-${process.pid}-${Date.now()}`);
    closeSync(openSync(probe, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600));
    unlinkSync(probe);
  } catch (e) {
    return fail(new UserError(`--history: the directory cannot be written: ${errorMessage(e)}`, dir, hint));
  }
  return ok(undefined);
}

/** Writes one run's file; its path, or why it could not be written (nothing is left behind then). */
export function writeHistory(dir: string, records: readonly HistoryRecord[], startedAt: Date): Result<string> {
  const tmp = join(dir, `.tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
  const hint = 'Free space or fix the directory; this sweep is not in the history.';
  try {
    // O_EXCL: a name planted in DIR (a link to elsewhere) is refused, never written through.
    const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    try {
      // One write per line: a single string of 10,000 hosts' lines could pass V8's string limit.
      for (const r of records) writeSync(fd, `${JSON.stringify(r)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    for (let n = 1; n <= MAX_COLLISIONS; n++) {
      const file = join(dir, historyFileName(startedAt, n));
      try {
        linkSync(tmp, file);
        return ok(file);
      } catch (e) {
        if (systemErrorCode(e) !== 'EEXIST') throw e;
      }
    }
    return fail(new UserError(`--history: ${MAX_COLLISIONS} runs already started in the same second`, dir, hint));
  } catch (e) {
    return fail(new UserError(`--history: this sweep's results could not be written: ${errorMessage(e)}`, dir, hint));
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created.
    }
  }
}

/**
 * One history file's lines. A line that is not a history line is named and skipped; a last line without its
 * newline that does not parse is a torn write (a copy cut short), said as such.
 */
export function parseHistoryFile(text: string, file: string, warn: (message: string) => void): HistoryRecord[] {
  const lines = text.split('\n');
  const out: HistoryRecord[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      const torn = i === lines.length - 1;
      warn(`${file}:${i + 1}: ${torn ? 'the last line was cut short (an interrupted write or copy)' : 'not JSON'}: ignored`);
      continue;
    }
    const r = parseHistoryRecord(v);
    const first = out[0];
    if (typeof r === 'string') warn(`${file}:${i + 1}: ${r}: ignored`);
    // One file is one sweep: a line dated otherwise (a hand-edited or concatenated file) belongs to no run here.
    else if (first !== undefined && r.at !== first.at) warn(`${file}:${i + 1}: "at" ${r.at} is not this sweep's (${first.at}, its first line's): ignored`);
    else out.push(r);
  }
  return out;
}

/** The `at` of a file's first history line (the run's time), without a word about the lines that are not. */
function firstAt(text: string): string | undefined {
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const r = parseHistoryRecord(JSON.parse(line));
      if (typeof r !== 'string') return r.at;
    } catch {
      // Said when the file is read in earnest.
    }
  }
  return undefined;
}

/** The start time a run file's name says, as `at` writes it to the second (`2026-11-30T23:10:05`). */
function nameTime(name: string): string {
  return `${name.slice(0, 13)}:${name.slice(14, 16)}:${name.slice(17, 19)}`;
}

/** The run files of DIR, in time order; entries that look like runs but are not regular files are named. */
export function historyFiles(dir: string, warn: (message: string) => void): Result<string[]> {
  const hint = 'Give the directory sweep --history wrote.';
  let st;
  try {
    st = statSync(dir);
  } catch (e) {
    return fail(new UserError(`cannot read the history directory: ${errorMessage(e)}`, dir, hint));
  }
  if (!st.isDirectory()) return fail(new UserError('the history directory is not a directory', dir, hint));
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => HISTORY_FILE.test(n));
  } catch (e) {
    return fail(new UserError(`cannot read the history directory: ${errorMessage(e)}`, dir, hint));
  }
  const files: string[] = [];
  for (const n of names.sort(compareRunFiles)) {
    try {
      // lstat: a link could make DIR's history any file on the machine.
      if (lstatSync(join(dir, n)).isFile()) files.push(n);
      else warn(`${join(dir, n)}: not a regular file: ignored`);
    } catch (e) {
      warn(`${join(dir, n)}: ${errorMessage(e)}: ignored`);
    }
  }
  return ok(files);
}

/**
 * DIR's run files in the order their sweeps started: by the time their lines say (what the trend dates them
 * by), the name breaking ties. A file whose lines' time is not the one its name says (renamed, copied, edited)
 * is named: it is placed by its lines, and the history is not taken as whole. Only each file's first history
 * line is parsed here.
 */
function runsInTimeOrder(dir: string, names: readonly string[], warn: (message: string) => void): string[] {
  const dated = names.map((name) => {
    const bytes = readInputFile(join(dir, name), RUN_INPUT);
    const at = bytes.ok ? firstAt(bytes.value.toString('utf8')) : undefined;
    if (at !== undefined && at.slice(0, 19) !== nameTime(name)) warn(`${join(dir, name)}: its lines say the sweep started ${at}, its name ${nameTime(name)}Z: ordered by its lines' time`);
    // A file without a history line is named when it is read; its name places it meanwhile.
    return { name, at: at ?? `${nameTime(name)}Z` };
  });
  return dated.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : compareRunFiles(a.name, b.name))).map((d) => d.name);
}

/**
 * Reads DIR's runs one by one into `each`, oldest first (runsInTimeOrder). A file that cannot be read or holds
 * no history line is named and skipped; the number of runs read comes back.
 */
export function readHistory(dir: string, each: (run: HistoryRun) => void, warn: (message: string) => void): Result<number> {
  const files = historyFiles(dir, warn);
  if (!files.ok) return files;
  let runs = 0;
  for (const name of runsInTimeOrder(dir, files.value, warn)) {
    const path = join(dir, name);
    const bytes = readInputFile(path, RUN_INPUT);
    if (!bytes.ok) {
      warn(`${path}: ${bytes.error.message}: ignored`);
      continue;
    }
    const records = parseHistoryFile(bytes.value.toString('utf8'), path, warn);
    const first = records[0];
    if (first === undefined) {
      warn(`${path}: no history line: ignored`);
      continue;
    }
    each({ file: name, at: first.at, records });
    runs++;
  }
  return ok(runs);
}

/**
 * A finished sweep into DIR, and the fleet's trend including it (for the HTML report's chart): the run's
 * lines written as one new file, then the whole history read back.
 */
export function recordSweep(dir: string, report: Report, hosts: readonly SweptHost[], hostOf: (target: string) => string, startedAt: Date, warn: (message: string) => void): Result<TrendReport> {
  const written = writeHistory(dir, historyRecords(report, hosts, hostOf, startedAt.toISOString()), startedAt);
  if (!written.ok) return written;
  const trend = trendBuilder(VERSION);
  const read = readHistory(dir, (run) => trend.add(run), warn);
  return read.ok ? ok(trend.finish()) : read;
}
