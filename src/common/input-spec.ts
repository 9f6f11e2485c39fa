/** A file the user names for the tool itself is read whole, but only as a regular file and up to a cap. */
import type { Result } from './result.ts';
import type { UserError } from './result.ts';

export const MiB = 1024 * 1024;

export interface InputSpec {
  /** What the file is, for messages: "the waiver file", "the facts file". */
  what: string;
  maxBytes: number;
  /** What to do about it. */
  hint: string;
}

/**
 * Reads one such file (src/sources provides it): a stage that must read the user's files without reaching
 * into src/sources (the engine, for --policy) is handed this.
 */
export type ReadInput = (path: string, spec: InputSpec) => Result<Buffer, UserError>;
