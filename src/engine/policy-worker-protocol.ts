/** Messages between a sandboxed policy (main thread) and its worker (policy-worker.ts). */
import type { FactsDocument } from '../facts/index.ts';
import type { Finding } from './finding.ts';

export interface ErrorValue {
  message: string;
  where?: string;
  hint?: string;
}

export type ToWorker = { type: 'evaluate'; facts: FactsDocument };

export type FromWorker = { type: 'loaded' } | { type: 'load-failed'; error: ErrorValue } | { type: 'result'; findings: Finding[] } | { type: 'failed'; error: ErrorValue };

/** Only the shape is checked: the worker runs our own code, and the findings were validated there. */
export function isFromWorker(m: unknown): m is FromWorker {
  if (typeof m !== 'object' || m === null || !('type' in m)) return false;
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
