/**
 * Who can open a connection to the daemon at all, before any host rule or login: derived once here so that
 * every rule that speaks of "the network" says the same thing (issue 14 §2).
 *
 * The listener binds the `address` of the startup parse, which stops at the first section header, so only
 * an `address` before the first module counts; `--address` on the command line beats it, and on a live host
 * the sockets the daemon really holds beat both. Unset, rsync binds every interface (0.0.0.0 and ::).
 * Reference: shared/reference/rsyncd.md §1.9, §2 (`address`, `port`), §9 (binding); socket.c open_socket_in.
 */
import type { Param } from '../parse/index.ts';

/** From narrowest to widest: `local` (this machine), `container` (the container network), `private`, `any`. */
export type ReachValue = 'local' | 'container' | 'private' | 'any';

export interface Reach {
  value: ReachValue;
  /** The addresses the daemon binds, as given; empty when none is (rsync then binds every interface). */
  addresses: string[];
  /** Who can connect, as a phrase a message can use ("hosts on the private network 10.0.0.0/8"). */
  who: string;
  /** The sentence that says why. */
  reason: string;
}

export interface ReachInput {
  /** The listener's globals: what comes before the first section (config.listener). */
  listener: Readonly<Record<string, Pick<Param, 'value'> | undefined>>;
  /** A live host's daemon processes (their argv) and listening sockets; empty elsewhere. */
  processes: readonly { cmdline: readonly string[] }[];
  listeners: readonly { address: string; port: number; pid: number | null }[];
  /** The units that start rsync on a live host: a superserver's socket replaces the daemon's own listener. */
  units: readonly { kind: 'systemd' | 'xinetd' | 'inetd'; path: string; enabled: boolean }[];
  /** An image's declared ports and start command; null for other targets. */
  image: { exposed_ports: readonly string[]; entrypoint: readonly string[]; cmd: readonly string[] } | null;
}

interface AddressClass {
  value: 'local' | 'private' | 'any';
  /** The private network the address belongs to, for the message. */
  network?: string;
  /** Why it is `any` although it is not a wildcard: a public address, or a name not judged. */
  note?: 'public' | 'name';
}

const RANK: Record<ReachValue, number> = { local: 0, container: 1, private: 2, any: 3 };
const DEFAULT_PORT = 873;

export function reachOf(input: ReachInput): Reach {
  const port = daemonPort(input);
  const started = superserver(input);
  if (started !== null) {
    return { value: 'any', addresses: [], who: 'any host on the network', reason: `${started} starts rsync for each connection on a socket of its own, and rsync ignores "address" then: taken as reachable from any host.` };
  }
  const bound = boundAddresses(input, port);
  const base = fromAddresses(bound.addresses, bound.source);
  if (input.image === null || base.value === 'local') return base;
  if (exposes(input.image.exposed_ports, port)) return base;
  return {
    value: 'container',
    addresses: base.addresses,
    who: 'peers on the container network',
    reason: `The image does not expose port ${port}: only peers on the container network can connect, unless the container is run with the port published.`,
  };
}

type Source = { kind: 'listeners' } | { kind: 'cmdline' } | { kind: 'file' } | { kind: 'unset' };

/**
 * A host where no daemon process runs but an enabled superserver (inetd, xinetd, a systemd .socket unit)
 * starts rsync per connection: rsync then serves the socket it is handed and ignores `address` (§9), so
 * the file's address says nothing; the superserver's own binding is not collected.
 */
function superserver(input: ReachInput): string | null {
  if (input.listeners.length > 0 || input.processes.length > 0) return null;
  const unit = input.units.find((u) => u.enabled && (u.kind !== 'systemd' || u.path.endsWith('.socket')));
  return unit ? unit.path : null;
}

