/** Fallible steps return values, not exceptions: `throw` is for bugs only. */
export type Result<T, E = UserError> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function fail<E>(error: E): Result<never, E> {
  return { ok: false, error };
}

/** A mistake in the user's input or environment (as opposed to a bug): what, where, what to do. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly where?: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
