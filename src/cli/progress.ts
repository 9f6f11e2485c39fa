/**
 * Progress on standard error while a long run works (issue 18): scanning 5,000 configs was silent for up to a
 * minute. One line, redrawn in place (`\r` and erase-line), at most ten times a second, and erased before the
 * report is written, so a report on the same terminal starts on a clean line. Only to a terminal: a pipe, a
 * file or a CI log never gets a byte of it (they would keep every redraw), nor does TERM=dumb (no erase-line).
 * `--quiet` silences it and the command's warnings; errors still come.
 */
import { posix } from 'node:path';
import { escapeControls, type EmptyPath } from '../report/index.ts';
import { rsyncdDiscoveryNames, type LayerProgress, type LeftOut } from '../sources/index.ts';
import type { ParsedArgs } from './command.ts';

/** What the line is written to: process.stderr, or a test's stand-in. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

/** ≤ 10 redraws a second: enough to look alive, too few to cost anything next to the work. */
export const MIN_REDRAW_MS = 100;

/** Return to the line's start and erase it (CSI K): the next text replaces it whole. */
const ERASE = '\r\x1b[K';

export interface ProgressOptions {
  /** Silence the line and warnings (--quiet). */
  quiet: boolean;
  stream?: ProgressStream;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds, monotonic (tests pass their own clock). */
  now?: () => number;
}

export class Progress {
  /** Whether the line is drawn at all: a terminal that can erase a line, and not --quiet. */
  readonly active: boolean;
  private readonly stream: ProgressStream;
  private readonly quiet: boolean;
  private readonly now: () => number;
  private drawn = false;
  private lastDraw = Number.NEGATIVE_INFINITY;

  constructor(opts: ProgressOptions) {
    this.stream = opts.stream ?? process.stderr;
    this.quiet = opts.quiet;
    this.now = opts.now ?? (() => performance.now());
    const term = (opts.env ?? process.env)['TERM'];
    this.active = !opts.quiet && this.stream.isTTY === true && term !== 'dumb';
  }

  /** Milliseconds on this progress's clock (for rates). */
  clock(): number {
    return this.now();
  }

