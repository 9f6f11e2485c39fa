/** The facts document (`rsyncguard/facts@1`): the one contract between collection and policy. */
import type { InlineWaiver, Param, SecretsEntry } from '../parse/index.ts';
import type { HostToken } from './access/acl-tokens.ts';
import type { AuthRuleFacts } from './access/auth-users.ts';
import type { Outcome } from './access/simulate.ts';
import type { Derived, EffectiveDaemon, EffectiveModule } from './effective.ts';
import type { Reach } from './reach.ts';

export const FACTS_SCHEMA = 'rsyncguard/facts@1';

export type TargetKind = 'file' | 'host' | 'image';

export interface FactsDiagnostic {
  severity: 'fatal' | 'warning' | 'info';
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
  hint?: string;
}

/** What an arbitrary client on the internet (no reverse DNS name) gets from a module. */
export interface AccessSummary {
  listed: boolean;
  auth_required: boolean;
  /** Host rules admit an arbitrary outside client (IPv4 or IPv6). */
  open_to_any_host: boolean;
  host_allowed: { ipv4: boolean; ipv6: boolean };
  anonymous_read: boolean;
  anonymous_write: boolean;
  read: Outcome;
  write: Outcome;
  reasons: string[];
  assumptions: string[];
}

export interface ModuleFacts {
  name: string;
  header: { file: string; line: number; column: number };
  /** Later headers that re-open the module (same name, rsyncd.md §1.2); absent when none. Lines after them belong to it. */
  reopened?: { file: string; line: number; column: number }[];
  shadowed: boolean;
  params: Record<string, Param>;
  access: AccessSummary;
  /** The host lists as access.c will read them; null when the list is unset or empty. */
  acl: { allow: HostToken[] | null; deny: HostToken[] | null };
  /** `auth users` as auth_server will split and match it (empty: anonymous). */
  auth_rules: AuthRuleFacts[];
  /** What rsync does with `use chroot`, `max connections`, `uid` and `gid` here (src/facts/effective.ts); rules read these. */
  effective: EffectiveModule;
  /** `# rsyncguard: public <reason>` or a `public:` entry of .rsyncguard.yaml marks the module a deliberate public mirror. */
  declared_public: DeclaredPublic | null;
}

/** Where a module was declared public, and why (operator text: reports strip controls and cap its length). */
export interface DeclaredPublic {
  reason: string;
  source: 'comment' | 'config';
  /** The comment's file, or the .rsyncguard.yaml that holds the entry. */
  file: string;
  line: number;
}

/** Derived facts about one secrets-file entry; the parser never hands over a password. */
export type SecretsEntryFacts = SecretsEntry;

export interface SecretsFacts {
  /** As the configuration names it. */
  path: string;
  /** Where rsyncguard read it (a file in the repository, on the host), or null. */
  file: string | null;
  /** null when it could not be known (e.g. a repository that does not hold the file). */
  exists: boolean | null;
  mode: number | null;
  uid: number | null;
  gid: number | null;
  owner_is_root: boolean | null;
  /** `(mode & 006) != 0`: what strict modes rejects. */
  other_accessible: boolean | null;
  referenced_by: string[];
  entries: SecretsEntryFacts[];
  /**
   * Every config that names this file, when several of one scan do: its findings are reported once, on this
   * document, and a waiver must select each of them (or the file itself) to silence them (src/engine/waivers.ts).
   */
  named_by?: string[];
  /** false: a repository scan read it under --root, outside the repository or untracked by git, so its mode is its own (RSYNC-030). */
  in_repository?: boolean;
}

export interface FactsDocument {
  schema: typeof FACTS_SCHEMA;
  /** `file_kind`: what a repository file is when it is not an rsyncd config (src/sources/file-kinds.ts); absent for one. */
  target: { kind: TargetKind; id: string; display: string; file_kind?: string };
  context: { daemon_user: 'root' | 'nonroot'; rsync_version: string; today: string };
  rsync: RsyncFacts;
  config: {
    starts: boolean;
    serves: boolean;
    partial: boolean;
    files: { path: string; sha256: string; mode: number | null; uid: number | null }[];
    global: Record<string, Param>;
    listener: Record<string, Param>;
    modules: ModuleFacts[];
    diagnostics: FactsDiagnostic[];
    inline_waivers: InlineWaiver[];
    /** Daemon-wide facts derived from the context and the globals (src/facts/effective.ts); `reach`: who can connect (src/facts/reach.ts). */
    effective: EffectiveDaemon & { reach: Reach };
  };
  secrets: SecretsFacts[];
  daemon: DaemonFacts;
  image: ImageFacts | null;
}

