import type { Location } from './location.ts';

/**
 * How rsync itself reacts:
 * - `fatal`: the parse fails (the daemon refuses to start, or fails every connection);
 * - `warning`: rsync logs a line and carries on;
 * - `info`: rsync says nothing, but the reader should know (templates, %VAR%, inline comments).
 */
export type Severity = 'fatal' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable kebab-case code, e.g. `bad-boolean`. */
  code: string;
  message: string;
  at: Location;
  /** What to do next. */
  hint?: string;
}

export function diagnostic(severity: Severity, code: string, message: string, at: Location, hint?: string): Diagnostic {
  return hint === undefined ? { severity, code, message, at } : { severity, code, message, at, hint };
}
