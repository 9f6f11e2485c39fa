/**
 * Why an image could not be read, decided where the failure happens: `environment` when the webhook's
 * surroundings failed (the registry unreachable, timing out, answering 5xx, refusing credentials);
 * anything else — what the image's own bytes cause — is `image`. Admission lets only the first kind
 * through under --fail-open.
 */
import { TarError } from './tar-reader.ts';

export type FailureKind = 'environment' | 'image';

/** A failure of the environment, not of the image: see FailureKind. */
export class EnvironmentFailure extends Error {
  readonly kind = 'environment' as const;
  override name = 'EnvironmentFailure';
}

/** The kind of a failure thrown while reading an image: only an EnvironmentFailure is the environment's. */
export function failureKind(e: unknown): FailureKind {
  return e instanceof EnvironmentFailure ? 'environment' : 'image';
}

/**
 * Whether a thrown value is a failure reading an image, as opposed to a bug: the readers throw plain Errors
 * (Node's system, zlib and stream errors are plain Errors with a code), TarErrors and EnvironmentFailures,
 * and fetch's timeouts are the environment's. A TypeError, RangeError or anything else is a bug, to be
 * reported as one rather than as an image that "could not be read".
 */
export function isReadFailure(e: unknown): e is Error {
  if (e instanceof EnvironmentFailure || e instanceof TarError) return true;
  if (!(e instanceof Error)) return false;
  return Object.getPrototypeOf(e) === Error.prototype || e.name === 'AbortError' || e.name === 'TimeoutError';
}

/** fetch's own body errors (connection reset, timeout), as opposed to the errors this reader throws. */
export function transportError(e: unknown): boolean {
  return e instanceof TypeError || (e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError'));
}

/** HTTP statuses that say the registry or its credentials failed, not the image. */
export const UNAVAILABLE = (status: number): boolean => status >= 500 || [401, 403, 407, 408, 429].includes(status);
