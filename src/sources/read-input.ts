/**
 * Files the user names for the tool itself (a waiver file, facts to evaluate, a policy bundle) are read
 * as regular files only, with a byte cap. The type is checked on a descriptor opened without blocking, so
 * a FIFO, a device such as /dev/zero, or a socket is refused before a single byte is read; the read stops
 * at the cap whatever the file's size claims.
 */
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { errorMessage, fail, MiB, ok, UserError, type InputSpec, type Result } from '../common/index.ts';
import { fileTypeName, readCapped } from './read-regular.ts';

export function readInputFile(path: string, spec: InputSpec): Result<Buffer> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    return fail(new UserError(`cannot read ${spec.what}: ${errorMessage(e)}`, path, spec.hint));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return fail(new UserError(`${spec.what} is ${fileTypeName(st)}, not a regular file; it was not read`, path, spec.hint));
    if (st.size > spec.maxBytes) return fail(tooLarge(path, spec, formatBytes(st.size)));
    const bytes = readCapped(fd, spec.maxBytes);
    return bytes === null ? fail(tooLarge(path, spec)) : ok(bytes);
  } catch (e) {
    return fail(new UserError(`cannot read ${spec.what}: ${errorMessage(e)}`, path, spec.hint));
  } finally {
    closeSync(fd);
  }
}

/** Standard input (a pipe, a file or a terminal — the user chose it with "-"), under the same cap. */
export async function readStdin(spec: InputSpec): Promise<Result<Buffer>> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += b.length;
    if (total > spec.maxBytes) {
      process.stdin.destroy();
      return fail(tooLarge('(standard input)', spec));
    }
    chunks.push(b);
  }
  return ok(Buffer.concat(chunks, total));
}

/** `size` when the file said it; a file that grew while read, or a stream, is only known to be too large. */
function tooLarge(where: string, spec: InputSpec, size?: string): UserError {
  const limit = formatBytes(spec.maxBytes);
  return new UserError(`${spec.what} is ${size === undefined ? 'larger than' : `${size}, over`} the limit of ${limit}; it was not read`, where, spec.hint);
}

function formatBytes(n: number): string {
  return n >= MiB ? `${(n / MiB).toFixed(n % MiB === 0 ? 0 : 1)} MiB` : `${n} bytes`;
}
