/**
 * The facts document as the built-in policy needs it: only the parameters it reads, a parameter no file sets
 * as its value and origin alone, and no prose (`reasons`, `assumptions`, the `reason` of effective values the
 * rules do not quote). It exists because WASM parses every byte of its input on each evaluation, and every
 * object it builds there is heap the rules then work around. Fields are left out, never changed: a rule reads
 * the same value or, for a left-out field, nothing it reads. The parity test runs opa eval on the full
 * documents and must agree; policy-view.test.ts checks the rules read no field the view leaves out.
 */
import type { FactsDocument, ModuleFacts } from '../facts/index.ts';

type ParamFacts = ModuleFacts['params'][string];

/** The effective values whose `reason` a message quotes (RSYNC-014 and RSYNC-015); other reasons are prose only. */
export const QUOTED_REASONS: ReadonlySet<string> = new Set(['unusable', 'writable']);

/** A parameter whose location is null (a default): `raw`, `file`, `line` and `column` are null, so left out. */
function slimParam(p: ParamFacts): ParamFacts | { value: ParamFacts['value']; origin: ParamFacts['origin'] } {
  return p.file === null && p.raw === null ? { value: p.value, origin: p.origin } : p;
}

function pick(record: Record<string, ParamFacts>, keep: ReadonlySet<string>): Record<string, ParamFacts> {
  const out: Record<string, ParamFacts> = {};
  for (const name of Object.keys(record)) if (keep.has(name)) out[name] = slimParam(record[name] as ParamFacts) as ParamFacts;
  return out;
}

/** `{value, reason, …}` records without the reasons no message quotes. */
function withoutReasons<T extends object>(record: T, quoted: ReadonlySet<string>): T {
  const out: Record<string, unknown> = {};
  for (const [name, fact] of Object.entries(record)) {
    if (quoted.has(name) || fact === null || typeof fact !== 'object' || !('reason' in fact)) {
      out[name] = fact;
      continue;
    }
    const { reason: _prose, ...rest } = fact as Record<string, unknown>;
    out[name] = rest;
  }
  return out as T;
}

function moduleView(m: ModuleFacts, keep: ReadonlySet<string>): ModuleFacts {
  const { reasons: _reasons, assumptions: _assumptions, ...access } = m.access;
  return { ...m, params: pick(m.params, keep), access: access as ModuleFacts['access'], effective: withoutReasons(m.effective, QUOTED_REASONS) };
}

export function policyView(facts: FactsDocument, keep: ReadonlySet<string>): FactsDocument {
  const { config } = facts;
  return {
    ...facts,
    config: {
      ...config,
      global: pick(config.global, keep),
      listener: pick(config.listener, keep),
      modules: config.modules.map((m) => moduleView(m, keep)),
      effective: withoutReasons(config.effective, new Set()),
    },
  };
}