  /**
   * Show `text` in place of the line, unless the last redraw was under MIN_REDRAW_MS ago (the text is then
   * dropped, not queued: the next update is newer). `text` is a function so a dropped one costs nothing.
   */
  update(text: () => string): void {
    if (!this.active) return;
    const t = this.now();
    if (t - this.lastDraw < MIN_REDRAW_MS) return;
    this.lastDraw = t;
    // Paths come from the repository or the image: escaped. Cut to the terminal's width, since a line that
    // wraps cannot be taken back with `\r`.
    // A pseudo-terminal whose size nobody set says 0 columns: taken as 80.
    const columns = this.stream.columns !== undefined && this.stream.columns > 0 ? this.stream.columns : 80;
    const width = Math.max(20, columns - 1);
    const line = escapeControls(text());
    this.stream.write(`${ERASE}${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    this.drawn = true;
  }

  /** Erase the line (before the report, a warning, an error); the next update draws it again. */
  clear(): void {
    if (!this.drawn) return;
    this.stream.write(ERASE);
    this.drawn = false;
    // The next update after a warning may draw at once.
    this.lastDraw = Number.NEGATIVE_INFINITY;
  }

  /** Erase the line and hand `value` back: `return progress.end(error)` leaves a clean line for the error. */
  end<T>(value: T): T {
    this.clear();
    return value;
  }

  /** A warning of the command's own, on its own line (the progress line erased first); nothing under --quiet. */
  warn(line: string): void {
    if (this.quiet) return;
    this.clear();
    this.stream.write(`${escapeControls(line)}\n`);
  }
}

/** The progress line of a command, from its --quiet (commands without the option always have it off). */
export function progressFor(args: ParsedArgs, opts: Omit<ProgressOptions, 'quiet'> = {}): Progress {
  return new Progress({ ...opts, quiet: args.values['quiet'] === true });
}

/** 1234 → "1,234": counts of thousands of configs read at a glance. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** "1 config", "2,000 configs". */
export function counted(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** 12_345_678 → "12.3 MB" (decimal units, as registries and `du --si` show sizes). */
export function bytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(1)} ${units[u]}`;
}

/** Seconds → "3 s", "2 min 05 s", "1 h 03 min". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** How fast a count grows since `start` (ms), and when it will reach `total`; neither before a quarter of a second has passed (a wild guess helps nobody). */
export function pace(done: number, total: number | undefined, start: number, now: number): { rate: string | null; left: string | null } {
  const elapsed = (now - start) / 1000;
  if (elapsed < 0.25) return { rate: null, left: null };
  const perSecond = done / elapsed;
  const rate = `${count(Math.round(perSecond))}/s`;
  if (total === undefined || perSecond === 0) return { rate, left: null };
  const seconds = (total - done) / perSecond;
  return { rate, left: seconds < 1 ? 'under a second left' : `about ${duration(seconds)} left` };
}

/** "scan: 800/2,000 evaluated, 650/s, about 2 s left" (the total when known; the pace from pace()). */
export function countLine(label: string, done: number, total: number | undefined, paced: { rate: string | null; left: string | null }): string {
  const of = total === undefined ? count(done) : `${count(done)}/${count(total)}`;
  return [`${label}: ${of} evaluated`, paced.rate, paced.left].filter((part) => part !== null).join(', ');
}

/**
 * Told after each target evaluated: "`label`: 800/2,000 evaluated, 650/s, about 2 s left". `total` is asked
 * each time (scan learns it as discovery ends); `done` maps the runner's count to the one the total counts
 * (eval counts input documents, some of which hold several hosts). The rate runs from the first target.
 */
export function evaluationProgress(progress: Progress, label: string, total: () => number | undefined, done: (evaluated: number) => number = (n) => n): (evaluated: number) => void {
  let start: number | undefined;
  let first = 0;
  return (evaluated) => {
    const now = progress.clock();
    if (start === undefined) {
      start = now;
      first = done(evaluated);
    }
    const from = start;
    const base = first;
    progress.update(() => {
      const all = total();
      const n = done(evaluated);
      // The count is of all targets; the rate and the time left of those since the first (policy loading excluded).
      return countLine(label, n, all, pace(n - base, all === undefined ? undefined : all - base, from, now));
    });
  };
}

/**
 * scan's callbacks (ScanOptions, EvaluateOptions): files found per path, then the evaluation; and the warning
 * for a directory with no config, kept in `emptyPaths` for the report too.
 */
export function scanProgress(progress: Progress): { onFound: (p: { path: string; found: number }) => void; onEmptyPath: (path: string, leftOut?: LeftOut) => void; onEvaluated: (n: number) => void; emptyPaths: EmptyPath[] } {
  let found: number | undefined;
  const emptyPaths: EmptyPath[] = [];
  return {
    emptyPaths,
    onFound: (p) => {
      found = p.found;
      progress.update(() => `scan: looking in ${p.path}… ${counted(p.found, 'file')} found`);
    },
    // An empty result is not a silent pass (issue 18): the report is still written, and the exit code is its own.
    onEmptyPath: (path, leftOut) => {
      const message = emptyPathWarning(path, leftOut);
      emptyPaths.push({ path, message });
      progress.warn(`rsyncguard scan: warning: ${message}`);
    },
    onEvaluated: evaluationProgress(progress, 'scan', () => found),
  };
}

/**
 * Why PATH gave no config. "looked for rsyncd.conf" next to an rsyncd.conf that --exclude or .gitignore left
 * out reads as broken discovery (adv1 #14): when that is the cause, it is named, with the first few files.
 */
export function emptyPathWarning(path: string, leftOut: LeftOut = { excluded: [], ignored: [] }): string {
  const { excluded, ignored } = leftOut;
  if (excluded.length === 0 && ignored.length === 0) return `no rsyncd configs found under ${path}; looked for ${rsyncdDiscoveryNames()}`;
  const some = (files: string[]) => `(${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`;
  const causes: string[] = [];
  if (excluded.length > 0) causes.push(`${counted(excluded.length, 'config')} ${excluded.length === 1 ? 'was' : 'were'} left out by --exclude ${some(excluded)}`);
  if (ignored.length > 0) causes.push(`${counted(ignored.length, 'config')} ${ignored.length === 1 ? 'is' : 'are'} ignored by .gitignore ${some(ignored)}`);
  // A file given by its own path is read whatever git ignores: the way to scan one anyway.
  const anyway = ignored[0] === undefined ? '' : `; a file given by its own path is scanned (rsyncguard scan ${posix.join(path, ignored[0])})`;
  return `no rsyncd config scanned under ${path}: ${causes.join(', and ')}${anyway}`;
}

/** image's indexing: "image: layer 3/7, 120.5 MB read, 40.1 MB/s" (bytes inflated over every layer so far). */
export function layerProgress(progress: Progress): (p: LayerProgress) => void {
  let start: number | undefined;
  return (p) => {
    const now = progress.clock();
    start ??= now;
    const from = start;
    progress.update(() => {
      const seconds = (now - from) / 1000;
      const rate = seconds >= 0.25 ? `, ${bytes(p.bytes / seconds)}/s` : '';
      return `image: layer ${p.layer}/${p.layers}, ${bytes(p.bytes)} read${rate}`;
    });
  };
}
