/**
 * The host collector's document (collectors/rsync-facts.sh, schema collectors/rsync-facts.schema.json)
 * enters as unknown and leaves validated and typed, or as an error that names the host.
 */
import { Ajv } from 'ajv';
import schema from '../../collectors/rsync-facts.schema.json' with { type: 'json' };
import { fail, ok, UserError, type HostRaw, type Result } from '../common/index.ts';

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
