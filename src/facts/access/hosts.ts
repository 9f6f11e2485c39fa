/**
 * `hosts allow` / `hosts deny` exactly as access.c decides them (allow_access, access_match,
 * match_hostname, match_address). Reference: shared/reference/rsyncd.md §3.2, §3.3.
 * Name resolution is an input: the caller looks names up before the simulation, so this stays pure.
 */
import { maskedEqual, parseMask, parseNumericHost, prefixMask, strtolExact, type Address } from './ip-address.ts';
import { iwildmatch } from './wildmatch.ts';

export type Version = [number, number, number];

/** What gethostbyname(name) answers: IPv4 addresses, a definite failure, or nothing we could know. */
export type Resolution = { kind: 'addrs'; addrs: string[] } | { kind: 'unresolvable' } | { kind: 'unknown' };

export interface Peer {
  addr: string;
  /** The name rsync has for the client: a verified reverse name, `UNKNOWN` or `UNDETERMINED`. */
  host: string;
}

export interface HostRuleOptions {
  forwardLookup: boolean;
  resolve: (name: string) => Resolution;
  version: Version;
}

export interface AllowDecision {
  allowed: boolean;
  reason: string;
  assumptions: string[];
}

export function atLeast(v: Version, min: Version): boolean {
  for (let i = 0; i < 3; i++) if ((v[i] ?? 0) !== (min[i] ?? 0)) return (v[i] ?? 0) > (min[i] ?? 0);
  return true;
}

/** access_match: the list is lower-cased and split on space, comma and tab. */
export function tokenizeHostList(list: string): string[] {
  return list
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .split(/[ ,\t]+/)
    .filter((t) => t !== '');
}

/** allow_access: an allow match wins; an allow list alone denies the rest; else a deny match denies; else allow. */
export function allowAccess(peer: Peer, allow: string | undefined, deny: string | undefined, opts: HostRuleOptions): AllowDecision {
  const assumptions: string[] = [];
  const allowList = allow === '' ? undefined : allow;
  const denyList = deny === '' ? undefined : deny;
  if (allowList !== undefined) {
    const hit = firstMatch(allowList, peer, false, opts, assumptions);
    if (hit) return { allowed: true, reason: `"hosts allow" admits ${describe(peer)}: ${hit}.`, assumptions };
    if (denyList === undefined) {
      return { allowed: false, reason: `"hosts allow" is set and nothing in it matches ${describe(peer)}, and there is no "hosts deny".`, assumptions };
    }
  }
  if (denyList !== undefined) {
    const hit = firstMatch(denyList, peer, true, opts, assumptions);
    if (hit) return { allowed: false, reason: `"hosts deny" refuses ${describe(peer)}: ${hit}.`, assumptions };
  }
  if (allowList === undefined && denyList === undefined) {
    return { allowed: true, reason: 'No "hosts allow" or "hosts deny": every host may connect.', assumptions };
  }
  const why = allowList === undefined ? 'nothing in "hosts deny" matches it' : 'it is in neither "hosts allow" nor "hosts deny", and rsync admits hosts in neither list';
  return { allowed: true, reason: `${describe(peer)} is admitted: ${why}.`, assumptions };
}

function describe(peer: Peer): string {
  return `${peer.addr} (host name "${peer.host}")`;
}

/** access_match: the first token that matches, as a sentence fragment; undefined when none does. */
function firstMatch(list: string, peer: Peer, deny: boolean, opts: HostRuleOptions, assumptions: string[]): string | undefined {
  for (const token of tokenizeHostList(list)) {
    const byName = matchHostname(peer, token, deny, opts, assumptions);
    if (byName) return byName;
    if (matchAddress(peer.addr, token)) return `the address token "${token}" covers ${peer.addr}`;
  }
  return undefined;
}

function matchHostname(peer: Peer, token: string, deny: boolean, opts: HostRuleOptions, assumptions: string[]): string | undefined {
  if (token.startsWith('@') && token.length > 1) {
    assumptions.push(`${peer.host} is not in netgroup ${token} (netgroups are not evaluated).`);
    return undefined;
  }
  if (iwildmatch(token, peer.host)) return `"${token}" matches the host name "${peer.host}"`;
  if (!opts.forwardLookup) return undefined;
  // Tokens that are all digits and dots, or hold any of ":/*?[", are never looked up.
  if (/^[.0-9]*$/.test(token) || /[:/*?[]/.test(token)) return undefined;
  const answer = opts.resolve(token);
  switch (answer.kind) {
    case 'addrs':
      return answer.addrs.includes(peer.addr) ? `"${token}" resolves to ${peer.addr}` : undefined;
    case 'unresolvable':
      // 3.5.0 (CVE-2026-70452): an unresolvable deny token fails closed; allow tokens, and older versions, never match.
      if (deny && atLeast(opts.version, [3, 5, 0])) return `"${token}" does not resolve, and rsync 3.5.0 treats an unresolvable deny token as a match`;
      return undefined;
    case 'unknown':
      assumptions.push(`"${token}" resolves to some host other than ${peer.addr}.`);
      return undefined;
  }
}

function matchAddress(addr: string, token: string): boolean {
  const slash = token.indexOf('/');
  const host = slash < 0 ? token : token.slice(0, slash);
  // A token with letters and no ':' is a host name, not an address.
  if (!/^[.0-9]*$/.test(host) && !host.includes(':')) return false;
  const client = parseNumericHost(addr);
  const tok = parseNumericHost(host);
  if (!client || !tok || client.family !== tok.family) return false;
  if (tok.scope !== 0 && tok.scope !== client.scope) return false;
  const mask = slash < 0 ? prefixMask(128, client.bytes.length) : maskFor(token.slice(slash + 1), tok);
  if (mask === 'all') return true;
  return mask !== undefined && maskedEqual(client.bytes, tok.bytes, mask);
}

/** `/N` or `/MASK`; `/0` matches every address of the family; anything malformed matches nothing. */
function maskFor(text: string, tok: Address): number[] | 'all' | undefined {
  const literal = parseMask(text, tok.family);
  if (literal) return literal;
  const bits = strtolExact(text);
  if (bits === undefined) return undefined;
  if (bits === 0) return 'all';
  if (bits < 0 || bits > tok.bytes.length * 8) return undefined;
  return prefixMask(bits, tok.bytes.length);
}
