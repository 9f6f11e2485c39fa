import type { RsyncdConfig } from '../../parse/index.ts';
import { tokenizeHostList } from './hosts.ts';

/**
 * The `hosts allow`/`hosts deny` tokens rsync would look up with gethostbyname (access.c match_hostname):
 * plain names — not all digits and dots, no ':' '/' '*' '?' '[', not a @netgroup. Callers resolve these
 * up front so the simulation itself stays pure.
 */
export function hostnameTokens(config: RsyncdConfig): string[] {
  const names = new Set<string>();
  const lists = [config.global, ...config.modules.map((m) => m.params)].flatMap((p) => [p['hosts allow']?.value, p['hosts deny']?.value]);
  for (const list of lists) {
    if (typeof list !== 'string') continue;
    for (const token of tokenizeHostList(list)) {
      if (/^[\d.]*$/.test(token) || /[:/*?[]/.test(token) || token.startsWith('@')) continue;
      names.add(token);
    }
  }
  return [...names].sort();
}
