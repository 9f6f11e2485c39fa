/**
 * What the user or the machine caused, as opposed to a bug, for the front ends' last line of defence:
 * a UserError, a failure of the environment (a registry, the network), or a Node system error (a file, a
 * port) that no step turned into a value itself. Each is said in one line; anything else is a bug.
 */
import { errorMessage, systemErrorCode, UserError } from '../common/index.ts';
import { EnvironmentFailure } from '../sources/index.ts';

export function asUserError(e: unknown): UserError | undefined {
  if (e instanceof UserError) return e;
  if (e instanceof EnvironmentFailure) return new UserError(errorMessage(e), undefined, 'Check the network and the service named, then run the command again.');
  if (!(e instanceof Error) || systemErrorCode(e) === undefined) return undefined;
  // Node names the file (path) or the address (address, port) the call was about.
  const port = 'port' in e && typeof e.port === 'number' ? `:${e.port}` : '';
  const where = 'path' in e && typeof e.path === 'string' ? e.path : 'address' in e && typeof e.address === 'string' ? `${e.address}${port}` : undefined;
  return new UserError(errorMessage(e), where, 'Check the path or address named, then run the command again.');
}
