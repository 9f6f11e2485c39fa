/**
 * The host collector's document (collectors/rsync-facts.sh, schema collectors/rsync-facts.schema.json), as
 * src/sources validates it. Shared vocabulary, not a source's internals: src/parse reads its files and
 * src/facts its processes, listeners and units, and neither may import src/sources to name it.
 */
import type { SecretsEntry } from './secrets-entry.ts';

export interface RawFile {
  path: string;
  exists: boolean;
  dir?: boolean;
  mode?: string | null;
  uid?: number | null;
  gid?: number | null;
  size?: number | null;
  text?: string | null;
  entries?: string[];
  unreadable?: string;
}

/** The collector computes the same derived facts as the parser (src/parse/secrets.ts). */
export type RawSecretsEntry = SecretsEntry;

export interface HostRaw {
  schema: 'rsyncguard/host-raw@1';
  collector_uid: number;
  /** `os_release`: os-release's ID, VERSION_ID and ID_LIKE lines only (absent from older collectors). */
  /** `group`: the inventory group, when whoever ran the collector says (eval lays out SARIF runs by it, as sweep does). */
  host: { name: string; os: string; kernel: string; group?: string; os_release?: { path: string; text: string } | null };
  /**
   * `version_line` is the first line of `--version` of `binary`: the binary the daemon `pid` runs, else rsync on
   * PATH (pid null). `package` is the package's version as before; `package_db` says which database and keeps
   * the full distro version. The optional fields are absent from documents of older collectors.
   */
  rsync: {
    version_line: string;
    package: string;
    binary?: string;
    pid?: number | null;
    compress_line?: string;
    package_db?: { manager: 'dpkg' | 'rpm' | 'apk'; name: string; version: string; source: string } | null;
  };
  /**
   * `trust`: `rsync` when /proc/PID/exe is a root-controlled rsync binary (its config was followed with the
   * daemon's own ids), `not-rsync` or `unverified` otherwise (never followed; `trust_reason` says why).
   */
  processes: { pid: number; uid: number | null; gid: number | null; cmdline: string[]; config: string | null; root: string; cwd: string; exe: string; socket_inodes: number[]; trust?: 'rsync' | 'not-rsync' | 'unverified'; trust_reason?: string }[];
  listeners: { family: 'ipv4' | 'ipv6'; address: string; port: number; inode: number; pid: number | null }[];
  units: { kind: 'systemd' | 'xinetd' | 'inetd'; enabled: boolean; file: RawFile }[];
  defaults: RawFile[];
  files: RawFile[];
  secrets: { path: string; exists: boolean; mode?: string | null; uid?: number | null; gid?: number | null; entries?: RawSecretsEntry[] | null; lines_without_colon?: number[]; unreadable?: string }[];
  errors: { path: string; reason: string }[];
}
