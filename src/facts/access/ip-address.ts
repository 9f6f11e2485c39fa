/**
 * Numeric addresses as glibc reads them for access.c match_address: getaddrinfo(AI_NUMERICHOST) for the
 * token (which accepts inet_aton's octal and short IPv4 forms: `0177.0.0.1`, `127.1`), inet_pton for a
 * dotted mask (strict: four decimal parts, no leading zeros), strtol for a prefix length.
 */

export interface Address {
  family: 4 | 6;
  bytes: number[];
  /** IPv6 scope id (0 when none). */
  scope: number;
}

/** getaddrinfo(token, AI_NUMERICHOST): inet_aton for IPv4, then inet_pton for IPv6 (with an optional %scope). */
export function parseNumericHost(text: string): Address | undefined {
  const v4 = inetAton(text);
  if (v4) return { family: 4, bytes: v4, scope: 0 };
  const pct = text.indexOf('%');
  const body = pct < 0 ? text : text.slice(0, pct);
  const v6 = inetPton6(body);
  if (!v6) return undefined;
  if (pct < 0) return { family: 6, bytes: v6, scope: 0 };
  const scope = scopeId(text.slice(pct + 1));
  return scope === undefined ? undefined : { family: 6, bytes: v6, scope };
}

/** A numeric scope is taken as is; `lo` is interface 1; other interface names are unknown on a static reader. */
function scopeId(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  return text === 'lo' ? 1 : undefined;
}

/** inet_aton (glibc, exact): one to four parts, each decimal, octal (leading 0) or hex (0x). */
export function inetAton(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length > 4) return undefined;
  const values: number[] = [];
  for (const part of parts) {
    const v = atonPart(part);
    if (v === undefined) return undefined;
    values.push(v);
  }
  const last = values.pop() ?? 0;
  if (values.some((v) => v > 0xff)) return undefined;
  const lastBytes = 4 - values.length;
  if (last >= 2 ** (8 * lastBytes)) return undefined;
  const out = [...values];
  for (let k = lastBytes - 1; k >= 0; k--) out.push(Math.floor(last / 2 ** (8 * k)) % 256);
  return out;
}

function atonPart(part: string): number | undefined {
  if (/^0[xX][0-9a-fA-F]*$/.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
  if (/^0[0-7]*$/.test(part)) return parseInt(part, 8);
  if (/^[1-9][0-9]*$/.test(part)) return Number(part);
  return undefined;
}

/** inet_pton(AF_INET): exactly four decimal parts of at most three digits, no leading zeros, each ≤ 255. */
export function inetPton4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
    const v = Number(part);
    if (v > 255) return undefined;
    out.push(v);
  }
  return out;
}

/** inet_pton(AF_INET6): eight groups, one `::`, an optional dotted IPv4 tail. */
export function inetPton6(text: string): number[] | undefined {
  if (text === '' || /[^0-9a-fA-F:.]/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const items = s.split(':');
    for (const [i, item] of items.entries()) {
      if (item.includes('.')) {
        const v4 = i === items.length - 1 ? inetPton4(item) : undefined;
        if (!v4) return undefined;
        out.push(...v4);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(item)) return undefined;
        const v = parseInt(item, 16);
        out.push(v >> 8, v & 0xff);
      }
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  // A dotted IPv4 tail may only end the address.
  if (halves.length === 2 && (halves[0] ?? '').includes('.')) return undefined;
  if (halves.length === 1) return head.length === 16 ? head : undefined;
  const fill = 16 - head.length - tail.length;
  // "::" stands for at least one group of zeros.
  if (fill < 2) return undefined;
  return [...head, ...new Array<number>(fill).fill(0), ...tail];
}

/** A dotted or colon mask for the token's family (inet_pton), or undefined. */
export function parseMask(text: string, family: 4 | 6): number[] | undefined {
  return family === 4 ? inetPton4(text) : inetPton6(text);
}

/** strtol(text, &end, 10) that must consume everything: undefined when malformed. Saturates like glibc. */
export function strtolExact(text: string): number | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)$/.exec(text);
  if (!m) return undefined;
  const n = Math.min(Number(m[2]), Number.MAX_SAFE_INTEGER);
  return m[1] === '-' ? -n : n;
}

/** A prefix length as a byte mask (access.c make_mask). */
export function prefixMask(bits: number, length: number): number[] {
  const mask: number[] = [];
  for (let i = 0; i < length; i++) {
    const take = Math.max(0, Math.min(8, bits - 8 * i));
    mask.push((0xff << (8 - take)) & 0xff);
  }
  return mask;
}

export function maskedEqual(a: number[], b: number[], mask: number[]): boolean {
  return a.every((byte, i) => ((byte ^ (b[i] ?? 0)) & (mask[i] ?? 0)) === 0);
}
