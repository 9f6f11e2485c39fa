/**
 * The host collector's document (collectors/rsync-facts.sh, schema collectors/rsync-facts.schema.json)
 * enters as unknown and leaves validated and typed, or as an error that names the host.
 */
import { Ajv } from 'ajv';
import schema from '../../collectors/rsync-facts.schema.json' with { type: 'json' };
import { fail, ok, UserError, type Result, type SecretsEntry } from '../common/index.ts';

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
  host: { name: string; os: string; kernel: string };
  rsync: { version_line: string; package: string };
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

let validate: ReturnType<Ajv['compile']> | undefined;

export function parseHostRaw(json: unknown, host: string): Result<HostRaw> {
  validate ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  if (validate(json)) return ok(json as HostRaw);
  const why = (validate.errors ?? [])
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
    .join('; ');
  return fail(new UserError(`the collector's output is not a valid host document: ${why}`, host, 'Run collectors/rsync-facts.sh by hand to see what it prints.'));
}

/**
 * What the collector printed over ssh, read as a host document. The message quotes only the first bytes,
 * made printable: the output of a host that runs something else may be anything.
 */
export function readCollectorOutput(stdout: string, host: string): Result<HostRaw> {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    return fail(new UserError(`the collector's output is not JSON (${stdout.length} bytes, starts "${stdout.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}")`, host, 'Run collectors/rsync-facts.sh by hand to see what it prints.'));
  }
  return parseHostRaw(json, host);
}

/** "644" → 0o644. */
export function octalMode(mode: string | null | undefined): number | null {
  return typeof mode === 'string' && /^[0-7]+$/.test(mode) ? parseInt(mode, 8) : null;
}
