/**
 * Which registries are spoken to in plain HTTP (`--insecure-registry`): only registries on loopback, and
 * only those named — every other registry stays HTTPS, so the switch never breaks a public image (issue 18).
 * `true` is the bare `--insecure-registry` of old: every registry on loopback, still never one off it.
 */
import { fail, ok, type Result } from '../../common/index.ts';

/** false: none; true: every registry on loopback; a list: those HOST[:PORT], each on loopback. */
export type InsecureRegistries = boolean | readonly string[];

/** A host (with or without its port, IPv6 in brackets) that is this machine. */
export function loopback(host: string): boolean {
  // `[::1]:5000` and `[::1]` (references, URL.hostname), or a bare IPv6 address (more than one colon, no port).
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(host);
  const h = (bracketed ? (bracketed[1] ?? '') : host.split(':').length > 2 ? host : host.replace(/:\d+$/, '')).toLowerCase();
  return h === 'localhost' || ipv6(h) === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** An IPv6 address in its canonical spelling (`0:0:0:0:0:0:0:1` → `::1`), or undefined for anything else. */
function ipv6(h: string): string | undefined {
  if (!h.includes(':')) return undefined;
  try {
    return new URL(`http://[${h}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

/** HOST[:PORT] as references write a registry: lower case (a host name is case-insensitive; references keep the port), IPv6 canonical. */
const normalise = (registry: string): string => {
  const r = registry.toLowerCase();
  const m = /^\[([^\]]*)\](:\d+)?$/.exec(r);
  return m ? `[${ipv6(m[1] ?? '') ?? m[1]}]${m[2] ?? ''}` : r;
};

/** Whether `registry` (HOST[:PORT] of a reference) is to be spoken to in plain HTTP. */
export function plainHttp(registry: string, insecure: InsecureRegistries): boolean {
  if (!loopback(registry)) return false;
  if (insecure === true) return true;
  if (insecure === false) return false;
  return insecure.some((r) => normalise(r) === normalise(registry));
}

const REGISTRY = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d{1,5})?$/i;

/** One `--insecure-registry` value checked: HOST[:PORT] on loopback, never a reference, a URL or a host off this machine. */
export function checkInsecureRegistry(value: string): Result<string, string> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return fail(`--insecure-registry ${JSON.stringify(value)}: write HOST:PORT, not a URL (${JSON.stringify(value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, ''))})`);
  if (!REGISTRY.test(value)) return fail(`--insecure-registry ${JSON.stringify(value)} is not a registry: write HOST:PORT as in the image reference (127.0.0.1:5000)`);
  if (!loopback(value)) return fail(`--insecure-registry ${value}: plain HTTP is allowed only to a registry on loopback (127.0.0.0/8, ::1, localhost); every other registry is spoken to over HTTPS`);
  return ok(value);
}
