/**
 * How the loader reaches the files a config names with `&include`/`&merge`. The parse stage never touches
 * the filesystem itself: the caller decides what "the daemon's filesystem" is (this machine, a repository
 * checked out under a root, an image's merged layers).
 */
export type IncludeTarget =
  /** `note`: something the reader should know about how the path was resolved. */
  | { kind: 'file'; path: string; bytes: Uint8Array; note?: string }
  | { kind: 'dir'; path: string; entries: string[]; note?: string }
  /** rsync's stat() fails: the parse fails. */
  | { kind: 'missing'; path: string; reason: string }
  /** Exists but is neither a regular file nor a directory: the parse fails. */
  | { kind: 'other'; path: string }
  /**
   * Outside what we may read (e.g. beyond a scan root): reported, treated as empty, marks the result partial.
   * `level: 'warning'` when it deserves attention (a link out of the root), not just "not in the repository".
   */
  | { kind: 'not-followed'; path: string; reason: string; level?: 'info' | 'warning' }
  /** Exists, but rsyncguard could not read it in full (a cap, permissions): the target cannot be evaluated. */
  | { kind: 'unreadable'; path: string; reason: string };

export interface ConfigSource {
  /**
   * Resolve an include target as the daemon would see it. `from` is the path of the including file as
   * this source named it; a source may resolve relative targets against it (rsync uses its own cwd).
   */
  resolve(target: string, from: string): IncludeTarget;
}

/** A source that knows no other files: every include is reported as not followed. */
export const NO_INCLUDES: ConfigSource = {
  resolve: (target) => ({ kind: 'not-followed', path: target, reason: 'no include source was given' }),
};
