/**
 * Builtins the policies call that the WASM module hands back to the host. OPA's own implementations are
 * Go; these mirror their semantics so `opa eval` and the engine agree (the parity test checks it).
 */

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/**
 * semver.compare(a, b): -1, 0 or 1 by SemVer 2.0 precedence (build metadata ignored). Not a valid version
 * (a leading "v" included, as OPA rejects it) → undefined, which makes the Rego expression undefined.
 */
export function semverCompare(a: unknown, b: unknown): number | undefined {
  if (typeof a !== 'string' || typeof b !== 'string') return undefined;
  const x = SEMVER.exec(a);
  const y = SEMVER.exec(b);
  if (!x || !y) return undefined;
  for (let i = 1; i <= 3; i++) {
    const d = Number(x[i]) - Number(y[i]);
    if (d !== 0) return Math.sign(d);
  }
  return comparePrerelease(x[4], y[4]);
}

function comparePrerelease(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const s = pa[i];
    const t = pb[i];
    if (s === undefined) return -1;
    if (t === undefined) return 1;
    const ns = /^\d+$/.test(s);
    const nt = /^\d+$/.test(t);
    if (ns && nt && Number(s) !== Number(t)) return Math.sign(Number(s) - Number(t));
    if (ns !== nt) return ns ? -1 : 1;
    if (!ns && s !== t) return s < t ? -1 : 1;
  }
  return 0;
}

/** What the engine supplies, by OPA builtin name. */
export const HOST_BUILTINS: Record<string, (...args: unknown[]) => unknown> = {
  'semver.compare': semverCompare,
};

/** Builtins the opa-wasm SDK implements in JS itself. */
export const SDK_BUILTINS: ReadonlySet<string> = new Set(['sprintf', 'regex.split', 'yaml.is_valid', 'yaml.marshal', 'yaml.unmarshal', 'json.is_valid']);
