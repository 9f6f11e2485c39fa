/**
 * What rsyncguard knows about one secrets-file entry: derived facts only, never the password. The parser
 * computes them from a file it reads; the host collector computes the same on the host.
 */
export interface SecretsEntry {
  kind: 'user' | 'group';
  /**
   * The name before the first ':' (without '@' for a group), or `********` where it is withheld (it equals
   * the password, or may be a secret): then nothing derived from it (no hash, no tag) is kept anywhere.
   */
  name: string;
  line: number;
  /** Bytes in the password, trailing whitespace included (rsync keeps it). */
  length: number;
  equals_name: boolean;
  /** Shorter than 12 bytes, equal to the name, or a common password. */
  weak: boolean;
  common: boolean;
  /** Another entry has the same password. */
  reused: boolean;
  /** An earlier line has the same name: rsync never reads this one (the first line for a name decides). */
  dead: boolean;
  /** Starts with whitespace: rsync compares from the first byte, so no user name ever matches it. */
  unmatchable: boolean;
  trailing_whitespace: boolean;
}
