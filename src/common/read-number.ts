/**
 * Numbers the user sets, from an environment variable or an option, read one way: decimal digits only
 * (no "1e9", "0x10", "12MB", sign or blank), within a stated range. `Number("abc")` is NaN, and every
 * comparison with NaN is false, so a cap read carelessly is silently no cap at all.
 */
import { fail, ok, UserError, type Result } from './result.ts';

export interface NumberSpec {
  /** Smallest accepted value; 0 or more (nothing rsyncguard reads may be negative). */
  min: number;
  /** Largest accepted value (default: the largest exact integer). */
  max?: number;
  /** Whether a fraction ("0.5") is accepted; by default only whole numbers are. */
  fraction?: boolean;
  /** Used when the setting is absent (and, for a variable, empty). */
  fallback: number;
}

/**
 * `raw` as a number for the setting `name` ("--workers", "RSYNCGUARD_MAX_LAYER_BYTES"); an error names the
 * setting, the value (cut short, control characters shown as "?") and the accepted range.
 */
export function readNumber(name: string, raw: string | undefined, spec: NumberSpec): Result<number> {
  if (raw === undefined) return ok(spec.fallback);
  // Exactly the digits: a blank around them is refused like any other character, never trimmed away.
  const shape = spec.fraction === true ? /^[0-9]+(\.[0-9]+)?$/ : /^[0-9]+$/;
  const value = shape.test(raw) ? Number(raw) : Number.NaN;
  const max = spec.max ?? Number.MAX_SAFE_INTEGER;
  if (Number.isFinite(value) && value >= spec.min && value <= max && (spec.fraction === true || Number.isSafeInteger(value))) return ok(value);
  const shown = (raw.length > 40 ? `${raw.slice(0, 40)}…` : raw).replace(/[^\x20-\x7e]/g, '?');
  return fail(new UserError(`${name}="${shown}" is not ${describe(spec)}`, undefined, hint(name, spec)));
}

/** A numeric environment variable: unset or empty means the default. */
export function readEnvNumber(env: Readonly<Record<string, string | undefined>>, name: string, spec: NumberSpec): Result<number> {
  const raw = env[name];
  return readNumber(name, raw === '' ? undefined : raw, spec);
}

/** "a positive whole number", "a whole number from 1 to 64", "a number from 0.1 to 60". */
function describe(spec: NumberSpec): string {
  const kind = spec.fraction === true ? 'number' : 'whole number';
  if (spec.max === undefined) return spec.min === 1 && spec.fraction !== true ? `a positive ${kind}` : spec.min === 0 ? `a ${kind} (0 or more)` : `a ${kind} of at least ${spec.min}`;
  return `a ${kind} from ${spec.min} to ${spec.max}`;
}

function hint(name: string, spec: NumberSpec): string {
  return name.startsWith('-') ? `Pass ${name} ${spec.fallback} (the default) or another value in that range.` : `Unset it (default ${spec.fallback}) or set a number such as ${spec.fallback}.`;
}
