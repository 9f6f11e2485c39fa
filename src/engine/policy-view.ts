/**
 * The facts document as the built-in policy needs it: only the parameters it reads, and no prose
 * (`reasons`, `assumptions`). Same shape, same values; it exists because WASM parses every byte of its
 * input on each evaluation. The parity test checks opa eval on the full document agrees.
 */
import type { FactsDocument } from '../facts/index.ts';

function pick<T>(record: Record<string, T>, keep: ReadonlySet<string>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const name of Object.keys(record)) if (keep.has(name)) out[name] = record[name] as T;
  return out;
}

export function policyView(facts: FactsDocument, keep: ReadonlySet<string>): FactsDocument {
  const { config } = facts;
  return {
    ...facts,
    config: {
      ...config,
      global: pick(config.global, keep),
      listener: pick(config.listener, keep),
      modules: config.modules.map((m) => ({ ...m, params: pick(m.params, keep), access: { ...m.access, reasons: [], assumptions: [] } })),
    },
  };
}