/**
 * Which rsync the target runs, and where that came from. `version` is the upstream X.Y.Z (a distro package's
 * upstream part), so version rules compare like with like; `package` keeps the distro's own string, which is
 * what a backported fix changes. Nothing is guessed: when no version is known, `unknown` says why.
 */
export interface RsyncFacts {
  /** Upstream X.Y.Z the target runs. */
  version: string | null;
  /** 'rsync --version' | 'dpkg status' | 'apk database' | 'rpm database' | '--rsync-version' | 'probe greeting' … */
  source: string | null;
  /** The distro version string as the package database has it ("3.2.7-1+deb12u1", "3.4.1-2.el9_5.1" with an "E:" prefix only when an epoch is set, "3.4.1-r0"). */
  package: { manager: 'dpkg' | 'rpm' | 'apk'; name: string; version: string; source: string } | null;
  /** From os-release. */
  distro: { id: string; version_id: string; id_like: string[]; source: string } | null;
  /** Only a protocol greeting known (version null): the releases that speak it. */
  range: { min: string; max: string | null; source: string } | null;
  /** Why the version is unknown; null when it is known. */
  unknown: string | null;
  /** The compressors the binary lists (`rsync --version`, "Compress list"); null when no binary was run. */
  compress?: string[] | null;
  /** Every CVE of the data file, judged by version alone; [] when nothing is known. */
  cves: CveJudgement[];
}

export interface CveJudgement {
  id: string;
  state: 'affected' | 'fixed' | 'unknown';
  /** A short sentence: why this state (which version, which distro fix). */
  basis: string;
}

/** What a live host shows (collected by later stages; empty for a file). */
export interface DaemonFacts {
  /** `root`: where /proc/PID/root points; `chrooted`: it is not "/" (null when it could not be read). */
  processes: { pid: number; uid: number; cmdline: string[]; config_path: string | null; root: string | null; chrooted: boolean | null }[];
  listeners: { address: string; port: number; family: 'ipv4' | 'ipv6'; pid: number | null }[];
  /** `hardening`: the sandboxing directives a systemd unit sets (NoNewPrivileges, ProtectSystem, …). */
  units: { kind: 'systemd' | 'xinetd' | 'inetd'; path: string; enabled: boolean; user: string | null; hardening: string[] }[];
  /** What a network client saw: greeting, digests offered, MOTD, the anonymous module listing. */
  probes: { address: string; port: number; protocol: string | null; digests: string[]; motd: string[]; modules: { name: string; comment: string }[]; error: string | null }[];
}

export interface ImageFacts {
  ref: string;
  digest: string | null;
  exposed_ports: string[];
  user: string | null;
  /** The container runs as root, as the runtime reads `user` (src/facts/image.ts imageRunsAsRoot); rules read this. */
  runs_as_root: Derived;
  entrypoint: string[];
  cmd: string[];
  /** The image config's Env; values of names that look like credentials are withheld (null), never copied. */
  env: { name: string; value: string | null }[];
  /** Provenance of every config and secrets file the facts rest on: the layer that last wrote it. */
  files: { path: string; layer: string }[];
  /** Secrets files found in any layer, even when a later layer deletes them. */
  layer_secrets: { path: string; layer: string; deleted_later: boolean }[];
  /** The entrypoint/cmd starts rsync --daemon, directly or through a script in the image. */
  starts_daemon: boolean;
  /** A Dockerfile's lines (of `config.files[0]`) that set these, so findings point there; absent for a built image. */
  lines?: { expose: number | null; user: number | null; command: number | null; env: number[] };
}
