/**
 * Messages between the main thread and a policy worker (policy-worker.ts): a sandboxed policy
 * (sandboxed-policy.ts) sends one facts document at a time; a pool (policy-pool.ts) sends the policy's
 * input already serialized, several at a time, each with an id its answer carries back.
 */
import type { FactsDocument } from '../facts/index.ts';
import type { Finding } from './finding.ts';

export interface ErrorValue {
  message: string;
  where?: string;
  hint?: string;
}

export type ToWorker = { type: 'evaluate'; facts: FactsDocument } | { type: 'evaluate-input'; id: number; input: string | Uint8Array; target: string; modules?: number };

export type FromWorker = { type: 'loaded' } | { type: 'load-failed'; error: ErrorValue } | { type: 'result'; findings: Finding[]; id?: number } | { type: 'failed'; error: ErrorValue; id?: number };

/** Only the shape is checked: the worker runs our own code, and the findings were validated there. */
export function isFromWorker(m: unknown): m is FromWorker {
  if (typeof m !== 'object' || m === null || !('type' in m)) return false;
  if ('id' in m && typeof m.id !== 'number') return false;
  switch (m.type) {
    case 'loaded':
      return true;
    case 'result':
      return 'findings' in m && Array.isArray(m.findings);
    case 'load-failed':
    case 'failed':
      return 'error' in m && typeof m.error === 'object' && m.error !== null && 'message' in m.error && typeof m.error.message === 'string';
    default:
      return false;
  }
}
