/** Facts documents enter the engine as `unknown` and leave this function typed, or with the reasons they are not. */
import { Ajv, type ValidateFunction } from 'ajv';
import schema from './schema/facts.schema.json' with { type: 'json' };
import type { FactsDocument } from './types.ts';

let compiled: ValidateFunction | undefined;

export function validateFacts(doc: unknown): { ok: true; value: FactsDocument } | { ok: false; errors: string[] } {
  compiled ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  if (compiled(doc)) return { ok: true, value: doc as FactsDocument };
  const errors = (compiled.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  return { ok: false, errors };
}
