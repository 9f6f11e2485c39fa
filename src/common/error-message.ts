/**
 * One way to turn whatever was thrown into a one-line message. Node's system errors say
 * "ENOENT: no such file or directory, open 'x'": the code is for programs, and the path is already named by
 * the caller's location, so a person reads only what went wrong.
 */
const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on this machine',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EEXIST: 'it already exists',
  EADDRINUSE: 'address already in use',
  EADDRNOTAVAIL: "the address is not one of this machine's",
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'timed out',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the name could not be resolved (try again later)',
  EHOSTUNREACH: 'no route to host',
  ENETUNREACH: 'the network is unreachable',
};

/** The code of a Node system error ("ENOENT"), when `e` is one this module knows how to say. */
export function systemErrorCode(e: unknown): string | undefined {
  if (!(e instanceof Error) || !('code' in e) || typeof e.code !== 'string') return undefined;
  return Object.hasOwn(SYSTEM_ERRORS, e.code) ? e.code : undefined;
}

/** A thrown value as one line: a known system error in words, otherwise the first line of its message. */
export function errorMessage(e: unknown): string {
  const code = systemErrorCode(e);
  if (code !== undefined) return SYSTEM_ERRORS[code] ?? code;
  // Node's happy-eyeballs connect (localhost → ::1 and 127.0.0.1) fails with an AggregateError of no message.
  if (e instanceof AggregateError && e.message === '' && e.errors.length > 0) return errorMessage(e.errors[0]);
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]?.trim() || (e instanceof Error ? e.name : 'unknown error');
}

/**
 * V8's JSON errors quote the input ('Unexpected token 'A', "ACTIONS_RU"... is not valid JSON'); a file that
 * is not what it should be may hold anything, so only where it went wrong is said, never what it holds.
 */
export function describeJsonError(e: unknown): string {
  const message = e instanceof Error ? e.message : '';
  if (/end of JSON input/.test(message)) return 'it ends before the JSON document does';
  const at = /at position (\d+)/.exec(message)?.[1];
  return at === undefined ? 'it is not valid JSON' : `it is not valid JSON at character ${at}`;
}
