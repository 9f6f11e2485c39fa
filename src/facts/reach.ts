/**
 * Who can open a connection to the daemon at all, before any host rule or login: derived once here so that
 * every rule that speaks of "the network" says the same thing (issue 14 §2).
 *
 * The listener binds the `address` of the startup parse, which stops at the first section header, so only
 * an `address` before the first module counts; `-M address=` beats it and `--address` beats both, and on a
 * live host the sockets the daemon really holds beat everything. Unset, rsync binds every interface (0.0.0.0
 * and ::). A TLS front end (stunnel) that accepts off-host and relays to a loopback daemon lets every client
 * it accepts in, whatever the daemon binds.
 * Reference: shared/reference/rsyncd.md §1.9, §2 (`address`, `port`), §9 (binding); socket.c open_socket_in.
 */
import type { Param, StunnelService } from '../parse/index.ts';
import { classify, unresolvable } from './reach-address.ts';
import { daemonOptions, imageDaemonArgv } from './reach-argv.ts';
import { fromAddresses, shown, unique, type Source } from './reach-words.ts';

export { classify } from './reach-address.ts';

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
  /** The port the daemon listens on: `--port`, else `-M port=`, else the file's `port`, else 873. */
  port: number;
  /** The daemon binds every interface: no `address`, or a wildcard (0.0.0.0, ::) given explicitly. */
  every_interface: boolean;
  /** The TLS front end that lets clients in although the daemon binds loopback ("stunnel on port 874 (…)"); null when none is known. */
  front_end: string | null;
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
  /** `daemon_args`: the words after `rsync` of each `rsync --daemon` its launch runs, scripts followed (image-launch.ts). */
  image: { exposed_ports: readonly string[]; entrypoint: readonly string[]; cmd: readonly string[]; starts_daemon?: boolean; daemon_args?: readonly (readonly string[])[] } | null;
  /** stunnel services found beside the config (the same scan root of a repository). */
  frontEnds?: readonly StunnelService[];
}

const RANK: Record<ReachValue, number> = { local: 0, container: 1, private: 2, any: 3 };
const DEFAULT_PORT = 873;
/** rsync-ssl's default port (rsync-ssl(1)): a TLS front end's, never the daemon's own. */
const TLS_PORT = 874;

export function reachOf(input: ReachInput): Reach {
  const port = daemonPort(input);
  const started = superserver(input);
  if (started !== null) {
    const unset = !fileAddress(input);
    return {
      value: 'any',
      addresses: [],
      who: 'any host on the network',
      reason: `${started} starts rsync for each connection on a socket of its own, and rsync ignores "address" then: taken as reachable from any host.`,
      port,
      every_interface: unset,
      front_end: null,
    };
  }
  const bound = boundAddresses(input, port);
  const { where, ...described } = fromAddresses(bound.addresses, bound.source);
  const base: Reach = { ...described, port, every_interface: everyInterface(bound.addresses, bound.source), front_end: null };
  if (RANK[base.value] < RANK.any) {
    const front = frontEnd(input, port, base.addresses);
    // The front end widens the reach only as far as its own `accept` address does: one on the daemon's private address adds nobody.
    if (front !== null && RANK[front.value] > RANK[base.value]) {
      const them = front.value === 'any' ? 'any host that can reach port' : `${front.who} that can reach port`;
      return { ...base, value: front.value, who: front.who, reason: `${front.name} relays ${front.whom} to it: ${lowerFirst(where)}, but ${them} ${front.port} ${front.value === 'any' ? 'connects' : 'connect'} through it.`, front_end: front.name };
    }
  }
  if (input.image === null || base.value === 'local') return base;
  if (exposes(input.image.exposed_ports, port)) return base;
  return {
    ...base,
    value: 'container',
    who: 'peers on the container network',
    reason: `The image does not expose port ${port}: only peers on the container network can connect, unless the container is run with the port published.`,
  };
}

/**
 * The daemon cannot start because getaddrinfo can never resolve the file's `address` (socket.c
 * open_socket_in: "getaddrinfo: bind address …", exit 10); null when it can, or when something else
 * decides what is bound (sockets, a superserver, the command line).
 */
export function listenerFailure(input: ReachInput): string | null {
  if (superserver(input) !== null || input.listeners.length > 0 || input.processes.length > 0) return null;
  const argvs = imageArgvs(input);
  if (argvs === 'unread' || argvs.some((a) => daemonOptions(a).address)) return null;
  const v = fileAddress(input);
  const why = v ? unresolvable(v) : null;
  return v && why ? `"address = ${v}" can never be resolved: ${why}. getaddrinfo fails, and the daemon exits (code 10) before it listens.` : null;
}

function fileAddress(input: ReachInput): string | null {
  const v = input.listener['address']?.value;
  return typeof v === 'string' && v !== '' ? v : null;
}

/**
 * The image's daemon argvs: as its launch was followed into scripts, else read from Entrypoint/Cmd here;
 * 'unread' when a script starts it and only the Entrypoint/Cmd are known (a facts document given to `eval`).
 */
function imageArgvs(input: ReachInput): readonly (readonly string[])[] | 'unread' {
  if (input.image === null) return [];
  if (input.image.daemon_args && input.image.daemon_args.length > 0) return input.image.daemon_args;
  const argv = imageDaemonArgv(input.image.entrypoint, input.image.cmd);
  return argv ? [argv] : input.image.starts_daemon === true ? 'unread' : [];
}

/** The daemon's argvs: a host's processes (stunnel is a front end, not the daemon), or the image's. */
function daemonArgvs(input: ReachInput): readonly (readonly string[])[] {
  const argvs = imageArgvs(input);
  return [...input.processes.map((p) => p.cmdline).filter((c) => !isStunnel(c)), ...(argvs === 'unread' ? [] : argvs)];
}