/** The sockets beat `--address`, which beats the file (§1.9: the command line wins). */
function boundAddresses(input: ReachInput, port: number): { addresses: string[]; source: Source } {
  // Sockets whose owner is known are the daemon's; an unowned one counts only on the daemon's port (874 is
  // usually stunnel in front of it, which is not the daemon's own listener).
  const sockets = input.listeners.filter((l) => l.pid !== null || l.port === port);
  if (sockets.length > 0) return { addresses: unique(sockets.map((l) => l.address)), source: { kind: 'listeners' } };
  const argv = [...input.processes.map((p) => p.cmdline), ...(input.image ? [[...input.image.entrypoint, ...input.image.cmd]] : [])];
  const given = argv.map((a) => optionValue(a, 'address')).filter((v): v is string => v !== undefined && v !== '');
  if (given.length > 0) return { addresses: unique(given), source: { kind: 'cmdline' } };
  const v = input.listener['address']?.value;
  if (typeof v === 'string' && v !== '') return { addresses: [v], source: { kind: 'file' } };
  return { addresses: [], source: { kind: 'unset' } };
}

function fromAddresses(addresses: string[], source: Source): Reach {
  if (addresses.length === 0) {
    return { value: 'any', addresses, who: 'any host on the network', reason: 'No "address" before the first module: the daemon binds every interface (0.0.0.0 and ::), so any host that can route to it can connect.' };
  }
  const classes = addresses.map((a) => ({ address: shown(a), ...classify(a) }));
  const widest = classes.reduce((w, c) => (RANK[c.value] > RANK[w.value] ? c : w));
  const list = classes.map((c) => c.address).join(', ');
  const where =
    source.kind === 'listeners'
      ? `The daemon listens on ${list} (its sockets on this host)`
      : source.kind === 'cmdline'
        ? `The daemon is started with --address=${list}, which overrides the file`
        : `The daemon binds ${list} only ("address" before the first module)`;
  const shownAll = classes.map((c) => c.address);
  if (widest.value === 'local') return { value: 'local', addresses: shownAll, who: 'processes on this machine', reason: `${where}: only processes on this machine can connect.` };
  if (widest.value === 'private') {
    const nets = unique(classes.flatMap((c) => (c.network ? [c.network] : []))).join(' and ');
    const who = `hosts on the private network ${nets}`;
    return { value: 'private', addresses: shownAll, who, reason: `${where}: only ${who} can connect.` };
  }
  const why =
    widest.note === 'name'
      ? `; ${widest.address} is not an address rsyncguard can judge (a host name, which it does not resolve, or a template), so it is taken as reachable from anywhere`
      : widest.note === 'public'
        ? `; ${widest.address} is a public address`
        : '';
  return { value: 'any', addresses: shownAll, who: 'any host on the network', reason: `${where}${why}: any host that can route to it can connect.` };
}

/**
 * One address as the listener or the collector gives it: dotted IPv4, IPv6 text, the collector's 32 hex
 * digits of an IPv6 socket address, or a name (only `localhost` is judged: any other name may resolve anywhere).
 */
export function classify(address: string): AddressClass {
  const a = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (a === 'localhost' || a === 'localhost.localdomain' || a === 'ip6-localhost') return { value: 'local' };
  const v4 = ipv4(a);
  if (v4) return classify4(v4);
  const v6 = ipv6(a);
  if (v6) return classify6(v6);
  return { value: 'any', note: 'name' };
}

function classify4([a, b]: number[]): AddressClass {
  const x = a ?? 0;
  const y = b ?? 0;
  if (x === 0) return { value: 'any' }; // 0.0.0.0: every IPv4 interface
  if (x === 127) return { value: 'local' };
  if (x === 10) return { value: 'private', network: '10.0.0.0/8' };
  if (x === 172 && y >= 16 && y < 32) return { value: 'private', network: '172.16.0.0/12' };
  if (x === 192 && y === 168) return { value: 'private', network: '192.168.0.0/16' };
  if (x === 100 && y >= 64 && y < 128) return { value: 'private', network: '100.64.0.0/10' };
  if (x === 169 && y === 254) return { value: 'private', network: '169.254.0.0/16' };
  return { value: 'any', note: 'public' };
}

