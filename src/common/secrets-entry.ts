/**
 * What rsyncguard knows about one secrets-file entry: derived facts only, never the password. The parser
 * computes them from a file it reads; the host collector computes the same on the host.
 */
export interface SecretsEntry {
  kind: 'user' | 'group';
  /** The name before the first ':' (without '@' for a group). Names are not secret. */
  name: string;
  /**
   * Only where `name` is withheld (it equals the password, or may be a secret): 4 hex digits of the name's
   * SHA-256, so a report tells the file's entries apart by who they are, not by their order (fingerprints,
   * baselines). 16 bits are enough for that and say next to nothing of the name.
   */
  name_tag?: string;
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