const isStunnel = (argv: readonly string[]) => /^stunnel/.test((argv[0] ?? '').replace(/^.*\//, ''));

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

/** The sockets beat the command line, which beats the file (§1.9: the command line wins). */
function boundAddresses(input: ReachInput, port: number): { addresses: string[]; source: Source } {
  // Sockets whose owner is known are the daemon's; an unowned one counts only on the daemon's port (874 is
  // a TLS front end's, see frontEnd).
  const sockets = input.listeners.filter((l) => l.pid !== null || l.port === port);
  if (sockets.length > 0) return { addresses: unique(sockets.map((l) => l.address)), source: { kind: 'listeners' } };
  const given = daemonArgvs(input).flatMap((a) => daemonOptions(a).address ?? []);
  if (given.length > 0) {
    const addresses = unique(given.map((g) => g.value));
    // `-M address=` (empty) clears the file's value: rsync binds every interface.
    return addresses.every((a) => a === '') ? { addresses: [], source: { kind: 'unset', via: given[0]?.via ?? '' } } : { addresses: addresses.filter((a) => a !== ''), source: { kind: 'cmdline', via: unique(given.map((g) => g.via)).join(', ') } };
  }
  const v = fileAddress(input);
  if (imageArgvs(input) === 'unread' && v !== null) return { addresses: [], source: { kind: 'unread', address: v } };
  if (v !== null) return { addresses: [v], source: { kind: 'file' } };
  return { addresses: [], source: { kind: 'unset' } };
}

function everyInterface(addresses: string[], source: Source): boolean {
  if (source.kind === 'unread') return false;
  return (
    addresses.length === 0 ||
    addresses.some((a) => {
      const note = classify(a).note;
      return note === 'wildcard4' || note === 'wildcard6';
    })
  );
}

/**
 * A TLS front end that accepts clients off this machine and hands them to the daemon: on a host, a socket
 * on 874 that no rsync process owns (or a stunnel process in a document that lists one); in a repository,
 * a stunnel service whose `connect` is the daemon's port on an address it binds (or which runs rsync
 * itself). Its reach is that of the address it accepts on; the widest service wins.
 */
function frontEnd(input: ReachInput, port: number, bound: string[]): { name: string; port: number; whom: string; value: ReachValue; who: string } | null {
  const socket = input.listeners.find((l) => l.pid === null && l.port === TLS_PORT && classify(l.address).value !== 'local');
  if (socket) return { name: `stunnel or another TLS front end listening on ${shown(socket.address)} port ${TLS_PORT}`, port: TLS_PORT, whom: 'its clients', ...acceptReach(socket.address) };
  // The collector (rsync-facts.sh) lists only rsync daemon processes and sockets on 873/874, so a stunnel
  // process reaches here only from a document another tool wrote; one on another port is not seen on a host.
  if (input.processes.some((p) => isStunnel(p.cmdline))) return { name: 'a stunnel process on this host', port: TLS_PORT, whom: 'its clients', value: 'any', who: 'any host on the network' };
  let widest: ReturnType<typeof frontEnd> = null;
  for (const s of input.frontEnds ?? []) {
    const accept = hostPort(s.accept);
    if (accept === null || (accept.host !== '' && classify(accept.host).value === 'local')) continue;
    const reach = acceptReach(accept.host);
    if (widest !== null && RANK[reach.value] <= RANK[widest.value]) continue;
    const relays =
      s.execsRsync ||
      s.connect.some((c) => {
        const to = hostPort(c);
        // A bare port is localhost to stunnel; a loopback target reaches the daemon when it binds loopback.
        const loopback = to !== null && (to.host === '' || classify(to.host).value === 'local');
        return to !== null && to.port === port && (bound.includes(to.host) || (loopback && bound.some((b) => classify(b).value === 'local')));
      });
    if (relays) widest = { name: `stunnel on port ${accept.port} in ${s.at}`, port: accept.port, whom: s.verifiesClients ? 'every client with a certificate it trusts' : 'any client', ...reach };
  }
  return widest;
}

/** Who reaches a front end's listening address: stunnel's bare `accept = 874` (no host) binds every interface. */
function acceptReach(host: string): { value: ReachValue; who: string } {
  if (host === '') return { value: 'any', who: 'any host on the network' };
  const c = classify(host);
  if (c.value === 'private') return { value: 'private', who: `hosts on the private network ${c.network ?? shown(host)}` };
  return c.value === 'local' ? { value: 'local', who: 'processes on this machine' } : { value: 'any', who: 'any host on the network' };
}

/** stunnel's `[host:]port` (the host may be an IPv6 address: the last colon ends it). */
function hostPort(text: string): { host: string; port: number } | null {
  const at = text.lastIndexOf(':');
  const port = Number(text.slice(at + 1).trim());
  if (!Number.isInteger(port) || port <= 0 || port > 65535) return null;
  return {
    host:
      at < 0
        ? ''
        : text
            .slice(0, at)
            .trim()
            .replace(/^\[|\]$/g, ''),
    port,
  };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The daemon's port: `--port` when non-zero, else `-M port=`, else the file's `port`, else 873 (§2, §9). */
function daemonPort(input: ReachInput): number {
  for (const a of daemonArgvs(input)) {
    const n = Number(daemonOptions(a).port?.value);
    if (Number.isInteger(n) && n > 0) return n;
  }
  const v = input.listener['port']?.value;
  return typeof v === 'number' && v > 0 ? v : DEFAULT_PORT;
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