function classify6(w: number[]): AddressClass {
  const [h0 = 0] = w;
  if (w.every((x) => x === 0)) return { value: 'any' }; // ::: every interface
  if (w.slice(0, 7).every((x) => x === 0) && w[7] === 1) return { value: 'local' };
  // IPv4-mapped (::ffff:a.b.c.d): the IPv4 address decides.
  if (w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff) return classify4([(w[6] ?? 0) >> 8, (w[6] ?? 0) & 0xff]);
  if ((h0 & 0xfe00) === 0xfc00) return { value: 'private', network: 'fc00::/7' };
  if ((h0 & 0xffc0) === 0xfe80) return { value: 'private', network: 'fe80::/10' };
  return { value: 'any', note: 'public' };
}

function ipv4(a: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : null;
}

/** Eight 16-bit words, or null. */
function ipv6(a: string): number[] | null {
  // The collector writes an IPv6 socket address as 32 hex digits in network order.
  if (/^[0-9a-f]{32}$/.test(a)) return Array.from({ length: 8 }, (_, i) => Number.parseInt(a.slice(i * 4, i * 4 + 4), 16));
  if (!a.includes(':') || !/^[0-9a-f:.]+$/.test(a)) return null;
  let text = a;
  const tail: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const v4 = ipv4(dotted[1]);
    if (!v4) return null;
    tail.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
    // "::ffff:1.2.3.4" keeps "::ffff"; "::1.2.3.4" keeps "::" (the colon before the dotted part ends "::").
    const before = text.slice(0, dotted.index);
    text = before.endsWith(':') ? `${before}:` : before;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const words = (s: string): number[] | null => (s === '' ? [] : s.split(':').map((h) => (/^[0-9a-f]{1,4}$/.test(h) ? Number.parseInt(h, 16) : Number.NaN)));
  const head = words(halves[0] ?? '');
  const rest = halves.length === 2 ? words(halves[1] ?? '') : [];
  if (!head || !rest || [...head, ...rest].some(Number.isNaN)) return null;
  const fill = 8 - head.length - rest.length - tail.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return null;
  return [...head, ...new Array<number>(halves.length === 2 ? fill : 0).fill(0), ...rest, ...tail];
}

/** The daemon's port: `--port` when non-zero, else the file's `port`, else 873 (§2, §9). */
function daemonPort(input: ReachInput): number {
  const argv = [...input.processes.map((p) => p.cmdline), ...(input.image ? [[...input.image.entrypoint, ...input.image.cmd]] : [])];
  for (const a of argv) {
    const n = Number(optionValue(a, 'port'));
    if (Number.isInteger(n) && n > 0) return n;
  }
  const v = input.listener['port']?.value;
  return typeof v === 'number' && v > 0 ? v : DEFAULT_PORT;
}

/** `--name=value` or `--name value` in an argv (popt's long-option forms); the last one wins, as in popt. */
function optionValue(argv: readonly string[], name: string): string | undefined {
  let out: string | undefined;
  argv.forEach((arg, i) => {
    if (arg.startsWith(`--${name}=`)) out = arg.slice(name.length + 3);
    else if (arg === `--${name}`) out = argv[i + 1];
  });
  return out;
}

/** Image config ports are `873/tcp` (or `873` for tcp); a range `870-880/tcp` covers the ports in it. */
function exposes(ports: readonly string[], port: number): boolean {
  return ports.some((p) => {
    const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(p.trim());
    if (!m || (m[3] && m[3].toLowerCase() !== 'tcp')) return false;
    const lo = Number(m[1]);
    const hi = m[2] ? Number(m[2]) : lo;
    return port >= lo && port <= hi;
  });
}

/** An address as a message shows it: the collector's hex form of an IPv6 address in its usual notation. */
function shown(a: string): string {
  if (!/^[0-9a-f]{32}$/i.test(a)) return a;
  const words = Array.from({ length: 8 }, (_, i) => Number.parseInt(a.slice(i * 4, i * 4 + 4), 16));
  if (words.every((w) => w === 0)) return '::';
  if (words.slice(0, 7).every((w) => w === 0) && words[7] === 1) return '::1';
  return words.map((w) => w.toString(16)).join(':');
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
