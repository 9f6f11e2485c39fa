/**
 * How large an input a policy instance can evaluate. OPA's heap holds the input, its parsed value and every
 * intermediate set, so the memory an evaluation needs follows the size of the serialized input: measured on the
 * built-in policy (the heap's highest touched byte after the call), 15.4 bytes per input byte at 100 modules,
 * 14.5–14.7 from 1,000 to 20,000 modules with users, hosts, secrets and comments on each, 13.6–14.0 for bare
 * modules. An input over the memory's maximum divided by PEAK_HEAP_PER_BYTE is refused before it is evaluated:
 * evaluating it would grow the instance to its maximum (1 GiB for the built-in policy) for tens of seconds and
 * then fail anyway, on every policy thread that gets such a config at once (issue 20).
 */
import { isObject, MiB, UserError } from '../common/index.ts';

const GiB = 1024 * MiB;

/** Heap bytes per byte of input at the most that was measured (15.4), rounded up. */
export const PEAK_HEAP_PER_BYTE = 16;

/** The input's size in UTF-8 bytes when it is over what `maxMemoryBytes` can evaluate, else null. */
export function overBudget(input: string | Uint8Array, maxMemoryBytes: number): number | null {
  const budget = maxMemoryBytes / PEAK_HEAP_PER_BYTE;
  if (typeof input !== 'string') return input.length > budget ? input.length : null;
  // A UTF-16 unit is 1 to 3 UTF-8 bytes: the exact length is only worth computing between the two bounds.
  if (input.length > budget) return Buffer.byteLength(input);
  if (input.length * 3 <= budget) return null;
  const bytes = Buffer.byteLength(input);
  return bytes > budget ? bytes : null;
}

/** Whether an evaluation failed for want of memory: OPA's allocator gives up, or the memory cannot grow (RangeError). */
export function isMemoryFailure(e: unknown): boolean {
  if (e instanceof RangeError) return true;
  const message = typeof e === 'string' ? e : e instanceof Error ? e.message : isObject(e) && typeof e['message'] === 'string' ? e['message'] : '';
  return message.includes('opa_malloc');
}

/** The error for a target too large for the policy's memory, refused or failed. */
export function tooLarge(target: string, modules: number | undefined, maxMemoryBytes: number, policyName: string): UserError {
  const count = modules === undefined ? '' : `${modules.toLocaleString('en-US')} module${modules === 1 ? '' : 's'}, `;
  return new UserError(
    `too large to evaluate (${count}${memoryLabel(maxMemoryBytes)} policy memory): split it or exclude it (--exclude)`,
    target,
    `${capitalized(policyLabel(policyName))} needs about ${PEAK_HEAP_PER_BYTE} bytes of memory per byte of its input; the other targets are evaluated.`,
  );
}

/** "the built-in policy", or "the policy <path>" for a user's. */
export function policyLabel(name: string): string {
  return name === 'built-in policy' ? `the ${name}` : `the policy ${name}`;
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function memoryLabel(bytes: number): string {
  return bytes % GiB === 0 ? `${bytes / GiB} GiB` : `${Math.round(bytes / MiB)} MiB`;
}
