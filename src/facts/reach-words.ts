/**
 * The sentences of config.effective.reach: who can connect, and why, from the addresses the daemon binds
 * and where they were read.
 */
import { classify } from './reach-address.ts';

export type Source =
  | { kind: 'listeners' }
  /** `via`: the options as given ("--address=127.0.0.1", "-M address=0.0.0.0"). */
  | { kind: 'cmdline'; via: string }
  | { kind: 'file' }
  /** No address; `via` the option that cleared the file's (`-M address=`). */
  | { kind: 'unset'; via?: string }
  /** A script in the image starts the daemon with options not read here; the file says `address`. */
  | { kind: 'unread'; address: string };

export interface Described {
  value: 'local' | 'private' | 'any';
  addresses: string[];
  who: string;
  reason: string;
  /** The reason's first part, where the addresses come from, for a sentence that goes on differently. */
  where: string;
}

const RANK = { local: 0, private: 2, any: 3 } as const;
const ANY = 'any host on the network';

export function fromAddresses(addresses: string[], source: Source): Described {
  if (source.kind === 'unread') {
    const where = `The image starts the daemon from a script whose options rsyncguard does not read`;
    return { value: 'any', addresses, who: ANY, where, reason: `${where}, so "address = ${source.address}" in the file may not be what it binds (--address and -M override it): taken as reachable from any host.` };
  }
  if (addresses.length === 0) {
    const where = source.kind === 'unset' && source.via ? `The daemon is started with ${source.via}, which clears the file's "address"` : 'No "address" before the first module';
    return { value: 'any', addresses, who: ANY, where, reason: `${where}: the daemon binds every interface (0.0.0.0 and ::), so any host that can route to it can connect.` };
  }
  const classes = addresses.map((a) => ({ address: shown(a), ...classify(a) }));
  const widest = classes.reduce((w, c) => (RANK[c.value] > RANK[w.value] ? c : w));
  const list = classes.map((c) => (c.note === 'wildcard4' ? `${c.address} (every IPv4 interface)` : c.note === 'wildcard6' ? `${c.address} (every IPv6 interface)` : c.address)).join(', ');
  const wildcard = classes.some((c) => c.note === 'wildcard4' || c.note === 'wildcard6');
  const where =
    source.kind === 'listeners'
      ? `The daemon listens on ${list} (its sockets on this host)`
      : source.kind === 'cmdline'
        ? `The daemon is started with ${source.via}, which overrides the file${wildcard ? `, so it binds ${list}` : ''}`
        : `The daemon binds ${list}${wildcard ? '' : ' only'} ("address" before the first module)`;
  const shownAll = classes.map((c) => c.address);
  if (widest.value === 'local') return { value: 'local', addresses: shownAll, who: 'processes on this machine', where, reason: `${where}: only processes on this machine can connect.` };
  if (widest.value === 'private') {
    const nets = unique(classes.flatMap((c) => (c.network ? [c.network] : []))).join(' and ');
    const who = `hosts on the private network ${nets}`;
    return { value: 'private', addresses: shownAll, who, where, reason: `${where}: only ${who} can connect.` };
  }
  const why =
    widest.note === 'name'
      ? `; ${widest.address} is not an address rsyncguard can judge (a host name, which it does not resolve, or a template), so it is taken as reachable from anywhere`
      : widest.note === 'public'
        ? `; ${widest.address} is a public address`
        : '';
  return { value: 'any', addresses: shownAll, who: ANY, where, reason: `${where}${why}: any host that can route to it can connect.` };
}

/** An address as a message shows it: the collector's hex form of an IPv6 address in its usual notation. */
export function shown(a: string): string {
  if (!/^[0-9a-f]{32}$/i.test(a)) return a;
  const words = Array.from({ length: 8 }, (_, i) => Number.parseInt(a.slice(i * 4, i * 4 + 4), 16));
  if (words.every((w) => w === 0)) return '::';
  if (words.slice(0, 7).every((w) => w === 0) && words[7] === 1) return '::1';
  return words.map((w) => w.toString(16)).join(':');
}

export function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
