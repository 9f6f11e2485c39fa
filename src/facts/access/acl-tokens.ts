/**
 * `hosts allow` / `hosts deny` tokens classified the way access.c will treat them, so a policy can ask
 * "does this list name hosts by DNS?" or "does it admit everyone?" without re-implementing access.c.
 */
import { parseMask, parseNumericHost, strtolExact } from './ip-address.ts';
import { tokenizeHostList } from './hosts.ts';
import { TEMPLATE } from '../template.ts';

export type HostTokenKind =
  /** One address (IPv4 in any glibc spelling, or IPv6). */
  | 'address'
  /** `addr/N` or `addr/mask` narrower than everything. */
  | 'network'
  /** `/0`: every address of the family. */
  | 'any-address'
  /** `*`, `?` or `[`: matched against the reverse-DNS name only. */
  | 'wildcard'
  /** A plain name: the reverse name, else forward DNS. */
  | 'hostname'
  | 'netgroup'
  /** `unknown` / `undetermined`: the names rsync gives clients without a verified PTR, or all clients with lookups off. */
  | 'placeholder'
  /** Looks like an address but matches nothing (bad mask, bad spelling). */
  | 'malformed'
  /** Part of a template expression (`{{ … }}`, `{% … %}`, `<% … %>`, `${…}`): rendered elsewhere, unknown here. */
  | 'template';

export interface HostToken {
  token: string;
  kind: HostTokenKind;
}

export function classifyHostList(list: string): HostToken[] {
  // rsync would split "{{ hosts | join(' ') }}" into words; what the rendered file holds is unknown.
  const templated = TEMPLATE.test(list);
  return tokenizeHostList(list).map((token) => ({ token, kind: templated ? 'template' : classify(token) }));
}

function classify(token: string): HostTokenKind {
  if (token === 'unknown' || token === 'undetermined') return 'placeholder';
  if (token.startsWith('@') && token.length > 1) return 'netgroup';
  const slash = token.indexOf('/');
  const host = slash < 0 ? token : token.slice(0, slash);
  const numeric = /^[.0-9]*$/.test(host) || host.includes(':');
  if (!numeric) return /[*?[]/.test(token) ? 'wildcard' : 'hostname';
  if (/[*?[]/.test(token)) return 'wildcard';
  const addr = parseNumericHost(host);
  if (!addr) return 'malformed';
  if (slash < 0) return 'address';
  const text = token.slice(slash + 1);
  const mask = parseMask(text, addr.family);
  if (mask) return mask.every((b) => b === 0) ? 'any-address' : 'network';
  const bits = strtolExact(text);
  if (bits === undefined || bits < 0 || bits > addr.bytes.length * 8) return 'malformed';
  return bits === 0 ? 'any-address' : 'network';
}
