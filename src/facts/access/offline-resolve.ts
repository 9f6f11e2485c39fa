import type { Resolution } from './hosts.ts';

/**
 * Name resolution without asking DNS, for the facts document's outside client. A single word (`ALL`,
 * `LOCAL`, words left by an inline comment) is taken as unresolvable — what glibc answers on a host whose
 * search list does not complete it — so rsync 3.5.0 treats it as a deny match. Anything else is unknown:
 * it resolves to some host, and the outside client is assumed not to be that host.
 */
export function offlineResolve(name: string): Resolution {
  if (name === 'localhost') return { kind: 'addrs', addrs: ['127.0.0.1'] };
  if (!name.includes('.') || /\.(invalid|localhost)$/.test(name)) return { kind: 'unresolvable' };
  return { kind: 'unknown' };
}
