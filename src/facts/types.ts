/** The facts document (`rsyncguard/facts@1`): the one contract between collection and policy. */
import type { Param } from '../parse/index.ts';
import type { Outcome } from './access/simulate.ts';

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
  shadowed: boolean;
  params: Record<string, Param>;
  access: AccessSummary;
}

export interface SecretsEntryFacts {
  kind: 'user' | 'group';
  name: string;
  line: number;
  length: number;
  equals_name: boolean;
  weak: boolean;
  common: boolean;
  reused: boolean;
  dead: boolean;
  unmatchable: boolean;
  trailing_whitespace: boolean;
}

export interface SecretsFacts {
  path: string;
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
}

export interface FactsDocument {
  schema: typeof FACTS_SCHEMA;
  target: { kind: TargetKind; id: string; display: string };
  context: { daemon_user: 'root' | 'nonroot'; rsync_version: string; today: string };
  rsync: { version: string | null; source: string | null };
  config: {
    starts: boolean;
    serves: boolean;
    partial: boolean;
    files: { path: string; sha256: string }[];
    global: Record<string, Param>;
    listener: Record<string, Param>;
    modules: ModuleFacts[];
    diagnostics: FactsDiagnostic[];
  };
  secrets: SecretsFacts[];
  daemon: { processes: unknown[]; listeners: unknown[]; units: unknown[] };
  image: null | Record<string, unknown>;
}
