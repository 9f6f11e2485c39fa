/**
 * One address the listener binds, judged as rsync's getaddrinfo() reads it (socket.c open_socket_in, with
 * AI_PASSIVE): glibc takes the inet_aton spellings of IPv4 (`127.1`, `0177.0.0.1`, `2130706433`), IPv6
 * text with a `%scope`, and names. A value that cannot be any of them never resolves, and the daemon exits
 * ("getaddrinfo: bind address …", exit 10) before it listens.
 */
import { TEMPLATE } from './template.ts';

export interface AddressClass {
  value: 'local' | 'private' | 'any';
  /** The private network the address belongs to, for the message. */
  network?: string;
  /** Why it is `any`: a wildcard (every interface of its family), a public address, or a name not judged. */
  note?: 'wildcard4' | 'wildcard6' | 'public' | 'name';
}

/**
 * One address as the listener or the collector gives it: an inet_aton IPv4 form, IPv6 text (a `%scope`
 * allowed), the collector's 32 hex digits of an IPv6 socket address, or a name (only `localhost` is judged:
 * any other name may resolve anywhere).
 */
export function classify(address: string): AddressClass {
  const a = address.trim().toLowerCase();
  if (a === 'localhost' || a === 'localhost.localdomain' || a === 'ip6-localhost') return { value: 'local' };
  // The collector's 32 hex digits come first: inet_aton would read them as one octal number.
  const v6 = ipv6(a.replace(/%[^%]+$/, ''));
  if (v6 && /^[0-9a-f]{32}$/.test(a)) return classify6(v6);
  const v4 = ipv4(a);
  if (v4) return classify4(v4);
  if (v6) return classify6(v6);
  return { value: 'any', note: 'name' };
}

/**
 * Why getaddrinfo can never resolve the value, or null. No host name holds whitespace, `#` or brackets
 * (/etc/hosts splits at whitespace and `#` starts its comments; DNS names have none), and none of them is
 * numeric: `address = 127.0.0.1 # loopback` and `address = [::1]` stop the daemon (exit 10).
 */
export function unresolvable(address: string): string | null {
  // A template renders the value later, and rsync expands %VAR% from its environment: neither is judged.
  if (TEMPLATE.test(address) || /%[A-Za-z_]\w*%/.test(address)) return null;
  if (/\s/.test(address)) return 'it holds whitespace (a comment after the value is part of it)';
  if (address.includes('#')) return "it holds '#' (a comment after the value is part of it)";
  // Before brackets: an escape sequence ("\x1b[31m") holds one, and is no IPv6 notation.
  if (/[\x00-\x1f\x7f]/.test(address)) return 'it holds control characters';
  if (/[[\]]/.test(address)) return 'it holds brackets, which getaddrinfo does not take around an IPv6 address';
  return null;
}

function classify4([a, b, c, d]: number[]): AddressClass {
  const x = a ?? 0;
  const y = b ?? 0;
  if (x === 0 && y === 0 && c === 0 && d === 0) return { value: 'any', note: 'wildcard4' };
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
  if (w.every((x) => x === 0)) return { value: 'any', note: 'wildcard6' };
  if (w.slice(0, 7).every((x) => x === 0) && w[7] === 1) return { value: 'local' };
  // IPv4-mapped (::ffff:a.b.c.d): the IPv4 address decides.
  if (w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff) return classify4([(w[6] ?? 0) >> 8, (w[6] ?? 0) & 0xff, (w[7] ?? 0) >> 8, (w[7] ?? 0) & 0xff]);
  if ((h0 & 0xfe00) === 0xfc00) return { value: 'private', network: 'fc00::/7' };
  if ((h0 & 0xffc0) === 0xfe80) return { value: 'private', network: 'fe80::/10' };
  return { value: 'any', note: 'public' };
}

/** One inet_aton part: decimal, octal after a leading 0, hex after 0x. */
function part(s: string): number | null {
  if (/^0x[0-9a-f]*$/.test(s)) return s.length === 2 ? 0 : Number.parseInt(s.slice(2), 16);
  if (/^0[0-7]*$/.test(s)) return Number.parseInt(s, 8);
  if (/^[1-9][0-9]*$/.test(s)) return Number(s);
  return null;
}

/** inet_aton: a, a.b, a.b.c or a.b.c.d, the last part filling the bytes that remain. Four bytes, or null. */
export function ipv4(a: string): number[] | null {
  const texts = a.split('.');
  if (texts.length > 4) return null;
  const parts = texts.map(part);
  if (parts.some((p) => p === null)) return null;
  const nums = parts as number[];
  const last = nums[nums.length - 1] ?? 0;
  const head = nums.slice(0, -1);
  if (head.some((n) => n > 255) || last >= 2 ** (8 * (5 - nums.length))) return null;
  const bytes = [...head];
  for (let i = 4 - nums.length; i >= 0; i--) bytes.push(Math.floor(last / 2 ** (8 * i)) & 0xff);
  return bytes;
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
    // Only the dotted quad of four decimal parts is IPv6 syntax (inet_pton), not inet_aton's other forms.
    const quad = dotted[1].split('.').map(Number);
    if (quad.some((n) => n > 255) || dotted[1].split('.').some((p) => p.length > 3)) return null;
    tail.push(((quad[0] ?? 0) << 8) | (quad[1] ?? 0), ((quad[2] ?? 0) << 8) | (quad[3] ?? 0));
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
